/* A plain C program: stdio, arguments, environment, malloc, exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    printf("hello from C on wasm32-wasip1, linked by wasip1-ld\n");
    for (int i = 1; i < argc; i++)
        printf("argv[%d] = \"%s\" (%zu bytes)\n", i, argv[i], strlen(argv[i]));
    const char *greeting = getenv("GREETING");
    printf("GREETING = %s\n", greeting ? greeting : "(not set)");

    size_t n = 10;
    int *squares = malloc(n * sizeof *squares);
    if (!squares) return 1;
    int sum = 0;
    for (size_t i = 0; i < n; i++) sum += squares[i] = (int)(i * i);
    printf("sum of the first %zu squares: %d (hex %#x)\n", n, sum, sum);
    free(squares);
    fprintf(stderr, "(this line goes to stderr)\n");
    return 0;
}
