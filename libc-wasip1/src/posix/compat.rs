//! Small POSIX/GNU/C11 entry points over the rest of the bottom half:
//! truncate, utime, futimesat, statvfs (ENOSYS, as wasi-libc), sbrk,
//! get_nprocs, C11 `thrd_*` for the one thread, stack
//! protector hooks, and musl's internal aliases (`__lseek`, `__isatty` ...).

use super::fcntl::{__wasilibc_open_nomode, O_WRONLY};
use super::sys_stat::utimensat;
use super::time::{Timespec, Timeval};
use crate::errno::set_errno;
use crate::wasi::{ENOMEM, ENOSYS};
use core::ffi::{c_char, c_int, c_void};

/// `truncate`: opens for writing and sets the size.
#[no_mangle]
pub unsafe extern "C" fn truncate(path: *const c_char, length: i64) -> c_int {
    let fd = __wasilibc_open_nomode(path, O_WRONLY);
    if fd < 0 {
        return -1;
    }
    let r = super::unistd::ftruncate(fd, length);
    super::unistd::close(fd);
    r
}

/// `struct utimbuf`.
#[repr(C)]
pub struct Utimbuf {
    pub actime: i64,
    pub modtime: i64,
}

/// `utime`: sets both times (NULL: now).
#[no_mangle]
pub unsafe extern "C" fn utime(path: *const c_char, times: *const Utimbuf) -> c_int {
    if times.is_null() {
        return utimensat(super::fcntl::AT_FDCWD, path, core::ptr::null(), 0);
    }
    let ts = [Timespec { tv_sec: (*times).actime, tv_nsec: 0 }, Timespec { tv_sec: (*times).modtime, tv_nsec: 0 }];
    utimensat(super::fcntl::AT_FDCWD, path, ts.as_ptr(), 0)
}

/// `futimesat`: `utimensat` with timevals.
#[no_mangle]
pub unsafe extern "C" fn futimesat(dirfd: c_int, path: *const c_char, tv: *const Timeval) -> c_int {
    if tv.is_null() {
        return utimensat(dirfd, path, core::ptr::null(), 0);
    }
    let t = |v: &Timeval| Timespec { tv_sec: v.tv_sec, tv_nsec: (v.tv_usec * 1000) as _ };
    let ts = [t(&*tv), t(&*tv.add(1))];
    utimensat(dirfd, path, ts.as_ptr(), 0)
}

/// `statvfs`: ENOSYS, as wasi-libc.
#[no_mangle]
pub unsafe extern "C" fn statvfs(_path: *const c_char, _buf: *mut c_void) -> c_int {
    set_errno(ENOSYS);
    -1
}

/// `fstatvfs`: ENOSYS, as wasi-libc.
#[no_mangle]
pub unsafe extern "C" fn fstatvfs(_fd: c_int, _buf: *mut c_void) -> c_int {
    set_errno(ENOSYS);
    -1
}

/// `sbrk`: 0 reports the end of memory; whole pages grow it; anything
/// else traps (as wasi-libc: wasm memory cannot shrink).
#[no_mangle]
pub unsafe extern "C" fn sbrk(increment: isize) -> *mut c_void {
    const PAGE: isize = 65536;
    if increment == 0 {
        return (core::arch::wasm32::memory_size(0) * PAGE as usize) as *mut c_void;
    }
    if increment % PAGE != 0 || increment < 0 {
        super::exit::abort_now();
    }
    let old = core::arch::wasm32::memory_grow(0, (increment / PAGE) as usize);
    if old == usize::MAX {
        set_errno(ENOMEM);
        return usize::MAX as *mut c_void;
    }
    (old * PAGE as usize) as *mut c_void
}

/// `get_nprocs`: one processor.
#[no_mangle]
pub extern "C" fn get_nprocs() -> c_int {
    1
}

/// `get_nprocs_conf`: one processor.
#[no_mangle]
pub extern "C" fn get_nprocs_conf() -> c_int {
    1
}

/// `thrd_current`: the one thread.
#[no_mangle]
pub unsafe extern "C" fn thrd_current() -> *mut c_void {
    super::pthread::pthread_self()
}

/// `thrd_equal`.
#[no_mangle]
pub extern "C" fn thrd_equal(a: *mut c_void, b: *mut c_void) -> c_int {
    c_int::from(a == b)
}

/// `thrd_detach`: thrd_success.
#[no_mangle]
pub extern "C" fn thrd_detach(_t: *mut c_void) -> c_int {
    0
}

/// `thrd_sleep`: 0, -1 (interrupted: never here) or -2 on error.
#[no_mangle]
pub unsafe extern "C" fn thrd_sleep(req: *const Timespec, rem: *mut Timespec) -> c_int {
    match super::time::clock_nanosleep(&super::time::_CLOCK_REALTIME, 0, req, rem) {
        0 => 0,
        _ => -2,
    }
}

