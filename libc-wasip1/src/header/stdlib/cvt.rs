//! Legacy conversions: `ecvt`, `fcvt`, `gcvt` (decimal digit strings of a
//! double, built on the printf engine) and `a64l`/`l64a` (radix-64 text).

use crate::header::stdio::printf_api::snprintf_internal;
use core::ffi::{c_char, c_int, c_long};

static mut ECVT_BUF: [u8; 17] = [0; 17];

/// Formats `x` with `fmt` (one `%.*e`/`%.*f`/`%.*g` conversion) into `out`.
unsafe fn fmt_into(out: &mut [u8], fmt: &core::ffi::CStr, prec: c_int, x: f64) -> usize {
    let mut args = [0u64; 2];
    // The variadic buffer: an int (padded to 8) then the double.
    args[0] = prec as u32 as u64;
    args[1] = x.to_bits();
    let n = snprintf_internal(out.as_mut_ptr() as *mut c_char, out.len(), fmt.as_ptr(), args.as_ptr() as *const u8);
    (n.max(0) as usize).min(out.len() - 1)
}

/// C `ecvt`: `n` significant digits of `x` (at most 16; more gives 15, as musl), the position of the
/// decimal point in `*dp` and the sign in `*sign`. Returns a static buffer.
#[no_mangle]
pub unsafe extern "C" fn ecvt(x: f64, n: c_int, dp: *mut c_int, sign: *mut c_int) -> *mut c_char {
    let n = if (n as u32).wrapping_sub(1) > 15 { 15 } else { n };
    let mut tmp = [0u8; 32];
    let len = fmt_into(&mut tmp, c"%.*e", n - 1, x);
    let t = &tmp[..len];
    let neg = t.first() == Some(&b'-');
    *sign = neg as c_int;
    let buf = &mut *core::ptr::addr_of_mut!(ECVT_BUF);
    let mut j = 0;
    let mut i = neg as usize;
    while i < t.len() && t[i] != b'e' {
        if t[i] != b'.' && j < 16 {
            buf[j] = t[i];
            j += 1;
        }
        i += 1;
    }
    buf[j] = 0;
    // The exponent after 'e'.
    let mut e: c_int = 0;
    let mut eneg = false;
    for &c in t.get(i + 1..).unwrap_or(&[]) {
        match c {
            b'-' => eneg = true,
            b'0'..=b'9' => e = e * 10 + (c - b'0') as c_int,
            _ => {}
        }
    }
    *dp = if eneg { -e } else { e } + 1;
    buf.as_mut_ptr() as *mut c_char
}

static ZEROS: [u8; 16] = *b"000000000000000\0";

/// C `fcvt`: like `ecvt` but `n` is the number of digits after the point.
#[no_mangle]
pub unsafe extern "C" fn fcvt(x: f64, n: c_int, dp: *mut c_int, sign: *mut c_int) -> *mut c_char {
    let n = if n as u32 > 1400 { 1400 } else { n };
    let mut tmp = [0u8; 1500];
    let len = fmt_into(&mut tmp, c"%.*f", n, x);
    let t = &tmp[..len];
    let i = (t.first() == Some(&b'-')) as usize;
    let lz: c_int = if t.get(i) == Some(&b'0') {
        t.get(i + 2..).unwrap_or(&[]).iter().take_while(|c| **c == b'0').count() as c_int
    } else {
        -(t[i..].iter().take_while(|c| **c != b'.').count() as c_int)
    };
    if n <= lz {
        *sign = i as c_int;
        *dp = 1;
        let k = if n as u32 > 14 { 14 } else { n };
        return ZEROS.as_ptr().add((14 - k) as usize) as *mut c_char;
    }
    ecvt(x, n - lz, dp, sign)
}

/// C `gcvt`: `%.*g` into `b`.
#[no_mangle]
pub unsafe extern "C" fn gcvt(x: f64, n: c_int, b: *mut c_char) -> *mut c_char {
    let mut args = [0u64; 2];
    args[0] = n as u32 as u64;
    args[1] = x.to_bits();
    snprintf_internal(b, usize::MAX / 2, c"%.*g".as_ptr(), args.as_ptr() as *const u8);
    b
}

const DIGITS64: &[u8; 64] = b"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// C `a64l`: parses up to six radix-64 digits (least significant first).
#[no_mangle]
pub unsafe extern "C" fn a64l(s: *const c_char) -> c_long {
    let mut x: u32 = 0;
    let mut p = s as *const u8;
    let mut e = 0;
    while e < 36 && *p != 0 {
        let Some(d) = DIGITS64.iter().position(|c| *c == *p) else { break };
        x |= (d as u32) << e;
        e += 6;
        p = p.add(1);
    }
    x as i32 as c_long
}

static mut L64A_BUF: [u8; 7] = [0; 7];

/// C `l64a`: the radix-64 text of the low 32 bits of `x` (static buffer).
#[no_mangle]
pub unsafe extern "C" fn l64a(x: c_long) -> *mut c_char {
    let buf = &mut *core::ptr::addr_of_mut!(L64A_BUF);
    let mut v = x as u32;
    let mut i = 0;
    while v != 0 && i < 6 {
        buf[i] = DIGITS64[(v & 63) as usize];
        v >>= 6;
        i += 1;
    }
    buf[i] = 0;
    buf.as_mut_ptr() as *mut c_char
}
