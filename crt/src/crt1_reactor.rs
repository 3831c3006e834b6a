//! `crt1-reactor.o`: the `_initialize` entry point of a WASI reactor.
//!
//! Same behaviour as wasi-libc's crt1-reactor.c: a second call traps, the
//! first runs the linker-synthesized constructors and returns.
#![no_std]

extern "C" {
    /// Synthesized by the linker: calls every `.init_array` constructor.
    fn __wasm_call_ctors();
}

/// Guards against `_initialize` being called twice.
static mut INITIALIZED: i32 = 0;

/// Initialization entry point of a WASI reactor module.
#[no_mangle]
pub unsafe extern "C" fn _initialize() {
    let initialized = core::ptr::addr_of_mut!(INITIALIZED);
    if core::ptr::read_volatile(initialized) != 0 {
        core::arch::wasm32::unreachable();
    }
    core::ptr::write_volatile(initialized, 1);
    __wasm_call_ctors();
}
