//! The `FILE` object and its buffering layer.
//!
//! A stream has one buffer used for either reading or writing at a time, with
//! `UNGET` bytes of room before it for `ungetc`. Reading: `rpos..rend` holds
//! unread bytes (both null when not in read mode). Writing: `wbase..wpos` holds
//! unwritten bytes and `wend` is the buffer's end (all null when not in write
//! mode); an unbuffered stream has `wend == wbase`, so every write goes
//! straight to the backend. Backends (file descriptor, memory, cookie) are
//! four raw operations in [`Ops`].

use super::super::ext::{self, errno, set_errno};
use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

/// Bytes of push-back room before every buffer.
pub const UNGET: usize = 8;
/// Default buffer size (`BUFSIZ`).
pub const BUFSIZ: usize = 1024;
/// Spare bytes after the buffers this libc allocates (see `File::spare`).
pub const SPARE: usize = 1024;
/// `EOF`.
pub const EOF: c_int = -1;

/// Flag: end of file seen.
pub const F_EOF: u32 = 1;
/// Flag: an error occurred.
pub const F_ERR: u32 = 2;
/// Flag: not readable.
pub const F_NORD: u32 = 4;
/// Flag: not writable.
pub const F_NOWR: u32 = 8;
/// Flag: opened for append.
pub const F_APP: u32 = 16;
/// Flag: the buffer was set by `setvbuf` (don't change buffering lazily).
pub const F_SVB: u32 = 32;
/// Flag: the FILE and its buffer were allocated together by us.
pub const F_ALLOC: u32 = 64;
/// Flag: stdout's line buffering must still be checked with `isatty`.
pub const F_TTYCHK: u32 = 128;

/// The raw backend operations of a stream.
#[derive(Clone, Copy)]
pub struct Ops {
    /// Reads up to `n` bytes; returns the count, 0 at end of file, -1 on error.
    pub read: unsafe fn(*mut File, *mut u8, usize) -> isize,
    /// Writes up to `n` bytes; returns the count written or -1 on error.
    pub write: unsafe fn(*mut File, *const u8, usize) -> isize,
    /// Seeks; returns the new offset or -1.
    pub seek: unsafe fn(*mut File, i64, c_int) -> i64,
    /// Releases the backend; returns 0 or -1.
    pub close: unsafe fn(*mut File) -> c_int,
}

/// A C `FILE`.
pub struct File {
    pub flags: u32,
    pub rpos: *mut u8,
    pub rend: *mut u8,
    pub wbase: *mut u8,
    pub wpos: *mut u8,
    pub wend: *mut u8,
    /// Start of the buffer proper (`UNGET` bytes of room precede it).
    pub buf: *mut u8,
    pub buf_size: usize,
    /// Line-buffering character (`'\n'`) or -1.
    pub lbf: c_int,
    pub fd: c_int,
    pub ops: Ops,
    /// Backend state (memory streams, cookies).
    pub cookie: *mut c_void,
    /// Orientation set by `fwide` (<0 byte, >0 wide, 0 unset).
    pub mode: c_int,
    /// Whether wide I/O converts as UTF-8 (1) or the "C" locale (0): the
    /// `LC_CTYPE` in effect when the stream was first oriented (-1 before).
    pub wide_utf8: i8,
    pub prev: *mut File,
    pub next: *mut File,
    /// Bytes usable past `buf + buf_size` (0 for a caller's buffer): room
    /// to append the data that overflows the buffer so that both go out in
    /// one backend write, as musl's one `writev`.
    pub spare: usize,
    /// Unused: makes `FILE` (and `__stdin_FILE` ...) 112 bytes, the size of
    /// musl's, so every data symbol has wasi-libc's size.
    _to_musl_size: [u32; 8],
}

unsafe fn fd_read(f: *mut File, p: *mut u8, n: usize) -> isize {
    ext::read((*f).fd, p as *mut c_void, n)
}

unsafe fn fd_write(f: *mut File, p: *const u8, n: usize) -> isize {
    ext::write((*f).fd, p as *const c_void, n)
}

unsafe fn fd_seek(f: *mut File, off: i64, whence: c_int) -> i64 {
    ext::lseek((*f).fd, off, whence)
}

unsafe fn fd_close(f: *mut File) -> c_int {
    ext::close((*f).fd)
}

