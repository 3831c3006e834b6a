//! Integer conversions: `strtol` and friends, `atoi` and friends.

use crate::header::ext::{errno, set_errno};
use core::ffi::{c_char, c_int, c_long, c_longlong, c_ulong, c_ulonglong};

/// Whether `c` is a C-locale `isspace` byte.
pub(crate) fn is_space(c: u8) -> bool {
    c == b' ' || (b'\t'..=b'\r').contains(&c)
}

/// The value of `c` as a digit in bases up to 36, or 99.
pub(crate) fn digit_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => (c - b'0') as u32,
        b'a'..=b'z' => (c - b'a') as u32 + 10,
        b'A'..=b'Z' => (c - b'A') as u32 + 10,
        _ => 99,
    }
}

/// The result of scanning an integer: its magnitude (saturated at
/// `u64::MAX` when `overflow`), its sign, and the bytes consumed (0 if no
/// digits were found).
pub(crate) struct IntScan {
    pub mag: u64,
    pub neg: bool,
    pub overflow: bool,
    pub len: usize,
}

/// Scans `[space][+-][0x]digits` in `base` (0 = auto) from a C string.
/// Returns `None` for an invalid base.
pub(crate) unsafe fn scan_int(s: *const u8, base: c_int) -> Option<IntScan> {
    if base < 0 || base == 1 || base > 36 {
        return None;
    }
    let mut base = base as u32;
    let mut i = 0;
    while is_space(*s.add(i)) {
        i += 1;
    }
    let mut neg = false;
    if *s.add(i) == b'+' || *s.add(i) == b'-' {
        neg = *s.add(i) == b'-';
        i += 1;
    }
    if (base == 0 || base == 16)
        && *s.add(i) == b'0'
        && (*s.add(i + 1) | 32) == b'x'
        && digit_value(*s.add(i + 2)) < 16
    {
        i += 2;
        base = 16;
    } else if base == 0 {
        base = if *s.add(i) == b'0' { 8 } else { 10 };
    }
    let start = i;
    let mut mag: u64 = 0;
    let mut overflow = false;
    loop {
        let d = digit_value(*s.add(i));
        if d >= base {
            break;
        }
        match mag.checked_mul(base as u64).and_then(|m| m.checked_add(d as u64)) {
            Some(m) => mag = m,
            None => {
                overflow = true;
                mag = u64::MAX;
            }
        }
        i += 1;
    }
    let len = if i > start { i } else { 0 };
    Some(IntScan { mag, neg, overflow, len })
}

/// Common body: scan, store the end pointer, and clamp to `[min, max]`
/// (signed) or `[0, max]` with negation wrapping (unsigned, `min == 0`).
unsafe fn convert(s: *const c_char, end: *mut *mut c_char, base: c_int, signed: bool, max: u64) -> u64 {
    let Some(r) = scan_int(s as *const u8, base) else {
        set_errno(errno::EINVAL);
        if !end.is_null() {
            *end = s as *mut c_char;
        }
        return 0;
    };
    if !end.is_null() {
        *end = s.add(r.len) as *mut c_char;
    }
    if r.len == 0 {
        // No digits: wasi-libc reports EINVAL.
        set_errno(errno::EINVAL);
        return 0;
    }
    if signed {
        // max is the positive limit; the negative limit is max + 1.
        if r.neg {
            if r.overflow || r.mag > max + 1 {
                set_errno(errno::ERANGE);
                return (max + 1).wrapping_neg();
            }
            r.mag.wrapping_neg()
        } else if r.overflow || r.mag > max {
            set_errno(errno::ERANGE);
            max
        } else {
            r.mag
        }
    } else if r.overflow || r.mag > max {
        set_errno(errno::ERANGE);
        max
    } else if r.neg {
        r.mag.wrapping_neg() & max
    } else {
        r.mag
    }
}

/// C `strtol`.
#[no_mangle]
pub unsafe extern "C" fn strtol(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_long {
    convert(s, end, base, true, c_long::MAX as u64) as c_long
}

/// C `strtoul`.
#[no_mangle]
pub unsafe extern "C" fn strtoul(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_ulong {
    convert(s, end, base, false, c_ulong::MAX as u64) as c_ulong
}

/// C `strtoll`.
#[no_mangle]
pub unsafe extern "C" fn strtoll(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_longlong {
    convert(s, end, base, true, i64::MAX as u64) as c_longlong
}

/// C `strtoull`.
#[no_mangle]
pub unsafe extern "C" fn strtoull(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_ulonglong {
    convert(s, end, base, false, u64::MAX)
}

/// C `strtoimax`.
#[no_mangle]
pub unsafe extern "C" fn strtoimax(s: *const c_char, end: *mut *mut c_char, base: c_int) -> i64 {
    strtoll(s, end, base)
}

/// C `strtoumax`.
#[no_mangle]
pub unsafe extern "C" fn strtoumax(s: *const c_char, end: *mut *mut c_char, base: c_int) -> u64 {
    strtoull(s, end, base)
}

/// C `__strtol_internal`.
#[no_mangle]
pub unsafe extern "C" fn __strtol_internal(s: *const c_char, e: *mut *mut c_char, b: c_int) -> c_long {
    strtol(s, e, b)
}

/// C `__strtoul_internal`.
#[no_mangle]
pub unsafe extern "C" fn __strtoul_internal(s: *const c_char, e: *mut *mut c_char, b: c_int) -> c_ulong {
    strtoul(s, e, b)
}

/// C `__strtoll_internal`.
#[no_mangle]
pub unsafe extern "C" fn __strtoll_internal(s: *const c_char, e: *mut *mut c_char, b: c_int) -> i64 {
    strtoll(s, e, b)
}

/// C `__strtoull_internal`.
#[no_mangle]
pub unsafe extern "C" fn __strtoull_internal(s: *const c_char, e: *mut *mut c_char, b: c_int) -> u64 {
    strtoull(s, e, b)
}

/// C `__strtoimax_internal`.
#[no_mangle]
pub unsafe extern "C" fn __strtoimax_internal(s: *const c_char, e: *mut *mut c_char, b: c_int) -> i64 {
    strtoll(s, e, b)
}

/// C `__strtoumax_internal`.
#[no_mangle]
pub unsafe extern "C" fn __strtoumax_internal(s: *const c_char, e: *mut *mut c_char, b: c_int) -> u64 {
    strtoull(s, e, b)
}

/// `atoi`'s body: no overflow checks, wrapping like musl.
unsafe fn ato(s: *const c_char) -> i64 {
    let s = s as *const u8;
    let mut i = 0;
    while is_space(*s.add(i)) {
        i += 1;
    }
    let mut neg = false;
    if *s.add(i) == b'+' || *s.add(i) == b'-' {
        neg = *s.add(i) == b'-';
        i += 1;
    }
    let mut n: i64 = 0;
    while (*s.add(i)).is_ascii_digit() {
        n = n.wrapping_mul(10).wrapping_sub((*s.add(i) - b'0') as i64);
        i += 1;
    }
    if neg {
        n
    } else {
        n.wrapping_neg()
    }
}

/// C `atoi`.
#[no_mangle]
pub unsafe extern "C" fn atoi(s: *const c_char) -> c_int {
    ato(s) as c_int
}

/// C `atol`.
#[no_mangle]
pub unsafe extern "C" fn atol(s: *const c_char) -> c_long {
    ato(s) as c_long
}

/// C `atoll`.
#[no_mangle]
pub unsafe extern "C" fn atoll(s: *const c_char) -> c_longlong {
    ato(s)
}
