// atexit handlers run in reverse order on exit(); stdio is flushed.
#include <stdio.h>
#include <stdlib.h>

static void first(void) { printf("handler registered first\n"); }
static void second(void) { printf("handler registered second\n"); }

int main(void) {
    atexit(first);
    atexit(second);
    printf("unflushed line without newline at exit: ");
    printf("done");
    exit(3);
}
