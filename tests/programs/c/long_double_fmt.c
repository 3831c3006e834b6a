// link-args: -lc-printscan-long-double
//
// long double (binary128) text conversions: printf %La/%Le/%Lf/%Lg with
// every precision from 0 to 40 and the flags, on values chosen to exercise
// rounding ties, carries, subnormals and extremes; strtold on numerals that
// need all 113 bits, with errno; sscanf %Lf/%Lg/%La.
#include <errno.h>
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long double values[12];

static void fill(void) {
    values[0] = 1.0L / 3.0L;
    values[1] = 2.5L;
    values[2] = 0.125L;
    values[3] = 9.9999999999999999999999999999999995L;
    values[4] = LDBL_MAX;
    values[5] = LDBL_MIN;
    values[6] = LDBL_TRUE_MIN;
    values[7] = LDBL_EPSILON;
    values[8] = 1e300L * 1e300L * 1e300L;
    values[9] = -0.0L;
    values[10] = 1.0L + LDBL_EPSILON;
    values[11] = 123456789012345678901234567890.0L;
}

static void each_precision(const char *conv) {
    for (unsigned v = 0; v < sizeof values / sizeof *values; v++) {
        char fmt[16], out[256];
        printf("%s v%u:", conv, v);
        for (int p = 0; p <= 40; p += (p < 30 ? 1 : 5)) {
            snprintf(fmt, sizeof fmt, "%%.%dL%s", p, conv);
            int n = snprintf(out, sizeof out, fmt, values[v]);
            printf(" %d:%s", n, n < 60 ? out : "(long)");
        }
        printf("\n");
    }
}

int main(void) {
    fill();
    each_precision("a");
    each_precision("e");
    each_precision("g");
    for (unsigned v = 0; v < sizeof values / sizeof *values; v++) {
        if (v == 4 || v == 8)
            continue; /* thousands of digits: printed below by length only */
        printf("f v%u: %.40Lf\n", v, values[v]);
    }
    char big[6000];
    printf("LDBL_MAX %%Lf length %d, digits hash:", snprintf(big, sizeof big, "%.3Lf", LDBL_MAX));
    unsigned h = 0;
    for (char *p = big; *p; p++) h = h * 31 + (unsigned char)*p;
    printf(" %08x, head %.20s, tail %s\n", h, big, big + strlen(big) - 10);
    printf("true min %%.16500Lf: length %d\n", snprintf(0, 0, "%.16500Lf", LDBL_TRUE_MIN));

    /* Flags and widths. */
    long double x = -1234.5678L;
    printf("[%+20.5Lf] [%-20.3Le] [%020.4Lg] [% La] [%#.0Lf] [%#.0Le] [%#Lg] [%040La] [%-+12.2LA]\n",
           x, x, x, -x, 3.0L, 3.0L, 1.5L, x, x);
    printf("[%Lf] [%Le] [%Lg] [%La] [%LF] [%LE] [%LG] [%LA]\n", values[8], -values[8], values[8],
           -values[8], values[8], values[8], -values[8], values[8]);
    printf("nan [%Lf] [%5LG]\n", (long double)NAN, (long double)NAN);

    /* strtold: numerals that need every one of the 113 bits, ties, ranges. */
    static const char *inputs[] = {
        "0.1", "1e-4966", "6.4751751194380251109244389582276465525e-4966", "3e-4966",
        "1.18973149535723176508575932662800702e4932", "1.18973149535723176508575932662800703e4932",
        "1.2e4932", "1e-5000", "0x1.ffffffffffffffffffffffffffffp+16383", "0x1p-16494",
        "0x1.00000000000000000000000000008p0", "0x1.00000000000000000000000000018p0",
        "1.000000000000000000000000000000000096296497219361792652798897129246365926905082628",
        "2.00000000000000000000000000000000019259299443872358530559779425849273185381016526",
        "-0", "  +inf", "-nan", "1e", "0x", ".", "123abc", "1e+", "4.9e-4966",
    };
    for (unsigned i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        char *end;
        errno = 0;
        long double v = strtold(inputs[i], &end);
        int e = errno;
        printf("strtold(\"%s\") = %La errno=%d used=%d\n", inputs[i], v, e, (int)(end - inputs[i]));
    }

    /* Round trips: 36 significant digits identify every binary128 value. */
    long double r = 1.0L;
    int bad = 0;
    for (int i = 0; i < 2000; i++) {
        r = r * 1.0009765625L + 1.0L / (i + 3);
        if (i % 7 == 0) r = 1.0L / r;
        char buf[80];
        snprintf(buf, sizeof buf, "%.35Le", r);
        if (strtold(buf, 0) != r) bad++;
    }
    printf("round trips failed: %d\n", bad);

    /* sscanf */
    long double a = 0, b = 0, c = 0;
    int n = sscanf("3.14159265358979323846264338327950288 -2.5e-300 0x1.8p1", "%Lf %Lg %La", &a, &b, &c);
    printf("sscanf %d: %La %La %La\n", n, a, b, c);
    return 0;
}
