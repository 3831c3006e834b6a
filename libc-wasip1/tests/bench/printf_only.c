/* A program that uses printf and nothing else: libcbench reports the size of
 * its code section with each libc (what printf drags in). */
#include <stdio.h>

int main(int argc, char **argv) {
    (void)argv;
    printf("%d %s %f %e %g\n", argc, "args", argc * 1.5, argc * 2.5e10, argc / 3.0);
    return 0;
}
