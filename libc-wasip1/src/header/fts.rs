//! `fts.h`: walking file hierarchies (`fts_open`, `fts_read`,
//! `fts_children`, `fts_set`, `fts_close`), with the ABI and behaviour of
//! wasi-libc's fts (the 4.4BSD design as packaged by musl-fts, built
//! without `fchdir`, so every walk is `FTS_NOCHDIR`).
//!
//! How a walk works: every entry (`FTSENT`) is one allocation holding its
//! name and, unless `FTS_NOSTAT`, its `struct stat`. All entries share the
//! stream's path buffer (`fts_path`), which always holds the path of the
//! entry last returned; entries of a directory are read (and stat'ed) in
//! one go when the walk enters it, linked through `fts_link`, optionally
//! sorted with the user's comparison. An entry is freed when the walk
//! moves past it. A directory is returned twice: `FTS_D` before its
//! children and `FTS_DP` after.

use crate::posix::dirent::{closedir, opendir, readdir, CDirent};
use crate::posix::sys_stat::{lstat, stat, Stat, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG};
use core::ffi::{c_char, c_int, c_void};
use core::mem::size_of;
use core::ptr::{self, null_mut};

extern "C" {
    fn malloc(n: usize) -> *mut c_void;
    fn calloc(n: usize, size: usize) -> *mut c_void;
    fn realloc(p: *mut c_void, n: usize) -> *mut c_void;
    fn free(p: *mut c_void);
    fn qsort(base: *mut c_void, n: usize, w: usize, cmp: Compar);
}

/// The user's comparison of two entries (as `qsort` sees them).
type Compar = unsafe extern "C" fn(*const c_void, *const c_void) -> c_int;

// fts_open options.
pub const FTS_COMFOLLOW: c_int = 0x001;
pub const FTS_LOGICAL: c_int = 0x002;
pub const FTS_NOCHDIR: c_int = 0x004;
pub const FTS_NOSTAT: c_int = 0x008;
pub const FTS_PHYSICAL: c_int = 0x010;
pub const FTS_SEEDOT: c_int = 0x020;
pub const FTS_XDEV: c_int = 0x040;
pub const FTS_OPTIONMASK: c_int = 0x0ff;
/// Private: the child list holds names only.
const FTS_NAMEONLY: c_int = 0x100;
/// Private: an unrecoverable error stopped the walk.
const FTS_STOP: c_int = 0x200;

// fts_level.
const FTS_ROOTPARENTLEVEL: c_int = -1;
const FTS_ROOTLEVEL: c_int = 0;

// fts_info.
pub const FTS_D: u16 = 1;
pub const FTS_DC: u16 = 2;
pub const FTS_DEFAULT: u16 = 3;
pub const FTS_DNR: u16 = 4;
pub const FTS_DOT: u16 = 5;
pub const FTS_DP: u16 = 6;
pub const FTS_ERR: u16 = 7;
pub const FTS_F: u16 = 8;
pub const FTS_INIT: u16 = 9;
pub const FTS_NS: u16 = 10;
pub const FTS_NSOK: u16 = 11;
pub const FTS_SL: u16 = 12;
pub const FTS_SLNONE: u16 = 13;

// fts_set instructions.
pub const FTS_AGAIN: c_int = 1;
pub const FTS_FOLLOW: c_int = 2;
pub const FTS_NOINSTR: c_int = 3;
pub const FTS_SKIP: c_int = 4;

/// `DT_DIR` and `DT_UNKNOWN` of `struct dirent`.
const DT_DIR: u8 = 3;
const DT_UNKNOWN: u8 = 0;

/// Initial size of the path buffer (`MAXPATHLEN`).
const MAXPATHLEN: usize = 4096;

/// wasi-libc's `FTS` (48 bytes).
#[repr(C)]
pub struct Fts {
    pub fts_cur: *mut FtsEnt,
    pub fts_child: *mut FtsEnt,
    pub fts_array: *mut *mut FtsEnt,
    pub fts_dev: u64,
    pub fts_path: *mut c_char,
    pub fts_rfd: c_int,
    pub fts_pathlen: u32,
    pub fts_nitems: u32,
    pub fts_compar: Option<Compar>,
    pub fts_options: c_int,
}

