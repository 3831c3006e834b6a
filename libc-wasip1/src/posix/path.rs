//! Path operations from `<unistd.h>`, `<stdio.h>` and `<stdlib.h>`:
//! unlink/rmdir/rename/link/symlink/readlink/access (each with its `*at`
//! and `__wasilibc_nocwd_*` forms), chdir/getcwd, realpath.
//!
//! `*at` calls with `AT_FDCWD` resolve the path against the cwd and the
//! preopens; the `nocwd` forms take the path as is, relative to `fd`.

use super::fcntl::{fixup_directory, uses_cwd, AT_FDCWD, AT_REMOVEDIR, AT_SYMLINK_FOLLOW};
use super::sys_stat::{fstatat, Stat, S_IFDIR, S_IFMT};
use crate::cstr;
use crate::errno::{get_errno, ret0, ret_size, set_errno};
use crate::malloc::{free, malloc};
use crate::preopens::{self, __wasilibc_cwd};
use crate::wasi::{self, EACCES, EINVAL, ELOOP, ENAMETOOLONG, ENOENT, ENOMEM, ENOTDIR, ERANGE};
use core::ffi::{c_char, c_int, c_void};
use core::ptr;

pub(crate) const PATH_MAX: usize = 4096;
pub(crate) const F_OK: c_int = 0;
pub(crate) const X_OK: c_int = 1;
pub(crate) const W_OK: c_int = 2;
pub(crate) const R_OK: c_int = 4;

/// Runs `f(dirfd, relpath)` for `(fd, path)`, resolving `AT_FDCWD` and
/// absolute paths through the cwd and the preopens.
unsafe fn at(fd: c_int, path: *const c_char, f: impl FnOnce(c_int, *const c_char) -> c_int) -> c_int {
    if !uses_cwd(fd, path) {
        return f(fd, path);
    }
    match preopens::resolve(path) {
        Some((dirfd, rel)) => f(dirfd as c_int, rel),
        None => -1,
    }
}

/// Like [`at`] for the second path of a two-path call.
unsafe fn at2(fd: c_int, path: *const c_char) -> Option<(c_int, *const c_char)> {
    if !uses_cwd(fd, path) {
        return Some((fd, path));
    }
    preopens::resolve2(path).map(|(d, r)| (d as c_int, r))
}

/// `__wasilibc_nocwd___wasilibc_unlinkat`: removes a file.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_nocwd___wasilibc_unlinkat(fd: c_int, path: *const c_char) -> c_int {
    ret0(wasi::path_unlink_file(fd as u32, cstr::bytes(path)).map_err(|e| fixup_directory(fd as u32, e)))
}

/// `__wasilibc_nocwd___wasilibc_rmdirat`: removes a directory.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_nocwd___wasilibc_rmdirat(fd: c_int, path: *const c_char) -> c_int {
    ret0(wasi::path_remove_directory(fd as u32, cstr::bytes(path)).map_err(|e| fixup_directory(fd as u32, e)))
}

/// `__wasilibc_unlinkat`: `unlinkat(fd, path, 0)`.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_unlinkat(fd: c_int, path: *const c_char) -> c_int {
    at(fd, path, |d, p| __wasilibc_nocwd___wasilibc_unlinkat(d, p))
}

/// `__wasilibc_rmdirat`: `unlinkat(fd, path, AT_REMOVEDIR)`.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_rmdirat(fd: c_int, path: *const c_char) -> c_int {
    at(fd, path, |d, p| __wasilibc_nocwd___wasilibc_rmdirat(d, p))
}

/// `unlinkat`.
#[no_mangle]
pub unsafe extern "C" fn unlinkat(fd: c_int, path: *const c_char, flag: c_int) -> c_int {
    if flag & AT_REMOVEDIR != 0 {
        __wasilibc_rmdirat(fd, path)
    } else {
        __wasilibc_unlinkat(fd, path)
    }
}

/// `unlink`.
#[no_mangle]
pub unsafe extern "C" fn unlink(path: *const c_char) -> c_int {
    __wasilibc_unlinkat(AT_FDCWD, path)
}

/// `rmdir`.
#[no_mangle]
pub unsafe extern "C" fn rmdir(path: *const c_char) -> c_int {
    __wasilibc_rmdirat(AT_FDCWD, path)
}

/// `remove`: unlink, or rmdir when the path is a directory.
#[no_mangle]
pub unsafe extern "C" fn remove(path: *const c_char) -> c_int {
    let r = unlink(path);
    if r == 0 {
        return 0;
    }
    let e = get_errno();
    if e == wasi::EISDIR as c_int || e == wasi::EPERM as c_int {
        return rmdir(path);
    }
    r
}

