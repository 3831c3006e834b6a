//! `<ftw.h>`: `nftw`, a recursive walk over `stat`/`opendir`, reporting
//! entries in `readdir` order with musl's type codes and flags.

use super::dirent::{closedir, fdopendir, readdir, CDirent};
use super::fcntl::{open, O_RDONLY};
use super::path::PATH_MAX;
use super::sys_stat::{lstat, stat, Stat, S_IFDIR, S_IFLNK, S_IFMT};
use super::unistd::close;
use crate::cstr;
use crate::errno::{get_errno, set_errno};
use crate::wasi::{EACCES, ENAMETOOLONG, ENOENT};
use core::ffi::{c_char, c_int};
use core::mem::MaybeUninit;

pub(crate) const FTW_PHYS: c_int = 1;
pub(crate) const FTW_MOUNT: c_int = 2;
pub(crate) const FTW_DEPTH: c_int = 8;
pub(crate) const FTW_F: c_int = 1;
pub(crate) const FTW_D: c_int = 2;
pub(crate) const FTW_DNR: c_int = 3;
pub(crate) const FTW_NS: c_int = 4;
pub(crate) const FTW_SL: c_int = 5;
pub(crate) const FTW_DP: c_int = 6;
pub(crate) const FTW_SLN: c_int = 7;

/// `struct FTW`.
#[repr(C)]
pub struct Ftw {
    pub base: c_int,
    pub level: c_int,
}

/// The callback.
pub type NftwFn = unsafe extern "C" fn(*const c_char, *const Stat, c_int, *mut Ftw) -> c_int;

/// One directory on the current descent path (for loop detection).
struct Ancestor<'a> {
    parent: Option<&'a Ancestor<'a>>,
    dev: u64,
    ino: u64,
    level: c_int,
    base: c_int,
}

/// Walks `path[..len]` (NUL-terminated inside a PATH_MAX+1 buffer).
unsafe fn walk(path: &mut [u8; PATH_MAX + 1], f: NftwFn, fd_limit: c_int, flags: c_int, up: Option<&Ancestor<'_>>) -> c_int {
    let p = path.as_ptr() as *const c_char;
    let len = cstr::len(p);
    let j = if len > 0 && path[len - 1] == b'/' { len - 1 } else { len };
    let mut st = MaybeUninit::<Stat>::zeroed();
    let failed = if flags & FTW_PHYS != 0 { lstat(p, st.as_mut_ptr()) } else { stat(p, st.as_mut_ptr()) } < 0;
    let mut kind;
    if failed {
        if flags & FTW_PHYS == 0 && get_errno() == ENOENT as c_int && lstat(p, st.as_mut_ptr()) == 0 {
            kind = FTW_SLN;
        } else if get_errno() != EACCES as c_int {
            return -1;
        } else {
            kind = FTW_NS;
        }
    } else {
        let mode = st.assume_init_ref().st_mode & S_IFMT;
        kind = if mode == S_IFDIR {
            if flags & FTW_DEPTH != 0 { FTW_DP } else { FTW_D }
        } else if mode == S_IFLNK {
            if flags & FTW_PHYS != 0 { FTW_SL } else { FTW_SLN }
        } else {
            FTW_F
        };
    }
    let st = st.assume_init();
    if flags & FTW_MOUNT != 0 {
        if let Some(a) = up {
            if st.st_dev != a.dev {
                return 0;
            }
        }
    }
    let me = Ancestor {
        parent: up,
        dev: st.st_dev,
        ino: st.st_ino,
        level: up.map_or(0, |a| a.level + 1),
        base: (j + 1) as c_int,
    };
    let mut lev = Ftw { level: me.level, base: 0 };
    lev.base = match up {
        Some(a) => a.base,
        None => {
            let mut k = j;
            while k > 0 && path[k] == b'/' {
                k -= 1;
            }
            while k > 0 && path[k - 1] != b'/' {
                k -= 1;
            }
            k as c_int
        }
    };
    let is_dir = kind == FTW_D || kind == FTW_DP;
    let (mut dfd, mut err) = (-1, 0);
    if is_dir {
        dfd = open(p, O_RDONLY, core::ptr::null());
        err = get_errno();
        if dfd < 0 && err == EACCES as c_int {
            kind = FTW_DNR;
        }
        if fd_limit == 0 && dfd >= 0 {
            close(dfd);
        }
    }
    if flags & FTW_DEPTH == 0 {
        let r = f(p, &st, kind, &mut lev);
        if r != 0 {
            if is_dir && fd_limit != 0 && dfd >= 0 {
                close(dfd);
            }
            return r;
        }
    }
    let mut a = up;
    while let Some(anc) = a {
        if anc.dev == st.st_dev && anc.ino == st.st_ino {
            if is_dir && fd_limit != 0 && dfd >= 0 {
                close(dfd);
            }
            return 0;
        }
        a = anc.parent;
    }
    if is_dir && fd_limit != 0 {
        if dfd < 0 {
            set_errno(err as u16);
            return -1;
        }
        let d = fdopendir(dfd);
        if d.is_null() {
            close(dfd);
            return -1;
        }
        loop {
            let de: *mut CDirent = readdir(d);
            if de.is_null() {
                break;
            }
            let name = cstr::bytes((de as *const u8).add(9) as *const c_char);
            if name == b"." || name == b".." {
                continue;
            }
            if name.len() >= PATH_MAX - len {
                set_errno(ENAMETOOLONG);
                closedir(d);
                return -1;
            }
            path[j] = b'/';
            path[j + 1..j + 1 + name.len()].copy_from_slice(name);
            path[j + 1 + name.len()] = 0;
            let r = walk(path, f, fd_limit - 1, flags, Some(&me));
            if r != 0 {
                closedir(d);
                return r;
            }
        }
        closedir(d);
    }
    path[len] = 0;
    if flags & FTW_DEPTH != 0 {
        let r = f(p, &st, kind, &mut lev);
        if r != 0 {
            return r;
        }
    }
    0
}

/// `nftw`: calls `f` for `path` and everything below it; stops at the
/// first non-zero return, which it returns.
#[no_mangle]
pub unsafe extern "C" fn nftw(path: *const c_char, f: NftwFn, fd_limit: c_int, flags: c_int) -> c_int {
    if fd_limit <= 0 {
        return 0;
    }
    let len = cstr::len(path);
    if len > PATH_MAX {
        set_errno(ENAMETOOLONG);
        return -1;
    }
    let mut buf = [0u8; PATH_MAX + 1];
    core::ptr::copy_nonoverlapping(path as *const u8, buf.as_mut_ptr(), len + 1);
    walk(&mut buf, f, fd_limit, flags, None)
}

/// `nftw64` (LFS alias).
#[no_mangle]
pub unsafe extern "C" fn nftw64(path: *const c_char, f: NftwFn, fd_limit: c_int, flags: c_int) -> c_int {
    nftw(path, f, fd_limit, flags)
}
