//! Opening, closing, positioning and configuring streams.

use super::file::{self, File, BUFSIZ, EOF, F_ALLOC, F_APP, F_EOF, F_ERR, F_NORD, F_NOWR, F_SVB, UNGET};
use crate::header::ext::{self, errno, oflags::*, set_errno};
use core::ffi::{c_char, c_int, c_long, c_void};
use core::ptr::null_mut;

/// Parses an `fopen` mode string into `open` flags and stream flags.
pub(crate) unsafe fn parse_mode(mode: *const c_char) -> Option<(c_int, u32)> {
    let m = mode as *const u8;
    let mut plus = false;
    let mut excl = false;
    let mut i = 1;
    while *m.add(i) != 0 {
        match *m.add(i) {
            b'+' => plus = true,
            b'x' => excl = true,
            _ => {}
        }
        i += 1;
    }
    let (mut fl, mut sf) = match *m {
        b'r' => (O_RDONLY, F_NOWR),
        b'w' => (O_WRONLY | O_CREAT | O_TRUNC, F_NORD),
        b'a' => (O_WRONLY | O_CREAT | O_APPEND, F_NORD | F_APP),
        _ => {
            set_errno(errno::EINVAL);
            return None;
        }
    };
    if plus {
        fl = (fl & !(O_RDONLY | O_WRONLY)) | O_RDWR;
        sf &= F_APP;
    }
    if excl && *m != b'r' {
        fl |= O_EXCL;
    }
    Some((fl, sf))
}

/// C `fopen`.
#[no_mangle]
pub unsafe extern "C" fn fopen(path: *const c_char, mode: *const c_char) -> *mut File {
    let Some((fl, sf)) = parse_mode(mode) else {
        return null_mut();
    };
    let perm: u32 = 0o666;
    let fd = ext::open(path, fl, &perm);
    if fd < 0 {
        return null_mut();
    }
    let f = file::alloc_file(fd, sf);
    if f.is_null() {
        ext::close(fd);
        return f;
    }
    file::link(f);
    f
}

/// C `fopen64`.
#[no_mangle]
pub unsafe extern "C" fn fopen64(path: *const c_char, mode: *const c_char) -> *mut File {
    fopen(path, mode)
}

/// C `fdopen`.
#[no_mangle]
pub unsafe extern "C" fn fdopen(fd: c_int, mode: *const c_char) -> *mut File {
    let Some((_, sf)) = parse_mode(mode) else {
        return null_mut();
    };
    let f = file::alloc_file(fd, sf);
    if f.is_null() {
        return f;
    }
    if sf & F_NOWR == 0 && ext::isatty(fd) != 0 {
        (*f).lbf = b'\n' as c_int;
    }
    file::link(f);
    f
}

/// C `__fdopen`.
#[no_mangle]
pub unsafe extern "C" fn __fdopen(fd: c_int, mode: *const c_char) -> *mut File {
    fdopen(fd, mode)
}

/// C `fclose`.
#[no_mangle]
pub unsafe extern "C" fn fclose(f: *mut File) -> c_int {
    if f.is_null() {
        set_errno(errno::EBADF);
        return EOF;
    }
    let mut r = file::flush(f);
    r |= ((*f).ops.close)(f);
    let std = f == super::std_streams::stdin_ptr()
        || f == super::std_streams::stdout_ptr()
        || f == super::std_streams::stderr_ptr();
    if std {
        // The standard streams are static; mark them unusable.
        (*f).flags |= F_NORD | F_NOWR | F_ERR;
        return r;
    }
    file::unlink(f);
    if (*f).flags & F_ALLOC != 0 {
        ext::free(f as *mut c_void);
    }
    r
}

/// C `freopen` (only with a path; reopening the same stream's mode with a
/// null path fails with `EBADF`).
#[no_mangle]
pub unsafe extern "C" fn freopen(path: *const c_char, mode: *const c_char, f: *mut File) -> *mut File {
    if f.is_null() {
        set_errno(errno::EBADF);
        return null_mut();
    }
    file::flush(f);
    if path.is_null() {
        set_errno(errno::EBADF);
        fclose(f);
        return null_mut();
    }
    let Some((fl, sf)) = parse_mode(mode) else {
        fclose(f);
        return null_mut();
    };
    let perm: u32 = 0o666;
    let fd = ext::open(path, fl, &perm);
    ((*f).ops.close)(f);
    if fd < 0 {
        if (*f).flags & F_ALLOC != 0 {
            file::unlink(f);
            ext::free(f as *mut c_void);
        }
        return null_mut();
    }
    let keep = (*f).flags & (F_ALLOC | F_SVB);
    (*f).fd = fd;
    (*f).ops = file::FD_OPS;
    (*f).flags = sf | keep;
    (*f).mode = 0;
    f
}

