//! `<fcntl.h>`: open/openat/fcntl, `posix_fadvise`, `posix_fallocate`.
//!
//! Open flags are wasi-libc's encoding: the low 12 bits are WASI fdflags,
//! bits 12..24 WASI oflags, and the access mode uses high bits
//! (`O_RDONLY` 0x04000000, `O_WRONLY` 0x10000000, ...). The mode argument is
//! ignored (WASI has no permissions).

use crate::errno::{ret0, set_errno};
use crate::preopens;
use crate::wasi::{self, EINVAL, ENOTCAPABLE, ENOTDIR};
use core::ffi::{c_char, c_int};

pub const O_NOFOLLOW: c_int = 0x0100_0000;
pub const O_EXEC: c_int = 0x0200_0000;
pub const O_RDONLY: c_int = 0x0400_0000;
pub const O_SEARCH: c_int = 0x0800_0000;
pub const O_WRONLY: c_int = 0x1000_0000;
pub const O_RDWR: c_int = O_RDONLY | O_WRONLY;
pub const O_ACCMODE: c_int = O_EXEC | O_RDWR | O_SEARCH;
pub const O_DIRECTORY: c_int = (wasi::OFLAGS_DIRECTORY as c_int) << 12;
pub const AT_FDCWD: c_int = -2;
pub const AT_SYMLINK_NOFOLLOW: c_int = 0x1;
pub const AT_SYMLINK_FOLLOW: c_int = 0x2;
pub const AT_REMOVEDIR: c_int = 0x4;

/// Whether an `*at` call resolves `path` through the cwd and the preopens
/// rather than relative to `fd`: for `AT_FDCWD` and, as in wasi-libc, for
/// every absolute path whatever `fd` is.
#[inline]
pub(crate) unsafe fn uses_cwd(fd: c_int, path: *const c_char) -> bool {
    fd == AT_FDCWD || (!path.is_null() && *path == b'/' as c_char)
}

pub(crate) const F_GETFD: c_int = 1;
pub(crate) const F_SETFD: c_int = 2;
pub(crate) const F_GETFL: c_int = 3;
pub(crate) const F_SETFL: c_int = 4;
pub(crate) const FD_CLOEXEC: c_int = 1;

/// ENOTCAPABLE on a non-directory base descriptor becomes ENOTDIR.
pub fn fixup_directory(fd: u32, e: wasi::Errno) -> wasi::Errno {
    if e == ENOTCAPABLE {
        if let Ok(st) = wasi::fd_fdstat_get(fd) {
            if st.fs_filetype != wasi::FILETYPE_DIRECTORY {
                return ENOTDIR;
            }
        }
    }
    e
}

/// `__wasilibc_nocwd_openat_nomode`: `openat` without cwd or mode.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_nocwd_openat_nomode(fd: c_int, path: *const c_char, oflag: c_int) -> c_int {
    let mut max: u64 = !(wasi::RIGHTS_FD_DATASYNC
        | wasi::RIGHTS_FD_READ
        | wasi::RIGHTS_FD_WRITE
        | wasi::RIGHTS_FD_ALLOCATE
        | wasi::RIGHTS_FD_READDIR
        | wasi::RIGHTS_FD_FILESTAT_SET_SIZE);
    match oflag & O_ACCMODE {
        O_RDONLY | O_RDWR | O_WRONLY => {
            if oflag & O_RDONLY != 0 {
                max |= wasi::RIGHTS_FD_READ | wasi::RIGHTS_FD_READDIR;
            }
            if oflag & O_WRONLY != 0 {
                max |= wasi::RIGHTS_FD_DATASYNC
                    | wasi::RIGHTS_FD_WRITE
                    | wasi::RIGHTS_FD_ALLOCATE
                    | wasi::RIGHTS_FD_FILESTAT_SET_SIZE;
            }
        }
        O_EXEC | O_SEARCH => {}
        _ => {
            set_errno(EINVAL);
            return -1;
        }
    }
    let dir = match wasi::fd_fdstat_get(fd as u32) {
        Ok(st) => st,
        Err(e) => {
            set_errno(e);
            return -1;
        }
    };
    let lookup = if oflag & O_NOFOLLOW == 0 { wasi::LOOKUPFLAGS_SYMLINK_FOLLOW } else { 0 };
    let fdflags = (oflag & 0xfff) as u16;
    let oflags = ((oflag >> 12) & 0xfff) as u16;
    let path = crate::cstr::bytes(path);
    match wasi::path_open(
        fd as u32,
        lookup,
        path,
        oflags,
        max & dir.fs_rights_inheriting,
        dir.fs_rights_inheriting,
        fdflags,
    ) {
        Ok(newfd) => newfd as c_int,
        Err(e) => {
            set_errno(fixup_directory(fd as u32, e));
            -1
        }
    }
}

