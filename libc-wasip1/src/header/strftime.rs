//! `strftime` (and `wcsftime`) and `strptime` in the C locale, with musl's
//! extensions: the `-`, `_`, `0` and `+` flags and field widths.

use super::locale::nl_langinfo;
use super::time::{Tm, __tm_to_secs};
use core::ffi::{c_char, c_int, c_void};
use core::fmt::Write;

/// Output of one conversion: a short buffer or a static string.
struct Field {
    buf: [u8; 100],
    len: usize,
}

impl Write for Field {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        for &b in s.as_bytes() {
            if self.len < self.buf.len() {
                self.buf[self.len] = b;
                self.len += 1;
            }
        }
        Ok(())
    }
}

fn leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// ISO 8601 week number of `tm`.
fn iso_week(tm: &Tm) -> i64 {
    let yday = tm.yday as i64;
    let wday = tm.wday as i64;
    // Weeks counted from the first Monday.
    let mut w = (yday + 7 - (wday + 6) % 7) / 7;
    // If 1 January falls on Tuesday..Thursday, it belongs to week 1.
    if (wday + 371 - yday - 2).rem_euclid(7) <= 2 {
        w += 1;
    }
    if w == 0 {
        // The last week of the previous year: 52 or 53.
        w = 52;
        let dec31 = (wday + 7 - yday - 1).rem_euclid(7);
        if dec31 == 4 || (dec31 == 5 && leap((tm.year as i64 % 400 - 1) + 1900)) {
            w += 1;
        }
    } else if w == 53 {
        let jan1 = (wday + 371 - yday).rem_euclid(7);
        if jan1 != 4 && (jan1 != 3 || !leap(tm.year as i64 + 1900)) {
            w = 1;
        }
    }
    w
}

/// Formats one conversion character `f` (musl's `__strftime_fmt_1`).
/// Returns the text, or `None` for an unknown conversion.
unsafe fn fmt_one(out: &mut Field, f: u8, tm: &Tm, pad: u8) -> Option<()> {
    let mut width: usize = 2;
    let mut def_pad = b'0';
    let put_str = |out: &mut Field, p: *const c_char| {
        let s = core::ffi::CStr::from_ptr(p).to_bytes();
        for &b in s {
            let _ = out.write_char(b as char);
        }
    };
    let val: i64 = match f {
        b'a' | b'A' | b'b' | b'h' | b'B' | b'p' => {
            let (item, ok) = match f {
                b'a' => (0x20000 + tm.wday, (0..7).contains(&tm.wday)),
                b'A' => (0x20007 + tm.wday, (0..7).contains(&tm.wday)),
                b'B' => (0x2001a + tm.mon, (0..12).contains(&tm.mon)),
                b'p' => (if tm.hour >= 12 { 0x20027 } else { 0x20026 }, true),
                _ => (0x2000e + tm.mon, (0..12).contains(&tm.mon)),
            };
            if ok {
                put_str(out, nl_langinfo(item));
            } else {
                let _ = out.write_char('-');
            }
            return Some(());
        }
        b'c' | b'r' | b'x' | b'X' | b'D' | b'F' | b'R' | b'T' => {
            let fmt: *const c_char = match f {
                b'c' => nl_langinfo(0x20028),
                b'r' => nl_langinfo(0x2002b),
                b'x' => nl_langinfo(0x20029),
                b'X' => nl_langinfo(0x2002a),
                b'D' => c"%m/%d/%y".as_ptr(),
                b'F' => c"%Y-%m-%d".as_ptr(),
                b'R' => c"%H:%M".as_ptr(),
                _ => c"%H:%M:%S".as_ptr(),
            };
            let n = format(out.buf.as_mut_ptr(), out.buf.len(), fmt as *const u8, tm);
            if n == 0 {
                return None;
            }
            out.len = n;
            return Some(());
        }
        b'C' => (1900 + tm.year as i64) / 100,
        b'e' => {
            def_pad = b'_';
            tm.mday as i64
        }
        b'd' => tm.mday as i64,
        b'g' | b'G' => {
            let mut v = tm.year as i64 + 1900;
            let wk = iso_week(tm);
            if tm.yday < 3 && wk != 1 {
                v -= 1;
            } else if tm.yday > 360 && wk == 1 {
                v += 1;
            }
            if f == b'g' {
                v % 100
            } else {
                width = 4;
                v
            }
        }
        b'H' => tm.hour as i64,
        b'I' => match tm.hour {
            0 => 12,
            h if h > 12 => h as i64 - 12,
            h => h as i64,
        },
        b'j' => {
            width = 3;
            tm.yday as i64 + 1
        }
        b'm' => tm.mon as i64 + 1,
        b'M' => tm.min as i64,
        b'n' => {
            let _ = out.write_char('\n');
            return Some(());
        }
        b't' => {
            let _ = out.write_char('\t');
            return Some(());
        }
        b's' => {
            width = 1;
            __tm_to_secs(tm) - tm.gmtoff as i64
        }
        b'S' => tm.sec as i64,
        b'u' => {
            width = 1;
            if tm.wday != 0 {
                tm.wday as i64
            } else {
                7
            }
        }
        b'U' => (tm.yday as u32).wrapping_add(7).wrapping_sub(tm.wday as u32) as i64 / 7,
        b'W' => (tm.yday as u32).wrapping_add(7).wrapping_sub((tm.wday as u32).wrapping_add(6) % 7) as i64 / 7,
        b'V' => iso_week(tm),
        b'w' => {
            width = 1;
            tm.wday as i64
        }
        b'y' => ((tm.year as i64 + 1900) % 100).abs(),
        b'Y' => {
            let v = tm.year as i64 + 1900;
            if v >= 10000 {
                let _ = write!(out, "+{}", v);
                return Some(());
            }
            width = 4;
            v
        }
        b'z' => {
            if tm.isdst < 0 {
                return Some(());
            }
            let off = tm.gmtoff as i64;
            let v = off / 3600 * 100 + off % 3600 / 60;
            let _ = write!(out, "{}{:04}", if v < 0 { '-' } else { '+' }, v.abs());
            return Some(());
        }
        b'Z' => {
            if tm.isdst >= 0 {
                put_str(out, super::time::__tm_to_tzname(tm));
            }
            return Some(());
        }
        b'%' => {
            let _ = out.write_char('%');
            return Some(());
        }
        _ => return None,
    };
    let p = if pad != 0 { pad } else { def_pad };
    let _ = match p {
        b'-' => write!(out, "{}", val),
        b'_' => write!(out, "{:>1$}", val, width),
        _ => write!(out, "{:01$}", val, width),
    };
    Some(())
}

