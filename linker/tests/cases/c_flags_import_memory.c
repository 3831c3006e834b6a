// link: c
// ld-flags: --import-memory --export-memory --stack-first
// expect-export: memory memory
// no-run: yes
int counter;
int main(void) { return counter; }
