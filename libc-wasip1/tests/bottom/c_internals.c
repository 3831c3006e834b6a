// musl internals that wasi-libc exports: declared here by hand (no public
// header has them) and called the way musl's own code calls them.
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <fcntl.h>
#include <unistd.h>

unsigned long long __intscan(FILE *, unsigned, int, unsigned long long);
double __floatscan(FILE *, int, int);
void __shlim(FILE *, off_t);
int __shgetc(FILE *);
extern const uint32_t __fsmu8[];
extern const int __EINVAL, __ENOMEM;
extern unsigned __default_stacksize, __default_guardsize;
extern size_t __hwcap, __sysinfo;
extern const size_t __pthread_tsd_size;
extern void *__pthread_tsd_main[];
int __putenv(char *, size_t, char *);
void __env_rm_add(char *, char *);
int __futimesat(int, const char *, const struct timeval[2]);
FILE *__fopen_rb_ca(const char *, FILE *, unsigned char *, size_t);
int __fclose_ca(FILE *);
void __tl_lock(void), __tl_unlock(void), __acquire_ptc(void), __release_ptc(void);
void __init_ssp(void *);
void *__tre_mem_new_impl(int, void *);
void *__tre_mem_alloc_impl(void *, int, void *, int, size_t);
void __tre_mem_destroy(void *);
int __init_tp(void *);
extern uintptr_t __stack_chk_guard;

/// The rest of the stream after a scan, as a string.
static void rest(FILE *f, char *out, size_t n) {
    size_t i = 0;
    int c;
    while (i + 1 < n && (c = fgetc(f)) != EOF) out[i++] = c;
    out[i] = 0;
}

static FILE *text(const char *s) {
    FILE *f = fopen("/sandbox/scan.txt", "w+");
    fputc('#', f);
    fputs(s, f);
    rewind(f);
    // In read mode before the limit is set, as musl's callers have it.
    fgetc(f);
    return f;
}

static void intscan(const char *s, unsigned base, int pok, unsigned long long lim) {
    FILE *f = text(s);
    char r[64];
    __shlim(f, 0);
    errno = 0;
    unsigned long long v = __intscan(f, base, pok, lim);
    int e = errno;
    rest(f, r, sizeof r);
    printf("intscan(\"%s\", %u, %d, %llx) = %llx (%lld) errno=%d rest=\"%s\"\n", s, base, pok, lim, v, (long long)v, e, r);
    fclose(f);
}

static void floatscan(const char *s, int prec, int pok) {
    FILE *f = text(s);
    char r[64];
    __shlim(f, 0);
    errno = 0;
    double v = __floatscan(f, prec, pok);
    int e = errno;
    rest(f, r, sizeof r);
    printf("floatscan(\"%s\", %d, %d) = %a (%.17g) errno=%d rest=\"%s\"\n", s, prec, pok, v, v, e, r);
    fclose(f);
}

static void limited(const char *s, off_t lim) {
    FILE *f = text(s);
    char r[64];
    __shlim(f, lim);
    errno = 0;
    long long v = (long long)__intscan(f, 10, 1, 1ULL << 63);
    int e = errno;
    rest(f, r, sizeof r);
    printf("limited(\"%s\", %lld) = %lld errno=%d rest=\"%s\"\n", s, (long long)lim, v, e, r);
    fclose(f);
}

