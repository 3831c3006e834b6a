//! Preopened directories and current-directory emulation, as wasi-libc's
//! `preopens.c` and `chdir.c`.
//!
//! WASI has no global filesystem namespace: a path is opened relative to a
//! preopened directory descriptor. An absolute path (or a relative one made
//! absolute with `__wasilibc_cwd`) is resolved by finding the preopen whose
//! name is the longest whole-component prefix of it; on a tie the newest
//! preopen wins. The table is filled lazily from `fd_prestat_get` on fds
//! 3, 4, ... until `EBADF`.

use crate::cstr;
use crate::errno::set_errno;
use crate::malloc::{free, malloc, realloc};
use crate::wasi::{self, EBADF, ENOENT, ENOMEM, ERANGE};
use core::ffi::{c_char, c_int, c_void};
use core::ptr::{self, null_mut};

/// One preopened directory: its name (leading `/` and `./` stripped,
/// malloc'd, NUL-terminated) and descriptor.
#[derive(Clone, Copy)]
struct Preopen {
    prefix: *mut c_char,
    fd: u32,
}

struct Table {
    items: *mut Preopen,
    len: usize,
    cap: usize,
    populated: bool,
}

static mut TABLE: Table = Table { items: null_mut(), len: 0, cap: 0, populated: false };

fn table() -> &'static mut Table {
    // Single-threaded libc.
    unsafe { &mut *ptr::addr_of_mut!(TABLE) }
}

/// Root directory string for `__wasilibc_cwd`'s initial value.
static ROOT: [u8; 2] = *b"/\0";

/// The current working directory (absolute, NUL-terminated; starts as "/").
#[no_mangle]
pub static mut __wasilibc_cwd: *mut c_char = ROOT.as_ptr() as *mut c_char;

/// Skips leading `/`, `./` and a lone `.`.
unsafe fn strip_prefixes(mut p: *const c_char) -> *const c_char {
    loop {
        if *p == b'/' as c_char {
            p = p.add(1);
        } else if *p == b'.' as c_char && *p.add(1) == b'/' as c_char {
            p = p.add(2);
        } else if *p == b'.' as c_char && *p.add(1) == 0 {
            p = p.add(1);
        } else {
            return p;
        }
    }
}

/// Adds an entry; `Err` with ENOMEM when out of memory.
unsafe fn register(fd: u32, relprefix: *const c_char) -> Result<(), wasi::Errno> {
    let t = table();
    if t.len == t.cap {
        let cap = if t.cap == 0 { 4 } else { t.cap * 2 };
        let items = realloc(t.items as *mut c_void, cap * core::mem::size_of::<Preopen>());
        if items.is_null() {
            return Err(ENOMEM);
        }
        t.items = items as *mut Preopen;
        t.cap = cap;
    }
    let src = strip_prefixes(relprefix);
    let n = cstr::len(src);
    let prefix = malloc(n + 1) as *mut c_char;
    if prefix.is_null() {
        return Err(ENOMEM);
    }
    ptr::copy_nonoverlapping(src, prefix, n + 1);
    *t.items.add(t.len) = Preopen { prefix, fd };
    t.len += 1;
    Ok(())
}

/// Reads the preopens from the host once.
pub fn ensure_populated() {
    unsafe { __wasilibc_populate_preopens() }
}

/// `__wasilibc_populate_preopens`: scans fds from 3 for preopened dirs
/// (once; again only after `__wasilibc_reset_preopens`). Like wasi-libc it
/// exits with 71 (EX_OSERR) if the host fails and 70 (EX_SOFTWARE) when out
/// of memory.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_populate_preopens() {
    if table().populated {
        return;
    }
    table().populated = true;
    let oserr = || crate::posix::exit::_Exit(71);
    let nomem = || crate::posix::exit::_Exit(70);
    let mut fd = 3u32;
    loop {
        match wasi::fd_prestat_get(fd) {
            Ok(pre) if pre.tag == 0 => {
                let len = pre.pr_name_len;
                let name = malloc(len + 1) as *mut u8;
                if name.is_null() {
                    nomem();
                }
                let buf = core::slice::from_raw_parts_mut(name, len);
                if wasi::fd_prestat_dir_name(fd, buf).is_err() {
                    oserr();
                }
                *name.add(len) = 0;
                if register(fd, name as *const c_char).is_err() {
                    nomem();
                }
                free(name as *mut c_void);
            }
            Ok(_) => {}
            Err(EBADF) => break,
            Err(_) => oserr(),
        }
        fd += 1;
    }
}

/// `__wasilibc_register_preopened_fd`: adds `fd` under the name `prefix`.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_register_preopened_fd(fd: c_int, prefix: *const c_char) -> c_int {
    ensure_populated();
    match register(fd as u32, prefix) {
        Ok(()) => 0,
        Err(e) => {
            set_errno(e);
            -1
        }
    }
}

/// `__wasilibc_reset_preopens`: forgets every preopen (closing nothing);
/// the next path lookup scans the host's preopens again (for programs
/// snapshotted after initialization, as with wasi-libc).
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_reset_preopens() {
    let t = table();
    for i in 0..t.len {
        free((*t.items.add(i)).prefix as *mut c_void);
    }
    free(t.items as *mut c_void);
    *t = Table { items: null_mut(), len: 0, cap: 0, populated: false };
}

/// Does `prefix` (of `len` bytes) name a whole-component prefix of `path`?
unsafe fn prefix_matches(prefix: *const c_char, len: usize, path: *const c_char) -> bool {
    if *path != b'/' as c_char && len == 0 {
        return true;
    }
    for i in 0..len {
        if *path.add(i) != *prefix.add(i) {
            return false;
        }
    }
    let mut i = len;
    while i > 0 && *prefix.add(i - 1) == b'/' as c_char {
        i -= 1;
    }
    let last = *path.add(i);
    last == b'/' as c_char || last == 0
}

