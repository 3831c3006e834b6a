//! Character, line and block I/O on streams.

use super::file::{self, File, EOF, F_EOF, F_ERR};
use super::std_streams::{stdin_ptr, stdout_ptr};
use crate::header::ext::{self, errno, set_errno};
use crate::header::mem::strlen;
use core::ffi::{c_char, c_int, c_void};

/// C `fread`.
#[no_mangle]
pub unsafe extern "C" fn fread(p: *mut c_void, size: usize, n: usize, f: *mut File) -> usize {
    let Some(total) = size.checked_mul(n) else {
        set_errno(errno::EOVERFLOW);
        return 0;
    };
    if total == 0 {
        return 0;
    }
    file::read_bytes(f, p as *mut u8, total) / size
}

/// C `fwrite`.
#[no_mangle]
pub unsafe extern "C" fn fwrite(p: *const c_void, size: usize, n: usize, f: *mut File) -> usize {
    let Some(total) = size.checked_mul(n) else {
        set_errno(errno::EOVERFLOW);
        return 0;
    };
    if total == 0 {
        return 0;
    }
    let k = file::write_bytes(f, p as *const u8, total);
    if k == total {
        n
    } else {
        k / size
    }
}

/// C `fgetc`.
#[no_mangle]
pub unsafe extern "C" fn fgetc(f: *mut File) -> c_int {
    file::getc(f)
}

/// C `getc`.
#[no_mangle]
pub unsafe extern "C" fn getc(f: *mut File) -> c_int {
    file::getc(f)
}

/// C `getchar`.
#[no_mangle]
pub unsafe extern "C" fn getchar() -> c_int {
    file::getc(stdin_ptr())
}

/// C `fputc`.
#[no_mangle]
pub unsafe extern "C" fn fputc(c: c_int, f: *mut File) -> c_int {
    file::putc(c, f)
}

/// C `putc`.
#[no_mangle]
pub unsafe extern "C" fn putc(c: c_int, f: *mut File) -> c_int {
    file::putc(c, f)
}

/// C `putchar`.
#[no_mangle]
pub unsafe extern "C" fn putchar(c: c_int) -> c_int {
    file::putc(c, stdout_ptr())
}

/// C `fputs`.
#[no_mangle]
pub unsafe extern "C" fn fputs(s: *const c_char, f: *mut File) -> c_int {
    let n = strlen(s as *const u8);
    if file::write_bytes(f, s as *const u8, n) == n {
        0
    } else {
        EOF
    }
}

/// C `puts`.
#[no_mangle]
pub unsafe extern "C" fn puts(s: *const c_char) -> c_int {
    let f = stdout_ptr();
    if fputs(s, f) < 0 || file::putc(b'\n' as c_int, f) < 0 {
        EOF
    } else {
        0
    }
}

/// C `fgets`.
#[no_mangle]
pub unsafe extern "C" fn fgets(s: *mut c_char, n: c_int, f: *mut File) -> *mut c_char {
    if f.is_null() {
        set_errno(errno::EBADF);
        return core::ptr::null_mut();
    }
    if n <= 0 {
        return core::ptr::null_mut();
    }
    let mut i = 0usize;
    let mut left = n as usize - 1;
    while left > 0 {
        // Whole runs out of the buffer, up to and including a newline.
        let f_ = &mut *f;
        if f_.rpos < f_.rend {
            let avail = f_.rend as usize - f_.rpos as usize;
            let z = crate::header::string::memchr(f_.rpos as *const c_void, b'\n' as c_int, avail) as *const u8;
            let k = if z.is_null() { avail } else { z as usize - f_.rpos as usize + 1 }.min(left);
            core::ptr::copy_nonoverlapping(f_.rpos, s.add(i) as *mut u8, k);
            f_.rpos = f_.rpos.add(k);
            i += k;
            left -= k;
            if !z.is_null() || left == 0 {
                break;
            }
        }
        // Refill (or end of file / error).
        let c = file::getc(f);
        if c == EOF {
            if i == 0 || (*f).flags & F_ERR != 0 {
                return core::ptr::null_mut();
            }
            break;
        }
        *s.add(i) = c as c_char;
        i += 1;
        left -= 1;
        if c == b'\n' as c_int {
            break;
        }
    }
    *s.add(i) = 0;
    s
}

/// C `ungetc`.
#[no_mangle]
pub unsafe extern "C" fn ungetc(c: c_int, f: *mut File) -> c_int {
    if f.is_null() {
        set_errno(errno::EBADF);
        return EOF;
    }
    if c == EOF {
        return EOF;
    }
    if (*f).rpos.is_null() {
        // End of file does not prevent pushing back.
        file::to_read(f);
    }
    let f_ = &mut *f;
    if f_.rpos.is_null() || f_.rpos <= f_.buf.sub(file::UNGET) {
        return EOF;
    }
    f_.rpos = f_.rpos.sub(1);
    *f_.rpos = c as u8;
    f_.flags &= !F_EOF;
    c as u8 as c_int
}