/// The file-descriptor backend.
pub const FD_OPS: Ops = Ops { read: fd_read, write: fd_write, seek: fd_seek, close: fd_close };

impl File {
    /// The same stream with `n` spare bytes after its buffer.
    pub const fn with_spare(mut self, n: usize) -> File {
        self.spare = n;
        self
    }
    /// A stream over `fd` with the buffer `buf` (`size` bytes after `UNGET`
    /// bytes of room), not linked into the open-file list.
    pub const fn new(fd: c_int, flags: u32, buf: *mut u8, size: usize, lbf: c_int) -> File {
        File {
            flags,
            rpos: null_mut(),
            rend: null_mut(),
            wbase: null_mut(),
            wpos: null_mut(),
            wend: null_mut(),
            buf,
            buf_size: size,
            lbf,
            fd,
            ops: FD_OPS,
            cookie: null_mut(),
            mode: 0,
            wide_utf8: -1,
            prev: null_mut(),
            next: null_mut(),
            spare: 0,
            _to_musl_size: [0; 8],
        }
    }
}

/// Head of the list of streams opened by `fopen` and friends.
static mut OPEN_LIST: *mut File = null_mut();

/// The open-file list's head pointer (for musl's `__ofl_lock`).
pub fn open_list_head() -> *mut *mut File {
    core::ptr::addr_of_mut!(OPEN_LIST)
}

/// Links `f` into the open-file list.
pub unsafe fn link(f: *mut File) {
    (*f).next = OPEN_LIST;
    (*f).prev = null_mut();
    if !OPEN_LIST.is_null() {
        (*OPEN_LIST).prev = f;
    }
    OPEN_LIST = f;
}

/// Unlinks `f` from the open-file list.
pub unsafe fn unlink(f: *mut File) {
    if !(*f).prev.is_null() {
        (*(*f).prev).next = (*f).next;
    } else if OPEN_LIST == f {
        OPEN_LIST = (*f).next;
    }
    if !(*f).next.is_null() {
        (*(*f).next).prev = (*f).prev;
    }
}

/// Calls `g` on every stream: the standard ones, then the open-file list.
pub unsafe fn for_each(mut g: impl FnMut(*mut File)) {
    g(super::std_streams::stdin_ptr());
    g(super::std_streams::stdout_ptr());
    g(super::std_streams::stderr_ptr());
    let mut f = OPEN_LIST;
    while !f.is_null() {
        let next = (*f).next;
        g(f);
        f = next;
    }
}

/// Allocates a FILE together with a buffer of `BUFSIZ` (+`UNGET`) bytes.
pub unsafe fn alloc_file(fd: c_int, flags: u32) -> *mut File {
    let total = core::mem::size_of::<File>() + UNGET + BUFSIZ + SPARE;
    let f = ext::malloc(total) as *mut File;
    if f.is_null() {
        set_errno(errno::ENOMEM);
        return f;
    }
    let buf = (f as *mut u8).add(core::mem::size_of::<File>() + UNGET);
    f.write(File::new(fd, flags | F_ALLOC, buf, BUFSIZ, EOF));
    (*f).spare = SPARE;
    f
}

/// Like musl's `__stdout_write`: stdout starts line buffered and turns
/// fully buffered at its first real write if it is not a terminal.
unsafe fn first_write_check(f: *mut File) {
    let f_ = &mut *f;
    if f_.flags & F_TTYCHK != 0 {
        f_.flags &= !F_TTYCHK;
        if f_.flags & F_SVB == 0 && ext::isatty(f_.fd) == 0 {
            f_.lbf = EOF;
        }
    }
}

/// Writes all of `p[..n]` to the backend; false (and `F_ERR`) on failure.
unsafe fn write_all(f: *mut File, mut p: *const u8, mut n: usize) -> bool {
    first_write_check(f);
    while n > 0 {
        let k = ((*f).ops.write)(f, p, n);
        if k <= 0 {
            (*f).flags |= F_ERR;
            return false;
        }
        p = p.add(k as usize);
        n -= k as usize;
    }
    true
}

