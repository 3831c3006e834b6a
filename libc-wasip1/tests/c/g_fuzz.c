/* %g and %#g around powers of ten and on random magnitudes (hashed). */
#include <stdio.h>
#include <string.h>
static unsigned long long s = 0x5555AAAA5555AAAAULL;
static unsigned long long next(void) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }
int main(void) {
    char buf[600]; unsigned long h = 0;
    for (int i = 0; i < 60000; i++) {
        static const double p10[] = {1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
            1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19};
        double base = p10[next() % 26];
        double x;
        switch (i % 4) {
        case 0: x = base; break;
        case 1: { unsigned long long u; memcpy(&u, &base, 8); u--; memcpy(&x, &u, 8); break; }
        case 2: x = base * (1 - (double)(next() % 1000) * 1e-9); break;
        default: { unsigned long long u = (unsigned long long)(next() % 80 + 953) << 52 | (next() >> 12); memcpy(&x, &u, 8); }
        }
        int p = next() % 19;
        int n = snprintf(buf, sizeof buf, (i & 8) ? "%#.*g" : "%.*g", p, x);
        for (int k = 0; k < n; k++) h = h * 131 + (unsigned char)buf[k];
        if (i % 6000 == 0) printf("%s\n", buf);
    }
    printf("hash %lu\n", h);
}