/// The body of `strftime`: returns the length written (without the NUL),
/// or 0 if the result (with its NUL) does not fit or a conversion is
/// unknown.
unsafe fn format(s: *mut u8, n: usize, f: *const u8, tm: &Tm) -> usize {
    let mut l = 0usize;
    let mut f = f;
    while l < n {
        if *f == 0 {
            *s.add(l) = 0;
            return l;
        }
        if *f != b'%' {
            *s.add(l) = *f;
            l += 1;
            f = f.add(1);
            continue;
        }
        f = f.add(1);
        let mut pad = 0u8;
        if matches!(*f, b'-' | b'_' | b'0') {
            pad = *f;
            f = f.add(1);
        }
        let plus = *f == b'+';
        if plus {
            f = f.add(1);
        }
        let digits_start = f;
        let mut width = 0usize;
        while (*f).is_ascii_digit() {
            width = width.saturating_mul(10).saturating_add((*f - b'0') as usize);
            f = f.add(1);
        }
        let conv_at = f;
        if matches!(*conv_at, b'C' | b'F' | b'G' | b'Y') {
            if width == 0 && conv_at != digits_start {
                width = 1;
            }
        } else {
            width = 0;
        }
        if *f == b'E' || *f == b'O' {
            f = f.add(1);
        }
        let mut field = Field { buf: [0; 100], len: 0 };
        if fmt_one(&mut field, *f, tm, pad).is_none() {
            break;
        }
        f = f.add(1);
        let mut t: &[u8] = &field.buf[..field.len];
        if width != 0 {
            // Drop any sign and leading zeros, then pad to the width with
            // zeros, adding a sign as musl does.
            if let Some(b'+' | b'-') = t.first() {
                t = &t[1..];
            }
            while t.len() > 1 && t[0] == b'0' && t[1].is_ascii_digit() {
                t = &t[1..];
            }
            let k = t.len();
            if width < k {
                width = k;
            }
            let d = t.iter().take_while(|c| c.is_ascii_digit()).count();
            let big = if *conv_at == b'C' { 3 } else { 5 };
            if tm.year < -1900 {
                if l < n {
                    *s.add(l) = b'-';
                    l += 1;
                }
                width -= 1;
            } else if plus && d + (width - k) >= big {
                if l < n {
                    *s.add(l) = b'+';
                    l += 1;
                }
                width -= 1;
            }
            while width > k && l < n {
                *s.add(l) = b'0';
                l += 1;
                width -= 1;
            }
        }
        let k = t.len().min(n - l);
        core::ptr::copy_nonoverlapping(t.as_ptr(), s.add(l), k);
        l += k;
    }
    if n > 0 {
        if l == n {
            l = n - 1;
        }
        *s.add(l) = 0;
    }
    0
}

/// C `strftime`.
#[no_mangle]
pub unsafe extern "C" fn strftime(s: *mut c_char, n: usize, f: *const c_char, tm: *const Tm) -> usize {
    format(s as *mut u8, n, f as *const u8, &*tm)
}

