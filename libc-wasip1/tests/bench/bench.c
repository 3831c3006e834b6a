/* libc micro-benchmarks, run by `libcbench` (bench/src/bin/libcbench.rs)
 * once linked against wasi-libc and once against libc-wasip1.
 *
 * usage: bench.wasm [-r ROUNDS] [-s SCALE] [CASE...]   (default: all cases)
 *
 * Each round of each case prints one line to stderr:
 *     case NAME NS_PER_OP CHECKSUM
 * NS_PER_OP is wall time (CLOCK_MONOTONIC) divided by the case's operation
 * count; CHECKSUM is a value derived from the results (lengths, bytes,
 * sorted order) that must be the same for both libcs, or 0 when the
 * results legitimately differ (addresses). stdout is used by the
 * printf-to-stdout case only. The file cases write bench.tmp in the
 * current directory (a preopened directory "." under wasip1-run).
 *
 * Every libc function is called through a volatile function pointer so
 * that clang can neither inline it nor replace it with a builtin. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef unsigned long long u64;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* Deterministic pseudo-random numbers (same sequence in both builds). */
static u64 rng_state;
static unsigned rnd(void) {
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)(rng_state >> 33);
}

static int scale = 1;

static void *(*volatile p_memcpy)(void *, const void *, size_t) = memcpy;
static void *(*volatile p_memset)(void *, int, size_t) = memset;
static size_t (*volatile p_strlen)(const char *) = strlen;
static int (*volatile p_strcmp)(const char *, const char *) = strcmp;
static char *(*volatile p_strchr)(const char *, int) = strchr;
static void *(*volatile p_malloc)(size_t) = malloc;
static void (*volatile p_free)(void *) = free;
static int (*volatile p_snprintf)(char *, size_t, const char *, ...) = snprintf;
static int (*volatile p_fprintf)(FILE *, const char *, ...) = fprintf;
static int (*volatile p_printf)(const char *, ...) = printf;
static void (*volatile p_qsort)(void *, size_t, size_t, int (*)(const void *, const void *)) = qsort;
static int (*volatile p_fputs)(const char *, FILE *) = fputs;
static char *(*volatile p_fgets)(char *, int, FILE *) = fgets;

/* 64-byte aligned so that both links see the same alignment (the host's
 * memmove behind memory.copy is sensitive to it; unaligned placement made
 * one libc look 25% slower on memcpy_medium). */
static _Alignas(64) char src[(1 << 16) + 64];
static _Alignas(64) char dst[(1 << 16) + 64];

/* A case runs `ops` operations and returns a checksum; `*ops` is set by the
 * case to the number of operations it performed. */
typedef u64 (*case_fn)(long *ops);

/* memcpy of 8..64 bytes, sizes varying call to call. */
static u64 memcpy_small(long *ops) {
    long n = 4000000L * scale;
    u64 sum = 0;
    for (long i = 0; i < n; i++) {
        size_t len = 8 + (i * 7 & 63) % 57;
        p_memcpy(dst + (i & 7), src + (i & 3), len);
        sum += (unsigned char)dst[len - 1];
    }
    *ops = n;
    return sum;
}

/* memcpy of 256..4096 bytes. */
static u64 memcpy_medium(long *ops) {
    long n = 500000L * scale;
    u64 sum = 0;
    for (long i = 0; i < n; i++) {
        size_t len = 256 + (i * 997 & 4095) % 3841;
        p_memcpy(dst + (i & 7), src + (i & 3), len);
        sum += (unsigned char)dst[(i & 7) + len - 1];
    }
    *ops = n;
    return sum;
}

/* memcpy of 64 KiB. */
static u64 memcpy_large(long *ops) {
    long n = 20000L * scale;
    for (long i = 0; i < n; i++) p_memcpy(dst + (i & 1), src, 1 << 16);
    *ops = n;
    return (unsigned char)dst[100];
}

/* memset of 8..64 bytes. */
static u64 memset_small(long *ops) {
    long n = 4000000L * scale;
    for (long i = 0; i < n; i++) p_memset(dst + (i & 7), (int)i, 8 + (i * 7 & 63) % 57);
    *ops = n;
    return (unsigned char)dst[8];
}

