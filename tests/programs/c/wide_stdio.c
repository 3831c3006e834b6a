// Wide-character stdio: fwprintf/fputws/fgetwc/ungetwc/fgetws on a file,
// wprintf to stdout (orientation), fwide, setlocale("") with no LANG.
// dir: w.txt=caf\xc3\xa9 na\xc3\xafve\nline2\n
#include <locale.h>
#include <stdio.h>
#include <wchar.h>

int main(void) {
    const char *loc = setlocale(LC_ALL, "");
    printf("setlocale(\"\") = %s\n", loc ? loc : "(null)");
    printf("setlocale C.UTF-8 = %s\n", setlocale(LC_CTYPE, "C.UTF-8") ? "ok" : "failed");
    FILE *f = fopen("/sandbox/w.txt", "r");
    printf("fwide before: %d\n", fwide(f, 0));
    wint_t c = fgetwc(f);
    printf("fwide after fgetwc: %d, first U+%04X\n", fwide(f, 0) > 0, (unsigned)c);
    ungetwc(L'C', f);
    wchar_t line[64];
    fgetws(line, 64, f);
    printf("fgetws: %zu wide chars:", wcslen(line));
    for (size_t i = 0; i < wcslen(line); i++) printf(" %X", (unsigned)line[i]);
    printf("\n");
    fclose(f);
    FILE *o = fopen("/sandbox/out.txt", "w");
    fwprintf(o, L"%ls %d %lc\n", L"wide \u00e9\u20ac", 42, (wint_t)L'\u00df');
    fputws(L"fputws line\n", o);
    fputwc(L'\u263a', o);
    fclose(o);
    fflush(stdout);
    FILE *w = fopen("/sandbox/wout.txt", "w");
    fwprintf(w, L"%5ls|%-5ls|%.2ls\n", L"ab", L"cd", L"xyz");
    fclose(w);
    return 0;
}