/// Writes out pending output and drops pending input (seeking back over
/// it). Returns 0 or `EOF`.
pub unsafe fn flush(f: *mut File) -> c_int {
    if f.is_null() {
        set_errno(errno::EBADF);
        return EOF;
    }
    let f_ = &mut *f;
    if f_.wpos > f_.wbase {
        let n = f_.wpos as usize - f_.wbase as usize;
        let base = f_.wbase;
        if !write_all(f, base, n) {
            let f_ = &mut *f;
            f_.wpos = null_mut();
            f_.wbase = null_mut();
            f_.wend = null_mut();
            return EOF;
        }
    }
    let f_ = &mut *f;
    if f_.rpos < f_.rend {
        let back = f_.rend as usize - f_.rpos as usize;
        (f_.ops.seek)(f, -(back as i64), 1);
    }
    let f_ = &mut *f;
    f_.wpos = null_mut();
    f_.wbase = null_mut();
    f_.wend = null_mut();
    f_.rpos = null_mut();
    f_.rend = null_mut();
    0
}

/// Enters read mode (musl's `__toread`): pending output is written first.
/// False if the stream is not readable (with `F_ERR`) or already at end of
/// file (end of file is sticky until `clearerr` or a seek, as in musl).
pub unsafe fn to_read(f: *mut File) -> bool {
    if f.is_null() {
        set_errno(errno::EBADF);
        return false;
    }
    if (*f).wpos > (*f).wbase {
        flush(f);
    }
    let f_ = &mut *f;
    f_.wpos = null_mut();
    f_.wbase = null_mut();
    f_.wend = null_mut();
    if f_.flags & F_NORD != 0 {
        f_.flags |= F_ERR;
        return false;
    }
    if f_.rpos.is_null() {
        f_.rpos = f_.buf.add(f_.buf_size);
        f_.rend = f_.rpos;
    }
    f_.flags & F_EOF == 0
}

/// Reads for `len > 0` bytes at `dest` the way musl's `__stdio_read` does
/// with one `readv`: `len - 1` bytes (all of them when unbuffered) straight
/// into `dest`, then a full buffer whose first byte completes `dest`. So the
/// file position after a read is the same as with wasi-libc, which matters
/// when a program switches to writing without seeking. Returns the bytes
/// stored at `dest` (0 at end of file or on error, with the flag set).
unsafe fn stdio_read(f: *mut File, dest: *mut u8, len: usize) -> usize {
    let bs = (*f).buf_size;
    let first = len - (bs != 0) as usize;
    if first > 0 {
        let n1 = ((*f).ops.read)(f, dest, first);
        if n1 <= 0 {
            (*f).flags |= if n1 == 0 { F_EOF } else { F_ERR };
            return 0;
        }
        if (n1 as usize) < first || bs == 0 {
            return n1 as usize;
        }
    }
    let buf = (*f).buf;
    let n2 = ((*f).ops.read)(f, buf, bs);
    if n2 <= 0 {
        if first > 0 {
            return first;
        }
        (*f).flags |= if n2 == 0 { F_EOF } else { F_ERR };
        return 0;
    }
    let f_ = &mut *f;
    f_.rpos = buf;
    f_.rend = buf.add(n2 as usize);
    *dest.add(len - 1) = *f_.rpos;
    f_.rpos = f_.rpos.add(1);
    len
}

/// Enters write mode. False (with `F_ERR`) if the stream is not writable.
pub unsafe fn to_write(f: *mut File) -> bool {
    if f.is_null() {
        set_errno(errno::EBADF);
        return false;
    }
    let f_ = &mut *f;
    if f_.flags & F_NOWR != 0 {
        f_.flags |= F_ERR;
        return false;
    }
    if f_.wend.is_null() {
        f_.rpos = null_mut();
        f_.rend = null_mut();
        f_.wbase = f_.buf;
        f_.wpos = f_.buf;
        f_.wend = f_.buf.add(f_.buf_size);
    }
    true
}

/// Refills the read buffer and returns the next byte, or `EOF`.
pub unsafe fn uflow(f: *mut File) -> c_int {
    if f.is_null() {
        set_errno(errno::EBADF);
        return EOF;
    }
    if !to_read(f) {
        return EOF;
    }
    let f_ = &mut *f;
    if f_.rpos < f_.rend {
        let c = *f_.rpos;
        f_.rpos = f_.rpos.add(1);
        return c as c_int;
    }
    let mut c = 0u8;
    if stdio_read(f, &mut c, 1) == 1 {
        c as c_int
    } else {
        EOF
    }
}

