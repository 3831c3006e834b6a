/* String and conversion functions on random short strings over a small
 * alphabet (results hashed, samples printed). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <errno.h>

static unsigned long long s = 0xDEADBEEFCAFEF00DULL;
static unsigned long long next(void) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }

static void rnd(char *b, const char *alpha) {
    int n = next() % 9, a = strlen(alpha);
    for (int i = 0; i < n; i++) b[i] = alpha[next() % a];
    b[n] = 0;
}

static long off(const void *p, const void *base) { return p ? (const char *)p - (const char *)base : -1; }
static int sgn(int x) { return (x > 0) - (x < 0); }

int main(void) {
    char a[16], b[16], buf[64];
    unsigned long h = 0;
    for (int i = 0; i < 30000; i++) {
        rnd(a, "ab0A9 -x.");
        rnd(b, "ab0A9 -x.");
        size_t n = next() % 10;
        long r[20];
        r[0] = sgn(strcmp(a, b)); r[1] = sgn(strncmp(a, b, n)); r[2] = sgn(strcasecmp(a, b)); r[3] = sgn(strncasecmp(a, b, n));
        r[4] = strspn(a, b); r[5] = strcspn(a, b); r[6] = off(strpbrk(a, b), a); r[7] = off(strstr(a, b), a);
        r[8] = off(strcasestr(a, b), a); r[9] = off(memmem(a, strlen(a), b, strlen(b)), a); r[10] = sgn(strverscmp(a, b));
        r[11] = off(strchr(a, b[0]), a); r[12] = off(strrchr(a, b[0]), a); r[13] = off(memrchr(a, b[0], strlen(a)), a);
        r[14] = strnlen(a, n); r[15] = sgn(memcmp(a, b, n < strlen(a) && n < strlen(b) ? n : 0));
        errno = 0; char *e; r[16] = strtol(a, &e, (int)(next() % 37)); r[17] = e - a; r[18] = errno;
        r[19] = strlcpy(buf, a, n) + strlcat(buf, b, n + 3);
        for (int k = 0; k < 20; k++) h = h * 1000003 + (unsigned long)r[k];
        if (i % 1000 == 0) { printf("[%s] [%s] %zu:", a, b, n); for (int k = 0; k < 20; k++) printf(" %ld", r[k]); printf("\n"); }
    }
    printf("hash %lu\n", h);
    return 0;
}
