//! `<pthread.h>` for the single-threaded build, as wasi-libc without
//! threads: `pthread_create` fails with ENOTSUP, join/detach succeed,
//! mutexes are counters (a normal mutex counts relocks as wasi-libc's does;
//! an error-checking one reports EDEADLK instead of hanging; a recursive
//! one nests),
//! condition waits return at once (a spurious wakeup), keys are a table.

use crate::wasi::{self, EINVAL, ENOTSUP};
use core::ffi::{c_int, c_void};
use core::ptr::{self, null_mut};

pub(crate) const EAGAIN: c_int = wasi::EAGAIN as c_int;
pub(crate) const EBUSY: c_int = wasi::EBUSY as c_int;
pub(crate) const EDEADLK: c_int = wasi::EDEADLK as c_int;
pub(crate) const EPERM: c_int = wasi::EPERM as c_int;
pub(crate) const ETIMEDOUT: c_int = wasi::ETIMEDOUT as c_int;
const PTHREAD_STACK_MIN: usize = 2048;
const KEYS_MAX: usize = 128;
const MUTEX_RECURSIVE: c_int = 1;

/// `pthread_attr_t` (musl: 9 ints; [0] stack size, [2] stack address).
#[repr(C)]
pub struct Attr {
    pub s: [u32; 9],
}

/// `pthread_mutex_t` (musl: 6 ints; [0] type, [1] lock, [5] count).
#[repr(C)]
pub struct Mutex {
    pub i: [c_int; 6],
}

/// `pthread_attr_init`.
#[no_mangle]
pub unsafe extern "C" fn pthread_attr_init(a: *mut Attr) -> c_int {
    ptr::write(a, Attr { s: [0; 9] });
    0
}

/// `pthread_attr_destroy`.
#[no_mangle]
pub unsafe extern "C" fn pthread_attr_destroy(_a: *mut Attr) -> c_int {
    0
}

/// `pthread_attr_setstacksize`.
#[no_mangle]
pub unsafe extern "C" fn pthread_attr_setstacksize(a: *mut Attr, size: usize) -> c_int {
    if size.wrapping_sub(PTHREAD_STACK_MIN) > usize::MAX / 4 {
        return EINVAL as c_int;
    }
    (*a).s[2] = 0;
    (*a).s[0] = size as u32;
    0
}

/// `pthread_attr_getstacksize`.
#[no_mangle]
pub unsafe extern "C" fn pthread_attr_getstacksize(a: *const Attr, size: *mut usize) -> c_int {
    *size = (*a).s[0] as usize;
    0
}

/// `pthread_create`: no threads in wasip1 (ENOTSUP, as wasi-libc).
#[no_mangle]
pub unsafe extern "C" fn pthread_create(
    _t: *mut *mut c_void,
    _a: *const Attr,
    _f: extern "C" fn(*mut c_void) -> *mut c_void,
    _arg: *mut c_void,
) -> c_int {
    ENOTSUP as c_int
}

/// `pthread_join`: nothing to wait for.
#[no_mangle]
pub unsafe extern "C" fn pthread_join(_t: *mut c_void, _ret: *mut *mut c_void) -> c_int {
    0
}

/// `pthread_detach`.
#[no_mangle]
pub unsafe extern "C" fn pthread_detach(_t: *mut c_void) -> c_int {
    0
}

/// The one thread's `struct pthread` (opaque here; C sees only its
/// address): 108 bytes, the size of musl's `struct pthread` on wasm32.
#[no_mangle]
pub static mut __wasilibc_pthread_self: [u32; 27] = [0; 27];

/// `pthread_self`.
#[no_mangle]
pub unsafe extern "C" fn pthread_self() -> *mut c_void {
    ptr::addr_of_mut!(__wasilibc_pthread_self) as *mut c_void
}

/// `pthread_equal`.
#[no_mangle]
pub extern "C" fn pthread_equal(a: *mut c_void, b: *mut c_void) -> c_int {
    c_int::from(a == b)
}

/// `pthread_once`: runs `f` the first time (`*once` 0 → 2).
#[no_mangle]
pub unsafe extern "C" fn pthread_once(once: *mut c_int, f: extern "C" fn()) -> c_int {
    if *once == 0 {
        *once = 1;
        f();
        *once = 2;
    }
    0
}

/// Key table: in use, value, destructor.
static mut KEYS: [(bool, *mut c_void, Option<unsafe extern "C" fn(*mut c_void)>); KEYS_MAX] =
    [(false, null_mut(), None); KEYS_MAX];

/// `pthread_key_create`.
#[no_mangle]
pub unsafe extern "C" fn pthread_key_create(key: *mut u32, dtor: Option<unsafe extern "C" fn(*mut c_void)>) -> c_int {
    let keys = &mut *ptr::addr_of_mut!(KEYS);
    for (i, k) in keys.iter_mut().enumerate() {
        if !k.0 {
            *k = (true, null_mut(), dtor);
            *key = i as u32;
            return 0;
        }
    }
    EAGAIN
}

/// `pthread_key_delete`.
#[no_mangle]
pub unsafe extern "C" fn pthread_key_delete(key: u32) -> c_int {
    let keys = &mut *ptr::addr_of_mut!(KEYS);
    match keys.get_mut(key as usize) {
        Some(k) => {
            *k = (false, null_mut(), None);
            0
        }
        None => EINVAL as c_int,
    }
}

/// `pthread_getspecific`.
#[no_mangle]
pub unsafe extern "C" fn pthread_getspecific(key: u32) -> *mut c_void {
    let keys = &*ptr::addr_of!(KEYS);
    keys.get(key as usize).map(|k| k.1).unwrap_or(null_mut())
}

