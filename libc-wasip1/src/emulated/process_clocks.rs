//! `libwasi-emulated-process-clocks.a`: `clock`, `times`, `getrusage` for
//! programs built with `-D_WASI_EMULATED_PROCESS_CLOCKS
//! -lwasi-emulated-process-clocks`. As in wasi-libc, process time is
//! CLOCK_MONOTONIC time since start-up (WASI has no CPU-time clock), in
//! nanoseconds (`CLOCKS_PER_SEC` is 10^9).
#![no_std]
#![allow(non_upper_case_globals, clippy::missing_safety_doc)]

#[link(wasm_import_module = "wasi_snapshot_preview1")]
extern "C" {
    fn clock_time_get(id: i32, precision: i64, time: i32) -> i32;
}

extern "C" {
    static mut errno: i32;
}

const MONOTONIC: i32 = 1;
const EINVAL: i32 = 28;

/// Monotonic time now (0 if the host fails, as wasi-libc ignores errors).
fn now() -> u64 {
    let mut t: u64 = 0;
    unsafe { clock_time_get(MONOTONIC, 0, &mut t as *mut u64 as usize as i32) };
    t
}

/// Monotonic time at start-up.
static mut START: u64 = 0;

extern "C" fn init() {
    unsafe { START = now() }
}

#[used]
#[link_section = ".init_array"]
static INIT: extern "C" fn() = init;

/// `__clock`: nanoseconds since start-up.
#[no_mangle]
pub unsafe extern "C" fn __clock() -> i64 {
    now().wrapping_sub(START) as i64
}

/// `clock`.
#[no_mangle]
pub unsafe extern "C" fn clock() -> i64 {
    __clock()
}

/// `struct tms`.
#[repr(C)]
pub struct Tms {
    pub tms_utime: i64,
    pub tms_stime: i64,
    pub tms_cutime: i64,
    pub tms_cstime: i64,
}

/// `times`: user time = `clock()`; returns monotonic time.
#[no_mangle]
pub unsafe extern "C" fn times(buf: *mut Tms) -> i64 {
    let user = __clock();
    core::ptr::write(buf, Tms { tms_utime: user, tms_stime: 0, tms_cutime: user, tms_cstime: 0 });
    now() as i64
}

/// `struct timeval`.
#[repr(C)]
pub struct Timeval {
    pub tv_sec: i64,
    pub tv_usec: i64,
}

/// `getrusage`: RUSAGE_SELF (1) reports `clock()` as user time,
/// RUSAGE_CHILDREN (2) zero; only `ru_utime`/`ru_stime` are written.
#[no_mangle]
pub unsafe extern "C" fn getrusage(who: i32, usage: *mut [Timeval; 2]) -> i32 {
    match who {
        1 => {
            let t = __clock() as u64;
            let sec = t / 1_000_000_000;
            let usec = (t - sec * 1_000_000_000) / 1000;
            core::ptr::write(
                usage,
                [Timeval { tv_sec: sec as i64, tv_usec: usec as i64 }, Timeval { tv_sec: 0, tv_usec: 0 }],
            );
            0
        }
        2 => {
            core::ptr::write(usage, [Timeval { tv_sec: 0, tv_usec: 0 }, Timeval { tv_sec: 0, tv_usec: 0 }]);
            0
        }
        _ => {
            errno = EINVAL;
            -1
        }
    }
}