/// wasi-libc's `FTSENT` (96 bytes before the name).
#[repr(C)]
pub struct FtsEnt {
    pub fts_cycle: *mut FtsEnt,
    pub fts_parent: *mut FtsEnt,
    pub fts_link: *mut FtsEnt,
    pub fts_number: i64,
    pub fts_pointer: *mut c_void,
    pub fts_accpath: *mut c_char,
    pub fts_path: *mut c_char,
    pub fts_errno: c_int,
    pub fts_symfd: c_int,
    pub fts_pathlen: u32,
    pub fts_namelen: u32,
    pub fts_ino: u64,
    pub fts_dev: u64,
    pub fts_nlink: u64,
    pub fts_level: c_int,
    pub fts_info: u16,
    pub fts_flags: u16,
    pub fts_instr: u16,
    pub fts_statp: *mut Stat,
    pub fts_name: [c_char; 1],
}

fn set_errno(e: c_int) {
    crate::errno::set_errno(e as _)
}

fn errno() -> c_int {
    crate::errno::get_errno()
}

const ENOENT: c_int = 44;
const EINVAL: c_int = 28;

unsafe fn isset(sp: *mut Fts, opt: c_int) -> bool {
    (*sp).fts_options & opt != 0
}

unsafe fn name_ptr(p: *mut FtsEnt) -> *mut c_char {
    ptr::addr_of_mut!((*p).fts_name) as *mut c_char
}

/// Whether a name is "." or "..".
unsafe fn is_dot(name: *const c_char) -> bool {
    let n = crate::cstr::bytes(name);
    n == b"." || n == b".."
}

/// A new entry named by the `len` bytes at `name`, with room for its stat
/// buffer unless `FTS_NOSTAT`.
unsafe fn alloc_entry(sp: *mut Fts, name: *const c_char, len: usize) -> *mut FtsEnt {
    let head = size_of::<FtsEnt>() - 1;
    let stat_at = (head + len + 1 + 7) & !7;
    let total = if isset(sp, FTS_NOSTAT) { head + len + 1 } else { stat_at + size_of::<Stat>() };
    let p = malloc(total) as *mut FtsEnt;
    if p.is_null() {
        return p;
    }
    ptr::write_bytes(p as *mut u8, 0, head);
    ptr::copy_nonoverlapping(name, name_ptr(p), len);
    *name_ptr(p).add(len) = 0;
    (*p).fts_namelen = len as u32;
    (*p).fts_path = (*sp).fts_path;
    (*p).fts_instr = FTS_NOINSTR as u16;
    if !isset(sp, FTS_NOSTAT) {
        (*p).fts_statp = (p as *mut u8).add(stat_at) as *mut Stat;
    }
    p
}

/// Frees a list of entries linked by `fts_link`.
unsafe fn free_list(mut p: *mut FtsEnt) {
    while !p.is_null() {
        let next = (*p).fts_link;
        free(p as *mut c_void);
        p = next;
    }
}

/// Stats `p` (through its access path) and classifies it; `follow`
/// follows a symbolic link (as `FTS_LOGICAL` always does).
unsafe fn stat_entry(sp: *mut Fts, p: *mut FtsEnt, follow: bool) -> u16 {
    let mut local: Stat = core::mem::zeroed();
    let sbp: *mut Stat = if isset(sp, FTS_NOSTAT) { &mut local } else { (*p).fts_statp };
    if isset(sp, FTS_LOGICAL) || follow {
        if stat((*p).fts_accpath, sbp) != 0 {
            let saved = errno();
            if saved == ENOENT && lstat((*p).fts_accpath, sbp) == 0 {
                set_errno(0);
                return FTS_SLNONE;
            }
            (*p).fts_errno = saved;
            ptr::write_bytes(sbp, 0, 1);
            return FTS_NS;
        }
    } else if lstat((*p).fts_accpath, sbp) != 0 {
        (*p).fts_errno = errno();
        ptr::write_bytes(sbp, 0, 1);
        return FTS_NS;
    }
    let mode = (*sbp).st_mode & S_IFMT;
    if mode == S_IFDIR {
        (*p).fts_dev = (*sbp).st_dev;
        (*p).fts_ino = (*sbp).st_ino;
        (*p).fts_nlink = (*sbp).st_nlink;
        if is_dot(name_ptr(p)) {
            return FTS_DOT;
        }
        let mut t = (*p).fts_parent;
        while !t.is_null() && (*t).fts_level >= FTS_ROOTLEVEL {
            if (*t).fts_ino == (*sbp).st_ino && (*t).fts_dev == (*sbp).st_dev {
                (*p).fts_cycle = t;
                return FTS_DC;
            }
            t = (*t).fts_parent;
        }
        return FTS_D;
    }
    match mode {
        S_IFLNK => FTS_SL,
        S_IFREG => FTS_F,
        _ => FTS_DEFAULT,
    }
}

