// link: c
// ld-flags: --unresolved-symbols=ignore-all
// no-run: yes
extern int missing_data;
int missing_fn(void);
int main(void) { return missing_data + missing_fn(); }
