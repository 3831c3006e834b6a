//! `stdlib.h`'s conversions and algorithms (the memory, environment and
//! process functions belong to the bottom half).

pub mod cvt;
pub mod rand;
pub mod sort;
pub mod strtod;
pub mod strtol;

use core::ffi::{c_int, c_long, c_longlong};

/// C `abs`.
#[no_mangle]
pub extern "C" fn abs(a: c_int) -> c_int {
    a.wrapping_abs()
}

/// C `labs`.
#[no_mangle]
pub extern "C" fn labs(a: c_long) -> c_long {
    a.wrapping_abs()
}

/// C `llabs`.
#[no_mangle]
pub extern "C" fn llabs(a: c_longlong) -> c_longlong {
    a.wrapping_abs()
}

/// C `imaxabs`.
#[no_mangle]
pub extern "C" fn imaxabs(a: i64) -> i64 {
    a.wrapping_abs()
}

/// C `div` (the `div_t` result is returned through `ret`, as clang does).
#[no_mangle]
pub unsafe extern "C" fn div(ret: *mut [c_int; 2], a: c_int, b: c_int) {
    *ret = [a.wrapping_div(b), a.wrapping_rem(b)];
}

/// C `ldiv`.
#[no_mangle]
pub unsafe extern "C" fn ldiv(ret: *mut [c_long; 2], a: c_long, b: c_long) {
    *ret = [a.wrapping_div(b), a.wrapping_rem(b)];
}

/// C `lldiv`.
#[no_mangle]
pub unsafe extern "C" fn lldiv(ret: *mut [i64; 2], a: i64, b: i64) {
    *ret = [a.wrapping_div(b), a.wrapping_rem(b)];
}

/// C `imaxdiv`.
#[no_mangle]
pub unsafe extern "C" fn imaxdiv(ret: *mut [i64; 2], a: i64, b: i64) {
    *ret = [a.wrapping_div(b), a.wrapping_rem(b)];
}