/// Sorts `nitems` entries linked from `head` with the user's comparison.
unsafe fn sort(sp: *mut Fts, head: *mut FtsEnt, nitems: usize) -> *mut FtsEnt {
    let Some(compar) = (*sp).fts_compar else { return head };
    if nitems > (*sp).fts_nitems as usize {
        let n = nitems + 40;
        let a = realloc((*sp).fts_array as *mut c_void, n * size_of::<*mut FtsEnt>()) as *mut *mut FtsEnt;
        if a.is_null() {
            // Cannot sort: keep directory order.
            return head;
        }
        (*sp).fts_array = a;
        (*sp).fts_nitems = n as u32;
    }
    let a = (*sp).fts_array;
    let mut p = head;
    for i in 0..nitems {
        *a.add(i) = p;
        p = (*p).fts_link;
    }
    qsort(a as *mut c_void, nitems, size_of::<*mut FtsEnt>(), compar);
    for i in 0..nitems - 1 {
        (**a.add(i)).fts_link = *a.add(i + 1);
    }
    (**a.add(nitems - 1)).fts_link = null_mut();
    *a
}

/// Grows the path buffer to hold at least `more` more bytes, and points
/// every live entry's paths into the new buffer.
unsafe fn grow_path(sp: *mut Fts, more: usize, extra: *mut FtsEnt) -> bool {
    let old = (*sp).fts_path;
    let size = (*sp).fts_pathlen as usize + more + 256;
    let new = realloc(old as *mut c_void, size) as *mut c_char;
    if new.is_null() {
        return false;
    }
    (*sp).fts_path = new;
    (*sp).fts_pathlen = size as u32;
    let adjust = |p: *mut FtsEnt| {
        if (*p).fts_accpath == (*p).fts_path {
            (*p).fts_accpath = new;
        } else if !(*p).fts_accpath.is_null() && (*p).fts_accpath >= old && (*p).fts_accpath < old.add(size) {
            (*p).fts_accpath = new.offset((*p).fts_accpath.offset_from(old));
        }
        (*p).fts_path = new;
    };
    for list in [(*sp).fts_child, extra] {
        let mut p = list;
        while !p.is_null() {
            adjust(p);
            p = (*p).fts_link;
        }
    }
    // The current entry, its siblings and its ancestors (and theirs).
    let mut p = (*sp).fts_cur;
    while !p.is_null() && (*p).fts_level >= FTS_ROOTLEVEL {
        adjust(p);
        p = if !(*p).fts_link.is_null() { (*p).fts_link } else { (*p).fts_parent };
    }
    true
}

/// Length of `p`'s path without a trailing '/'.
unsafe fn path_end(sp: *mut Fts, p: *mut FtsEnt) -> usize {
    let len = (*p).fts_pathlen as usize;
    if len > 0 && *(*sp).fts_path.add(len - 1) == b'/' as c_char {
        len - 1
    } else {
        len
    }
}

/// How `build` is called.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Build {
    /// From `fts_read`: entering the directory.
    Read,
    /// From `fts_children`.
    Child,
    /// From `fts_children(FTS_NAMEONLY)`: names only, no stat.
    Names,
}

