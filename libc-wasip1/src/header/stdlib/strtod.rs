//! Floating-point conversions: `strtod`, `strtof`, `strtold`, `atof`.
//!
//! The C grammar (sign, `inf`/`infinity`, `nan`/`nan(...)`, hex floats with
//! a binary exponent, decimal with an optional exponent) is scanned here;
//! decimal digit strings are converted by `core`'s correctly rounded parser,
//! hexadecimal ones by [`hex_to_bits`]. `long double` (binary128) values are
//! converted exactly by `header::ld128::parse` ([`to_f128`]).

use super::strtol::is_space;
use crate::header::ext::{errno, set_errno};
use core::ffi::{c_char, c_void};

/// What a scanned number is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Form {
    /// Decimal digits; `digits` is the slice to hand to `core`'s parser.
    Dec { start: usize, end: usize, nonzero: bool },
    Hex,
    Inf,
    Nan,
}

/// A scanned floating-point number.
pub(crate) struct FloatScan {
    pub neg: bool,
    pub form: Form,
    /// Hex mantissa (up to 16 significant digits), its binary exponent, and
    /// whether nonzero digits were dropped.
    pub mant: u64,
    pub exp2: i64,
    pub sticky: bool,
    /// Significant hex digits held in `mant`.
    pub ndig: i64,
    /// Bytes consumed; 0 if there was no number.
    pub len: usize,
}

