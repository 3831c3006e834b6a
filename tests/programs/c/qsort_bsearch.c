// qsort, bsearch, a linear congruential generator (deterministic), malloc churn.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b) {
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return (x > y) - (x < y);
}

int main(void) {
    enum { N = 20000 };
    unsigned *v = malloc(N * sizeof *v);
    unsigned s = 12345;
    for (int i = 0; i < N; i++) { s = s * 1103515245u + 12345u; v[i] = s >> 8; }
    qsort(v, N, sizeof *v, cmp);
    int sorted = 1;
    for (int i = 1; i < N; i++) sorted &= v[i - 1] <= v[i];
    printf("sorted: %d, min %u, median %u, max %u\n", sorted, v[0], v[N / 2], v[N - 1]);
    unsigned key = v[1234];
    unsigned *hit = bsearch(&key, v, N, sizeof *v, cmp);
    printf("bsearch found: %d\n", hit && *hit == key);
    unsigned missing = 1;
    printf("bsearch missing: %d\n", bsearch(&missing, v, N, sizeof *v, cmp) != NULL);
    // malloc churn: many sizes, freed out of order, contents checked.
    char *blocks[256];
    unsigned long total = 0;
    for (int round = 0; round < 20; round++) {
        for (int i = 0; i < 256; i++) {
            size_t sz = (size_t)((i * 37 + round * 11) % 3000) + 1;
            blocks[i] = malloc(sz);
            memset(blocks[i], i & 0xff, sz);
            total += sz;
        }
        for (int i = 0; i < 256; i += 2) free(blocks[i]);
        for (int i = 1; i < 256; i += 2) {
            if ((unsigned char)blocks[i][0] != (i & 0xff)) { puts("corrupted"); return 1; }
            blocks[i] = realloc(blocks[i], 5000);
            free(blocks[i]);
        }
    }
    printf("allocated %lu bytes in total\n", total);
    free(v);
    return 0;
}
