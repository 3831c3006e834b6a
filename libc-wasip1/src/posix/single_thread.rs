//! Synchronization that the newest wasi-libc (HEAD, 2026) defines for the
//! single-threaded wasip1 target and older releases do not: the futex
//! primitives of its single-threaded build, POSIX unnamed semaphores,
//! the C11 `mtx_*` functions, `thrd_join`/`thrd_yield`, and the
//! scheduling queries it answers with `ENOTSUP`.
//!
//! With one thread nothing can ever wake a waiter, so, as in wasi-libc, a
//! wait that would have to block traps (`__wasilibc_futex_wait`), and a
//! wait whose deadline has passed times out.
//!
//! Layouts are wasi-libc's: `sem_t` is four `int`s (`[0]`: value, with the
//! top bit meaning "there may be waiters"; `[1]`: waiter count; `[2]`: 0
//! if process-shared, else 128), `mtx_t` is `pthread_mutex_t` (type in
//! word 0, lock in word 1).

use super::pthread::{pthread_join, pthread_mutex_trylock, Mutex};
use super::pthread_ext::pthread_mutex_timedlock;
use super::time::{clock_gettime, ClockId, Timespec, _CLOCK_REALTIME};
use crate::errno::set_errno;
use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

const EINVAL: c_int = 28;
const EAGAIN: c_int = 6;
const EBUSY: c_int = 10;
const EOVERFLOW: c_int = 61;
const ETIMEDOUT: c_int = 73;
const ENOTSUP: c_int = 58;
const EINTR: c_int = 27;
const ECANCELED: c_int = 11;
/// `EWOULDBLOCK` is `EAGAIN`.
const EWOULDBLOCK: c_int = EAGAIN;

/// `__WASILIBC_FUTEX_TIMESPEC_ABSOLUTE`.
const FUTEX_ABSOLUTE: u32 = 1 << 1;
/// `__WASILIBC_FUTEX_YIELD`.
const FUTEX_YIELD: u32 = 1 << 0;

/// Waiting forever: nothing else can run, so trap as wasi-libc does.
fn deadlock() -> ! {
    core::arch::wasm32::unreachable()
}

/// C `__wasilibc_futex_wait`: returns `-EWOULDBLOCK` if `*addr != val`,
/// `-ETIMEDOUT` if the deadline `at` (absolute on `clk` with
/// `FUTEX_ABSOLUTE`, else relative) has passed, `-EINVAL` for bad
/// arguments; a wait that would block traps.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_futex_wait(
    addr: *const c_int,
    val: c_int,
    clk: *const ClockId,
    at: *const Timespec,
    flags: u32,
) -> c_int {
    if flags & !FUTEX_ABSOLUTE != 0 || addr as usize & 3 != 0 {
        return -EINVAL;
    }
    if core::ptr::read_volatile(addr) != val {
        return -EWOULDBLOCK;
    }
    if !at.is_null() {
        let at = &*at;
        if !(0..1_000_000_000).contains(&at.tv_nsec) {
            return -EINVAL;
        }
        if flags & FUTEX_ABSOLUTE != 0 {
            let mut now = Timespec { tv_sec: 0, tv_nsec: 0 };
            if clock_gettime(clk, &mut now) != 0 {
                return -EINVAL;
            }
            let mut sec = at.tv_sec - now.tv_sec;
            if at.tv_nsec - now.tv_nsec < 0 {
                sec -= 1;
            }
            if sec < 0 {
                return -ETIMEDOUT;
            }
        } else if at.tv_sec < 0 {
            return -EINVAL;
        }
    }
    deadlock()
}

/// C `__wasilibc_futex_wake`: no one to wake; `-EINVAL` for bad flags.
#[no_mangle]
pub extern "C" fn __wasilibc_futex_wake(_addr: *const c_int, _count: c_int, flags: u32) -> c_int {
    if flags != 0 && flags != FUTEX_YIELD {
        return -EINVAL;
    }
    0
}

/// `sem_t`.
#[repr(C)]
pub struct Sem {
    pub val: [c_int; 4],
}

const SEM_VALUE_MAX: c_int = 0x7fff_ffff;
const WAITERS: c_int = i32::MIN;

/// C `sem_init`: a semaphore with `value` (at most `SEM_VALUE_MAX`, else
/// `EINVAL`).
#[no_mangle]
pub unsafe extern "C" fn sem_init(sem: *mut Sem, pshared: c_int, value: u32) -> c_int {
    if value > SEM_VALUE_MAX as u32 {
        set_errno(EINVAL as _);
        return -1;
    }
    (*sem).val[0] = value as c_int;
    (*sem).val[1] = 0;
    (*sem).val[2] = if pshared != 0 { 0 } else { 128 };
    0
}

