//! The environment (`<stdlib.h>`): getenv/setenv/unsetenv/putenv/clearenv
//! and wasi-libc's `__wasilibc_*environ*` entry points.
//!
//! `__wasilibc_environ` starts as the sentinel `(char **)-1` and is filled
//! from `environ_get` on first use. The `environ` data symbol lives in its
//! own archive member (`environ.o`, see `src/environ_eager.rs`): a program
//! that names `environ` pulls it in, and its constructor initializes the
//! environment eagerly and registers `environ` here so both stay in sync.

use crate::cstr;
use crate::errno::set_errno;
use crate::malloc::{calloc, free, malloc, realloc};
use crate::wasi::{self, EINVAL, ENOMEM};
use core::ffi::{c_char, c_int, c_void};
use core::ptr::{self, null_mut};

type Env = *mut *mut c_char;

/// The sentinel meaning "not initialized yet".
const UNINIT: Env = ptr::without_provenance_mut(usize::MAX);

/// The environment array (NULL-terminated), or the sentinel.
#[no_mangle]
pub static mut __wasilibc_environ: Env = UNINIT;

/// Where the `environ` and `_environ` data symbols live, once `environ.o`
/// registered them (null until then).
static mut ALIASES: [*mut Env; 2] = [null_mut(); 2];
/// Capacity (in pointers) of an array we allocated; 0 if not ours.
static mut CAP: usize = 0;

/// Stores a new array in `__wasilibc_environ` and `environ`.
unsafe fn publish(env: Env) {
    __wasilibc_environ = env;
    for alias in *ptr::addr_of!(ALIASES) {
        if !alias.is_null() {
            *alias = env;
        }
    }
}

/// `__wasilibc_initialize_environ`: reads the host environment.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_initialize_environ() {
    let Ok((count, size)) = wasi::environ_sizes_get() else { crate::posix::exit::_Exit(71) };
    if count == 0 {
        let empty = calloc(1, core::mem::size_of::<*mut c_char>()) as Env;
        if empty.is_null() {
            crate::posix::exit::_Exit(70);
        }
        CAP = 1;
        publish(empty);
        return;
    }
    let buf = malloc(size) as *mut u8;
    let arr = calloc(count + 1, core::mem::size_of::<*mut c_char>()) as Env;
    if buf.is_null() || arr.is_null() {
        crate::posix::exit::_Exit(70);
    }
    if wasi::environ_get(arr as *mut *mut u8, buf).is_err() {
        crate::posix::exit::_Exit(71);
    }
    CAP = count + 1;
    publish(arr);
}

/// `__wasilibc_ensure_environ`: initializes once.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_ensure_environ() {
    if __wasilibc_environ != UNINIT {
        for alias in *ptr::addr_of!(ALIASES) {
            if !alias.is_null() && *alias != __wasilibc_environ {
                // The program assigned `environ` itself: follow it.
                publish(*alias);
                CAP = 0;
                break;
            }
        }
    }
    if __wasilibc_environ == UNINIT {
        __wasilibc_initialize_environ();
    }
}

/// `__wasilibc_deinitialize_environ`: forgets the environment.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_deinitialize_environ() {
    if __wasilibc_environ != UNINIT {
        if CAP != 0 {
            free(__wasilibc_environ as *mut c_void);
        }
        CAP = 0;
        publish(null_mut());
        __wasilibc_environ = UNINIT;
    }
}

/// `__wasilibc_maybe_reinitialize_environ_eagerly`: re-reads the host
/// environment if it had been read before.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_maybe_reinitialize_environ_eagerly() {
    if __wasilibc_environ != UNINIT {
        __wasilibc_deinitialize_environ();
        __wasilibc_initialize_environ();
    }
}

/// `__wasilibc_get_environ`: the (initialized) environment array.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_get_environ() -> Env {
    __wasilibc_ensure_environ();
    __wasilibc_environ
}

/// Called by `environ.o`'s constructor with the addresses of `environ`
/// and `_environ`.
#[no_mangle]
pub unsafe extern "C" fn __wasip1_register_environ(environ: *mut Env, underscore: *mut Env) {
    __wasilibc_ensure_environ();
    ALIASES = [environ, underscore];
    publish(__wasilibc_environ);
}

