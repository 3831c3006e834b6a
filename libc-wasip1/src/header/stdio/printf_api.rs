//! The exported printf family and its sinks (stream, fixed buffer, growing
//! heap buffer, file descriptor).

use super::file::{self, File, EOF, F_ERR};
use super::printf::{format, format_mode, Sink};
use super::std_streams::stdout_ptr;
use crate::header::ext::{self, errno, set_errno};
use crate::varargs::VaList;
use core::ffi::{c_char, c_int, c_void};

/// Output to a stream.
struct FileSink(*mut File);

impl Sink for FileSink {
    unsafe fn put(&mut self, b: &[u8]) {
        file::write_bytes(self.0, b.as_ptr(), b.len());
    }
    /// All at once when the buffer has room for all of it (the same result
    /// as piece by piece, in either buffering mode); otherwise piece by
    /// piece, so the buffer goes out where musl's does.
    fn wants_pieces(&self) -> bool {
        true
    }
    unsafe fn put_pieces(&mut self, b: &[u8], starts: &[u16]) {
        let f = &*self.0;
        if !f.wend.is_null() && f.wend as usize - f.wpos as usize >= b.len() {
            return self.put(b);
        }
        for (k, &start) in starts.iter().enumerate() {
            let end = starts.get(k + 1).map_or(b.len(), |&e| e as usize);
            self.put(&b[start as usize..end]);
        }
    }
}

/// Output into `buf[..cap]`, counting what does not fit.
struct StrSink {
    buf: *mut u8,
    cap: usize,
    len: usize,
}

impl Sink for StrSink {
    unsafe fn put(&mut self, b: &[u8]) {
        if self.len < self.cap {
            let k = b.len().min(self.cap - self.len);
            core::ptr::copy_nonoverlapping(b.as_ptr(), self.buf.add(self.len), k);
        }
        self.len += b.len();
    }
}

/// Output into a `malloc`ed buffer that grows as needed.
pub(crate) struct HeapSink {
    buf: *mut u8,
    cap: usize,
    len: usize,
    failed: bool,
}

impl HeapSink {
    /// An empty buffer.
    pub(crate) fn new() -> Self {
        HeapSink { buf: core::ptr::null_mut(), cap: 0, len: 0, failed: false }
    }
    /// The bytes so far, NUL-terminated, or null if allocation failed.
    pub(crate) unsafe fn finish(&mut self) -> *mut u8 {
        self.put(b"\0");
        if self.failed {
            ext::free(self.buf as *mut c_void);
            return core::ptr::null_mut();
        }
        self.buf
    }
}

impl Sink for HeapSink {
    unsafe fn put(&mut self, b: &[u8]) {
        if self.failed {
            return;
        }
        if self.len + b.len() + 1 > self.cap {
            let cap = (self.len + b.len() + 1).max(self.cap * 2).max(64);
            let p = ext::realloc(self.buf as *mut c_void, cap) as *mut u8;
            if p.is_null() {
                self.failed = true;
                return;
            }
            self.buf = p;
            self.cap = cap;
        }
        core::ptr::copy_nonoverlapping(b.as_ptr(), self.buf.add(self.len), b.len());
        self.len += b.len();
    }
}

/// C `vfprintf`.
#[no_mangle]
pub unsafe extern "C" fn vfprintf(f: *mut File, fmt: *const c_char, ap: *const u8) -> c_int {
    vfprintf_mode(f, fmt, ap, false)
}

/// `vfprintf`, or with `wide` the engine of `vfwprintf` (counts in
/// characters; `fmt` already converted to multibyte).
pub(crate) unsafe fn vfprintf_mode(f: *mut File, fmt: *const c_char, ap: *const u8, wide: bool) -> c_int {
    if f.is_null() {
        set_errno(errno::EBADF);
        return -1;
    }
    // Unbuffered streams get a temporary buffer so one call is one write.
    // (Left uninitialized: zeroing it cost every buffered printf too.)
    let mut tmp = [core::mem::MaybeUninit::<u8>::uninit(); 128 + file::UNGET];
    let unbuffered = (*f).buf_size == 0;
    let saved = ((*f).buf, (*f).wbase, (*f).wpos, (*f).wend, (*f).spare);
    if unbuffered {
        // Pending output goes first; pending input is dropped by the switch
        // to writing without seeking back (as musl does).
        if (*f).wpos > (*f).wbase {
            file::flush(f);
        }
        (*f).buf = (tmp.as_mut_ptr() as *mut u8).add(file::UNGET);
        (*f).buf_size = 128;
        (*f).spare = 0;
        (*f).wbase = core::ptr::null_mut();
        (*f).wpos = core::ptr::null_mut();
        (*f).wend = core::ptr::null_mut();
    }
    let had_err = (*f).flags & F_ERR;
    (*f).flags &= !F_ERR;
    let mut r = format_mode(&mut FileSink(f), fmt as *const u8, VaList::new(ap), wide);
    if unbuffered {
        file::flush(f);
        (*f).buf = saved.0;
        (*f).buf_size = 0;
        (*f).spare = saved.4;
        (*f).wbase = core::ptr::null_mut();
        (*f).wpos = core::ptr::null_mut();
        (*f).wend = core::ptr::null_mut();
    }
    if (*f).flags & F_ERR != 0 {
        r = -1;
    }
    (*f).flags |= had_err;
    r
}

