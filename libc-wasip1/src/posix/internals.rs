//! musl's internal symbols that wasi-libc's `libc.a` exports: the data
//! objects musl's own code reads (`__libc`, `__hwcap`, `__sysinfo`, the
//! default thread attributes, the thread-specific-data table, the
//! `__EINVAL`/`__ENOMEM` constants), the thread-list locks (no-ops: there
//! is one thread), the stack-protector and thread-pointer initializers,
//! and the environment helpers `__putenv`/`__env_rm_add`.
//!
//! Sizes and initial values are those of the reference archive
//! (`llvm-nm -S`, `llvm-objdump -s`); `xtask check` compares the sizes.

use super::stdlib_env::{__wasilibc_environ, __wasilibc_ensure_environ, putenv};
use core::ffi::{c_char, c_int, c_void};
use core::ptr::{self, addr_of_mut, null_mut};

extern "C" {
    fn free(p: *mut c_void);
    fn realloc(p: *mut c_void, n: usize) -> *mut c_void;
}

/// `__EINVAL`: the constant `EINVAL` (28) as an object.
#[no_mangle]
pub static __EINVAL: c_int = 28;

/// `__ENOMEM`: the constant `ENOMEM` (48) as an object.
#[no_mangle]
pub static __ENOMEM: c_int = 48;

/// `__default_stacksize`: musl's default thread stack size, 128 KiB.
#[no_mangle]
pub static mut __default_stacksize: u32 = 131072;

/// `__default_guardsize`: no guard pages in WebAssembly.
#[no_mangle]
pub static mut __default_guardsize: u32 = 0;

/// musl's `struct __libc` as wasi-libc lays it out (28 bytes, all zero at
/// start): flags (`can_do_threads`, `threaded`, `secure`, `need_locks`),
/// `threads_minus_1`, `auxv`, `tls_head`, `tls_size`, `tls_align`,
/// `tls_cnt`.
#[repr(C)]
pub struct Libc {
    pub can_do_threads: u8,
    pub threaded: u8,
    pub secure: u8,
    pub need_locks: i8,
    pub threads_minus_1: c_int,
    pub auxv: *mut usize,
    pub tls_head: *mut c_void,
    pub tls_size: usize,
    pub tls_align: usize,
    pub tls_cnt: usize,
}

/// `__libc`: musl's global runtime state.
#[no_mangle]
pub static mut __libc: Libc = Libc {
    can_do_threads: 0,
    threaded: 0,
    secure: 0,
    need_locks: 0,
    threads_minus_1: 0,
    auxv: null_mut(),
    tls_head: null_mut(),
    tls_size: 0,
    tls_align: 0,
    tls_cnt: 0,
};

/// `__hwcap`: no hardware capability bits.
#[no_mangle]
pub static mut __hwcap: usize = 0;

/// `__sysinfo`: no vDSO.
#[no_mangle]
pub static mut __sysinfo: usize = 0;

/// `PTHREAD_KEYS_MAX`.
const KEYS_MAX: usize = 128;

/// `__pthread_tsd_main`: the main thread's thread-specific-data slots.
#[no_mangle]
pub static mut __pthread_tsd_main: [*mut c_void; KEYS_MAX] = [null_mut(); KEYS_MAX];

/// `__pthread_tsd_size`: the size of that table in bytes.
#[no_mangle]
pub static __pthread_tsd_size: usize = KEYS_MAX * core::mem::size_of::<*mut c_void>();

/// `__pthread_tsd_run_dtors`: musl runs it when a thread exits, to call
/// the destructors of its keys. The one thread of a wasip1 program never
/// exits that way, and wasi-libc's `exit` does not call it either.
///
/// Known gap: the key table (destructors included) is private to
/// `pthread.rs`, so a direct call cannot run destructors yet; it needs a
/// `pub(crate)` hook there (asked of its owner).
#[no_mangle]
pub extern "C" fn __pthread_tsd_run_dtors() {}