/// The stack protector's canary.
#[no_mangle]
pub static mut __stack_chk_guard: usize = 0;

/// `__stack_chk_fail`: a smashed stack traps.
#[no_mangle]
pub extern "C" fn __stack_chk_fail() -> ! {
    super::exit::abort_now()
}

/// `__cxa_finalize`: nothing to do (no shared objects).
#[no_mangle]
pub extern "C" fn __cxa_finalize(_dso: *mut c_void) {}

/// `__funcs_on_quick_exit` (musl internal).
#[no_mangle]
pub unsafe extern "C" fn __funcs_on_quick_exit() {
    super::exit::run_quick();
}

/// `__lseek` (musl internal name of `lseek`).
#[no_mangle]
pub unsafe extern "C" fn __lseek(fd: c_int, offset: i64, whence: c_int) -> i64 {
    super::unistd::lseek(fd, offset, whence)
}

/// `__isatty` (musl internal name of `isatty`).
#[no_mangle]
pub unsafe extern "C" fn __isatty(fd: c_int) -> c_int {
    super::unistd::isatty(fd)
}

/// `__getentropy` (internal name of `getentropy`).
#[no_mangle]
pub unsafe extern "C" fn __getentropy(buf: *mut c_void, len: usize) -> c_int {
    super::random::getentropy(buf, len)
}

/// `__reallocarray`.
#[no_mangle]
pub unsafe extern "C" fn __reallocarray(p: *mut c_void, n: usize, size: usize) -> *mut c_void {
    crate::malloc::reallocarray(p, n, size)
}

/// `__libc_malloc`.
#[no_mangle]
pub unsafe extern "C" fn __libc_malloc(n: usize) -> *mut c_void {
    crate::malloc::malloc(n)
}

/// `__libc_calloc`.
#[no_mangle]
pub unsafe extern "C" fn __libc_calloc(n: usize, size: usize) -> *mut c_void {
    crate::malloc::calloc(n, size)
}

/// `__libc_free`.
#[no_mangle]
pub unsafe extern "C" fn __libc_free(p: *mut c_void) {
    crate::malloc::free(p)
}

/// `creat64` (LFS alias).
#[no_mangle]
pub unsafe extern "C" fn creat64(path: *const c_char, mode: u32) -> c_int {
    super::fcntl::creat(path, mode)
}

/// `alphasort64` (LFS alias).
#[no_mangle]
pub unsafe extern "C" fn alphasort64(
    a: *mut *const super::dirent::CDirent,
    b: *mut *const super::dirent::CDirent,
) -> c_int {
    super::dirent::alphasort(a, b)
}

/// `__progname`: NULL, as in wasi-libc (musl's `__init_libc` does not run).
#[no_mangle]
pub static mut __progname: *mut c_char = core::ptr::null_mut();
/// `__progname_full`: NULL, as in wasi-libc.
#[no_mangle]
pub static mut __progname_full: *mut c_char = core::ptr::null_mut();
/// `program_invocation_name`: NULL, as in wasi-libc.
#[no_mangle]
pub static mut program_invocation_name: *mut c_char = core::ptr::null_mut();
/// `program_invocation_short_name`: NULL, as in wasi-libc.
#[no_mangle]
pub static mut program_invocation_short_name: *mut c_char = core::ptr::null_mut();

extern "C" {
    /// Top half (`<string.h>`).
    fn strverscmp(a: *const c_char, b: *const c_char) -> c_int;
}

/// `versionsort`: orders directory entries with `strverscmp`.
#[no_mangle]
pub unsafe extern "C" fn versionsort(
    a: *mut *const super::dirent::CDirent,
    b: *mut *const super::dirent::CDirent,
) -> c_int {
    // `d_name` follows the 8-byte inode and the type byte.
    strverscmp((*a as *const u8).add(9) as *const c_char, (*b as *const u8).add(9) as *const c_char)
}

/// `versionsort64` (LFS alias).
#[no_mangle]
pub unsafe extern "C" fn versionsort64(
    a: *mut *const super::dirent::CDirent,
    b: *mut *const super::dirent::CDirent,
) -> c_int {
    versionsort(a, b)
}

/// `gethostid`: 0, as musl.
#[no_mangle]
pub extern "C" fn gethostid() -> core::ffi::c_long {
    0
}

/// `get_phys_pages`: `sysconf(_SC_PHYS_PAGES)`.
#[no_mangle]
pub unsafe extern "C" fn get_phys_pages() -> core::ffi::c_long {
    super::conf::sysconf(85)
}

/// `get_avphys_pages`: `sysconf(_SC_AVPHYS_PAGES)`.
#[no_mangle]
pub unsafe extern "C" fn get_avphys_pages() -> core::ffi::c_long {
    super::conf::sysconf(86)
}
