/* setlocale, localeconv, nl_langinfo and multibyte conversion in the C and C.UTF-8 locales. */
#define _GNU_SOURCE
#include <stdio.h>
#include <locale.h>
#include <stdlib.h>
#include <wchar.h>
#include <langinfo.h>
#include <string.h>
static void show(const char *s) { printf("[%s]\n", s ? s : "(null)"); }
int main(void) {
    show(setlocale(LC_ALL, NULL));
    printf("mbcurmax %zu\n", MB_CUR_MAX);
    show(setlocale(LC_CTYPE, "C.UTF-8"));
    show(setlocale(LC_ALL, NULL));
    printf("mbcurmax %zu\n", MB_CUR_MAX);
    show(setlocale(LC_ALL, ""));
    show(setlocale(LC_ALL, NULL));
    show(setlocale(LC_NUMERIC, "fr_FR"));
    show(setlocale(LC_ALL, NULL));
    show(setlocale(LC_ALL, "en_US.UTF-8"));
    show(setlocale(LC_ALL, NULL));
    show(setlocale(LC_ALL, "POSIX"));
    show(setlocale(LC_ALL, NULL));
    show(setlocale(LC_ALL, "C.UTF-8;C;C;C;C;C"));
    show(setlocale(99, "C"));
    show(setlocale(LC_ALL, "bad name with / slash"));
    show(setlocale(LC_ALL, NULL));
    struct lconv *lc = localeconv();
    printf("dp [%s] ts [%s] grp [%s] cur [%s] %d\n", lc->decimal_point, lc->thousands_sep, lc->grouping, lc->currency_symbol, lc->frac_digits);
    printf("codeset [%s] d_t_fmt [%s] yesexpr [%s] radix [%s] day1 [%s] mon1 [%s] am [%s] abday [%s]\n", nl_langinfo(CODESET), nl_langinfo(D_T_FMT), nl_langinfo(YESEXPR), nl_langinfo(RADIXCHAR), nl_langinfo(DAY_1), nl_langinfo(MON_1), nl_langinfo(AM_STR), nl_langinfo(ABDAY_1));
    setlocale(LC_ALL, "C");
    printf("codeset C [%s]\n", nl_langinfo(CODESET));
    wchar_t w; mbstate_t st; memset(&st, 0, sizeof st);
    const char *in[] = {"A", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\x80", "\xc3", "\xff", ""};
    for (int u = 0; u < 2; u++) {
        if (u) setlocale(LC_CTYPE, "C.UTF-8");
        for (int i = 0; i < 8; i++) {
            memset(&st, 0, sizeof st); w = 0;
            size_t r = mbrtowc(&w, in[i], strlen(in[i]), &st);
            int r2 = mbtowc(&w, in[i], strlen(in[i]));
            printf("u%d mbrtowc %zd %x mbtowc %d mblen %d\n", u, (ssize_t)r, (unsigned)w, r2, mblen(in[i], 4));
        }
        wchar_t ws[] = {'a', 0xe9, 0x20ac, 0x1f600, 0xdf80, 0xdfff, 0xd800, 0x110000, 0};
        for (int i = 0; ws[i]; i++) { char b[8] = {0}; memset(&st, 0, sizeof st); size_t r = wcrtomb(b, ws[i], &st); printf("u%d wcrtomb %x -> %zd", u, (unsigned)ws[i], (ssize_t)r); for (size_t k = 0; k < r && r < 8; k++) printf(" %02x", (unsigned char)b[k]); printf(" wctob %d\n", wctob(ws[i])); }
        printf("btowc %x %x mbsinit %d\n", btowc('a'), btowc(0xe9), mbsinit(&st));
        char mb[64]; wchar_t wb[16];
        size_t n = mbstowcs(wb, "h\xc3\xa9llo", 16); printf("mbstowcs %zd\n", (ssize_t)n);
        n = wcstombs(mb, L"h\xe9llo", sizeof mb); printf("wcstombs %zd\n", (ssize_t)n);
        printf("%%ls [%ls] %%lc [%lc]\n", L"abc", (wint_t)'z');
        n = printf("[%ls]\n", L"caf\xe9"); printf("ret %d\n", (int)n);
    }
    return 0;
}
