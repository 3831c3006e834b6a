/* open_wmemstream with wide and narrow output. */
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <locale.h>

int main(void) {
    setlocale(LC_ALL, "C.UTF-8");
    wchar_t *buf = NULL; size_t n = 0;
    FILE *f = open_wmemstream(&buf, &n);
    fwprintf(f, L"%ls %d", L"caf\xe9", 42);
    fflush(f);
    printf("size %zu:", n); for (size_t i = 0; i < n; i++) printf(" %x", (unsigned)buf[i]); printf("\n");
    fputwc(0x20ac, f); fputws(L"!", f);
    fclose(f);
    printf("size %zu:", n); for (size_t i = 0; i < n; i++) printf(" %x", (unsigned)buf[i]); printf(" nul %d\n", buf[n] == 0);
    free(buf);
    return 0;
}
