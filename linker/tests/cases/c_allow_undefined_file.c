// link: c
// ld-flags: --allow-undefined-file=tests/cases/c_allow_undefined_file.syms
// no-run: yes
int host_add(int, int);
int main(void) { return host_add(1, 2) - 3; }
