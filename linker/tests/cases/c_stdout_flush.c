// link: c
// expect-stdout: y=2
// Under a non-tty stdout, only the first line is flushed eagerly; the rest
// is flushed by __wasm_call_dtors, which the command export wrapper calls.
#include <stdio.h>
int main(void) {
    printf("x=%d\n", 1);
    printf("y=%d\n", 2);
    puts("third");
    return 0;
}
