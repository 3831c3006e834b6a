//! `wcstol` and friends: the wide string (after leading `iswspace`
//! characters) is narrowed, non-ASCII characters becoming '@' which no
//! number contains, and handed to the byte conversions.

use super::ext;
use super::stdlib::strtod::{strtod, strtof, strtold};
use super::stdlib::strtol::{strtol, strtoll, strtoul, strtoull};
use super::wctype::iswspace;
use core::ffi::{c_char, c_int, c_long, c_ulong, c_void};

type Wc = u32;

/// Runs `conv` on the narrowed form of `s` and sets `*end` accordingly.
unsafe fn narrowed<T: Default>(s: *const Wc, end: *mut *mut Wc, conv: impl FnOnce(*const c_char, *mut *mut c_char) -> T) -> T {
    let mut t = s;
    while iswspace(*t) != 0 {
        t = t.add(1);
    }
    let mut n = 0;
    while *t.add(n) != 0 {
        n += 1;
    }
    let mut stack = [0u8; 256];
    let buf = if n < stack.len() { stack.as_mut_ptr() } else { ext::malloc(n + 1) as *mut u8 };
    if buf.is_null() {
        if !end.is_null() {
            *end = s as *mut Wc;
        }
        return T::default();
    }
    for i in 0..n {
        let c = *t.add(i);
        *buf.add(i) = if c < 128 { c as u8 } else { b'@' };
    }
    *buf.add(n) = 0;
    let mut e: *mut c_char = core::ptr::null_mut();
    let v = conv(buf as *const c_char, &mut e);
    if !end.is_null() {
        let used = e as usize - buf as usize;
        *end = if used == 0 { s as *mut Wc } else { t.add(used) as *mut Wc };
    }
    if buf != stack.as_mut_ptr() {
        ext::free(buf as *mut c_void);
    }
    v
}

/// C `wcstol`.
#[no_mangle]
pub unsafe extern "C" fn wcstol(s: *const Wc, end: *mut *mut Wc, base: c_int) -> c_long {
    narrowed(s, end, |b, e| strtol(b, e, base))
}

/// C `wcstoul`.
#[no_mangle]
pub unsafe extern "C" fn wcstoul(s: *const Wc, end: *mut *mut Wc, base: c_int) -> c_ulong {
    narrowed(s, end, |b, e| strtoul(b, e, base))
}

/// C `wcstoll`.
#[no_mangle]
pub unsafe extern "C" fn wcstoll(s: *const Wc, end: *mut *mut Wc, base: c_int) -> i64 {
    narrowed(s, end, |b, e| strtoll(b, e, base))
}

/// C `wcstoull`.
#[no_mangle]
pub unsafe extern "C" fn wcstoull(s: *const Wc, end: *mut *mut Wc, base: c_int) -> u64 {
    narrowed(s, end, |b, e| strtoull(b, e, base))
}

/// C `wcstoimax`.
#[no_mangle]
pub unsafe extern "C" fn wcstoimax(s: *const Wc, end: *mut *mut Wc, base: c_int) -> i64 {
    wcstoll(s, end, base)
}

/// C `wcstoumax`.
#[no_mangle]
pub unsafe extern "C" fn wcstoumax(s: *const Wc, end: *mut *mut Wc, base: c_int) -> u64 {
    wcstoull(s, end, base)
}

/// C `wcstod`.
#[no_mangle]
pub unsafe extern "C" fn wcstod(s: *const Wc, end: *mut *mut Wc) -> f64 {
    narrowed(s, end, |b, e| strtod(b, e))
}

/// C `wcstof`.
#[no_mangle]
pub unsafe extern "C" fn wcstof(s: *const Wc, end: *mut *mut Wc) -> f32 {
    narrowed(s, end, |b, e| strtof(b, e))
}

/// C `wcstold` (correctly rounded, like `strtold`; result via `ret`).
#[no_mangle]
pub unsafe extern "C" fn wcstold(ret: *mut [u64; 2], s: *const Wc, end: *mut *mut Wc) {
    let v = narrowed(s, end, |b, e| {
        let mut r = [0u64; 2];
        strtold(&mut r, b, e);
        r
    });
    *ret = v;
}
