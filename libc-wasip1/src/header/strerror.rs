//! `strerror` and friends: wasi-libc's messages for WASI's errno numbers.

use super::mem::{memcpy, strlen};
use core::ffi::{c_char, c_int, c_void};

/// Messages indexed by WASI errno number (0 = success).
static MESSAGES: [&core::ffi::CStr; 77] = [
    c"Success",
    c"Argument list too long",
    c"Permission denied",
    c"Address in use",
    c"Address not available",
    c"Address family not supported by protocol",
    c"Resource temporarily unavailable",
    c"Operation already in progress",
    c"Bad file descriptor",
    c"Bad message",
    c"Resource busy",
    c"Operation canceled",
    c"No child process",
    c"Connection aborted",
    c"Connection refused",
    c"Connection reset by peer",
    c"Resource deadlock would occur",
    c"Destination address required",
    c"Domain error",
    c"Quota exceeded",
    c"File exists",
    c"Bad address",
    c"File too large",
    c"Host is unreachable",
    c"Identifier removed",
    c"Illegal byte sequence",
    c"Operation in progress",
    c"Interrupted system call",
    c"Invalid argument",
    c"I/O error",
    c"Socket is connected",
    c"Is a directory",
    c"Symbolic link loop",
    c"No file descriptors available",
    c"Too many links",
    c"Message too large",
    c"Multihop attempted",
    c"Filename too long",
    c"Network is down",
    c"Connection reset by network",
    c"Network unreachable",
    c"Too many open files in system",
    c"No buffer space available",
    c"No such device",
    c"No such file or directory",
    c"Exec format error",
    c"No locks available",
    c"Link has been severed",
    c"Out of memory",
    c"No message of desired type",
    c"Protocol not available",
    c"No space left on device",
    c"Function not implemented",
    c"Socket not connected",
    c"Not a directory",
    c"Directory not empty",
    c"State not recoverable",
    c"Not a socket",
    c"Not supported",
    c"Not a tty",
    c"No such device or address",
    c"Value too large for data type",
    c"Previous owner died",
    c"Operation not permitted",
    c"Broken pipe",
    c"Protocol error",
    c"Protocol not supported",
    c"Protocol wrong type for socket",
    c"Result not representable",
    c"Read-only file system",
    c"Invalid seek",
    c"No such process",
    c"Stale file handle",
    c"Operation timed out",
    c"Text file busy",
    c"Cross-device link",
    c"Capabilities insufficient",
];

/// The message for `e` (unknown numbers get entry 0, "Success", as in
/// wasi-libc).
pub fn message(e: c_int) -> &'static core::ffi::CStr {
    MESSAGES.get(e as usize).copied().unwrap_or(MESSAGES[0])
}

/// C `strerror`.
#[no_mangle]
pub extern "C" fn strerror(e: c_int) -> *mut c_char {
    message(e).as_ptr() as *mut c_char
}

/// C `strerror_l`.
#[no_mangle]
pub extern "C" fn strerror_l(e: c_int, _l: *mut c_void) -> *mut c_char {
    strerror(e)
}

/// C `__strerror_l`.
#[no_mangle]
pub extern "C" fn __strerror_l(e: c_int, _l: *mut c_void) -> *mut c_char {
    strerror(e)
}

/// C `strerror_r` (the XSI version: returns 0 or `ERANGE` when truncated).
#[no_mangle]
pub unsafe extern "C" fn strerror_r(e: c_int, buf: *mut c_char, len: usize) -> c_int {
    let m = strerror(e) as *const u8;
    let l = strlen(m);
    if l >= len {
        if len > 0 {
            memcpy(buf as *mut u8, m, len - 1);
            *buf.add(len - 1) = 0;
        }
        return super::ext::errno::ERANGE;
    }
    memcpy(buf as *mut u8, m, l + 1);
    0
}

/// C `__xpg_strerror_r`.
#[no_mangle]
pub unsafe extern "C" fn __xpg_strerror_r(e: c_int, buf: *mut c_char, len: usize) -> c_int {
    strerror_r(e, buf, len)
}
