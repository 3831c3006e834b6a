//! `<sys/stat.h>`: the stat family, mkdir, file times, and the chmod
//! family (ENOSYS, exactly as wasi-libc: WASI has no permissions).

use super::fcntl::{fixup_directory, uses_cwd, AT_FDCWD, AT_SYMLINK_NOFOLLOW};
use super::time::{timestamp_exact, to_timespec, Timespec, Timeval};
use crate::cstr;
use crate::errno::{ret0, set_errno};
use crate::preopens;
use crate::wasi::{self, Filestat, EINVAL, ENOSYS};
use core::ffi::{c_char, c_int};

pub const S_IFDIR: u32 = 0x4000;
pub const S_IFCHR: u32 = 0x2000;
pub const S_IFBLK: u32 = 0x6000;
pub const S_IFREG: u32 = 0x8000;
/// As wasi-libc: WASI has no FIFOs, and its header gives them S_IFSOCK's bits.
pub const S_IFIFO: u32 = 0xc000;
pub const S_IFLNK: u32 = 0xa000;
pub const S_IFSOCK: u32 = 0xc000;
/// As wasi-libc: the union of the type bits (0xe000), not musl's 0xf000.
pub const S_IFMT: u32 = S_IFBLK | S_IFCHR | S_IFDIR | S_IFIFO | S_IFLNK | S_IFREG | S_IFSOCK;

pub(crate) const UTIME_NOW: i32 = -1;
pub(crate) const UTIME_OMIT: i32 = -2;

/// `struct stat` (wasi-libc layout, 144 bytes on wasm32).
#[repr(C)]
pub struct Stat {
    pub st_dev: u64,
    pub st_ino: u64,
    pub st_nlink: u64,
    pub st_mode: u32,
    pub st_uid: u32,
    pub st_gid: u32,
    pub __pad0: u32,
    pub st_rdev: u64,
    pub st_size: i64,
    pub st_blksize: i32,
    pub st_blocks: i64,
    pub st_atim: Timespec,
    pub st_mtim: Timespec,
    pub st_ctim: Timespec,
    pub __reserved: [i64; 3],
}

/// The `S_IF*` bits for a WASI file type.
pub fn mode_of(filetype: u8) -> u32 {
    match filetype {
        wasi::FILETYPE_BLOCK_DEVICE => S_IFBLK,
        wasi::FILETYPE_CHARACTER_DEVICE => S_IFCHR,
        wasi::FILETYPE_DIRECTORY => S_IFDIR,
        wasi::FILETYPE_REGULAR_FILE => S_IFREG,
        wasi::FILETYPE_SOCKET_DGRAM | wasi::FILETYPE_SOCKET_STREAM => S_IFSOCK,
        wasi::FILETYPE_SYMBOLIC_LINK => S_IFLNK,
        _ => 0,
    }
}

/// Fills a C `struct stat` from a WASI filestat (other fields zero).
pub unsafe fn to_public_stat(fs: &Filestat, out: *mut Stat) {
    core::ptr::write(
        out,
        Stat {
            st_dev: fs.dev,
            st_ino: fs.ino,
            st_nlink: fs.nlink,
            st_mode: mode_of(fs.filetype),
            st_uid: 0,
            st_gid: 0,
            __pad0: 0,
            st_rdev: 0,
            st_size: fs.size as i64,
            st_blksize: 0,
            st_blocks: 0,
            st_atim: to_timespec(fs.atim),
            st_mtim: to_timespec(fs.mtim),
            st_ctim: to_timespec(fs.ctim),
            __reserved: [0; 3],
        },
    );
}

/// `fstat`.
#[no_mangle]
pub unsafe extern "C" fn fstat(fd: c_int, st: *mut Stat) -> c_int {
    match wasi::fd_filestat_get(fd as u32) {
        Ok(fs) => {
            to_public_stat(&fs, st);
            0
        }
        Err(e) => {
            set_errno(e);
            -1
        }
    }
}

/// `__wasilibc_nocwd_fstatat`.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_nocwd_fstatat(fd: c_int, path: *const c_char, st: *mut Stat, flag: c_int) -> c_int {
    // Like wasi-libc, unknown flag bits are ignored.
    let lookup = if flag & AT_SYMLINK_NOFOLLOW == 0 { wasi::LOOKUPFLAGS_SYMLINK_FOLLOW } else { 0 };
    match wasi::path_filestat_get(fd as u32, lookup, cstr::bytes(path)) {
        Ok(fs) => {
            to_public_stat(&fs, st);
            0
        }
        Err(e) => {
            set_errno(fixup_directory(fd as u32, e));
            -1
        }
    }
}

/// `fstatat`.
#[no_mangle]
pub unsafe extern "C" fn fstatat(fd: c_int, path: *const c_char, st: *mut Stat, flag: c_int) -> c_int {
    if !uses_cwd(fd, path) {
        return __wasilibc_nocwd_fstatat(fd, path, st, flag);
    }
    match preopens::resolve(path) {
        Some((dirfd, rel)) => __wasilibc_nocwd_fstatat(dirfd as c_int, rel, st, flag),
        None => -1,
    }
}

/// `__wasilibc_stat`: `fstatat(AT_FDCWD, ...)`.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_stat(path: *const c_char, st: *mut Stat, flag: c_int) -> c_int {
    fstatat(AT_FDCWD, path, st, flag)
}

/// `stat`.
#[no_mangle]
pub unsafe extern "C" fn stat(path: *const c_char, st: *mut Stat) -> c_int {
    fstatat(AT_FDCWD, path, st, 0)
}

