// scanf family reading stdin: numbers, strings, scansets, %n, EOF handling.
// stdin: 42 -7 3.5 word
// stdin: key=value;rest
// stdin: 0x1F 0777 tail
#include <stdio.h>

int main(void) {
    int a, b, n = 0;
    double d;
    char w[16], key[16], val[16];
    int got = scanf("%d %d %lf %15s%n", &a, &b, &d, w, &n);
    printf("scanf: %d items: %d %d %.2f %s (consumed %d)\n", got, a, b, d, w, n);
    got = scanf(" %15[^=]=%15[^;];", key, val);
    printf("scanset: %d items: key=%s val=%s\n", got, key, val);
    char rest[16];
    got = scanf("%15s", rest);
    printf("rest: %d '%s'\n", got, rest);
    unsigned x, o;
    got = scanf("%x %o", &x, &o);
    printf("hex/oct: %d items: %u %u\n", got, x, o);
    int c = getchar();
    int c2 = getchar();
    printf("next chars: '%c' '%c'\n", c, c2);
    ungetc('Q', stdin);
    printf("after ungetc: '%c'\n", getchar());
    char tail[16];
    got = scanf("%15s", tail);
    printf("tail: %d '%s'\n", got, tail);
    got = scanf("%d", &a);
    printf("at EOF scanf returns EOF: %d\n", got == EOF);
    return 0;
}
