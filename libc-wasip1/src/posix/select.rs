//! `<sys/select.h>` and `<sys/ioctl.h>` over `poll_oneoff`, as wasi-libc:
//! `select`, `pselect` (sets are lists of fds, not bitmaps), `ioctl`
//! (FIONREAD, FIONBIO).

use super::time::{timestamp_clamp, Timespec, Timeval};
use crate::errno::set_errno;
use crate::malloc::{free, malloc};
use crate::wasi::{self, Event, Subscription, EBADF, EINVAL, ENOMEM, ENOSYS, ENOTSUP};
use core::ffi::{c_int, c_void};

pub(crate) const FD_SETSIZE: usize = 1024;
pub(crate) const FIONREAD: c_int = 1;
pub(crate) const FIONBIO: c_int = 2;

/// `fd_set`: a list of descriptors.
#[repr(C)]
pub struct FdSet {
    pub nfds: usize,
    pub fds: [c_int; FD_SETSIZE],
}

/// `pselect` (the signal mask is ignored: WASI has no signals).
#[no_mangle]
pub unsafe extern "C" fn pselect(
    nfds: c_int,
    readfds: *mut FdSet,
    writefds: *mut FdSet,
    errorfds: *mut FdSet,
    timeout: *const Timespec,
    _sigmask: *const c_void,
) -> c_int {
    if nfds < 0 {
        set_errno(EINVAL);
        return -1;
    }
    if !errorfds.is_null() && (*errorfds).nfds > 0 {
        set_errno(ENOSYS);
        return -1;
    }
    let mut empty_r = FdSet { nfds: 0, fds: [0; FD_SETSIZE] };
    let mut empty_w = FdSet { nfds: 0, fds: [0; FD_SETSIZE] };
    let r = if readfds.is_null() { &mut empty_r } else { &mut *readfds };
    let w = if writefds.is_null() { &mut empty_w } else { &mut *writefds };
    let (rn, wn) = (r.nfds.min(FD_SETSIZE), w.nfds.min(FD_SETSIZE));
    let max = rn + wn + 1;
    let subs = malloc(max * core::mem::size_of::<Subscription>()) as *mut Subscription;
    let evs = malloc(max * core::mem::size_of::<Event>()) as *mut Event;
    if subs.is_null() || evs.is_null() {
        free(subs as *mut c_void);
        free(evs as *mut c_void);
        set_errno(ENOMEM);
        return -1;
    }
    let result = (|| {
        let mut n = 0;
        for (set, len, tag) in [(&*r, rn, wasi::EVENTTYPE_FD_READ), (&*w, wn, wasi::EVENTTYPE_FD_WRITE)] {
            for &fd in &set.fds[..len] {
                if fd < nfds {
                    let mut s = Subscription { userdata: fd as u64, tag, ..Default::default() };
                    s.u[0] = fd as u32 as u64;
                    *subs.add(n) = s;
                    n += 1;
                }
            }
        }
        if !timeout.is_null() {
            let Some(t) = timestamp_clamp(&*timeout) else {
                set_errno(EINVAL);
                return -1;
            };
            let mut s = Subscription { tag: wasi::EVENTTYPE_CLOCK, ..Default::default() };
            s.u[0] = wasi::CLOCK_REALTIME as u64;
            s.u[1] = t;
            *subs.add(n) = s;
            n += 1;
        }
        let nevents = match wasi::poll_oneoff(subs, evs, n) {
            Ok(k) => k,
            Err(e) => {
                set_errno(if n == 0 { ENOTSUP } else { e });
                return -1;
            }
        };
        let events = core::slice::from_raw_parts(evs, nevents);
        let is_fd = |e: &Event| e.type_ == wasi::EVENTTYPE_FD_READ || e.type_ == wasi::EVENTTYPE_FD_WRITE;
        if events.iter().any(|e| is_fd(e) && e.error == EBADF) {
            set_errno(EBADF);
            return -1;
        }
        r.nfds = 0;
        w.nfds = 0;
        for e in events {
            let set = if e.type_ == wasi::EVENTTYPE_FD_READ {
                &mut *r
            } else if e.type_ == wasi::EVENTTYPE_FD_WRITE {
                &mut *w
            } else {
                continue;
            };
            if set.nfds < FD_SETSIZE {
                set.fds[set.nfds] = e.userdata as c_int;
                set.nfds += 1;
            }
        }
        if !errorfds.is_null() {
            (*errorfds).nfds = 0;
        }
        (r.nfds + w.nfds) as c_int
    })();
    free(subs as *mut c_void);
    free(evs as *mut c_void);
    result
}

/// `select`.
#[no_mangle]
pub unsafe extern "C" fn select(
    nfds: c_int,
    readfds: *mut FdSet,
    writefds: *mut FdSet,
    errorfds: *mut FdSet,
    timeout: *const Timeval,
) -> c_int {
    if timeout.is_null() {
        return pselect(nfds, readfds, writefds, errorfds, core::ptr::null(), core::ptr::null());
    }
    let tv = &*timeout;
    if !(0..1_000_000).contains(&tv.tv_usec) {
        set_errno(EINVAL);
        return -1;
    }
    let ts = Timespec { tv_sec: tv.tv_sec, tv_nsec: (tv.tv_usec * 1000) as _ };
    pselect(nfds, readfds, writefds, errorfds, &ts, core::ptr::null())
}

/// `ioctl(fd, request, ...)`: FIONREAD (bytes readable, via a poll) and
/// FIONBIO (set/clear O_NONBLOCK); the variadic argument is a pointer.
#[no_mangle]
pub unsafe extern "C" fn ioctl(fd: c_int, request: c_int, va: *const *mut c_int) -> c_int {
    match request {
        FIONREAD => {
            let mut subs = [Subscription::default(); 2];
            subs[0].tag = wasi::EVENTTYPE_FD_READ;
            subs[0].u[0] = fd as u32 as u64;
            subs[1].tag = wasi::EVENTTYPE_CLOCK;
            subs[1].u[0] = wasi::CLOCK_MONOTONIC as u64;
            let mut evs = [Event::default(); 2];
            let n = match wasi::poll_oneoff(subs.as_ptr(), evs.as_mut_ptr(), 2) {
                Ok(n) => n,
                Err(e) => {
                    set_errno(e);
                    return -1;
                }
            };
            let result = *va;
            for e in &evs[..n] {
                if e.error != 0 {
                    set_errno(e.error);
                    return -1;
                }
                if e.type_ == wasi::EVENTTYPE_FD_READ {
                    *result = e.nbytes as c_int;
                    return 0;
                }
            }
            *result = 0;
            0
        }
        FIONBIO => {
            let mut st = match wasi::fd_fdstat_get(fd as u32) {
                Ok(s) => s,
                Err(e) => {
                    set_errno(e);
                    return -1;
                }
            };
            if **va != 0 {
                st.fs_flags |= wasi::FDFLAGS_NONBLOCK;
            } else {
                st.fs_flags &= !wasi::FDFLAGS_NONBLOCK;
            }
            match wasi::fd_fdstat_set_flags(fd as u32, st.fs_flags) {
                Ok(()) => 0,
                Err(e) => {
                    set_errno(e);
                    -1
                }
            }
        }
        _ => {
            set_errno(EINVAL);
            -1
        }
    }
}