/// Reads the current directory's entries into a list (sorted if there is
/// a comparison). Null if it cannot be read or is empty; from `fts_read`
/// the directory's `fts_info` then becomes `FTS_DNR` or `FTS_DP`.
unsafe fn build(sp: *mut Fts, kind: Build) -> *mut FtsEnt {
    let cur = (*sp).fts_cur;
    let dir = opendir((*cur).fts_accpath);
    if dir.is_null() {
        if kind == Build::Read {
            (*cur).fts_info = FTS_DNR;
            (*cur).fts_errno = errno();
        }
        return null_mut();
    }
    // How many stat calls are needed: none for names only; with
    // FTS_NOSTAT in a physical walk, only for possible directories.
    let (mut nlinks, nostat): (i64, bool) = if kind == Build::Names {
        (0, true)
    } else if isset(sp, FTS_NOSTAT) && isset(sp, FTS_PHYSICAL) {
        ((*cur).fts_nlink as i64 - if isset(sp, FTS_SEEDOT) { 0 } else { 2 }, true)
    } else {
        (-1, false)
    };
    let mut len = path_end(sp, cur);
    *(*sp).fts_path.add(len) = b'/' as c_char;
    len += 1;
    let level = (*cur).fts_level + 1;
    let (mut head, mut tail): (*mut FtsEnt, *mut FtsEnt) = (null_mut(), null_mut());
    let mut nitems = 0usize;
    loop {
        let dp = readdir(dir);
        if dp.is_null() {
            break;
        }
        let dname = (dp as *const u8).add(core::mem::offset_of!(CDirent, d_type) + 1) as *const c_char;
        if !isset(sp, FTS_SEEDOT) && is_dot(dname) {
            continue;
        }
        let dlen = crate::cstr::len(dname);
        let p = alloc_entry(sp, dname, dlen);
        if p.is_null() {
            free_list(head);
            closedir(dir);
            (*cur).fts_info = FTS_ERR;
            (*sp).fts_options |= FTS_STOP;
            return null_mut();
        }
        if len + dlen + 1 >= (*sp).fts_pathlen as usize && !grow_path(sp, len + dlen + 1, head) {
            free(p as *mut c_void);
            free_list(head);
            closedir(dir);
            (*cur).fts_info = FTS_ERR;
            (*sp).fts_options |= FTS_STOP;
            return null_mut();
        }
        (*p).fts_path = (*sp).fts_path;
        (*p).fts_pathlen = (len + dlen) as u32;
        (*p).fts_parent = cur;
        (*p).fts_level = level;
        (*p).fts_accpath = (*p).fts_path;
        let d_type = (*dp).d_type;
        if nlinks == 0 || (nostat && d_type != DT_DIR && d_type != DT_UNKNOWN) {
            (*p).fts_info = FTS_NSOK;
        } else {
            ptr::copy_nonoverlapping(dname, (*sp).fts_path.add(len), dlen + 1);
            (*p).fts_info = stat_entry(sp, p, false);
            if nlinks > 0 && matches!((*p).fts_info, FTS_D | FTS_DC | FTS_DOT) {
                nlinks -= 1;
            }
        }
        if head.is_null() {
            head = p;
        } else {
            (*tail).fts_link = p;
        }
        tail = p;
        nitems += 1;
    }
    closedir(dir);
    // Put the directory's path back (with its '/' if it has entries).
    *(*sp).fts_path.add(if nitems == 0 { len - 1 } else { len }) = 0;
    if nitems == 0 {
        if kind == Build::Read {
            (*cur).fts_info = FTS_DP;
        }
        return null_mut();
    }
    if nitems > 1 {
        head = sort(sp, head, nitems);
    }
    head
}

/// Makes root `p` current: the path buffer holds its path, and its name
/// becomes the last component of that path.
unsafe fn load_root(sp: *mut Fts, p: *mut FtsEnt) {
    let len = (*p).fts_namelen as usize;
    (*p).fts_pathlen = len as u32;
    ptr::copy_nonoverlapping(name_ptr(p), (*sp).fts_path, len + 1);
    let name = crate::cstr::bytes(name_ptr(p));
    if let Some(slash) = name.iter().rposition(|&c| c == b'/') {
        if slash != 0 || slash + 1 < name.len() {
            let rest = name.len() - slash - 1;
            ptr::copy(name_ptr(p).add(slash + 1), name_ptr(p), rest + 1);
            (*p).fts_namelen = rest as u32;
        }
    }
    (*p).fts_path = (*sp).fts_path;
    (*p).fts_accpath = (*sp).fts_path;
    (*sp).fts_dev = (*p).fts_dev;
}

