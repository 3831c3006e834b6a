// import_module/import_name: functions imported from a host module that no
// runner provides, so this is a link-only test: the module must validate
// and have the same imports (module, name, type) and exports as wasm-ld's.
// link-only: yes
#include <stdint.h>

__attribute__((import_module("host"), import_name("add_i32"))) int32_t host_add(int32_t, int32_t);
__attribute__((import_module("host"), import_name("log_f64"))) void host_log(double);
__attribute__((import_module("env2"), import_name("tick"))) int64_t host_tick(void);
/* Same C name imported twice under different import names is not allowed;
   a second module with the same field name is. */
__attribute__((import_module("other"), import_name("add_i32"))) int32_t other_add(int32_t, int32_t);

int main(void) {
    int32_t r = host_add(1, 2) + other_add(3, 4);
    host_log((double)r);
    return (int)host_tick();
}
