/* sscanf with random numeric inputs, conversions, widths and lengths
 * (results hashed, samples printed). */
#include <stdio.h>
#include <string.h>

static unsigned long long s = 0x9E3779B97F4A7C15ULL;
static unsigned long long next(void) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }

int main(void) {
    const char *pieces[] = {"0", "1", "7", "9", "a", "f", "x", "X", "-", "+", ".", "e", "E", "p", " ", "\t", "i", "n", "z", "8"};
    const char *convs[] = {"d", "i", "u", "o", "x", "ld", "lld", "hhd", "hd", "f", "lf", "e", "g", "a", "s", "c", "[0-9a-f]", "[^ ]", "n"};
    char in[40], fmt[40];
    unsigned long h = 0;
    for (int i = 0; i < 20000; i++) {
        unsigned long long r = next();
        int len = r % 12, p = 0;
        for (int k = 0; k < len; k++) { const char *pc = pieces[next() % 20]; p += sprintf(in + p, "%s", pc); }
        in[p] = 0;
        const char *cv = convs[(r >> 8) % 19];
        int w = (r >> 16) % 4 == 0 ? (int)((r >> 20) % 6) + 1 : 0;
        if (w) sprintf(fmt, "%%%d%s%%n", w, cv); else sprintf(fmt, "%%%s%%n", cv);
        union { long long ll; double d; float f; char b[48]; int i; } u;
        memset(&u, 0, sizeof u);
        int n = -1, ret;
        if (!strcmp(cv, "n")) ret = sscanf(in, "%n", &u.i), n = u.i;
        else ret = sscanf(in, fmt, &u, &n);
        unsigned char *b = (unsigned char *)&u;
        for (unsigned k = 0; k < sizeof u; k++) h = h * 131 + b[k];
        h = h * 7 + (unsigned)(ret + 2) * 3 + (unsigned)(n + 1);
        if (i % 500 == 0) printf("[%s] %-12s ret %d n %d ll %lld\n", in, fmt, ret, n, u.ll);
    }
    printf("hash %lu\n", h);
    return 0;
}
