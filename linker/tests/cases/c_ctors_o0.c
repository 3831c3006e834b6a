// link: c
// cflags: -O0 -g
// expect-stdout: 101 102 200 65535 main
#include <stdio.h>
static char buf[64];
static int n;
static void add(const char *s) { while (*s) buf[n++] = *s++; buf[n++] = ' '; }
__attribute__((constructor(200))) static void c200(void) { add("200"); }
__attribute__((constructor(102))) static void c102(void) { add("102"); }
__attribute__((constructor)) static void cdef(void) { add("65535"); }
__attribute__((constructor(101))) static void c101(void) { add("101"); }
int main(void) { add("main"); buf[n - 1] = 0; puts(buf); return 0; }