/// C `fts_open`: starts a walk of the paths in the null-terminated `argv`
/// with `options` (`FTS_LOGICAL` or `FTS_PHYSICAL`, plus others), visiting
/// siblings in `compar` order if given (else directory order, roots in
/// argument order). Null with `EINVAL` for bad options, `ENOENT` for an
/// empty path, `ENOMEM`.
#[no_mangle]
pub unsafe extern "C" fn fts_open(argv: *const *const c_char, options: c_int, compar: Option<Compar>) -> *mut Fts {
    // Without fchdir every walk is FTS_NOCHDIR (as in wasi-libc).
    let options = options | FTS_NOCHDIR;
    if options & !FTS_OPTIONMASK != 0 {
        set_errno(EINVAL);
        return null_mut();
    }
    let sp = calloc(1, size_of::<Fts>()) as *mut Fts;
    if sp.is_null() {
        return null_mut();
    }
    (*sp).fts_compar = compar;
    (*sp).fts_options = options;
    let mut maxarg = 0;
    let mut n = 0;
    while !(*argv.add(n)).is_null() {
        maxarg = maxarg.max(crate::cstr::len(*argv.add(n)) + 1);
        n += 1;
    }
    let size = maxarg.max(MAXPATHLEN);
    (*sp).fts_path = malloc(size) as *mut c_char;
    if (*sp).fts_path.is_null() {
        free(sp as *mut c_void);
        return null_mut();
    }
    (*sp).fts_pathlen = size as u32;
    let parent = alloc_entry(sp, b"\0".as_ptr() as *const c_char, 0);
    if parent.is_null() {
        return fail_open(sp, null_mut(), null_mut());
    }
    (*parent).fts_level = FTS_ROOTPARENTLEVEL;
    let (mut root, mut tail): (*mut FtsEnt, *mut FtsEnt) = (null_mut(), null_mut());
    for i in 0..n {
        let arg = *argv.add(i);
        let len = crate::cstr::len(arg);
        if len == 0 {
            set_errno(ENOENT);
            return fail_open(sp, root, parent);
        }
        let p = alloc_entry(sp, arg, len);
        if p.is_null() {
            return fail_open(sp, root, parent);
        }
        (*p).fts_level = FTS_ROOTLEVEL;
        (*p).fts_parent = parent;
        (*p).fts_accpath = name_ptr(p);
        (*p).fts_info = stat_entry(sp, p, options & FTS_COMFOLLOW != 0);
        if (*p).fts_info == FTS_DOT {
            (*p).fts_info = FTS_D;
        }
        if compar.is_some() {
            (*p).fts_link = root;
            root = p;
        } else {
            if root.is_null() {
                root = p;
            } else {
                (*tail).fts_link = p;
            }
            tail = p;
        }
    }
    if compar.is_some() && n > 1 {
        root = sort(sp, root, n);
    }
    let cur = alloc_entry(sp, b"\0".as_ptr() as *const c_char, 0);
    if cur.is_null() {
        return fail_open(sp, root, parent);
    }
    (*cur).fts_link = root;
    (*cur).fts_info = FTS_INIT;
    (*sp).fts_cur = cur;
    sp
}

/// Frees a half-built stream; returns null.
unsafe fn fail_open(sp: *mut Fts, roots: *mut FtsEnt, parent: *mut FtsEnt) -> *mut Fts {
    free_list(roots);
    free(parent as *mut c_void);
    free((*sp).fts_array as *mut c_void);
    free((*sp).fts_path as *mut c_void);
    free(sp as *mut c_void);
    null_mut()
}

/// Writes `p`'s path (its parent's path, '/', its name) into the buffer.
unsafe fn append_name(sp: *mut Fts, p: *mut FtsEnt) {
    let at = path_end(sp, (*p).fts_parent);
    let t = (*sp).fts_path.add(at);
    *t = b'/' as c_char;
    ptr::copy(name_ptr(p), t.add(1), (*p).fts_namelen as usize + 1);
}

