// export_name on a command: the exports (names and types) must match
// wasm-ld's; the program also calls the exported functions itself.
#include <stdio.h>

__attribute__((export_name("plus"))) int plus(int a, int b) { return a + b; }
__attribute__((export_name("scale_f64"))) double scale(double x, float f) { return x * f; }
__attribute__((export_name("noop"))) void noop(void) {}
__attribute__((export_name("wide"))) long long wide(long long a, int b) { return a << b; }

int main(void) {
    noop();
    printf("plus %d, scale %.2f, wide %lld\n", plus(2, 40), scale(1.5, 2.0f), wide(3, 40));
    return 0;
}
