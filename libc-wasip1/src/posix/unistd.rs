//! Descriptor I/O and process facts from `<unistd.h>` (plus `<sys/uio.h>`):
//! read/write and vectored/positioned variants, lseek, close, isatty, sync,
//! ftruncate, sysconf, sleep.

use crate::errno::{ret0, ret_size, set_errno};
use crate::wasi::{self, Iovec, EBADF, EINVAL, ENOTCAPABLE, ENOTTY, ESPIPE};
use core::ffi::{c_int, c_long, c_uint, c_void};

/// C `off_t` (64-bit on wasm32).
pub type OffT = i64;

/// Maps ENOTCAPABLE to EBADF, as wasi-libc's read/write do.
fn badf(e: wasi::Errno) -> wasi::Errno {
    if e == ENOTCAPABLE {
        EBADF
    } else {
        e
    }
}

/// For positioned I/O: ENOTCAPABLE becomes EBADF when the descriptor lacks
/// `right`, else ESPIPE (it is not seekable).
fn positioned_err(fd: c_int, e: wasi::Errno, right: u64) -> wasi::Errno {
    if e != ENOTCAPABLE {
        return e;
    }
    match wasi::fd_fdstat_get(fd as u32) {
        Ok(st) if st.fs_rights_base & right == 0 => EBADF,
        Ok(_) => ESPIPE,
        Err(_) => e,
    }
}

/// `read`.
#[no_mangle]
pub unsafe extern "C" fn read(fd: c_int, buf: *mut c_void, n: usize) -> isize {
    let iov = Iovec { buf: buf as *mut u8, buf_len: n };
    ret_size(wasi::fd_read(fd as u32, &iov, 1).map_err(badf))
}

/// `write`.
#[no_mangle]
pub unsafe extern "C" fn write(fd: c_int, buf: *const c_void, n: usize) -> isize {
    let iov = Iovec { buf: buf as *mut u8, buf_len: n };
    ret_size(wasi::fd_write(fd as u32, &iov, 1).map_err(badf))
}

/// `readv`.
#[no_mangle]
pub unsafe extern "C" fn readv(fd: c_int, iov: *const Iovec, iovcnt: c_int) -> isize {
    if iovcnt < 0 {
        set_errno(EINVAL);
        return -1;
    }
    ret_size(wasi::fd_read(fd as u32, iov, iovcnt as usize).map_err(badf))
}

/// `writev`.
#[no_mangle]
pub unsafe extern "C" fn writev(fd: c_int, iov: *const Iovec, iovcnt: c_int) -> isize {
    if iovcnt < 0 {
        set_errno(EINVAL);
        return -1;
    }
    ret_size(wasi::fd_write(fd as u32, iov, iovcnt as usize).map_err(badf))
}

/// `pread`.
#[no_mangle]
pub unsafe extern "C" fn pread(fd: c_int, buf: *mut c_void, n: usize, offset: OffT) -> isize {
    preadv(fd, &Iovec { buf: buf as *mut u8, buf_len: n }, 1, offset)
}

/// `pwrite`.
#[no_mangle]
pub unsafe extern "C" fn pwrite(fd: c_int, buf: *const c_void, n: usize, offset: OffT) -> isize {
    pwritev(fd, &Iovec { buf: buf as *mut u8, buf_len: n }, 1, offset)
}

/// `preadv`.
#[no_mangle]
pub unsafe extern "C" fn preadv(fd: c_int, iov: *const Iovec, iovcnt: c_int, offset: OffT) -> isize {
    if iovcnt < 0 || offset < 0 {
        set_errno(EINVAL);
        return -1;
    }
    ret_size(
        wasi::fd_pread(fd as u32, iov, iovcnt as usize, offset as u64)
            .map_err(|e| positioned_err(fd, e, wasi::RIGHTS_FD_READ)),
    )
}

/// `pwritev`.
#[no_mangle]
pub unsafe extern "C" fn pwritev(fd: c_int, iov: *const Iovec, iovcnt: c_int, offset: OffT) -> isize {
    if iovcnt < 0 || offset < 0 {
        set_errno(EINVAL);
        return -1;
    }
    ret_size(
        wasi::fd_pwrite(fd as u32, iov, iovcnt as usize, offset as u64)
            .map_err(|e| positioned_err(fd, e, wasi::RIGHTS_FD_WRITE)),
    )
}

