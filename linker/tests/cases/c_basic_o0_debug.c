// link: c
// cflags: -O0 -g
// args: x y
// expect-exit: 2
// expect-stdout: abc 7 hi 1 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int g = 5;
static int z[100];
const char *msg = "hi";
__attribute__((constructor)) static void ctor(void) { g = 7; }
__attribute__((weak)) int wk(void) { return 1; }
int (*fp)(void) = wk;
int main(int argc, char **argv) {
    char *p = malloc(20);
    strcpy(p, "abc");
    printf("%s %d %s %d %d\n", p, g, msg, fp(), z[3]);
    return argc - 1;
}
