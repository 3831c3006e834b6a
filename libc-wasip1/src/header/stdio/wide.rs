//! Wide-character stdio: `fputwc`/`fgetwc`/`ungetwc` and the string forms,
//! the `wprintf` and `wscanf` families. Streams stay byte streams: wide
//! characters are converted with the current locale's multibyte encoding
//! (so in the "C" locale only ASCII and the 0xDF80-0xDFFF byte codes pass).
//! The formatted families convert the wide format to multibyte and run the
//! byte engines, counting characters for the wide printf family.

use super::file::{self, File, EOF, F_EOF, F_ERR};
use super::printf::format_mode;
use super::printf_api::{vfprintf_mode, HeapSink};
use super::std_streams::{stdin_ptr, stdout_ptr};
use crate::header::ext::{self, errno, set_errno};
use crate::header::locale::with_ctype;
use crate::header::multibyte::{mbrtowc, mbstowcs, wcrtomb, wcsrtombs, wcstombs};
use crate::varargs::VaList;
use core::ffi::{c_char, c_int, c_void};
use core::ptr::null_mut;

type Wc = u32;
pub(crate) const WEOF: Wc = u32::MAX;

/// Orients `f` for wide I/O and runs `g` in the stream's locale.
unsafe fn in_stream_locale<R>(f: *mut File, g: impl FnOnce() -> R) -> R {
    if f.is_null() {
        set_errno(errno::EBADF);
        return g();
    }
    super::stream::fwide(f, 1);
    with_ctype((*f).wide_utf8 > 0, g)
}

/// C `fputwc`.
#[no_mangle]
pub unsafe extern "C" fn fputwc(c: Wc, f: *mut File) -> Wc {
    in_stream_locale(f, || fputwc_in(c, f))
}

unsafe fn fputwc_in(c: Wc, f: *mut File) -> Wc {
    let mut mb = [0u8; 4];
    let l = wcrtomb(mb.as_mut_ptr() as *mut c_char, c, null_mut());
    if l == usize::MAX || file::write_bytes(f, mb.as_ptr(), l) < l {
        (*f).flags |= F_ERR;
        return WEOF;
    }
    c
}

/// C `fgetwc`: decodes one character; an invalid or truncated sequence
/// sets the error flag and `EILSEQ`.
#[no_mangle]
pub unsafe extern "C" fn fgetwc(f: *mut File) -> Wc {
    in_stream_locale(f, || fgetwc_in(f))
}

unsafe fn fgetwc_in(f: *mut File) -> Wc {
    let mut st = [0u32; 2];
    let mut first = true;
    loop {
        let c = file::getc(f);
        if c < 0 {
            if !first {
                (*f).flags |= F_ERR;
                set_errno(errno::EILSEQ);
            }
            return WEOF;
        }
        let b = c as u8;
        let mut wc: Wc = 0;
        let l = mbrtowc(&mut wc, &b as *const u8 as *const c_char, 1, st.as_mut_ptr());
        if l == usize::MAX {
            if !first {
                (*f).flags |= F_ERR;
                super::io::ungetc(c, f);
            }
            return WEOF;
        }
        first = false;
        if l != usize::MAX - 1 {
            return wc;
        }
    }
}

/// C `ungetwc`.
#[no_mangle]
pub unsafe extern "C" fn ungetwc(c: Wc, f: *mut File) -> Wc {
    if c == WEOF {
        return WEOF;
    }
    in_stream_locale(f, || ungetwc_in(c, f))
}

unsafe fn ungetwc_in(c: Wc, f: *mut File) -> Wc {
    let mut mb = [0u8; 4];
    let l = wcrtomb(mb.as_mut_ptr() as *mut c_char, c, null_mut());
    if l == usize::MAX {
        return WEOF;
    }
    if (*f).rpos.is_null() {
        file::to_read(f);
    }
    let f_ = &mut *f;
    if f_.rpos.is_null() || (f_.rpos as usize) < f_.buf as usize - file::UNGET + l {
        return WEOF;
    }
    f_.rpos = f_.rpos.sub(l);
    core::ptr::copy_nonoverlapping(mb.as_ptr(), f_.rpos, l);
    f_.flags &= !F_EOF;
    c
}