/// `__wasilibc_nocwd_renameat`.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_nocwd_renameat(
    oldfd: c_int,
    old: *const c_char,
    newfd: c_int,
    new: *const c_char,
) -> c_int {
    ret0(wasi::path_rename(oldfd as u32, cstr::bytes(old), newfd as u32, cstr::bytes(new)))
}

/// `renameat`.
#[no_mangle]
pub unsafe extern "C" fn renameat(oldfd: c_int, old: *const c_char, newfd: c_int, new: *const c_char) -> c_int {
    let Some((nd, np)) = at2(newfd, new) else { return -1 };
    at(oldfd, old, |od, op| __wasilibc_nocwd_renameat(od, op, nd, np))
}

/// `rename`.
#[no_mangle]
pub unsafe extern "C" fn rename(old: *const c_char, new: *const c_char) -> c_int {
    renameat(AT_FDCWD, old, AT_FDCWD, new)
}

/// `__wasilibc_rename_oldat`: rename from `(fd, old)` to cwd-relative `new`.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_rename_oldat(fd: c_int, old: *const c_char, new: *const c_char) -> c_int {
    renameat(fd, old, AT_FDCWD, new)
}

/// `__wasilibc_rename_newat`: rename from cwd-relative `old` to `(fd, new)`.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_rename_newat(old: *const c_char, fd: c_int, new: *const c_char) -> c_int {
    renameat(AT_FDCWD, old, fd, new)
}

/// `__wasilibc_nocwd_linkat`.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_nocwd_linkat(
    oldfd: c_int,
    old: *const c_char,
    newfd: c_int,
    new: *const c_char,
    flag: c_int,
) -> c_int {
    let lookup = if flag & AT_SYMLINK_FOLLOW != 0 { wasi::LOOKUPFLAGS_SYMLINK_FOLLOW } else { 0 };
    ret0(wasi::path_link(oldfd as u32, lookup, cstr::bytes(old), newfd as u32, cstr::bytes(new)))
}

/// `linkat`.
#[no_mangle]
pub unsafe extern "C" fn linkat(
    oldfd: c_int,
    old: *const c_char,
    newfd: c_int,
    new: *const c_char,
    flag: c_int,
) -> c_int {
    let Some((nd, np)) = at2(newfd, new) else { return -1 };
    at(oldfd, old, |od, op| __wasilibc_nocwd_linkat(od, op, nd, np, flag))
}

/// `link`.
#[no_mangle]
pub unsafe extern "C" fn link(old: *const c_char, new: *const c_char) -> c_int {
    linkat(AT_FDCWD, old, AT_FDCWD, new, 0)
}

/// `__wasilibc_link`: `linkat(AT_FDCWD, old, AT_FDCWD, new, flags)`.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_link(old: *const c_char, new: *const c_char, flags: c_int) -> c_int {
    linkat(AT_FDCWD, old, AT_FDCWD, new, flags)
}

/// `__wasilibc_link_oldat`: `linkat(fd, old, AT_FDCWD, new, flags)`.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_link_oldat(fd: c_int, old: *const c_char, new: *const c_char, flags: c_int) -> c_int {
    linkat(fd, old, AT_FDCWD, new, flags)
}

/// `__wasilibc_link_newat`: `linkat(AT_FDCWD, old, fd, new, flags)`.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_link_newat(old: *const c_char, fd: c_int, new: *const c_char, flags: c_int) -> c_int {
    linkat(AT_FDCWD, old, fd, new, flags)
}

/// `__wasilibc_nocwd_symlinkat`.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_nocwd_symlinkat(target: *const c_char, fd: c_int, path: *const c_char) -> c_int {
    ret0(wasi::path_symlink(cstr::bytes(target), fd as u32, cstr::bytes(path)))
}

/// `symlinkat`.
#[no_mangle]
pub unsafe extern "C" fn symlinkat(target: *const c_char, fd: c_int, path: *const c_char) -> c_int {
    at(fd, path, |d, p| __wasilibc_nocwd_symlinkat(target, d, p))
}

/// `symlink`.
#[no_mangle]
pub unsafe extern "C" fn symlink(target: *const c_char, path: *const c_char) -> c_int {
    symlinkat(target, AT_FDCWD, path)
}

/// `__wasilibc_nocwd_readlinkat`.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_nocwd_readlinkat(
    fd: c_int,
    path: *const c_char,
    buf: *mut c_char,
    size: usize,
) -> isize {
    let out = core::slice::from_raw_parts_mut(buf as *mut u8, size);
    ret_size(wasi::path_readlink(fd as u32, cstr::bytes(path), out).map_err(|e| fixup_directory(fd as u32, e)))
}

/// `readlinkat`.
#[no_mangle]
pub unsafe extern "C" fn readlinkat(fd: c_int, path: *const c_char, buf: *mut c_char, size: usize) -> isize {
    if !uses_cwd(fd, path) {
        return __wasilibc_nocwd_readlinkat(fd, path, buf, size);
    }
    match preopens::resolve(path) {
        Some((d, rel)) => __wasilibc_nocwd_readlinkat(d as c_int, rel, buf, size),
        None => -1,
    }
}