/// `__wasilibc_open_nomode`: `open` without the mode argument.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_open_nomode(path: *const c_char, oflag: c_int) -> c_int {
    match preopens::resolve(path) {
        Some((dirfd, rel)) => __wasilibc_nocwd_openat_nomode(dirfd as c_int, rel, oflag),
        None => -1,
    }
}

/// `open(path, flags, ...)`; the variadic mode (third wasm parameter, a
/// pointer to the argument buffer) is ignored.
#[no_mangle]
pub unsafe extern "C" fn open(path: *const c_char, oflag: c_int, _va: *const u8) -> c_int {
    __wasilibc_open_nomode(path, oflag)
}

/// `openat(fd, path, flags, ...)`.
#[no_mangle]
pub unsafe extern "C" fn openat(fd: c_int, path: *const c_char, oflag: c_int, _va: *const u8) -> c_int {
    if uses_cwd(fd, path) {
        __wasilibc_open_nomode(path, oflag)
    } else {
        __wasilibc_nocwd_openat_nomode(fd, path, oflag)
    }
}

/// `creat`: `open(path, O_CREAT|O_WRONLY|O_TRUNC)`.
#[no_mangle]
pub unsafe extern "C" fn creat(path: *const c_char, _mode: u32) -> c_int {
    __wasilibc_open_nomode(path, (1 << 12) | O_WRONLY | (8 << 12))
}

/// `fcntl(fd, cmd, ...)`: F_GETFD/F_SETFD/F_GETFL/F_SETFL.
#[no_mangle]
pub unsafe extern "C" fn fcntl(fd: c_int, cmd: c_int, va: *const c_int) -> c_int {
    match cmd {
        F_GETFD => FD_CLOEXEC,
        F_SETFD => 0,
        F_GETFL => match wasi::fd_fdstat_get(fd as u32) {
            Err(e) => {
                set_errno(e);
                -1
            }
            Ok(st) => {
                let mut flags = st.fs_flags as c_int;
                let r = st.fs_rights_base;
                if r & (wasi::RIGHTS_FD_READ | wasi::RIGHTS_FD_READDIR) != 0 {
                    flags |= if r & wasi::RIGHTS_FD_WRITE != 0 { O_RDWR } else { O_RDONLY };
                } else if r & wasi::RIGHTS_FD_WRITE != 0 {
                    flags |= O_WRONLY;
                } else {
                    flags |= O_SEARCH;
                }
                flags
            }
        },
        F_SETFL => {
            let flags = if va.is_null() { 0 } else { *va };
            ret0(wasi::fd_fdstat_set_flags(fd as u32, (flags & 0xfff) as u16))
        }
        _ => {
            set_errno(EINVAL);
            -1
        }
    }
}

/// `posix_fadvise`: returns an error number.
#[no_mangle]
pub unsafe extern "C" fn posix_fadvise(fd: c_int, offset: i64, len: i64, advice: c_int) -> c_int {
    if offset < 0 || len < 0 {
        return EINVAL as c_int;
    }
    match wasi::fd_advise(fd as u32, offset as u64, len as u64, advice as u8) {
        Ok(()) => 0,
        Err(e) => e as c_int,
    }
}

/// `posix_fallocate`: returns an error number.
#[no_mangle]
pub unsafe extern "C" fn posix_fallocate(fd: c_int, offset: i64, len: i64) -> c_int {
    if offset < 0 || len < 0 {
        return EINVAL as c_int;
    }
    match wasi::fd_allocate(fd as u32, offset as u64, len as u64) {
        Ok(()) => 0,
        Err(e) => e as c_int,
    }
}
