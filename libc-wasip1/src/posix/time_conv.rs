//! Calendar time (`<time.h>`): gmtime/localtime (WASI has no time zones,
//! so local time is UTC, as in wasi-libc), mktime/timegm, difftime,
//! asctime/ctime. `strftime` lives in `strftime.rs`.

use crate::errno::set_errno;
use crate::wasi::EOVERFLOW;
use core::ffi::{c_char, c_int, c_long};

/// `struct tm` (musl layout, 44 bytes on wasm32).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Tm {
    pub tm_sec: c_int,
    pub tm_min: c_int,
    pub tm_hour: c_int,
    pub tm_mday: c_int,
    pub tm_mon: c_int,
    pub tm_year: c_int,
    pub tm_wday: c_int,
    pub tm_yday: c_int,
    pub tm_isdst: c_int,
    pub tm_gmtoff: c_long,
    pub tm_zone: *const c_char,
}

/// The zone name of every broken-down time we produce.
pub static UTC: [u8; 4] = *b"UTC\0";

const DAY: i64 = 86400;

/// Days from 1970-01-01 to `year`-`month`(1..=12)-`day` (proleptic Gregorian).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// (year, month 1..=12, day) of a day number since the epoch.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Breaks `t` down as UTC; `None` when the year does not fit `tm_year`.
pub fn secs_to_tm(t: i64) -> Option<Tm> {
    let days = t.div_euclid(DAY);
    let secs = t.rem_euclid(DAY);
    // Keep the day arithmetic far from i64 overflow.
    if days.abs() > (i64::from(c_int::MAX) + 2000) * 366 {
        return None;
    }
    let (y, m, d) = civil_from_days(days);
    let tm_year = c_int::try_from(y - 1900).ok()?;
    let yday = days - days_from_civil(y, 1, 1);
    Some(Tm {
        tm_sec: (secs % 60) as c_int,
        tm_min: (secs / 60 % 60) as c_int,
        tm_hour: (secs / 3600) as c_int,
        tm_mday: d as c_int,
        tm_mon: (m - 1) as c_int,
        tm_year,
        tm_wday: (days + 4).rem_euclid(7) as c_int,
        tm_yday: yday as c_int,
        tm_isdst: 0,
        tm_gmtoff: 0,
        tm_zone: UTC.as_ptr() as *const c_char,
    })
}

/// Seconds since the epoch of a broken-down UTC time, normalizing
/// out-of-range fields (as musl's `__tm_to_secs`).
pub fn tm_to_secs(tm: &Tm) -> i64 {
    let mut year = i64::from(tm.tm_year) + 1900;
    let mut month = i64::from(tm.tm_mon);
    if !(0..12).contains(&month) {
        year += month.div_euclid(12);
        month = month.rem_euclid(12);
    }
    let days = days_from_civil(year, month + 1, 1) + i64::from(tm.tm_mday) - 1;
    days * DAY + i64::from(tm.tm_hour) * 3600 + i64::from(tm.tm_min) * 60 + i64::from(tm.tm_sec)
}

/// `gmtime_r`.
#[no_mangle]
pub unsafe extern "C" fn gmtime_r(t: *const i64, out: *mut Tm) -> *mut Tm {
    match secs_to_tm(*t) {
        Some(tm) => {
            *out = tm;
            out
        }
        None => {
            set_errno(EOVERFLOW);
            core::ptr::null_mut()
        }
    }
}

/// `localtime_r`: UTC (WASI has no time zones).
#[no_mangle]
pub unsafe extern "C" fn localtime_r(t: *const i64, out: *mut Tm) -> *mut Tm {
    gmtime_r(t, out)
}

/// An all-zero `struct tm`.
const ZERO_TM: Tm = Tm {
    tm_sec: 0,
    tm_min: 0,
    tm_hour: 0,
    tm_mday: 0,
    tm_mon: 0,
    tm_year: 0,
    tm_wday: 0,
    tm_yday: 0,
    tm_isdst: 0,
    tm_gmtoff: 0,
    tm_zone: core::ptr::null(),
};
static mut GMTIME: Tm = ZERO_TM;
static mut LOCALTIME: Tm = ZERO_TM;

/// `gmtime`: into a static buffer.
#[no_mangle]
pub unsafe extern "C" fn gmtime(t: *const i64) -> *mut Tm {
    gmtime_r(t, core::ptr::addr_of_mut!(GMTIME))
}

/// `localtime`: into a static buffer.
#[no_mangle]
pub unsafe extern "C" fn localtime(t: *const i64) -> *mut Tm {
    localtime_r(t, core::ptr::addr_of_mut!(LOCALTIME))
}

/// Normalizes `*tm` in place and returns its time, or -1 with EOVERFLOW.
unsafe fn normalize(tm: *mut Tm) -> i64 {
    let t = tm_to_secs(&*tm);
    match secs_to_tm(t) {
        Some(n) => {
            *tm = n;
            t
        }
        None => {
            set_errno(EOVERFLOW);
            -1
        }
    }
}

