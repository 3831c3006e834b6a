//! `<sys/socket.h>`: the socket calls WASI preview1 supports on
//! descriptors the host hands over (accept, recv, send, shutdown,
//! getsockopt(SO_TYPE)), as wasi-libc.

use crate::errno::set_errno;
use crate::wasi::{self, Iovec, EINVAL};
use core::ffi::{c_int, c_void};

pub(crate) const SOCK_NONBLOCK: c_int = 0x4000;
pub(crate) const SOCK_CLOEXEC: c_int = 0x2000;
pub(crate) const SOL_SOCKET: c_int = 0x7fff_ffff;
pub(crate) const SO_TYPE: c_int = 3;
pub(crate) const MSG_PEEK: c_int = 1;
pub(crate) const MSG_WAITALL: c_int = 2;
pub(crate) const ENOPROTOOPT: wasi::Errno = 50;
pub(crate) const ENOTSOCK: wasi::Errno = 57;
pub(crate) const EOPNOTSUPP: wasi::Errno = wasi::ENOTSUP;

/// `accept4`: the peer address is not reported (WASI has none).
#[no_mangle]
pub unsafe extern "C" fn accept4(fd: c_int, _addr: *mut c_void, _len: *mut u32, flags: c_int) -> c_int {
    if flags & !(SOCK_NONBLOCK | SOCK_CLOEXEC) != 0 {
        set_errno(EINVAL);
        return -1;
    }
    let fdflags = if flags & SOCK_NONBLOCK != 0 { wasi::FDFLAGS_NONBLOCK } else { 0 };
    match wasi::sock_accept(fd as u32, fdflags) {
        Ok(n) => n as c_int,
        Err(e) => {
            set_errno(e);
            -1
        }
    }
}

/// `accept`.
#[no_mangle]
pub unsafe extern "C" fn accept(fd: c_int, addr: *mut c_void, len: *mut u32) -> c_int {
    accept4(fd, addr, len, 0)
}

/// `recv`: only MSG_PEEK and MSG_WAITALL are supported.
#[no_mangle]
pub unsafe extern "C" fn recv(fd: c_int, buf: *mut c_void, len: usize, flags: c_int) -> isize {
    if flags & !(MSG_PEEK | MSG_WAITALL) != 0 {
        set_errno(EOPNOTSUPP);
        return -1;
    }
    let iov = Iovec { buf: buf as *mut u8, buf_len: len };
    match wasi::sock_recv(fd as u32, &iov, 1, flags as u16) {
        Ok((n, _)) => n as isize,
        Err(e) => {
            set_errno(e);
            -1
        }
    }
}

/// `send`: no flags are supported.
#[no_mangle]
pub unsafe extern "C" fn send(fd: c_int, buf: *const c_void, len: usize, flags: c_int) -> isize {
    if flags != 0 {
        set_errno(EOPNOTSUPP);
        return -1;
    }
    let iov = Iovec { buf: buf as *mut u8, buf_len: len };
    match wasi::sock_send(fd as u32, &iov, 1, 0) {
        Ok(n) => n as isize,
        Err(e) => {
            set_errno(e);
            -1
        }
    }
}

/// `shutdown`: SHUT_RD (1), SHUT_WR (2), SHUT_RDWR (3).
#[no_mangle]
pub unsafe extern "C" fn shutdown(fd: c_int, how: c_int) -> c_int {
    if !(1..=3).contains(&how) {
        set_errno(EINVAL);
        return -1;
    }
    match wasi::sock_shutdown(fd as u32, how as u8) {
        Ok(()) => 0,
        Err(e) => {
            set_errno(e);
            -1
        }
    }
}

/// `getsockopt`: only `SOL_SOCKET`/`SO_TYPE`.
#[no_mangle]
pub unsafe extern "C" fn getsockopt(
    fd: c_int,
    level: c_int,
    name: c_int,
    val: *mut c_void,
    len: *mut u32,
) -> c_int {
    if level != SOL_SOCKET || name != SO_TYPE {
        set_errno(ENOPROTOOPT);
        return -1;
    }
    let st = match wasi::fd_fdstat_get(fd as u32) {
        Ok(st) => st,
        Err(e) => {
            set_errno(e);
            return -1;
        }
    };
    // As wasi-libc: "not a socket" is reported before a short buffer.
    let value = match st.fs_filetype {
        wasi::FILETYPE_SOCKET_DGRAM | wasi::FILETYPE_SOCKET_STREAM => st.fs_filetype as c_int,
        _ => {
            set_errno(ENOTSOCK);
            return -1;
        }
    };
    if (*len as usize) < core::mem::size_of::<c_int>() {
        set_errno(EINVAL);
        return -1;
    }
    core::ptr::write_unaligned(val as *mut c_int, value);
    *len = core::mem::size_of::<c_int>() as u32;
    0
}
