//! `__main_void` — its own archive member of libc.a, so that it is only
//! linked when the program does not define `__main_void` itself (clang names
//! `int main(void)` so; wasi-libc makes this symbol weak).
//!
//! Gathers the arguments with `args_sizes_get`/`args_get` and calls the
//! program's `main(argc, argv)`, known to the linker as `__main_argc_argv`.
//! Failures exit like wasi-libc: 71 (EX_OSERR) when WASI fails, 70
//! (EX_SOFTWARE) when out of memory.
#![no_std]
#![allow(clippy::missing_safety_doc)]

extern "C" {
    fn __main_argc_argv(argc: i32, argv: *mut *mut u8) -> i32;
    fn malloc(n: usize) -> *mut u8;
    fn calloc(n: usize, size: usize) -> *mut u8;
    fn _Exit(status: i32) -> !;
}

#[link(wasm_import_module = "wasi_snapshot_preview1")]
extern "C" {
    fn args_sizes_get(argc: i32, argv_buf_size: i32) -> i32;
    fn args_get(argv: i32, argv_buf: i32) -> i32;
}

/// Entry point called by `_start`: runs `main(argc, argv)`.
#[no_mangle]
pub unsafe extern "C" fn __main_void() -> i32 {
    let mut argc = 0usize;
    let mut size = 0usize;
    if args_sizes_get(&mut argc as *mut usize as i32, &mut size as *mut usize as i32) != 0 {
        _Exit(71);
    }
    let Some(nptrs) = argc.checked_add(1) else { _Exit(70) };
    let buf = malloc(size);
    let argv = calloc(nptrs, core::mem::size_of::<*mut u8>()) as *mut *mut u8;
    if (buf.is_null() && size != 0) || argv.is_null() {
        _Exit(70);
    }
    if args_get(argv as i32, buf as i32) != 0 {
        _Exit(71);
    }
    __main_argc_argv(argc as i32, argv)
}
