/* strtod/strtof/sscanf on many pseudo-random decimal and hex strings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

static unsigned long long s = 0x9E3779B97F4A7C15ULL;
static unsigned long long next(void) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }

int main(void) {
    char buf[128];
    unsigned long h = 0;
    for (int i = 0; i < 20000; i++) {
        unsigned long long r = next();
        int nd = 1 + r % 25, p = 0;
        if (r & (1ULL << 40)) buf[p++] = '-';
        int hex = (r >> 50) % 7 == 0;
        if (hex) { buf[p++] = '0'; buf[p++] = 'x'; }
        int dot = (r >> 8) % (nd + 1);
        for (int k = 0; k < nd; k++) {
            if (k == dot) buf[p++] = '.';
            unsigned d = next() % (hex ? 16 : 10);
            buf[p++] = "0123456789abcdef"[d];
        }
        int e = (int)((r >> 20) % 700) - 350;
        if (hex) e = (int)((r >> 20) % 2300) - 1150;
        if ((r >> 32) % 4) p += sprintf(buf + p, "%c%d", hex ? 'p' : 'e', e);
        buf[p] = 0;
        errno = 0;
        char *end;
        double d = strtod(buf, &end);
        int e1 = errno;
        errno = 0;
        float f = strtof(buf, NULL);
        int e2 = errno;
        double d2 = 0;
        int n = sscanf(buf, "%lf", &d2);
        unsigned long long bits; unsigned fb;
        memcpy(&bits, &d, 8); memcpy(&fb, &f, 4);
        h = h * 1000003 + bits + fb * 31 + e1 * 7 + e2 * 3 + (end - buf) + n + (d2 == d || d != d);
        if (i % 500 == 0) printf("%s -> %016llx %08x %d %d %td\n", buf, bits, fb, e1, e2, end - buf);
    }
    printf("hash %lu\n", h);
    return 0;
}