/// C `sem_destroy`: nothing to release.
#[no_mangle]
pub extern "C" fn sem_destroy(_sem: *mut Sem) -> c_int {
    0
}

/// C `sem_getvalue`.
#[no_mangle]
pub unsafe extern "C" fn sem_getvalue(sem: *mut Sem, valp: *mut c_int) -> c_int {
    *valp = (*sem).val[0] & SEM_VALUE_MAX;
    0
}

/// C `sem_post`: increments; `EOVERFLOW` at `SEM_VALUE_MAX`.
#[no_mangle]
pub unsafe extern "C" fn sem_post(sem: *mut Sem) -> c_int {
    let s = &mut *sem;
    let val = s.val[0];
    if val & SEM_VALUE_MAX == SEM_VALUE_MAX {
        set_errno(EOVERFLOW as _);
        return -1;
    }
    let mut new = val.wrapping_add(1);
    if s.val[1] <= 1 {
        new &= !WAITERS;
    }
    s.val[0] = new;
    0
}

/// C `sem_trywait`: decrements if positive, else `EAGAIN`.
#[no_mangle]
pub unsafe extern "C" fn sem_trywait(sem: *mut Sem) -> c_int {
    let s = &mut *sem;
    if s.val[0] & SEM_VALUE_MAX != 0 {
        s.val[0] -= 1;
        return 0;
    }
    set_errno(EAGAIN as _);
    -1
}

/// C `sem_timedwait`: decrements, waiting until the `CLOCK_REALTIME`
/// deadline `at` (null: forever) for a positive value. With one thread
/// the value cannot change: a passed deadline gives `ETIMEDOUT`, a bad
/// one `EINVAL`, and a wait that would block traps.
#[no_mangle]
pub unsafe extern "C" fn sem_timedwait(sem: *mut Sem, at: *const Timespec) -> c_int {
    loop {
        if sem_trywait(sem) == 0 {
            return 0;
        }
        let s = &mut *sem;
        s.val[1] += 1;
        if s.val[0] == 0 {
            s.val[0] = WAITERS;
        }
        let r = timed_wait(&s.val[0], WAITERS, at);
        s.val[1] -= 1;
        if r != 0 {
            set_errno(r as _);
            return -1;
        }
    }
}

/// musl's `__timedwait_cp` over the futex: 0 (try again), `ETIMEDOUT`,
/// or `EINVAL`.
unsafe fn timed_wait(addr: *const c_int, val: c_int, at: *const Timespec) -> c_int {
    if !at.is_null() && !(0..1_000_000_000).contains(&(*at).tv_nsec) {
        return EINVAL;
    }
    let r = -__wasilibc_futex_wait(addr, val, &_CLOCK_REALTIME, at, FUTEX_ABSOLUTE);
    if r == EINTR || r == ETIMEDOUT || r == ECANCELED {
        r
    } else if r == EINVAL && !at.is_null() {
        // The clock could not be read: musl reports the deadline as bad.
        EINVAL
    } else {
        0
    }
}

/// C `sem_wait`: `sem_timedwait` without a deadline.
#[no_mangle]
pub unsafe extern "C" fn sem_wait(sem: *mut Sem) -> c_int {
    sem_timedwait(sem, core::ptr::null())
}

/// C `sem_open`: named semaphores need shared memory, which WASI lacks;
/// null (`SEM_FAILED`), as wasi-libc.
#[no_mangle]
pub unsafe extern "C" fn sem_open(_name: *const u8, _flags: c_int, _va: *const u8) -> *mut Sem {
    null_mut()
}

/// C `sem_close`: `ENOTSUP` (returned), as wasi-libc.
#[no_mangle]
pub extern "C" fn sem_close(_sem: *mut Sem) -> c_int {
    ENOTSUP
}

// C11 threads results.
const THRD_SUCCESS: c_int = 0;
const THRD_BUSY: c_int = 1;
const THRD_ERROR: c_int = 2;
const THRD_TIMEDOUT: c_int = 4;
/// `mtx_recursive`.
const MTX_RECURSIVE: c_int = 1;
/// `PTHREAD_MUTEX_RECURSIVE`.
const PTHREAD_MUTEX_RECURSIVE: c_int = 1;

