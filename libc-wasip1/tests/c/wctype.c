/* Wide-character classes, case maps and wcwidth over every code point
 * (hashed per property), plus wctype/wctrans by name. */
#include <stdio.h>
#include <wctype.h>
#include <wchar.h>

int main(void) {
    unsigned long h[15] = {0};
    for (unsigned c = 0; c < 0x110000; c++) {
        int v[15] = {iswalnum(c), iswalpha(c), iswblank(c), iswcntrl(c), iswdigit(c), iswgraph(c), iswlower(c),
                     iswprint(c), iswpunct(c), iswspace(c), iswupper(c), iswxdigit(c), wcwidth(c),
                     (int)towupper(c), (int)towlower(c)};
        for (int k = 0; k < 15; k++) h[k] = h[k] * 1000003 + (unsigned)(k < 12 ? !!v[k] : v[k]) + c;
    }
    const char *names[] = {"alnum", "alpha", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper", "xdigit", "wcwidth", "towupper", "towlower"};
    for (int k = 0; k < 15; k++) printf("%s %lu\n", names[k], h[k]);
    for (int k = 0; k < 12; k++) {
        wctype_t t = wctype(names[k]);
        printf("wctype(%s) %d %d %d\n", names[k], t != 0, !!iswctype(0xe9, t), !!iswctype('7', t));
    }
    printf("wctype(bogus) %d\n", (int)wctype("bogus"));
    printf("towctrans %x %x %x\n", (unsigned)towctrans(0x3b1, wctrans("toupper")), (unsigned)towctrans('Q', wctrans("tolower")), (unsigned)towctrans('q', wctrans("nope")));
    wchar_t s[] = {'a', 0x4e2d, 0x301, 0xe9, 0};
    printf("wcswidth %d %d\n", wcswidth(s, 4), wcswidth(s, 2));
    return 0;
}
