//! `strftime` in the C locale, with musl's extensions as wasi-libc has
//! them: the `-`, `_`, `0` padding flags, `+` and a minimum width (which
//! only `%C %F %G %Y` honour), `E`/`O` modifiers (ignored), `%s`. An
//! unknown conversion stops formatting and returns 0, as musl does.

use super::time_conv::{tm_to_secs, Buf, Tm, DAYS, MONTHS};
use core::ffi::{c_char, c_void};

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// ISO 8601 (year, week) from the `tm` fields.
fn iso_week(tm: &Tm) -> (i64, i64) {
    let year = i64::from(tm.tm_year) + 1900;
    let yday = i64::from(tm.tm_yday);
    let wd = (i64::from(tm.tm_wday) + 6).rem_euclid(7); // Monday = 0
    let jan1 = (i64::from(tm.tm_wday) - yday).rem_euclid(7); // Sunday = 0
    let weeks = |jan1: i64, leap: bool| if jan1 == 4 || (leap && jan1 == 3) { 53 } else { 52 };
    let week = (yday - wd + 10).div_euclid(7);
    if week < 1 {
        let prev_len = if is_leap(year - 1) { 366 } else { 365 };
        let prev_jan1 = (jan1 - prev_len).rem_euclid(7);
        (year - 1, weeks(prev_jan1, is_leap(year - 1)))
    } else if week > weeks(jan1, is_leap(year)) {
        (year + 1, 1)
    } else {
        (year, week)
    }
}

/// Writes a number with the conversion's default width and padding,
/// overridden by the `-`, `_`, `0` flags.
fn number(out: &mut Buf<'_>, v: i64, width: usize, def_pad: u8, pad: u8) {
    match if pad != 0 { pad } else { def_pad } {
        b'-' => out.num(v, 0, b'0'),
        b'_' => out.num(v, width, b' '),
        _ => out.num(v, width, b'0'),
    }
}

