//! `time.h`'s calendar functions: broken-down time (`gmtime`, `localtime`,
//! `mktime`, `timegm`), text (`asctime`, `ctime`, `strftime`, `strptime`).
//! WASI has no time zones, so local time is UTC ("UTC", offset 0, no DST),
//! as in wasi-libc.

use super::ext::{errno, set_errno};
use core::ffi::{c_char, c_int, c_long};
use core::ptr::{addr_of_mut, null_mut};

/// C `struct tm` (musl's layout, with `tm_gmtoff` and `tm_zone`).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Tm {
    pub sec: c_int,
    pub min: c_int,
    pub hour: c_int,
    pub mday: c_int,
    pub mon: c_int,
    pub year: c_int,
    pub wday: c_int,
    pub yday: c_int,
    pub isdst: c_int,
    pub gmtoff: c_long,
    pub zone: *const c_char,
    /// wasi-libc's `__tm_nsec`: not set by any function, but part of the
    /// struct's size (48 bytes), so copies of `*gmtime()` stay in bounds.
    pub nsec: c_int,
}

const EMPTY_TM: Tm = Tm {
    sec: 0,
    min: 0,
    hour: 0,
    mday: 0,
    mon: 0,
    year: 0,
    wday: 0,
    yday: 0,
    isdst: 0,
    gmtoff: 0,
    zone: core::ptr::null(),
    nsec: 0,
};

/// The zone name used for every broken-down time.
#[no_mangle]
pub static __utc: [u8; 4] = *b"UTC\0";

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Days from 1970-01-01 to the civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// C `__secs_to_tm`: fills the date and time fields of `tm` from seconds
/// since the epoch; -1 if the year does not fit in an `int`.
#[no_mangle]
pub unsafe extern "C" fn __secs_to_tm(t: i64, tm: *mut Tm) -> c_int {
    const LIMIT: i64 = 31622400;
    if t < i32::MIN as i64 * LIMIT || t > i32::MAX as i64 * LIMIT {
        return -1;
    }
    let days = t.div_euclid(86400);
    let secs = t.rem_euclid(86400);
    // Civil date from days (era-based).
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + (m <= 2) as i64;
    let tm_year = y - 1900;
    if tm_year > i32::MAX as i64 || tm_year < i32::MIN as i64 {
        return -1;
    }
    let jan1 = days_from_civil(y, 1, 1);
    let tm = &mut *tm;
    tm.year = tm_year as c_int;
    tm.mon = (m - 1) as c_int;
    tm.mday = d as c_int;
    tm.wday = (days + 4).rem_euclid(7) as c_int;
    tm.yday = (days - jan1) as c_int;
    tm.hour = (secs / 3600) as c_int;
    tm.min = (secs / 60 % 60) as c_int;
    tm.sec = (secs % 60) as c_int;
    0
}

/// C `__year_to_secs`: seconds from the epoch to 1 January of `1900+year`.
#[no_mangle]
pub unsafe extern "C" fn __year_to_secs(year: i64, is_leap_out: *mut c_int) -> i64 {
    let y = year + 1900;
    if !is_leap_out.is_null() {
        *is_leap_out = is_leap(y) as c_int;
    }
    days_from_civil(y, 1, 1) * 86400
}

const MONTH_START: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/// C `__month_to_secs`: seconds from 1 January to the start of `month`.
#[no_mangle]
pub extern "C" fn __month_to_secs(month: c_int, leap: c_int) -> c_int {
    let m = month.clamp(0, 11) as usize;
    let mut d = MONTH_START[m];
    if leap != 0 && m >= 2 {
        d += 1;
    }
    (d * 86400) as c_int
}

