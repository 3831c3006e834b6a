// link: c
// ld-flags: --initial-memory=262144 --max-memory=1048576 -z stack-size=32768 --export=__heap_base --export=__data_end
// expect-export: __heap_base global
// expect-stdout: grow ok
#include <stdio.h>
#include <stdlib.h>
int main(void) {
    void *p = malloc(300000);
    puts(p ? "grow ok" : "grow failed");
    return 0;
}
