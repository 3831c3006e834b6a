/* qsort / qsort_r / bsearch with distinct keys. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Not declared by older wasi-libc headers. */
void qsort_r(void *, size_t, size_t, int (*)(const void *, const void *, void *), void *);

static int cmp_int(const void *a, const void *b) { int x = *(const int *)a, y = *(const int *)b; return (x > y) - (x < y); }
static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
static int cmp_r(const void *a, const void *b, void *arg) { int d = *(int *)arg; return d * cmp_int(a, b); }
struct big { char pad[13]; int key; };
struct recx { int key, id; };
static int cmp_rec(const void *a, const void *b) { return ((const struct recx *)a)->key - ((const struct recx *)b)->key; }
static int cmp_big(const void *a, const void *b) { return cmp_int(&((const struct big *)a)->key, &((const struct big *)b)->key); }

int main(void) {
    for (int n = 0; n < 300; n += 37) {
        int *v = malloc(sizeof(int) * (n + 1));
        unsigned s = n;
        for (int i = 0; i < n; i++) { s = s * 1103515245 + 12345; v[i] = (int)(s >> 8) % 100000 * 1000 + i; }
        qsort(v, n, sizeof *v, cmp_int);
        int ok = 1; for (int i = 1; i < n; i++) if (v[i - 1] > v[i]) ok = 0;
        long sum = 0; for (int i = 0; i < n; i++) sum += v[i] % 9973;
        printf("n=%d sorted=%d sum=%ld", n, ok, sum);
        if (n) { int key = v[n / 2]; int *f = bsearch(&key, v, n, sizeof *v, cmp_int); printf(" found=%td", f - v); }
        int missing = -1; printf(" missing=%p\n", bsearch(&missing, v, n, sizeof *v, cmp_int));
        free(v);
    }
    const char *words[] = {"pear", "apple", "fig", "banana", "cherry", "date", "elderberry", "grape"};
    qsort(words, 8, sizeof *words, cmp_str);
    for (int i = 0; i < 8; i++) printf("%s ", words[i]);
    printf("\n");
    int w[] = {5, 3, 9, 1, 7, 2, 8}; int dir = -1;
    qsort_r(w, 7, sizeof *w, cmp_r, &dir);
    for (int i = 0; i < 7; i++) printf("%d ", w[i]);
    printf("\n");
    struct big b[50]; for (int i = 0; i < 50; i++) { memset(b[i].pad, i, 13); b[i].key = (i * 37) % 50; }
    qsort(b, 50, sizeof *b, cmp_big);
    int ok = 1; for (int i = 0; i < 50; i++) if (b[i].key != i || b[i].pad[12] != (char)((i * 23) % 50)) ok = 0;
    printf("big ok %d\n", ok);
    /* Equal keys: the order of equal elements must match wasi-libc's. */
    struct rec { int key, id; } recs[300];
    unsigned long h = 0;
    for (int n = 1; n <= 300; n += (n < 40 ? 1 : 37)) {
        unsigned r = n * 2654435761u;
        for (int i = 0; i < n; i++) { r = r * 1103515245 + 12345; recs[i].key = (r >> 16) % (1 + n % 7); recs[i].id = i; }
        qsort(recs, n, sizeof *recs, cmp_rec);
        for (int i = 0; i < n; i++) h = h * 31 + recs[i].id;
        if (n <= 12) { printf("ties n=%d:", n); for (int i = 0; i < n; i++) printf(" %d", recs[i].id); printf("\n"); }
    }
    printf("ties hash %lu\n", h);
    return 0;
}
