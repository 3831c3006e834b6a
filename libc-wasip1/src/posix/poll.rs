//! `<poll.h>`: `poll` over `poll_oneoff`, as wasi-libc's poll.c.

use crate::errno::set_errno;
use crate::malloc::{free, malloc};
use crate::wasi::{self, Event, Subscription, EINVAL, ENOMEM, ENOTSUP};
use core::ffi::{c_int, c_short, c_void};

/// `struct pollfd`.
#[repr(C)]
pub struct Pollfd {
    pub fd: c_int,
    pub events: c_short,
    pub revents: c_short,
}

pub(crate) const POLLRDNORM: c_short = 0x1;
pub(crate) const POLLWRNORM: c_short = 0x2;
pub(crate) const POLLERR: c_short = 0x1000;
pub(crate) const POLLHUP: c_short = 0x2000;
pub(crate) const POLLNVAL: c_short = 0x4000;

/// `poll`: waits for read/write readiness on descriptors, or a timeout
/// in milliseconds (negative: forever).
#[no_mangle]
pub unsafe extern "C" fn poll(fds: *mut Pollfd, nfds: usize, timeout: c_int) -> c_int {
    // At most two subscriptions per fd plus the timeout.
    let Some(max) = nfds.checked_mul(2).and_then(|n| n.checked_add(1)) else {
        set_errno(EINVAL);
        return -1;
    };
    let subs = malloc(max * core::mem::size_of::<Subscription>()) as *mut Subscription;
    let evs = malloc(max * core::mem::size_of::<Event>()) as *mut Event;
    if subs.is_null() || evs.is_null() {
        free(subs as *mut c_void);
        free(evs as *mut c_void);
        set_errno(ENOMEM);
        return -1;
    }
    let r = poll_with(fds, nfds, timeout, subs, evs);
    free(subs as *mut c_void);
    free(evs as *mut c_void);
    r
}

unsafe fn poll_with(fds: *mut Pollfd, nfds: usize, timeout: c_int, subs: *mut Subscription, evs: *mut Event) -> c_int {
    let mut n = 0usize;
    for i in 0..nfds {
        let pfd = &mut *fds.add(i);
        if pfd.fd < 0 {
            continue;
        }
        if pfd.events & POLLRDNORM != 0 {
            let mut s = Subscription { userdata: i as u64, tag: wasi::EVENTTYPE_FD_READ, ..Default::default() };
            s.u[0] = pfd.fd as u32 as u64;
            *subs.add(n) = s;
            n += 1;
        }
        if pfd.events & POLLWRNORM != 0 {
            let mut s = Subscription { userdata: i as u64, tag: wasi::EVENTTYPE_FD_WRITE, ..Default::default() };
            s.u[0] = pfd.fd as u32 as u64;
            *subs.add(n) = s;
            n += 1;
        }
        // An fd with neither POLLIN nor POLLOUT gets no subscription, so
        // its errors and hangups go unreported (as in wasi-libc).
    }
    if timeout >= 0 {
        let mut s = Subscription { tag: wasi::EVENTTYPE_CLOCK, ..Default::default() };
        s.u[0] = wasi::CLOCK_REALTIME as u64;
        s.u[1] = timeout as u64 * 1_000_000;
        *subs.add(n) = s;
        n += 1;
    }
    let nevents = match wasi::poll_oneoff(subs, evs, n) {
        Ok(k) => k,
        Err(e) => {
            // Nothing to wait for is valid POSIX but not valid WASI.
            set_errno(if n == 0 { ENOTSUP } else { e });
            return -1;
        }
    };
    for i in 0..nfds {
        (*fds.add(i)).revents = 0;
    }
    for k in 0..nevents {
        let ev = &*evs.add(k);
        if ev.type_ != wasi::EVENTTYPE_FD_READ && ev.type_ != wasi::EVENTTYPE_FD_WRITE {
            continue;
        }
        let pfd = &mut *fds.add(ev.userdata as usize);
        if ev.error == wasi::EBADF {
            pfd.revents |= POLLNVAL;
        } else if ev.error == wasi::EPIPE {
            pfd.revents |= POLLHUP;
        } else if ev.error != 0 {
            pfd.revents |= POLLERR;
        } else {
            pfd.revents |= if ev.type_ == wasi::EVENTTYPE_FD_READ { POLLRDNORM } else { POLLWRNORM };
            if ev.flags & wasi::EVENTRWFLAGS_HANGUP != 0 {
                pfd.revents |= POLLHUP;
            }
        }
    }
    let mut ready = 0;
    for i in 0..nfds {
        if (*fds.add(i)).revents != 0 {
            ready += 1;
        }
    }
    ready
}
