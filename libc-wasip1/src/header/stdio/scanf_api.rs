//! The exported scanf family and its inputs (stream, string).

use super::file::{self, File};
use super::scanf::{scan, Input};
use super::std_streams::stdin_ptr;
use crate::varargs::VaList;
use core::ffi::{c_char, c_int};

/// Input from a stream (push-back goes into the stream's buffer).
struct FileInput(*mut File);

impl Input for FileInput {
    unsafe fn getc(&mut self) -> c_int {
        file::getc(self.0)
    }
    unsafe fn ungetc(&mut self, c: c_int) {
        super::io::ungetc(c, self.0);
    }
}

/// Input from a NUL-terminated string.
struct StrInput(*const u8);

impl Input for StrInput {
    unsafe fn getc(&mut self) -> c_int {
        let c = *self.0;
        if c == 0 {
            return -1;
        }
        self.0 = self.0.add(1);
        c as c_int
    }
    unsafe fn ungetc(&mut self, c: c_int) {
        if c >= 0 {
            self.0 = self.0.sub(1);
        }
    }
}

/// C `vfscanf`.
#[no_mangle]
pub unsafe extern "C" fn vfscanf(f: *mut File, fmt: *const c_char, ap: *const u8) -> c_int {
    scan(&mut FileInput(f), fmt as *const u8, VaList::new(ap))
}

/// C `vscanf`.
#[no_mangle]
pub unsafe extern "C" fn vscanf(fmt: *const c_char, ap: *const u8) -> c_int {
    vfscanf(stdin_ptr(), fmt, ap)
}

/// C `vsscanf`.
#[no_mangle]
pub unsafe extern "C" fn vsscanf(s: *const c_char, fmt: *const c_char, ap: *const u8) -> c_int {
    scan(&mut StrInput(s as *const u8), fmt as *const u8, VaList::new(ap))
}

/// C `fscanf`.
#[no_mangle]
pub unsafe extern "C" fn fscanf(f: *mut File, fmt: *const c_char, va: *const u8) -> c_int {
    vfscanf(f, fmt, va)
}

/// C `scanf`.
#[no_mangle]
pub unsafe extern "C" fn scanf(fmt: *const c_char, va: *const u8) -> c_int {
    vfscanf(stdin_ptr(), fmt, va)
}

/// C `sscanf`.
#[no_mangle]
pub unsafe extern "C" fn sscanf(s: *const c_char, fmt: *const c_char, va: *const u8) -> c_int {
    vsscanf(s, fmt, va)
}

/// C `__isoc99_vfscanf`.
#[no_mangle]
pub unsafe extern "C" fn __isoc99_vfscanf(f: *mut File, fmt: *const c_char, ap: *const u8) -> c_int {
    vfscanf(f, fmt, ap)
}

/// C `__isoc99_vscanf`.
#[no_mangle]
pub unsafe extern "C" fn __isoc99_vscanf(fmt: *const c_char, ap: *const u8) -> c_int {
    vscanf(fmt, ap)
}

/// C `__isoc99_vsscanf`.
#[no_mangle]
pub unsafe extern "C" fn __isoc99_vsscanf(s: *const c_char, fmt: *const c_char, ap: *const u8) -> c_int {
    vsscanf(s, fmt, ap)
}

/// C `__isoc99_fscanf`.
#[no_mangle]
pub unsafe extern "C" fn __isoc99_fscanf(f: *mut File, fmt: *const c_char, va: *const u8) -> c_int {
    vfscanf(f, fmt, va)
}

/// C `__isoc99_scanf`.
#[no_mangle]
pub unsafe extern "C" fn __isoc99_scanf(fmt: *const c_char, va: *const u8) -> c_int {
    vscanf(fmt, va)
}

/// C `__isoc99_sscanf`.
#[no_mangle]
pub unsafe extern "C" fn __isoc99_sscanf(s: *const c_char, fmt: *const c_char, va: *const u8) -> c_int {
    vsscanf(s, fmt, va)
}
