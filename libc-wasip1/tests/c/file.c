/* FILE streams on a real file: write, read back, seek, ungetc, getline. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

int main(void) {
    const char *path = "stdio_file_test.tmp";
    FILE *f = fopen(path, "w");
    if (!f) { printf("SKIP (no writable cwd)\n"); return 0; }
    for (int i = 0; i < 200; i++) fprintf(f, "line %d: %s\n", i, i % 2 ? "odd" : "even");
    fputs("no newline at end", f);
    printf("fclose w %d\n", fclose(f));
    f = fopen(path, "r");
    char buf[100];
    int lines = 0;
    while (fgets(buf, sizeof buf, f)) lines++;
    printf("lines %d feof %d ferror %d last [%s]\n", lines, feof(f), ferror(f), buf);
    rewind(f);
    printf("after rewind feof %d ftell %ld\n", feof(f), ftell(f));
    int c = fgetc(f); printf("fgetc %c\n", c);
    printf("ungetc %c\n", ungetc('X', f));
    printf("ftell %ld\n", ftell(f));
    printf("fgetc %c %c\n", fgetc(f), fgetc(f));
    fseek(f, 100, SEEK_SET); printf("ftell %ld\n", ftell(f));
    size_t k = fread(buf, 1, 20, f); buf[k] = 0; printf("fread %zu [%s]\n", k, buf);
    fseek(f, -10, SEEK_END); k = fread(buf, 1, 50, f); buf[k] = 0; printf("tail %zu [%s] eof %d\n", k, buf, feof(f));
    fseek(f, -5, SEEK_CUR); printf("ftell %ld\n", ftell(f));
    fpos_t pos; fgetpos(f, &pos); fgetc(f); fsetpos(f, &pos); printf("fsetpos %ld\n", ftell(f));
    rewind(f);
    char *line = NULL; size_t cap = 0; ssize_t len; long total = 0; int nl = 0;
    while ((len = getline(&line, &cap, f)) > 0) { total += len; nl++; }
    printf("getline lines %d bytes %ld\n", nl, total);
    free(line);
    printf("fclose r %d\n", fclose(f));
    f = fopen(path, "a+");
    fprintf(f, "\nappended");
    fseek(f, 0, SEEK_SET);
    fgets(buf, sizeof buf, f); printf("a+ first [%s", buf);
    fclose(f);
    f = fopen(path, "r+");
    fputs("LINE", f); fseek(f, 0, SEEK_SET); fgets(buf, 12, f); printf("r+ [%s]\n", buf);
    fclose(f);
    f = fopen(path, "rb"); fseek(f, 0, SEEK_END); printf("size %ld\n", ftell(f)); fclose(f);
    f = fopen("/nonexistent/dir/x", "r"); printf("missing %p errno %d\n", (void *)f, errno);
    f = fopen(path, "q"); printf("bad mode %p errno %d\n", (void *)f, errno);
    f = fopen(path, "w"); setvbuf(f, NULL, _IONBF, 0); fputc('a', f); fclose(f);
    f = fopen(path, "wx"); printf("wx exists %p\n", (void *)f);
    remove(path);
    printf("stdin %d stdout %d stderr %d\n", fileno(stdin), fileno(stdout), fileno(stderr));
    return 0;
}