/// C `__tm_to_secs`: seconds since the epoch for `tm`'s fields, which may
/// be out of their normal ranges.
#[no_mangle]
pub unsafe extern "C" fn __tm_to_secs(tm: *const Tm) -> i64 {
    let tm = &*tm;
    let mut year = tm.year as i64;
    let mut month = tm.mon as i64;
    if !(0..12).contains(&month) {
        year += month.div_euclid(12);
        month = month.rem_euclid(12);
    }
    let mut leap = 0;
    let mut t = __year_to_secs(year, &mut leap);
    t += __month_to_secs(month as c_int, leap) as i64;
    t += 86400 * (tm.mday as i64 - 1);
    t += 3600 * tm.hour as i64;
    t += 60 * tm.min as i64;
    t + tm.sec as i64
}

/// C `__tm_to_tzname`: the zone name (always "UTC").
#[no_mangle]
pub extern "C" fn __tm_to_tzname(_tm: *const Tm) -> *const c_char {
    __utc.as_ptr() as *const c_char
}

/// C `__secs_to_zone`: WASI has no zones: UTC, no DST.
#[no_mangle]
pub unsafe extern "C" fn __secs_to_zone(
    _t: i64,
    _local: c_int,
    isdst: *mut c_int,
    offset: *mut c_long,
    oppoff: *mut c_long,
    zonename: *mut *const c_char,
) {
    *isdst = 0;
    *offset = 0;
    if !oppoff.is_null() {
        *oppoff = 0;
    }
    *zonename = __utc.as_ptr() as *const c_char;
}

/// C `__gmtime_r`.
#[no_mangle]
pub unsafe extern "C" fn __gmtime_r(t: *const i64, tm: *mut Tm) -> *mut Tm {
    if __secs_to_tm(*t, tm) < 0 {
        set_errno(errno::EOVERFLOW);
        return null_mut();
    }
    (*tm).isdst = 0;
    (*tm).gmtoff = 0;
    (*tm).zone = __utc.as_ptr() as *const c_char;
    tm
}

/// C `gmtime_r`.
#[no_mangle]
pub unsafe extern "C" fn gmtime_r(t: *const i64, tm: *mut Tm) -> *mut Tm {
    __gmtime_r(t, tm)
}

/// C `__localtime_r` (UTC).
#[no_mangle]
pub unsafe extern "C" fn __localtime_r(t: *const i64, tm: *mut Tm) -> *mut Tm {
    __gmtime_r(t, tm)
}

/// C `localtime_r` (UTC).
#[no_mangle]
pub unsafe extern "C" fn localtime_r(t: *const i64, tm: *mut Tm) -> *mut Tm {
    __gmtime_r(t, tm)
}

static mut STATIC_TM: Tm = EMPTY_TM;

/// C `gmtime`.
#[no_mangle]
pub unsafe extern "C" fn gmtime(t: *const i64) -> *mut Tm {
    __gmtime_r(t, addr_of_mut!(STATIC_TM))
}

/// C `localtime` (UTC).
#[no_mangle]
pub unsafe extern "C" fn localtime(t: *const i64) -> *mut Tm {
    __gmtime_r(t, addr_of_mut!(STATIC_TM))
}

/// Normalizes `tm` and returns its time; -1 with `EOVERFLOW` if it cannot
/// be represented.
unsafe fn normalize(tm: *mut Tm) -> i64 {
    let t = __tm_to_secs(tm);
    let mut new = EMPTY_TM;
    if __secs_to_tm(t, &mut new) < 0 {
        set_errno(errno::EOVERFLOW);
        return -1;
    }
    new.isdst = 0;
    new.gmtoff = 0;
    new.zone = __utc.as_ptr() as *const c_char;
    *tm = new;
    t
}

/// C `mktime` (local time is UTC).
#[no_mangle]
pub unsafe extern "C" fn mktime(tm: *mut Tm) -> i64 {
    normalize(tm)
}

/// C `timegm`.
#[no_mangle]
pub unsafe extern "C" fn timegm(tm: *mut Tm) -> i64 {
    normalize(tm)
}