/// `__wasilibc_find_abspath`: splits an absolute path into a preopen fd
/// and the path relative to it.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_find_abspath(
    mut path: *const c_char,
    abs_prefix: *mut *const c_char,
    relative_path: *mut *const c_char,
) -> c_int {
    ensure_populated();
    while *path == b'/' as c_char {
        path = path.add(1);
    }
    let t = table();
    let mut match_len = 0usize;
    let mut fd: c_int = -1;
    for i in (0..t.len).rev() {
        let pre = *t.items.add(i);
        let len = cstr::len(pre.prefix);
        if (fd == -1 || len > match_len) && prefix_matches(pre.prefix, len, path) {
            fd = pre.fd as c_int;
            match_len = len;
            *abs_prefix = pre.prefix;
        }
    }
    if fd == -1 {
        set_errno(ENOENT);
        return -1;
    }
    let mut computed = path.add(match_len);
    while *computed == b'/' as c_char {
        computed = computed.add(1);
    }
    if *computed == 0 {
        computed = c".".as_ptr();
    }
    *relative_path = computed;
    fd
}

/// Buffer for `make_absolute`.
static mut ABS_BUF: (*mut c_char, usize) = (null_mut(), 0);

/// `path` made absolute against the cwd (no normalization), or NULL.
unsafe fn make_absolute(mut path: *const c_char) -> *const c_char {
    if *path == b'/' as c_char {
        return path;
    }
    let cwd = __wasilibc_cwd;
    if *path == 0 || cstr::bytes(path) == b"." || cstr::bytes(path) == b"./" {
        return cwd;
    }
    if *path == b'.' as c_char && *path.add(1) == b'/' as c_char {
        path = path.add(2);
    }
    let cwd_len = cstr::len(cwd);
    let path_len = cstr::len(path);
    let need_slash = usize::from(cwd_len == 0 || *cwd.add(cwd_len - 1) != b'/' as c_char);
    let total = cwd_len + need_slash + path_len + 1;
    let buf = &mut *ptr::addr_of_mut!(ABS_BUF);
    if total > buf.1 {
        let p = realloc(buf.0 as *mut c_void, total) as *mut c_char;
        if p.is_null() {
            return ptr::null();
        }
        *buf = (p, total);
    }
    ptr::copy_nonoverlapping(cwd, buf.0, cwd_len);
    if need_slash == 1 {
        *buf.0.add(cwd_len) = b'/' as c_char;
    }
    ptr::copy_nonoverlapping(path, buf.0.add(cwd_len + need_slash), path_len + 1);
    buf.0
}

/// `__wasilibc_find_relpath_alloc`: like `find_abspath` but for any path,
/// copying the relative part into `*relative_buf` (grown with realloc when
/// `can_realloc`, else ERANGE).
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_find_relpath_alloc(
    path: *const c_char,
    abs_prefix: *mut *const c_char,
    relative_buf: *mut *mut c_char,
    relative_buf_len: *mut usize,
    can_realloc: c_int,
) -> c_int {
    let abspath = make_absolute(path);
    if abspath.is_null() {
        set_errno(ENOMEM);
        return -1;
    }
    let mut rel: *const c_char = ptr::null();
    let fd = __wasilibc_find_abspath(abspath, abs_prefix, &mut rel);
    if fd == -1 {
        return -1;
    }
    let rel_len = cstr::len(rel);
    if *relative_buf_len < rel_len + 1 {
        if can_realloc == 0 {
            set_errno(ERANGE);
            return -1;
        }
        let p = realloc(*relative_buf as *mut c_void, rel_len + 1) as *mut c_char;
        if p.is_null() {
            set_errno(ENOMEM);
            return -1;
        }
        *relative_buf = p;
        *relative_buf_len = rel_len + 1;
    }
    ptr::copy(rel, *relative_buf, rel_len + 1);
    fd
}

/// `__wasilibc_find_relpath`: resolves `path` (absolute or cwd-relative).
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_find_relpath(
    path: *const c_char,
    abs_prefix: *mut *const c_char,
    relative_path: *mut *mut c_char,
    relative_path_len: usize,
) -> c_int {
    let mut len = relative_path_len;
    __wasilibc_find_relpath_alloc(path, abs_prefix, relative_path, &mut len, 0)
}

/// Buffer for [`resolve`]'s relative paths.
static mut REL_BUF: (*mut c_char, usize) = (null_mut(), 0);
/// A second buffer, for the second path of two-path calls.
static mut REL_BUF2: (*mut c_char, usize) = (null_mut(), 0);

unsafe fn resolve_into(path: *const c_char, buf: *mut (*mut c_char, usize)) -> Option<(u32, *const c_char)> {
    let mut abs: *const c_char = ptr::null();
    let buf = &mut *buf;
    let fd = __wasilibc_find_relpath_alloc(path, &mut abs, &mut buf.0, &mut buf.1, 1);
    if fd == -1 {
        None
    } else {
        Some((fd as u32, buf.0))
    }
}

/// Resolves a path to (preopen fd, relative path); on failure errno is set
/// (ENOENT when no preopen matches) and `None` returned. The relative path
/// lives in a static buffer until the next call.
pub unsafe fn resolve(path: *const c_char) -> Option<(u32, *const c_char)> {
    resolve_into(path, ptr::addr_of_mut!(REL_BUF))
}

/// Like [`resolve`] with a second buffer, for the other path of
/// `rename`/`link`.
pub unsafe fn resolve2(path: *const c_char) -> Option<(u32, *const c_char)> {
    resolve_into(path, ptr::addr_of_mut!(REL_BUF2))
}
