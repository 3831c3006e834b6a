// link: c
// with: c_funcptr_b.c
// expect-stdout: sorted: 1 2 3 5 8 9 | ops 12 -2 35 | weak=strong
#include <stdio.h>
#include <stdlib.h>
static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
int mul(int a, int b);
static int (*const ops[])(int, int) = {add, sub, mul};
const char *which(void);
int main(void) {
    int v[] = {5, 3, 9, 1, 8, 2};
    qsort(v, 6, sizeof v[0], cmp);
    printf("sorted:");
    for (int i = 0; i < 6; i++) printf(" %d", v[i]);
    printf(" | ops %d %d %d | weak=%s\n", ops[0](5, 7), ops[1](5, 7), ops[2](5, 7), which());
    return 0;
}
__attribute__((weak)) const char *which(void) { return "weak"; }
