/* Wide stdio, wprintf/wscanf families and wcsto* in the C and C.UTF-8 locales. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <locale.h>
#include <errno.h>

static void show(const wchar_t *w) { printf("["); for (; *w; w++) printf(*w < 128 ? "%c" : "<%x>", (unsigned)*w); printf("]"); }

int main(void) {
    wchar_t wb[64];
    int r;
    for (int u = 0; u < 2; u++) {
        if (u) setlocale(LC_ALL, "C.UTF-8");
        r = swprintf(wb, 64, L"%d|%5ls|%-4s|%c|%lc|%.2ls|%x", 42, L"ab", "cd", 'e', (wint_t)L'f', L"xyz", 255);
        printf("u%d swprintf %d ", u, r); show(wb); printf("\n");
        r = swprintf(wb, 5, L"%s", "toolong"); printf("u%d trunc %d ", u, r); show(wb); printf("\n");
        r = swprintf(wb, 64, L"%ls", L"caf\xe9"); printf("u%d nonascii %d\n", u, r);
        r = swprintf(wb, 64, L"%5ls|%-5s|", L"\xe9t\xe9", "\xc3\xa9t\xc3\xa9"); printf("u%d widths %d ", u, r); if (r > 0) show(wb); printf("\n");
        int a = 0; wchar_t ws[16] = {0}; char cs[16] = {0};
        r = swscanf(L"  12 word 3.5", L"%d %ls %s", &a, ws, cs); printf("u%d swscanf %d %d ", u, r, a); show(ws); printf(" [%s]\n", cs);
        wchar_t *end;
        long v = wcstol(L"\x3000 -123xyz", &end, 10); printf("u%d wcstol %ld end+%td\n", u, v, end - L"\x3000 -123xyz");
        errno = 0; v = wcstol(L"zz", &end, 10); printf("u%d wcstol none %ld %d\n", u, v, errno);
        double d = wcstod(L" 2.5e3\xe9", &end); printf("u%d wcstod %g end+%td\n", u, d, end - L" 2.5e3\xe9");
        printf("u%d wcstoull %llu wcstoul %lu\n", u, wcstoull(L"18446744073709551615", 0, 10), wcstoul(L"0x1f", 0, 0));
        fflush(stdout);
        r = wprintf(L"u%d wprintf %ls %d %5.1f\n", u, L"hi", 7, 2.25); fflush(stdout); printf("ret %d\n", r);
        r = wprintf(L"[%ls]\n", L"\xe9\x20ac"); fflush(stdout); printf("ret %d errno %d\n", r, r < 0 ? errno : 0);
    }
    const char *path = "wide.tmp";
    FILE *f = fopen(path, "w+");
    if (!f) { printf("SKIP\n"); return 0; }
    printf("fwide %d ", fwide(f, 0));
    fputwc(L'A', f); fputws(L"bc\xe9\n", f); fputwc(0x20ac, f); fputwc(L'\n', f);
    printf("fputwc euro %d fwide %d\n", ferror(f), fwide(f, 0));
    rewind(f);
    wint_t c;
    printf("read:"); while ((c = fgetwc(f)) != WEOF) printf(" %x", (unsigned)c); printf(" eof %d err %d\n", feof(f), ferror(f));
    rewind(f); clearerr(f);
    wchar_t line[16];
    while (fgetws(line, 16, f)) { show(line); }
    printf("\n");
    rewind(f);
    printf("ungetwc %x ", (unsigned)ungetwc(L'Z', f)); printf("getwc %x %x\n", (unsigned)getwc(f), (unsigned)getwc(f));
    fclose(f);
    f = fopen(path, "w"); fputs("ok\xff\xc3", f); fclose(f);
    f = fopen(path, "r");
    errno = 0;
    wint_t x1 = fgetwc(f), x2 = fgetwc(f), x3 = fgetwc(f);
    printf("bad bytes %x %x %x err %d errno %d\n", (unsigned)x1, (unsigned)x2, (unsigned)x3, ferror(f), errno);
    fclose(f);
    remove(path);
    return 0;
}
