// link: c
// ld-flags: --import-table
// no-run: yes
static int f(void) { return 1; }
int (*volatile fp)(void) = f;
int main(void) { return fp() - 1; }