/// C `mtx_init`: a plain or (with `mtx_recursive`) recursive mutex.
#[no_mangle]
pub unsafe extern "C" fn mtx_init(m: *mut Mutex, kind: c_int) -> c_int {
    let mut v = Mutex { i: [0; 6] };
    if kind & MTX_RECURSIVE != 0 {
        v.i[0] = PTHREAD_MUTEX_RECURSIVE;
    }
    m.write(v);
    THRD_SUCCESS
}

/// C `mtx_destroy`: nothing to release.
#[no_mangle]
pub extern "C" fn mtx_destroy(_m: *mut Mutex) {}

/// C `mtx_trylock`: `thrd_busy` if held (and not recursively ours).
#[no_mangle]
pub unsafe extern "C" fn mtx_trylock(m: *mut Mutex) -> c_int {
    match pthread_mutex_trylock(m) {
        0 => THRD_SUCCESS,
        EBUSY => THRD_BUSY,
        _ => THRD_ERROR,
    }
}

/// C `mtx_lock`: locking a mutex this (only) thread already holds, not
/// recursively, waits forever: it traps, as in wasi-libc.
#[no_mangle]
pub unsafe extern "C" fn mtx_lock(m: *mut Mutex) -> c_int {
    match pthread_mutex_trylock(m) {
        0 => THRD_SUCCESS,
        EBUSY => deadlock(),
        _ => THRD_ERROR,
    }
}

/// C `mtx_timedlock`: as `mtx_lock` until the `CLOCK_REALTIME` deadline
/// `ts`, then `thrd_timedout`.
#[no_mangle]
pub unsafe extern "C" fn mtx_timedlock(m: *mut Mutex, ts: *const Timespec) -> c_int {
    if ts.is_null() {
        return mtx_lock(m);
    }
    match pthread_mutex_timedlock(m, ts) {
        0 => THRD_SUCCESS,
        ETIMEDOUT => THRD_TIMEDOUT,
        _ => THRD_ERROR,
    }
}

/// C `mtx_unlock` (not in wasi-libc's lists, which lack it; musl's: the
/// `pthread_mutex_unlock` result).
#[no_mangle]
pub unsafe extern "C" fn mtx_unlock(m: *mut Mutex) -> c_int {
    super::pthread::pthread_mutex_unlock(m)
}

/// C `thrd_join`: no thread can have been created; joins as
/// `pthread_join` does and stores its result.
#[no_mangle]
pub unsafe extern "C" fn thrd_join(t: *mut c_void, res: *mut c_int) -> c_int {
    let mut out: *mut c_void = null_mut();
    pthread_join(t, &mut out);
    if !res.is_null() {
        *res = out as usize as c_int;
    }
    THRD_SUCCESS
}

/// C `thrd_yield`: `sched_yield`.
#[no_mangle]
pub unsafe extern "C" fn thrd_yield() {
    super::sched::sched_yield();
}

/// C `pthread_getcpuclockid`: no per-thread CPU clocks in WASI (`ENOTSUP`).
#[no_mangle]
pub extern "C" fn pthread_getcpuclockid(_t: *mut c_void, _clock: *mut *const ClockId) -> c_int {
    ENOTSUP
}

/// C `pthread_getschedparam`: no scheduler in WASI (`ENOTSUP`).
#[no_mangle]
pub extern "C" fn pthread_getschedparam(_t: *mut c_void, _policy: *mut c_int, _param: *mut c_int) -> c_int {
    ENOTSUP
}

/// C `pthread_setschedparam`: `ENOTSUP`.
#[no_mangle]
pub extern "C" fn pthread_setschedparam(_t: *mut c_void, _policy: c_int, _param: *const c_int) -> c_int {
    ENOTSUP
}

/// C `pthread_setschedprio`: `ENOTSUP`.
#[no_mangle]
pub extern "C" fn pthread_setschedprio(_t: *mut c_void, _prio: c_int) -> c_int {
    ENOTSUP
}

/// C `pthread_setconcurrency`: only 0 (no hint) is accepted; negative is
/// `EINVAL`, positive `EAGAIN`.
#[no_mangle]
pub extern "C" fn pthread_setconcurrency(val: c_int) -> c_int {
    if val < 0 {
        EINVAL
    } else if val > 0 {
        EAGAIN
    } else {
        0
    }
}

/// C `pthread_mutex_setprioceiling`: no priority-protected mutexes
/// (`EINVAL`).
#[no_mangle]
pub extern "C" fn pthread_mutex_setprioceiling(_m: *mut Mutex, _ceiling: c_int, _old: *mut c_int) -> c_int {
    EINVAL
}

