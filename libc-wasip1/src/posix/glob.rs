//! `<glob.h>`: `glob`/`globfree` over opendir/readdir/stat and the top
//! half's `fnmatch`, following musl's rules: a pattern is matched one path
//! component at a time, literal components are taken as they are, leading
//! dots need an explicit dot (unless GLOB_PERIOD), results are sorted with
//! `strcmp` (unless GLOB_NOSORT), GLOB_MARK appends '/' to directories.

use super::dirent::{closedir, opendir, readdir, CDirent};
use super::path::PATH_MAX;
use super::sys_stat::{lstat, stat, Stat, S_IFDIR, S_IFMT};
use crate::cstr;
use crate::errno::get_errno;
use crate::malloc::{free, malloc, realloc};
use crate::wasi;
use core::ffi::{c_char, c_int, c_void};
use core::mem::MaybeUninit;
use core::ptr::{self, null_mut};

pub(crate) const GLOB_ERR: c_int = 0x01;
pub(crate) const GLOB_MARK: c_int = 0x02;
pub(crate) const GLOB_NOSORT: c_int = 0x04;
pub(crate) const GLOB_DOOFFS: c_int = 0x08;
pub(crate) const GLOB_NOCHECK: c_int = 0x10;
pub(crate) const GLOB_APPEND: c_int = 0x20;
pub(crate) const GLOB_NOESCAPE: c_int = 0x40;
pub(crate) const GLOB_PERIOD: c_int = 0x80;
pub(crate) const GLOB_NOSPACE: c_int = 1;
pub(crate) const GLOB_ABORTED: c_int = 2;
pub(crate) const GLOB_NOMATCH: c_int = 3;
const FNM_NOESCAPE: c_int = 2;
const FNM_PERIOD: c_int = 4;
pub(crate) const DT_DIR: u8 = wasi::FILETYPE_DIRECTORY;
pub(crate) const DT_LNK: u8 = wasi::FILETYPE_SYMBOLIC_LINK;

extern "C" {
    fn fnmatch(pattern: *const c_char, s: *const c_char, flags: c_int) -> c_int;
    fn strcmp(a: *const c_char, b: *const c_char) -> c_int;
    fn qsort(base: *mut c_void, n: usize, size: usize, cmp: unsafe extern "C" fn(*const c_void, *const c_void) -> c_int);
}

/// `glob_t`.
#[repr(C)]
pub struct GlobT {
    pub gl_pathc: usize,
    pub gl_pathv: *mut *mut c_char,
    pub gl_offs: usize,
    pub dummy1: c_int,
    pub dummy2: [*mut c_void; 5],
}

type ErrFn = Option<unsafe extern "C" fn(*const c_char, c_int) -> c_int>;

/// Growing list of malloc'd result strings.
struct List {
    items: *mut *mut c_char,
    len: usize,
    cap: usize,
}

impl List {
    unsafe fn push(&mut self, s: &[u8]) -> bool {
        if self.len == self.cap {
            let cap = if self.cap == 0 { 16 } else { self.cap * 2 };
            let p = realloc(self.items as *mut c_void, cap * core::mem::size_of::<*mut c_char>());
            if p.is_null() {
                return false;
            }
            self.items = p as *mut *mut c_char;
            self.cap = cap;
        }
        let copy = malloc(s.len() + 1) as *mut u8;
        if copy.is_null() {
            return false;
        }
        ptr::copy_nonoverlapping(s.as_ptr(), copy, s.len());
        *copy.add(s.len()) = 0;
        *self.items.add(self.len) = copy as *mut c_char;
        self.len += 1;
        true
    }

    unsafe fn free_all(&mut self) {
        for i in 0..self.len {
            free(*self.items.add(i) as *mut c_void);
        }
        free(self.items as *mut c_void);
        *self = List { items: null_mut(), len: 0, cap: 0 };
    }
}

/// Does this pattern component contain `*`, `?` or `[` (not escaped)?
fn has_magic(c: &[u8], noescape: bool) -> bool {
    let mut i = 0;
    while i < c.len() {
        match c[i] {
            b'\\' if !noescape => i += 1,
            b'*' | b'?' | b'[' => return true,
            _ => {}
        }
        i += 1;
    }
    false
}

/// A literal component with its backslash escapes removed.
fn unescape(c: &[u8], out: &mut [u8], noescape: bool) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < c.len() {
        if c[i] == b'\\' && !noescape && i + 1 < c.len() {
            i += 1;
        }
        out[n] = c[i];
        n += 1;
        i += 1;
    }
    n
}

