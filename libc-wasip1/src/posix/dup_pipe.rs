//! Descriptor functions the newest wasi-libc (HEAD, 2026) defines for
//! wasip1 and older releases do not: `dup`, `dup2`, `dup3`, `pipe`,
//! `pipe2` and `ppoll`.
//!
//! WASI preview 1 can neither duplicate descriptors nor make pipes, so,
//! exactly as wasi-libc HEAD on wasip1, these fail with `ENOTSUP` (after
//! rejecting bad flags with `EINVAL`). `ppoll` is `poll` with a
//! `timespec` timeout, over `poll_oneoff` as wasi-libc's.

use super::poll::Pollfd;
use super::time::Timespec;
use crate::errno::set_errno;
use crate::wasi::{self, Event, Subscription};
use core::ffi::{c_int, c_short, c_void};

const EINVAL: c_int = 28;
const ENOTSUP: c_int = 58;
const ENOSYS: c_int = 52;
const ENOMEM: c_int = 48;
/// `O_CLOEXEC` is 0 in wasi-libc.
const O_CLOEXEC: c_int = 0;
/// `O_NONBLOCK` (`__WASI_FDFLAGS_NONBLOCK`).
const O_NONBLOCK: c_int = 4;

fn fail(e: c_int) -> c_int {
    set_errno(e as _);
    -1
}

/// C `dup`: `ENOTSUP` on wasip1.
#[no_mangle]
pub extern "C" fn dup(_fd: c_int) -> c_int {
    fail(ENOTSUP)
}

/// C `dup2`: `ENOTSUP` on wasip1.
#[no_mangle]
pub extern "C" fn dup2(_fd: c_int, _newfd: c_int) -> c_int {
    fail(ENOTSUP)
}

/// C `__dup3`: `EINVAL` for flags other than `O_CLOEXEC`, else `ENOTSUP`.
#[no_mangle]
pub extern "C" fn __dup3(_fd: c_int, _newfd: c_int, flags: c_int) -> c_int {
    if flags & !O_CLOEXEC != 0 {
        return fail(EINVAL);
    }
    fail(ENOTSUP)
}

/// C `dup3`.
#[no_mangle]
pub extern "C" fn dup3(fd: c_int, newfd: c_int, flags: c_int) -> c_int {
    __dup3(fd, newfd, flags)
}

/// C `pipe2`: `EINVAL` for flags other than `O_CLOEXEC|O_NONBLOCK`, else
/// `ENOTSUP`.
#[no_mangle]
pub extern "C" fn pipe2(_fd: *mut c_int, flags: c_int) -> c_int {
    if flags & !(O_CLOEXEC | O_NONBLOCK) != 0 {
        return fail(EINVAL);
    }
    fail(ENOTSUP)
}

/// C `pipe`: `pipe2` without flags.
#[no_mangle]
pub extern "C" fn pipe(fd: *mut c_int) -> c_int {
    pipe2(fd, 0)
}

const POLLPRI: c_short = 0x4;
const POLLRDNORM: c_short = 0x1;
const POLLWRNORM: c_short = 0x2;
const POLLERR: c_short = 0x1000;
const POLLHUP: c_short = 0x2000;
const POLLNVAL: c_short = 0x4000;

/// C `ppoll`: `poll` with a `timespec` timeout (null: none); the signal
/// mask is ignored (no signals in WASI). `EINVAL` for a bad timeout;
/// `ENOSYS` when only `POLLPRI` (never reported) is asked for, or when an
/// fd asks for events other than read/write readiness.
#[no_mangle]
pub unsafe extern "C" fn ppoll(fds: *mut Pollfd, nfds: usize, timeout: *const Timespec, _sigmask: *const c_void) -> c_int {
    if !timeout.is_null() {
        let t = &*timeout;
        if t.tv_sec < 0 || !(0..1_000_000_000).contains(&t.tv_nsec) {
            return fail(EINVAL);
        }
    }
    let fds = if nfds == 0 { &mut [][..] } else { core::slice::from_raw_parts_mut(fds, nfds) };
    let (mut pri_only, mut other) = (false, false);
    for p in fds.iter() {
        if p.fd < 0 || p.events == 0 {
            continue;
        }
        if p.events & !POLLPRI != 0 {
            other = true;
        } else {
            pri_only = true;
        }
    }
    if pri_only && !other {
        return fail(ENOSYS);
    }
    for p in fds.iter_mut() {
        p.revents = 0;
    }
    let Some(max) = nfds.checked_mul(2).and_then(|n| n.checked_add(1)) else {
        return fail(EINVAL);
    };
    let subs = crate::malloc::malloc(max * core::mem::size_of::<Subscription>()) as *mut Subscription;
    let evs = crate::malloc::malloc(max * core::mem::size_of::<Event>()) as *mut Event;
    let r = if subs.is_null() || evs.is_null() { fail(ENOMEM) } else { ppoll_with(fds, timeout, subs, evs) };
    crate::malloc::free(subs as *mut c_void);
    crate::malloc::free(evs as *mut c_void);
    r
}

unsafe fn ppoll_with(fds: &mut [Pollfd], timeout: *const Timespec, subs: *mut Subscription, evs: *mut Event) -> c_int {
    let mut n = 0usize;
    for (i, p) in fds.iter().enumerate() {
        if p.fd < 0 {
            continue;
        }
        let events = p.events & !POLLPRI;
        let mut any = false;
        for (bit, tag) in [(POLLRDNORM, wasi::EVENTTYPE_FD_READ), (POLLWRNORM, wasi::EVENTTYPE_FD_WRITE)] {
            if events & bit != 0 {
                let mut s = Subscription { userdata: i as u64, tag, ..Default::default() };
                s.u[0] = p.fd as u32 as u64;
                *subs.add(n) = s;
                n += 1;
                any = true;
            }
        }
        // Errors and hangups alone cannot be waited for in WASI.
        if !any && events != 0 {
            return fail(ENOSYS);
        }
    }
    if !timeout.is_null() {
        let t = &*timeout;
        let mut s = Subscription { tag: wasi::EVENTTYPE_CLOCK, ..Default::default() };
        s.u[0] = wasi::CLOCK_REALTIME as u64;
        s.u[1] = (t.tv_sec as u64).wrapping_mul(1_000_000_000).wrapping_add(t.tv_nsec as u64);
        *subs.add(n) = s;
        n += 1;
    }
    let nevents = match wasi::poll_oneoff(subs, evs, n) {
        Ok(k) => k,
        Err(e) => return fail(if n == 0 { ENOTSUP } else { e as c_int }),
    };
    for k in 0..nevents {
        let ev = &*evs.add(k);
        if ev.type_ != wasi::EVENTTYPE_FD_READ && ev.type_ != wasi::EVENTTYPE_FD_WRITE {
            continue;
        }
        let Some(p) = fds.get_mut(ev.userdata as usize) else { continue };
        if ev.error == wasi::EBADF {
            p.revents |= POLLNVAL;
        } else if ev.error == wasi::EPIPE {
            p.revents |= POLLHUP;
        } else if ev.error != 0 {
            p.revents |= POLLERR;
        } else {
            p.revents |= if ev.type_ == wasi::EVENTTYPE_FD_READ { POLLRDNORM } else { POLLWRNORM };
            if ev.flags & wasi::EVENTRWFLAGS_HANGUP != 0 {
                p.revents |= POLLHUP;
            }
        }
    }
    let mut ready = 0;
    for p in fds.iter_mut() {
        if p.revents & POLLHUP != 0 {
            p.revents &= !POLLWRNORM;
        }
        if p.revents != 0 {
            ready += 1;
        }
    }
    ready
}