int main(void) {
    const unsigned long long U = ULLONG_MAX, S = 1ULL << 63, UI = UINT_MAX, SI = 0x80000000ULL;
    const char *ints[] = {"123abc", "  -42 x", "+7", "0x1fz", "0x", "0xg", "0755 ", "089", "z", "",
                          "-", "   ", "99999999999999999999", "18446744073709551615",
                          "18446744073709551616", "-1", "9223372036854775807", "9223372036854775808",
                          "-9223372036854775808", "-9223372036854775809", "4294967296", "-2147483649",
                          "zz", "ZZ9", "1010102"};
    unsigned bases[] = {0, 10, 16, 8, 2, 36, 1, 37};
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) {
        intscan(ints[i], 0, 1, U);
        intscan(ints[i], 0, 0, S);
        intscan(ints[i], 10, 1, SI);
        intscan(ints[i], 16, 1, UI);
    }
    for (size_t b = 0; b < sizeof bases / sizeof *bases; b++) intscan("0x1Zz9", bases[b], 1, U);
    const char *floats[] = {"1.5", "  -2.25e3x", ".5", ".", "-.", "1e", "1e+", "1e-x", "1e5", "0x1p3",
                            "0x", "0x.", "0x.p", "-0x", "0x1.8p-1", "0x1p", "0x1p+", "inf", "-INFINITY",
                            "infin", "infinx", "in", "nan", "NaN(abc_1)", "nan(", "nan(ab", "nan(a b)",
                            "na", "n", "1e400", "1e-400", "4.9e-324", "2.4703282292062327e-324",
                            "3.4028235e38", "3.4028236e38", "1e-46", "0.000000000000000000001",
                            "123456789012345678901234567890", "00012", "1.2.3", "+", "e5", "0e",
                            "0x1.fffffffffffff8p1023", "0x1p-1075", "0x1.000001p0", "0x1p128", "0x1.ffffffp127",
                            "0x1p176", "0x1p177", "0x1p-150", "0x1.8p-152", "0x1p-222", "0x1.8p-224", "1e73",
                            "1e74", "1.5e-250", "1e-257", "1.401298464324817e-45", "7.00649232162e-46",
                            "7.1e-46", "-3.5e38", "3.4028235677973366e38", "0x8p174", "0x8p175", "0x8p176", "0x8p177",
                            "0x1p178", "0x0.01p185", "0x8p-230", "0x8p-231", "0x1p-226", "0x1p-227", "1e-256",
                            "9.9e-257", "0x1.00000000001p-151", "1e-45", "0x1.000001p-149"};
    for (size_t i = 0; i < sizeof floats / sizeof *floats; i++) {
        floatscan(floats[i], 1, 1);
        floatscan(floats[i], 1, 0);
        floatscan(floats[i], 0, 1);
    }
    const char *ld[] = {"1.5", "0.1", "1e400", "4.9e-324", "2.4703282292062328e-324", "0x1.fffffffffffff8p1023",
                        "1.00000000000000011102230246251565404236316680908203125", "inf", "nan", "x"};
    for (size_t i = 0; i < sizeof ld / sizeof *ld; i++) floatscan(ld[i], 2, 1);
    limited("12345", 3);
    limited("12345", 0);
    limited("  12", 3);
    limited("-12", 1);
    {
        // Unbuffered, so that musl's __shgetc (which reads past its buffer)
        // and ours see the same bytes.
        FILE *f = fopen("/sandbox/sh.txt", "w+");
        fputs("abc", f);
        rewind(f);
        setvbuf(f, 0, _IONBF, 0);
        __shlim(f, 2);
        int a = __shgetc(f), b = __shgetc(f), c = __shgetc(f), d = __shgetc(f);
        printf("shgetc: %d %d %d %d\n", a, b, c, d);
        fclose(f);
    }

    // __fsmu8: the whole table, and a decode step as musl's mbrtowc uses it.
    uint32_t sum = 0;
    for (int i = 0; i < 51; i++) sum = sum * 31 + __fsmu8[i];
    printf("fsmu8: %08x %08x %08x %08x sum %08x\n", __fsmu8[0], __fsmu8[30], __fsmu8[46], __fsmu8[50], sum);

    static long long td[64];
    printf("__init_tp %d self %d\n", __init_tp(td), *(void **)td == (void *)td);
    printf("EINVAL %d ENOMEM %d stacksize %u guardsize %u hwcap %zu sysinfo %zu tsd_size %zu tsd0 %p\n",
           __EINVAL, __ENOMEM, __default_stacksize, __default_guardsize, __hwcap, __sysinfo,
           __pthread_tsd_size, __pthread_tsd_main[0]);
    __tl_lock();
    __tl_unlock();
    __acquire_ptc();
    __release_ptc();
    uintptr_t word = 0x11223344;
    __init_ssp(&word);
    printf("ssp guard %lx\n", (unsigned long)__stack_chk_guard);

    // TRE's region allocator: offsets between consecutive allocations,
    // alignment and zeroing.
    {
        void *m = __tre_mem_new_impl(0, 0);
        size_t sizes[] = {1, 3, 8, 5, 1000, 7, 2000, 4, 16};
        char *prev = 0;
        for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
            char *p = __tre_mem_alloc_impl(m, 0, 0, 1, sizes[i]);
            int zero = 1;
            for (size_t j = 0; j < sizes[i]; j++) zero &= p[j] == 0;
            memset(p, 0x5a, sizes[i]);
            printf("tre alloc %zu: aligned %d zeroed %d delta %ld\n", sizes[i], (int)((uintptr_t)p % sizeof(long) == 0),
                   zero, prev && p > prev && p - prev < 1024 ? (long)(p - prev) : -1L);
            prev = p;
        }
        __tre_mem_destroy(m);
        static long long block[256];
        void *pm = __tre_mem_new_impl(1, block);
        printf("tre provided %d\n", pm == (void *)block);
        char *q = __tre_mem_alloc_impl(pm, 1, 0, 0, 8);
        printf("tre provided no block %s\n", q ? "ptr" : "null");
        q = __tre_mem_alloc_impl(pm, 1, block + 64, 0, 8);
        printf("tre provided after failure %s\n", q ? "ptr" : "null");
    }

    // __putenv / __env_rm_add.
    char *s = strdup("INTERNAL_X=1");
    printf("__putenv %d getenv %s\n", __putenv(s, 10, s), getenv("INTERNAL_X"));
    char *t = strdup("INTERNAL_X=2");
    printf("__putenv %d getenv %s\n", __putenv(t, 10, t), getenv("INTERNAL_X"));
    static char u[] = "INTERNAL_Y=3";
    printf("__putenv %d getenv %s\n", __putenv(u, 10, 0), getenv("INTERNAL_Y"));
    __env_rm_add(0, 0);
    unsetenv("INTERNAL_X");
    printf("after unsetenv %s\n", getenv("INTERNAL_X") ? "set" : "unset");

    // __futimesat.
    int fd = open("/sandbox/t.txt", O_CREAT | O_WRONLY, 0644);
    close(fd);
    struct timeval tv[2] = {{1000000, 0}, {2000000, 500000}};
    printf("__futimesat %d\n", __futimesat(AT_FDCWD, "/sandbox/t.txt", tv));
    struct stat st;
    stat("/sandbox/t.txt", &st);
    printf("mtime %lld.%09ld\n", (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    errno = 0;
    printf("__futimesat missing %d errno %d\n", __futimesat(AT_FDCWD, "/sandbox/none", tv), errno);

    // __fopen_rb_ca / __fclose_ca over a caller-provided FILE and buffer.
    FILE *w = fopen("/sandbox/rb.txt", "w");
    fputs("line one\nline two\n", w);
    fclose(w);
    static long long storage[64];
    static unsigned char buf[64];
    FILE *r = __fopen_rb_ca("/sandbox/rb.txt", (FILE *)storage, buf, sizeof buf);
    char line[32];
    printf("rb_ca %s\n", r ? "open" : "null");
    if (r) {
        while (fgets(line, sizeof line, r)) printf("  got %s", line);
        printf("  eof %d fclose_ca %d\n", feof(r), __fclose_ca(r));
    }
    errno = 0;
    printf("rb_ca missing %s errno %d\n", __fopen_rb_ca("/sandbox/none", (FILE *)storage, buf, sizeof buf) ? "open" : "null", errno);
    return 0;
}