/// Reads one byte (`getc`).
#[inline]
pub unsafe fn getc(f: *mut File) -> c_int {
    if f.is_null() {
        set_errno(errno::EBADF);
        return EOF;
    }
    let f_ = &mut *f;
    if f_.rpos < f_.rend {
        let c = *f_.rpos;
        f_.rpos = f_.rpos.add(1);
        c as c_int
    } else {
        uflow(f)
    }
}

/// Reads up to `n` bytes into `dst`; returns the count (short on EOF/error).
pub unsafe fn read_bytes(f: *mut File, dst: *mut u8, n: usize) -> usize {
    if f.is_null() {
        set_errno(errno::EBADF);
        return 0;
    }
    if n == 0 {
        return 0;
    }
    // First what is buffered, then the rest as musl's fread does.
    let mut done = 0;
    let f_ = &mut *f;
    if f_.rpos < f_.rend {
        let k = (f_.rend as usize - f_.rpos as usize).min(n);
        core::ptr::copy_nonoverlapping(f_.rpos, dst, k);
        f_.rpos = f_.rpos.add(k);
        done = k;
    }
    while done < n {
        if !to_read(f) {
            break;
        }
        let k = stdio_read(f, dst.add(done), n - done);
        if k == 0 {
            break;
        }
        done += k;
    }
    done
}

/// musl's `f->write`: writes the pending buffer and then `s[..n]` (musl
/// does both with one `writev`), leaving the buffer empty; the bytes of
/// `s` are not buffered. Returns false (with `F_ERR`) on failure.
unsafe fn write_through(f: *mut File, s: *const u8, n: usize) -> bool {
    let f_ = &mut *f;
    // (Only while the write pointers are in the current buffer: setvbuf
    // after output may have switched buffers under them.)
    if !f_.wend.is_null() && f_.wbase == f_.buf && f_.wpos as usize + n <= f_.buf as usize + f_.buf_size + f_.spare {
        // The data fits the spare room: one write of buffer and data.
        core::ptr::copy_nonoverlapping(s, f_.wpos, n);
        f_.wpos = f_.wpos.add(n);
        return flush(f) == 0 && to_write(f);
    }
    let f_ = &*f;
    if f_.ops.write as *const () != fd_write as *const () || f_.wend.is_null() {
        // Not a file descriptor: two backend writes.
        if flush(f) != 0 || !to_write(f) {
            return false;
        }
        return n == 0 || write_all(f, s, n);
    }
    first_write_check(f);
    let f_ = &mut *f;
    let mut iov = [
        IoVec { base: f_.wbase, len: f_.wpos as usize - f_.wbase as usize },
        IoVec { base: s, len: n },
    ];
    let mut first = 0;
    // The buffer is empty afterwards whatever happens.
    f_.wbase = f_.buf;
    f_.wpos = f_.buf;
    f_.wend = f_.buf.add(f_.buf_size);
    while first < 2 {
        if iov[first].len == 0 {
            first += 1;
            continue;
        }
        let k = writev((*f).fd, iov[first..].as_ptr(), (2 - first) as c_int);
        if k <= 0 {
            (*f).flags |= F_ERR;
            let f_ = &mut *f;
            f_.wpos = null_mut();
            f_.wbase = null_mut();
            f_.wend = null_mut();
            return false;
        }
        let mut k = k as usize;
        while k > 0 && first < 2 {
            let take = k.min(iov[first].len);
            iov[first].base = iov[first].base.add(take);
            iov[first].len -= take;
            k -= take;
            if iov[first].len == 0 {
                first += 1;
            }
        }
    }
    true
}

/// `struct iovec`, for the one gathered write of buffer and data.
#[repr(C)]
struct IoVec {
    base: *const u8,
    len: usize,
}

extern "C" {
    fn writev(fd: c_int, iov: *const IoVec, count: c_int) -> isize;
}

