// link: c
// cflags: -O2 -g
// ld-flags: -O2
// expect-same-size: DATA .debug_str
// expect-stdout: [hello world] [o world] [world] [zzz] [rld] [hello world]
// Mergeable strings (WASM_SEG_FLAG_STRINGS) are tail-merged as wasm-ld
// does: "world" and "o world" live inside "hello world"; .debug_str too
// (the type names below end alike).
#include <stdio.h>
typedef struct { int a; } long_type_name_world;
typedef struct { int b; } type_name_world;
__attribute__((noinline)) const char *pick(int i) {
    switch (i) {
    case 0: return "hello world";
    case 1: return "o world";
    case 2: return "world";
    case 3: return "zzz";
    case 4: return "rld";
    default: return "hello world";
    }
}
int main(void) {
    long_type_name_world x = {1};
    type_name_world y = {2};
    for (int i = 0; i < 6; i++) printf("[%s]%s", pick(i), i == 5 ? "\n" : " ");
    return x.a + y.b - 3;
}
