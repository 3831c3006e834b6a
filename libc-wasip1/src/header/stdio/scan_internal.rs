//! musl's internal scanners over a `FILE`: `__shlim`/`__shgetc` (reading
//! with a character limit), `__intscan` (the integer grammar behind
//! `strtol` and `%d`) and `__floatscan` (the floating-point grammar behind
//! `strtod` and `%f`).
//!
//! musl keeps the limit and the count in its `FILE` (`shlim`, `shcnt`);
//! ours has no such fields, so they live in a small table keyed by the
//! stream (`SLOTS`). Pushing a character back (musl's `shunget`) steps the
//! read position back by one and stores the character there, which is what
//! musl's `rpos--` amounts to for a buffered stream.
//!
//! The scanners consume exactly what musl's do, push back the same
//! characters, and set `errno` the same way; the numeric conversion of the
//! text they accept is `stdlib::strtod`'s.

use super::file::{self, File, EOF, UNGET};
use crate::header::ext::{errno, free, realloc, set_errno};
use crate::header::stdlib::strtod;
use core::ffi::{c_int, c_void};
use core::ptr::addr_of_mut;

/// Limit state of one stream: musl's `shlim` (0: none, -1: end reached)
/// and `shcnt` (characters read since `__shlim`).
#[derive(Clone, Copy)]
struct Slot {
    f: *mut File,
    lim: i64,
    cnt: i64,
}

const EMPTY: Slot = Slot { f: core::ptr::null_mut(), lim: 0, cnt: 0 };

/// Streams with limit state, and the next slot to reuse.
static mut SLOTS: ([Slot; 4], usize) = ([EMPTY; 4], 0);

/// The limit state of `f` (a stream never limited has none: no limit).
unsafe fn slot(f: *mut File) -> &'static mut Slot {
    let slots = &mut *addr_of_mut!(SLOTS);
    if let Some(i) = slots.0.iter().position(|s| s.f == f) {
        return &mut slots.0[i];
    }
    let i = slots.1;
    slots.1 = (i + 1) % slots.0.len();
    slots.0[i] = Slot { f, lim: 0, cnt: 0 };
    &mut slots.0[i]
}

/// C `__shlim`: from now on at most `lim` characters (0: no limit) may be
/// read from `f` through `__shgetc`; the count restarts at 0.
#[no_mangle]
pub unsafe extern "C" fn __shlim(f: *mut File, lim: i64) {
    let s = slot(f);
    s.lim = lim;
    s.cnt = 0;
}

/// C `__shgetc`: the next character, or `EOF` at the end of the stream or
/// of the limit (after which it keeps returning `EOF` and nothing is
/// pushed back any more).
#[no_mangle]
pub unsafe extern "C" fn __shgetc(f: *mut File) -> c_int {
    let s = slot(f);
    if s.lim != 0 && s.cnt >= s.lim {
        s.lim = -1;
        return EOF;
    }
    let c = file::getc(f);
    if c < 0 {
        s.lim = -1;
        return EOF;
    }
    s.cnt += 1;
    c
}

/// A scan in progress over one stream: the characters consumed so far
/// (heap-grown), so that pushing back restores exactly them and the
/// accepted text can be converted at the end.
struct Scan {
    f: *mut File,
    text: *mut u8,
    len: usize,
    cap: usize,
}

impl Drop for Scan {
    fn drop(&mut self) {
        if !self.text.is_null() {
            // SAFETY: `text` came from `malloc`/`realloc`.
            unsafe { free(self.text as *mut c_void) }
        }
    }
}

impl Scan {
    fn new(f: *mut File) -> Scan {
        Scan { f, text: core::ptr::null_mut(), len: 0, cap: 0 }
    }

    /// The next character (recorded), or `EOF`.
    unsafe fn get(&mut self) -> c_int {
        let c = __shgetc(self.f);
        if c >= 0 {
            if self.len == self.cap {
                let cap = (self.cap * 2).max(64);
                let t = realloc(self.text as *mut c_void, cap) as *mut u8;
                if t.is_null() {
                    // Out of memory: the character is consumed but cannot be
                    // recorded; the scan goes on with what it has.
                    return c;
                }
                self.text = t;
                self.cap = cap;
            }
            *self.text.add(self.len) = c as u8;
            self.len += 1;
        }
        c
    }

    /// musl's `shunget`: gives back the last character consumed, unless the
    /// end (of the stream or of the limit) was reached.
    unsafe fn unget(&mut self) {
        let s = slot(self.f);
        if s.lim < 0 || self.len == 0 {
            return;
        }
        let f = &mut *self.f;
        if f.rpos.is_null() || f.rpos <= f.buf.sub(UNGET) {
            return;
        }
        self.len -= 1;
        f.rpos = f.rpos.sub(1);
        *f.rpos = *self.text.add(self.len);
        s.cnt -= 1;
    }