/// C `difftime`.
#[no_mangle]
pub extern "C" fn difftime(t1: i64, t0: i64) -> f64 {
    t1.wrapping_sub(t0) as f64
}

/// C `__asctime_r`: "Www Mmm dd hh:mm:ss yyyy\n".
#[no_mangle]
pub unsafe extern "C" fn __asctime_r(tm: *const Tm, buf: *mut c_char) -> *mut c_char {
    let tm = &*tm;
    let day = |i: c_int| if (0..7).contains(&i) { super::locale::nl_langinfo(0x20000 + i) } else { c"???".as_ptr() };
    let mon = |i: c_int| if (0..12).contains(&i) { super::locale::nl_langinfo(0x2000e + i) } else { c"???".as_ptr() };
    let args: [u32; 8] = [
        day(tm.wday) as u32,
        mon(tm.mon) as u32,
        tm.mday as u32,
        tm.hour as u32,
        tm.min as u32,
        tm.sec as u32,
        (1900 + tm.year as i64) as i32 as u32,
        0,
    ];
    super::stdio::printf_api::snprintf_internal(
        buf,
        26,
        c"%.3s %.3s%3d %.2d:%.2d:%.2d %d\n".as_ptr(),
        args.as_ptr() as *const u8,
    );
    buf
}

/// C `asctime_r`.
#[no_mangle]
pub unsafe extern "C" fn asctime_r(tm: *const Tm, buf: *mut c_char) -> *mut c_char {
    __asctime_r(tm, buf)
}

static mut ASCTIME_BUF: [c_char; 26] = [0; 26];

/// C `asctime`.
#[no_mangle]
pub unsafe extern "C" fn asctime(tm: *const Tm) -> *mut c_char {
    __asctime_r(tm, addr_of_mut!(ASCTIME_BUF) as *mut c_char)
}

/// C `ctime_r`.
#[no_mangle]
pub unsafe extern "C" fn ctime_r(t: *const i64, buf: *mut c_char) -> *mut c_char {
    let mut tm = EMPTY_TM;
    if localtime_r(t, &mut tm).is_null() {
        return null_mut();
    }
    __asctime_r(&tm, buf)
}

/// C `ctime`.
#[no_mangle]
pub unsafe extern "C" fn ctime(t: *const i64) -> *mut c_char {
    let tm = localtime(t);
    if tm.is_null() {
        return null_mut();
    }
    asctime(tm)
}

/// C `struct timespec`.
#[repr(C)]
pub struct Timespec {
    pub(crate) sec: i64,
    pub(crate) nsec: c_long,
}

extern "C" {
    /// wasi-libc's `clockid_t` is a pointer; `CLOCK_REALTIME` is this
    /// object's address (defined by the bottom half).
    static _CLOCK_REALTIME: u8;
    fn clock_gettime(clk: *const u8, ts: *mut Timespec) -> c_int;
}

/// C `timespec_get` (`TIME_UTC` only).
#[no_mangle]
pub unsafe extern "C" fn timespec_get(ts: *mut Timespec, base: c_int) -> c_int {
    if base != 1 {
        return 0;
    }
    if clock_gettime(core::ptr::addr_of!(_CLOCK_REALTIME), ts) < 0 {
        return 0;
    }
    base
}

/// C `struct timeb`.
#[repr(C)]
pub struct Timeb {
    pub(crate) time: i64,
    pub(crate) millitm: u16,
    pub(crate) timezone: i16,
    pub(crate) dstflag: i16,
}

/// C `ftime`.
#[no_mangle]
pub unsafe extern "C" fn ftime(tp: *mut Timeb) -> c_int {
    let mut ts = Timespec { sec: 0, nsec: 0 };
    timespec_get(&mut ts, 1);
    (*tp).time = ts.sec;
    (*tp).millitm = (ts.nsec / 1_000_000) as u16;
    (*tp).timezone = 0;
    (*tp).dstflag = 0;
    0
}
