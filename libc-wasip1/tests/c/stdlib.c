/* stdlib.h conversions and arithmetic helpers. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <inttypes.h>
#include <errno.h>
#include <limits.h>

static void tl(const char *s, int base) {
    char *end; errno = 0;
    long v = strtol(s, &end, base);
    printf("strtol(\"%s\",%d) = %ld end+%td errno %d\n", s, base, v, end - s, errno);
    errno = 0;
    unsigned long u = strtoul(s, &end, base);
    printf("strtoul = %lu end+%td errno %d\n", u, end - s, errno);
    errno = 0;
    long long ll = strtoll(s, &end, base);
    printf("strtoll = %lld end+%td errno %d\n", ll, end - s, errno);
    errno = 0;
    unsigned long long ull = strtoull(s, &end, base);
    printf("strtoull = %llu end+%td errno %d\n", ull, end - s, errno);
}

static void td(const char *s) {
    char *end; errno = 0;
    double d = strtod(s, &end);
    int e1 = errno; errno = 0;
    float f = strtof(s, &end);
    union { double d; unsigned long long u; } bits = { d };
    printf("strtod(\"%s\") = %.17g %016llx end+%td errno %d | f %.9g %d\n", s, d, bits.u, end - s, e1, (double)f, errno);
}

int main(void) {
    const char *ints[] = {"0", "42", "-42", "  +17xyz", "0x1A", "0X1a", "010", "0x", "0xg", "", "   ", "-", "z",
        "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296", "-1",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551615",
        "18446744073709551616", "99999999999999999999999", "\t\n 123", "1_000"};
    int bases[] = {0, 10, 16, 8, 2, 36};
    for (unsigned i = 0; i < sizeof ints / sizeof *ints; i++) tl(ints[i], i % 3 == 0 ? 10 : 0);
    for (unsigned b = 0; b < 6; b++) tl("zz11", bases[b]);
    char *end; errno = 0;
    long v = strtol("10", &end, 1); printf("base1 %ld %d %d\n", v, errno, *end);
    errno = 0; v = strtol("10", &end, 37); printf("base37 %ld %d\n", v, errno);
    printf("strtoimax %jd strtoumax %ju\n", strtoimax("-123", NULL, 10), strtoumax("123", NULL, 10));
    printf("atoi %d %d %d %d atol %ld atoll %lld\n", atoi("  -123abc"), atoi("+5"), atoi("x"), atoi("2147483648"), atol("99"), atoll("-9223372036854775807"));
    const char *fl[] = {"0", "-0", "1", "1.5", ".5", "5.", ".", "1e10", "1e", "1e+", "1e-5x", "1.7976931348623157e308",
        "1.8e308", "4.9e-324", "2e-324", "1e-400", "0.1", "3.14159265358979323846264338327950288",
        "inf", "-INF", "infinity", "infinit", "nan", "NAN(123)", "nan(", "-nan", "-NAN(x)", "0x1p3", "0x1.8p1", "0x.8", "0x",
        "0x1p-1074", "0x1p-1075", "0x1.0000000000001p0", "0x1.00000000000008p0", "0x1.00000000000018p0",
        "0x1p1024", "  -12.5e-1abc", "123456789012345678901234567890", "2.2250738585072011e-308",
        "0.000000000000000000000000000000000000001e39", "9007199254740993", "1e23", "8.589973e9", "+.1e+2"};
    for (unsigned i = 0; i < sizeof fl / sizeof *fl; i++) td(fl[i]);
    printf("atof %g\n", atof("2.5e3"));
    printf("abs %d %ld %lld %jd\n", abs(-5), labs(-6L), llabs(-7LL), imaxabs(-8));
    div_t d = div(-7, 2); ldiv_t ld2 = ldiv(7L, -2L); lldiv_t lld = lldiv(-7LL, -2LL); imaxdiv_t im = imaxdiv(100, 7);
    printf("div %d %d ldiv %ld %ld lldiv %lld %lld imaxdiv %jd %jd\n", d.quot, d.rem, ld2.quot, ld2.rem, lld.quot, lld.rem, im.quot, im.rem);
    return 0;
}
