// printf, puts, argv, getenv, malloc, exit code.
// args: alpha beta 5
// env: GREETING=hello from env
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    printf("argc = %d\n", argc);
    for (int i = 0; i < argc; i++)
        printf("argv[%d] = %s\n", i, argv[i]);
    const char *g = getenv("GREETING");
    printf("GREETING = %s\n", g ? g : "(null)");
    printf("MISSING = %s\n", getenv("MISSING") ? "set" : "(null)");
    puts("puts works");

    size_t n = 100000;
    int *xs = malloc(n * sizeof *xs);
    if (!xs) { fputs("malloc failed\n", stderr); return 1; }
    long long sum = 0;
    for (size_t i = 0; i < n; i++) { xs[i] = (int)(i % 97); sum += xs[i]; }
    xs = realloc(xs, 2 * n * sizeof *xs);
    if (!xs) { fputs("realloc failed\n", stderr); return 1; }
    printf("sum = %lld, last = %d\n", sum, xs[n - 1]);
    free(xs);
    char *dup = calloc(16, 1);
    strcpy(dup, "calloc+strcpy");
    printf("%s %zu %5.2f %x %-4s|\n", dup, strlen(dup), 3.14159, 255u, "ab");
    free(dup);

    fprintf(stderr, "to stderr: %d\n", 42);
    return argc > 3 ? atoi(argv[3]) : 0;
}
