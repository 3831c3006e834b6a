//! Streams that are not file descriptors: `fmemopen` (a fixed buffer),
//! `open_memstream` (a growing buffer published through `*bufp`/`*sizep`
//! on flush) and `fopencookie` (user callbacks).

use super::file::{self, File, Ops, F_NORD};
use super::stream::parse_mode;
use crate::header::ext::{self, errno, set_errno};
use core::ffi::{c_char, c_int, c_void};
use core::mem::size_of;

/// State of an `fmemopen` stream.
struct MemCookie {
    pos: usize,
    len: usize,
    size: usize,
    buf: *mut u8,
    append: bool,
    /// The buffer was allocated by `fmemopen` (freed on close).
    owned: bool,
}

unsafe fn cookie<T>(f: *mut File) -> &'static mut T {
    &mut *((*f).cookie as *mut T)
}

unsafe fn mem_read(f: *mut File, p: *mut u8, n: usize) -> isize {
    let c = cookie::<MemCookie>(f);
    let rem = c.len.saturating_sub(c.pos);
    let k = n.min(rem);
    core::ptr::copy_nonoverlapping(c.buf.add(c.pos), p, k);
    c.pos += k;
    k as isize
}

unsafe fn mem_write(f: *mut File, p: *const u8, n: usize) -> isize {
    let c = cookie::<MemCookie>(f);
    if c.append {
        c.pos = c.len;
    }
    let k = n.min(c.size.saturating_sub(c.pos));
    core::ptr::copy_nonoverlapping(p, c.buf.add(c.pos), k);
    c.pos += k;
    if c.pos > c.len {
        c.len = c.pos;
        if c.len < c.size {
            *c.buf.add(c.len) = 0;
        } else if (*f).flags & F_NORD != 0 && c.size > 0 {
            *c.buf.add(c.size - 1) = 0;
        }
    }
    // Bytes beyond the end are dropped without an error, as musl does.
    n as isize
}

unsafe fn mem_seek(f: *mut File, off: i64, whence: c_int) -> i64 {
    let c = cookie::<MemCookie>(f);
    let base = match whence {
        0 => 0,
        1 => c.pos as i64,
        _ => c.len as i64,
    };
    let np = base + off;
    if np < 0 || np > c.size as i64 {
        set_errno(errno::EINVAL);
        return -1;
    }
    c.pos = np as usize;
    np
}

unsafe fn mem_close(f: *mut File) -> c_int {
    let c = cookie::<MemCookie>(f);
    if c.owned {
        ext::free(c.buf as *mut c_void);
    }
    ext::free((*f).cookie);
    0
}

const MEM_OPS: Ops = Ops { read: mem_read, write: mem_write, seek: mem_seek, close: mem_close };

/// Allocates a stream with a `BUFSIZ` buffer, backend `ops` and a fresh
/// zeroed cookie of `T`'s size.
unsafe fn new_stream<T>(flags: u32, ops: Ops) -> Option<(*mut File, *mut T)> {
    let c = ext::calloc(1, size_of::<T>()) as *mut T;
    if c.is_null() {
        set_errno(errno::ENOMEM);
        return None;
    }
    let f = file::alloc_file(-1, flags);
    if f.is_null() {
        ext::free(c as *mut c_void);
        return None;
    }
    (*f).ops = ops;
    (*f).cookie = c as *mut c_void;
    Some((f, c))
}

/// C `fmemopen`.
#[no_mangle]
pub unsafe extern "C" fn fmemopen(buf: *mut c_void, size: usize, mode: *const c_char) -> *mut File {
    if size == 0 {
        set_errno(errno::EINVAL);
        return core::ptr::null_mut();
    }
    let Some((_, sf)) = parse_mode(mode) else {
        return core::ptr::null_mut();
    };
    let plus = !crate::header::string::strchr(mode, b'+' as c_int).is_null();
    let mut owned = false;
    let mut b = buf as *mut u8;
    if b.is_null() {
        b = ext::calloc(1, size) as *mut u8;
        if b.is_null() {
            set_errno(errno::ENOMEM);
            return core::ptr::null_mut();
        }
        owned = true;
    }
    let Some((f, c)) = new_stream::<MemCookie>(sf, MEM_OPS) else {
        if owned {
            ext::free(b as *mut c_void);
        }
        return core::ptr::null_mut();
    };
    let m = *(mode as *const u8);
    let len = match m {
        b'r' => size,
        b'a' => crate::header::string::strnlen(b as *const c_char, size),
        _ => {
            if plus {
                *b = 0;
            }
            0
        }
    };
    c.write(MemCookie { pos: if m == b'a' { len } else { 0 }, len, size, buf: b, append: m == b'a', owned });
    file::link(f);
    f
}