/// C `freopen64`.
#[no_mangle]
pub unsafe extern "C" fn freopen64(path: *const c_char, mode: *const c_char, f: *mut File) -> *mut File {
    freopen(path, mode, f)
}

/// C `fflush` (all streams when `f` is null).
#[no_mangle]
pub unsafe extern "C" fn fflush(f: *mut File) -> c_int {
    if f.is_null() {
        return file::flush_all();
    }
    file::flush(f)
}

/// C `fflush_unlocked`.
#[no_mangle]
pub unsafe extern "C" fn fflush_unlocked(f: *mut File) -> c_int {
    fflush(f)
}

/// C `_flushlbf`: flushes line-buffered streams (here: all).
#[no_mangle]
pub unsafe extern "C" fn _flushlbf() {
    file::flush_all();
}

/// C `setvbuf`.
#[no_mangle]
pub unsafe extern "C" fn setvbuf(f: *mut File, buf: *mut c_char, mode: c_int, size: usize) -> c_int {
    if f.is_null() {
        set_errno(errno::EBADF);
        return -1;
    }
    let f_ = &mut *f;
    f_.lbf = EOF;
    match mode {
        2 => f_.buf_size = 0,
        0 | 1 => {
            if !buf.is_null() && size >= UNGET {
                f_.buf = (buf as *mut u8).add(UNGET);
                f_.buf_size = size - UNGET;
                f_.spare = 0;
            }
            if mode == 1 && f_.buf_size != 0 {
                f_.lbf = b'\n' as c_int;
            }
        }
        _ => return -1,
    }
    f_.flags |= F_SVB;
    f_.flags &= !file::F_TTYCHK;
    0
}

/// C `setbuf`.
#[no_mangle]
pub unsafe extern "C" fn setbuf(f: *mut File, buf: *mut c_char) {
    setvbuf(f, buf, if buf.is_null() { 2 } else { 0 }, BUFSIZ);
}

/// C `setbuffer`.
#[no_mangle]
pub unsafe extern "C" fn setbuffer(f: *mut File, buf: *mut c_char, size: usize) {
    setvbuf(f, buf, if buf.is_null() { 2 } else { 0 }, size);
}

/// C `setlinebuf`.
#[no_mangle]
pub unsafe extern "C" fn setlinebuf(f: *mut File) {
    setvbuf(f, null_mut(), 1, 0);
}

/// C `fileno`.
#[no_mangle]
pub unsafe extern "C" fn fileno(f: *mut File) -> c_int {
    if f.is_null() {
        set_errno(errno::EBADF);
        return -1;
    }
    if (*f).fd < 0 {
        set_errno(errno::EBADF);
        return -1;
    }
    (*f).fd
}

/// C `fileno_unlocked`.
#[no_mangle]
pub unsafe extern "C" fn fileno_unlocked(f: *mut File) -> c_int {
    fileno(f)
}

/// C `feof`.
#[no_mangle]
pub unsafe extern "C" fn feof(f: *mut File) -> c_int {
    if f.is_null() {
        set_errno(errno::EBADF);
        return 0;
    }
    ((*f).flags & F_EOF != 0) as c_int
}

/// C `_IO_feof_unlocked`.
#[no_mangle]
pub unsafe extern "C" fn _IO_feof_unlocked(f: *mut File) -> c_int {
    feof(f)
}

/// C `feof_unlocked`.
#[no_mangle]
pub unsafe extern "C" fn feof_unlocked(f: *mut File) -> c_int {
    feof(f)
}

/// C `ferror`.
#[no_mangle]
pub unsafe extern "C" fn ferror(f: *mut File) -> c_int {
    if f.is_null() {
        set_errno(errno::EBADF);
        return 0;
    }
    ((*f).flags & F_ERR != 0) as c_int
}

/// C `_IO_ferror_unlocked`.
#[no_mangle]
pub unsafe extern "C" fn _IO_ferror_unlocked(f: *mut File) -> c_int {
    ferror(f)
}

/// C `ferror_unlocked`.
#[no_mangle]
pub unsafe extern "C" fn ferror_unlocked(f: *mut File) -> c_int {
    ferror(f)
}

