/* fmemopen and open_memstream. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char buf[32];
    memset(buf, 'Q', sizeof buf);
    FILE *f = fmemopen(buf, sizeof buf, "w");
    fprintf(f, "hello %d", 42);
    fflush(f);
    printf("fmemopen w [%s] ftell %ld\n", buf, ftell(f));
    fclose(f);
    f = fmemopen(buf, 8, "w");
    int r = fprintf(f, "0123456789abc");
    int c = fclose(f);
    printf("overflow r=%d close=%d [%.8s] buf[7]=%d\n", r, c, buf, buf[7]);
    strcpy(buf, "10 20 thirty");
    f = fmemopen(buf, strlen(buf), "r");
    int a, b; char w[16];
    r = fscanf(f, "%d %d %15s", &a, &b, w);
    printf("fmemopen r: %d %d %d [%s] eof=%d getc=%d\n", r, a, b, w, feof(f), fgetc(f));
    fclose(f);
    f = fmemopen(NULL, 64, "w+");
    fputs("scratch data", f);
    rewind(f);
    char line[64]; fgets(line, sizeof line, f);
    printf("w+ [%s]\n", line);
    fclose(f);
    strcpy(buf, "start");
    f = fmemopen(buf, sizeof buf, "a");
    fputs("+more", f); fclose(f);
    printf("append [%s]\n", buf);
    char *p = NULL; size_t n = 0;
    f = open_memstream(&p, &n);
    for (int i = 0; i < 300; i++) fprintf(f, "%d,", i);
    fflush(f);
    printf("memstream size %zu strlen %zu tail [%s]\n", n, strlen(p), p + n - 8);
    fseek(f, 3, SEEK_SET);
    fputs("XY", f);
    fflush(f);
    printf("after seek size %zu head [%.10s]\n", n, p);
    fclose(f);
    printf("closed size %zu\n", n);
    free(p);
    return 0;
}
