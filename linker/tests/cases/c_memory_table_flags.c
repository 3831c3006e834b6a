// link: c
// ld-flags: --no-growable-memory --growable-table --export-table
// expect-stdout: ok
#include <stdio.h>
int main(void) { puts("ok"); return 0; }
