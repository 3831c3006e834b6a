/* POSIX regex: BRE/ERE syntax, anchors, intervals, classes, backrefs,
 * submatches, flags and errors. */
#include <stdio.h>
#include <string.h>
#include <regex.h>

static void t(const char *pat, int cf, const char *s, int ef) {
    regex_t re;
    char eb[100];
    int r = regcomp(&re, pat, cf);
    printf("%-24s %d %-20s ", pat, cf, s);
    if (r) { regerror(r, &re, eb, sizeof eb); printf("comp %d (%s)\n", r, eb); return; }
    regmatch_t m[6];
    r = regexec(&re, s, 6, m, ef);
    printf("nsub %zu exec %d", re.re_nsub, r);
    if (!r) for (int i = 0; i < 6 && i <= (int)re.re_nsub; i++) printf(" [%d,%d]", (int)m[i].rm_so, (int)m[i].rm_eo);
    printf("\n");
    regfree(&re);
}

int main(void) {
    int E = REG_EXTENDED;
    t("([a-z]+)@([a-z]+)\\.org", E, "mail alice@example.org now", 0);
    t("abc", 0, "xxabcxx", 0);
    t("a.c", 0, "abc", 0);
    t("a*", 0, "aaa", 0);
    t("^a", 0, "ba", 0);
    t("a$", 0, "ba", 0);
    t("x$", 0, "xa", 0);
    t("\\(ab\\)*c", 0, "ababc", 0);
    t("\\(a\\)\\1", 0, "xaa", 0);
    t("a\\{2,3\\}", 0, "aaaa", 0);
    t("a{2,3}", E, "aaaa", 0);
    t("a{2}", E, "aaaa", 0);
    t("a{2,}", E, "aaaaa", 0);
    t("(a*)(b*)", E, "aabb", 0);
    t("(a*)*", E, "aa", 0);
    t("(a|b)*c", E, "abac", 0);
    t("x(a|b)*", E, "xabab", 0);
    t("[[:digit:]]+", E, "abc123def", 0);
    t("[^a-c]+", E, "abcdefabc", 0);
    t("[]a]+", E, "]a]b", 0);
    t("[a-]+", E, "a-a-b", 0);
    t("colou?r", E, "my color", 0);
    t("ABC", REG_ICASE, "xabcx", 0);
    t("[a-c]+", E | REG_ICASE, "xABCx", 0);
    t("^b", E | REG_NEWLINE, "a\nb", 0);
    t("a$", E | REG_NEWLINE, "a\nb", 0);
    t("a.b", E | REG_NEWLINE, "a\nb", 0);
    t("^a", E, "a", REG_NOTBOL);
    t("a$", E, "a", REG_NOTEOL);
    t("\\<word\\>", E, "a word here", 0);
    t("(x)(y)?", E, "x", 0);
    t("a|", E, "b", 0);
    t("", E, "abc", 0);
    t("(", E, "", 0);
    t(")", E, "", 0);
    t("a{3,2}", E, "", 0);
    t("a{1", E, "", 0);
    t("[a", E, "", 0);
    t("a\\", E, "", 0);
    t("*a", E, "a", 0);
    t("\\(a", 0, "", 0);
    t("[[:nope:]]", E, "", 0);
    t("[z-a]", E, "", 0);
    t("(a)\\2", E, "", 0);
    t("*a", 0, "*a", 0);
    t("a\\{1,2", 0, "", 0);
    t("^*", 0, "*", 0);
    t("x*y*z*", E, "", 0);
    t("(a+)+b", E, "aaaaaaaaaaaaaaaaaaaab", 0);
    t("[[:alpha:]_][[:alnum:]_]*", E, "  _id42 = 1", 0);
    t("([0-9]+)-([0-9]+)", E, "tel 555-1234 x", 0);
    t("(ab)+", E, "xababab", 0);
    t("(a|b)+", E, "abb", 0);
    t("\\(x*\\)\\(y*\\)", 0, "xxyy", 0);
    t("([a-z]+) ([a-z]+)", E, "hello big world", 0);
    t("(.*)-(.*)", E, "a-b-c", 0);
    t("[.]", E, "a.b", 0);
    t("\\w+\\s\\d", E, "abc 7", 0);
    t("(^a|b$)+", E, "ab", 0);
    char eb[20];
    printf("regerror %zu [%s]\n", regerror(REG_BADRPT, 0, eb, sizeof eb), eb);
    printf("regerror %zu\n", regerror(99, 0, eb, sizeof eb));
    return 0;
}
