// link-args: -lc-printscan-long-double
//
// The C ABI between clang-compiled code and the libc: libc functions called
// through function pointers, variadic calls forwarded through va_list,
// struct-by-value returns (div/ldiv/lldiv/imaxdiv), long double (binary128
// on wasm32: passed in two i64, returned through a pointer) and __int128
// (compiler-rt helpers) in and out of printf/strtold.
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A table of libc functions taken by address: the indirect calls must land
 * on the same functions whichever libc is linked. */
typedef size_t (*len_fn)(const char *);
typedef int (*cmp_fn)(const char *, const char *);
typedef long (*strtol_fn)(const char *, char **, int);
static len_fn volatile p_strlen = strlen;
static cmp_fn volatile p_strcmp = strcmp;
static strtol_fn volatile p_strtol = strtol;
static int (*volatile p_snprintf)(char *, size_t, const char *, ...) = snprintf;
static int (*volatile p_vsnprintf)(char *, size_t, const char *, va_list) = vsnprintf;

/* Our own variadic function forwarding to vsnprintf and vfprintf. */
__attribute__((noinline)) static int say(const char *fmt, ...) {
    char buf[256];
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = p_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    printf("[%d] %s|", n, buf);
    vfprintf(stdout, fmt, ap2);
    va_end(ap2);
    putchar('\n');
    return n;
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Debian's compiler-rt builds the 128-bit division helpers with a stack
 * protector that its 2022 wasi-libc cannot satisfy, so the reference cell
 * could not link `/` or `%` on __int128: print it in hex through shifts. */
static void print_u128(unsigned __int128 v) {
    printf("0x%016llx%016llx", (unsigned long long)(v >> 64), (unsigned long long)v);
}

int main(void) {
    /* function pointers */
    printf("strlen=%zu strcmp=%d strtol=%ld\n", p_strlen("pointer"),
           p_strcmp("abc", "abd") < 0, p_strtol("-0x7f", 0, 0));
    char small[8];
    int n = p_snprintf(small, sizeof small, "%s-%d-%c", "truncated", 42, 'z');
    printf("snprintf via pointer: %d \"%s\"\n", n, small);

    /* variadics with every argument class mixed */
    say("%d %ld %lld %u %hhd %hd", -1, 123456789L, -9007199254740993LL, 4000000000u, 300, 70000);
    say("%f %e %g %a", 3.25, -1.5e-300, 123456789.0, 0.1);
    say("%s %c %p %%", "str", 'q', (void *)0x1234);
    say("%5.2f|%-8d|%+08.3e|%#x|%#o", 2.71828, 7, 6.02e23, 255u, 8u);
    say("%jd %zd %td %ju", (intmax_t)-5, (ssize_t)17, (ptrdiff_t)-3, (uintmax_t)UINT64_MAX);
    say("%" PRId64 " %" PRIu64 " %" PRIx32, INT64_MIN, UINT64_MAX, UINT32_MAX);

    /* struct-by-value returns */
    div_t d = div(-17, 5);
    ldiv_t ld = ldiv(1000000007L, -13L);
    lldiv_t lld = lldiv(-9000000000000000001LL, 7LL);
    imaxdiv_t imd = imaxdiv(INTMAX_MAX, 1000);
    printf("div %d %d ldiv %ld %ld lldiv %lld %lld imaxdiv %jd %jd\n", d.quot, d.rem,
           ld.quot, ld.rem, lld.quot, lld.rem, imd.quot, imd.rem);
    div_t (*volatile p_div)(int, int) = div;
    d = p_div(INT32_MIN + 1, -1);
    printf("div via pointer %d %d\n", d.quot, d.rem);

    /* long double: arithmetic in compiler-rt, conversions in libc */
    long double third = 1.0L / 3.0L;
    long double big = 1e300L * 1e300L;
    printf("%.30Lf\n%.20Le\n%Lg\n%La\n", third, third, big, third);
    char *end;
    long double parsed = strtold("0.1000000000000000000000000000000001", &end);
    printf("strtold %.36Le rest \"%s\"\n", parsed, end);
    printf("strtold==0.1L %d, (double) %.17g\n", parsed == 0.1L, (double)parsed);
    char lbuf[64];
    snprintf(lbuf, sizeof lbuf, "%.25Lg", (long double)UINT64_MAX + 0.5L);
    printf("u64max+0.5 %s\n", lbuf);
    long double sum = 0;
    for (int i = 1; i <= 100; i++) sum += 1.0L / i;
    printf("harmonic(100) %.33Lg\n", sum);

    /* __int128 through compiler-rt helpers */
    unsigned __int128 f = 1;
    for (int i = 1; i <= 30; i++) f *= (unsigned)i;
    printf("30! = ");
    print_u128(f);
    printf("\n");
    __int128 neg = -(__int128)f * 3;
    printf("neg<0 %d, shifts %llx %llx, arith %llx\n", neg < 0,
           (unsigned long long)(f >> 67), (unsigned long long)(f << 7),
           (unsigned long long)((unsigned __int128)neg >> 100));

    /* qsort of 64-bit keys with a comparator passed by pointer */
    uint64_t keys[] = {UINT64_MAX, 0, 1ull << 63, 42, 1ull << 32, 7};
    qsort(keys, 6, sizeof keys[0], cmp_u64);
    for (int i = 0; i < 6; i++) printf("%" PRIu64 "%c", keys[i], i == 5 ? '\n' : ' ');
    return 0;
}
