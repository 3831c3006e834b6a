// Reading stdin: fgets, getchar, word counting; feof at the end.
// stdin: the quick brown fox
// stdin: jumps over
// stdin:
// stdin: the lazy dog 12 34
#include <stdio.h>
#include <ctype.h>
#include <string.h>

int main(void) {
    char line[128];
    int lines = 0, words = 0;
    if (!fgets(line, sizeof line, stdin)) { puts("no input"); return 1; }
    printf("first line: %s", line);
    lines++;
    int c, in_word = 0;
    for (char *p = line; *p; p++) {
        if (isspace((unsigned char)*p)) in_word = 0;
        else if (!in_word) { in_word = 1; words++; }
    }
    in_word = 0;
    while ((c = getchar()) != EOF) {
        if (c == '\n') lines++;
        if (isspace(c)) in_word = 0;
        else if (!in_word) { in_word = 1; words++; }
    }
    printf("lines = %d, words = %d, eof = %d, error = %d\n", lines, words, feof(stdin) != 0, ferror(stdin) != 0);
    return 0;
}
