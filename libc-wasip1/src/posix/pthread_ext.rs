//! The rest of `<pthread.h>` for one thread: attribute getters/setters,
//! rwlocks, spinlocks, barriers, cancellation state, cleanup handlers, and
//! musl's `__pthread_*` internal names. Layouts follow musl's 32-bit
//! structures (the C headers only size them).
//!
//! With a single thread, an operation that would block forever on another
//! thread reports EDEADLK; timed variants sleep until the deadline and
//! report ETIMEDOUT.

use super::pthread::{self as pt, Attr, Mutex, EBUSY, EDEADLK, ETIMEDOUT};
use super::time::{clock_nanosleep, Timespec, _CLOCK_REALTIME};
use crate::wasi::{self, EINVAL, ENOTSUP};
use core::ffi::{c_int, c_void};
use core::ptr::{self, null_mut};

const EINVAL_: c_int = EINVAL as c_int;
const PTHREAD_STACK_MIN: usize = 2048;
pub(crate) const PTHREAD_BARRIER_SERIAL_THREAD: c_int = -1;
/// musl's rwlock word value meaning "write-locked".
const WRITE_LOCKED: c_int = 0x7fff_ffff;

/// Sleeps until `abstime` (CLOCK_REALTIME), then ETIMEDOUT.
unsafe fn wait_until(abstime: *const Timespec) -> c_int {
    match clock_nanosleep(&_CLOCK_REALTIME, wasi::SUBCLOCKFLAGS_ABSTIME as c_int, abstime, null_mut()) {
        0 => ETIMEDOUT,
        e => e,
    }
}

/// `pthread_attr_getdetachstate`.
#[no_mangle]
pub unsafe extern "C" fn pthread_attr_getdetachstate(a: *const Attr, state: *mut c_int) -> c_int {
    *state = (*a).s[3] as c_int;
    0
}

/// `pthread_attr_setdetachstate`.
#[no_mangle]
pub unsafe extern "C" fn pthread_attr_setdetachstate(a: *mut Attr, state: c_int) -> c_int {
    if state as u32 > 1 {
        return EINVAL_;
    }
    (*a).s[3] = state as u32;
    0
}

/// `pthread_attr_getguardsize`.
#[no_mangle]
pub unsafe extern "C" fn pthread_attr_getguardsize(a: *const Attr, size: *mut usize) -> c_int {
    *size = (*a).s[1] as usize;
    0
}

/// `pthread_attr_setguardsize`.
#[no_mangle]
pub unsafe extern "C" fn pthread_attr_setguardsize(a: *mut Attr, size: usize) -> c_int {
    if size > usize::MAX / 8 {
        return EINVAL_;
    }
    (*a).s[1] = size as u32;
    0
}

/// `pthread_attr_getschedparam` (`struct sched_param` starts with the priority).
#[no_mangle]
pub unsafe extern "C" fn pthread_attr_getschedparam(a: *const Attr, p: *mut c_int) -> c_int {
    *p = (*a).s[6] as c_int;
    0
}

/// `pthread_attr_setschedparam`.
#[no_mangle]
pub unsafe extern "C" fn pthread_attr_setschedparam(a: *mut Attr, p: *const c_int) -> c_int {
    (*a).s[6] = *p as u32;
    0
}

/// `pthread_attr_getstack`: EINVAL unless a stack was set.
#[no_mangle]
pub unsafe extern "C" fn pthread_attr_getstack(a: *const Attr, addr: *mut *mut c_void, size: *mut usize) -> c_int {
    if (*a).s[2] == 0 {
        return EINVAL_;
    }
    *size = (*a).s[0] as usize;
    *addr = ((*a).s[2] as usize - (*a).s[0] as usize) as *mut c_void;
    0
}

/// `pthread_attr_setstack`.
#[no_mangle]
pub unsafe extern "C" fn pthread_attr_setstack(a: *mut Attr, addr: *mut c_void, size: usize) -> c_int {
    if size.wrapping_sub(PTHREAD_STACK_MIN) > usize::MAX / 4 {
        return EINVAL_;
    }
    (*a).s[2] = (addr as usize).wrapping_add(size) as u32;
    (*a).s[0] = size as u32;
    0
}