/// Is `path` (NUL-terminated in `buf[..=len]`) a directory (following links)?
unsafe fn is_dir(buf: &[u8]) -> bool {
    let mut st = MaybeUninit::<Stat>::uninit();
    stat(buf.as_ptr() as *const c_char, st.as_mut_ptr()) == 0 && st.assume_init_ref().st_mode & S_IFMT == S_IFDIR
}

struct Walk<'a> {
    flags: c_int,
    errfunc: ErrFn,
    out: &'a mut List,
}

impl Walk<'_> {
    /// Records a match: `buf[..len]`; `dir` says whether it is known to be
    /// a directory (None: find out if GLOB_MARK needs it).
    unsafe fn found(&mut self, buf: &mut [u8; PATH_MAX + 2], len: usize, dir: Option<bool>, must_be_dir: bool) -> c_int {
        buf[len] = 0;
        let need_type = must_be_dir || self.flags & GLOB_MARK != 0;
        let d = match dir {
            Some(d) if !need_type || d => d,
            _ if need_type => is_dir(&buf[..=len]),
            _ => false,
        };
        if must_be_dir && !d {
            return 0;
        }
        let mut n = len;
        if d && (must_be_dir || self.flags & GLOB_MARK != 0) && (n == 0 || buf[n - 1] != b'/') {
            buf[n] = b'/';
            n += 1;
        }
        if !self.out.push(&buf[..n]) {
            return GLOB_NOSPACE;
        }
        0
    }

    /// Matches `pat` (the rest of the pattern) below the path `buf[..len]`.
    unsafe fn walk(&mut self, buf: &mut [u8; PATH_MAX + 2], len: usize, pat: &[u8]) -> c_int {
        let noescape = self.flags & GLOB_NOESCAPE != 0;
        // Copy leading slashes to the path.
        let mut pat = pat;
        let mut len = len;
        while let Some((&b'/', rest)) = pat.split_first() {
            if len >= PATH_MAX {
                return 0;
            }
            buf[len] = b'/';
            len += 1;
            pat = rest;
        }
        if pat.is_empty() {
            // The pattern ended with '/': only directories match.
            let trailing = len > 0 && buf[len - 1] == b'/';
            buf[len] = 0;
            if !trailing {
                return self.exists_then(buf, len);
            }
            return self.found(buf, len, None, true);
        }
        let end = pat.iter().position(|&c| c == b'/').unwrap_or(pat.len());
        let (comp, rest) = (&pat[..end], &pat[end..]);
        let last = rest.iter().all(|&c| c == b'/');
        if !has_magic(comp, noescape) {
            let mut tmp = [0u8; PATH_MAX];
            let n = unescape(comp, &mut tmp, noescape);
            if len + n > PATH_MAX {
                return 0;
            }
            buf[len..len + n].copy_from_slice(&tmp[..n]);
            if last && rest.is_empty() {
                return self.exists_then(buf, len + n);
            }
            return self.walk(buf, len + n, rest);
        }
        // A component with wildcards: list the directory.
        buf[len] = 0;
        let dir = if len == 0 { opendir(c".".as_ptr()) } else { opendir(buf.as_ptr() as *const c_char) };
        if dir.is_null() {
            let e = get_errno();
            if e == wasi::ENOENT as c_int || e == wasi::ENOTDIR as c_int {
                return 0;
            }
            let shown = if len == 0 { c".".as_ptr() } else { buf.as_ptr() as *const c_char };
            let stop = self.errfunc.map(|f| f(shown, e)).unwrap_or(0);
            return if stop != 0 || self.flags & GLOB_ERR != 0 { GLOB_ABORTED } else { 0 };
        }
        let mut cpat = [0u8; PATH_MAX + 1];
        cpat[..comp.len()].copy_from_slice(comp);
        let mut fnm = if noescape { FNM_NOESCAPE } else { 0 };
        if self.flags & GLOB_PERIOD == 0 {
            fnm |= FNM_PERIOD;
        }
        let mut result = 0;
        loop {
            let de: *mut CDirent = readdir(dir);
            if de.is_null() {
                break;
            }
            let name_ptr = (de as *const u8).add(9) as *const c_char;
            let name = cstr::bytes(name_ptr);
            let dtype = (*de).d_type;
            if fnmatch(cpat.as_ptr() as *const c_char, name_ptr, fnm) != 0 {
                continue;
            }
            if !last && dtype != 0 && dtype != DT_DIR && dtype != DT_LNK {
                continue;
            }
            if len + name.len() > PATH_MAX {
                continue;
            }
            buf[len..len + name.len()].copy_from_slice(name);
            let n = len + name.len();
            let r = if last && rest.is_empty() {
                let known = if dtype == DT_DIR { Some(true) } else if dtype == 0 || dtype == DT_LNK { None } else { Some(false) };
                self.found(buf, n, known, false)
            } else {
                self.walk(buf, n, rest)
            };
            if r != 0 {
                result = r;
                break;
            }
        }
        closedir(dir);
        result
    }

    /// Adds `buf[..len]` if it exists (a literal final component).
    unsafe fn exists_then(&mut self, buf: &mut [u8; PATH_MAX + 2], len: usize) -> c_int {
        buf[len] = 0;
        let mut st = MaybeUninit::<Stat>::uninit();
        if lstat(buf.as_ptr() as *const c_char, st.as_mut_ptr()) != 0 {
            let e = get_errno();
            if e != wasi::ENOENT as c_int && e != wasi::ENOTDIR as c_int {
                let stop = self.errfunc.map(|f| f(buf.as_ptr() as *const c_char, e)).unwrap_or(0);
                if stop != 0 || self.flags & GLOB_ERR != 0 {
                    return GLOB_ABORTED;
                }
            }
            return 0;
        }
        self.found(buf, len, None, false)
    }
}

