//! musl's internal stdio entry points that wasi-libc exports. Nothing in C
//! headers declares them; they exist so that objects built against musl's
//! internals still link.

use super::file::{self, File};
use crate::header::ext::oflags::*;
use core::ffi::{c_char, c_int};

/// C `__stdio_read`: reads through the stream's buffer.
#[no_mangle]
pub unsafe extern "C" fn __stdio_read(f: *mut File, buf: *mut u8, len: usize) -> usize {
    file::read_bytes(f, buf, len)
}

/// C `__stdio_write`: writes through the stream's buffer.
#[no_mangle]
pub unsafe extern "C" fn __stdio_write(f: *mut File, buf: *const u8, len: usize) -> usize {
    file::write_bytes(f, buf, len)
}

/// C `__stdout_write`.
#[no_mangle]
pub unsafe extern "C" fn __stdout_write(f: *mut File, buf: *const u8, len: usize) -> usize {
    file::write_bytes(f, buf, len)
}

/// C `__fwritex`.
#[no_mangle]
pub unsafe extern "C" fn __fwritex(s: *const u8, len: usize, f: *mut File) -> usize {
    file::write_bytes(f, s, len)
}

/// C `__stdio_seek`: the backend seek.
#[no_mangle]
pub unsafe extern "C" fn __stdio_seek(f: *mut File, off: i64, whence: c_int) -> i64 {
    ((*f).ops.seek)(f, off, whence)
}

/// C `__stdio_close`: the backend close.
#[no_mangle]
pub unsafe extern "C" fn __stdio_close(f: *mut File) -> c_int {
    ((*f).ops.close)(f)
}

/// C `__fmodeflags`: `open` flags for an `fopen` mode string.
#[no_mangle]
pub unsafe extern "C" fn __fmodeflags(mode: *const c_char) -> c_int {
    match super::stream::parse_mode(mode) {
        Some((fl, _)) => fl,
        None => O_RDONLY,
    }
}

/// C `__stdio_exit_needed`.
#[no_mangle]
pub unsafe extern "C" fn __stdio_exit_needed() {
    file::__stdio_exit()
}

/// C `__toread_needs_stdio_exit` (a link-time marker in musl).
#[no_mangle]
pub extern "C" fn __toread_needs_stdio_exit() {}

/// C `__towrite_needs_stdio_exit` (a link-time marker in musl).
#[no_mangle]
pub extern "C" fn __towrite_needs_stdio_exit() {}
