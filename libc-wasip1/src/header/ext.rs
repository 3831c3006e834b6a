//! Declarations of the bottom half's functions that the top half calls.
//!
//! They are defined elsewhere in this staticlib (or, when testing the top
//! half alone, in another libc.a); the signatures here must match the wasm
//! types of wasi-libc's exactly, since a mismatch is only caught at link time.

use core::ffi::{c_char, c_int, c_void};

extern "C" {
    pub fn malloc(n: usize) -> *mut c_void;
    pub fn calloc(n: usize, size: usize) -> *mut c_void;
    pub fn realloc(p: *mut c_void, n: usize) -> *mut c_void;
    pub fn free(p: *mut c_void);
    pub fn read(fd: c_int, buf: *mut c_void, n: usize) -> isize;
    pub fn write(fd: c_int, buf: *const c_void, n: usize) -> isize;
    pub fn lseek(fd: c_int, off: i64, whence: c_int) -> i64;
    pub fn close(fd: c_int) -> c_int;
    /// `open(path, flags, ...)`: the third parameter is the variadic buffer
    /// pointer holding the `mode_t` (wasm type `(i32, i32, i32) -> i32`).
    pub fn open(path: *const c_char, flags: c_int, va: *const u32) -> c_int;
    pub fn isatty(fd: c_int) -> c_int;
    pub fn getenv(name: *const c_char) -> *mut c_char;
    pub fn __errno_location() -> *mut c_int;
}

/// WASI errno values used by the top half.
pub mod errno {
    pub const E2BIG: i32 = 1;
    pub const EBADF: i32 = 8;
    pub const ENOENT: i32 = 44;
    pub const ESRCH: i32 = 71;
    pub const EILSEQ: i32 = 25;
    pub const EINVAL: i32 = 28;
    pub const ENOMEM: i32 = 48;
    pub const EOVERFLOW: i32 = 61;
    pub const ERANGE: i32 = 68;
}

/// `open` flags as wasi-libc's `<fcntl.h>` defines them.
pub mod oflags {
    pub const O_APPEND: i32 = 1;
    pub const O_CREAT: i32 = 1 << 12;
    pub const O_EXCL: i32 = 4 << 12;
    pub const O_TRUNC: i32 = 8 << 12;
    pub const O_RDONLY: i32 = 0x0400_0000;
    pub const O_WRONLY: i32 = 0x1000_0000;
    pub const O_RDWR: i32 = O_RDONLY | O_WRONLY;
}

/// Sets `errno`.
pub fn set_errno(e: i32) {
    // SAFETY: __errno_location always returns this thread's errno slot.
    unsafe { *__errno_location() = e }
}

/// Reads `errno`.
pub fn get_errno() -> i32 {
    // SAFETY: as above.
    unsafe { *__errno_location() }
}
