//! `strings.h`: case-insensitive comparison and the BSD byte functions.

use super::ctype::lower;
use core::ffi::{c_char, c_int, c_long, c_longlong, c_void};

/// C `strcasecmp`.
#[no_mangle]
pub unsafe extern "C" fn strcasecmp(a: *const c_char, b: *const c_char) -> c_int {
    strncasecmp(a, b, usize::MAX)
}

/// C `strncasecmp`.
#[no_mangle]
pub unsafe extern "C" fn strncasecmp(a: *const c_char, b: *const c_char, n: usize) -> c_int {
    let (a, b) = (a as *const u8, b as *const u8);
    let mut i = 0;
    while i < n {
        let (x, y) = (lower(*a.add(i)), lower(*b.add(i)));
        if x != y || x == 0 {
            return x as c_int - y as c_int;
        }
        i += 1;
    }
    0
}

/// C `strcasecmp_l`.
#[no_mangle]
pub unsafe extern "C" fn strcasecmp_l(a: *const c_char, b: *const c_char, _l: *mut c_void) -> c_int {
    strcasecmp(a, b)
}

/// C `__strcasecmp_l`.
#[no_mangle]
pub unsafe extern "C" fn __strcasecmp_l(a: *const c_char, b: *const c_char, _l: *mut c_void) -> c_int {
    strcasecmp(a, b)
}

/// C `strncasecmp_l`.
#[no_mangle]
pub unsafe extern "C" fn strncasecmp_l(
    a: *const c_char,
    b: *const c_char,
    n: usize,
    _l: *mut c_void,
) -> c_int {
    strncasecmp(a, b, n)
}

/// C `__strncasecmp_l`.
#[no_mangle]
pub unsafe extern "C" fn __strncasecmp_l(
    a: *const c_char,
    b: *const c_char,
    n: usize,
    _l: *mut c_void,
) -> c_int {
    strncasecmp(a, b, n)
}

/// C `bzero`.
#[no_mangle]
pub unsafe extern "C" fn bzero(d: *mut c_void, n: usize) {
    super::mem::memset(d as *mut u8, 0, n);
}

/// C `bcopy` (note the argument order: source first).
#[no_mangle]
pub unsafe extern "C" fn bcopy(s: *const c_void, d: *mut c_void, n: usize) {
    super::mem::memmove(d as *mut u8, s as *const u8, n);
}

/// C `index`.
#[no_mangle]
pub unsafe extern "C" fn index(s: *const c_char, c: c_int) -> *mut c_char {
    super::string::strchr(s, c)
}

/// C `rindex`.
#[no_mangle]
pub unsafe extern "C" fn rindex(s: *const c_char, c: c_int) -> *mut c_char {
    super::string::strrchr(s, c)
}

/// C `ffs`.
#[no_mangle]
pub extern "C" fn ffs(i: c_int) -> c_int {
    if i == 0 {
        0
    } else {
        i.trailing_zeros() as c_int + 1
    }
}

/// C `ffsl`.
#[no_mangle]
pub extern "C" fn ffsl(i: c_long) -> c_int {
    ffs(i as c_int)
}

/// C `ffsll`.
#[no_mangle]
pub extern "C" fn ffsll(i: c_longlong) -> c_int {
    if i == 0 {
        0
    } else {
        i.trailing_zeros() as c_int + 1
    }
}
