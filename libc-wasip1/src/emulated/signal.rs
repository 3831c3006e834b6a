//! `libwasi-emulated-signal.a`: `signal`, `raise`, `strsignal`, `psignal`
//! for programs built with `-D_WASI_EMULATED_SIGNAL
//! -lwasi-emulated-signal`, behaving as wasi-libc's emulation: handlers
//! only run through `raise`; a signal whose default action is to end the
//! program prints a message (wasi-libc's wording, typo included) to stderr
//! and traps like `abort`.
#![no_std]
#![allow(non_upper_case_globals, clippy::missing_safety_doc)]

#[link(wasm_import_module = "wasi_snapshot_preview1")]
extern "C" {
    fn fd_write(fd: i32, iovs: i32, iovs_len: i32, nwritten: i32) -> i32;
}

extern "C" {
    static mut errno: i32;
    fn abort() -> !;
}

/// `_NSIG`.
const NSIG: i32 = 65;
const EINVAL: i32 = 28;
const SIGKILL: i32 = 9;
const SIGSTOP: i32 = 19;

/// A handler as C sees it (`0` is SIG_DFL).
type Handler = usize;

/// `SIG_IGN` is this function's address.
#[no_mangle]
pub extern "C" fn __SIG_IGN(_sig: i32) {}

/// `SIG_ERR` is this function's address; calling it traps.
#[no_mangle]
pub extern "C" fn __SIG_ERR(_sig: i32) {
    core::arch::wasm32::unreachable()
}

/// Installed handlers by signal number.
static mut HANDLERS: [Handler; NSIG as usize] = [0; NSIG as usize];

/// Writes byte strings to stderr (errors ignored).
fn stderr(parts: &[&[u8]]) {
    for p in parts {
        let iov = [p.as_ptr() as usize as u32, p.len() as u32];
        let mut n = 0usize;
        unsafe { fd_write(2, iov.as_ptr() as usize as i32, 1, &mut n as *mut usize as usize as i32) };
    }
}

/// The names of signals 0..=64, as musl's `strsignal`.
const NAMES: [&str; 32] = [
    "Unknown signal",
    "Hangup",
    "Interrupt",
    "Quit",
    "Illegal instruction",
    "Trace/breakpoint trap",
    "Aborted",
    "Bus error",
    "Arithmetic exception",
    "Killed",
    "User defined signal 1",
    "Segmentation fault",
    "User defined signal 2",
    "Broken pipe",
    "Alarm clock",
    "Terminated",
    "Stack fault",
    "Child process status",
    "Continued",
    "Stopped (signal)",
    "Stopped",
    "Stopped (tty input)",
    "Stopped (tty output)",
    "Urgent I/O condition",
    "CPU time limit exceeded",
    "File size limit exceeded",
    "Virtual timer expired",
    "Profiling timer expired",
    "Window changed",
    "I/O possible",
    "Power failure",
    "Bad system call",
];

/// NUL-terminated names: the table above plus "RT32".."RT64".
static mut NAME_BUF: [u8; 64] = [0; 64];

/// `strsignal`: the signal's description (a static string).
#[no_mangle]
pub unsafe extern "C" fn strsignal(sig: i32) -> *mut u8 {
    let buf = &mut *core::ptr::addr_of_mut!(NAME_BUF);
    let mut len = 0;
    if (32..NSIG).contains(&sig) {
        buf[..2].copy_from_slice(b"RT");
        buf[2] = b'0' + (sig / 10) as u8;
        buf[3] = b'0' + (sig % 10) as u8;
        len = 4;
    } else {
        let name = usize::try_from(sig).ok().and_then(|i| NAMES.get(i)).copied().unwrap_or(NAMES[0]);
        for (dst, src) in buf.iter_mut().zip(name.as_bytes()) {
            *dst = *src;
            len += 1;
        }
    }
    if let Some(end) = buf.get_mut(len) {
        *end = 0;
    }
    buf.as_mut_ptr()
}

/// `strsignal` as a byte slice (without the NUL).
unsafe fn name(sig: i32) -> &'static [u8] {
    let p = strsignal(sig);
    let mut n = 0;
    while *p.add(n) != 0 {
        n += 1;
    }
    core::slice::from_raw_parts(p, n)
}

/// `psignal`: "msg: name\n" (or "name\n") on stderr.
#[no_mangle]
pub unsafe extern "C" fn psignal(sig: i32, msg: *const u8) {
    let saved = errno;
    let s = name(sig);
    if msg.is_null() || *msg == 0 {
        stderr(&[s, b"\n"]);
    } else {
        let mut n = 0;
        while *msg.add(n) != 0 {
            n += 1;
        }
        stderr(&[core::slice::from_raw_parts(msg, n), b": ", s, b"\n"]);
    }
    errno = saved;
}

/// What a signal does when its handler is SIG_DFL.
enum Default {
    Core,
    Ignore,
    Continue,
    Stop,
    Terminate,
}

fn default_action(sig: i32) -> Default {
    match sig {
        3 | 4 | 5 | 6 | 7 | 8 | 11 | 24 | 25 | 31 => Default::Core,
        17 | 23 | 28 => Default::Ignore,
        18 => Default::Continue,
        19..=22 => Default::Stop,
        _ => Default::Terminate,
    }
}

/// Prints wasi-libc's message for a fatal default action and traps.
unsafe fn die(kind: &[u8], sig: i32) -> ! {
    stderr(&[b"Program recieved ", kind, b" signal: ", name(sig), b"\n"]);
    abort()
}

/// `raise`: runs the handler (or the default action) now.
#[no_mangle]
pub unsafe extern "C" fn raise(sig: i32) -> i32 {
    if !(0..NSIG).contains(&sig) {
        errno = EINVAL;
        return -1;
    }
    let h = (*core::ptr::addr_of!(HANDLERS)).get(sig as usize).copied().unwrap_or(0);
    if h == 0 {
        match default_action(sig) {
            Default::Core => die(b"fatal", sig),
            Default::Stop => die(b"stop", sig),
            Default::Terminate => die(b"termination", sig),
            Default::Ignore | Default::Continue => {}
        }
    } else {
        let f: extern "C" fn(i32) = core::mem::transmute(h);
        f(sig);
    }
    0
}

/// `signal`: installs `func`, returns the previous handler (SIG_ERR and
/// EINVAL for a bad number, SIGKILL or SIGSTOP).
#[no_mangle]
pub unsafe extern "C" fn signal(sig: i32, func: Handler) -> Handler {
    if !(0..NSIG).contains(&sig) || sig == SIGKILL || sig == SIGSTOP {
        errno = EINVAL;
        return __SIG_ERR as *const () as usize;
    }
    let handlers = &mut *core::ptr::addr_of_mut!(HANDLERS);
    match handlers.get_mut(sig as usize) {
        Some(slot) => core::mem::replace(slot, func),
        None => __SIG_ERR as *const () as usize,
    }
}

/// `bsd_signal`: `signal`.
#[no_mangle]
pub unsafe extern "C" fn bsd_signal(sig: i32, func: Handler) -> Handler {
    signal(sig, func)
}

/// `__sysv_signal`: `signal`.
#[no_mangle]
pub unsafe extern "C" fn __sysv_signal(sig: i32, func: Handler) -> Handler {
    signal(sig, func)
}
