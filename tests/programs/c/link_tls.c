// _Thread_local on non-threaded wasm32-wasi: plain globals (wasm-ld lays
// them out as ordinary data); initialised and zero TLS, pointers to TLS,
// and TLS written from a function called through a pointer.
#include <stdio.h>

static _Thread_local int counter = 40;
_Thread_local char tls_buf[16] = "tls-init";
static _Thread_local long long zeroed;

static void bump(void) { counter++; zeroed += 1000; }

int main(void) {
    void (*volatile f)(void) = bump;
    f();
    f();
    int *p = &counter;
    *p += 0;
    tls_buf[3] = '_';
    printf("counter=%d zeroed=%lld buf=%s aligned=%d\n", counter, zeroed, tls_buf,
           (int)((unsigned long)&zeroed % _Alignof(long long)));
    return counter == 42 ? 0 : 1;
}
