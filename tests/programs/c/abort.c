// abort(): buffered output handling and the trap the reference gives.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    puts("before abort");
    fflush(stdout);
    fputs("about to abort\n", stderr);
    abort();
}
