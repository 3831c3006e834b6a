// Floating-point formatting and parsing: rounding ties, extremes, %a,
// %.17g round trips of many pseudo-random doubles (bit-exact), checksums.
// (No long double: Debian's wasi-libc needs -lc-printscan-long-double.)
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 0x9E3779B97F4A7C15ull;
static uint64_t next(void) {
    state ^= state << 13; state ^= state >> 7; state ^= state << 17;
    return state;
}

int main(void) {
    printf("ties: %.0f %.0f %.0f %.0f %.1f %.2f\n", 0.5, 1.5, 2.5, -0.5, 0.25, 1.005);
    printf("extremes: %g %g %g %g\n", DBL_MAX, DBL_MIN, DBL_TRUE_MIN, -DBL_MAX);
    printf("%%.17g: %.17g %.17g %.17g\n", 0.1, 1.0 / 3.0, 2.0 / 3.0);
    printf("%%a: %a %a %a %A\n", 1.0, 0.1, -2.5, 1e-310);
    printf("big %%f: %.0f\n", 1e22);
    printf("%%e edge: %.3e %.0e %e\n", 9.9995, 5.0, 0.0);
    printf("float: %.9g %.9g\n", (double)FLT_MAX, (double)FLT_MIN);
    printf("signs: %+.1f %+.1f % .1f %f %f\n", 0.0, -0.0, 1.0, NAN, -INFINITY);
    char buf[64];
    int mismatches = 0;
    uint64_t checksum = 0;
    for (int i = 0; i < 20000; i++) {
        uint64_t bits = next();
        double d;
        memcpy(&d, &bits, sizeof d);
        if (isnan(d) || isinf(d)) continue;
        int n = snprintf(buf, sizeof buf, "%.17g", d);
        for (int k = 0; k < n; k++) checksum = checksum * 131 + (unsigned char)buf[k];
        double back = strtod(buf, NULL);
        if (memcmp(&back, &d, sizeof d) != 0) mismatches++;
    }
    printf("roundtrip mismatches: %d, text checksum %016llx\n", mismatches, (unsigned long long)checksum);
    checksum = 0;
    for (int i = 0; i < 5000; i++) {
        double d = (double)(next() % 2000000) / 1000.0 - 1000.0;
        int n = snprintf(buf, sizeof buf, "%.3f|%g|%.2e", d, d, d);
        for (int k = 0; k < n; k++) checksum = checksum * 131 + (unsigned char)buf[k];
    }
    printf("fixed formats checksum %016llx\n", (unsigned long long)checksum);
    float f = strtof("3.4028235e38", NULL);
    printf("strtof max: %.9g\n", (double)f);
    return 0;
}