/* strlen of 0..15 byte strings. */
static u64 strlen_short(long *ops) {
    static char s[16][16];
    for (int k = 0; k < 16; k++) {
        memset(s[k], 'x', k);
        s[k][k] = 0;
    }
    long n = 4000000L * scale;
    u64 sum = 0;
    for (long i = 0; i < n; i++) sum += p_strlen(s[(i * 7) & 15]);
    *ops = n;
    return sum;
}

/* strlen of ~1000-byte strings. */
static u64 strlen_long(long *ops) {
    memset(src, 'a', sizeof src);
    long n = 200000L * scale;
    u64 sum = 0;
    for (long i = 0; i < n; i++) {
        size_t at = 1000 + (i & 31);
        src[at] = 0;
        sum += p_strlen(src + (i & 7));
        src[at] = 'a';
    }
    *ops = n;
    return sum;
}

/* strcmp of equal-prefix strings of ~20 bytes, and strchr. */
static u64 strcmp_strchr(long *ops) {
    static const char *w[] = {"configuration_value", "configuration_valve", "config", "configuration_value",
                              "zeta", "alpha/beta/gamma", "alpha/beta/gamma.c", ""};
    long n = 2000000L * scale;
    u64 sum = 0;
    for (long i = 0; i < n; i++) {
        sum += (unsigned)p_strcmp(w[i & 7], w[(i >> 3) & 7]) & 3;
        const char *c = p_strchr(w[i & 7], '/');
        sum += c ? (u64)(c - w[i & 7]) : 1;
    }
    *ops = n;
    return sum;
}

/* malloc/free: 1000 live slots, random replacement, sizes mostly small
 * (60% 8-64, 30% 64-512, 9% 512-4096, 1% 4096-65536). */
static u64 malloc_free(long *ops) {
    enum { SLOTS = 1000 };
    static void *slot[SLOTS];
    rng_state = 42;
    long n = 1000000L * scale;
    for (long i = 0; i < n; i++) {
        unsigned k = rnd() % SLOTS;
        p_free(slot[k]);
        unsigned r = rnd() % 100, size;
        if (r < 60) size = 8 + rnd() % 57;
        else if (r < 90) size = 64 + rnd() % 449;
        else if (r < 99) size = 512 + rnd() % 3585;
        else size = 4096 + rnd() % 61441;
        char *p = p_malloc(size);
        if (!p) return 1;
        p[0] = (char)i;
        p[size - 1] = (char)i;
        slot[k] = p;
    }
    for (int k = 0; k < SLOTS; k++) {
        p_free(slot[k]);
        slot[k] = 0;
    }
    *ops = n;
    return 0;
}

static u64 snprintf_d(long *ops) {
    char buf[128];
    long n = 300000L * scale;
    u64 sum = 0;
    for (long i = 0; i < n; i++) sum += p_snprintf(buf, sizeof buf, "%d %s %x %5ld", (int)i * 37, "abc", (unsigned)i * 7, -i);
    *ops = n;
    return sum + (unsigned char)buf[3];
}

static u64 snprintf_f(long *ops) {
    char buf[128];
    long n = 200000L * scale;
    u64 sum = 0;
    for (long i = 0; i < n; i++) sum += p_snprintf(buf, sizeof buf, "%f %.2f", i * 1.37, i / 3.0);
    *ops = n;
    return sum + (unsigned char)buf[3];
}

static u64 snprintf_e(long *ops) {
    char buf[128];
    long n = 200000L * scale;
    u64 sum = 0;
    for (long i = 0; i < n; i++) sum += p_snprintf(buf, sizeof buf, "%e %.3e", i * 1.37e-5, i * 3.1e20);
    *ops = n;
    return sum + (unsigned char)buf[3];
}

static u64 snprintf_g(long *ops) {
    char buf[128];
    long n = 200000L * scale;
    u64 sum = 0;
    for (long i = 0; i < n; i++) sum += p_snprintf(buf, sizeof buf, "%g %.10g %g", i / 3.0, i * 1.1e-7, i * 7.7e30);
    *ops = n;
    return sum + (unsigned char)buf[3];
}

