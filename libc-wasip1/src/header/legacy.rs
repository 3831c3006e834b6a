//! Rarely used interfaces: `strfmon` (C locale), `fmtmsg`, `getdate`, and
//! musl's internal open-file-list hooks.

use super::ext::{self, errno, set_errno};
use super::stdio::file::File;
use core::ffi::{c_char, c_int, c_long, c_void};
use core::ptr::null_mut;

unsafe fn strfmon_impl(s: *mut c_char, n: usize, fmt: *const c_char, ap: *const u8) -> isize {
    let mut ap = crate::varargs::VaList::new(ap);
    let mut f = fmt as *const u8;
    let mut out = s as *mut u8;
    let mut left = n;
    while left > 0 && *f != 0 {
        if *f != b'%' || *f.add(1) == b'%' {
            if *f == b'%' {
                f = f.add(1);
            }
            *out = *f;
            out = out.add(1);
            f = f.add(1);
            left -= 1;
            continue;
        }
        f = f.add(1);
        // Flags: =f (fill), ^, (, +, !, - ; only '-' affects the C locale.
        let mut left_just = false;
        loop {
            match *f {
                b'=' => {
                    f = f.add(1);
                    if *f != 0 {
                        f = f.add(1);
                    }
                    continue;
                }
                b'^' | b'(' | b'+' | b'!' => {}
                b'-' => left_just = true,
                _ => break,
            }
            f = f.add(1);
        }
        let mut fw: c_int = 0;
        while (*f).is_ascii_digit() {
            fw = fw.saturating_mul(10).saturating_add((*f - b'0') as c_int);
            f = f.add(1);
        }
        let mut lp: c_int = 0;
        let mut rp: c_int = 2;
        if *f == b'#' {
            f = f.add(1);
            while (*f).is_ascii_digit() {
                lp = lp.saturating_mul(10).saturating_add((*f - b'0') as c_int);
                f = f.add(1);
            }
        }
        if *f == b'.' {
            rp = 0;
            f = f.add(1);
            while (*f).is_ascii_digit() {
                rp = rp.saturating_mul(10).saturating_add((*f - b'0') as c_int);
                f = f.add(1);
            }
        }
        if *f != 0 {
            f = f.add(1);
        }
        let mut w = lp + 1 + rp;
        if !left_just && fw > w {
            w = fw;
        }
        let x = ap.arg_f64();
        let args: [u64; 2] = [(w as u32 as u64) | ((rp as u32 as u64) << 32), x.to_bits()];
        let l = super::stdio::printf_api::snprintf_internal(
            out as *mut c_char,
            left,
            c"%*.*f".as_ptr(),
            args.as_ptr() as *const u8,
        );
        if l < 0 || l as usize >= left {
            set_errno(errno::E2BIG);
            return -1;
        }
        out = out.add(l as usize);
        left -= l as usize;
    }
    if left > 0 {
        *out = 0;
    }
    out as isize - s as isize
}

/// C `strfmon` (C locale: each `%[flags][width][#left][.right]n|i` is the
/// number printed as `%*.*f`).
#[no_mangle]
pub unsafe extern "C" fn strfmon(s: *mut c_char, n: usize, fmt: *const c_char, va: *const u8) -> isize {
    strfmon_impl(s, n, fmt, va)
}

/// C `strfmon_l`.
#[no_mangle]
pub unsafe extern "C" fn strfmon_l(s: *mut c_char, n: usize, _l: *mut c_void, fmt: *const c_char, va: *const u8) -> isize {
    strfmon_impl(s, n, fmt, va)
}