/// `pthread_getattr_np`: default attributes for the one thread.
#[no_mangle]
pub unsafe extern "C" fn pthread_getattr_np(_t: *mut c_void, a: *mut Attr) -> c_int {
    pt::pthread_attr_init(a)
}

/// `pthread_tryjoin_np`.
#[no_mangle]
pub unsafe extern "C" fn pthread_tryjoin_np(_t: *mut c_void, _ret: *mut *mut c_void) -> c_int {
    0
}

/// `pthread_timedjoin_np`.
#[no_mangle]
pub unsafe extern "C" fn pthread_timedjoin_np(_t: *mut c_void, _ret: *mut *mut c_void, _at: *const Timespec) -> c_int {
    0
}

/// `pthread_mutex_timedlock`: a lock held by the caller cannot be released
/// by anyone else, so it times out.
#[no_mangle]
pub unsafe extern "C" fn pthread_mutex_timedlock(m: *mut Mutex, abstime: *const Timespec) -> c_int {
    match pt::pthread_mutex_trylock(m) {
        EBUSY => wait_until(abstime),
        r => r,
    }
}

/// `pthread_mutex_consistent`: only for robust mutexes left inconsistent,
/// which cannot happen here.
#[no_mangle]
pub unsafe extern "C" fn pthread_mutex_consistent(_m: *mut Mutex) -> c_int {
    EINVAL_
}

/// `pthread_mutex_getprioceiling`: no priority protection.
#[no_mangle]
pub unsafe extern "C" fn pthread_mutex_getprioceiling(_m: *const Mutex, _c: *mut c_int) -> c_int {
    EINVAL_
}

/// `pthread_mutexattr_gettype`.
#[no_mangle]
pub unsafe extern "C" fn pthread_mutexattr_gettype(a: *const u32, t: *mut c_int) -> c_int {
    *t = (*a & 3) as c_int;
    0
}

/// `pthread_mutexattr_getprotocol`.
#[no_mangle]
pub unsafe extern "C" fn pthread_mutexattr_getprotocol(a: *const u32, p: *mut c_int) -> c_int {
    *p = (*a / 8 % 2) as c_int;
    0
}

/// `pthread_mutexattr_setprotocol`: NONE or INHERIT; PROTECT is ENOTSUP.
#[no_mangle]
pub unsafe extern "C" fn pthread_mutexattr_setprotocol(a: *mut u32, p: c_int) -> c_int {
    match p {
        0 => *a &= !8,
        1 => *a |= 8,
        2 => return ENOTSUP as c_int,
        _ => return EINVAL_,
    }
    0
}

/// `pthread_mutexattr_getpshared`.
#[no_mangle]
pub unsafe extern "C" fn pthread_mutexattr_getpshared(a: *const u32, p: *mut c_int) -> c_int {
    *p = (*a / 128 % 2) as c_int;
    0
}

/// `pthread_mutexattr_setpshared`.
#[no_mangle]
pub unsafe extern "C" fn pthread_mutexattr_setpshared(a: *mut u32, p: c_int) -> c_int {
    if p as u32 > 1 {
        return EINVAL_;
    }
    *a = (*a & !128) | ((p as u32) << 7);
    0
}

/// `pthread_mutexattr_getrobust`.
#[no_mangle]
pub unsafe extern "C" fn pthread_mutexattr_getrobust(a: *const u32, r: *mut c_int) -> c_int {
    *r = (*a / 4 % 2) as c_int;
    0
}

/// `pthread_mutexattr_setrobust`.
#[no_mangle]
pub unsafe extern "C" fn pthread_mutexattr_setrobust(a: *mut u32, r: c_int) -> c_int {
    if r as u32 > 1 {
        return EINVAL_;
    }
    *a = (*a & !4) | ((r as u32) << 2);
    0
}

