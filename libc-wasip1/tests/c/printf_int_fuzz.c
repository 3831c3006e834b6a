/* Random integer/char/string/pointer conversions with random flags, widths,
 * precisions and length modifiers (output hashed, samples printed). */
#include <stdio.h>
#include <string.h>
#include <stdint.h>

static unsigned long long s = 0x2545F4914F6CDD1DULL;
static unsigned long long next(void) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }

int main(void) {
    const char *convs = "diouxXcsp";
    const char *lens[] = {"", "hh", "h", "l", "ll", "j", "z", "t"};
    const char *flags = "-+ #0";
    char fmt[64], out[512];
    unsigned long h = 0;
    for (int i = 0; i < 20000; i++) {
        unsigned long long r = next();
        char conv = convs[r % 9];
        int p = 0;
        fmt[p++] = '[';
        fmt[p++] = '%';
        for (int k = 0; k < 5; k++) if ((r >> (8 + k)) & 1 && ((r >> 20) & 3)) fmt[p++] = flags[k];
        if ((r >> 14) & 1) p += sprintf(fmt + p, "%d", (int)((r >> 24) % 25));
        if ((r >> 15) & 1) p += sprintf(fmt + p, ".%d", (int)((r >> 30) % 22));
        const char *len = "";
        if (conv != 'c' && conv != 's' && conv != 'p') len = lens[(r >> 35) % 8];
        p += sprintf(fmt + p, "%s%c]", len, conv);
        fmt[p] = 0;
        long long v = (long long)next();
        if ((r >> 40) & 1) v >>= (r >> 41) % 64;
        int n;
        if (conv == 's') n = snprintf(out, sizeof out, fmt, ((r >> 50) & 1) ? "hello, world" : "");
        else if (conv == 'p') n = snprintf(out, sizeof out, fmt, (void *)(uintptr_t)(v & 0xffffff));
        else if (conv == 'c') n = snprintf(out, sizeof out, fmt, (int)(v & 0x7f) | 0x20);
        else if (!strcmp(len, "ll") || !strcmp(len, "j")) n = snprintf(out, sizeof out, fmt, v);
        else n = snprintf(out, sizeof out, fmt, (int)v);
        for (int j = 0; j < n && j < (int)sizeof out; j++) h = h * 131 + (unsigned char)out[j];
        h = h * 7 + (unsigned)n;
        if (i % 400 == 0) printf("%-16s %d %s\n", fmt, n, out);
    }
    printf("hash %lu\n", h);
    return 0;
}
