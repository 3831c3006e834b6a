/* fscanf on a stream: conversions, then what is left unread must match. */
#include <stdio.h>
#include <string.h>

static unsigned long long s = 0x7777777733333333ULL;
static unsigned long long next(void) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }

int main(void) {
    const char *pieces[] = {"0", "12", "x", "-", "+", ".", "e", "5", " ", "\n", "a", "0x", "inf", "nan", "E-", "9"};
    const char *fmts[] = {"%d", "%i", "%x", "%f", "%lf%d", "%s", "%3d%d", "%c%d", " %5s", "%d %d", "%[0-9]", "%lg", "%*d%d", "%2i%i"};
    unsigned long h = 0;
    for (int i = 0; i < 3000; i++) {
        FILE *f = fopen("fscanf.tmp", "w");
        if (!f) { printf("SKIP\n"); return 0; }
        int n = 1 + next() % 8;
        char text[128] = "";
        for (int k = 0; k < n; k++) strcat(text, pieces[next() % 16]);
        fputs(text, f);
        fclose(f);
        f = fopen("fscanf.tmp", "r");
        const char *fmt = fmts[next() % 14];
        union { double d; long long ll; char b[16]; } a, b;
        memset(&a, 0, sizeof a); memset(&b, 0, sizeof b);
        int r = fscanf(f, fmt, &a, &b);
        char rest[128] = "";
        size_t got = fread(rest, 1, sizeof rest - 1, f);
        rest[got] = 0;
        for (unsigned k = 0; k < sizeof a; k++) h = h * 131 + (unsigned char)a.b[k] + (unsigned char)b.b[k];
        h = h * 7 + (unsigned)(r + 2);
        for (size_t k = 0; k < got; k++) h = h * 31 + (unsigned char)rest[k];
        if (i % 100 == 0) printf("%-8s [%s] -> %d rest [%s]\n", fmt, text, r, rest);
        fclose(f);
    }
    remove("fscanf.tmp");
    printf("hash %lu\n", h);
    return 0;
}
