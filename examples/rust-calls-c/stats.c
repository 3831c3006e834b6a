/* C code called from Rust: sorts with the libc's qsort and formats with snprintf. */
#include <stdio.h>
#include <stdlib.h>

static int compare_ints(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Sorts values in place and writes a one-line summary into out. */
int summarize(int *values, size_t count, char *out, size_t out_len) {
    if (count == 0) return snprintf(out, out_len, "no values");
    qsort(values, count, sizeof *values, compare_ints);
    long total = 0;
    for (size_t i = 0; i < count; i++) total += values[i];
    return snprintf(out, out_len, "min %d, median %d, max %d, total %ld",
                    values[0], values[count / 2], values[count - 1], total);
}