/// C `fputws`: returns the length of the last converted chunk (>= 0) or -1.
#[no_mangle]
pub unsafe extern "C" fn fputws(ws: *const Wc, f: *mut File) -> c_int {
    in_stream_locale(f, || fputws_in(ws, f))
}

unsafe fn fputws_in(ws: *const Wc, f: *mut File) -> c_int {
    let mut buf = [0u8; 1024];
    let mut p = ws;
    let mut l: usize = 0;
    while !p.is_null() {
        l = wcsrtombs(buf.as_mut_ptr() as *mut c_char, &mut p, buf.len(), null_mut());
        if l == usize::MAX {
            return -1;
        }
        if l == 0 {
            break;
        }
        if file::write_bytes(f, buf.as_ptr(), l) < l {
            return -1;
        }
    }
    l as c_int
}

/// C `fgetws`.
#[no_mangle]
pub unsafe extern "C" fn fgetws(s: *mut Wc, n: c_int, f: *mut File) -> *mut Wc {
    if n <= 0 {
        return if n == 0 { s } else { null_mut() };
    }
    let mut k = 0usize;
    let mut left = n - 1;
    while left > 0 {
        let c = fgetwc(f);
        if c == WEOF {
            break;
        }
        *s.add(k) = c;
        k += 1;
        left -= 1;
        if c == b'\n' as Wc {
            break;
        }
    }
    *s.add(k) = 0;
    if (*f).flags & F_ERR != 0 || k == 0 {
        return null_mut();
    }
    s
}

macro_rules! alias {
    ($($name:ident => $target:ident ($($a:ident: $t:ty),*) -> $r:ty;)*) => {$(
        #[doc = concat!("C `", stringify!($name), "`.")]
        #[no_mangle]
        pub unsafe extern "C" fn $name($($a: $t),*) -> $r {
            $target($($a),*)
        }
    )*};
}

unsafe fn getwchar_() -> Wc {
    fgetwc(stdin_ptr())
}

unsafe fn putwchar_(c: Wc) -> Wc {
    fputwc(c, stdout_ptr())
}

alias! {
    putwc => fputwc(c: Wc, f: *mut File) -> Wc;
    fputwc_unlocked => fputwc(c: Wc, f: *mut File) -> Wc;
    putwc_unlocked => fputwc(c: Wc, f: *mut File) -> Wc;
    __fputwc_unlocked => fputwc(c: Wc, f: *mut File) -> Wc;
    getwc => fgetwc(f: *mut File) -> Wc;
    fgetwc_unlocked => fgetwc(f: *mut File) -> Wc;
    getwc_unlocked => fgetwc(f: *mut File) -> Wc;
    __fgetwc_unlocked => fgetwc(f: *mut File) -> Wc;
    getwchar => getwchar_() -> Wc;
    getwchar_unlocked => getwchar_() -> Wc;
    putwchar => putwchar_(c: Wc) -> Wc;
    putwchar_unlocked => putwchar_(c: Wc) -> Wc;
    fputws_unlocked => fputws(s: *const Wc, f: *mut File) -> c_int;
    fgetws_unlocked => fgetws(s: *mut Wc, n: c_int, f: *mut File) -> *mut Wc;
}

/// Converts a wide string to a `malloc`ed multibyte one (null on failure,
/// with `errno` set).
unsafe fn to_mb(ws: *const Wc) -> *mut c_char {
    let n = wcstombs(null_mut(), ws, 0);
    if n == usize::MAX {
        return null_mut();
    }
    let p = ext::malloc(n + 1) as *mut c_char;
    if p.is_null() {
        set_errno(errno::ENOMEM);
        return p;
    }
    wcstombs(p, ws, n + 1);
    p
}

/// C `vfwprintf`.
#[no_mangle]
pub unsafe extern "C" fn vfwprintf(f: *mut File, fmt: *const Wc, ap: *const u8) -> c_int {
    in_stream_locale(f, || vfwprintf_in(f, fmt, ap))
}

unsafe fn vfwprintf_in(f: *mut File, fmt: *const Wc, ap: *const u8) -> c_int {
    let mb = to_mb(fmt);
    if mb.is_null() {
        return -1;
    }
    let r = vfprintf_mode(f, mb, ap, true);
    ext::free(mb as *mut c_void);
    r
}

