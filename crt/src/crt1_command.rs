//! `crt1-command.o`: the `_start` entry point of a WASI command.
//!
//! Same behaviour as wasi-libc's crt1-command.c: a second call traps; then
//! the linker-synthesized constructors run, `__main_void` (libc) runs `main`,
//! libc's destructors (atexit handlers, stdio flush) run, and the process
//! exits through `proc_exit` only when the status is non-zero (a zero status
//! just returns from `_start`).
#![no_std]
#![allow(clippy::missing_safety_doc)]

extern "C" {
    /// Synthesized by the linker: calls every `.init_array` constructor.
    fn __wasm_call_ctors();
    /// From libc: gathers argc/argv and calls the program's `main`.
    fn __main_void() -> i32;
    /// From libc: runs atexit handlers and flushes stdio.
    fn __wasm_call_dtors();
}

#[link(wasm_import_module = "wasi_snapshot_preview1")]
extern "C" {
    /// WASI `proc_exit`; never returns.
    fn proc_exit(code: i32) -> !;
}

/// Guards against `_start` being called twice.
static mut STARTED: i32 = 0;

/// Entry point of a WASI command module.
#[no_mangle]
pub unsafe extern "C" fn _start() {
    let started = core::ptr::addr_of_mut!(STARTED);
    if core::ptr::read_volatile(started) != 0 {
        core::arch::wasm32::unreachable();
    }
    core::ptr::write_volatile(started, 1);
    __wasm_call_ctors();
    let r = __main_void();
    __wasm_call_dtors();
    if r != 0 {
        proc_exit(r);
    }
}