/// State of an `open_memstream` stream.
struct DynCookie {
    bufp: *mut *mut c_char,
    sizep: *mut usize,
    pos: usize,
    len: usize,
    space: usize,
    buf: *mut u8,
}

unsafe fn dyn_write(f: *mut File, p: *const u8, n: usize) -> isize {
    let c = cookie::<DynCookie>(f);
    if c.pos + n + 1 > c.space {
        let space = (c.pos + n + 1).max(c.space * 2);
        let nb = ext::realloc(c.buf as *mut c_void, space) as *mut u8;
        if nb.is_null() {
            return -1;
        }
        core::ptr::write_bytes(nb.add(c.space), 0, space - c.space);
        c.buf = nb;
        c.space = space;
        *c.bufp = nb as *mut c_char;
    }
    core::ptr::copy_nonoverlapping(p, c.buf.add(c.pos), n);
    c.pos += n;
    if c.pos >= c.len {
        c.len = c.pos;
    }
    *c.sizep = c.pos;
    n as isize
}

unsafe fn dyn_read(_f: *mut File, _p: *mut u8, _n: usize) -> isize {
    -1
}

unsafe fn dyn_seek(f: *mut File, off: i64, whence: c_int) -> i64 {
    let c = cookie::<DynCookie>(f);
    let base = match whence {
        0 => 0,
        1 => c.pos as i64,
        _ => c.len as i64,
    };
    let np = base + off;
    if np < 0 || np > isize::MAX as i64 {
        set_errno(errno::EINVAL);
        return -1;
    }
    c.pos = np as usize;
    *c.sizep = c.pos.min(c.len);
    np
}

unsafe fn dyn_close(f: *mut File) -> c_int {
    ext::free((*f).cookie);
    0
}

const DYN_OPS: Ops = Ops { read: dyn_read, write: dyn_write, seek: dyn_seek, close: dyn_close };

/// C `open_memstream`.
#[no_mangle]
pub unsafe extern "C" fn open_memstream(bufp: *mut *mut c_char, sizep: *mut usize) -> *mut File {
    let buf = ext::calloc(1, 1) as *mut u8;
    if buf.is_null() {
        set_errno(errno::ENOMEM);
        return core::ptr::null_mut();
    }
    let Some((f, c)) = new_stream::<DynCookie>(F_NORD, DYN_OPS) else {
        ext::free(buf as *mut c_void);
        return core::ptr::null_mut();
    };
    c.write(DynCookie { bufp, sizep, pos: 0, len: 0, space: 1, buf });
    *bufp = buf as *mut c_char;
    *sizep = 0;
    file::link(f);
    f
}

/// `cookie_io_functions_t`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct CookieFns {
    read: Option<unsafe extern "C" fn(*mut c_void, *mut c_char, usize) -> isize>,
    write: Option<unsafe extern "C" fn(*mut c_void, *const c_char, usize) -> isize>,
    seek: Option<unsafe extern "C" fn(*mut c_void, *mut i64, c_int) -> c_int>,
    close: Option<unsafe extern "C" fn(*mut c_void) -> c_int>,
}

/// State of an `fopencookie` stream.
struct UserCookie {
    cookie: *mut c_void,
    fns: CookieFns,
}

unsafe fn user_read(f: *mut File, p: *mut u8, n: usize) -> isize {
    let c = cookie::<UserCookie>(f);
    match c.fns.read {
        Some(r) => r(c.cookie, p as *mut c_char, n),
        None => 0,
    }
}

unsafe fn user_write(f: *mut File, p: *const u8, n: usize) -> isize {
    let c = cookie::<UserCookie>(f);
    match c.fns.write {
        Some(w) => w(c.cookie, p as *const c_char, n),
        None => n as isize,
    }
}

