// stdlib/misc: getopt, strtod/strtoull corner cases, div, abs, tsearch,
// fnmatch, regex, ctype classes, bitwise helpers.
// args: -v -n 42 -x extra1 extra2
#include <ctype.h>
#include <fnmatch.h>
#include <regex.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int cmp(const void *a, const void *b) { return strcmp(a, b); }
static void visit(const void *node, VISIT which, int depth) {
    (void)depth;
    if (which == postorder || which == leaf) printf(" %s", *(char *const *)node);
}

int main(int argc, char **argv) {
    int opt;
    while ((opt = getopt(argc, argv, "vn:")) != -1) {
        if (opt == 'n') printf("getopt: -n %s\n", optarg);
        else if (opt == '?') printf("getopt: unknown option -%c\n", optopt);
        else printf("getopt: -%c\n", opt);
    }
    for (int i = optind; i < argc; i++) printf("operand: %s\n", argv[i]);

    const char *nums[] = {"3.25", "-1e-3", "  +7.5e2xyz", "inf", "0x1p4", "1e400", ".5"};
    for (int i = 0; i < 7; i++) {
        char *end;
        double d = strtod(nums[i], &end);
        printf("strtod(\"%s\") = %g, rest \"%s\"\n", nums[i], d, end);
    }
    printf("strtoull = %llu, strtol base 0: %ld %ld %ld\n", strtoull("18446744073709551615", NULL, 10),
           strtol("0x1f", NULL, 0), strtol("017", NULL, 0), strtol("-42", NULL, 0));
    div_t q = div(-17, 5);
    printf("div(-17, 5) = %d r %d, abs(-3) = %d, llabs = %lld\n", q.quot, q.rem, abs(-3), llabs(-5000000000LL));

    void *root = NULL;
    const char *words[] = {"pear", "apple", "fig", "apple", "kiwi"};
    for (int i = 0; i < 5; i++) tsearch(words[i], &root, cmp);
    printf("twalk:");
    twalk(root, visit);
    printf("\ntfind fig: %d, tfind plum: %d\n", tfind("fig", &root, cmp) != NULL, tfind("plum", &root, cmp) != NULL);

    printf("fnmatch: %d %d %d\n", fnmatch("*.c", "main.c", 0) == 0, fnmatch("a?c", "abc", 0) == 0,
           fnmatch("[!x]*", "xyz", 0) == 0);
    regex_t re;
    if (regcomp(&re, "([a-z]+)@([a-z]+)\\.org", REG_EXTENDED) == 0) {
        regmatch_t m[3];
        const char *s = "mail alice@example.org now";
        if (regexec(&re, s, 3, m, 0) == 0)
            printf("regex: user=%.*s host=%.*s\n", (int)(m[1].rm_eo - m[1].rm_so), s + m[1].rm_so,
                   (int)(m[2].rm_eo - m[2].rm_so), s + m[2].rm_so);
        regfree(&re);
    }
    int classes[6] = {0};
    for (int ch = 0; ch < 128; ch++) {
        classes[0] += isalpha(ch) != 0;
        classes[1] += isdigit(ch) != 0;
        classes[2] += isspace(ch) != 0;
        classes[3] += ispunct(ch) != 0;
        classes[4] += isprint(ch) != 0;
        classes[5] += iscntrl(ch) != 0;
    }
    printf("ctype counts: alpha %d digit %d space %d punct %d print %d cntrl %d\n", classes[0], classes[1],
           classes[2], classes[3], classes[4], classes[5]);
    return 0;
}
