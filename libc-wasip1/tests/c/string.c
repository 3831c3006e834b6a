/* string.h / strings.h behaviour: prints results, compared with wasi-libc. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <stdlib.h>
#include <errno.h>

static void show(const char *label, const char *s) { printf("%s: [%s]\n", label, s ? s : "(null)"); }

int main(void) {
    char buf[128], big[600], big2[600];
    int i;
    /* mem* of many sizes and alignments */
    for (i = 0; i < 600; i++) big[i] = (char)(i * 7 + 1);
    unsigned sum = 0;
    for (int n = 0; n < 300; n += 7) {
        for (int off = 0; off < 4; off++) {
            memset(big2, 0, sizeof big2);
            memcpy(big2 + off, big + 3, n);
            for (i = 0; i < 600; i++) sum = sum * 31 + (unsigned char)big2[i];
            memmove(big2 + off + 1, big2 + off, n);
            for (i = 0; i < 600; i++) sum = sum * 31 + (unsigned char)big2[i];
            memmove(big2 + off, big2 + off + 3, n);
            for (i = 0; i < 600; i++) sum = sum * 31 + (unsigned char)big2[i];
            memset(big2 + off, 'a' + off, n);
            for (i = 0; i < 600; i++) sum = sum * 31 + (unsigned char)big2[i];
        }
    }
    printf("memsum %u\n", sum);
    printf("memcmp %d %d %d\n", memcmp("abc", "abd", 3) < 0, memcmp("abc", "abc", 3), memcmp("b", "a", 1) > 0);
    printf("memcmp long %d\n", memcmp(big, big2, 500) != 0);
    printf("strlen %zu %zu %zu\n", strlen(""), strlen("hello"), strlen(big + 599 - 0) );
    strcpy(buf, "hello");
    strcat(buf, ", world");
    show("strcat", buf);
    strncat(buf, "!!!", 2);
    show("strncat", buf);
    memset(buf, 'x', 20); strncpy(buf, "ab", 5); printf("strncpy %d %d %d %c\n", buf[2], buf[3], buf[4], buf[5]);
    printf("strcmp %d %d %d\n", strcmp("a", "b") < 0, strcmp("abc", "abc"), strcmp("b", "a") > 0);
    printf("strncmp %d %d\n", strncmp("abcd", "abce", 3), strncmp("abcd", "abce", 4) < 0);
    printf("strcasecmp %d %d\n", strcasecmp("HeLLo", "hello"), strncasecmp("ABCx", "abcy", 3));
    const char *s = "the quick brown fox";
    printf("strchr %s | %s\n", strchr(s, 'q'), strchr(s, 0) == s + strlen(s) ? "end" : "bad");
    printf("strrchr %s\n", strrchr(s, 'o'));
    printf("strchr none %p\n", (void *)strchr(s, 'z'));
    printf("strstr %s | %p | %s\n", strstr(s, "brown"), (void *)strstr(s, "cat"), strstr(s, ""));
    printf("strcasestr %s\n", strcasestr(s, "QUICK"));
    printf("strspn %zu strcspn %zu\n", strspn(s, "the "), strcspn(s, "xyz"));
    printf("strpbrk %s\n", strpbrk(s, "kb"));
    printf("memchr %s\n", (char *)memchr(s, 'b', 19));
    printf("memrchr %s\n", (char *)memrchr(s, 'o', 19));
    printf("memmem %s\n", (char *)memmem(s, 19, "fox", 3));
    strcpy(buf, "a,b,,c");
    char *save, *t;
    for (t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) printf("tok_r [%s]\n", t);
    strcpy(buf, "  one two  three ");
    for (t = strtok(buf, " "); t; t = strtok(NULL, " ")) printf("tok [%s]\n", t);
    strcpy(buf, "a,b,,c");
    char *p = buf;
    while ((t = strsep(&p, ",")) != NULL) printf("sep [%s]\n", t);
    char *d = strdup("dup me"); show("strdup", d); free(d);
    d = strndup("dup me", 3); show("strndup", d); free(d);
    printf("strnlen %zu %zu\n", strnlen("hello", 3), strnlen("hi", 10));
    char *e = stpcpy(buf, "stp"); printf("stpcpy %td\n", e - buf);
    memset(buf, 'z', 10); e = stpncpy(buf, "ab", 4); printf("stpncpy %td %d\n", e - buf, buf[3]);
    e = memccpy(buf, "copy;rest", ';', 9); printf("memccpy %td\n", e - buf);
    e = mempcpy(buf, "12345", 5); printf("mempcpy %td\n", e - buf);
    printf("strlcpy %zu ", strlcpy(buf, "truncate me", 5)); show("", buf);
    printf("strlcat %zu ", strlcat(buf, "XYZ", 6)); show("", buf);
    printf("strverscmp %d %d %d %d %d\n", strverscmp("a9", "a10") < 0, strverscmp("a010", "a09") < 0,
           strverscmp("1.2", "1.10") < 0, strverscmp("000", "00") < 0, strverscmp("abc", "abc"));
    printf("strcoll %d strxfrm %zu\n", strcoll("a", "b") < 0, strxfrm(buf, "xfrm", sizeof buf));
    printf("ffs %d %d %d %d\n", ffs(0), ffs(1), ffs(0x80), ffsll(1LL << 40));
    bzero(buf, 4); printf("bzero %d\n", buf[0] | buf[3]);
    strcpy(buf, "abcdef"); bcopy(buf, buf + 1, 5); show("bcopy", buf);
    printf("index %s rindex %s\n", index("abcabc", 'b'), rindex("abcabc", 'b'));
    for (i = 0; i <= 76; i++) printf("strerror %d %s\n", i, strerror(i));
    printf("strerror 1000 %s\n", strerror(1000));
    char eb[8];
    int r = strerror_r(EINVAL, eb, sizeof eb);
    printf("strerror_r %d [%s]\n", r == ERANGE, eb);
    errno = ENOENT; perror("perror-test");
    return 0;
}
