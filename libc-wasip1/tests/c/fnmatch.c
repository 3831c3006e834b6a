/* fnmatch patterns and flags. */
#define _GNU_SOURCE
#include <stdio.h>
#include <fnmatch.h>

int main(void) {
    const char *cases[][2] = {
        {"*.c", "main.c"}, {"*.c", "main.h"}, {"a?c", "abc"}, {"a?c", "ac"}, {"[!x]*", "xyz"}, {"[!x]*", "yz"},
        {"[a-c]x", "bx"}, {"[a-c]x", "dx"}, {"[]]", "]"}, {"[!]]", "a"}, {"[[:digit:]]*", "9lives"},
        {"[[:alpha:][:digit:]]", "_"}, {"\\*", "*"}, {"\\*", "x"}, {"*", ""}, {"", ""}, {"", "x"}, {"a*b*c", "aXXbYYc"},
        {"a*b*c", "aXXbYY"}, {"*/*", "dir/file"}, {"*", "dir/file"}, {"[a-", "[a-"}, {"[", "["}, {"a\\", "a\\"},
        {"*.txt", ".hidden.txt"}, {"?x", ".x"}, {"[.]x", ".x"}, {"x/*", "x/.y"}, {"x/*", "x/y/z"}, {"**b", "aab"},
        {"[^a]", "b"}, {"[A-Z]", "q"}, {"*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaac"}, {"[\\]]", "]"}, {"[b-a]", "a"},
    };
    int flags[] = {0, FNM_PATHNAME, FNM_PERIOD, FNM_PATHNAME | FNM_PERIOD, FNM_NOESCAPE, FNM_CASEFOLD, FNM_LEADING_DIR};
    for (unsigned i = 0; i < sizeof cases / sizeof *cases; i++) {
        printf("%-16s %-32s", cases[i][0], cases[i][1]);
        for (unsigned f = 0; f < sizeof flags / sizeof *flags; f++) printf(" %d", fnmatch(cases[i][0], cases[i][1], flags[f]));
        printf("\n");
    }
    printf("leading dir %d %d\n", fnmatch("a/b", "a/b/c/d", FNM_LEADING_DIR), fnmatch("a/*", "a/b/c", FNM_PATHNAME | FNM_LEADING_DIR));
    return 0;
}
