/* ecvt/fcvt/gcvt and a64l/l64a. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>

char *ecvt(double, int, int *, int *);
char *fcvt(double, int, int *, int *);
char *gcvt(double, int, char *);

int main(void) {
    double v[] = {0.0, 1.0, -1.5, 123.456, 0.000123, 1e100, -9.999, 0.5, 1234567890123.0};
    int n[] = {1, 3, 6, 15, 20, 0};
    char buf[64];
    for (unsigned i = 0; i < sizeof v / sizeof *v; i++)
        for (unsigned k = 0; k < sizeof n / sizeof *n; k++) {
            int dp, sg;
            char *e = ecvt(v[i], n[k], &dp, &sg);
            printf("ecvt(%g,%d) = [%s] %d %d | ", v[i], n[k], e, dp, sg);
            e = fcvt(v[i], n[k], &dp, &sg);
            printf("fcvt = [%s] %d %d | gcvt [%s]\n", e, dp, sg, gcvt(v[i], n[k], buf));
        }
    long vals[] = {0, 1, 63, 64, 123456789, -1, 2147483647};
    for (unsigned i = 0; i < sizeof vals / sizeof *vals; i++) {
        char *s = l64a(vals[i]);
        printf("l64a %ld [%s] a64l %ld\n", vals[i], s, a64l(s));
    }
    printf("a64l [zz/] %ld\n", a64l("zz/"));
    return 0;
}