/// `lseek`: SEEK_SET/CUR/END are WASI's whence values 0/1/2; like
/// wasi-libc, other values go to the host unchecked.
#[no_mangle]
pub unsafe extern "C" fn lseek(fd: c_int, offset: OffT, whence: c_int) -> OffT {
    match wasi::fd_seek(fd as u32, offset, whence as u8) {
        Ok(n) => n as OffT,
        Err(e) => {
            set_errno(if e == ENOTCAPABLE { ESPIPE } else { e });
            -1
        }
    }
}

/// `__wasilibc_tell`: current offset (`lseek(fd, 0, SEEK_CUR)`).
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_tell(fd: c_int) -> OffT {
    match wasi::fd_tell(fd as u32) {
        Ok(n) => n as OffT,
        Err(e) => {
            set_errno(if e == ENOTCAPABLE { ESPIPE } else { e });
            -1
        }
    }
}

/// `close`.
#[no_mangle]
pub unsafe extern "C" fn close(fd: c_int) -> c_int {
    ret0(wasi::fd_close(fd as u32))
}

/// `posix_close`: `close` (flag ignored, no EINTR on WASI).
#[no_mangle]
pub unsafe extern "C" fn posix_close(fd: c_int, _flags: c_int) -> c_int {
    close(fd)
}

/// `__wasilibc_fd_renumber`: moves descriptor `fd` to number `newfd`.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_fd_renumber(fd: c_int, newfd: c_int) -> c_int {
    ret0(wasi::fd_renumber(fd as u32, newfd as u32))
}

/// `isatty`: a character device without seek/tell rights.
#[no_mangle]
pub unsafe extern "C" fn isatty(fd: c_int) -> c_int {
    match wasi::fd_fdstat_get(fd as u32) {
        Err(e) => {
            set_errno(e);
            0
        }
        Ok(st) => {
            if st.fs_filetype != wasi::FILETYPE_CHARACTER_DEVICE
                || st.fs_rights_base & (wasi::RIGHTS_FD_SEEK | wasi::RIGHTS_FD_TELL) != 0
            {
                set_errno(ENOTTY);
                0
            } else {
                1
            }
        }
    }
}

/// ENOTCAPABLE becomes EINVAL (as wasi-libc's fsync/fdatasync).
fn inval(e: wasi::Errno) -> wasi::Errno {
    if e == ENOTCAPABLE {
        EINVAL
    } else {
        e
    }
}

/// `fsync`.
#[no_mangle]
pub unsafe extern "C" fn fsync(fd: c_int) -> c_int {
    ret0(wasi::fd_sync(fd as u32).map_err(inval))
}

/// `fdatasync`.
#[no_mangle]
pub unsafe extern "C" fn fdatasync(fd: c_int) -> c_int {
    ret0(wasi::fd_datasync(fd as u32).map_err(inval))
}

/// `ftruncate`.
#[no_mangle]
pub unsafe extern "C" fn ftruncate(fd: c_int, length: OffT) -> c_int {
    if length < 0 {
        set_errno(EINVAL);
        return -1;
    }
    ret0(wasi::fd_filestat_set_size(fd as u32, length as u64))
}

/// `getpagesize`: the wasm page size.
#[no_mangle]
pub extern "C" fn getpagesize() -> c_int {
    65536
}

/// `sleep`: whole seconds; returns 0 (or the seconds left on error).
#[no_mangle]
pub unsafe extern "C" fn sleep(seconds: c_uint) -> c_uint {
    let ts = super::time::Timespec { tv_sec: seconds as i64, tv_nsec: 0 };
    if super::time::nanosleep(&ts, core::ptr::null_mut()) != 0 {
        return seconds;
    }
    0
}

/// `usleep`: microseconds.
#[no_mangle]
pub unsafe extern "C" fn usleep(usec: c_uint) -> c_int {
    let ts = super::time::Timespec {
        tv_sec: (usec / 1_000_000) as i64,
        tv_nsec: ((usec % 1_000_000) * 1000) as c_long,
    };
    super::time::nanosleep(&ts, core::ptr::null_mut())
}