/// `pthread_condattr_init`.
#[no_mangle]
pub unsafe extern "C" fn pthread_condattr_init(a: *mut u32) -> c_int {
    *a = 0;
    0
}

/// `pthread_condattr_destroy`.
#[no_mangle]
pub unsafe extern "C" fn pthread_condattr_destroy(_a: *mut u32) -> c_int {
    0
}

/// `pthread_condattr_getclock`: the clock (a `clockid_t` pointer).
#[no_mangle]
pub unsafe extern "C" fn pthread_condattr_getclock(a: *const u32, clk: *mut *const c_void) -> c_int {
    let v = *a & 0x7fff_ffff;
    *clk = if v == 0 { ptr::addr_of!(_CLOCK_REALTIME) as *const c_void } else { v as usize as *const c_void };
    0
}

/// `pthread_condattr_setclock`: REALTIME or MONOTONIC.
#[no_mangle]
pub unsafe extern "C" fn pthread_condattr_setclock(a: *mut u32, clk: *const super::time::ClockId) -> c_int {
    if clk.is_null() || (*clk).id > 1 {
        return EINVAL_;
    }
    *a = (*a & 0x8000_0000) | (clk as usize as u32 & 0x7fff_ffff);
    0
}

/// `pthread_condattr_getpshared`.
#[no_mangle]
pub unsafe extern "C" fn pthread_condattr_getpshared(a: *const u32, p: *mut c_int) -> c_int {
    *p = (*a >> 31) as c_int;
    0
}

/// `pthread_condattr_setpshared`.
#[no_mangle]
pub unsafe extern "C" fn pthread_condattr_setpshared(a: *mut u32, p: c_int) -> c_int {
    if p as u32 > 1 {
        return EINVAL_;
    }
    *a = (*a & 0x7fff_ffff) | ((p as u32) << 31);
    0
}

/// `pthread_rwlock_t` (musl: 8 ints; [0] is the lock word).
#[repr(C)]
pub struct RwLock {
    pub i: [c_int; 8],
}

/// `pthread_rwlock_init`.
#[no_mangle]
pub unsafe extern "C" fn pthread_rwlock_init(l: *mut RwLock, _a: *const u32) -> c_int {
    ptr::write(l, RwLock { i: [0; 8] });
    0
}

/// `pthread_rwlock_destroy`.
#[no_mangle]
pub unsafe extern "C" fn pthread_rwlock_destroy(_l: *mut RwLock) -> c_int {
    0
}

/// `pthread_rwlock_tryrdlock`.
#[no_mangle]
pub unsafe extern "C" fn pthread_rwlock_tryrdlock(l: *mut RwLock) -> c_int {
    let w = &mut (*l).i[0];
    if *w == WRITE_LOCKED || *w == WRITE_LOCKED - 1 {
        return EBUSY;
    }
    *w += 1;
    0
}

/// `pthread_rwlock_trywrlock`.
#[no_mangle]
pub unsafe extern "C" fn pthread_rwlock_trywrlock(l: *mut RwLock) -> c_int {
    let w = &mut (*l).i[0];
    if *w != 0 {
        return EBUSY;
    }
    *w = WRITE_LOCKED;
    0
}

/// `pthread_rwlock_rdlock`.
#[no_mangle]
pub unsafe extern "C" fn pthread_rwlock_rdlock(l: *mut RwLock) -> c_int {
    match pthread_rwlock_tryrdlock(l) {
        EBUSY => EDEADLK,
        r => r,
    }
}

/// `pthread_rwlock_wrlock`.
#[no_mangle]
pub unsafe extern "C" fn pthread_rwlock_wrlock(l: *mut RwLock) -> c_int {
    match pthread_rwlock_trywrlock(l) {
        EBUSY => EDEADLK,
        r => r,
    }
}

/// `pthread_rwlock_timedrdlock`.
#[no_mangle]
pub unsafe extern "C" fn pthread_rwlock_timedrdlock(l: *mut RwLock, at: *const Timespec) -> c_int {
    match pthread_rwlock_tryrdlock(l) {
        EBUSY => wait_until(at),
        r => r,
    }
}

