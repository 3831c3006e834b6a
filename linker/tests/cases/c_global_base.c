// link: c
// ld-flags: --global-base=8192 --export=__global_base --export=__data_end -z stack-size=16384
// expect-stdout: data at or above 8192: yes
#include <stdio.h>
int counter = 1;
int main(void) { printf("data at or above 8192: %s\n", (unsigned long)&counter >= 8192 ? "yes" : "no"); return 0; }
