// Function pointers: tables of callbacks, pointers stored in data,
// comparisons of function addresses, qsort comparators, indirect calls
// through a struct. The indirect function table must hold the same set.
#include <stdio.h>
#include <stdlib.h>

typedef int (*binop)(int, int);

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
int divi(int a, int b) { return b ? a / b : 0; }

/* Pointers in initialised data: relocated by the linker. */
static const binop table[] = { add, sub, mul, divi };
static const char *const names[] = { "add", "sub", "mul", "div" };

struct ops { binop op; const char *name; struct ops *next; };
static struct ops third = { mul, "mul", 0 };
static struct ops second = { sub, "sub", &third };
static struct ops first = { add, "add", &second };

static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
static int cmp_rev(const void *a, const void *b) { return cmp_int(b, a); }

__attribute__((noinline)) static binop pick(int i) { return table[i & 3]; }

int main(void) {
    for (int i = 0; i < 4; i++)
        printf("%s(12, 4) = %d\n", names[i], pick(i)(12, 4));
    for (struct ops *o = &first; o; o = o->next)
        printf("chain %s: %d\n", o->name, o->op(7, 3));
    printf("same pointer: %d, distinct: %d\n", pick(1) == sub, pick(0) == pick(2));
    int v[] = { 5, 3, 9, 1, 7 };
    int (*cmps[])(const void *, const void *) = { cmp_int, cmp_rev };
    for (int c = 0; c < 2; c++) {
        qsort(v, 5, sizeof v[0], cmps[c]);
        for (int i = 0; i < 5; i++) printf("%d ", v[i]);
        printf("\n");
    }
    /* A function pointer through a volatile: defeats constant folding. */
    volatile binop vp = divi;
    printf("volatile divi: %d\n", vp(100, 7));
    return 0;
}