/// `mktime`: local time is UTC.
#[no_mangle]
pub unsafe extern "C" fn mktime(tm: *mut Tm) -> i64 {
    normalize(tm)
}

/// `timegm`.
#[no_mangle]
pub unsafe extern "C" fn timegm(tm: *mut Tm) -> i64 {
    normalize(tm)
}

/// `difftime`.
#[no_mangle]
pub extern "C" fn difftime(t1: i64, t0: i64) -> f64 {
    t1.wrapping_sub(t0) as f64
}

pub const DAYS: [&[u8]; 7] = [b"Sunday", b"Monday", b"Tuesday", b"Wednesday", b"Thursday", b"Friday", b"Saturday"];
pub const MONTHS: [&[u8]; 12] = [
    b"January", b"February", b"March", b"April", b"May", b"June", b"July", b"August", b"September",
    b"October", b"November", b"December",
];

/// A fixed-capacity byte writer that never overflows.
pub struct Buf<'a> {
    pub out: &'a mut [u8],
    pub len: usize,
}

impl Buf<'_> {
    pub fn bytes(&mut self, s: &[u8]) {
        for &b in s {
            if self.len < self.out.len() {
                self.out[self.len] = b;
            }
            self.len += 1;
        }
    }

    /// Writes `v` in decimal, left-padded with `pad` to `width`.
    pub fn num(&mut self, v: i64, width: usize, pad: u8) {
        let mut digits = [0u8; 20];
        let mut n = 0;
        let mut u = v.unsigned_abs();
        loop {
            digits[n] = b'0' + (u % 10) as u8;
            n += 1;
            u /= 10;
            if u == 0 {
                break;
            }
        }
        let len = n + usize::from(v < 0);
        if v < 0 && pad == b'0' {
            self.bytes(b"-");
        }
        for _ in len..width {
            self.bytes(&[pad]);
        }
        if v < 0 && pad != b'0' {
            self.bytes(b"-");
        }
        for i in (0..n).rev() {
            self.bytes(&[digits[i]]);
        }
    }
}

/// Formats `asctime`'s 26-byte form ("Thu Jan  1 00:00:00 1970\n").
unsafe fn format_asctime(tm: &Tm, out: *mut c_char, cap: usize) {
    let buf = core::slice::from_raw_parts_mut(out as *mut u8, cap);
    let mut b = Buf { out: buf, len: 0 };
    let day = DAYS.get(tm.tm_wday as usize).map(|d| &d[..3]).unwrap_or(b"???");
    let mon = MONTHS.get(tm.tm_mon as usize).map(|m| &m[..3]).unwrap_or(b"???");
    b.bytes(day);
    b.bytes(b" ");
    b.bytes(mon);
    b.num(i64::from(tm.tm_mday), 3, b' ');
    b.bytes(b" ");
    b.num(i64::from(tm.tm_hour), 2, b'0');
    b.bytes(b":");
    b.num(i64::from(tm.tm_min), 2, b'0');
    b.bytes(b":");
    b.num(i64::from(tm.tm_sec), 2, b'0');
    b.bytes(b" ");
    b.num(i64::from(tm.tm_year) + 1900, 0, b'0');
    b.bytes(b"\n\0");
    if b.len > cap && cap > 0 {
        *out.add(cap - 1) = 0;
    }
}

/// `asctime_r`: `buf` must hold at least 26 bytes.
#[no_mangle]
pub unsafe extern "C" fn asctime_r(tm: *const Tm, buf: *mut c_char) -> *mut c_char {
    format_asctime(&*tm, buf, 26);
    buf
}

static mut ASCTIME: [c_char; 64] = [0; 64];

/// `asctime`: into a static buffer.
#[no_mangle]
pub unsafe extern "C" fn asctime(tm: *const Tm) -> *mut c_char {
    let p = core::ptr::addr_of_mut!(ASCTIME) as *mut c_char;
    format_asctime(&*tm, p, 64);
    p
}

/// `ctime`: `asctime(localtime(t))`.
#[no_mangle]
pub unsafe extern "C" fn ctime(t: *const i64) -> *mut c_char {
    let tm = localtime(t);
    if tm.is_null() {
        return core::ptr::null_mut();
    }
    asctime(tm)
}

/// `ctime_r`.
#[no_mangle]
pub unsafe extern "C" fn ctime_r(t: *const i64, buf: *mut c_char) -> *mut c_char {
    let mut tm = core::mem::MaybeUninit::<Tm>::uninit();
    if localtime_r(t, tm.as_mut_ptr()).is_null() {
        return core::ptr::null_mut();
    }
    asctime_r(tm.as_ptr(), buf)
}
