//! `wchar.h`'s string functions over `wchar_t` (a signed 32-bit int on
//! wasm32). Wide character classification and multibyte conversion are not
//! here.

use super::ext::{malloc, set_errno, errno};
use core::ffi::{c_int, c_void};

type W = i32;

/// C `wcslen`.
#[no_mangle]
pub unsafe extern "C" fn wcslen(s: *const W) -> usize {
    let mut n = 0;
    while *s.add(n) != 0 {
        n += 1;
    }
    n
}

/// C `wcsnlen`.
#[no_mangle]
pub unsafe extern "C" fn wcsnlen(s: *const W, max: usize) -> usize {
    let mut n = 0;
    while n < max && *s.add(n) != 0 {
        n += 1;
    }
    n
}

fn cmp(a: W, b: W) -> c_int {
    (a > b) as c_int - (a < b) as c_int
}

/// C `wcscmp`.
#[no_mangle]
pub unsafe extern "C" fn wcscmp(a: *const W, b: *const W) -> c_int {
    wcsncmp(a, b, usize::MAX)
}

/// C `wcsncmp`.
#[no_mangle]
pub unsafe extern "C" fn wcsncmp(a: *const W, b: *const W, n: usize) -> c_int {
    let mut i = 0;
    while i < n {
        let (x, y) = (*a.add(i), *b.add(i));
        if x != y || x == 0 {
            return cmp(x, y);
        }
        i += 1;
    }
    0
}

fn wlower(c: W) -> W {
    if (b'A' as W..=b'Z' as W).contains(&c) {
        c | 32
    } else {
        c
    }
}

/// C `wcsncasecmp` (ASCII case folding only).
#[no_mangle]
pub unsafe extern "C" fn wcsncasecmp(a: *const W, b: *const W, n: usize) -> c_int {
    let mut i = 0;
    while i < n {
        let (x, y) = (wlower(*a.add(i)), wlower(*b.add(i)));
        if x != y || x == 0 {
            return cmp(x, y);
        }
        i += 1;
    }
    0
}

/// C `wcscasecmp` (ASCII case folding only).
#[no_mangle]
pub unsafe extern "C" fn wcscasecmp(a: *const W, b: *const W) -> c_int {
    wcsncasecmp(a, b, usize::MAX)
}

/// C `wcscasecmp_l`.
#[no_mangle]
pub unsafe extern "C" fn wcscasecmp_l(a: *const W, b: *const W, _l: *mut c_void) -> c_int {
    wcscasecmp(a, b)
}

/// C `wcsncasecmp_l`.
#[no_mangle]
pub unsafe extern "C" fn wcsncasecmp_l(a: *const W, b: *const W, n: usize, _l: *mut c_void) -> c_int {
    wcsncasecmp(a, b, n)
}

/// C `wcscoll` (C locale: `wcscmp`).
#[no_mangle]
pub unsafe extern "C" fn wcscoll(a: *const W, b: *const W) -> c_int {
    wcscmp(a, b)
}

/// C `wcscoll_l`.
#[no_mangle]
pub unsafe extern "C" fn wcscoll_l(a: *const W, b: *const W, _l: *mut c_void) -> c_int {
    wcscmp(a, b)
}

/// C `__wcscoll_l`.
#[no_mangle]
pub unsafe extern "C" fn __wcscoll_l(a: *const W, b: *const W, _l: *mut c_void) -> c_int {
    wcscmp(a, b)
}

/// C `wcsxfrm` (C locale: a copy).
#[no_mangle]
pub unsafe extern "C" fn wcsxfrm(d: *mut W, s: *const W, n: usize) -> usize {
    let l = wcslen(s);
    if l < n {
        wmemcpy(d, s, l + 1);
    } else if n > 0 {
        wmemcpy(d, s, n - 1);
        *d.add(n - 1) = 0;
    }
    l
}

/// C `wcsxfrm_l`.
#[no_mangle]
pub unsafe extern "C" fn wcsxfrm_l(d: *mut W, s: *const W, n: usize, _l: *mut c_void) -> usize {
    wcsxfrm(d, s, n)
}

/// C `__wcsxfrm_l`.
#[no_mangle]
pub unsafe extern "C" fn __wcsxfrm_l(d: *mut W, s: *const W, n: usize, _l: *mut c_void) -> usize {
    wcsxfrm(d, s, n)
}

/// C `wcpcpy`.
#[no_mangle]
pub unsafe extern "C" fn wcpcpy(d: *mut W, s: *const W) -> *mut W {
    let n = wcslen(s);
    wmemcpy(d, s, n + 1);
    d.add(n)
}

/// C `wcscpy`.
#[no_mangle]
pub unsafe extern "C" fn wcscpy(d: *mut W, s: *const W) -> *mut W {
    wcpcpy(d, s);
    d
}

/// C `wcpncpy`.
#[no_mangle]
pub unsafe extern "C" fn wcpncpy(d: *mut W, s: *const W, n: usize) -> *mut W {
    let l = wcsnlen(s, n);
    wmemcpy(d, s, l);
    wmemset(d.add(l), 0, n - l);
    d.add(l)
}

