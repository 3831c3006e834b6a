// link: c
// cflags: -O1 -g
// ld-flags: --strip-all
int main(void) { return 0; }
