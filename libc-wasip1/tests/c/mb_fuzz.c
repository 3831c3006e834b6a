/* mbrtowc/mbrlen/mbtowc/mbsrtowcs/wcrtomb on random byte strings in the
 * C and C.UTF-8 locales, with states carried across split inputs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <locale.h>
#include <errno.h>

static unsigned long long s = 0x0123456789ABCDEFULL;
static unsigned long long next(void) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }

int main(void) {
    const unsigned char pool[] = {0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xc3, 0xa9, 0xdf, 0xe0, 0xe2, 0x82, 0xac, 0xed, 0xa0, 0xef, 0xf0, 0x9f, 0x98, 0xf4, 0x8f, 0x90, 0xf5, 0xff, 0x00};
    unsigned long h = 0;
    for (int loc = 0; loc < 2; loc++) {
        setlocale(LC_ALL, loc ? "C.UTF-8" : "C");
        for (int i = 0; i < 20000; i++) {
            unsigned char in[8];
            int n = 1 + next() % 7;
            for (int k = 0; k < n; k++) in[k] = pool[next() % (sizeof pool - (i % 5 ? 1 : 0))];
            mbstate_t st; memset(&st, 0, sizeof st);
            size_t pos = 0; wchar_t wc;
            while (pos < (size_t)n) {
                size_t chunk = 1 + next() % 3;
                if (pos + chunk > (size_t)n) chunk = n - pos;
                errno = 0; wc = 0;
                size_t r = mbrtowc(&wc, (const char *)in + pos, chunk, &st);
                h = h * 1000003 + (unsigned long)r * 7 + (unsigned)wc + errno;
                if (r == (size_t)-1) { memset(&st, 0, sizeof st); pos++; }
                else if (r == (size_t)-2) pos += chunk;
                else if (r == 0) pos++;
                else pos += r;
                h = h * 3 + mbsinit(&st);
            }
            wc = 0;
            int m = mbtowc(&wc, (const char *)in, n);
            h = h * 31 + (unsigned)m + (unsigned)wc + (unsigned)mblen((const char *)in, n);
            char tmp[9]; memcpy(tmp, in, n); tmp[n] = 0;
            const char *src = tmp; wchar_t wbuf[10];
            memset(&st, 0, sizeof st);
            size_t k = mbsrtowcs(wbuf, &src, 10, &st);
            h = h * 31 + (unsigned long)k + (src ? (unsigned long)(src - tmp) : 77);
            char out[8];
            wchar_t w = (wchar_t)(next() % 0x110010);
            if (i % 3 == 0) w = (wchar_t)(next() % 0x100) | (i % 2 ? 0xdf00 : 0);
            errno = 0;
            size_t wr = wcrtomb(out, w, NULL);
            h = h * 31 + (unsigned long)wr + errno;
            if (wr != (size_t)-1) for (size_t q = 0; q < wr; q++) h = h * 7 + (unsigned char)out[q];
            h = h * 5 + (unsigned)wctob(w) + (unsigned)btowc(in[0]);
        }
        printf("locale %d hash %lu\n", loc, h);
    }
    return 0;
}
