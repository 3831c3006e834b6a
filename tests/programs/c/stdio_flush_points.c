// link-args: -lc-printscan-long-double
//
// When buffered output reaches the file: for each write pattern, the size
// the file has on disk before fclose (and at the end, stdout's bytes before
// _exit skips the final flush). musl writes a full buffer together with the
// data that did not fit, and a line-buffered stream up to its last newline.
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char s[4000];

static long on_disk(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static void pattern(int mode, int vbuf) {
    FILE *f = fopen("/sandbox/out.txt", "w");
    if (vbuf == 1) setvbuf(f, 0, _IOLBF, 0);
    if (vbuf == 2) setvbuf(f, 0, _IOFBF, 100);
    long sizes[8];
    int k = 0;
    switch (mode) {
    case 0: for (int i = 0; i < 3100; i++) { putc(i % 50 == 49 ? '\n' : 'x', f); } break;
    case 1: fwrite(s, 1, 3100, f); break;
    case 2: for (int i = 0; i < 31; i++) fwrite(s, 1, 100, f); break;
    case 3: for (int i = 0; i < 310; i++) fprintf(f, "%.9s\n", s); break;
    case 4: for (int i = 0; i < 3; i++) fwrite(s, 1, 1000, f); fwrite(s, 1, 100, f); break;
    case 5: fwrite(s, 1, 1023, f); sizes[k++] = on_disk("/sandbox/out.txt"); fwrite(s, 1, 1, f);
            sizes[k++] = on_disk("/sandbox/out.txt"); fwrite(s, 1, 1, f); break;
    case 6: for (int i = 0; i < 3100; i += 7) fputs("xxxxxx\n", f); break;
    case 7: fputs("line one\npartial", f); sizes[k++] = on_disk("/sandbox/out.txt"); fputc('\n', f); break;
    }
    sizes[k++] = on_disk("/sandbox/out.txt");
    fclose(f);
    sizes[k++] = on_disk("/sandbox/out.txt");
    printf("mode %d buf %d:", mode, vbuf);
    for (int i = 0; i < k; i++) printf(" %ld", sizes[i]);
    printf("\n");
}

/* printf output crossing the buffer's end at every offset: the size on
 * disk shows which of its pieces (literal runs, padding, sign, digits)
 * went out with the buffer. */
static void printf_crossing(const char *name, int which) {
    long sum = 0;
    unsigned h = 0;
    for (int off = 0; off < 48; off++) {
        FILE *f = fopen("/sandbox/out.txt", "w");
        fwrite(s, 1, 1000 + off, f);
        switch (which) {
        case 0: fprintf(f, "ab%%cd[%5d|%-6d|%+d|%05d]", -42, 7, 3, -9); break;
        case 1: fprintf(f, "<%12s|%-9.3s|%c%c>", "str", "abcdef", 'p', 'q'); break;
        case 2: fprintf(f, "{%#x %o %lld %llu}", 0xbeef, 8, -123456789012LL, 42ULL); break;
        case 3: fprintf(f, "(%f %e %g %.3f)", 3.14159, -2.5e-10, 1e20, 0.0005); break;
        case 4: fprintf(f, "(%12.4f|%-14e|%+010.2f|%a)", 1234.5678, 6.02e23, -3.5, 0.1); break;
        case 5: fprintf(f, "%300d|%-280s|", 5, "left"); break;
        case 6: fprintf(f, "[%g %.15g %.20e %#.3g %-12.5G]", 0.0001234, 2.0 / 3, 1e-300, 5.0, 1e30); break;
        case 7: fprintf(f, "[%Lf %.30Le %La %12.3Lg]", 1.0L / 3, 2.0L / 7, 0.1L, -1e100L); break;
        }
        long size = 0;
        struct stat st;
        if (stat("/sandbox/out.txt", &st) == 0) size = (long)st.st_size;
        sum += size;
        h = h * 31 + (unsigned)size;
        fclose(f);
    }
    printf("%s: sum %ld hash %08x\n", name, sum, h);
}

int main(void) {
    memset(s, 'y', sizeof s);
    printf_crossing("ints", 0);
    printf_crossing("strings", 1);
    printf_crossing("hex/long", 2);
    printf_crossing("floats", 3);
    printf_crossing("float flags", 4);
    printf_crossing("wide padding", 5);
    printf_crossing("g and long e", 6);
    printf_crossing("long double", 7);
    for (int vbuf = 0; vbuf < 3; vbuf++)
        for (int mode = 0; mode < 8; mode++) pattern(mode, vbuf);
    fflush(stdout);
    /* stdout (a pipe here: fully buffered) left unflushed by _exit. */
    for (int i = 0; i < 3100; i++) putchar(i % 61 == 60 ? '\n' : 'z');
    _exit(0);
}
