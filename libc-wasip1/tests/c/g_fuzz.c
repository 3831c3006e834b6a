/* %g and %#g around powers of ten and on random magnitudes (hashed). */
#include <stdio.h>
#include <string.h>
#include <math.h>
static unsigned long long s = 0x5555AAAA5555AAAAULL;
static unsigned long long next(void) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }
int main(void) {
    char buf[600]; unsigned long h = 0;
    for (int i = 0; i < 60000; i++) {
        int e = (int)(next() % 26) - 6;
        double base = pow(10.0, e);
        double x;
        switch (i % 4) {
        case 0: x = base; break;
        case 1: x = nextafter(base, 0); break;
        case 2: x = base * (1 - (double)(next() % 1000) * 1e-9); break;
        default: x = (double)(next() >> 11) * pow(2.0, (int)(next() % 80) - 70);
        }
        int p = next() % 19;
        int n = snprintf(buf, sizeof buf, (i & 8) ? "%#.*g" : "%.*g", p, x);
        for (int k = 0; k < n; k++) h = h * 131 + (unsigned char)buf[k];
        if (i % 6000 == 0) printf("%s\n", buf);
    }
    printf("hash %lu\n", h);
}
