// More libc: seeded PRNG sequences (rand, random, drand48 families), inttypes,
// asprintf, open_memstream, fmemopen, basename/dirname, hsearch, lsearch,
// localeconv. (No iconv: Debian's 2022 wasi-libc decodes UTF-8 input with
// the C locale's byte mapping, newer wasi-libc decodes it properly.)
#define _GNU_SOURCE
#include <inttypes.h>
#include <libgen.h>
#include <locale.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int int_cmp(const void *a, const void *b) { return *(const int *)a != *(const int *)b; }

int main(void) {
    srand(12345);
    printf("rand:");
    for (int i = 0; i < 5; i++) printf(" %d", rand());
    srandom(42);
    printf("\nrandom:");
    for (int i = 0; i < 5; i++) printf(" %ld", random());
    srand48(7);
    printf("\nlrand48: %ld %ld, drand48: %.6f, mrand48: %ld\n", lrand48(), lrand48(), drand48(), mrand48());
    unsigned short xs[3] = {1, 2, 3};
    printf("nrand48: %ld, erand48: %.6f\n", nrand48(xs), erand48(xs));

    intmax_t im = strtoimax("-9223372036854775807", NULL, 10);
    imaxdiv_t qd = imaxdiv(im, 1000);
    printf("strtoimax %" PRIdMAX ", imaxdiv %" PRIdMAX " r %" PRIdMAX ", strtoumax %" PRIuMAX "\n", im, qd.quot,
           qd.rem, strtoumax("0xFFFFFFFFFFFFFFFF", NULL, 16));
    lldiv_t ld = lldiv(-7000000000LL, 3);
    printf("lldiv %lld r %lld\n", ld.quot, ld.rem);

    char *s = NULL;
    int n = asprintf(&s, "%s-%05.1f-%x", "asprintf", 3.14159, 48879);
    printf("asprintf (%d): %s\n", n, s);
    free(s);
    char *mem = NULL;
    size_t len = 0;
    FILE *ms = open_memstream(&mem, &len);
    for (int i = 0; i < 100; i++) fprintf(ms, "%d,", i);
    fclose(ms);
    printf("open_memstream: %zu bytes, starts '%.10s', ends '%s'\n", len, mem, mem + len - 6);
    free(mem);
    char backing[32] = "10 20 30";
    FILE *fm = fmemopen(backing, strlen(backing), "r");
    int a = 0, b = 0, c = 0;
    printf("fmemopen scan: %d -> %d %d %d\n", fscanf(fm, "%d %d %d", &a, &b, &c), a, b, c);
    fclose(fm);

    const char *paths[] = {"/usr/lib/libc.a", "relative/dir/", "file", "/", "a//b//"};
    for (int i = 0; i < 5; i++) {
        char p1[64], p2[64];
        strcpy(p1, paths[i]);
        strcpy(p2, paths[i]);
        printf("path '%s': dirname '%s' basename '%s'\n", paths[i], dirname(p1), basename(p2));
    }

    hcreate(16);
    ENTRY e = {"answer", (void *)42};
    hsearch(e, ENTER);
    ENTRY *found = hsearch((ENTRY){"answer", NULL}, FIND);
    printf("hsearch: %ld, missing: %d\n", found ? (long)found->data : -1L, hsearch((ENTRY){"nope", NULL}, FIND) == NULL);
    hdestroy();
    int table[8] = {5, 3, 9};
    size_t nel = 3;
    int key = 4;
    lsearch(&key, table, &nel, sizeof(int), int_cmp);
    printf("lsearch appended: nel=%zu last=%d\n", nel, table[3]);
    struct lconv *lc = localeconv();
    printf("localeconv: decimal '%s' thousands '%s'\n", lc->decimal_point, lc->thousands_sep);
    return 0;
}