/// C `__wait` (musl internal): waits while `*addr == val`; with one
/// thread that is forever, so it traps (as wasi-libc's single-threaded
/// futex); returns at once otherwise.
#[no_mangle]
pub unsafe extern "C" fn __wait(addr: *const c_int, waiters: *mut c_int, val: c_int, _priv: c_int) {
    if !waiters.is_null() {
        *waiters += 1;
    }
    while core::ptr::read_volatile(addr) == val {
        __wasilibc_futex_wait(addr, val, core::ptr::null(), core::ptr::null(), 0);
    }
    if !waiters.is_null() {
        *waiters -= 1;
    }
}

/// C `__wake` (musl internal): no other thread to wake.
#[no_mangle]
pub extern "C" fn __wake(addr: *const c_void, _cnt: c_int, _priv: c_int) {
    __wasilibc_futex_wake(addr as *const c_int, 0, 0);
}

/// C `__futexwait` (musl internal): `__wait` without a waiter count.
#[no_mangle]
pub unsafe extern "C" fn __futexwait(addr: *const c_void, val: c_int, priv_: c_int) {
    __wait(addr as *const c_int, core::ptr::null_mut(), val, priv_)
}

/// C `__timedwait_cp` (musl internal): waits while `*addr == val` until
/// the deadline `at` on clock `clk`: 0 (woken or value changed),
/// `ETIMEDOUT`, `EINVAL` for a bad deadline; a real wait traps.
#[no_mangle]
pub unsafe extern "C" fn __timedwait_cp(addr: *const c_int, val: c_int, clk: *const ClockId, at: *const Timespec, _priv: c_int) -> c_int {
    if !at.is_null() && !(0..1_000_000_000).contains(&(*at).tv_nsec) {
        return EINVAL;
    }
    let r = -__wasilibc_futex_wait(addr, val, clk, at, FUTEX_ABSOLUTE);
    if r == EINTR || r == ETIMEDOUT || r == ECANCELED {
        r
    } else {
        0
    }
}

/// C `__timedwait` (musl internal): `__timedwait_cp` (there is no
/// cancellation to disable).
#[no_mangle]
pub unsafe extern "C" fn __timedwait(addr: *const c_int, val: c_int, clk: *const ClockId, at: *const Timespec, priv_: c_int) -> c_int {
    __timedwait_cp(addr, val, clk, at, priv_)
}

/// C `__lock` (musl internal lock): only taken once threads exist
/// (`__libc.need_locks`), which never happens here; if asked to, takes a
/// free lock and traps on a held one (nothing could release it).
#[no_mangle]
pub unsafe extern "C" fn __lock(l: *mut c_int) {
    if (*core::ptr::addr_of!(super::internals::__libc)).need_locks == 0 {
        return;
    }
    if *l != 0 {
        deadlock();
    }
    *l = i32::MIN + 1;
}

/// C `__unlock` (musl internal lock): releases a held lock.
#[no_mangle]
pub unsafe extern "C" fn __unlock(l: *mut c_int) {
    if *l < 0 {
        *l = (*l).wrapping_sub(i32::MIN + 1);
    }
}

/// The lock word musl's `sem_open` guards its table with.
static mut SEM_OPEN_LOCK: c_int = 0;

/// A pointer that may live in a `static`.
#[repr(transparent)]
pub struct LockPtr(*mut c_int);
// SAFETY: one thread; the pointee is only a lock word.
unsafe impl Sync for LockPtr {}

/// C `__sem_open_lockptr`: the address of that lock word.
#[no_mangle]
pub static __sem_open_lockptr: LockPtr = LockPtr(core::ptr::addr_of_mut!(SEM_OPEN_LOCK));

/// C `__inhibit_ptc` (musl internal): blocks thread creation; there is
/// none to block.
#[no_mangle]
pub extern "C" fn __inhibit_ptc() {}

/// C `__private_cond_signal` (musl internal): wakes up to `n` waiters of
/// a process-private condition variable; with one thread there are none.
#[no_mangle]
pub extern "C" fn __private_cond_signal(_c: *mut c_void, _n: c_int) -> c_int {
    0
}

/// C `__pthread_once_full` (musl internal): the slow path of
/// `pthread_once`.
#[no_mangle]
pub unsafe extern "C" fn __pthread_once_full(control: *mut c_int, init: extern "C" fn()) -> c_int {
    super::pthread::pthread_once(control, init)
}

/// C `__pthread_mutex_trylock_owner` (musl internal): the slow path of
/// `pthread_mutex_trylock`.
#[no_mangle]
pub unsafe extern "C" fn __pthread_mutex_trylock_owner(m: *mut Mutex) -> c_int {
    pthread_mutex_trylock(m)
}