/// C `fmtmsg`: with `MM_PRINT`, writes "label: SEVERITY: text\nTO FIX:
/// action tag" to stderr (parts selected by `MSGVERB`); the console is not
/// available on WASI.
#[no_mangle]
pub unsafe extern "C" fn fmtmsg(
    class: c_long,
    label: *const c_char,
    severity: c_int,
    text: *const c_char,
    action: *const c_char,
    tag: *const c_char,
) -> c_int {
    const MM_PRINT: c_long = 256;
    const MM_CONSOLE: c_long = 512;
    let mut ret = 0;
    let sev: &[u8] = match severity {
        1 => b"HALT: ",
        2 => b"ERROR: ",
        3 => b"WARNING: ",
        4 => b"INFO: ",
        _ => b"",
    };
    if class & MM_CONSOLE != 0 {
        ret |= 4;
    }
    if class & MM_PRINT != 0 {
        let mut verb = 0u32;
        let mut m = ext::getenv(c"MSGVERB".as_ptr()) as *const u8;
        let names: [&[u8]; 5] = [b"label", b"severity", b"text", b"action", b"tag"];
        while !m.is_null() && *m != 0 {
            let mut l = 0;
            while *m.add(l) != 0 && *m.add(l) != b':' {
                l += 1;
            }
            let word = core::slice::from_raw_parts(m, l);
            match names.iter().position(|n| *n == word) {
                Some(i) => verb |= 1 << i,
                None => {
                    verb = 0xff;
                    break;
                }
            }
            m = if *m.add(l) == b':' { m.add(l + 1) } else { core::ptr::null() };
        }
        if verb == 0 {
            verb = 0xff;
        }
        let f = super::stdio::std_streams::stderr_ptr();
        let put = |p: *const u8, n: usize| super::stdio::file::write_bytes(f, p, n);
        let cstr = |p: *const c_char| (p as *const u8, super::mem::strlen(p as *const u8));
        let mut wrote = 0;
        if verb & 1 != 0 && !label.is_null() {
            let (p, n) = cstr(label);
            wrote += put(p, n) + put(b": ".as_ptr(), 2);
        }
        if verb & 2 != 0 && severity != 0 {
            wrote += put(sev.as_ptr(), sev.len());
        }
        if verb & 4 != 0 && !text.is_null() {
            let (p, n) = cstr(text);
            wrote += put(p, n);
        }
        if verb & 8 != 0 && !action.is_null() {
            let (p, n) = cstr(action);
            wrote += put(b"\nTO FIX: ".as_ptr(), 9) + put(p, n) + put(b" ".as_ptr(), 1);
        }
        if verb & 16 != 0 && !tag.is_null() {
            let (p, n) = cstr(tag);
            wrote += put(p, n);
        }
        wrote += put(b"\n".as_ptr(), 1);
        if wrote < 1 {
            ret |= 1;
        }
    }
    if ret & 5 == 5 {
        ret = -1;
    }
    ret
}

/// C `getdate_err`.
#[no_mangle]
pub static mut getdate_err: c_int = 0;

static mut GETDATE_TM: super::time::Tm = unsafe { core::mem::zeroed() };

/// C `getdate`: tries each line of the file named by `DATEMSK` as a
/// `strptime` format that must match all of `s`.
#[no_mangle]
pub unsafe extern "C" fn getdate(s: *const c_char) -> *mut super::time::Tm {
    let path = ext::getenv(c"DATEMSK".as_ptr());
    if path.is_null() || *path == 0 {
        getdate_err = 1;
        return null_mut();
    }
    let f = super::stdio::stream::fopen(path, c"rbe".as_ptr());
    if f.is_null() {
        getdate_err = 2;
        return null_mut();
    }
    let mut line = [0 as c_char; 100];
    let tm = core::ptr::addr_of_mut!(GETDATE_TM);
    let mut found = false;
    while !super::stdio::io::fgets(line.as_mut_ptr(), line.len() as c_int, f).is_null() {
        let n = super::mem::strlen(line.as_ptr() as *const u8);
        if n > 0 && line[n - 1] == b'\n' as c_char {
            line[n - 1] = 0;
        }
        *tm = core::mem::zeroed();
        let end = super::strftime::strptime(s, line.as_ptr(), tm);
        if !end.is_null() && *end == 0 {
            found = true;
            break;
        }
    }
    let err = super::stdio::stream::ferror(f);
    super::stdio::stream::fclose(f);
    if found {
        return tm;
    }
    getdate_err = if err != 0 { 5 } else { 7 };
    null_mut()
}

/// musl's `__ofl_lock`: the head of the open-file list.
#[no_mangle]
pub unsafe extern "C" fn __ofl_lock() -> *mut *mut File {
    super::stdio::file::open_list_head()
}

/// musl's `__ofl_unlock`.
#[no_mangle]
pub extern "C" fn __ofl_unlock() {}

/// musl's `__ofl_add`: adds a stream to the open-file list.
#[no_mangle]
pub unsafe extern "C" fn __ofl_add(f: *mut File) -> *mut File {
    super::stdio::file::link(f);
    f
}

/// musl's `__unlist_locked_file` (no per-thread lock lists here).
#[no_mangle]
pub extern "C" fn __unlist_locked_file(_f: *mut File) {}