/// C `clearerr`.
#[no_mangle]
pub unsafe extern "C" fn clearerr(f: *mut File) {
    if f.is_null() {
        set_errno(errno::EBADF);
        return;
    }
    (*f).flags &= !(F_EOF | F_ERR);
}

/// C `clearerr_unlocked`.
#[no_mangle]
pub unsafe extern "C" fn clearerr_unlocked(f: *mut File) {
    clearerr(f)
}

/// C `fseeko`.
#[no_mangle]
pub unsafe extern "C" fn fseeko(f: *mut File, off: i64, whence: c_int) -> c_int {
    file::seek(f, off, whence)
}

/// C `fseeko64`.
#[no_mangle]
pub unsafe extern "C" fn fseeko64(f: *mut File, off: i64, whence: c_int) -> c_int {
    file::seek(f, off, whence)
}

/// C `__fseeko`.
#[no_mangle]
pub unsafe extern "C" fn __fseeko(f: *mut File, off: i64, whence: c_int) -> c_int {
    file::seek(f, off, whence)
}

/// C `__fseeko_unlocked`.
#[no_mangle]
pub unsafe extern "C" fn __fseeko_unlocked(f: *mut File, off: i64, whence: c_int) -> c_int {
    file::seek(f, off, whence)
}

/// C `fseek`.
#[no_mangle]
pub unsafe extern "C" fn fseek(f: *mut File, off: c_long, whence: c_int) -> c_int {
    file::seek(f, off as i64, whence)
}

/// C `ftello`.
#[no_mangle]
pub unsafe extern "C" fn ftello(f: *mut File) -> i64 {
    file::tell(f)
}

/// C `ftello64`.
#[no_mangle]
pub unsafe extern "C" fn ftello64(f: *mut File) -> i64 {
    file::tell(f)
}

/// C `__ftello`.
#[no_mangle]
pub unsafe extern "C" fn __ftello(f: *mut File) -> i64 {
    file::tell(f)
}

/// C `__ftello_unlocked`.
#[no_mangle]
pub unsafe extern "C" fn __ftello_unlocked(f: *mut File) -> i64 {
    file::tell(f)
}

/// C `ftell`.
#[no_mangle]
pub unsafe extern "C" fn ftell(f: *mut File) -> c_long {
    let p = file::tell(f);
    if p > c_long::MAX as i64 {
        set_errno(errno::EOVERFLOW);
        return -1;
    }
    p as c_long
}

/// C `rewind`.
#[no_mangle]
pub unsafe extern "C" fn rewind(f: *mut File) {
    file::seek(f, 0, 0);
    (*f).flags &= !F_ERR;
}

/// C `fgetpos` (`fpos_t` holds the offset in its first 8 bytes).
#[no_mangle]
pub unsafe extern "C" fn fgetpos(f: *mut File, pos: *mut i64) -> c_int {
    let p = file::tell(f);
    if p < 0 {
        return -1;
    }
    *pos = p;
    0
}

/// C `fgetpos64`.
#[no_mangle]
pub unsafe extern "C" fn fgetpos64(f: *mut File, pos: *mut i64) -> c_int {
    fgetpos(f, pos)
}

/// C `fsetpos`.
#[no_mangle]
pub unsafe extern "C" fn fsetpos(f: *mut File, pos: *const i64) -> c_int {
    file::seek(f, *pos, 0)
}

/// C `fsetpos64`.
#[no_mangle]
pub unsafe extern "C" fn fsetpos64(f: *mut File, pos: *const i64) -> c_int {
    fsetpos(f, pos)
}

/// C `fwide`: records the orientation and, the first time, the `LC_CTYPE`
/// that the stream's wide I/O will use (as musl does).
#[no_mangle]
pub unsafe extern "C" fn fwide(f: *mut File, mode: c_int) -> c_int {
    if f.is_null() {
        set_errno(errno::EBADF);
        return 0;
    }
    if mode != 0 {
        if (*f).wide_utf8 < 0 {
            (*f).wide_utf8 = crate::header::locale::ctype_utf8() as i8;
        }
        if (*f).mode == 0 {
            (*f).mode = if mode > 0 { 1 } else { -1 };
        }
    }
    (*f).mode
}

/// C `__fbufsize`.
#[no_mangle]
pub unsafe extern "C" fn __fbufsize(f: *mut File) -> usize {
    (*f).buf_size
}

