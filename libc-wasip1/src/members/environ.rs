//! `environ` and `_environ` — their own archive member of libc.a, linked only when the
//! program names `environ`. Its constructor reads the environment eagerly
//! (as wasi-libc's `__wasilibc_initialize_environ_eagerly`) and registers
//! the variable with libc so setenv/unsetenv keep it up to date.
#![no_std]
#![allow(non_upper_case_globals, clippy::missing_safety_doc)]

extern "C" {
    fn __wasip1_register_environ(environ: *mut *mut *mut u8, underscore: *mut *mut *mut u8);
}

/// The C `environ` variable.
#[no_mangle]
pub static mut environ: *mut *mut u8 = core::ptr::null_mut();

/// `_environ`: the same environment as `environ`.
#[no_mangle]
pub static mut _environ: *mut *mut u8 = core::ptr::null_mut();

/// Registers `environ` and `_environ` with libc (runs before `main`).
extern "C" fn init_environ() {
    unsafe { __wasip1_register_environ(core::ptr::addr_of_mut!(environ), core::ptr::addr_of_mut!(_environ)) }
}

#[used]
#[link_section = ".init_array.50"]
static INIT: extern "C" fn() = init_environ;
