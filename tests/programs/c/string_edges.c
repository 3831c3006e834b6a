// string.h edge cases and a memcpy/memmove/memset sweep over alignments.
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

int main(void) {
    char buf[16];
    memset(buf, 'X', sizeof buf);
    strncpy(buf, "ab", 6);
    printf("strncpy pads: %d %d %d '%c'\n", buf[2] == 0, buf[5] == 0, buf[6] == 'X', buf[6]);
    printf("strspn %zu strcspn %zu strpbrk '%s'\n", strspn("aabbc", "ab"), strcspn("hello, world", ",;"),
           strpbrk("key=value", "=:"));
    printf("strcasecmp %d %d strncasecmp %d\n", strcasecmp("HeLLo", "hello") == 0, strcasecmp("a", "B") < 0,
           strncasecmp("ABCx", "abcy", 3) == 0);
    printf("strnlen %zu %zu\n", strnlen("abcdef", 3), strnlen("ab", 10));
    const char *s = "find the last t";
    printf("memchr '%s' strrchr '%s'\n", (const char *)memchr(s, 't', strlen(s)), strrchr(s, 't'));
    char dst[32];
    char *end = stpcpy(stpcpy(dst, "con"), "cat");
    printf("stpcpy '%s' len %td\n", dst, end - dst);
    char line[] = "a:b::c";
    char *p = line, *tok;
    printf("strsep:");
    while ((tok = strsep(&p, ":")) != NULL) printf(" [%s]", tok);
    printf("\n");
    char text[] = "x y  z";
    char *save;
    printf("strtok_r:");
    for (tok = strtok_r(text, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) printf(" [%s]", tok);
    printf("\n");
    printf("memcmp sign: %d %d\n", memcmp("\x80", "\x01", 1) > 0, memcmp("", "", 0));
    printf("strcoll %d strxfrm %zu\n", strcoll("a", "b") < 0, strxfrm(dst, "abc", sizeof dst));
    printf("ffs %d %d %d\n", ffs(0), ffs(1), ffs(0x80));

    static unsigned char src[300], area[300];
    for (int i = 0; i < 300; i++) src[i] = (unsigned char)(i * 13 + 7);
    uint32_t sum = 0;
    for (int so = 0; so < 8; so++)
        for (int dofs = 0; dofs < 8; dofs++)
            for (int len = 0; len < 80; len += 3) {
                memset(area, 0xEE, sizeof area);
                memcpy(area + dofs, src + so, (size_t)len);
                memmove(area + dofs + 5, area + dofs, (size_t)len);
                memmove(area + dofs, area + dofs + 3, (size_t)len);
                memset(area + len, so, (size_t)dofs);
                for (int k = 0; k < 120; k++) sum = sum * 31 + area[k];
            }
    printf("mem sweep checksum %08x\n", sum);
    return 0;
}
