/* swprintf with random flags/widths/precisions on strings and numbers in
 * the C.UTF-8 locale (hashed, samples printed). */
#include <stdio.h>
#include <wchar.h>
#include <locale.h>
#include <string.h>

static unsigned long long s = 0x1111222233334444ULL;
static unsigned long long next(void) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }

int main(void) {
    setlocale(LC_ALL, "C.UTF-8");
    const wchar_t *convs[] = {L"d", L"x", L"s", L"ls", L"c", L"lc", L"f", L"g", L"e"};
    const char *mbs[] = {"abc", "h\xc3\xa9llo", "\xe2\x82\xac\xe2\x82\xac", ""};
    const wchar_t *ws[] = {L"abc", L"h\xe9llo", L"\x20ac\x20ac", L""};
    wchar_t fmt[32], out[128];
    unsigned long h = 0;
    for (int i = 0; i < 10000; i++) {
        unsigned long long r = next();
        int c = r % 9, p = 0;
        fmt[p++] = L'['; fmt[p++] = L'%';
        if ((r >> 8) & 1) fmt[p++] = L'-';
        if ((r >> 9) & 1) { int w = (r >> 10) % 12; if (w >= 10) fmt[p++] = L'1'; fmt[p++] = L'0' + w % 10; }
        if ((r >> 14) & 1) { fmt[p++] = L'.'; fmt[p++] = L'0' + (r >> 15) % 8; }
        for (const wchar_t *q = convs[c]; *q; q++) fmt[p++] = *q;
        fmt[p++] = L']'; fmt[p] = 0;
        int k = (r >> 20) % 4, n;
        double d = (double)(long long)(r >> 30) / 1000.0;
        switch (c) {
        case 0: case 1: n = swprintf(out, 128, fmt, (int)(r >> 33)); break;
        case 2: n = swprintf(out, 128, fmt, mbs[k]); break;
        case 3: n = swprintf(out, 128, fmt, ws[k]); break;
        case 4: n = swprintf(out, 128, fmt, 'A' + k); break;
        case 5: n = swprintf(out, 128, fmt, (wint_t)ws[1][k]); break;
        default: n = swprintf(out, 128, fmt, d); break;
        }
        h = h * 31 + (unsigned)n;
        if (n > 0) for (int j = 0; j < n; j++) h = h * 131 + (unsigned)out[j];
        if (i % 500 == 0) { printf("%ls -> %d", fmt, n); if (n > 0) printf(" %ls", out); printf("\n"); }
    }
    printf("hash %lu\n", h);
    return 0;
}