    /// musl's `shlim(f, 0)` after a failed scan.
    unsafe fn reset(&mut self) {
        __shlim(self.f, 0);
    }

    fn bytes(&self) -> &[u8] {
        if self.text.is_null() {
            return &[];
        }
        // SAFETY: `len` bytes of `text` are initialized.
        unsafe { core::slice::from_raw_parts(self.text, self.len) }
    }
}

fn is_space(c: c_int) -> bool {
    c == b' ' as c_int || (b'\t' as c_int..=b'\r' as c_int).contains(&c)
}

fn is_digit(c: c_int) -> bool {
    (b'0' as c_int..=b'9' as c_int).contains(&c)
}

/// Value of a digit in bases up to 36 (letters either case), else 99.
fn digit(c: c_int) -> u32 {
    match c {
        0x30..=0x39 => (c - 0x30) as u32,
        0x41..=0x5a => (c - 0x41 + 10) as u32,
        0x61..=0x7a => (c - 0x61 + 10) as u32,
        _ => 99,
    }
}

/// C `__intscan`: scans an integer in `base` (0: by prefix) from `f`.
/// `lim` is the magnitude limit: odd for unsigned results (e.g.
/// `ULLONG_MAX`; a minus sign negates modulo 2^64), even for signed ones
/// (e.g. `1 << 63`: positive values saturate at `lim - 1`, negative ones at
/// `-lim`). Out of range: `ERANGE` and the saturated value; no digits or a
/// bad base: `EINVAL` and 0. `pok` allows pushing back two characters
/// when "0x" has no hex digit after it (so "0" is the number).
#[no_mangle]
pub unsafe extern "C" fn __intscan(f: *mut File, base: u32, pok: c_int, lim: u64) -> u64 {
    let mut sc = Scan::new(f);
    let mut base = base;
    if base > 36 || base == 1 {
        set_errno(errno::EINVAL);
        return 0;
    }
    let mut c = sc.get();
    while is_space(c) {
        c = sc.get();
    }
    let mut neg = 0u64;
    if c == b'+' as c_int || c == b'-' as c_int {
        if c == b'-' as c_int {
            neg = u64::MAX;
        }
        c = sc.get();
    }
    if (base == 0 || base == 16) && c == b'0' as c_int {
        c = sc.get();
        if c | 32 == b'x' as c_int {
            c = sc.get();
            if digit(c) >= 16 {
                sc.unget();
                if pok != 0 {
                    sc.unget();
                } else {
                    sc.reset();
                }
                return 0;
            }
            base = 16;
        } else if base == 0 {
            base = 8;
        }
    } else {
        if base == 0 {
            base = 10;
        }
        if digit(c) >= base {
            sc.unget();
            sc.reset();
            set_errno(errno::EINVAL);
            return 0;
        }
    }
    let mut y: u64 = 0;
    let mut overflow = false;
    while digit(c) < base {
        if !overflow {
            match y.checked_mul(base as u64).and_then(|v| v.checked_add(digit(c) as u64)) {
                Some(v) => y = v,
                None => overflow = true,
            }
        }
        c = sc.get();
    }
    if c >= 0 {
        sc.unget();
    }
    if overflow {
        set_errno(errno::ERANGE);
        y = lim;
        if lim & 1 != 0 {
            neg = 0;
        }
    }
    if y >= lim {
        if lim & 1 == 0 && neg == 0 {
            set_errno(errno::ERANGE);
            return lim - 1;
        } else if y > lim {
            set_errno(errno::ERANGE);
            return lim;
        }
    }
    (y ^ neg).wrapping_sub(neg)
}

/// Scans an exponent's `[+-]digits` after the `e`/`p` (already read).
/// False if no digit follows; what was read after the `e` is then pushed
/// back when `pok` (only the last character otherwise).
unsafe fn scan_exp(sc: &mut Scan, pok: bool) -> bool {
    let mut c = sc.get();
    if c == b'+' as c_int || c == b'-' as c_int {
        c = sc.get();
        if !is_digit(c) && pok {
            if c >= 0 {
                sc.unget();
            }
            // musl's second `shunget` then gives back the sign.
            sc.unget();
            return false;
        }
    }
    if !is_digit(c) {
        if c >= 0 {
            sc.unget();
        }
        return false;
    }
    while is_digit(c) {
        c = sc.get();
    }
    if c >= 0 {
        sc.unget();
    }
    true
}

/// Outcome of the grammar part of `__floatscan`.
enum Float {
    /// The consumed text is a number: convert it.
    Text,
    /// A fixed result (infinity, NaN, the zero of an empty "0x").
    Value(f64),
    /// No number: `EINVAL` already handled as musl does; the result is 0.
    Fail,
}