/// C `__fpending`: bytes of output waiting in the buffer.
#[no_mangle]
pub unsafe extern "C" fn __fpending(f: *mut File) -> usize {
    if (*f).wend.is_null() {
        0
    } else {
        (*f).wpos as usize - (*f).wbase as usize
    }
}

/// C `__fpurge`: discards buffered input and output.
#[no_mangle]
pub unsafe extern "C" fn __fpurge(f: *mut File) -> c_int {
    let f_ = &mut *f;
    f_.wpos = null_mut();
    f_.wbase = null_mut();
    f_.wend = null_mut();
    f_.rpos = null_mut();
    f_.rend = null_mut();
    0
}

/// C `fpurge`.
#[no_mangle]
pub unsafe extern "C" fn fpurge(f: *mut File) -> c_int {
    __fpurge(f)
}

/// C `__flbf`: whether the stream is line buffered.
#[no_mangle]
pub unsafe extern "C" fn __flbf(f: *mut File) -> c_int {
    ((*f).lbf >= 0) as c_int
}

/// C `__freadable`.
#[no_mangle]
pub unsafe extern "C" fn __freadable(f: *mut File) -> c_int {
    ((*f).flags & F_NORD == 0) as c_int
}

/// C `__fwritable`.
#[no_mangle]
pub unsafe extern "C" fn __fwritable(f: *mut File) -> c_int {
    ((*f).flags & F_NOWR == 0) as c_int
}

/// C `__freading`: whether the stream is read-only or was last read.
#[no_mangle]
pub unsafe extern "C" fn __freading(f: *mut File) -> c_int {
    ((*f).flags & F_NOWR != 0 || !(*f).rend.is_null()) as c_int
}

/// C `__fwriting`: whether the stream is write-only or was last written.
#[no_mangle]
pub unsafe extern "C" fn __fwriting(f: *mut File) -> c_int {
    ((*f).flags & F_NORD != 0 || !(*f).wend.is_null()) as c_int
}

/// C `__freadahead`: bytes of input waiting in the buffer.
#[no_mangle]
pub unsafe extern "C" fn __freadahead(f: *mut File) -> usize {
    if (*f).rend.is_null() {
        0
    } else {
        (*f).rend as usize - (*f).rpos as usize
    }
}

/// C `__freadptr`.
#[no_mangle]
pub unsafe extern "C" fn __freadptr(f: *mut File, sizep: *mut usize) -> *const c_char {
    if (*f).rpos == (*f).rend {
        return core::ptr::null();
    }
    *sizep = (*f).rend as usize - (*f).rpos as usize;
    (*f).rpos as *const c_char
}

/// C `__freadptrinc`.
#[no_mangle]
pub unsafe extern "C" fn __freadptrinc(f: *mut File, inc: usize) {
    (*f).rpos = (*f).rpos.add(inc);
}

/// C `__fseterr`.
#[no_mangle]
pub unsafe extern "C" fn __fseterr(f: *mut File) {
    (*f).flags |= F_ERR;
}

/// C `__fsetlocking` (no locking here: always `FSETLOCKING_INTERNAL`).
#[no_mangle]
pub unsafe extern "C" fn __fsetlocking(_f: *mut File, _t: c_int) -> c_int {
    0
}

/// C `__toread`.
#[no_mangle]
pub unsafe extern "C" fn __toread(f: *mut File) -> c_int {
    if file::to_read(f) {
        0
    } else {
        EOF
    }
}

/// C `__towrite`.
#[no_mangle]
pub unsafe extern "C" fn __towrite(f: *mut File) -> c_int {
    if file::to_write(f) {
        0
    } else {
        EOF
    }
}

/// C `__uflow`.
#[no_mangle]
pub unsafe extern "C" fn __uflow(f: *mut File) -> c_int {
    file::uflow(f)
}

/// C `__overflow`.
#[no_mangle]
pub unsafe extern "C" fn __overflow(f: *mut File, c: c_int) -> c_int {
    file::putc(c, f)
}

/// C `flockfile` (streams are not shared between threads here: no-op).
#[no_mangle]
pub extern "C" fn flockfile(_f: *mut File) {}

/// C `ftrylockfile` (always succeeds).
#[no_mangle]
pub extern "C" fn ftrylockfile(_f: *mut File) -> c_int {
    0
}

/// C `funlockfile`.
#[no_mangle]
pub extern "C" fn funlockfile(_f: *mut File) {}
