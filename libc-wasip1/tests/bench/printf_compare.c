/* printf fidelity check (not a benchmark): formats many doubles and integers
 * with fixed and random formats and prints the results (and a hash), so the
 * output with libc-wasip1 can be compared byte for byte with wasi-libc's.
 * Run by compare.sh; `printf_compare.wasm N` does N random cases (default
 * 20000 of each kind). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t st = 0x9E3779B97F4A7C15ULL;
static uint64_t xr(void) {
    st ^= st << 13;
    st ^= st >> 7;
    st ^= st << 17;
    return st;
}

static unsigned long long hash;
static void mix(const char *buf, int len) {
    for (int i = 0; i < len && i < 2048; i++) hash = hash * 1000003 + (unsigned char)buf[i];
    hash = hash * 31 + (unsigned)len;
}

/* A double from one of several distributions (raw bits, wide exponents,
 * short decimals, halves, near-ties). */
static double some_double(long i) {
    uint64_t b = xr();
    double x;
    switch (i % 6) {
    case 0: memcpy(&x, &b, 8); break;
    case 1: x = (double)(b >> 11) / (double)(1ULL << (b & 63)); break;
    case 2: x = (double)(int64_t)(b % 2000001) / 1000.0 - 1000; break;
    case 3: x = (double)(b % 100000) * 0.5; break;
    case 4:
        b = (b & 0x800fffffffffffffULL) | ((uint64_t)(1023 + (int)(b >> 52 & 127) - 64) << 52);
        memcpy(&x, &b, 8);
        break;
    default: x = (double)(b % 1000) / 8.0 + (double)(b % 7) * 1e-5; break;
    }
    return x;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 20000;
    static const char *fixed[] = {"%e", "%.0e", "%.1e", "%.3e", "%.10e", "%.17e", "%.40e", "%#.0e", "%f",
                                  "%.0f", "%.1f", "%.3f", "%.10f", "%.17f", "%.30f", "%#.0f", "%g", "%.0g",
                                  "%.1g", "%.2g", "%.5g", "%.10g", "%.17g", "%.25g", "%#g", "%#.3g", "%a",
                                  "%.0a", "%.3a", "%.12a", "%.15a", "%+12.4e", "%-14.3g|", "%012.3f", "%E", "%G"};
    char buf[2048], fmt[64];
    for (long i = 0; i < n; i++) {
        double x = some_double(i);
        for (unsigned f = 0; f < sizeof fixed / sizeof *fixed; f++) mix(buf, snprintf(buf, sizeof buf, fixed[f], x));
    }
    printf("fixed formats: %llx\n", hash);
    /* Random flags, width, precision, length modifier and conversion. */
    const char *flags = "-+ #0", *fconv = "eEfFgGaA", *iconv = "diuxXoc";
    for (long i = 0; i < n; i++) {
        int k = 0;
        fmt[k++] = '%';
        for (int f = 0; f < 5; f++)
            if (xr() % 4 == 0) fmt[k++] = flags[f];
        if (xr() % 2) k += sprintf(fmt + k, "%d", (int)(xr() % 30));
        if (xr() % 2) k += sprintf(fmt + k, ".%d", (int)(xr() % 25));
        int isfloat = xr() % 2, m = xr() % 5;
        if (isfloat) {
            fmt[k++] = fconv[xr() % 8];
        } else {
            const char *mods[] = {"", "l", "ll", "h", "hh"};
            k += sprintf(fmt + k, "%s", mods[m]);
            fmt[k++] = iconv[xr() % 7];
        }
        fmt[k] = 0;
        int len;
        if (isfloat) len = snprintf(buf, sizeof buf, fmt, some_double(i));
        else if (m == 2) len = snprintf(buf, sizeof buf, fmt, (long long)xr());
        else len = snprintf(buf, sizeof buf, fmt, (int)xr());
        mix(buf, len);
        if (i % 2000 == 0) printf("%s -> %d [%s]\n", fmt, len, len < 0 ? "" : buf);
    }
    printf("random formats: %llx\n", hash);
    /* Specials at many precisions, and very long expansions. */
    static const double sp[] = {0.0, -0.0, 1.0, 0.5, 1e-320, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308,
                                0.1, 0.125, 2.5, 3.5, 1e22, 1e23, 9.5, 0.05, 0.15, 0.25, 999999.5, 1e-5, 0.00001234};
    for (unsigned i = 0; i < sizeof sp / sizeof *sp; i++) {
        for (int p = 0; p < 80; p += 7) {
            snprintf(buf, sizeof buf, "%.*e|%.*f|%.*g|%#.*g|%.*a", p, sp[i], p, sp[i], p, sp[i], p, sp[i], p, sp[i]);
            printf("%s\n", buf);
        }
        snprintf(buf, sizeof buf, "%.1100f", sp[i]);
        printf("%s\n", buf);
        snprintf(buf, sizeof buf, "%.800e", sp[i]);
        printf("%s\n", buf);
    }
    /* Length modifiers that musl rejects, and %lc of 0. */
    static const char *odd[] = {"%qd", "%hc", "%lc", "%hs", "%Ld", "%hf", "%llc", "%zs", "%jc", "%lp",
                                "%hp", "%lS", "%hC", "%lm", "%C", "%Lx", "%hhf", "%lld", "%Lc", "%zd"};
    for (unsigned i = 0; i < sizeof odd / sizeof *odd; i++) {
        int r = snprintf(buf, sizeof buf, odd[i], 0, 0, 0, 0);
        printf("%s %d [%s]\n", odd[i], r, r < 0 ? "" : buf);
    }
    return 0;
}