/// Formats one conversion; `false` if `c` is not supported.
fn conversion(out: &mut Buf<'_>, c: u8, tm: &Tm, pad: u8) -> bool {
    let year = i64::from(tm.tm_year) + 1900;
    let name = |list: &[&'static [u8]], i: c_int_t, short: bool| -> &'static [u8] {
        match list.get(i as usize) {
            Some(n) if short => &n[..3],
            Some(n) => n,
            None => b"-",
        }
    };
    match c {
        b'a' => out.bytes(name(&DAYS, tm.tm_wday, true)),
        b'A' => out.bytes(name(&DAYS, tm.tm_wday, false)),
        b'b' | b'h' => out.bytes(name(&MONTHS, tm.tm_mon, true)),
        b'B' => out.bytes(name(&MONTHS, tm.tm_mon, false)),
        b'c' => return format(out, b"%a %b %e %T %Y", tm),
        b'C' => number(out, year.div_euclid(100), 2, b'0', pad),
        b'd' => number(out, i64::from(tm.tm_mday), 2, b'0', pad),
        b'D' => return format(out, b"%m/%d/%y", tm),
        b'e' => number(out, i64::from(tm.tm_mday), 2, b'_', pad),
        b'F' => return format(out, b"%+4Y-%m-%d", tm),
        b'g' => number(out, iso_week(tm).0.rem_euclid(100), 2, b'0', pad),
        b'G' => number(out, iso_week(tm).0, 4, b'0', pad),
        b'H' => number(out, i64::from(tm.tm_hour), 2, b'0', pad),
        b'I' => {
            let h = i64::from(tm.tm_hour).rem_euclid(12);
            number(out, if h == 0 { 12 } else { h }, 2, b'0', pad)
        }
        b'j' => number(out, i64::from(tm.tm_yday) + 1, 3, b'0', pad),
        b'm' => number(out, i64::from(tm.tm_mon) + 1, 2, b'0', pad),
        b'M' => number(out, i64::from(tm.tm_min), 2, b'0', pad),
        b'n' => out.bytes(b"\n"),
        b't' => out.bytes(b"\t"),
        b'p' => out.bytes(if tm.tm_hour >= 12 { b"PM" } else { b"AM" }),
        b'r' => return format(out, b"%I:%M:%S %p", tm),
        b'R' => return format(out, b"%H:%M", tm),
        b's' => number(out, tm_to_secs(tm) - i64::from(tm.tm_gmtoff), 1, b'0', pad),
        b'S' => number(out, i64::from(tm.tm_sec), 2, b'0', pad),
        b'T' => return format(out, b"%H:%M:%S", tm),
        b'u' => number(out, if tm.tm_wday == 0 { 7 } else { i64::from(tm.tm_wday) }, 1, b'0', pad),
        b'U' => number(out, (i64::from(tm.tm_yday) + 7 - i64::from(tm.tm_wday)).div_euclid(7), 2, b'0', pad),
        b'V' => number(out, iso_week(tm).1, 2, b'0', pad),
        b'w' => number(out, i64::from(tm.tm_wday), 1, b'0', pad),
        b'W' => {
            let wd = (i64::from(tm.tm_wday) + 6).rem_euclid(7);
            number(out, (i64::from(tm.tm_yday) + 7 - wd).div_euclid(7), 2, b'0', pad)
        }
        b'x' => return format(out, b"%m/%d/%y", tm),
        b'X' => return format(out, b"%H:%M:%S", tm),
        b'y' => number(out, (year % 100).abs(), 2, b'0', pad),
        b'Y' => {
            if year >= 10000 {
                out.bytes(b"+");
                out.num(year, 0, b'0');
            } else {
                number(out, year, 4, b'0', pad)
            }
        }
        b'z' => {
            if tm.tm_isdst >= 0 {
                let off = i64::from(tm.tm_gmtoff);
                out.bytes(if off < 0 { b"-" } else { b"+" });
                out.num((off / 3600 * 100 + off % 3600 / 60).abs(), 4, b'0');
            }
        }
        b'Z' => {
            if tm.tm_isdst >= 0 {
                out.bytes(b"UTC");
            }
        }
        b'%' => out.bytes(b"%"),
        _ => return false,
    }
    true
}

#[allow(non_camel_case_types)]
type c_int_t = core::ffi::c_int;

/// Formats `f` into `out`; `false` when an unsupported conversion stopped it.
fn format(out: &mut Buf<'_>, f: &[u8], tm: &Tm) -> bool {
    let mut i = 0;
    while i < f.len() {
        if f[i] != b'%' {
            out.bytes(&f[i..=i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut pad = 0u8;
        if let Some(&p @ (b'-' | b'_' | b'0')) = f.get(i) {
            pad = p;
            i += 1;
        }
        let plus = f.get(i) == Some(&b'+');
        if plus {
            i += 1;
        }
        let start = i;
        let mut width = 0usize;
        while let Some(d @ b'0'..=b'9') = f.get(i) {
            width = width.saturating_mul(10).saturating_add(usize::from(d - b'0'));
            i += 1;
        }
        let had_width = i > start;
        if matches!(f.get(i), Some(b'E' | b'O')) {
            i += 1;
        }
        let Some(&c) = f.get(i) else { return false };
        i += 1;
        let padded = matches!(c, b'C' | b'F' | b'G' | b'Y');
        if !padded || !had_width {
            if !conversion(out, c, tm, pad) {
                return false;
            }
            continue;
        }
        // Explicit width: format into a scratch buffer, then pad with
        // zeros (and maybe a sign) to the width.
        let mut scratch = [0u8; 128];
        let mut tmp = Buf { out: &mut scratch, len: 0 };
        if !conversion(&mut tmp, c, tm, pad) {
            return false;
        }
        let n = tmp.len.min(scratch.len());
        let mut t = &scratch[..n];
        if let Some(b'+' | b'-') = t.first() {
            t = &t[1..];
        }
        while t.len() > 1 && t[0] == b'0' && t[1].is_ascii_digit() {
            t = &t[1..];
        }
        let k = t.len();
        let mut width = width.max(k);
        let digits = t.iter().take_while(|b| b.is_ascii_digit()).count();
        if tm.tm_year < -1900 {
            out.bytes(b"-");
            width -= 1;
        } else if plus && digits + (width - k) >= if c == b'C' { 3 } else { 5 } {
            out.bytes(b"+");
            width -= 1;
        }
        while width > k {
            out.bytes(b"0");
            width -= 1;
        }
        out.bytes(t);
    }
    true
}

/// `strftime`: bytes written (without the NUL), or 0 when the result does
/// not fit in `n` bytes or a conversion is unsupported.
#[no_mangle]
pub unsafe extern "C" fn strftime(s: *mut c_char, n: usize, f: *const c_char, tm: *const Tm) -> usize {
    if n == 0 {
        return 0;
    }
    let buf = core::slice::from_raw_parts_mut(s as *mut u8, n);
    let mut out = Buf { out: buf, len: 0 };
    let ok = format(&mut out, crate::cstr::bytes(f), &*tm);
    if ok && out.len < n {
        *s.add(out.len) = 0;
        return out.len;
    }
    *s.add(out.len.min(n - 1)) = 0;
    0
}

/// `strftime_l`: the locale is always C.
#[no_mangle]
pub unsafe extern "C" fn strftime_l(
    s: *mut c_char,
    n: usize,
    f: *const c_char,
    tm: *const Tm,
    _loc: *mut c_void,
) -> usize {
    strftime(s, n, f, tm)
}

/// `__strftime_l` (musl internal name).
#[no_mangle]
pub unsafe extern "C" fn __strftime_l(
    s: *mut c_char,
    n: usize,
    f: *const c_char,
    tm: *const Tm,
    loc: *mut c_void,
) -> usize {
    strftime_l(s, n, f, tm, loc)
}
