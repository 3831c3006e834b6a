//! `libgen.h` (`basename`, `dirname`), `getsubopt` and the byte-order
//! helpers of `arpa/inet.h` (`htonl`, `htons`, `ntohl`, `ntohs`).

use core::ffi::{c_char, c_int};

/// C `basename`: the last path component (may modify the string to drop
/// trailing slashes).
#[no_mangle]
pub unsafe extern "C" fn basename(s: *mut c_char) -> *mut c_char {
    if s.is_null() || *s == 0 {
        return c".".as_ptr() as *mut c_char;
    }
    let mut i = super::mem::strlen(s as *const u8) - 1;
    while i > 0 && *s.add(i) == b'/' as c_char {
        *s.add(i) = 0;
        i -= 1;
    }
    while i > 0 && *s.add(i - 1) != b'/' as c_char {
        i -= 1;
    }
    s.add(i)
}

/// C `__xpg_basename`.
#[no_mangle]
pub unsafe extern "C" fn __xpg_basename(s: *mut c_char) -> *mut c_char {
    basename(s)
}

/// C `dirname`: the parent path (modifies the string).
#[no_mangle]
pub unsafe extern "C" fn dirname(s: *mut c_char) -> *mut c_char {
    if s.is_null() || *s == 0 {
        return c".".as_ptr() as *mut c_char;
    }
    let slash = b'/' as c_char;
    let mut i = super::mem::strlen(s as *const u8) - 1;
    while *s.add(i) == slash {
        if i == 0 {
            return c"/".as_ptr() as *mut c_char;
        }
        i -= 1;
    }
    while *s.add(i) != slash {
        if i == 0 {
            return c".".as_ptr() as *mut c_char;
        }
        i -= 1;
    }
    while *s.add(i) == slash {
        if i == 0 {
            return c"/".as_ptr() as *mut c_char;
        }
        i -= 1;
    }
    *s.add(i + 1) = 0;
    s
}

/// C `getsubopt`: splits the next comma-separated `name[=value]` off
/// `*opt` and returns its index in `keys` (-1 if unknown, with `*val`
/// null).
#[no_mangle]
pub unsafe extern "C" fn getsubopt(opt: *mut *mut c_char, keys: *const *const c_char, val: *mut *mut c_char) -> c_int {
    let s = *opt;
    *val = core::ptr::null_mut();
    let comma = super::string::strchr(s, b',' as c_int);
    if !comma.is_null() {
        *comma = 0;
        *opt = comma.add(1);
    } else {
        *opt = s.add(super::mem::strlen(s as *const u8));
    }
    let mut i = 0;
    while !(*keys.add(i)).is_null() {
        let k = *keys.add(i);
        let l = super::mem::strlen(k as *const u8);
        if super::string::strncmp(k, s, l) == 0 {
            let c = *s.add(l);
            if c == b'=' as c_char {
                *val = s.add(l + 1);
                return i as c_int;
            }
            if c == 0 {
                return i as c_int;
            }
        }
        i += 1;
    }
    -1
}

/// C `htonl`.
#[no_mangle]
pub extern "C" fn htonl(n: u32) -> u32 {
    n.to_be()
}

/// C `htons`.
#[no_mangle]
pub extern "C" fn htons(n: u16) -> u16 {
    n.to_be()
}

/// C `ntohl`.
#[no_mangle]
pub extern "C" fn ntohl(n: u32) -> u32 {
    u32::from_be(n)
}

/// C `ntohs`.
#[no_mangle]
pub extern "C" fn ntohs(n: u16) -> u16 {
    u16::from_be(n)
}