/// `pthread_rwlock_timedwrlock`.
#[no_mangle]
pub unsafe extern "C" fn pthread_rwlock_timedwrlock(l: *mut RwLock, at: *const Timespec) -> c_int {
    match pthread_rwlock_trywrlock(l) {
        EBUSY => wait_until(at),
        r => r,
    }
}

/// `pthread_rwlock_unlock`.
#[no_mangle]
pub unsafe extern "C" fn pthread_rwlock_unlock(l: *mut RwLock) -> c_int {
    let w = &mut (*l).i[0];
    if *w == WRITE_LOCKED || *w <= 0 {
        *w = 0;
    } else {
        *w -= 1;
    }
    0
}

/// `pthread_rwlockattr_init`.
#[no_mangle]
pub unsafe extern "C" fn pthread_rwlockattr_init(a: *mut [u32; 2]) -> c_int {
    *a = [0; 2];
    0
}

/// `pthread_rwlockattr_destroy`.
#[no_mangle]
pub unsafe extern "C" fn pthread_rwlockattr_destroy(_a: *mut [u32; 2]) -> c_int {
    0
}

/// `pthread_rwlockattr_getpshared`.
#[no_mangle]
pub unsafe extern "C" fn pthread_rwlockattr_getpshared(a: *const [u32; 2], p: *mut c_int) -> c_int {
    *p = (*a)[0] as c_int;
    0
}

/// `pthread_rwlockattr_setpshared`.
#[no_mangle]
pub unsafe extern "C" fn pthread_rwlockattr_setpshared(a: *mut [u32; 2], p: c_int) -> c_int {
    if p as u32 > 1 {
        return EINVAL_;
    }
    (*a)[0] = p as u32;
    0
}

/// `pthread_spin_init`.
#[no_mangle]
pub unsafe extern "C" fn pthread_spin_init(s: *mut c_int, _pshared: c_int) -> c_int {
    *s = 0;
    0
}

/// `pthread_spin_destroy`.
#[no_mangle]
pub unsafe extern "C" fn pthread_spin_destroy(_s: *mut c_int) -> c_int {
    0
}

/// `pthread_spin_trylock`.
#[no_mangle]
pub unsafe extern "C" fn pthread_spin_trylock(s: *mut c_int) -> c_int {
    if *s != 0 {
        return EBUSY;
    }
    *s = EBUSY;
    0
}

/// `pthread_spin_lock`.
#[no_mangle]
pub unsafe extern "C" fn pthread_spin_lock(s: *mut c_int) -> c_int {
    match pthread_spin_trylock(s) {
        EBUSY => EDEADLK,
        r => r,
    }
}

/// `pthread_spin_unlock`.
#[no_mangle]
pub unsafe extern "C" fn pthread_spin_unlock(s: *mut c_int) -> c_int {
    *s = 0;
    0
}

/// `pthread_barrier_t` (musl: 5 ints; [2] holds the count here).
#[repr(C)]
pub struct Barrier {
    pub i: [c_int; 5],
}

/// `pthread_barrier_init`.
#[no_mangle]
pub unsafe extern "C" fn pthread_barrier_init(b: *mut Barrier, _a: *const u32, count: u32) -> c_int {
    if count.wrapping_sub(1) > (c_int::MAX - 1) as u32 {
        return EINVAL_;
    }
    ptr::write(b, Barrier { i: [0, 0, count as c_int, 0, 0] });
    0
}

/// `pthread_barrier_destroy`.
#[no_mangle]
pub unsafe extern "C" fn pthread_barrier_destroy(_b: *mut Barrier) -> c_int {
    0
}

/// `pthread_barrier_wait`: a barrier of one returns SERIAL_THREAD; a larger
/// one can never fill up (EDEADLK).
#[no_mangle]
pub unsafe extern "C" fn pthread_barrier_wait(b: *mut Barrier) -> c_int {
    if (*b).i[2] == 1 {
        PTHREAD_BARRIER_SERIAL_THREAD
    } else {
        EDEADLK
    }
}

