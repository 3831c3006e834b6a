//! Clocks and sleeping (`<time.h>`, `<sys/time.h>`).
//!
//! `clockid_t` is a pointer to a `struct __clockid { u32 id; }`; the
//! `_CLOCK_*` data symbols are the objects `CLOCK_REALTIME` etc. point to.

use crate::errno::set_errno;
use crate::wasi::{self, Subscription, Event, EINVAL, ENOTSUP};
use core::ffi::{c_int, c_long, c_void};
use core::ptr;

/// `struct __clockid`.
#[repr(C)]
pub struct ClockId {
    pub id: u32,
}

/// `CLOCK_REALTIME`'s object.
#[no_mangle]
pub static _CLOCK_REALTIME: ClockId = ClockId { id: 0 };
/// `CLOCK_MONOTONIC`'s object.
#[no_mangle]
pub static _CLOCK_MONOTONIC: ClockId = ClockId { id: 1 };
/// `CLOCK_PROCESS_CPUTIME_ID`'s object.
#[no_mangle]
pub static _CLOCK_PROCESS_CPUTIME_ID: ClockId = ClockId { id: 2 };
/// `CLOCK_THREAD_CPUTIME_ID`'s object.
#[no_mangle]
pub static _CLOCK_THREAD_CPUTIME_ID: ClockId = ClockId { id: 3 };

/// `struct timespec`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Timespec {
    pub tv_sec: i64,
    pub tv_nsec: c_long,
}

/// `struct timeval`.
#[repr(C)]
pub struct Timeval {
    pub tv_sec: i64,
    pub tv_usec: i64,
}

const NSEC: u64 = 1_000_000_000;

/// A WASI timestamp as a timespec.
pub fn to_timespec(t: u64) -> Timespec {
    Timespec { tv_sec: (t / NSEC) as i64, tv_nsec: (t % NSEC) as c_long }
}

/// Timespec to timestamp: `None` for a bad `tv_nsec`; negative clamps to 0,
/// overflow saturates.
pub fn timestamp_clamp(ts: &Timespec) -> Option<u64> {
    if ts.tv_nsec < 0 || ts.tv_nsec as u64 >= NSEC {
        return None;
    }
    if ts.tv_sec < 0 {
        return Some(0);
    }
    Some((ts.tv_sec as u64).saturating_mul(NSEC).saturating_add(ts.tv_nsec as u64))
}

/// Timespec to timestamp, `None` when negative, malformed or overflowing.
pub fn timestamp_exact(ts: &Timespec) -> Option<u64> {
    if ts.tv_nsec < 0 || ts.tv_nsec as u64 >= NSEC || ts.tv_sec < 0 {
        return None;
    }
    (ts.tv_sec as u64).checked_mul(NSEC)?.checked_add(ts.tv_nsec as u64)
}

/// `clock_gettime`.
#[no_mangle]
pub unsafe extern "C" fn clock_gettime(clock: *const ClockId, ts: *mut Timespec) -> c_int {
    match wasi::clock_time_get((*clock).id, 1) {
        Ok(t) => {
            *ts = to_timespec(t);
            0
        }
        Err(e) => {
            set_errno(e);
            -1
        }
    }
}

/// `__clock_gettime` (musl's internal name).
#[no_mangle]
pub unsafe extern "C" fn __clock_gettime(clock: *const ClockId, ts: *mut Timespec) -> c_int {
    clock_gettime(clock, ts)
}

/// `clock_getres`.
#[no_mangle]
pub unsafe extern "C" fn clock_getres(clock: *const ClockId, res: *mut Timespec) -> c_int {
    match wasi::clock_res_get((*clock).id) {
        Ok(t) => {
            if !res.is_null() {
                *res = to_timespec(t);
            }
            0
        }
        Err(e) => {
            set_errno(e);
            -1
        }
    }
}

/// `clock_nanosleep`: returns an error number (not errno).
#[no_mangle]
pub unsafe extern "C" fn clock_nanosleep(
    clock: *const ClockId,
    flags: c_int,
    req: *const Timespec,
    _rem: *mut Timespec,
) -> c_int {
    if flags & !(wasi::SUBCLOCKFLAGS_ABSTIME as c_int) != 0 {
        return EINVAL as c_int;
    }
    let Some(timeout) = timestamp_clamp(&*req) else { return EINVAL as c_int };
    let mut sub = Subscription { tag: wasi::EVENTTYPE_CLOCK, ..Default::default() };
    sub.u[0] = (*clock).id as u64;
    sub.u[1] = timeout;
    sub.u[3] = flags as u64;
    let mut ev = Event::default();
    match wasi::poll_oneoff(&sub, &mut ev, 1) {
        Ok(_) if ev.error == 0 => 0,
        _ => ENOTSUP as c_int,
    }
}

/// `__clock_nanosleep` (musl's internal name).
#[no_mangle]
pub unsafe extern "C" fn __clock_nanosleep(
    clock: *const ClockId,
    flags: c_int,
    req: *const Timespec,
    rem: *mut Timespec,
) -> c_int {
    clock_nanosleep(clock, flags, req, rem)
}

/// `nanosleep`.
#[no_mangle]
pub unsafe extern "C" fn nanosleep(req: *const Timespec, rem: *mut Timespec) -> c_int {
    let e = clock_nanosleep(&_CLOCK_REALTIME, 0, req, rem);
    if e != 0 {
        set_errno(e as wasi::Errno);
        return -1;
    }
    0
}

/// `time`: seconds since the epoch.
#[no_mangle]
pub unsafe extern "C" fn time(t: *mut i64) -> i64 {
    let now = match wasi::clock_time_get(wasi::CLOCK_REALTIME, NSEC) {
        Ok(n) => (n / NSEC) as i64,
        Err(_) => crate::posix::exit::abort_now(),
    };
    if !t.is_null() {
        *t = now;
    }
    now
}

/// `gettimeofday` (the timezone argument is ignored).
#[no_mangle]
pub unsafe extern "C" fn gettimeofday(tv: *mut Timeval, _tz: *mut c_void) -> c_int {
    if tv.is_null() {
        return 0;
    }
    let now = match wasi::clock_time_get(wasi::CLOCK_REALTIME, 1000) {
        Ok(n) => n,
        Err(_) => crate::posix::exit::abort_now(),
    };
    ptr::write(tv, Timeval { tv_sec: (now / NSEC) as i64, tv_usec: ((now % NSEC) / 1000) as i64 });
    0
}