/// C `getdelim`.
#[no_mangle]
pub unsafe extern "C" fn getdelim(line: *mut *mut c_char, cap: *mut usize, delim: c_int, f: *mut File) -> isize {
    if f.is_null() {
        set_errno(errno::EBADF);
        return -1;
    }
    if line.is_null() || cap.is_null() {
        set_errno(errno::EINVAL);
        (*f).flags |= F_ERR;
        return -1;
    }
    if (*line).is_null() {
        *cap = 0;
    }
    let mut i = 0usize;
    loop {
        let c = file::getc(f);
        if c == EOF {
            if i == 0 || (*f).flags & F_ERR != 0 {
                if !(*line).is_null() && *cap > 0 {
                    **line = 0;
                }
                return -1;
            }
            break;
        }
        if i + 2 > *cap {
            let new_cap = (i + 2).max(*cap * 2).max(128);
            let p = ext::realloc(*line as *mut c_void, new_cap) as *mut c_char;
            if p.is_null() {
                set_errno(errno::ENOMEM);
                (*f).flags |= F_ERR;
                return -1;
            }
            *line = p;
            *cap = new_cap;
        }
        *(*line).add(i) = c as c_char;
        i += 1;
        if c == delim {
            break;
        }
    }
    *(*line).add(i) = 0;
    i as isize
}

/// C `__getdelim`.
#[no_mangle]
pub unsafe extern "C" fn __getdelim(l: *mut *mut c_char, c: *mut usize, d: c_int, f: *mut File) -> isize {
    getdelim(l, c, d, f)
}

/// C `getline`.
#[no_mangle]
pub unsafe extern "C" fn getline(line: *mut *mut c_char, cap: *mut usize, f: *mut File) -> isize {
    getdelim(line, cap, b'\n' as c_int, f)
}

static mut FGETLN_BUF: *mut c_char = core::ptr::null_mut();
static mut FGETLN_CAP: usize = 0;

/// C `fgetln`: returns the next line (not NUL-terminated) and its length.
#[no_mangle]
pub unsafe extern "C" fn fgetln(f: *mut File, len: *mut usize) -> *mut c_char {
    let n = getdelim(
        core::ptr::addr_of_mut!(FGETLN_BUF),
        core::ptr::addr_of_mut!(FGETLN_CAP),
        b'\n' as c_int,
        f,
    );
    if n < 0 {
        return core::ptr::null_mut();
    }
    *len = n as usize;
    FGETLN_BUF
}

/// C `getw`.
#[no_mangle]
pub unsafe extern "C" fn getw(f: *mut File) -> c_int {
    let mut x: c_int = 0;
    if fread(&mut x as *mut c_int as *mut c_void, 4, 1, f) == 1 {
        x
    } else {
        EOF
    }
}

/// C `putw`.
#[no_mangle]
pub unsafe extern "C" fn putw(x: c_int, f: *mut File) -> c_int {
    if fwrite(&x as *const c_int as *const c_void, 4, 1, f) == 1 {
        0
    } else {
        EOF
    }
}

/// C `perror`.
#[no_mangle]
pub unsafe extern "C" fn perror(msg: *const c_char) {
    let f = super::std_streams::stderr_ptr();
    let e = super::super::strerror::strerror(ext::get_errno());
    if !msg.is_null() && *msg != 0 {
        fputs(msg, f);
        fputs(c": ".as_ptr(), f);
    }
    fputs(e, f);
    file::putc(b'\n' as c_int, f);
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

alias! {
    fread_unlocked => fread(p: *mut c_void, s: usize, n: usize, f: *mut File) -> usize;
    fwrite_unlocked => fwrite(p: *const c_void, s: usize, n: usize, f: *mut File) -> usize;
    fgetc_unlocked => fgetc(f: *mut File) -> c_int;
    getc_unlocked => getc(f: *mut File) -> c_int;
    _IO_getc => getc(f: *mut File) -> c_int;
    _IO_getc_unlocked => getc(f: *mut File) -> c_int;
    getchar_unlocked => getchar() -> c_int;
    fputc_unlocked => fputc(c: c_int, f: *mut File) -> c_int;
    putc_unlocked => putc(c: c_int, f: *mut File) -> c_int;
    _IO_putc => putc(c: c_int, f: *mut File) -> c_int;
    _IO_putc_unlocked => putc(c: c_int, f: *mut File) -> c_int;
    putchar_unlocked => putchar(c: c_int) -> c_int;
    fputs_unlocked => fputs(s: *const c_char, f: *mut File) -> c_int;
    fgets_unlocked => fgets(s: *mut c_char, n: c_int, f: *mut File) -> *mut c_char;
}