unsafe fn user_seek(f: *mut File, off: i64, whence: c_int) -> i64 {
    let c = cookie::<UserCookie>(f);
    let mut o = off;
    match c.fns.seek {
        Some(s) if s(c.cookie, &mut o, whence) >= 0 => o,
        _ => -1,
    }
}

unsafe fn user_close(f: *mut File) -> c_int {
    let c = cookie::<UserCookie>(f);
    let r = match c.fns.close {
        Some(cl) => cl(c.cookie),
        None => 0,
    };
    ext::free((*f).cookie);
    r
}

const USER_OPS: Ops = Ops { read: user_read, write: user_write, seek: user_seek, close: user_close };

/// C `fopencookie` (the functions struct is passed by reference, as the
/// wasm C ABI passes structs).
#[no_mangle]
pub unsafe extern "C" fn fopencookie(ck: *mut c_void, mode: *const c_char, fns: *const CookieFns) -> *mut File {
    let Some((_, sf)) = parse_mode(mode) else {
        return core::ptr::null_mut();
    };
    let Some((f, c)) = new_stream::<UserCookie>(sf, USER_OPS) else {
        return core::ptr::null_mut();
    };
    c.write(UserCookie { cookie: ck, fns: *fns });
    file::link(f);
    f
}

/// State of an `open_wmemstream` stream: bytes written are decoded with the
/// current locale into a growing `wchar_t` buffer.
struct WideCookie {
    bufp: *mut *mut u32,
    sizep: *mut usize,
    pos: usize,
    len: usize,
    space: usize,
    buf: *mut u32,
    state: [u32; 2],
}

unsafe fn wdyn_write(f: *mut File, p: *const u8, n: usize) -> isize {
    let c = cookie::<WideCookie>(f);
    let mut i = 0;
    while i < n {
        let mut wc = 0u32;
        let r = crate::header::multibyte::mbrtowc(&mut wc, p.add(i) as *const c_char, n - i, c.state.as_mut_ptr());
        let used = match r {
            usize::MAX => {
                // Undecodable byte: store it as its "C" locale code.
                c.state = [0; 2];
                wc = 0xdf00 | *p.add(i) as u32;
                1
            }
            r if r == usize::MAX - 1 => {
                // Incomplete character: the state keeps it for the next write.
                break;
            }
            0 => 1,
            r => r,
        };
        if c.pos + 2 > c.space {
            let space = (c.pos + 2).max(c.space * 2);
            let nb = ext::realloc(c.buf as *mut c_void, space * 4) as *mut u32;
            if nb.is_null() {
                return -1;
            }
            core::ptr::write_bytes(nb.add(c.space), 0, space - c.space);
            c.buf = nb;
            c.space = space;
            *c.bufp = nb;
        }
        *c.buf.add(c.pos) = wc;
        c.pos += 1;
        if c.pos > c.len {
            c.len = c.pos;
        }
        i += used;
    }
    *c.sizep = c.pos;
    n as isize
}

unsafe fn wdyn_seek(f: *mut File, off: i64, whence: c_int) -> i64 {
    let c = cookie::<WideCookie>(f);
    let base = match whence {
        0 => 0,
        1 => c.pos as i64,
        _ => c.len as i64,
    };
    let np = base + off;
    if np < 0 || np > (isize::MAX / 4) as i64 {
        set_errno(errno::EINVAL);
        return -1;
    }
    c.pos = np as usize;
    *c.sizep = c.pos.min(c.len);
    np
}

const WDYN_OPS: Ops = Ops { read: dyn_read, write: wdyn_write, seek: wdyn_seek, close: dyn_close };

/// C `open_wmemstream`.
#[no_mangle]
pub unsafe extern "C" fn open_wmemstream(bufp: *mut *mut u32, sizep: *mut usize) -> *mut File {
    let buf = ext::calloc(1, 4) as *mut u32;
    if buf.is_null() {
        set_errno(errno::ENOMEM);
        return core::ptr::null_mut();
    }
    let Some((f, c)) = new_stream::<WideCookie>(F_NORD, WDYN_OPS) else {
        ext::free(buf as *mut c_void);
        return core::ptr::null_mut();
    };
    c.write(WideCookie { bufp, sizep, pos: 0, len: 0, space: 1, buf, state: [0; 2] });
    *bufp = buf;
    *sizep = 0;
    (*f).mode = 1;
    file::link(f);
    f
}
