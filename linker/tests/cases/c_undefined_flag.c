// link: c
// ld-flags: -u strdup --export-if-defined=strdup --export-if-defined=not_there
// expect-export: strdup func
int main(void) { return 0; }
