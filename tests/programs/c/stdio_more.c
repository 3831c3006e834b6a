// stdio beyond printf: fgetc/ungetc, getline, setvbuf, fputc, fwrite/fread of
// structs, fseek/ftell in "w+" files, freopen, fileno, feof/clearerr.
// dir: lines.txt=alpha\nbeta\n\ngamma without newline
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec { int id; double value; char tag[4]; };

int main(void) {
    FILE *f = fopen("/sandbox/lines.txt", "r");
    if (!f) { perror("fopen"); return 1; }
    int c = fgetc(f);
    ungetc(c, f);
    printf("peeked '%c', fileno >= 3: %d\n", c, fileno(f) >= 3);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) != -1) printf("getline %zd: [%.*s]\n", n, (int)(n && line[n - 1] == '\n' ? n - 1 : n), line);
    printf("feof %d\n", feof(f) != 0);
    clearerr(f);
    printf("after clearerr feof %d\n", feof(f) != 0);
    free(line);
    fclose(f);

    f = fopen("/sandbox/recs.bin", "w+");
    setvbuf(f, NULL, _IOFBF, 64);
    struct rec out[3] = {{1, 1.5, "one"}, {2, -2.25, "two"}, {3, 1e10, "thr"}};
    printf("fwrite = %zu\n", fwrite(out, sizeof out[0], 3, f));
    printf("ftell = %ld\n", ftell(f));
    fseek(f, (long)sizeof out[0], SEEK_SET);
    struct rec in;
    printf("fread = %zu: %d %.2f %s\n", fread(&in, sizeof in, 1, f), in.id, in.value, in.tag);
    fseek(f, 0, SEEK_END);
    for (const char *p = "tail"; *p; p++) fputc(*p, f);
    fclose(f);

    f = freopen("/sandbox/reopened.txt", "w", stdout);
    if (!f) return 2;
    printf("this goes to reopened.txt\n");
    fclose(stdout);
    fprintf(stderr, "stdout was redirected to a file\n");
    return 0;
}