/// C `fwprintf`.
#[no_mangle]
pub unsafe extern "C" fn fwprintf(f: *mut File, fmt: *const Wc, va: *const u8) -> c_int {
    vfwprintf(f, fmt, va)
}

/// C `vwprintf`.
#[no_mangle]
pub unsafe extern "C" fn vwprintf(fmt: *const Wc, ap: *const u8) -> c_int {
    vfwprintf(stdout_ptr(), fmt, ap)
}

/// C `wprintf`.
#[no_mangle]
pub unsafe extern "C" fn wprintf(fmt: *const Wc, va: *const u8) -> c_int {
    vfwprintf(stdout_ptr(), fmt, va)
}

/// C `vswprintf`: -1 if the output (with its NUL) does not fit in `n`.
#[no_mangle]
pub unsafe extern "C" fn vswprintf(s: *mut Wc, n: usize, fmt: *const Wc, ap: *const u8) -> c_int {
    if n == 0 {
        return -1;
    }
    let mb = to_mb(fmt);
    if mb.is_null() {
        return -1;
    }
    let mut sink = HeapSink::new();
    let r = format_mode(&mut sink, mb as *const u8, VaList::new(ap), true);
    ext::free(mb as *mut c_void);
    let out = sink.finish();
    if out.is_null() {
        set_errno(errno::ENOMEM);
        return -1;
    }
    let k = mbstowcs(s, out as *const c_char, n - 1);
    let k = if k == usize::MAX { 0 } else { k };
    *s.add(k.min(n - 1)) = 0;
    ext::free(out as *mut c_void);
    if r < 0 || r as usize >= n {
        return -1;
    }
    r
}

/// C `swprintf`.
#[no_mangle]
pub unsafe extern "C" fn swprintf(s: *mut Wc, n: usize, fmt: *const Wc, va: *const u8) -> c_int {
    vswprintf(s, n, fmt, va)
}

/// C `vfwscanf`.
#[no_mangle]
pub unsafe extern "C" fn vfwscanf(f: *mut File, fmt: *const Wc, ap: *const u8) -> c_int {
    in_stream_locale(f, || vfwscanf_in(f, fmt, ap))
}

unsafe fn vfwscanf_in(f: *mut File, fmt: *const Wc, ap: *const u8) -> c_int {
    let mb = to_mb(fmt);
    if mb.is_null() {
        return EOF;
    }
    let r = super::scanf_api::vfscanf(f, mb, ap);
    ext::free(mb as *mut c_void);
    r
}

/// C `vswscanf`.
#[no_mangle]
pub unsafe extern "C" fn vswscanf(s: *const Wc, fmt: *const Wc, ap: *const u8) -> c_int {
    let mb = to_mb(fmt);
    let input = to_mb(s);
    let r = if mb.is_null() || input.is_null() { EOF } else { super::scanf_api::vsscanf(input, mb, ap) };
    ext::free(mb as *mut c_void);
    ext::free(input as *mut c_void);
    r
}

/// C `vwscanf`.
#[no_mangle]
pub unsafe extern "C" fn vwscanf(fmt: *const Wc, ap: *const u8) -> c_int {
    vfwscanf(stdin_ptr(), fmt, ap)
}

alias! {
    fwscanf => vfwscanf(f: *mut File, fmt: *const Wc, va: *const u8) -> c_int;
    swscanf => vswscanf(s: *const Wc, fmt: *const Wc, va: *const u8) -> c_int;
    wscanf => vwscanf(fmt: *const Wc, va: *const u8) -> c_int;
    __isoc99_vfwscanf => vfwscanf(f: *mut File, fmt: *const Wc, ap: *const u8) -> c_int;
    __isoc99_vswscanf => vswscanf(s: *const Wc, fmt: *const Wc, ap: *const u8) -> c_int;
    __isoc99_vwscanf => vwscanf(fmt: *const Wc, ap: *const u8) -> c_int;
    __isoc99_fwscanf => vfwscanf(f: *mut File, fmt: *const Wc, va: *const u8) -> c_int;
    __isoc99_swscanf => vswscanf(s: *const Wc, fmt: *const Wc, va: *const u8) -> c_int;
    __isoc99_wscanf => vwscanf(fmt: *const Wc, va: *const u8) -> c_int;
}
