// A debug build (-g): DWARF custom sections go through the linker; the
// module must validate, keep the same structure, and run the same.
// debug: yes
#include <stdio.h>
#include <stdlib.h>

struct point { int x, y; };

static int manhattan(struct point a, struct point b) { return abs(a.x - b.x) + abs(a.y - b.y); }

int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(void) {
    struct point p = { 1, 2 }, q = { -4, 9 };
    printf("manhattan %d, fib(20) %d\n", manhattan(p, q), fib(20));
    return 0;
}