/// C `strftime_l`.
#[no_mangle]
pub unsafe extern "C" fn strftime_l(s: *mut c_char, n: usize, f: *const c_char, tm: *const Tm, _l: *mut c_void) -> usize {
    strftime(s, n, f, tm)
}

/// C `__strftime_l`.
#[no_mangle]
pub unsafe extern "C" fn __strftime_l(s: *mut c_char, n: usize, f: *const c_char, tm: *const Tm, _l: *mut c_void) -> usize {
    strftime(s, n, f, tm)
}

/// C `__strftime_fmt_1` (musl's internal single-conversion formatter):
/// writes into `*buf` (100 bytes) and returns the text and its length.
#[no_mangle]
pub unsafe extern "C" fn __strftime_fmt_1(
    buf: *mut [u8; 100],
    len: *mut usize,
    f: c_int,
    tm: *const Tm,
    _l: *mut c_void,
    pad: c_int,
) -> *const c_char {
    let mut field = Field { buf: [0; 100], len: 0 };
    if fmt_one(&mut field, f as u8, &*tm, pad as u8).is_none() {
        return core::ptr::null();
    }
    let dst = &mut *buf;
    dst[..field.len].copy_from_slice(&field.buf[..field.len]);
    *len = field.len;
    (*buf).as_ptr() as *const c_char
}

/// C `wcsftime`: `strftime` on the multibyte form of the format, widened.
#[no_mangle]
pub unsafe extern "C" fn wcsftime(ws: *mut u32, n: usize, f: *const u32, tm: *const Tm) -> usize {
    use super::multibyte::{mbstowcs, wcstombs};
    let mut fmt = [0u8; 512];
    let fl = wcstombs(fmt.as_mut_ptr() as *mut c_char, f, fmt.len() - 1);
    if fl == usize::MAX || fl >= fmt.len() - 1 {
        return 0;
    }
    fmt[fl] = 0;
    let mut out = [0u8; 1024];
    let k = format(out.as_mut_ptr(), out.len(), fmt.as_ptr(), &*tm);
    if k == 0 && fmt[0] != 0 {
        return 0;
    }
    let w = mbstowcs(core::ptr::null_mut(), out.as_ptr() as *const c_char, 0);
    if w == usize::MAX || w >= n {
        return 0;
    }
    mbstowcs(ws, out.as_ptr() as *const c_char, n)
}

/// C `wcsftime_l`.
#[no_mangle]
pub unsafe extern "C" fn wcsftime_l(ws: *mut u32, n: usize, f: *const u32, tm: *const Tm, _l: *mut c_void) -> usize {
    wcsftime(ws, n, f, tm)
}

/// C `__wcsftime_l`.
#[no_mangle]
pub unsafe extern "C" fn __wcsftime_l(ws: *mut u32, n: usize, f: *const u32, tm: *const Tm, _l: *mut c_void) -> usize {
    wcsftime(ws, n, f, tm)
}

fn space(c: u8) -> bool {
    c == b' ' || (b'\t'..=b'\r').contains(&c)
}

