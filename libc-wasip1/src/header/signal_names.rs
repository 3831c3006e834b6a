//! `strsignal` and `psignal` (newer wasi-libc only): musl's descriptions of
//! the Linux signal numbers that wasi-libc's emulated signals use.

use core::ffi::{c_char, c_int};

static NAMES: [&core::ffi::CStr; 32] = [
    c"Unknown signal",
    c"Hangup",
    c"Interrupt",
    c"Quit",
    c"Illegal instruction",
    c"Trace/breakpoint trap",
    c"Aborted",
    c"Bus error",
    c"Arithmetic exception",
    c"Killed",
    c"User defined signal 1",
    c"Segmentation fault",
    c"User defined signal 2",
    c"Broken pipe",
    c"Alarm clock",
    c"Terminated",
    c"Stack fault",
    c"Child process status",
    c"Continued",
    c"Stopped (signal)",
    c"Stopped",
    c"Stopped (tty input)",
    c"Stopped (tty output)",
    c"Urgent I/O condition",
    c"CPU time limit exceeded",
    c"File size limit exceeded",
    c"Virtual timer expired",
    c"Profiling timer expired",
    c"Window changed",
    c"I/O possible",
    c"Power failure",
    c"Bad system call",
];

/// C `strsignal`.
#[no_mangle]
pub extern "C" fn strsignal(sig: c_int) -> *mut c_char {
    NAMES.get(sig as usize).copied().unwrap_or(NAMES[0]).as_ptr() as *mut c_char
}

/// C `psignal`: "msg: description" (or just the description) on stderr.
#[no_mangle]
pub unsafe extern "C" fn psignal(sig: c_int, msg: *const c_char) {
    use super::stdio::file::write_bytes;
    let f = super::stdio::std_streams::stderr_ptr();
    if !msg.is_null() && *msg != 0 {
        write_bytes(f, msg as *const u8, super::mem::strlen(msg as *const u8));
        write_bytes(f, b": ".as_ptr(), 2);
    }
    let d = strsignal(sig) as *const u8;
    write_bytes(f, d, super::mem::strlen(d));
    write_bytes(f, b"\n".as_ptr(), 1);
}
