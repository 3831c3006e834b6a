// Integer parsing edge cases: ERANGE, endptr, bases, signs, whitespace.
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

static void l(const char *s, int base) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, base);
    printf("strtol(\"%s\", %d) = %ld, consumed %td, ERANGE %d\n", s, base, v, end - s, errno == ERANGE);
}

static void ul(const char *s, int base) {
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, base);
    printf("strtoull(\"%s\", %d) = %llu, consumed %td, ERANGE %d\n", s, base, v, end - s, errno == ERANGE);
}

int main(void) {
    l("2147483647", 10); l("2147483648", 10); l("-2147483649", 10);
    l("  \t+42abc", 10); l("-0", 10); l("0x", 16); l("0x", 0); l("zz", 36); l("Zz", 36);
    l("077", 0); l("08", 0); l("", 10); l("   ", 10); l("-", 10); l("1e5", 10);
    ul("18446744073709551615", 10); ul("18446744073709551616", 10); ul("-1", 10); ul("0b101", 0);
    printf("atoi overflow-free: %d %d, atol %ld, atoll %lld\n", atoi("  -17xyz"), atoi("junk"), atol("123456"),
           atoll("-9000000000"));
    printf("LONG_MAX %ld, LLONG_MIN %lld\n", LONG_MAX, LLONG_MIN);
    return 0;
}
