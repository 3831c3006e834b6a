/* __pleval: gettext Plural-Forms expressions, as musl's catalogs evaluate
 * them (declared here: it is an internal symbol with no public header). */
#include <stdio.h>
#include <string.h>

unsigned long __pleval(const char *, unsigned long);

static const char *exprs[] = {
    "0;",
    "n != 1;",
    "n>1;",
    "n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2;",
    "n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2;",
    "n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;",
    "(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    "n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3;",
    "  n  *  3  +  7  /  2  -  1 ;",
    "n - 5 - 2;",
    "100 / n;",
    "100 % n;",
    "!n;",
    "!!n + !0;",
    "n < 3 == 1;",
    "1 || 0 && 0;",
    "(1 || 0) && 0;",
    "n ? n ? 1 : 2 : 3;",
    "18446744073709551615 + n;",
    "4294967295 * 2;",
    "n",
    "n;junk",
    "n +;",
    "(n;",
    "n ? 1;",
    "n ? 1 : ;",
    "x;",
    "-n;",
    "n >= = 1;",
    "",
    ";",
};

int main(void) {
    unsigned long ns[] = {0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 101, 111, 1000000};
    for (unsigned i = 0; i < sizeof exprs / sizeof *exprs; i++) {
        printf("%-40.40s", exprs[i]);
        for (unsigned k = 0; k < sizeof ns / sizeof *ns; k++)
            printf(" %ld", (long)__pleval(exprs[i], ns[k]));
        printf("\n");
    }
    /* Nesting: parentheses and ! chains of several depths. */
    for (int depth = 10; depth <= 120; depth += 10) {
        char buf[512];
        int len = 0;
        for (int i = 0; i < depth; i++) buf[len++] = '(';
        buf[len++] = 'n';
        for (int i = 0; i < depth; i++) buf[len++] = ')';
        buf[len++] = ';';
        buf[len] = 0;
        long a = (long)__pleval(buf, 7);
        len = 0;
        for (int i = 0; i < depth; i++) buf[len++] = '!';
        buf[len++] = 'n';
        buf[len++] = ';';
        buf[len] = 0;
        printf("depth %d: parens %ld, nots %ld\n", depth, a, (long)__pleval(buf, 7));
    }
    return 0;
}