/// `__tl_lock`: the thread-list lock (one thread: nothing to exclude).
#[no_mangle]
pub extern "C" fn __tl_lock() {}

/// `__tl_unlock`.
#[no_mangle]
pub extern "C" fn __tl_unlock() {}

/// `__acquire_ptc`: the pthread_create lock (one thread: nothing to do).
#[no_mangle]
pub extern "C" fn __acquire_ptc() {}

/// `__release_ptc`.
#[no_mangle]
pub extern "C" fn __release_ptc() {}

extern "C" {
    static mut __stack_chk_guard: usize;
}

/// `__init_ssp`: seeds the stack-protector canary from `entropy` (its
/// first word), else from the canary's own address times 1103515245, as
/// musl does on 32-bit targets (no byte of it is zeroed there).
#[no_mangle]
pub unsafe extern "C" fn __init_ssp(entropy: *const c_void) {
    let guard = addr_of_mut!(__stack_chk_guard);
    *guard = if entropy.is_null() {
        (guard as usize).wrapping_mul(1103515245)
    } else {
        ptr::read_unaligned(entropy as *const usize)
    };
}

/// `__stack_chk_fail_local`: the hidden-visibility alias of
/// `__stack_chk_fail` (traps).
#[no_mangle]
pub extern "C" fn __stack_chk_fail_local() {
    super::compat::__stack_chk_fail()
}

extern "C" {
    /// The main stack's ends, defined by the linker (wasm-ld and
    /// wasip1-ld both) when referenced.
    static __stack_low: u8;
    static __stack_high: u8;
}

/// musl's `DEFAULT_STACK_MAX`: 8 MiB.
const DEFAULT_STACK_MAX: usize = 8 << 20;

/// `__init_tp`: initializes the thread descriptor at `p` as wasi-libc
/// does for the main thread: its `self` word (musl's `struct pthread`
/// starts with it) points at it, and `__default_stacksize` becomes the
/// main stack's size (at most 8 MiB). Returns 0; a null descriptor gives -1.
///
/// wasi-libc calls it at startup (`_start` -> `__wasi_init_tp`); here the
/// start code does not yet, so `__default_stacksize` keeps 128 KiB until
/// something calls it.
#[no_mangle]
pub unsafe extern "C" fn __init_tp(p: *mut c_void) -> c_int {
    if p.is_null() {
        return -1;
    }
    *(p as *mut *mut c_void) = p;
    let size = (ptr::addr_of!(__stack_high) as usize).saturating_sub(ptr::addr_of!(__stack_low) as usize);
    __default_stacksize = size.min(DEFAULT_STACK_MAX) as u32;
    0
}

/// Environment strings this libc allocated (so may free when they leave
/// the environment): a growable array of pointers, null-free.
static mut OWNED: (*mut *mut c_char, usize, usize) = (null_mut(), 0, 0);

/// `__env_rm_add`: `old` has left the environment (freed if this libc
/// allocated it) and `new` (if not null) is a string this libc allocated
/// that has entered it.
#[no_mangle]
pub unsafe extern "C" fn __env_rm_add(old: *mut c_char, new: *mut c_char) {
    let owned = &mut *addr_of_mut!(OWNED);
    if !old.is_null() {
        let list = core::slice::from_raw_parts_mut(owned.0, owned.1);
        if let Some(i) = list.iter().position(|&p| p == old) {
            list[i] = list[owned.1 - 1];
            owned.1 -= 1;
            free(old as *mut c_void);
        }
    }
    if new.is_null() {
        return;
    }
    if owned.1 == owned.2 {
        let cap = (owned.2 * 2).max(8);
        let grown = realloc(owned.0 as *mut c_void, cap * core::mem::size_of::<*mut c_char>()) as *mut *mut c_char;
        if grown.is_null() {
            // Cannot track it: it stays allocated for good (a leak, not an error).
            return;
        }
        owned.0 = grown;
        owned.2 = cap;
    }
    *owned.0.add(owned.1) = new;
    owned.1 += 1;
}