/// Writes `n` bytes, honouring the buffering mode, exactly when musl's
/// `__fwritex` does (so the output written before a crash is the same):
/// data that does not fit the room left goes out at once together with the
/// buffer; in line mode, everything up to the last newline goes out with
/// the buffer; the rest is buffered. Returns the count accepted (`n` unless
/// an error occurred).
pub unsafe fn write_bytes(f: *mut File, s: *const u8, n: usize) -> usize {
    if f.is_null() {
        set_errno(errno::EBADF);
        return 0;
    }
    if (*f).wend.is_null() && !to_write(f) {
        return 0;
    }
    let f_ = &mut *f;
    let room = f_.wend as usize - f_.wpos as usize;
    if n > room {
        return if write_through(f, s, n) { n } else { 0 };
    }
    let (mut s, mut rest, mut done) = (s, n, 0);
    if f_.lbf >= 0 {
        let mut i = n;
        while i > 0 && *s.add(i - 1) != f_.lbf as u8 {
            i -= 1;
        }
        if i > 0 {
            if !write_through(f, s, i) {
                return 0;
            }
            s = s.add(i);
            rest -= i;
            done = i;
        }
    }
    let f_ = &mut *f;
    core::ptr::copy_nonoverlapping(s, f_.wpos, rest);
    f_.wpos = f_.wpos.add(rest);
    done + rest
}

/// Writes one byte (`putc`); returns it or `EOF`. As musl's `__overflow`,
/// a byte that finds the buffer full, or a line-buffered stream's newline,
/// is written out together with the buffer.
pub unsafe fn putc(c: c_int, f: *mut File) -> c_int {
    if f.is_null() {
        set_errno(errno::EBADF);
        return EOF;
    }
    let b = c as u8;
    let f_ = &mut *f;
    if f_.wpos < f_.wend && b as c_int != f_.lbf {
        *f_.wpos = b;
        f_.wpos = f_.wpos.add(1);
        return b as c_int;
    }
    if (*f).wend.is_null() && !to_write(f) {
        return EOF;
    }
    let f_ = &mut *f;
    if f_.wpos < f_.wend && b as c_int != f_.lbf {
        *f_.wpos = b;
        f_.wpos = f_.wpos.add(1);
        return b as c_int;
    }
    if write_through(f, &b, 1) {
        b as c_int
    } else {
        EOF
    }
}

/// The stream's current position, counting buffered data.
pub unsafe fn tell(f: *mut File) -> i64 {
    if f.is_null() {
        set_errno(errno::EBADF);
        return -1;
    }
    let f_ = &mut *f;
    let whence = if f_.flags & F_APP != 0 && f_.wpos > f_.wbase { 2 } else { 1 };
    let pos = (f_.ops.seek)(f, 0, whence);
    if pos < 0 {
        return pos;
    }
    let f_ = &mut *f;
    if !f_.rend.is_null() {
        pos - (f_.rend as usize - f_.rpos as usize) as i64
    } else if !f_.wbase.is_null() {
        pos + (f_.wpos as usize - f_.wbase as usize) as i64
    } else {
        pos
    }
}

/// Repositions the stream; returns 0 or -1.
pub unsafe fn seek(f: *mut File, mut off: i64, whence: c_int) -> c_int {
    if f.is_null() {
        set_errno(errno::EBADF);
        return -1;
    }
    if !(0..=2).contains(&whence) {
        set_errno(errno::EINVAL);
        return -1;
    }
    let f_ = &mut *f;
    if whence == 1 && !f_.rend.is_null() {
        off -= (f_.rend as usize - f_.rpos as usize) as i64;
    }
    if f_.wpos > f_.wbase && write_bytes_flush_only(f) != 0 {
        return -1;
    }
    let f_ = &mut *f;
    f_.wpos = null_mut();
    f_.wbase = null_mut();
    f_.wend = null_mut();
    if (f_.ops.seek)(f, off, whence) < 0 {
        return -1;
    }
    let f_ = &mut *f;
    f_.rpos = null_mut();
    f_.rend = null_mut();
    f_.flags &= !F_EOF;
    0
}

/// Flushes pending output only (keeps read state untouched).
unsafe fn write_bytes_flush_only(f: *mut File) -> c_int {
    let f_ = &mut *f;
    let n = f_.wpos as usize - f_.wbase as usize;
    let base = f_.wbase;
    if write_all(f, base, n) {
        let f_ = &mut *f;
        f_.wpos = f_.wbase;
        0
    } else {
        EOF
    }
}

/// Flushes every stream (`fflush(NULL)`); returns 0 or `EOF`.
pub unsafe fn flush_all() -> c_int {
    let mut r = 0;
    for_each(|f| {
        if (*f).wpos > (*f).wbase && flush(f) != 0 {
            r = EOF;
        }
    });
    r
}

/// C `__stdio_exit`: flushes every open stream (called by `exit`).
#[no_mangle]
pub unsafe extern "C" fn __stdio_exit() {
    for_each(|f| {
        flush(f);
    });
}
