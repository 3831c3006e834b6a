/* Micro-benchmarks for the top half: memcpy/memset/strlen at several sizes,
 * and snprintf of integers and doubles. Prints ns per call; the numbers are
 * only comparable between two builds run on the same machine. */
#include <stdio.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static char src[1 << 16], dst[1 << 16];
volatile size_t sink;

int main(void) {
    size_t sizes[] = {8, 16, 32, 64, 128, 256, 512, 1024, 4096, 65536};
    memset(src, 'a', sizeof src - 1);
    for (unsigned k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        size_t n = sizes[k];
        long iters = 20000000 / (n + 32);
        void *(*volatile cp)(void *, const void *, size_t) = memcpy;
        void *(*volatile st)(void *, int, size_t) = memset;
        double t0 = now();
        for (long i = 0; i < iters; i++) cp(dst + (i & 7), src, n);
        double t1 = now();
        for (long i = 0; i < iters; i++) st(dst + (i & 7), (int)i, n);
        double t2 = now();
        src[n] = 0;
        size_t (*volatile sl)(const char *) = strlen;
        for (long i = 0; i < iters; i++) sink += sl(src + (i & 3));
        double t3 = now();
        src[n] = 'a';
        printf("size %6zu memcpy %8.1f ns  memset %8.1f ns  strlen %8.1f ns\n", n,
               (t1 - t0) / iters, (t2 - t1) / iters, (t3 - t2) / iters);
    }
    char buf[128];
    double t0 = now();
    for (int i = 0; i < 200000; i++) sink += snprintf(buf, sizeof buf, "%d %s %x", i, "abc", i * 7);
    double t1 = now();
    for (int i = 0; i < 200000; i++) sink += snprintf(buf, sizeof buf, "%.6f %g", i * 1.37, i / 3.0);
    double t2 = now();
    printf("snprintf ints %.1f ns  floats %.1f ns\n", (t1 - t0) / 200000, (t2 - t1) / 200000);
    return 0;
}