fn at(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

fn starts_with_ci(b: &[u8], i: usize, word: &[u8]) -> bool {
    word.iter().enumerate().all(|(k, w)| at(b, i + k) | 32 == *w)
}

/// Scans an optionally signed exponent's digits at `i`; returns the value
/// (saturated) and the end, or `None` if no digit follows.
fn scan_exp(b: &[u8], mut i: usize) -> Option<(i64, usize)> {
    let mut neg = false;
    if at(b, i) == b'+' || at(b, i) == b'-' {
        neg = at(b, i) == b'-';
        i += 1;
    }
    if !at(b, i).is_ascii_digit() {
        return None;
    }
    let mut e: i64 = 0;
    while at(b, i).is_ascii_digit() {
        e = (e * 10 + (at(b, i) - b'0') as i64).min(1 << 40);
        i += 1;
    }
    Some((if neg { -e } else { e }, i))
}

/// Scans a C floating-point number (after any leading white space) at the
/// start of `b`.
pub(crate) fn scan_float(b: &[u8]) -> FloatScan {
    let mut r = FloatScan { neg: false, form: Form::Nan, mant: 0, exp2: 0, sticky: false, ndig: 0, len: 0 };
    let mut i = 0;
    if at(b, i) == b'+' || at(b, i) == b'-' {
        r.neg = at(b, i) == b'-';
        i += 1;
    }
    if starts_with_ci(b, i, b"inf") {
        r.form = Form::Inf;
        r.len = if starts_with_ci(b, i, b"infinity") { i + 8 } else { i + 3 };
        return r;
    }
    if starts_with_ci(b, i, b"nan") {
        r.form = Form::Nan;
        r.len = i + 3;
        if at(b, i + 3) == b'(' {
            let mut j = i + 4;
            while at(b, j).is_ascii_alphanumeric() || at(b, j) == b'_' {
                j += 1;
            }
            if at(b, j) == b')' {
                r.len = j + 1;
            }
        }
        return r;
    }
    if at(b, i) == b'0' && at(b, i + 1) | 32 == b'x' {
        let h = i + 2;
        let has_digit = at(b, h).is_ascii_hexdigit() || (at(b, h) == b'.' && at(b, h + 1).is_ascii_hexdigit());
        if has_digit {
            scan_hex(b, h, &mut r);
            return r;
        }
    }
    let start = i;
    let mut digits = false;
    let mut nonzero = false;
    while at(b, i).is_ascii_digit() {
        digits = true;
        nonzero |= at(b, i) != b'0';
        i += 1;
    }
    if at(b, i) == b'.' {
        i += 1;
        while at(b, i).is_ascii_digit() {
            digits = true;
            nonzero |= at(b, i) != b'0';
            i += 1;
        }
    }
    if !digits {
        return r;
    }
    if at(b, i) | 32 == b'e' {
        if let Some((_, e)) = scan_exp(b, i + 1) {
            i = e;
        }
    }
    r.form = Form::Dec { start, end: i, nonzero };
    r.len = i;
    r
}

fn scan_hex(b: &[u8], mut i: usize, r: &mut FloatScan) {
    let mut mant: u64 = 0;
    let mut exp: i64 = 0;
    let mut sig = 0; // significant digits stored
    let mut sticky = false;
    let mut seen_point = false;
    loop {
        let c = at(b, i);
        if c == b'.' && !seen_point {
            seen_point = true;
        } else if c.is_ascii_hexdigit() {
            let d = super::strtol::digit_value(c) as u64;
            if sig < 16 {
                if mant != 0 || d != 0 {
                    mant = mant << 4 | d;
                    sig += 1;
                }
                if seen_point {
                    exp -= 4;
                }
            } else {
                sticky |= d != 0;
                if !seen_point {
                    exp += 4;
                }
            }
        } else {
            break;
        }
        i += 1;
    }
    if at(b, i) | 32 == b'p' {
        if let Some((e, end)) = scan_exp(b, i + 1) {
            exp += e;
            i = end;
        }
    }
    r.form = Form::Hex;
    r.mant = mant;
    r.exp2 = exp;
    r.sticky = sticky;
    r.ndig = sig as i64;
    r.len = i;
}

/// Rounds `mant * 2^exp2` (plus a nonzero tail if `sticky`) to nearest-even
/// in a binary format with `mbits` stored mantissa bits and `ebits` exponent
/// bits; returns the unsigned bit pattern (infinity on overflow).
pub(crate) fn hex_to_bits(mant: u64, exp2: i64, sticky: bool, mbits: u32, ebits: u32) -> u64 {
    if mant == 0 {
        return 0;
    }
    let bias = (1i64 << (ebits - 1)) - 1;
    let inf = ((1u64 << ebits) - 1) << mbits;
    let lz = mant.leading_zeros();
    let m = (mant << lz) as u128; // integer bit at position 63
    let mut e = exp2 + 63 - lz as i64;
    if e > bias {
        return inf;
    }
    let emin = 1 - bias;
    // Bits to drop from the 64-bit normalized mantissa.
    let shift = 63 - mbits as i64 + if e < emin { emin - e } else { 0 };
    let (mut kept, rem, half) = if shift >= 100 {
        (0u128, 1u128, 2u128)
    } else {
        let s = shift as u32;
        (m >> s, m & ((1u128 << s) - 1), 1u128 << (s - 1))
    };
    if rem > half || (rem == half && (sticky || kept & 1 == 1)) {
        kept += 1;
    }
    if e < emin {
        // Subnormal (or rounded up to the smallest normal: same encoding).
        return kept as u64;
    }
    if kept >> (mbits + 1) != 0 {
        kept >>= 1;
        e += 1;
        if e > bias {
            return inf;
        }
    }
    (((e + bias) as u64) << mbits) | (kept as u64 & ((1u64 << mbits) - 1))
}

/// Converts a hex scan to bits like musl does: it rounds in `long double`
/// at the target's precision and narrows at the end, so `ERANGE` comes only
/// from its own range checks, made on `e2 = exp + 4 * (point position) - 32`
/// (the exponent of `0.XXXXXXXX * 2^e2` with 8 significant digits):
/// overflow when `e2 > -emin`, underflow when `e2 < emin - 226`, and an
/// exact power of two below the smallest subnormal (a rounding tie to zero).
/// `emin` is the exponent of the smallest subnormal (-1074 or -149).
fn hex_convert(r: &FloatScan, mbits: u32, ebits: u32, emin: i64) -> u64 {
    let (mut mant, mut exp2, mut sticky) = (r.mant, r.exp2, r.sticky);
    let top = 63 - mant.leading_zeros() as i64;
    let inexact53 = mant != 0 && ((mant << mant.leading_zeros()) & 0x7ff != 0 || sticky);
    if mbits == 52 && inexact53 && mant >> (top / 4 * 4) == 1 {
        // Measured against wasi-libc: when the first significant hex digit
        // is 1 and the value does not fit in 53 bits, its `double` result
        // is rounded to 52 significant bits.
        let lz = mant.leading_zeros();
        let m = mant << lz;
        let mut q = m >> 12;
        let rem = m & 0xfff;
        if rem > 0x800 || (rem == 0x800 && (sticky || q & 1 == 1)) {
            q += 1;
        }
        mant = q;
        exp2 = exp2 - lz as i64 + 12;
        sticky = false;
    }
    let bits = hex_to_bits(mant, exp2, sticky, mbits, ebits);
    if r.mant == 0 {
        return bits;
    }
    let e2 = r.exp2.saturating_add(4 * r.ndig - 32);
    let top = r.exp2 + 63 - r.mant.leading_zeros() as i64;
    let pow2 = r.mant.count_ones() == 1 && !r.sticky;
    if e2 > -emin || e2 < emin - 106 {
        // The underflow limit was measured against wasi-libc (musl's own
        // check is at `emin - 226`; its long double rounding adds more).
        set_errno(errno::ERANGE);
    } else if top < emin && pow2 {
        // A tie rounded to even in long double: ERANGE and +0 (any sign).
        set_errno(errno::ERANGE);
        return 0;
    }
    bits
}

/// Whether `hex_convert` produced its unsigned tie zero for `r`.
fn is_tie_zero(r: &FloatScan, emin: i64) -> bool {
    let top = r.exp2 + 63 - r.mant.leading_zeros() as i64;
    r.mant.count_ones() == 1 && !r.sticky && top < emin && r.exp2.saturating_add(4 * r.ndig - 32) >= emin - 106
}

/// Converts a scan to `f64`, setting `errno` to `ERANGE` on overflow or
/// underflow to zero.
pub(crate) fn to_f64(b: &[u8], r: &FloatScan) -> f64 {
    let v = match r.form {
        Form::Inf => f64::INFINITY,
        Form::Nan => f64::NAN,
        Form::Hex => {
            let b = hex_convert(r, 52, 11, -1074);
            if b == 0 && r.mant != 0 && r.form == Form::Hex && is_tie_zero(r, -1074) {
                return 0.0;
            }
            f64::from_bits(b)
        }
        Form::Dec { start, end, nonzero } => {
            let s = core::str::from_utf8(&b[start..end]).unwrap_or("0");
            let v: f64 = s.parse().unwrap_or(0.0);
            if v.is_infinite() || (v == 0.0 && nonzero) || (v.is_subnormal() && !rounded_up_to_pow2(&b[start..end], v, v.to_bits().count_ones() == 1)) {
                set_errno(errno::ERANGE);
            }
            v
        }
    };
    // musl ignores the sign of "nan".
    if r.neg && r.form != Form::Nan {
        -v
    } else {
        v
    }
}

/// musl reports `ERANGE` for subnormal results except when rounding carried
/// the value up to a power of two (its "denormal" flag is then cleared).
/// True if `v` is a power of two and the decimal `digits` are below it.
fn rounded_up_to_pow2(digits: &[u8], v: f64, pow2: bool) -> bool {
    if !pow2 {
        return false;
    }
    let mut exact = [0u8; 900];
    let n = exact_decimal(v, &mut exact);
    decimal_cmp(digits, &exact[..n]) == core::cmp::Ordering::Less
}

/// Writes the exact decimal value of the finite `|v|` as `d.ddd…e±X` (all
/// significant digits, at most 850) into `out`; returns the length.
fn exact_decimal(v: f64, out: &mut [u8; 900]) -> usize {
    use crate::header::ld128::decimal::Decimal;
    let bits = v.to_bits();
    let (exp, frac) = (((bits >> 52) & 0x7ff) as i32, bits & ((1u64 << 52) - 1));
    let (mant, e2) = if exp == 0 { (frac, -1074) } else { (frac | 1 << 52, exp - 1075) };
    let d = Decimal::from_binary(mant as u128, e2);
    let Some(first) = d.first_nonzero() else {
        out[0] = b'0';
        return 1;
    };
    let end = d.end_nonzero().min(first + 850);
    let mut n = 0;
    for i in first..end {
        if i == first + 1 {
            out[n] = b'.';
            n += 1;
        }
        out[n] = b'0' + d.digit(i);
        n += 1;
    }
    let e10 = d.point as i64 - 1 - first as i64;
    out[n] = b'e';
    out[n + 1] = if e10 < 0 { b'-' } else { b'+' };
    n += 2;
    let mut tmp = [0u8; 8];
    let (mut k, mut e) = (0, e10.unsigned_abs());
    loop {
        tmp[k] = b'0' + (e % 10) as u8;
        k += 1;
        e /= 10;
        if e == 0 {
            break;
        }
    }
    for j in (0..k).rev() {
        out[n] = tmp[j];
        n += 1;
    }
    n
}

/// Normalizes a decimal `[digits][.digits][e[+-]digits]` to its significant
/// digits (into `out`, leading zeros removed, at most 850) and the exponent
/// of the first one.
fn normalize(s: &[u8], out: &mut [u8; 850]) -> (usize, i64) {
    let mut n = 0;
    let mut point: Option<i64> = None;
    let mut count: i64 = 0;
    let mut lead: i64 = 0;
    let mut i = 0;
    while i < s.len() && (s[i].is_ascii_digit() || s[i] == b'.') {
        if s[i] == b'.' {
            point = Some(count);
        } else {
            if n == 0 && s[i] == b'0' {
                lead += 1;
            } else if n < out.len() {
                out[n] = s[i];
                n += 1;
            }
            count += 1;
        }
        i += 1;
    }
    let e = scan_exp(s, i + 1).map_or(0, |(e, _)| e);
    let p = point.unwrap_or(count);
    (n, p - lead - 1 + e)
}

/// Compares two decimal numbers given as text.
fn decimal_cmp(a: &[u8], b: &[u8]) -> core::cmp::Ordering {
    let (mut da, mut db) = ([0u8; 850], [0u8; 850]);
    let (na, ea) = normalize(a, &mut da);
    let (nb, eb) = normalize(b, &mut db);
    if na == 0 || nb == 0 {
        return na.cmp(&nb);
    }
    if ea != eb {
        return ea.cmp(&eb);
    }
    for k in 0..na.max(nb) {
        let x = if k < na { da[k] } else { b'0' };
        let y = if k < nb { db[k] } else { b'0' };
        if x != y {
            return x.cmp(&y);
        }
    }
    core::cmp::Ordering::Equal
}

/// Converts a scan to `f32` (rounded once, directly from the digits).
pub(crate) fn to_f32(b: &[u8], r: &FloatScan) -> f32 {
    let v = match r.form {
        Form::Inf => f32::INFINITY,
        Form::Nan => f32::NAN,
        Form::Hex => {
            let b = hex_convert(r, 23, 8, -149);
            if b == 0 && r.mant != 0 && is_tie_zero(r, -149) {
                return 0.0;
            }
            f32::from_bits(b as u32)
        }
        Form::Dec { start, end, nonzero } => {
            let s = core::str::from_utf8(&b[start..end]).unwrap_or("0");
            let v: f32 = s.parse().unwrap_or(0.0);
            let pow2 = v.to_bits().count_ones() == 1;
            if v.is_infinite()
                || (v == 0.0 && nonzero)
                || (v.is_subnormal() && !rounded_up_to_pow2(&b[start..end], v as f64, pow2))
            {
                set_errno(errno::ERANGE);
            }
            v
        }
    };
    // musl ignores the sign of "nan".
    if r.neg && r.form != Form::Nan {
        -v
    } else {
        v
    }
}

/// Builds a slice from a C string pointer up to its terminator.
pub(crate) unsafe fn cstr_bytes<'a>(s: *const u8) -> &'a [u8] {
    core::slice::from_raw_parts(s, crate::header::mem::strlen(s))
}

unsafe fn skip_space(s: *const c_char) -> (&'static [u8], usize) {
    let b = cstr_bytes(s as *const u8);
    let mut i = 0;
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    (&b[i..], i)
}

unsafe fn set_end(s: *const c_char, end: *mut *mut c_char, ws: usize, len: usize) {
    if !end.is_null() {
        *end = if len == 0 { s as *mut c_char } else { s.add(ws + len) as *mut c_char };
    }
}

/// C `strtod`.
#[no_mangle]
pub unsafe extern "C" fn strtod(s: *const c_char, end: *mut *mut c_char) -> f64 {
    let (b, ws) = skip_space(s);
    let r = scan_float(b);
    set_end(s, end, ws, r.len);
    if r.len == 0 {
        set_errno(errno::EINVAL);
        return 0.0;
    }
    to_f64(b, &r)
}

/// C `strtof`.
#[no_mangle]
pub unsafe extern "C" fn strtof(s: *const c_char, end: *mut *mut c_char) -> f32 {
    let (b, ws) = skip_space(s);
    let r = scan_float(b);
    set_end(s, end, ws, r.len);
    if r.len == 0 {
        set_errno(errno::EINVAL);
        return 0.0;
    }
    to_f32(b, &r)
}

/// C `strtold`, correctly rounded to binary128. The `long double` result
/// is returned through `ret` (clang's ABI for it), as `[low, high]` halves.
#[no_mangle]
pub unsafe extern "C" fn strtold(ret: *mut [u64; 2], s: *const c_char, end: *mut *mut c_char) {
    let (b, ws) = skip_space(s);
    let r = scan_float(b);
    set_end(s, end, ws, r.len);
    if r.len == 0 {
        set_errno(errno::EINVAL);
        *ret = [0, 0];
        return;
    }
    let bits = to_f128(b, &r);
    *ret = [bits as u64, (bits >> 64) as u64];
}

/// Converts a scan to binary128 bits, setting `errno` to `ERANGE` on
/// overflow and on inexact results below the normal range.
pub(crate) fn to_f128(b: &[u8], r: &FloatScan) -> u128 {
    use crate::header::ld128::parse;
    const INF: u128 = 0x7fff_u128 << 112;
    const QNAN: u128 = 0x7fff_8000_u128 << 96;
    let bits = match r.form {
        Form::Inf => INF,
        // musl ignores the sign of "nan".
        Form::Nan => return QNAN,
        Form::Dec { start, end, .. } => range_checked(parse::decimal(&b[start..end])),
        Form::Hex => {
            // The digits start after the optional sign and "0x".
            let at = b.iter().position(|&c| c | 32 == b'x').map_or(r.len, |x| x + 1);
            range_checked(parse::hexadecimal(&b[at.min(r.len)..r.len]))
        }
    };
    if r.neg {
        bits | 1u128 << 127
    } else {
        bits
    }
}

fn range_checked(c: crate::header::ld128::parse::Converted) -> u128 {
    if c.erange {
        set_errno(errno::ERANGE);
    }
    c.bits
}

/// C `atof`.
#[no_mangle]
pub unsafe extern "C" fn atof(s: *const c_char) -> f64 {
    strtod(s, core::ptr::null_mut())
}

/// C `strtod_l`.
#[no_mangle]
pub unsafe extern "C" fn strtod_l(s: *const c_char, e: *mut *mut c_char, _l: *mut c_void) -> f64 {
    strtod(s, e)
}

/// C `__strtod_l`.
#[no_mangle]
pub unsafe extern "C" fn __strtod_l(s: *const c_char, e: *mut *mut c_char, _l: *mut c_void) -> f64 {
    strtod(s, e)
}

/// C `strtof_l`.
#[no_mangle]
pub unsafe extern "C" fn strtof_l(s: *const c_char, e: *mut *mut c_char, _l: *mut c_void) -> f32 {
    strtof(s, e)
}

/// C `__strtof_l`.
#[no_mangle]
pub unsafe extern "C" fn __strtof_l(s: *const c_char, e: *mut *mut c_char, _l: *mut c_void) -> f32 {
    strtof(s, e)
}

/// C `strtold_l`.
#[no_mangle]
pub unsafe extern "C" fn strtold_l(ret: *mut [u64; 2], s: *const c_char, e: *mut *mut c_char, _l: *mut c_void) {
    strtold(ret, s, e)
}

/// C `__strtold_l`.
#[no_mangle]
pub unsafe extern "C" fn __strtold_l(ret: *mut [u64; 2], s: *const c_char, e: *mut *mut c_char, _l: *mut c_void) {
    strtold(ret, s, e)
}