/// `readlink`.
#[no_mangle]
pub unsafe extern "C" fn readlink(path: *const c_char, buf: *mut c_char, size: usize) -> isize {
    readlinkat(AT_FDCWD, path, buf, size)
}

/// `__wasilibc_nocwd_faccessat`: existence, then the directory's
/// inheritable rights for R/W.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_nocwd_faccessat(fd: c_int, path: *const c_char, amode: c_int, flag: c_int) -> c_int {
    if amode & !(F_OK | R_OK | W_OK | X_OK) != 0 || flag != 0 {
        set_errno(EINVAL);
        return -1;
    }
    let file = match wasi::path_filestat_get(fd as u32, wasi::LOOKUPFLAGS_SYMLINK_FOLLOW, cstr::bytes(path)) {
        Ok(f) => f,
        Err(e) => {
            set_errno(e);
            return -1;
        }
    };
    if amode != 0 {
        let dir = match wasi::fd_fdstat_get(fd as u32) {
            Ok(d) => d,
            Err(e) => {
                set_errno(e);
                return -1;
            }
        };
        let mut min = 0u64;
        if amode & R_OK != 0 {
            min |= if file.filetype == wasi::FILETYPE_DIRECTORY {
                wasi::RIGHTS_FD_READDIR
            } else {
                wasi::RIGHTS_FD_READ
            };
        }
        if amode & W_OK != 0 {
            min |= wasi::RIGHTS_FD_WRITE;
        }
        if min & dir.fs_rights_inheriting != min {
            set_errno(EACCES);
            return -1;
        }
    }
    0
}

/// `faccessat`.
#[no_mangle]
pub unsafe extern "C" fn faccessat(fd: c_int, path: *const c_char, amode: c_int, flag: c_int) -> c_int {
    at(fd, path, |d, p| __wasilibc_nocwd_faccessat(d, p, amode, flag))
}

/// `access`.
#[no_mangle]
pub unsafe extern "C" fn access(path: *const c_char, amode: c_int) -> c_int {
    faccessat(AT_FDCWD, path, amode, 0)
}

/// `__wasilibc_access`: `faccessat(AT_FDCWD, path, mode, flags)`.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_access(path: *const c_char, mode: c_int, flags: c_int) -> c_int {
    faccessat(AT_FDCWD, path, mode, flags)
}

/// `getcwd`: copies the cwd into `buf` (malloc'd when `buf` is NULL).
#[no_mangle]
pub unsafe extern "C" fn getcwd(buf: *mut c_char, size: usize) -> *mut c_char {
    let cwd = __wasilibc_cwd;
    let len = cstr::len(cwd);
    let out = if buf.is_null() {
        let p = malloc(len + 1) as *mut c_char;
        if p.is_null() {
            set_errno(ENOMEM);
            return ptr::null_mut();
        }
        p
    } else {
        if size < len + 1 {
            set_errno(ERANGE);
            return ptr::null_mut();
        }
        buf
    };
    ptr::copy_nonoverlapping(cwd, out, len + 1);
    out
}

/// Buffer for chdir's relative path.
static mut CHDIR_BUF: (*mut c_char, usize) = (ptr::null_mut(), 0);
/// Whether `__wasilibc_cwd` was malloc'd by us.
static mut CWD_OWNED: bool = false;

/// `chdir`: checks that the target is a directory, then records
/// `/` + preopen name + `/` + relative path as the new cwd.
#[no_mangle]
pub unsafe extern "C" fn chdir(path: *const c_char) -> c_int {
    let mut abs: *const c_char = ptr::null();
    let buf = &mut *ptr::addr_of_mut!(CHDIR_BUF);
    let fd = preopens::__wasilibc_find_relpath_alloc(path, &mut abs, &mut buf.0, &mut buf.1, 1);
    if fd == -1 {
        return -1;
    }
    let mut st = core::mem::MaybeUninit::<Stat>::uninit();
    if fstatat(fd, buf.0, st.as_mut_ptr(), 0) == -1 {
        return -1;
    }
    if st.assume_init_ref().st_mode & S_IFMT != S_IFDIR {
        set_errno(ENOTDIR);
        return -1;
    }
    let abs_len = cstr::len(abs);
    let rel = cstr::bytes(buf.0);
    let copy_relative = rel != b".";
    let mid = usize::from(copy_relative && abs_len != 0);
    let rel_len = if copy_relative { rel.len() } else { 0 };
    let new = malloc(1 + abs_len + mid + rel_len + 1) as *mut c_char;
    if new.is_null() {
        set_errno(ENOMEM);
        return -1;
    }
    *new = b'/' as c_char;
    ptr::copy_nonoverlapping(abs, new.add(1), abs_len);
    if mid == 1 {
        *new.add(1 + abs_len) = b'/' as c_char;
    }
    ptr::copy_nonoverlapping(buf.0, new.add(1 + abs_len + mid), rel_len);
    *new.add(1 + abs_len + mid + rel_len) = 0;
    let old = __wasilibc_cwd;
    __wasilibc_cwd = new;
    if CWD_OWNED {
        free(old as *mut c_void);
    }
    CWD_OWNED = true;
    0
}

