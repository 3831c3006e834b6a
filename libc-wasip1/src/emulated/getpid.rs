//! `libwasi-emulated-getpid.a`: `getpid` for programs built with
//! `-D_WASI_EMULATED_GETPID -lwasi-emulated-getpid`. WASI has no processes;
//! like wasi-libc, every program is pid 42.
#![no_std]

/// `getpid`.
#[no_mangle]
pub extern "C" fn getpid() -> i32 {
    42
}
