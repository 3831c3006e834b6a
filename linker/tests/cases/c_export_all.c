// link: c
// ld-flags: --export-all --export-table
// no-run: yes
int helper(int x) { return x + 1; }
int main(void) { return helper(-1); }