/// C `fprintf`.
#[no_mangle]
pub unsafe extern "C" fn fprintf(f: *mut File, fmt: *const c_char, va: *const u8) -> c_int {
    vfprintf(f, fmt, va)
}

/// C `vprintf`.
#[no_mangle]
pub unsafe extern "C" fn vprintf(fmt: *const c_char, ap: *const u8) -> c_int {
    vfprintf(stdout_ptr(), fmt, ap)
}

/// C `printf`.
#[no_mangle]
pub unsafe extern "C" fn printf(fmt: *const c_char, va: *const u8) -> c_int {
    vfprintf(stdout_ptr(), fmt, va)
}

/// C `vsnprintf`.
#[no_mangle]
pub unsafe extern "C" fn vsnprintf(s: *mut c_char, n: usize, fmt: *const c_char, ap: *const u8) -> c_int {
    let mut sink = StrSink { buf: s as *mut u8, cap: n.saturating_sub(1), len: 0 };
    let r = format(&mut sink, fmt as *const u8, VaList::new(ap));
    if n > 0 {
        *s.add(sink.len.min(n - 1)) = 0;
    }
    r
}

/// `vsnprintf` for Rust callers that build their own argument buffer.
pub unsafe fn snprintf_internal(s: *mut c_char, n: usize, fmt: *const c_char, ap: *const u8) -> c_int {
    vsnprintf(s, n, fmt, ap)
}

/// C `snprintf`.
#[no_mangle]
pub unsafe extern "C" fn snprintf(s: *mut c_char, n: usize, fmt: *const c_char, va: *const u8) -> c_int {
    vsnprintf(s, n, fmt, va)
}

/// C `vsprintf`.
#[no_mangle]
pub unsafe extern "C" fn vsprintf(s: *mut c_char, fmt: *const c_char, ap: *const u8) -> c_int {
    vsnprintf(s, c_int::MAX as usize, fmt, ap)
}

/// C `sprintf`.
#[no_mangle]
pub unsafe extern "C" fn sprintf(s: *mut c_char, fmt: *const c_char, va: *const u8) -> c_int {
    vsprintf(s, fmt, va)
}

/// C `vasprintf`.
#[no_mangle]
pub unsafe extern "C" fn vasprintf(out: *mut *mut c_char, fmt: *const c_char, ap: *const u8) -> c_int {
    let mut sink = HeapSink { buf: core::ptr::null_mut(), cap: 0, len: 0, failed: false };
    let r = format(&mut sink, fmt as *const u8, VaList::new(ap));
    if sink.buf.is_null() && !sink.failed && r >= 0 {
        sink.put(b"\0");
        sink.len = 0;
    }
    if r < 0 || sink.failed {
        ext::free(sink.buf as *mut c_void);
        if sink.failed {
            set_errno(errno::ENOMEM);
        }
        return -1;
    }
    *sink.buf.add(sink.len) = 0;
    *out = sink.buf as *mut c_char;
    r
}

/// C `asprintf`.
#[no_mangle]
pub unsafe extern "C" fn asprintf(out: *mut *mut c_char, fmt: *const c_char, va: *const u8) -> c_int {
    vasprintf(out, fmt, va)
}

/// C `vdprintf`.
#[no_mangle]
pub unsafe extern "C" fn vdprintf(fd: c_int, fmt: *const c_char, ap: *const u8) -> c_int {
    let mut buf = [0u8; 256 + file::UNGET];
    let mut f = File::new(fd, file::F_NORD, buf.as_mut_ptr().add(file::UNGET), 256, EOF);
    let fp: *mut File = &mut f;
    let r = format(&mut FileSink(fp), fmt as *const u8, VaList::new(ap));
    if file::flush(fp) != 0 {
        return -1;
    }
    r
}

/// C `dprintf`.
#[no_mangle]
pub unsafe extern "C" fn dprintf(fd: c_int, fmt: *const c_char, va: *const u8) -> c_int {
    vdprintf(fd, fmt, va)
}

/// C `iprintf` (integer-only printf: the same function here).
#[no_mangle]
pub unsafe extern "C" fn iprintf(fmt: *const c_char, va: *const u8) -> c_int {
    printf(fmt, va)
}

/// C `__small_printf`.
#[no_mangle]
pub unsafe extern "C" fn __small_printf(fmt: *const c_char, va: *const u8) -> c_int {
    printf(fmt, va)
}
