// link: c
// with: c_wrap_b.c
// ld-flags: --wrap=compute
// expect-stdout: wrapped(real(5))=11
#include <stdio.h>
int compute(int x);
int __real_compute(int x);
int __wrap_compute(int x) { return __real_compute(x) + 1; }
int main(void) { printf("wrapped(real(5))=%d\n", compute(5)); return 0; }
