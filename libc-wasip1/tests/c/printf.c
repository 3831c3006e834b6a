/* printf family: integer, string, char, pointer, float conversions. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <stddef.h>
#include <limits.h>
#include <float.h>
#include <math.h>
#include <errno.h>

int main(void) {
    char buf[256];
    int n;
    printf("[%d] [%i] [%u] [%o] [%x] [%X]\n", 42, -42, 42u, 42, 255, 255);
    printf("[%5d] [%-5d] [%05d] [%+d] [% d] [%+5d] [%-+5d]\n", 42, 42, 42, 42, 42, 42, 42);
    printf("[%.3d] [%8.3d] [%-8.3d] [%08.3d] [%.0d] [%.0x] [%#.0o]\n", 7, 7, 7, 7, 0, 0, 0);
    printf("[%#x] [%#X] [%#o] [%#x] [%#o] [%#5x] [%#05x]\n", 255, 255, 8, 0, 0, 10, 10);
    printf("[%hhd] [%hhu] [%hd] [%hu] [%ld] [%lu]\n", 300, 300, 70000, 70000, LONG_MIN, ULONG_MAX);
    printf("[%lld] [%llu] [%llx] [%jd] [%zu] [%td]\n", LLONG_MIN, ULLONG_MAX, 0x123456789abcdefLL, (intmax_t)-5, (size_t)123, (ptrdiff_t)-9);
    printf("[%d] [%d]\n", INT_MIN, INT_MAX);
    printf("[%c] [%3c] [%-3c]\n", 'a', 'b', 'c');
    printf("[%s] [%10s] [%-10s] [%.2s] [%10.2s] [%s]\n", "hello", "hi", "hi", "hello", "hello", (char *)NULL);
    printf("[%p] [%p] [%20p] [%-20p]\n", (void *)0x1234, (void *)0, (void *)0xabc, (void *)0xabc);
    printf("[%*d] [%-*d] [%*d] [%.*d] [%.*s]\n", 6, 1, 6, 2, -6, 3, 4, 5, 3, "abcdef");
    printf("[%2$s %1$s] [%3$*4$d] [%3$-*4$d]\n", "world", "hello", 8, 5);
    printf("[%%]\n"); n = printf("[%5%]\n"); printf("bad %d\n", n); n = printf("abc%"); printf("dangling %d\n", n); n = printf("x%yz\n"); printf("unknown %d\n", n);
    printf("%s%n|", "abc", &n); printf("n=%d\n", n);
    errno = EBADF; printf("[%m]\n");
    /* floats */
    double v[] = {0.0, -0.0, 1.0, -1.5, 0.1, 2.5, 3.5, 0.125, 1e-5, 123456789.0, 1e21, 1.5e300, 5e-324, DBL_MAX, DBL_MIN, 1.0/3, 2.0/3, 100, 0.000123456, 999999.5, 9.9999995, 0.5, 1.05, 2.675};
    for (unsigned i = 0; i < sizeof v / sizeof v[0]; i++) {
        double x = v[i];
        printf("%f|%e|%g|%a|%.3f|%.3e|%.3g|%.0f|%.0e|%#.0f|%#g|%G|%E|%.10g|%.17g|%A\n",
               x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x);
    }
    printf("[%10.3f] [%-10.3f] [%010.3f] [%+.2f] [% .2f] [%+010.2f]\n", 3.14159, 3.14159, -3.14159, 2.0, 2.0, -2.0);
    printf("[%10.3e] [%-12.3E] [%012.3e] [%#.3g] [%#g] [%g] [%g]\n", 31415.9, 31415.9, -31415.9, 1.0, 1.0, 1e-4, 1e-5);
    printf("[%f] [%F] [%e] [%g] [%5.1f] [%-6f] [%06f] [%+f]\n", INFINITY, -INFINITY, NAN, -NAN, INFINITY, NAN, INFINITY, INFINITY);
    printf("[%.0a] [%.1a] [%.2a] [%.20a] [%#a] [%10a] [%-12a] [%012a]\n", 1.5, 1.96875, 1.0, 0.1, 1.0, 1.0, 1.0, -1.0);
    printf("[%a] [%a] [%.3a]\n", 5e-324, 2.2250738585072014e-308, 0.0);
    printf("[%.30f]\n[%.60e]\n[%.0f]\n", 0.1, 1.0/3, 1e300);
    for (int p = 0; p < 20; p++) printf("%.*g ", p, M_PI);
    printf("\n");
    for (double x = 1e-10; x < 1e12; x *= 13.7) printf("%g %.3g %#.3g | ", x, x, x);
    printf("\n");
    /* snprintf and friends */
    n = snprintf(buf, 8, "%s", "truncated output");
    printf("snprintf %d [%s]\n", n, buf);
    n = snprintf(NULL, 0, "%d-%s", 12345, "abc");
    printf("snprintf null %d\n", n);
    n = snprintf(buf, 1, "xyz"); printf("snprintf 1 %d [%s]\n", n, buf);
    n = sprintf(buf, "%08.3f|%x", -1.5, 48879); printf("sprintf %d [%s]\n", n, buf);
    char *a = NULL;
    n = asprintf(&a, "asprintf %d %s %.2f", 7, "seven", 7.0); printf("%d [%s]\n", n, a); free(a);
    n = asprintf(&a, ""); printf("empty %d [%s]\n", n, a); free(a);
    fprintf(stdout, "fprintf %s\n", "stdout");
    fflush(stdout);
    dprintf(1, "dprintf %d\n", 99);
    fprintf(stderr, "to stderr %d\n", 1);
    n = printf("%s", ""); printf("empty printf %d\n", n);
    char long_s[1000]; memset(long_s, 'L', 999); long_s[999] = 0;
    n = printf("%s\n", long_s); printf("long %d\n", n);
    n = printf("%1200.1100f|\n", 1.0); printf("wide %d\n", n);
    return 0;
}