static u64 snprintf_a(long *ops) {
    char buf[128];
    long n = 200000L * scale;
    u64 sum = 0;
    for (long i = 0; i < n; i++) sum += p_snprintf(buf, sizeof buf, "%a %.3a", i * 1.37, i / 3.0);
    *ops = n;
    return sum + (unsigned char)buf[3];
}

/* printf("%d %f\n") to stdout (the runner discards it). */
static u64 printf_stdout(long *ops) {
    long n = 100000L * scale;
    u64 sum = 0;
    for (long i = 0; i < n; i++) sum += p_printf("%d %f\n", (int)i, i * 0.25);
    fflush(stdout);
    *ops = n;
    return sum;
}

/* fprintf("%d %f\n") to a file. */
static u64 fprintf_file(long *ops) {
    FILE *f = fopen("bench.tmp", "w");
    if (!f) return 1;
    long n = 100000L * scale;
    u64 sum = 0;
    for (long i = 0; i < n; i++) sum += p_fprintf(f, "%d %f\n", (int)i, i * 0.25);
    fclose(f);
    *ops = n;
    return sum;
}

static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* qsort of 100k random ints; one op = one sort. */
static u64 qsort_int(long *ops) {
    enum { N = 100000 };
    static int v[N];
    long n = 5L * scale;
    u64 sum = 0;
    for (long r = 0; r < n; r++) {
        rng_state = 7 + r;
        for (int i = 0; i < N; i++) v[i] = (int)rnd();
        p_qsort(v, N, sizeof *v, cmp_int);
        for (int i = 0; i < N; i += 997) sum += (unsigned)v[i];
    }
    *ops = n;
    return sum;
}

/* fputs of 200k 40-byte lines to a file, then fgets of them back; one op =
 * one line written and read. */
static u64 fputs_fgets(long *ops) {
    long n = 200000L * scale;
    char line[64], buf[128];
    FILE *f = fopen("bench.tmp", "w");
    if (!f) return 1;
    for (long i = 0; i < n; i++) {
        snprintf(line, sizeof line, "%08ld the quick brown fox jumps over\n", i);
        p_fputs(line, f);
    }
    fclose(f);
    f = fopen("bench.tmp", "r");
    if (!f) return 1;
    u64 sum = 0;
    while (p_fgets(buf, sizeof buf, f)) sum += (unsigned char)buf[7] + strlen(buf);
    fclose(f);
    remove("bench.tmp");
    *ops = n;
    return sum;
}

static const struct {
    const char *name;
    case_fn fn;
} cases[] = {
    {"memcpy_small", memcpy_small},   {"memcpy_medium", memcpy_medium}, {"memcpy_large", memcpy_large},
    {"memset_small", memset_small},   {"strlen_short", strlen_short},   {"strlen_long", strlen_long},
    {"strcmp_strchr", strcmp_strchr}, {"malloc_free", malloc_free},     {"snprintf_d", snprintf_d},
    {"snprintf_f", snprintf_f},       {"snprintf_e", snprintf_e},       {"snprintf_g", snprintf_g},
    {"snprintf_a", snprintf_a},       {"printf_stdout", printf_stdout}, {"fprintf_file", fprintf_file},
    {"qsort_int", qsort_int},         {"fputs_fgets", fputs_fgets},
};
enum { NCASES = sizeof cases / sizeof *cases };

int main(int argc, char **argv) {
    int rounds = 3, first = 1;
    while (first + 1 < argc && argv[first][0] == '-') {
        if (!strcmp(argv[first], "-r")) rounds = atoi(argv[first + 1]);
        else if (!strcmp(argv[first], "-s")) scale = atoi(argv[first + 1]);
        else break;
        first += 2;
    }
    if (scale < 1) scale = 1;
    for (int i = 0; i < (int)sizeof src; i++) src[i] = (char)('a' + i % 26);
    for (int c = 0; c < NCASES; c++) {
        int wanted = first >= argc;
        for (int a = first; a < argc; a++) wanted |= !strcmp(argv[a], cases[c].name);
        if (!wanted) continue;
        for (int r = 0; r < rounds; r++) {
            long ops = 1;
            double t0 = now();
            u64 sum = cases[c].fn(&ops);
            double t1 = now();
            fprintf(stderr, "case %s %.3f %llu\n", cases[c].name, (t1 - t0) / (double)ops, sum);
        }
    }
    return 0;
}
