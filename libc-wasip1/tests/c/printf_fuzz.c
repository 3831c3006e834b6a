/* Floating-point printf on many pseudo-random doubles (exact output). */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

static unsigned long long s = 88172645463325252ULL;
static unsigned long long next(void) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }

int main(void) {
    const char *fmts[] = {"%.17g", "%g", "%.3e", "%.0e", "%.10f", "%a", "%.2a", "%#.5g", "%.1f", "%.20e", "%12.4G", "%-+15.3E"};
    char buf[2048];
    unsigned long h = 0;
    for (int i = 0; i < 3000; i++) {
        unsigned long long b = next();
        double x;
        if (i % 3 == 0) {
            /* values of moderate magnitude */
            x = (double)(long long)(b >> 11) / (double)(1ULL << (b & 63));
            if (b & 1) x = -x;
        } else {
            memcpy(&x, &b, sizeof x);
        }
        for (unsigned k = 0; k < sizeof fmts / sizeof *fmts; k++) {
            int n = snprintf(buf, sizeof buf, fmts[k], x);
            for (int j = 0; j < n && j < (int)sizeof buf - 1; j++) h = h * 131 + (unsigned char)buf[j];
            if (i % 100 == 0) printf("%s\n", buf);
        }
        double y = strtod(buf, NULL);
        h = h * 7 + (y == y ? 1 : 0);
    }
    for (int i = 0; i < 3000; i++) {
        unsigned long long b = next();
        double x;
        memcpy(&x, &b, sizeof x);
        snprintf(buf, sizeof buf, "%.17g", x);
        double y = strtod(buf, NULL);
        if (memcmp(&x, &y, sizeof x) != 0 && x == x) printf("roundtrip fail %s\n", buf);
        snprintf(buf, sizeof buf, "%a", x);
        y = strtod(buf, NULL);
        if (memcmp(&x, &y, sizeof x) != 0 && x == x) printf("hex roundtrip fail %s\n", buf);
    }
    printf("hash %lu\n", h);
    return 0;
}
