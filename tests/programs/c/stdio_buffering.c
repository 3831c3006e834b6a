// stdout buffering modes against unbuffered stderr: the harness compares
// the interleaving of both streams (what `2>&1` shows).
#include <stdio.h>

int main(void) {
    // Default: stdout is not a terminal here, so it is fully buffered.
    printf("default-buffered 1\n");
    fprintf(stderr, "stderr A\n");
    printf("default-buffered 2\n");
    fflush(stdout);
    fprintf(stderr, "stderr B (after fflush)\n");

    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("line-buffered: partial ");
    fprintf(stderr, "stderr C\n");
    printf("completed\n");
    fprintf(stderr, "stderr D\n");

    setvbuf(stdout, NULL, _IONBF, 0);
    printf("unbuffered ");
    fprintf(stderr, "stderr E\n");
    printf("still unbuffered\n");

    static char small[8];
    setvbuf(stdout, small, _IOFBF, sizeof small);
    printf("tiny buffer overflows often\n");
    fprintf(stderr, "stderr F\n");
    printf("end without newline");
    fprintf(stderr, "stderr G\n");
    return 0;
}
