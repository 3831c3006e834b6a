// Constructors and destructors with priorities: constructors run in
// ascending priority, then default ones; destructors in reverse; atexit
// handlers interleave with destructors as in wasi-libc.
#include <stdio.h>
#include <stdlib.h>

static char order[32];
static int n;
static void mark(char c) { order[n++] = c; order[n] = 0; }

__attribute__((constructor(300))) static void c300(void) { mark('c'); }
__attribute__((constructor(101))) static void c101(void) { mark('a'); }
__attribute__((constructor)) static void cdefault(void) { mark('d'); }
__attribute__((constructor(200))) static void c200(void) { mark('b'); }
__attribute__((constructor(200))) static void c200b(void) { mark('B'); }

__attribute__((destructor(101))) static void d101(void) { printf("destructor 101\n"); }
__attribute__((destructor(300))) static void d300(void) { printf("destructor 300\n"); }
__attribute__((destructor)) static void ddefault(void) { printf("destructor default\n"); }

static void bye(void) { printf("atexit handler\n"); }

int main(void) {
    printf("constructor order: %s\n", order);
    atexit(bye);
    return 0;
}