/// `pthread_setspecific`.
#[no_mangle]
pub unsafe extern "C" fn pthread_setspecific(key: u32, value: *const c_void) -> c_int {
    let keys = &mut *ptr::addr_of_mut!(KEYS);
    match keys.get_mut(key as usize) {
        Some(k) => {
            k.1 = value as *mut c_void;
            0
        }
        None => EINVAL as c_int,
    }
}

/// `pthread_mutex_init`: the type comes from the attribute's low 2 bits.
#[no_mangle]
pub unsafe extern "C" fn pthread_mutex_init(m: *mut Mutex, attr: *const u32) -> c_int {
    let mut v = Mutex { i: [0; 6] };
    if !attr.is_null() {
        v.i[0] = (*attr & 3) as c_int;
    }
    ptr::write(m, v);
    0
}

/// `pthread_mutex_destroy`.
#[no_mangle]
pub unsafe extern "C" fn pthread_mutex_destroy(_m: *mut Mutex) -> c_int {
    0
}

/// `pthread_mutex_trylock`. A normal mutex (type 0) counts its locks, as
/// wasi-libc's single-threaded stub does for it (EAGAIN past INT_MAX), so a
/// relock succeeds and an extra unlock is EPERM. (That stub also treats
/// recursive mutexes as error-checking and error-checking ones as counting,
/// an operator-precedence slip in its type test; those two follow POSIX
/// here, so correct programs keep working.)
#[no_mangle]
pub unsafe extern "C" fn pthread_mutex_trylock(m: *mut Mutex) -> c_int {
    let m = &mut *m;
    if m.i[0] & 3 == 0 {
        if m.i[5] == c_int::MAX {
            return EAGAIN;
        }
        m.i[5] += 1;
        m.i[1] = 1;
        return 0;
    }
    if m.i[1] != 0 {
        if m.i[0] & 3 == MUTEX_RECURSIVE {
            m.i[5] += 1;
            return 0;
        }
        return EBUSY;
    }
    m.i[1] = 1;
    0
}

/// `pthread_mutex_lock`: a relock of a non-recursive mutex would hang
/// forever with one thread; it reports EDEADLK instead.
#[no_mangle]
pub unsafe extern "C" fn pthread_mutex_lock(m: *mut Mutex) -> c_int {
    match pthread_mutex_trylock(m) {
        EBUSY => EDEADLK,
        r => r,
    }
}

/// `pthread_mutex_unlock`.
#[no_mangle]
pub unsafe extern "C" fn pthread_mutex_unlock(m: *mut Mutex) -> c_int {
    let m = &mut *m;
    if m.i[0] & 3 == 0 {
        if m.i[5] <= 0 {
            return EPERM;
        }
        m.i[5] -= 1;
        m.i[1] = (m.i[5] != 0) as c_int;
        return 0;
    }
    if m.i[1] == 0 {
        return EPERM;
    }
    if m.i[0] & 3 == MUTEX_RECURSIVE && m.i[5] > 0 {
        m.i[5] -= 1;
    } else {
        m.i[1] = 0;
    }
    0
}

/// `pthread_mutexattr_init`.
#[no_mangle]
pub unsafe extern "C" fn pthread_mutexattr_init(a: *mut u32) -> c_int {
    *a = 0;
    0
}

/// `pthread_mutexattr_destroy`.
#[no_mangle]
pub unsafe extern "C" fn pthread_mutexattr_destroy(_a: *mut u32) -> c_int {
    0
}

/// `pthread_mutexattr_settype`.
#[no_mangle]
pub unsafe extern "C" fn pthread_mutexattr_settype(a: *mut u32, t: c_int) -> c_int {
    if !(0..=2).contains(&t) {
        return EINVAL as c_int;
    }
    *a = (*a & !3) | t as u32;
    0
}

/// `pthread_cond_init`.
#[no_mangle]
pub unsafe extern "C" fn pthread_cond_init(_c: *mut c_void, _a: *const c_void) -> c_int {
    0
}

/// `pthread_cond_destroy`.
#[no_mangle]
pub unsafe extern "C" fn pthread_cond_destroy(_c: *mut c_void) -> c_int {
    0
}

/// `pthread_cond_signal`.
#[no_mangle]
pub unsafe extern "C" fn pthread_cond_signal(_c: *mut c_void) -> c_int {
    0
}

/// `pthread_cond_broadcast`.
#[no_mangle]
pub unsafe extern "C" fn pthread_cond_broadcast(_c: *mut c_void) -> c_int {
    0
}

/// `pthread_cond_wait`: no other thread can signal; returns at once (a
/// spurious wakeup, which callers must handle anyway).
#[no_mangle]
pub unsafe extern "C" fn pthread_cond_wait(_c: *mut c_void, _m: *mut Mutex) -> c_int {
    0
}

/// `pthread_cond_timedwait`: sleeps until `abstime`, then ETIMEDOUT.
#[no_mangle]
pub unsafe extern "C" fn pthread_cond_timedwait(
    _c: *mut c_void,
    _m: *mut Mutex,
    abstime: *const super::time::Timespec,
) -> c_int {
    let r = super::time::clock_nanosleep(
        ptr::addr_of!(super::time::_CLOCK_REALTIME),
        wasi::SUBCLOCKFLAGS_ABSTIME as c_int,
        abstime,
        null_mut(),
    );
    if r != 0 {
        return r;
    }
    ETIMEDOUT
}

/// `__wasi_init_tp`: called by wasi-libc's own `crt1-command.o` to set up
/// the thread pointer; with one thread and a static `pthread_self` there is
/// nothing to do (this lets that start file link against our libc).
#[no_mangle]
pub extern "C" fn __wasi_init_tp() {}