/// "inf"/"infinity" and "nan"/"nan(chars)", with `c` the first character
/// after the sign. `None` when it is neither (nothing consumed).
unsafe fn scan_special(sc: &mut Scan, mut c: c_int, neg: bool, pok: bool) -> Option<Float> {
    let mut i = 0;
    while i < 8 && c | 32 == b"infinity"[i] as c_int {
        if i < 7 {
            c = sc.get();
        }
        i += 1;
    }
    if i == 3 || i == 8 || (i > 3 && pok) {
        if i != 8 {
            if c >= 0 {
                sc.unget();
            }
            if pok {
                while i > 3 {
                    sc.unget();
                    i -= 1;
                }
            }
        }
        return Some(Float::Value(if neg { f64::NEG_INFINITY } else { f64::INFINITY }));
    }
    if i == 0 {
        while i < 3 && c | 32 == b"nan"[i] as c_int {
            if i < 2 {
                c = sc.get();
            }
            i += 1;
        }
    }
    if i == 3 {
        c = sc.get();
        if c != b'(' as c_int {
            if c >= 0 {
                sc.unget();
            }
            return Some(Float::Value(f64::NAN));
        }
        let mut n = 1;
        loop {
            c = sc.get();
            if c == b'_' as c_int || (c >= 0 && (c as u8).is_ascii_alphanumeric()) {
                n += 1;
                continue;
            }
            if c == b')' as c_int {
                return Some(Float::Value(f64::NAN));
            }
            if c >= 0 {
                sc.unget();
            }
            if !pok {
                set_errno(errno::EINVAL);
                sc.reset();
                return Some(Float::Fail);
            }
            while n > 0 {
                sc.unget();
                n -= 1;
            }
            return Some(Float::Value(f64::NAN));
        }
    }
    if i != 0 {
        if c >= 0 {
            sc.unget();
        }
        set_errno(errno::EINVAL);
        sc.reset();
        return Some(Float::Fail);
    }
    None
}

/// Skips the zeros before the first significant digit, and the radix point
/// among them, from `c` on; returns the next character and whether a digit
/// and the point were seen.
unsafe fn skip_leading_zeros(sc: &mut Scan, mut c: c_int) -> (c_int, bool, bool) {
    let (mut gotdig, mut gotrad) = (false, false);
    while c == b'0' as c_int {
        gotdig = true;
        c = sc.get();
    }
    if c == b'.' as c_int {
        gotrad = true;
        c = sc.get();
        while c == b'0' as c_int {
            gotdig = true;
            c = sc.get();
        }
    }
    (c, gotdig, gotrad)
}

/// The hexadecimal form after "0x" (both consumed).
unsafe fn scan_hex(sc: &mut Scan, neg: bool, pok: bool) -> Float {
    let first = sc.get();
    let (mut c, mut gotdig, mut gotrad) = skip_leading_zeros(sc, first);
    while digit(c) < 16 || c == b'.' as c_int {
        if c == b'.' as c_int {
            if gotrad {
                break;
            }
            gotrad = true;
        } else {
            gotdig = true;
        }
        c = sc.get();
    }
    if !gotdig {
        if c >= 0 {
            sc.unget();
        }
        if pok {
            sc.unget();
            if gotrad {
                sc.unget();
            }
        } else {
            sc.reset();
        }
        return Float::Value(if neg { -0.0 } else { 0.0 });
    }
    if c | 32 == b'p' as c_int {
        if !scan_exp(sc, pok) {
            if pok {
                sc.unget();
            } else {
                sc.reset();
                return Float::Fail;
            }
        }
    } else if c >= 0 {
        sc.unget();
    }
    Float::Text
}

/// The decimal form; `c` is its first character.
unsafe fn scan_dec(sc: &mut Scan, first: c_int, pok: bool) -> Float {
    let (mut c, mut gotdig, mut gotrad) = skip_leading_zeros(sc, first);
    while is_digit(c) || c == b'.' as c_int {
        if c == b'.' as c_int {
            if gotrad {
                break;
            }
            gotrad = true;
        } else {
            gotdig = true;
        }
        c = sc.get();
    }
    if gotdig && c | 32 == b'e' as c_int {
        if !scan_exp(sc, pok) {
            if pok {
                sc.unget();
            } else {
                sc.reset();
                return Float::Fail;
            }
        }
    } else if c >= 0 {
        sc.unget();
    }
    if !gotdig {
        set_errno(errno::EINVAL);
        sc.reset();
        return Float::Fail;
    }
    Float::Text
}

