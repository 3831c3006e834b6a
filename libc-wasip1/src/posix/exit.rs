//! Process exit (`<stdlib.h>`): `exit`, `_Exit`, `abort`, `atexit`,
//! `__cxa_atexit`, and `__wasm_call_dtors` (called by `_start`).
//!
//! Handlers run in reverse order of registration; afterwards stdio is
//! flushed through the top half's `__stdio_exit`.

use crate::malloc::realloc;
use crate::wasi;
use core::ffi::{c_int, c_void};
use core::ptr::{self, null_mut};

extern "C" {
    /// Top half: flushes every FILE stream.
    fn __stdio_exit();
}

/// A registered handler: `f(arg)`; plain `atexit` handlers take no argument.
#[derive(Clone, Copy)]
struct Handler {
    f: unsafe extern "C" fn(*mut c_void),
    arg: *mut c_void,
}

struct Handlers {
    items: *mut Handler,
    len: usize,
    cap: usize,
}

static mut HANDLERS: Handlers = Handlers { items: null_mut(), len: 0, cap: 0 };
static mut QUICK: Handlers = Handlers { items: null_mut(), len: 0, cap: 0 };

unsafe fn push(list: *mut Handlers, h: Handler) -> c_int {
    let list = &mut *list;
    if list.len == list.cap {
        let cap = if list.cap == 0 { 32 } else { list.cap * 2 };
        let p = realloc(list.items as *mut c_void, cap * core::mem::size_of::<Handler>());
        if p.is_null() {
            return -1;
        }
        list.items = p as *mut Handler;
        list.cap = cap;
    }
    *list.items.add(list.len) = h;
    list.len += 1;
    0
}

/// Runs and removes handlers newest first (a handler may register more).
unsafe fn run(list: *mut Handlers) {
    loop {
        let l = &mut *list;
        if l.len == 0 {
            break;
        }
        l.len -= 1;
        let h = *l.items.add(l.len);
        (h.f)(h.arg);
    }
}

unsafe extern "C" fn call_noarg(arg: *mut c_void) {
    let f: extern "C" fn() = core::mem::transmute(arg);
    f();
}

/// `atexit`: registers `f` to run at `exit`.
#[no_mangle]
pub unsafe extern "C" fn atexit(f: extern "C" fn()) -> c_int {
    push(ptr::addr_of_mut!(HANDLERS), Handler { f: call_noarg, arg: f as *mut c_void })
}

/// `__cxa_atexit`: registers a C++ destructor (`dso` is ignored).
#[no_mangle]
pub unsafe extern "C" fn __cxa_atexit(
    f: unsafe extern "C" fn(*mut c_void),
    arg: *mut c_void,
    _dso: *mut c_void,
) -> c_int {
    push(ptr::addr_of_mut!(HANDLERS), Handler { f, arg })
}

/// `at_quick_exit`: registers `f` to run at `quick_exit`.
#[no_mangle]
pub unsafe extern "C" fn at_quick_exit(f: extern "C" fn()) -> c_int {
    push(ptr::addr_of_mut!(QUICK), Handler { f: call_noarg, arg: f as *mut c_void })
}

/// `__funcs_on_exit` (musl internal): runs the atexit handlers.
#[no_mangle]
pub unsafe extern "C" fn __funcs_on_exit() {
    run(ptr::addr_of_mut!(HANDLERS));
}

/// `__wasm_call_dtors`: atexit handlers, then stdio flush.
#[no_mangle]
pub unsafe extern "C" fn __wasm_call_dtors() {
    __funcs_on_exit();
    __stdio_exit();
}

/// `exit`: runs handlers, flushes stdio, exits with `status`.
#[no_mangle]
pub unsafe extern "C" fn exit(status: c_int) -> ! {
    __wasm_call_dtors();
    _Exit(status)
}

/// `_Exit`: exits at once.
#[no_mangle]
pub extern "C" fn _Exit(status: c_int) -> ! {
    wasi::proc_exit(status as u32)
}

/// `_exit` (unistd): exits at once.
#[no_mangle]
pub extern "C" fn _exit(status: c_int) -> ! {
    _Exit(status)
}

/// Runs the at_quick_exit handlers.
pub unsafe fn run_quick() {
    run(ptr::addr_of_mut!(QUICK));
}

/// `quick_exit`: runs the at_quick_exit handlers and exits.
#[no_mangle]
pub unsafe extern "C" fn quick_exit(status: c_int) -> ! {
    run_quick();
    _Exit(status)
}

/// Traps (wasi-libc's `abort` is `__builtin_trap()`).
pub fn abort_now() -> ! {
    core::arch::wasm32::unreachable()
}

/// `abort`: abnormal termination (a wasm trap).
#[no_mangle]
pub extern "C" fn abort() -> ! {
    abort_now()
}

/// Writes byte strings to fd 2 (errors ignored).
fn write_stderr(parts: &[&[u8]]) {
    for p in parts {
        let iov = wasi::Iovec { buf: p.as_ptr() as *mut u8, buf_len: p.len() };
        let _ = unsafe { wasi::fd_write(2, &iov, 1) };
    }
}

/// `__assert_fail` (behind `assert`): "Assertion failed: expr (file: func:
/// line)" on stderr, then `abort`, as musl.
#[no_mangle]
pub unsafe extern "C" fn __assert_fail(
    expr: *const core::ffi::c_char,
    file: *const core::ffi::c_char,
    line: c_int,
    func: *const core::ffi::c_char,
) -> ! {
    let mut num = [0u8; 12];
    let mut n = 0;
    let mut v = i64::from(line);
    let neg = v < 0;
    v = v.abs();
    loop {
        num[num.len() - 1 - n] = b'0' + (v % 10) as u8;
        n += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    if neg {
        num[num.len() - 1 - n] = b'-';
        n += 1;
    }
    let s = |p: *const core::ffi::c_char| if p.is_null() { &b"(null)"[..] } else { crate::cstr::bytes(p) };
    write_stderr(&[
        b"Assertion failed: ",
        s(expr),
        b" (",
        s(file),
        b": ",
        s(func),
        b": ",
        &num[num.len() - n..],
        b")\n",
    ]);
    abort()
}
