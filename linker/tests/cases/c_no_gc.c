// link: c
// ld-flags: --no-gc-sections
// expect-stdout: kept
#include <stdio.h>
int unused_function(int x) { return x * 3; }
static const char unused_data[] = "unused data";
int main(void) { puts("kept"); return 0; }
