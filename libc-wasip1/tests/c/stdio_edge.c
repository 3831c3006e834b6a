/* Stream edge cases: EOF stickiness, ungetc limits, setvbuf modes,
 * fflush(NULL), freopen, read/write switching, stdin reads. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

int main(void) {
    const char *path = "edge.tmp";
    FILE *f = fopen(path, "w+");
    if (!f) { printf("SKIP\n"); return 0; }
    printf("fputs %d fputc %d putc %d\n", fputs("abc", f), fputc('d', f), putc('e', f));
    printf("fwrite %zu\n", fwrite("0123456789", 2, 5, f));
    rewind(f);
    char b[64];
    printf("fread %zu\n", fread(b, 3, 10, f));
    printf("feof %d ferror %d\n", feof(f), ferror(f));
    printf("getc at eof %d feof %d\n", getc(f), feof(f));
    clearerr(f);
    printf("after clearerr %d\n", feof(f));
    printf("ungetc %d %d\n", ungetc('x', f), ungetc('y', f));
    printf("getc %c %c %d\n", getc(f), getc(f), getc(f));
    printf("ungetc EOF %d\n", ungetc(EOF, f));
    fseek(f, 2, SEEK_SET);
    fputs("ZZ", f);
    fseek(f, 0, SEEK_SET);
    memset(b, 0, sizeof b);
    fgets(b, sizeof b, f);
    printf("rw [%s]\n", b);
    printf("fgets n=1 %p\n", (void *)fgets(b, 1, f) == (void *)b ? (void *)1 : (void *)0);
    fclose(f);
    f = fopen(path, "r");
    setvbuf(f, NULL, _IONBF, 0);
    printf("unbuffered getc %c ftell %ld\n", getc(f), ftell(f));
    printf("ungetc unbuffered %d getc %c\n", ungetc('Q', f), getc(f));
    fclose(f);
    static char mybuf[32];
    f = fopen(path, "w");
    printf("setvbuf full %d\n", setvbuf(f, mybuf, _IOFBF, sizeof mybuf));
    fputs("buffered", f);
    printf("in buffer: %d\n", memcmp(mybuf, "buffered", 8) == 0 || strstr(mybuf, "buffered") != NULL);
    printf("setvbuf bad %d\n", setvbuf(f, NULL, 42, 0));
    fflush(NULL);
    fclose(f);
    f = fopen(path, "r"); fgets(b, sizeof b, f); printf("flushed [%s]\n", b); fclose(f);
    f = fopen(path, "w");
    FILE *g = freopen(path, "r", f);
    printf("freopen same %d ", g == f); fgets(b, sizeof b, g); printf("[%s]\n", b);
    fclose(g);
    f = fopen(path, "r");
    printf("write on r %d ferror %d\n", fputc('a', f), ferror(f));
    fclose(f);
    f = fopen(path, "w");
    printf("read on w %d ferror %d\n", fgetc(f), ferror(f));
    fclose(f);
    f = fopen(path, "w");
    for (int i = 0; i < 5000; i++) fprintf(f, "%04d\n", i);
    fclose(f);
    f = fopen(path, "r");
    long sum = 0; int v;
    while (fscanf(f, "%d", &v) == 1) sum += v;
    printf("fscanf sum %ld\n", sum);
    fseek(f, -10, SEEK_END);
    printf("tail ftell %ld\n", ftell(f));
    static char big[30000];
    rewind(f);
    size_t k = fread(big, 1, sizeof big, f);
    printf("big fread %zu [%.9s] eof %d\n", k, big + 24990, feof(f));
    fclose(f);
    remove(path);
    FILE *re = freopen(NULL, "rb", stdin);
    printf("freopen null %d\n", re == stdin);
    /* stdin */
    char line[16];
    int lines = 0, longest = 0;
    while (fgets(line, sizeof line, stdin)) { lines++; int l = strlen(line); if (l > longest) longest = l; }
    printf("stdin chunks %d longest %d eof %d\n", lines, longest, feof(stdin));
    printf("getchar at eof %d\n", getchar());
    puts("puts line");
    putchar('!'); putchar('\n');
    printf("%s\n", "done");
    return 0;
}