/// `lstat`.
#[no_mangle]
pub unsafe extern "C" fn lstat(path: *const c_char, st: *mut Stat) -> c_int {
    fstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW)
}

/// `__wasilibc_nocwd_mkdirat_nomode`.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_nocwd_mkdirat_nomode(fd: c_int, path: *const c_char) -> c_int {
    ret0(wasi::path_create_directory(fd as u32, cstr::bytes(path)).map_err(|e| fixup_directory(fd as u32, e)))
}

/// `mkdirat` (mode ignored).
#[no_mangle]
pub unsafe extern "C" fn mkdirat(fd: c_int, path: *const c_char, _mode: u32) -> c_int {
    if !uses_cwd(fd, path) {
        return __wasilibc_nocwd_mkdirat_nomode(fd, path);
    }
    match preopens::resolve(path) {
        Some((dirfd, rel)) => __wasilibc_nocwd_mkdirat_nomode(dirfd as c_int, rel),
        None => -1,
    }
}

/// `mkdir` (mode ignored).
#[no_mangle]
pub unsafe extern "C" fn mkdir(path: *const c_char, mode: u32) -> c_int {
    mkdirat(AT_FDCWD, path, mode)
}

/// Splits `times[2]` into WASI timestamps and fst flags; `None` if invalid.
unsafe fn timestamps(times: *const Timespec) -> Option<(u64, u64, u16)> {
    if times.is_null() {
        return Some((0, 0, wasi::FSTFLAGS_ATIM_NOW | wasi::FSTFLAGS_MTIM_NOW));
    }
    let mut flags = 0u16;
    let mut one = |t: &Timespec, set: u16, now: u16| -> Option<u64> {
        match t.tv_nsec {
            UTIME_NOW => {
                flags |= now;
                Some(0)
            }
            UTIME_OMIT => Some(0),
            _ => {
                flags |= set;
                timestamp_exact(t)
            }
        }
    };
    let a = one(&*times, wasi::FSTFLAGS_ATIM, wasi::FSTFLAGS_ATIM_NOW)?;
    let m = one(&*times.add(1), wasi::FSTFLAGS_MTIM, wasi::FSTFLAGS_MTIM_NOW)?;
    Some((a, m, flags))
}

/// `futimens`.
#[no_mangle]
pub unsafe extern "C" fn futimens(fd: c_int, times: *const Timespec) -> c_int {
    let Some((a, m, flags)) = timestamps(times) else {
        set_errno(EINVAL);
        return -1;
    };
    ret0(wasi::fd_filestat_set_times(fd as u32, a, m, flags))
}

/// `__wasilibc_nocwd_utimensat`.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_nocwd_utimensat(
    fd: c_int,
    path: *const c_char,
    times: *const Timespec,
    flag: c_int,
) -> c_int {
    let Some((a, m, flags)) = timestamps(times) else {
        set_errno(EINVAL);
        return -1;
    };
    let lookup = if flag & AT_SYMLINK_NOFOLLOW == 0 { wasi::LOOKUPFLAGS_SYMLINK_FOLLOW } else { 0 };
    ret0(wasi::path_filestat_set_times(fd as u32, lookup, cstr::bytes(path), a, m, flags))
}

/// `utimensat`.
#[no_mangle]
pub unsafe extern "C" fn utimensat(fd: c_int, path: *const c_char, times: *const Timespec, flag: c_int) -> c_int {
    if !uses_cwd(fd, path) {
        return __wasilibc_nocwd_utimensat(fd, path, times, flag);
    }
    match preopens::resolve(path) {
        Some((dirfd, rel)) => __wasilibc_nocwd_utimensat(dirfd as c_int, rel, times, flag),
        None => -1,
    }
}

/// `__wasilibc_utimens`: `utimensat(AT_FDCWD, path, times, flag)`.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_utimens(path: *const c_char, times: *const Timespec, flag: c_int) -> c_int {
    utimensat(AT_FDCWD, path, times, flag)
}

/// Timevals to timespecs (`None` when `tv` is NULL).
unsafe fn from_timevals(tv: *const Timeval) -> Option<[Timespec; 2]> {
    if tv.is_null() {
        return None;
    }
    let t = |v: &Timeval| Timespec { tv_sec: v.tv_sec, tv_nsec: (v.tv_usec * 1000) as _ };
    Some([t(&*tv), t(&*tv.add(1))])
}

/// `utimes`.
#[no_mangle]
pub unsafe extern "C" fn utimes(path: *const c_char, tv: *const Timeval) -> c_int {
    match from_timevals(tv) {
        Some(ts) => utimensat(AT_FDCWD, path, ts.as_ptr(), 0),
        None => utimensat(AT_FDCWD, path, core::ptr::null(), 0),
    }
}

/// `chmod`: ENOSYS, as wasi-libc.
#[no_mangle]
pub unsafe extern "C" fn chmod(_path: *const c_char, _mode: u32) -> c_int {
    set_errno(ENOSYS);
    -1
}

/// `fchmod`: ENOSYS, as wasi-libc.
#[no_mangle]
pub unsafe extern "C" fn fchmod(_fd: c_int, _mode: u32) -> c_int {
    set_errno(ENOSYS);
    -1
}

/// `fchmodat`: ENOSYS, as wasi-libc.
#[no_mangle]
pub unsafe extern "C" fn fchmodat(_fd: c_int, _path: *const c_char, _mode: u32, _flag: c_int) -> c_int {
    set_errno(ENOSYS);
    -1
}
