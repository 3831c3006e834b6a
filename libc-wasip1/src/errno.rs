//! `errno`: a plain data symbol (single-threaded build, as wasi-libc's
//! non-threaded libc) holding WASI errno numbers.

use crate::wasi::Errno;
use core::ffi::c_int;

/// The C `errno` variable.
#[no_mangle]
pub static mut errno: c_int = 0;

/// `__errno_location`: address of `errno`.
#[no_mangle]
pub unsafe extern "C" fn __errno_location() -> *mut c_int {
    core::ptr::addr_of_mut!(errno)
}

/// Sets `errno`.
#[inline]
pub fn set_errno(e: Errno) {
    unsafe { *core::ptr::addr_of_mut!(errno) = e as c_int }
}

/// Reads `errno`.
#[inline]
pub fn get_errno() -> c_int {
    unsafe { *core::ptr::addr_of!(errno) }
}

/// Maps a `Result` to the C convention `0` / `-1` with `errno` set.
#[inline]
pub fn ret0(r: Result<(), Errno>) -> c_int {
    match r {
        Ok(()) => 0,
        Err(e) => {
            set_errno(e);
            -1
        }
    }
}

/// Maps a `Result<usize>` (a byte count) to `ssize_t` with `errno` set.
#[inline]
pub fn ret_size(r: Result<usize, Errno>) -> isize {
    match r {
        Ok(n) => n as isize,
        Err(e) => {
            set_errno(e);
            -1
        }
    }
}

/// Maps a `Result<c_int>` to the C convention `value` / `-1` with `errno`.
#[inline]
pub fn ret_int(r: Result<c_int, Errno>) -> c_int {
    match r {
        Ok(n) => n,
        Err(e) => {
            set_errno(e);
            -1
        }
    }
}
