// Wide characters and multibyte conversion in the C.UTF-8 locale.
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

int main(void) {
    printf("setlocale C.UTF-8: %s\n", setlocale(LC_ALL, "C.UTF-8") ? "ok" : "failed");
    const char *utf8 = "h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80";
    wchar_t wide[32];
    size_t n = mbstowcs(wide, utf8, 32);
    printf("mbstowcs = %zu:", n);
    for (size_t i = 0; i < n; i++) printf(" U+%04X", (unsigned)wide[i]);
    printf("\n");
    char back[64];
    size_t m = wcstombs(back, wide, sizeof back);
    printf("wcstombs = %zu, roundtrip %d\n", m, strcmp(back, utf8) == 0);
    printf("wcslen = %zu, wcschr euro at %td\n", wcslen(wide), wcschr(wide, 0x20AC) - wide);
    printf("mblen of 3-byte = %d, invalid = %d\n", mblen("\xe2\x82\xac", 3), mblen("\xff", 1));
    printf("towupper(e-acute) = U+%04X, iswalpha = %d\n", (unsigned)towupper(0xE9), iswalpha(0xE9) != 0);
    wchar_t buf[32];
    swprintf(buf, 32, L"%ls-%d", L"wide", 7);
    printf("swprintf -> %ls\n", buf);
    printf("wcscmp = %d\n", wcscmp(L"abc", L"abd") < 0);
    return 0;
}
