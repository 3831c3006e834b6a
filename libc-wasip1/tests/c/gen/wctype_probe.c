/* Prints every code point's wide-character classes, wcwidth and case mappings
 * under the libc it is linked with. Run against wasi-libc, its output feeds
 * gen_wctype.py, which writes src/header/wctype_tables.rs. */
#include <stdio.h>
#include <wctype.h>
#include <wchar.h>
int main(void) {
    for (unsigned c = 0; c < 0x110000; c++) {
        int m = (!!iswalpha(c)) | (!!iswpunct(c)) << 1 | (!!iswspace(c)) << 2 | (!!iswprint(c)) << 3 | (!!iswcntrl(c)) << 4 | (!!iswupper(c)) << 5 | (!!iswlower(c)) << 6 | (!!iswgraph(c)) << 7 | (!!iswalnum(c)) << 8 | (!!iswxdigit(c)) << 9 | (!!iswdigit(c)) << 10 | (!!iswblank(c)) << 11;
        int w = wcwidth(c);
        printf("%x %x %d %x %x\n", c, m, w, (unsigned)towupper(c), (unsigned)towlower(c));
    }
}