/// `d` (correctly rounded to `double`) rounded to 24 significant bits,
/// ties to even, with `double`'s exponent range.
fn round24(d: f64) -> f64 {
    const DROP: u32 = 52 - 23;
    let b = d.to_bits();
    let low = b & ((1 << DROP) - 1);
    let half = 1u64 << (DROP - 1);
    let mut r = b & !((1u64 << DROP) - 1);
    if low > half || (low == half && (r >> DROP) & 1 == 1) {
        r += 1 << DROP;
    }
    f64::from_bits(r)
}

/// 2^k for a normal `double` exponent.
fn pow2(k: i32) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// Bit length (1..=4) of the first nonzero hex digit after "0x" in `b`.
fn hex_lead_bits(b: &[u8]) -> i32 {
    let at = b.iter().position(|&c| c | 32 == b'x').map_or(b.len(), |x| x + 1);
    let d = b[at..].iter().map(|&c| digit(c as c_int)).find(|&d| d != 0 && d < 16).unwrap_or(1);
    32 - d.leading_zeros() as i32
}

/// The `float`-precision result as musl's scanner returns it (in a wider
/// type, before the caller narrows it): `v`, the correctly rounded
/// `float`, except out of `float`'s range, where musl rounds to 24 bits
/// but keeps the wider exponent. Above `FLT_MAX` values stay finite below
/// 10^74 (decimal) or 2^(177 + b) (hex, `b` the bit length of the leading
/// hex digit). Below the smallest subnormal, values become the next power
/// of two up, except exact powers of two and values below 10^-256
/// (decimal) or 2^(b - 228) (hex), which become 0. `d` is the value
/// correctly rounded to `double`; `text` the number's text.
///
/// Known limit: working from `d`, a decimal that rounds to `double` as an
/// exact power of two from below (within 2^-53 of it) is taken for that
/// power of two, where musl sees it is smaller.
fn float_in_double(d: f64, v: f32, text: &[u8], hex: bool) -> f64 {
    if !d.is_finite() || d == 0.0 {
        return v as f64;
    }
    let a = d.abs();
    let k = (a.to_bits() >> 52) as i32 - 1023;
    let lead = if hex { hex_lead_bits(text) } else { 0 };
    if v.is_infinite() {
        let fits = if hex { k <= 176 + lead } else { a < 1e74 };
        return if fits { round24(d) } else { v as f64 };
    }
    if a < pow2(-150) {
        let tiny = if hex { k < lead - 228 } else { a < 1e-256 };
        let pow2_exact = a.to_bits() & ((1 << 52) - 1) == 0;
        if tiny || pow2_exact || a.to_bits() >> 52 == 0 {
            return if d < 0.0 { -0.0 } else { 0.0 };
        }
        let up = pow2(k + 1);
        return if d < 0.0 { -up } else { up };
    }
    v as f64
}

/// C `__floatscan`: scans a floating-point number from `f` and returns it
/// rounded to `float` (`prec` 0) or `double` (1, and 2: `long double` is
/// not used by this scanner, as in wasi-libc's build). `pok` allows
/// pushing back the characters of an incomplete exponent, "infinity" or
/// "nan(...)". No number: `EINVAL` and 0; out of range: `ERANGE`.
#[no_mangle]
pub unsafe extern "C" fn __floatscan(f: *mut File, prec: c_int, pok: c_int) -> f64 {
    if !(0..=2).contains(&prec) {
        return 0.0;
    }
    let pok = pok != 0;
    let mut sc = Scan::new(f);
    let mut c = sc.get();
    while is_space(c) {
        c = sc.get();
    }
    let start = sc.len.saturating_sub(1);
    let mut neg = false;
    if c == b'+' as c_int || c == b'-' as c_int {
        neg = c == b'-' as c_int;
        c = sc.get();
    }
    let outcome = match scan_special(&mut sc, c, neg, pok) {
        Some(o) => o,
        None => {
            if c == b'0' as c_int {
                c = sc.get();
                if c | 32 == b'x' as c_int {
                    scan_hex(&mut sc, neg, pok)
                } else {
                    // The leading '0' is a digit of the decimal form.
                    if c >= 0 {
                        sc.unget();
                    }
                    scan_dec(&mut sc, b'0' as c_int, pok)
                }
            } else {
                scan_dec(&mut sc, c, pok)
            }
        }
    };
    match outcome {
        Float::Fail => 0.0,
        Float::Value(v) => {
            if prec == 0 {
                v as f32 as f64
            } else {
                v
            }
        }
        Float::Text => {
            let b = sc.bytes();
            let b = &b[start.min(b.len())..];
            let r = strtod::scan_float(b);
            if prec == 0 {
                let saved = crate::header::ext::get_errno();
                let d = strtod::to_f64(b, &r);
                set_errno(saved);
                let v = strtod::to_f32(b, &r);
                float_in_double(d, v, b, r.form == strtod::Form::Hex)
            } else {
                strtod::to_f64(b, &r)
            }
        }
    }
}