unsafe extern "C" fn by_strcmp(a: *const c_void, b: *const c_void) -> c_int {
    strcmp(*(a as *const *const c_char), *(b as *const *const c_char))
}

/// `glob`.
#[no_mangle]
pub unsafe extern "C" fn glob(pat: *const c_char, flags: c_int, errfunc: ErrFn, g: *mut GlobT) -> c_int {
    let g = &mut *g;
    let offs = if flags & GLOB_DOOFFS != 0 { g.gl_offs } else { 0 };
    if flags & GLOB_APPEND == 0 {
        g.gl_offs = offs;
        g.gl_pathc = 0;
        g.gl_pathv = null_mut();
    }
    let pattern = cstr::bytes(pat);
    let mut list = List { items: null_mut(), len: 0, cap: 0 };
    let mut error = 0;
    if !pattern.is_empty() {
        let mut buf = [0u8; PATH_MAX + 2];
        let mut w = Walk { flags, errfunc, out: &mut list };
        error = w.walk(&mut buf, 0, pattern);
    }
    if error == GLOB_NOSPACE {
        list.free_all();
        return error;
    }
    if list.len == 0 {
        if flags & GLOB_NOCHECK != 0 {
            if !list.push(pattern) {
                return GLOB_NOSPACE;
            }
        } else if error == 0 {
            return GLOB_NOMATCH;
        }
    }
    let cnt = list.len;
    let base = if flags & GLOB_APPEND != 0 { offs + g.gl_pathc } else { offs };
    let total = base + cnt + 1;
    let pv = if flags & GLOB_APPEND != 0 {
        realloc(g.gl_pathv as *mut c_void, total * core::mem::size_of::<*mut c_char>())
    } else {
        malloc(total * core::mem::size_of::<*mut c_char>())
    } as *mut *mut c_char;
    if pv.is_null() {
        list.free_all();
        return GLOB_NOSPACE;
    }
    if flags & GLOB_APPEND == 0 {
        for i in 0..offs {
            *pv.add(i) = null_mut();
        }
    }
    ptr::copy_nonoverlapping(list.items, pv.add(base), cnt);
    *pv.add(base + cnt) = null_mut();
    free(list.items as *mut c_void);
    g.gl_pathv = pv;
    g.gl_pathc += cnt;
    if flags & GLOB_NOSORT == 0 && cnt > 1 {
        qsort(pv.add(base) as *mut c_void, cnt, core::mem::size_of::<*mut c_char>(), by_strcmp);
    }
    error
}

/// `globfree`.
#[no_mangle]
pub unsafe extern "C" fn globfree(g: *mut GlobT) {
    let g = &mut *g;
    if g.gl_pathv.is_null() {
        return;
    }
    for i in 0..g.gl_pathc {
        free(*g.gl_pathv.add(g.gl_offs + i) as *mut c_void);
    }
    free(g.gl_pathv as *mut c_void);
    g.gl_pathc = 0;
    g.gl_pathv = null_mut();
}

/// `glob64` (LFS alias).
#[no_mangle]
pub unsafe extern "C" fn glob64(pat: *const c_char, flags: c_int, errfunc: ErrFn, g: *mut GlobT) -> c_int {
    glob(pat, flags, errfunc, g)
}

/// `globfree64` (LFS alias).
#[no_mangle]
pub unsafe extern "C" fn globfree64(g: *mut GlobT) {
    globfree(g)
}
