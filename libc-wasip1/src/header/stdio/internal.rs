//! musl's internal stdio entry points that wasi-libc exports. Nothing in C
//! headers declares them; they exist so that objects built against musl's
//! internals still link.

use super::file::{self, File};
use crate::header::ext::oflags::*;
use core::ffi::{c_char, c_int};

/// C `__stdio_read`: reads through the stream's buffer.
#[no_mangle]
pub unsafe extern "C" fn __stdio_read(f: *mut File, buf: *mut u8, len: usize) -> usize {
    file::read_bytes(f, buf, len)
}

/// C `__stdio_write`: writes through the stream's buffer.
#[no_mangle]
pub unsafe extern "C" fn __stdio_write(f: *mut File, buf: *const u8, len: usize) -> usize {
    file::write_bytes(f, buf, len)
}

/// C `__stdout_write`.
#[no_mangle]
pub unsafe extern "C" fn __stdout_write(f: *mut File, buf: *const u8, len: usize) -> usize {
    file::write_bytes(f, buf, len)
}

/// C `__fwritex`.
#[no_mangle]
pub unsafe extern "C" fn __fwritex(s: *const u8, len: usize, f: *mut File) -> usize {
    file::write_bytes(f, s, len)
}

/// C `__stdio_seek`: the backend seek.
#[no_mangle]
pub unsafe extern "C" fn __stdio_seek(f: *mut File, off: i64, whence: c_int) -> i64 {
    ((*f).ops.seek)(f, off, whence)
}

/// C `__stdio_close`: the backend close.
#[no_mangle]
pub unsafe extern "C" fn __stdio_close(f: *mut File) -> c_int {
    ((*f).ops.close)(f)
}

/// C `__fmodeflags`: `open` flags for an `fopen` mode string.
#[no_mangle]
pub unsafe extern "C" fn __fmodeflags(mode: *const c_char) -> c_int {
    match super::stream::parse_mode(mode) {
        Some((fl, _)) => fl,
        None => O_RDONLY,
    }
}

/// C `__stdio_exit_needed`.
#[no_mangle]
pub unsafe extern "C" fn __stdio_exit_needed() {
    file::__stdio_exit()
}

/// C `__toread_needs_stdio_exit` (a link-time marker in musl).
#[no_mangle]
pub extern "C" fn __toread_needs_stdio_exit() {}

/// C `__towrite_needs_stdio_exit` (a link-time marker in musl).
#[no_mangle]
pub extern "C" fn __towrite_needs_stdio_exit() {}

/// `O_CLOEXEC` is 0 in WASI; musl's `__fopen_rb_ca` opens `O_RDONLY|O_CLOEXEC`.
const O_RDONLY_CLOEXEC: c_int = O_RDONLY;

/// C `__fopen_rb_ca`: opens `filename` read-only into the caller-allocated
/// stream `f` (at least `sizeof(FILE)` of musl, 112 bytes, which is more
/// than ours needs) using the caller's buffer `buf` of `len` bytes, of
/// which the first `UNGET` are push-back room. The stream is not on the
/// open-file list; close it with `__fclose_ca`. Null if the open fails
/// (errno set) or the buffer is too small for the push-back room.
#[no_mangle]
pub unsafe extern "C" fn __fopen_rb_ca(filename: *const c_char, f: *mut File, buf: *mut u8, len: usize) -> *mut File {
    if f.is_null() || buf.is_null() || len <= file::UNGET {
        crate::header::ext::set_errno(crate::header::ext::errno::EINVAL);
        return core::ptr::null_mut();
    }
    let fd = crate::header::ext::open(filename, O_RDONLY_CLOEXEC, core::ptr::null());
    if fd < 0 {
        return core::ptr::null_mut();
    }
    f.write(File::new(fd, file::F_NOWR, buf.add(file::UNGET), len - file::UNGET, file::EOF));
    f
}

/// C `__fclose_ca`: closes a stream opened by `__fopen_rb_ca` (its backend
/// only: the memory is the caller's).
#[no_mangle]
pub unsafe extern "C" fn __fclose_ca(f: *mut File) -> c_int {
    ((*f).ops.close)(f)
}

/// C `__lockfile` (musl's stream lock, taken by every stdio call): with
/// one thread, and `flockfile` keeping no state here, the lock is always
/// free: returns 1 ("taken, release it with `__unlockfile`").
#[no_mangle]
pub extern "C" fn __lockfile(_f: *mut File) -> c_int {
    1
}

/// C `__unlockfile`: releases what `__lockfile` took (nothing to do).
#[no_mangle]
pub extern "C" fn __unlockfile(_f: *mut File) {}

/// C `__register_locked_file` (musl: records a stream locked by
/// `flockfile` on the thread's list, to be released if the thread
/// exits): streams keep no lock state here, so there is nothing to record.
#[no_mangle]
pub extern "C" fn __register_locked_file(_f: *mut File, _self: *mut core::ffi::c_void) {}

/// C `__do_orphaned_stdio_locks` (musl: releases the stream locks of an
/// exiting thread): the only thread never exits that way.
#[no_mangle]
pub extern "C" fn __do_orphaned_stdio_locks() {}
