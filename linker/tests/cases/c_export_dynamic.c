// link: c
// ld-flags: --export-dynamic
// expect-export: visible_fn func
// expect-export: visible_data global
__attribute__((visibility("default"))) int visible_data = 42;
__attribute__((visibility("default"))) int visible_fn(int x) { return x + visible_data; }
__attribute__((visibility("hidden"))) int hidden_fn(int x) { return x; }
int main(void) { return hidden_fn(visible_fn(0)) - 42; }