/// `pthread_barrierattr_init`.
#[no_mangle]
pub unsafe extern "C" fn pthread_barrierattr_init(a: *mut u32) -> c_int {
    *a = 0;
    0
}

/// `pthread_barrierattr_destroy`.
#[no_mangle]
pub unsafe extern "C" fn pthread_barrierattr_destroy(_a: *mut u32) -> c_int {
    0
}

/// `pthread_barrierattr_getpshared`.
#[no_mangle]
pub unsafe extern "C" fn pthread_barrierattr_getpshared(a: *const u32, p: *mut c_int) -> c_int {
    *p = c_int::from(*a != 0);
    0
}

/// `pthread_barrierattr_setpshared`.
#[no_mangle]
pub unsafe extern "C" fn pthread_barrierattr_setpshared(a: *mut u32, p: c_int) -> c_int {
    if p as u32 > 1 {
        return EINVAL_;
    }
    *a = if p != 0 { 0x8000_0000 } else { 0 };
    0
}

/// Cancellation state and type of the one thread.
static mut CANCEL: (c_int, c_int) = (0, 0);

/// `pthread_setcancelstate`.
#[no_mangle]
pub unsafe extern "C" fn pthread_setcancelstate(new: c_int, old: *mut c_int) -> c_int {
    if new as u32 > 2 {
        return EINVAL_;
    }
    let c = &mut *ptr::addr_of_mut!(CANCEL);
    if !old.is_null() {
        *old = c.0;
    }
    c.0 = new;
    0
}

/// `pthread_setcanceltype`.
#[no_mangle]
pub unsafe extern "C" fn pthread_setcanceltype(new: c_int, old: *mut c_int) -> c_int {
    if new as u32 > 1 {
        return EINVAL_;
    }
    let c = &mut *ptr::addr_of_mut!(CANCEL);
    if !old.is_null() {
        *old = c.1;
    }
    c.1 = new;
    0
}

/// `pthread_testcancel`: nothing can cancel the one thread.
#[no_mangle]
pub extern "C" fn pthread_testcancel() {}

/// `pthread_cancel`: cancellation is not supported.
#[no_mangle]
pub extern "C" fn pthread_cancel(_t: *mut c_void) -> c_int {
    ENOTSUP as c_int
}

/// musl's `struct __ptcb` (cleanup handler record).
#[repr(C)]
pub struct Ptcb {
    f: Option<unsafe extern "C" fn(*mut c_void)>,
    x: *mut c_void,
    next: *mut Ptcb,
}

/// Innermost cleanup handler.
static mut CLEANUP: *mut Ptcb = null_mut();

/// `__do_cleanup_push` (musl internal).
#[no_mangle]
pub unsafe extern "C" fn __do_cleanup_push(cb: *mut Ptcb) {
    (*cb).next = CLEANUP;
    CLEANUP = cb;
}

/// `__do_cleanup_pop` (musl internal).
#[no_mangle]
pub unsafe extern "C" fn __do_cleanup_pop(cb: *mut Ptcb) {
    CLEANUP = (*cb).next;
}

/// `_pthread_cleanup_push` (behind the `pthread_cleanup_push` macro).
#[no_mangle]
pub unsafe extern "C" fn _pthread_cleanup_push(cb: *mut Ptcb, f: Option<unsafe extern "C" fn(*mut c_void)>, x: *mut c_void) {
    (*cb).f = f;
    (*cb).x = x;
    __do_cleanup_push(cb);
}

/// `_pthread_cleanup_pop` (behind the `pthread_cleanup_pop` macro).
#[no_mangle]
pub unsafe extern "C" fn _pthread_cleanup_pop(cb: *mut Ptcb, run: c_int) {
    __do_cleanup_pop(cb);
    if run != 0 {
        if let Some(f) = (*cb).f {
            f((*cb).x);
        }
    }
}

/// `tss_get` (C11): `pthread_getspecific`.
#[no_mangle]
pub unsafe extern "C" fn tss_get(key: u32) -> *mut c_void {
    pt::pthread_getspecific(key)
}

