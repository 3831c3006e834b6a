// link: c
// driver-flags: -mexec-model=reactor
// expect-export: bump func
// expect-export: _initialize func
// no-run: yes
int counter;
__attribute__((export_name("bump"))) int bump(void) { return ++counter; }
__attribute__((constructor)) static void init(void) { counter = 100; }