/// C `fts_read`: the next entry of the walk, or null at the end (with
/// errno 0) or on a fatal error.
#[no_mangle]
pub unsafe extern "C" fn fts_read(sp: *mut Fts) -> *mut FtsEnt {
    if sp.is_null() || (*sp).fts_cur.is_null() || isset(sp, FTS_STOP) {
        return null_mut();
    }
    let mut p = (*sp).fts_cur;
    let instr = (*p).fts_instr as c_int;
    (*p).fts_instr = FTS_NOINSTR as u16;

    if instr == FTS_AGAIN {
        (*p).fts_info = stat_entry(sp, p, false);
        return p;
    }
    if instr == FTS_FOLLOW && matches!((*p).fts_info, FTS_SL | FTS_SLNONE) {
        (*p).fts_info = stat_entry(sp, p, true);
        return p;
    }

    if (*p).fts_info == FTS_D {
        // Skipped, or another device under FTS_XDEV: straight to postorder.
        if instr == FTS_SKIP || (isset(sp, FTS_XDEV) && (*p).fts_dev != (*sp).fts_dev) {
            free_list((*sp).fts_child);
            (*sp).fts_child = null_mut();
            (*p).fts_info = FTS_DP;
            return p;
        }
        if !(*sp).fts_child.is_null() && isset(sp, FTS_NAMEONLY) {
            (*sp).fts_options &= !FTS_NAMEONLY;
            free_list((*sp).fts_child);
            (*sp).fts_child = null_mut();
        }
        if (*sp).fts_child.is_null() {
            (*sp).fts_child = build(sp, Build::Read);
            if (*sp).fts_child.is_null() {
                if isset(sp, FTS_STOP) {
                    return null_mut();
                }
                return p;
            }
        }
        p = (*sp).fts_child;
        (*sp).fts_child = null_mut();
        append_name(sp, p);
        (*sp).fts_cur = p;
        return p;
    }

    // The next entry at this level.
    loop {
        let tmp = p;
        p = (*p).fts_link;
        if p.is_null() {
            // Back up to the parent: its postorder visit.
            let parent = (*tmp).fts_parent;
            free(tmp as *mut c_void);
            if (*parent).fts_level == FTS_ROOTPARENTLEVEL {
                free(parent as *mut c_void);
                set_errno(0);
                (*sp).fts_cur = null_mut();
                return null_mut();
            }
            *(*sp).fts_path.add((*parent).fts_pathlen as usize) = 0;
            (*parent).fts_info = if (*parent).fts_errno != 0 { FTS_ERR } else { FTS_DP };
            (*sp).fts_cur = parent;
            return parent;
        }
        free(tmp as *mut c_void);
        if (*p).fts_level == FTS_ROOTLEVEL {
            load_root(sp, p);
            (*sp).fts_cur = p;
            return p;
        }
        if (*p).fts_instr as c_int == FTS_SKIP {
            continue;
        }
        if (*p).fts_instr as c_int == FTS_FOLLOW {
            (*p).fts_info = stat_entry(sp, p, true);
            (*p).fts_instr = FTS_NOINSTR as u16;
        }
        append_name(sp, p);
        (*sp).fts_cur = p;
        return p;
    }
}

/// C `fts_set`: an instruction for entry `p` (`FTS_AGAIN`, `FTS_FOLLOW`,
/// `FTS_SKIP`, `FTS_NOINSTR`) acted on by the next `fts_read`. 1 with
/// `EINVAL` for another value.
#[no_mangle]
pub unsafe extern "C" fn fts_set(_sp: *mut Fts, p: *mut FtsEnt, instr: c_int) -> c_int {
    if instr != 0 && !matches!(instr, FTS_AGAIN | FTS_FOLLOW | FTS_NOINSTR | FTS_SKIP) {
        set_errno(EINVAL);
        return 1;
    }
    (*p).fts_instr = instr as u16;
    0
}

/// C `fts_children`: the entries of the directory just returned in
/// preorder (the roots before the first `fts_read`), as a list the next
/// `fts_read` walks; `FTS_NAMEONLY` reads names only. Null with errno 0
/// for an empty directory or a non-directory.
#[no_mangle]
pub unsafe extern "C" fn fts_children(sp: *mut Fts, instr: c_int) -> *mut FtsEnt {
    if instr != 0 && instr != FTS_NAMEONLY {
        set_errno(EINVAL);
        return null_mut();
    }
    let p = (*sp).fts_cur;
    set_errno(0);
    if isset(sp, FTS_STOP) || p.is_null() {
        return null_mut();
    }
    if (*p).fts_info == FTS_INIT {
        return (*p).fts_link;
    }
    if (*p).fts_info != FTS_D {
        return null_mut();
    }
    free_list((*sp).fts_child);
    (*sp).fts_child = null_mut();
    let kind = if instr == FTS_NAMEONLY {
        (*sp).fts_options |= FTS_NAMEONLY;
        Build::Names
    } else {
        Build::Child
    };
    (*sp).fts_child = build(sp, kind);
    (*sp).fts_child
}

/// C `fts_close`: ends a walk and frees everything. 0.
#[no_mangle]
pub unsafe extern "C" fn fts_close(sp: *mut Fts) -> c_int {
    if sp.is_null() {
        return 0;
    }
    let mut p = (*sp).fts_cur;
    if !p.is_null() {
        while (*p).fts_level >= FTS_ROOTLEVEL {
            let freep = p;
            p = if !(*p).fts_link.is_null() { (*p).fts_link } else { (*p).fts_parent };
            free(freep as *mut c_void);
        }
        free(p as *mut c_void);
    }
    free_list((*sp).fts_child);
    free((*sp).fts_array as *mut c_void);
    free((*sp).fts_path as *mut c_void);
    free(sp as *mut c_void);
    0
}