macro_rules! alias {
    ($( $(#[$doc:meta])* $name:ident => [$($target:tt)+] ( $($arg:ident : $ty:ty),* ) -> $ret:ty ; )*) => {
        $(
            $(#[$doc])*
            #[no_mangle]
            pub unsafe extern "C" fn $name($($arg: $ty),*) -> $ret {
                $($target)+($($arg),*)
            }
        )*
    };
}

alias! {
    /// `__pthread_create` (musl internal name).
    __pthread_create => [pt::pthread_create] (t: *mut *mut c_void, a: *const Attr, f: extern "C" fn(*mut c_void) -> *mut c_void, arg: *mut c_void) -> c_int;
    /// `__pthread_join`.
    __pthread_join => [pt::pthread_join] (t: *mut c_void, r: *mut *mut c_void) -> c_int;
    /// `__pthread_key_create`.
    __pthread_key_create => [pt::pthread_key_create] (k: *mut u32, d: Option<unsafe extern "C" fn(*mut c_void)>) -> c_int;
    /// `__pthread_key_delete`.
    __pthread_key_delete => [pt::pthread_key_delete] (k: u32) -> c_int;
    /// `__pthread_mutex_lock`.
    __pthread_mutex_lock => [pt::pthread_mutex_lock] (m: *mut Mutex) -> c_int;
    /// `__pthread_mutex_trylock`.
    __pthread_mutex_trylock => [pt::pthread_mutex_trylock] (m: *mut Mutex) -> c_int;
    /// `__pthread_mutex_unlock`.
    __pthread_mutex_unlock => [pt::pthread_mutex_unlock] (m: *mut Mutex) -> c_int;
    /// `__pthread_mutex_timedlock`.
    __pthread_mutex_timedlock => [pthread_mutex_timedlock] (m: *mut Mutex, at: *const Timespec) -> c_int;
    /// `__pthread_once`.
    __pthread_once => [pt::pthread_once] (o: *mut c_int, f: extern "C" fn()) -> c_int;
    /// `__pthread_cond_timedwait`.
    __pthread_cond_timedwait => [pt::pthread_cond_timedwait] (c: *mut c_void, m: *mut Mutex, at: *const Timespec) -> c_int;
    /// `__pthread_rwlock_rdlock`.
    __pthread_rwlock_rdlock => [pthread_rwlock_rdlock] (l: *mut RwLock) -> c_int;
    /// `__pthread_rwlock_wrlock`.
    __pthread_rwlock_wrlock => [pthread_rwlock_wrlock] (l: *mut RwLock) -> c_int;
    /// `__pthread_rwlock_tryrdlock`.
    __pthread_rwlock_tryrdlock => [pthread_rwlock_tryrdlock] (l: *mut RwLock) -> c_int;
    /// `__pthread_rwlock_trywrlock`.
    __pthread_rwlock_trywrlock => [pthread_rwlock_trywrlock] (l: *mut RwLock) -> c_int;
    /// `__pthread_rwlock_timedrdlock`.
    __pthread_rwlock_timedrdlock => [pthread_rwlock_timedrdlock] (l: *mut RwLock, at: *const Timespec) -> c_int;
    /// `__pthread_rwlock_timedwrlock`.
    __pthread_rwlock_timedwrlock => [pthread_rwlock_timedwrlock] (l: *mut RwLock, at: *const Timespec) -> c_int;
    /// `__pthread_rwlock_unlock`.
    __pthread_rwlock_unlock => [pthread_rwlock_unlock] (l: *mut RwLock) -> c_int;
    /// `__pthread_setcancelstate`.
    __pthread_setcancelstate => [pthread_setcancelstate] (n: c_int, o: *mut c_int) -> c_int;
}

/// `__pthread_testcancel` (musl internal name).
#[no_mangle]
pub extern "C" fn __pthread_testcancel() {}

/// `__testcancel` (musl internal).
#[no_mangle]
pub extern "C" fn __testcancel() {}
