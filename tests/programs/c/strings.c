// A few string.h / stdlib.h functions.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int main(void) {
    char buf[64] = "hello";
    strcat(buf, ", world");
    printf("strcat: %s (len %zu)\n", buf, strlen(buf));
    printf("strcmp: %d %d %d\n", strcmp("a", "b") < 0, strcmp("b", "a") > 0, strcmp("x", "x"));
    printf("strncmp: %d\n", strncmp("abcdef", "abcxyz", 3));
    printf("strchr: %s\n", strchr(buf, 'w'));
    printf("strrchr: %s\n", strrchr(buf, 'o'));
    printf("strstr: %s\n", strstr(buf, "lo, "));
    char copy[64];
    memset(copy, 'z', sizeof copy);
    memcpy(copy, buf, 6);
    copy[6] = 0;
    printf("memcpy: %s\n", copy);
    memmove(buf + 2, buf, 5);
    printf("memmove: %s\n", buf);
    printf("memcmp: %d\n", memcmp("abc", "abd", 3) < 0);
    char tok[] = "a,b,,c";
    for (char *t = strtok(tok, ","); t; t = strtok(NULL, ",")) printf("tok: %s\n", t);
    char *d = strdup("Mixed Case");
    for (char *p = d; *p; p++) *p = (char)toupper((unsigned char)*p);
    printf("upper: %s\n", d);
    free(d);
    printf("strtol: %ld %ld\n", strtol("-1234xyz", NULL, 10), strtol("ff", NULL, 16));
    printf("atof: %.3f\n", atof("2.5e2"));
    int xs[] = {5, 3, 9, 1, 7};
    qsort(xs, 5, sizeof xs[0], cmp_int);
    printf("qsort:");
    for (int i = 0; i < 5; i++) printf(" %d", xs[i]);
    printf("\n");
    char out[32];
    int n = snprintf(out, sizeof out, "%s-%d-%c", "snp", 12, 'q');
    printf("snprintf: %s (%d)\n", out, n);
    return 0;
}