/// The current entry named by the first `l` bytes of `s`, if any.
unsafe fn current_entry(s: *const c_char, l: usize) -> *mut c_char {
    __wasilibc_ensure_environ();
    let env = __wasilibc_environ;
    if env.is_null() {
        return null_mut();
    }
    let mut i = 0;
    loop {
        let e = *env.add(i);
        if e.is_null() {
            return null_mut();
        }
        if (0..l).all(|k| *e.add(k) == *s.add(k)) && *e.add(l) == b'=' as c_char {
            return e;
        }
        i += 1;
    }
}

/// `__putenv`: puts `s` (a "NAME=value" string whose name is `l` bytes)
/// into the environment, replacing the entry of the same name. `r`, if not
/// null, is `s` as allocated by this libc (setenv's copy): it is tracked
/// for freeing, and freed at once if the insertion fails. Returns 0, or -1
/// with errno set.
#[no_mangle]
pub unsafe extern "C" fn __putenv(s: *mut c_char, l: usize, r: *mut c_char) -> c_int {
    if s.is_null() || l == 0 || *s.add(l) != b'=' as c_char {
        if !r.is_null() {
            free(r as *mut c_void);
        }
        crate::errno::set_errno(crate::wasi::EINVAL);
        return -1;
    }
    let old = current_entry(s, l);
    if putenv(s) != 0 {
        if !r.is_null() {
            free(r as *mut c_void);
        }
        return -1;
    }
    if old != s {
        __env_rm_add(old, r);
    }
    0
}

/// `__futimesat`: musl's internal name of `futimesat`.
#[no_mangle]
pub unsafe extern "C" fn __futimesat(dirfd: c_int, path: *const c_char, tv: *const super::time::Timeval) -> c_int {
    super::compat::futimesat(dirfd, path, tv)
}

/// musl's `R(a, b)`: the bits that reject a continuation byte outside
/// `a..b`, placed at bit 23 and up of a `__fsmu8` entry.
const fn reject(a: u32, b: u32) -> u32 {
    (if a == 0x80 { 0x40u32.wrapping_sub(b) } else { 0u32.wrapping_sub(a) }) << 23
}

/// `__fsmu8[i]` for the lead byte `0xc2 + i`: the decoder state after that
/// byte. Two-byte leads (`C`), three-byte leads (`E`, with the surrogate
/// and overlong ranges of `E0`/`ED` excluded) and four-byte leads (`F`,
/// with `F0`'s overlong and `F4`'s beyond-U+10FFFF ranges excluded).
const fn fsmu8_entry(i: usize) -> u32 {
    let lead = 0xc2 + i as u32;
    match lead {
        0xc2..=0xdf => {
            let x = lead - 0xc0;
            reject(0x80, 0xc0) | x
        }
        0xe0..=0xef => {
            let x = lead - 0xe0;
            let first = if x == 0 {
                reject(0xa0, 0xc0)
            } else if x == 0xd {
                reject(0x80, 0xa0)
            } else {
                reject(0x80, 0xc0)
            };
            first | (reject(0x80, 0xc0) >> 6) | x
        }
        _ => {
            let x = lead - 0xf0;
            let first = if x >= 5 {
                0
            } else if x == 0 {
                reject(0x90, 0xc0)
            } else if x == 4 {
                reject(0x80, 0x90)
            } else {
                reject(0x80, 0xc0)
            };
            first | (reject(0x80, 0xc0) >> 6) | (reject(0x80, 0xc0) >> 12) | x
        }
    }
}

/// The table over the 51 valid lead bytes `0xc2..=0xf4`.
const fn fsmu8_table() -> [u32; 51] {
    let mut t = [0u32; 51];
    let mut i = 0;
    while i < 51 {
        t[i] = fsmu8_entry(i);
        i += 1;
    }
    t
}

/// `__fsmu8`: musl's UTF-8 decoding state table (204 bytes).
#[no_mangle]
pub static __fsmu8: [u32; 51] = fsmu8_table();