/// C `strptime`: parses `s` per `f` into `tm` (only the fields named by
/// the format are set); returns the rest of `s` or null on mismatch.
#[no_mangle]
pub unsafe extern "C" fn strptime(s: *const c_char, f: *const c_char, tm: *mut Tm) -> *mut c_char {
    let mut s = s as *const u8;
    let mut f = f as *const u8;
    let tm = &mut *tm;
    let mut want_century = 0;
    let mut century = 0;
    let mut relyear = 0;
    while *f != 0 {
        if *f != b'%' {
            if space(*f) {
                while *s != 0 && space(*s) {
                    s = s.add(1);
                }
            } else if *s != *f {
                return core::ptr::null_mut();
            } else {
                s = s.add(1);
            }
            f = f.add(1);
            continue;
        }
        f = f.add(1);
        if *f == b'+' {
            f = f.add(1);
        }
        let mut w: i64 = -1;
        if (*f).is_ascii_digit() {
            w = 0;
            while (*f).is_ascii_digit() {
                w = (w * 10 + (*f - b'0') as i64).min(1 << 20);
                f = f.add(1);
            }
        }
        let c = *f;
        f = f.add(1);
        // Numeric fields: (destination, min, range, adjust).
        let mut dummy = 0;
        let num: Option<(*mut c_int, i64, i64, i64)> = match c {
            b'd' | b'e' => Some((&mut tm.mday, 1, 31, 0)),
            b'H' => Some((&mut tm.hour, 0, 24, 0)),
            b'I' => Some((&mut tm.hour, 1, 12, 0)),
            b'j' => Some((&mut tm.yday, 1, 366, 1)),
            b'm' => Some((&mut tm.mon, 1, 12, 1)),
            b'M' => Some((&mut tm.min, 0, 60, 0)),
            b'S' => Some((&mut tm.sec, 0, 61, 0)),
            b'U' | b'W' => Some((&mut dummy, 0, 54, 0)),
            b'w' => Some((&mut tm.wday, 0, 7, 0)),
            _ => None,
        };
        if let Some((dest, min, range, adj)) = num {
            if !(*s).is_ascii_digit() {
                return core::ptr::null_mut();
            }
            let mut v: i64 = 0;
            let mut i: i64 = 1;
            while i <= min + range && (*s).is_ascii_digit() {
                v = v * 10 + (*s - b'0') as i64;
                s = s.add(1);
                i *= 10;
            }
            // The value is stored even when out of range (as musl does).
            *dest = v as c_int;
            if (v - min) as u64 >= range as u64 {
                return core::ptr::null_mut();
            }
            *dest = (v - adj) as c_int;
            continue;
        }
        // Digit-count fields: (destination, default width, adjust).
        let digits: Option<(*mut c_int, i64, i64)> = match c {
            b'C' => {
                want_century |= 2;
                Some((&mut century, if w < 0 { 2 } else { w }, 0))
            }
            b'y' => {
                want_century |= 1;
                Some((&mut relyear, 2, 0))
            }
            b'Y' => {
                want_century = 0;
                Some((&mut tm.year, if w < 0 { 4 } else { w }, 1900))
            }
            _ => None,
        };
        if let Some((dest, width, adj)) = digits {
            let mut neg = false;
            if *s == b'+' {
                s = s.add(1);
            } else if *s == b'-' {
                neg = true;
                s = s.add(1);
            }
            if !(*s).is_ascii_digit() {
                return core::ptr::null_mut();
            }
            let mut v: i64 = 0;
            let mut i = 0;
            while i < width && (*s).is_ascii_digit() {
                v = (v * 10 + (*s - b'0') as i64).min(i32::MAX as i64);
                s = s.add(1);
                i += 1;
            }
            if neg {
                v = -v;
            }
            *dest = (v - adj) as c_int;
            continue;
        }
        match c {
            b'a' | b'A' | b'b' | b'B' | b'h' => {
                let (dest, base, range): (*mut c_int, c_int, c_int) = if c == b'a' || c == b'A' {
                    (&mut tm.wday, 0x20000, 7)
                } else {
                    (&mut tm.mon, 0x2000e, 12)
                };
                let mut found = false;
                let mut i = 2 * range - 1;
                while i >= 0 {
                    let ex = nl_langinfo(base + i);
                    let len = super::mem::strlen(ex as *const u8);
                    if super::strings::strncasecmp(s as *const c_char, ex, len) == 0 {
                        s = s.add(len);
                        *dest = i % range;
                        found = true;
                        break;
                    }
                    i -= 1;
                }
                if !found {
                    return core::ptr::null_mut();
                }
            }
            b'c' | b'D' | b'r' | b'R' | b'T' | b'x' | b'X' | b'F' => {
                let sub: *const c_char = match c {
                    b'c' => nl_langinfo(0x20028),
                    b'D' => c"%m/%d/%y".as_ptr(),
                    b'r' => nl_langinfo(0x2002b),
                    b'R' => c"%H:%M".as_ptr(),
                    b'T' => c"%H:%M:%S".as_ptr(),
                    b'x' => nl_langinfo(0x20029),
                    b'X' => nl_langinfo(0x2002a),
                    _ => c"%Y-%m-%d".as_ptr(),
                };
                let r = strptime(s as *const c_char, sub, tm);
                if r.is_null() {
                    return r;
                }
                s = r as *const u8;
            }
            b'n' | b't' => {
                while *s != 0 && space(*s) {
                    s = s.add(1);
                }
            }
            b'p' => {
                let am = nl_langinfo(0x20026);
                let pm = nl_langinfo(0x20027);
                if super::strings::strncasecmp(s as *const c_char, am, 2) == 0 {
                    tm.hour %= 12;
                    s = s.add(2);
                } else if super::strings::strncasecmp(s as *const c_char, pm, 2) == 0 {
                    tm.hour = tm.hour % 12 + 12;
                    s = s.add(2);
                } else {
                    return core::ptr::null_mut();
                }
            }
            b's' => {
                if *s == b'-' {
                    s = s.add(1);
                }
                while (*s).is_ascii_digit() {
                    s = s.add(1);
                }
            }
            b'%' => {
                if *s != b'%' {
                    return core::ptr::null_mut();
                }
                s = s.add(1);
            }
            _ => return core::ptr::null_mut(),
        }
    }
    if want_century != 0 {
        tm.year = relyear;
        if want_century & 2 != 0 {
            tm.year += century * 100 - 1900;
        } else if tm.year <= 68 {
            tm.year += 100;
        }
    }
    s as *mut c_char
}