/// Index of the entry for `name` (`len` bytes), if any.
unsafe fn find(name: *const c_char, len: usize) -> Option<usize> {
    let env = __wasilibc_environ;
    if env.is_null() {
        return None;
    }
    let mut i = 0;
    loop {
        let e = *env.add(i);
        if e.is_null() {
            return None;
        }
        let mut k = 0;
        while k < len && *e.add(k) == *name.add(k) {
            k += 1;
        }
        if k == len && *e.add(len) == b'=' as c_char {
            return Some(i);
        }
        i += 1;
    }
}

/// Number of entries.
unsafe fn count() -> usize {
    let env = __wasilibc_environ;
    if env.is_null() {
        return 0;
    }
    let mut n = 0;
    while !(*env.add(n)).is_null() {
        n += 1;
    }
    n
}

/// Length of a variable name (up to `=` or the end).
unsafe fn name_len(s: *const c_char) -> usize {
    let mut n = 0;
    while *s.add(n) != 0 && *s.add(n) != b'=' as c_char {
        n += 1;
    }
    n
}

/// `getenv`.
#[no_mangle]
pub unsafe extern "C" fn getenv(name: *const c_char) -> *mut c_char {
    __wasilibc_ensure_environ();
    let len = name_len(name);
    if len == 0 || *name.add(len) != 0 {
        return null_mut();
    }
    match find(name, len) {
        Some(i) => (*__wasilibc_environ.add(i)).add(len + 1),
        None => null_mut(),
    }
}

/// Replaces entry `name` (`len` bytes) with `entry`, or appends it.
unsafe fn put(entry: *mut c_char, len: usize) -> c_int {
    if let Some(i) = find(entry, len) {
        *__wasilibc_environ.add(i) = entry;
        return 0;
    }
    let n = count();
    if CAP < n + 2 {
        let cap = (n + 2).max(CAP * 2).max(8);
        let bytes = cap * core::mem::size_of::<*mut c_char>();
        let new = if CAP == 0 { malloc(bytes) } else { realloc(__wasilibc_environ as *mut c_void, bytes) } as Env;
        if new.is_null() {
            set_errno(ENOMEM);
            return -1;
        }
        if CAP == 0 && n > 0 {
            ptr::copy_nonoverlapping(__wasilibc_environ, new, n);
        }
        CAP = cap;
        publish(new);
    }
    *__wasilibc_environ.add(n) = entry;
    *__wasilibc_environ.add(n + 1) = null_mut();
    0
}

/// `setenv`.
#[no_mangle]
pub unsafe extern "C" fn setenv(name: *const c_char, value: *const c_char, overwrite: c_int) -> c_int {
    let len = name_len(name);
    if name.is_null() || len == 0 || *name.add(len) != 0 {
        set_errno(EINVAL);
        return -1;
    }
    __wasilibc_ensure_environ();
    if overwrite == 0 && find(name, len).is_some() {
        return 0;
    }
    let vlen = cstr::len(value);
    let entry = malloc(len + vlen + 2) as *mut c_char;
    if entry.is_null() {
        set_errno(ENOMEM);
        return -1;
    }
    ptr::copy_nonoverlapping(name, entry, len);
    *entry.add(len) = b'=' as c_char;
    ptr::copy_nonoverlapping(value, entry.add(len + 1), vlen + 1);
    put(entry, len)
}

/// `unsetenv`.
#[no_mangle]
pub unsafe extern "C" fn unsetenv(name: *const c_char) -> c_int {
    let len = name_len(name);
    if len == 0 || *name.add(len) != 0 {
        set_errno(EINVAL);
        return -1;
    }
    __wasilibc_ensure_environ();
    while let Some(i) = find(name, len) {
        let n = count();
        ptr::copy(__wasilibc_environ.add(i + 1), __wasilibc_environ.add(i), n - i);
    }
    0
}

/// `putenv`: inserts `s` ("NAME=value") itself; without `=`, unsets.
#[no_mangle]
pub unsafe extern "C" fn putenv(s: *mut c_char) -> c_int {
    let len = name_len(s);
    if *s.add(len) == 0 {
        return unsetenv(s);
    }
    if len == 0 {
        set_errno(EINVAL);
        return -1;
    }
    __wasilibc_ensure_environ();
    put(s, len)
}

/// `clearenv`: empties the environment.
#[no_mangle]
pub unsafe extern "C" fn clearenv() -> c_int {
    __wasilibc_ensure_environ();
    if CAP != 0 {
        free(__wasilibc_environ as *mut c_void);
    }
    CAP = 0;
    publish(null_mut());
    0
}