/// Work buffers for `realpath`.
static mut RP_OUT: [u8; PATH_MAX] = [0; PATH_MAX];
static mut RP_TODO: [u8; PATH_MAX] = [0; PATH_MAX];
static mut RP_LINK: [u8; PATH_MAX] = [0; PATH_MAX];

/// `realpath`: absolute path with `.`/`..` and symlinks resolved; every
/// component must exist. Result in `resolved` (PATH_MAX bytes) or malloc'd.
#[no_mangle]
pub unsafe extern "C" fn realpath(path: *const c_char, resolved: *mut c_char) -> *mut c_char {
    if path.is_null() {
        set_errno(EINVAL);
        return ptr::null_mut();
    }
    let input = cstr::bytes(path);
    if input.is_empty() {
        set_errno(ENOENT);
        return ptr::null_mut();
    }
    let out = &mut *ptr::addr_of_mut!(RP_OUT);
    let todo = &mut *ptr::addr_of_mut!(RP_TODO);
    let link = &mut *ptr::addr_of_mut!(RP_LINK);
    // `todo[t..tlen]` is what remains to resolve; `out[..olen]` is done.
    if input.len() >= PATH_MAX {
        set_errno(ENAMETOOLONG);
        return ptr::null_mut();
    }
    let tlen0 = input.len();
    todo[..tlen0].copy_from_slice(input);
    let mut t = 0usize;
    let mut tlen = tlen0;
    let mut olen;
    if input[0] == b'/' {
        olen = 0;
    } else {
        let cwd = cstr::bytes(__wasilibc_cwd);
        if cwd.len() >= PATH_MAX {
            set_errno(ENAMETOOLONG);
            return ptr::null_mut();
        }
        out[..cwd.len()].copy_from_slice(cwd);
        olen = cwd.len();
        while olen > 0 && out[olen - 1] == b'/' {
            olen -= 1;
        }
    }
    let mut links = 0;
    while t < tlen {
        while t < tlen && todo[t] == b'/' {
            t += 1;
        }
        let start = t;
        while t < tlen && todo[t] != b'/' {
            t += 1;
        }
        let comp_len = t - start;
        if comp_len == 0 || (comp_len == 1 && todo[start] == b'.') {
            continue;
        }
        if comp_len == 2 && todo[start] == b'.' && todo[start + 1] == b'.' {
            while olen > 0 && out[olen - 1] != b'/' {
                olen -= 1;
            }
            olen = olen.saturating_sub(1);
            continue;
        }
        if olen + 1 + comp_len + 1 > PATH_MAX {
            set_errno(ENAMETOOLONG);
            return ptr::null_mut();
        }
        let prev = olen;
        out[olen] = b'/';
        out[olen + 1..olen + 1 + comp_len].copy_from_slice(&todo[start..t]);
        olen += 1 + comp_len;
        out[olen] = 0;
        // Like musl, ask readlink: EINVAL means "not a symlink" (and stays
        // in errno), any other error ends the walk.
        let n = readlink(out.as_ptr() as *const c_char, link.as_mut_ptr() as *mut c_char, PATH_MAX);
        if n < 0 {
            if get_errno() == EINVAL as c_int {
                continue;
            }
            return ptr::null_mut();
        }
        links += 1;
        if links > 40 {
            set_errno(ELOOP);
            return ptr::null_mut();
        }
        let n = n as usize;
        let rest = tlen - t;
        if n + rest >= PATH_MAX {
            set_errno(ENAMETOOLONG);
            return ptr::null_mut();
        }
        // New work list: link target followed by what was left.
        todo.copy_within(t..tlen, n);
        todo[..n].copy_from_slice(&link[..n]);
        t = 0;
        tlen = n + rest;
        olen = if n > 0 && link[0] == b'/' { 0 } else { prev };
    }
    if olen == 0 {
        out[0] = b'/';
        olen = 1;
    }
    out[olen] = 0;
    let dst = if resolved.is_null() {
        let p = malloc(olen + 1) as *mut c_char;
        if p.is_null() {
            set_errno(ENOMEM);
            return ptr::null_mut();
        }
        p
    } else {
        resolved
    };
    ptr::copy_nonoverlapping(out.as_ptr() as *const c_char, dst, olen + 1);
    dst
}
