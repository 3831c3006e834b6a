/* scanf family: sscanf over many formats, then scanf from stdin. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    int a = -1, b = -1, c = -1, n = -1, r;
    unsigned u = 0; long l = 0; long long ll = 0; short h = 0; signed char hh = 0;
    double d = 0; float f = 0;
    char s1[64] = "", s2[64] = "", ch[4] = "";
    void *p = 0;
    r = sscanf("12 34 56", "%d %d %d", &a, &b, &c); printf("%d: %d %d %d\n", r, a, b, c);
    r = sscanf("12,34", "%d,%d", &a, &b); printf("%d: %d %d\n", r, a, b);
    r = sscanf("0x1f 017 -0x10 10", "%i %i %i %i", &a, &b, &c, &n); printf("%d: %d %d %d %d\n", r, a, b, c, n);
    r = sscanf("ff 777 -12 4294967295", "%x %o %d %u", &a, &b, &c, &u); printf("%d: %d %d %d %u\n", r, a, b, c, u);
    r = sscanf("123456789012 -5 70000 300", "%lld %ld %hd %hhd", &ll, &l, &h, &hh); printf("%d: %lld %ld %d %d\n", r, ll, l, h, hh);
    r = sscanf("3.25 -1e3 0x1.8p1 inf", "%lf %f %lf %lf", &d, &f, &d, &d); printf("%d: %g %g\n", r, d, (double)f);
    r = sscanf("nan 1.5e-2", "%lf %lf", &d, &d); printf("%d: %g\n", r, d);
    r = sscanf("hello world", "%s %s", s1, s2); printf("%d: [%s] [%s]\n", r, s1, s2);
    r = sscanf("hello world", "%3s%s", s1, s2); printf("%d: [%s] [%s]\n", r, s1, s2);
    r = sscanf("abc", "%c%c", &ch[0], &ch[1]); printf("%d: %c%c\n", r, ch[0], ch[1]);
    memset(ch, 0, 4); r = sscanf("  xyz", "%3c", ch); printf("%d: [%s]\n", r, ch);
    r = sscanf("abc123def", "%[a-z]%[0-9]%n", s1, s2, &n); printf("%d: [%s] [%s] %d\n", r, s1, s2, n);
    r = sscanf("key=value;rest", "%[^=]=%[^;]", s1, s2); printf("%d: [%s] [%s]\n", r, s1, s2);
    r = sscanf("]x]", "%[]x]", s1); printf("%d: [%s]\n", r, s1);
    r = sscanf("12 abc", "%d %d", &a, &b); printf("%d: %d\n", r, a);
    r = sscanf("", "%d", &a); printf("empty: %d\n", r);
    r = sscanf("   ", "%d", &a); printf("spaces: %d\n", r);
    r = sscanf("x", "%d", &a); printf("nomatch: %d\n", r);
    r = sscanf("5 6", "%*d %d", &a); printf("%d: %d\n", r, a);
    r = sscanf("7 8", "%2$d %1$d", &a, &b); printf("%d: %d %d\n", r, a, b);
    r = sscanf("100%", "%d%%", &a); printf("%d: %d\n", r, a);
    r = sscanf("12345", "%2d%3d", &a, &b); printf("%d: %d %d\n", r, a, b);
    r = sscanf("0x12345678", "%p", &p); printf("%d: %p\n", r, p);
    r = sscanf("-", "%d", &a); printf("dash: %d\n", r);
    r = sscanf("1e", "%lf", &d); printf("1e: %d\n", r);
    r = sscanf("abc", "abd"); printf("literal: %d\n", r);
    char *m = NULL;
    r = sscanf("allocated string", "%ms", &m); printf("%d: [%s]\n", r, m); free(m);
    r = sscanf("99999999999", "%d", &a); printf("%d: %d\n", r, a);
    /* from stdin */
    int sum = 0, x;
    char word[32];
    r = scanf("%31s", word); printf("stdin word %d [%s]\n", r, word);
    while (scanf("%d", &x) == 1) sum += x;
    printf("stdin sum %d\n", sum);
    r = scanf("%31s", word); printf("after %d [%s]\n", r, word);
    r = scanf("%d", &x); printf("eof %d\n", r);
    return 0;
}
