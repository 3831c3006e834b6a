// Streams left open at exit() are flushed, including one opened by an
// atexit handler (handlers run before the final stdio flush).
// args: exit
// dir: keep.txt=seed
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void later(void) {
    FILE *f = fopen("/sandbox/from_atexit.txt", "w");
    if (f) fputs("written by an atexit handler\n", f);
    // Not closed: exit's stdio flush runs after the handlers.
}

int main(int argc, char **argv) {
    atexit(later);
    FILE *f = fopen("/sandbox/unclosed.txt", "w");
    setvbuf(f, NULL, _IOFBF, 4096);
    for (int i = 0; i < 10; i++) fprintf(f, "buffered line %d\n", i);
    FILE *g = fopen("/sandbox/keep.txt", "a");
    fputs(" appended", g);
    printf("stdout is buffered too");
    if (argc > 1 && strcmp(argv[1], "exit") == 0) exit(0);
    return 0;
}