/// C `wcsncpy`.
#[no_mangle]
pub unsafe extern "C" fn wcsncpy(d: *mut W, s: *const W, n: usize) -> *mut W {
    wcpncpy(d, s, n);
    d
}

/// C `wcscat`.
#[no_mangle]
pub unsafe extern "C" fn wcscat(d: *mut W, s: *const W) -> *mut W {
    wcscpy(d.add(wcslen(d)), s);
    d
}

/// C `wcsncat`.
#[no_mangle]
pub unsafe extern "C" fn wcsncat(d: *mut W, s: *const W, n: usize) -> *mut W {
    let e = d.add(wcslen(d));
    let l = wcsnlen(s, n);
    wmemcpy(e, s, l);
    *e.add(l) = 0;
    d
}

/// C `wcschr`.
#[no_mangle]
pub unsafe extern "C" fn wcschr(s: *const W, c: W) -> *mut W {
    let mut p = s;
    loop {
        if *p == c {
            return p as *mut W;
        }
        if *p == 0 {
            return core::ptr::null_mut();
        }
        p = p.add(1);
    }
}

/// C `wcsrchr`.
#[no_mangle]
pub unsafe extern "C" fn wcsrchr(s: *const W, c: W) -> *mut W {
    let mut i = wcslen(s) + 1;
    while i > 0 {
        i -= 1;
        if *s.add(i) == c {
            return s.add(i) as *mut W;
        }
    }
    core::ptr::null_mut()
}

/// C `wcsspn`.
#[no_mangle]
pub unsafe extern "C" fn wcsspn(s: *const W, set: *const W) -> usize {
    let mut i = 0;
    while *s.add(i) != 0 && !wcschr(set, *s.add(i)).is_null() {
        i += 1;
    }
    i
}

/// C `wcscspn`.
#[no_mangle]
pub unsafe extern "C" fn wcscspn(s: *const W, set: *const W) -> usize {
    let mut i = 0;
    while *s.add(i) != 0 && wcschr(set, *s.add(i)).is_null() {
        i += 1;
    }
    i
}

/// C `wcspbrk`.
#[no_mangle]
pub unsafe extern "C" fn wcspbrk(s: *const W, set: *const W) -> *mut W {
    let p = s.add(wcscspn(s, set));
    if *p != 0 {
        p as *mut W
    } else {
        core::ptr::null_mut()
    }
}

/// C `wcsstr`.
#[no_mangle]
pub unsafe extern "C" fn wcsstr(h: *const W, n: *const W) -> *mut W {
    let nl = wcslen(n);
    let mut p = h;
    loop {
        if wcsncmp(p, n, nl) == 0 {
            return p as *mut W;
        }
        if *p == 0 {
            return core::ptr::null_mut();
        }
        p = p.add(1);
    }
}

/// C `wcswcs`.
#[no_mangle]
pub unsafe extern "C" fn wcswcs(h: *const W, n: *const W) -> *mut W {
    wcsstr(h, n)
}

/// C `wcstok`.
#[no_mangle]
pub unsafe extern "C" fn wcstok(s: *mut W, sep: *const W, save: *mut *mut W) -> *mut W {
    let mut s = if s.is_null() { *save } else { s };
    if s.is_null() {
        return s;
    }
    s = s.add(wcsspn(s, sep));
    if *s == 0 {
        *save = core::ptr::null_mut();
        return core::ptr::null_mut();
    }
    let e = s.add(wcscspn(s, sep));
    if *e != 0 {
        *e = 0;
        *save = e.add(1);
    } else {
        *save = core::ptr::null_mut();
    }
    s
}

/// C `wcsdup`.
#[no_mangle]
pub unsafe extern "C" fn wcsdup(s: *const W) -> *mut W {
    let n = wcslen(s) + 1;
    let d = malloc(n * 4) as *mut W;
    if d.is_null() {
        set_errno(errno::ENOMEM);
        return d;
    }
    wmemcpy(d, s, n)
}

/// C `wmemchr`.
#[no_mangle]
pub unsafe extern "C" fn wmemchr(s: *const W, c: W, n: usize) -> *mut W {
    for i in 0..n {
        if *s.add(i) == c {
            return s.add(i) as *mut W;
        }
    }
    core::ptr::null_mut()
}

/// C `wmemcmp`.
#[no_mangle]
pub unsafe extern "C" fn wmemcmp(a: *const W, b: *const W, n: usize) -> c_int {
    for i in 0..n {
        if *a.add(i) != *b.add(i) {
            return cmp(*a.add(i), *b.add(i));
        }
    }
    0
}

/// C `wmemcpy`.
#[no_mangle]
pub unsafe extern "C" fn wmemcpy(d: *mut W, s: *const W, n: usize) -> *mut W {
    super::mem::memcpy(d as *mut u8, s as *const u8, n * 4);
    d
}

/// C `wmemmove`.
#[no_mangle]
pub unsafe extern "C" fn wmemmove(d: *mut W, s: *const W, n: usize) -> *mut W {
    super::mem::memmove(d as *mut u8, s as *const u8, n * 4);
    d
}

/// C `wmemset`.
#[no_mangle]
pub unsafe extern "C" fn wmemset(d: *mut W, c: W, n: usize) -> *mut W {
    for i in 0..n {
        *d.add(i) = c;
    }
    d
}
