// link: c
// ld-flags: --export=get_seven --export-table
// expect-export: get_seven func
// expect-export: exported_by_attr func
// expect-export: __indirect_function_table table
// expect-export: memory memory
// expect-export: _start func
__attribute__((export_name("exported_by_attr"))) int foo(void) { return 1; }
int get_seven(void) { return 7; }
int main(void) { return 0; }
