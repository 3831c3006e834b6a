//! `wctype.h`: wide-character classes and case mappings, `wcwidth`.
//! Alphabetic, punctuation, width and case data come from generated tables
//! (`wctype_tables`, matching wasi-libc over every code point); the other
//! classes are musl's formulas.

use super::wctype_tables::*;
use core::ffi::{c_char, c_int, c_void};

type Wint = u32;

fn in_ranges(t: &[(u32, u32)], c: u32) -> bool {
    // Last range starting at or before c.
    let i = t.partition_point(|r| r.0 <= c);
    i > 0 && c <= t[i - 1].1
}

fn case_map(t: &[(u32, u32, u8, i32)], c: u32) -> u32 {
    let i = t.partition_point(|r| r.0 <= c);
    if i > 0 {
        let (s, e, step, d) = t[i - 1];
        if c <= e && (c - s).is_multiple_of(step as u32) {
            return (c as i64 + d as i64) as u32;
        }
    }
    c
}

/// C `towupper`.
#[no_mangle]
pub extern "C" fn towupper(c: Wint) -> Wint {
    if c < 0x80 {
        return (c as u8).to_ascii_uppercase() as Wint;
    }
    case_map(&TO_UPPER, c)
}

/// C `towlower`.
#[no_mangle]
pub extern "C" fn towlower(c: Wint) -> Wint {
    if c < 0x80 {
        return (c as u8).to_ascii_lowercase() as Wint;
    }
    case_map(&TO_LOWER, c)
}

fn alpha(c: Wint) -> bool {
    if c < 0x80 {
        (c as u8).is_ascii_alphabetic()
    } else {
        in_ranges(&ALPHA, c)
    }
}

fn digit(c: Wint) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&c)
}

fn print(c: Wint) -> bool {
    if c < 0xff {
        return ((c + 1) & 0x7f) >= 0x21;
    }
    if c < 0x2028 || (0x202a..0xd800).contains(&c) || (0xe000..0xfff9).contains(&c) {
        return true;
    }
    !(c.wrapping_sub(0xfffc) > 0x10ffff - 0xfffc || (c & 0xfffe) == 0xfffe)
}

fn space(c: Wint) -> bool {
    SPACES.contains(&c)
}

fn class(c: Wint, k: u32) -> bool {
    match k {
        1 => alpha(c) || digit(c),
        2 => alpha(c),
        3 => c == b' ' as u32 || c == b'\t' as u32,
        4 => c < 32 || (0x7f..0xa0).contains(&c) || (0x2028..0x202a).contains(&c) || (0xfff9..0xfffc).contains(&c),
        5 => digit(c),
        6 => print(c) && !space(c),
        7 => towupper(c) != c,
        8 => print(c),
        9 => {
            if c < 0x80 {
                (c as u8).is_ascii_punctuation()
            } else {
                in_ranges(&PUNCT, c)
            }
        }
        10 => space(c),
        11 => towlower(c) != c,
        12 => digit(c) || ((c | 32) >= b'a' as u32 && (c | 32) <= b'f' as u32),
        _ => false,
    }
}

macro_rules! wclass {
    ($($k:expr => $name:ident $name_l:ident $uname_l:ident;)*) => {$(
        #[doc = concat!("C `", stringify!($name), "`.")]
        #[no_mangle]
        pub extern "C" fn $name(c: Wint) -> c_int {
            class(c, $k) as c_int
        }
        #[doc = concat!("C `", stringify!($name_l), "`.")]
        #[no_mangle]
        pub extern "C" fn $name_l(c: Wint, _l: *mut c_void) -> c_int {
            class(c, $k) as c_int
        }
        #[doc = concat!("C `", stringify!($uname_l), "`.")]
        #[no_mangle]
        pub extern "C" fn $uname_l(c: Wint, _l: *mut c_void) -> c_int {
            class(c, $k) as c_int
        }
    )*};
}

wclass! {
    1 => iswalnum iswalnum_l __iswalnum_l;
    2 => iswalpha iswalpha_l __iswalpha_l;
    3 => iswblank iswblank_l __iswblank_l;
    4 => iswcntrl iswcntrl_l __iswcntrl_l;
    5 => iswdigit iswdigit_l __iswdigit_l;
    6 => iswgraph iswgraph_l __iswgraph_l;
    7 => iswlower iswlower_l __iswlower_l;
    8 => iswprint iswprint_l __iswprint_l;
    9 => iswpunct iswpunct_l __iswpunct_l;
    10 => iswspace iswspace_l __iswspace_l;
    11 => iswupper iswupper_l __iswupper_l;
    12 => iswxdigit iswxdigit_l __iswxdigit_l;
}

const CLASS_NAMES: [&[u8]; 12] =
    [b"alnum", b"alpha", b"blank", b"cntrl", b"digit", b"graph", b"lower", b"print", b"punct", b"space", b"upper", b"xdigit"];

/// C `wctype`: the class number for a name (0 if unknown).
#[no_mangle]
pub unsafe extern "C" fn wctype(name: *const c_char) -> u32 {
    let n = core::ffi::CStr::from_ptr(name).to_bytes();
    CLASS_NAMES.iter().position(|c| *c == n).map_or(0, |i| i as u32 + 1)
}

/// C `wctype_l`.
#[no_mangle]
pub unsafe extern "C" fn wctype_l(name: *const c_char, _l: *mut c_void) -> u32 {
    wctype(name)
}

/// C `__wctype_l`.
#[no_mangle]
pub unsafe extern "C" fn __wctype_l(name: *const c_char, _l: *mut c_void) -> u32 {
    wctype(name)
}

/// C `iswctype`.
#[no_mangle]
pub extern "C" fn iswctype(c: Wint, t: u32) -> c_int {
    class(c, t) as c_int
}

/// C `iswctype_l`.
#[no_mangle]
pub extern "C" fn iswctype_l(c: Wint, t: u32, _l: *mut c_void) -> c_int {
    class(c, t) as c_int
}

/// C `__iswctype_l`.
#[no_mangle]
pub extern "C" fn __iswctype_l(c: Wint, t: u32, _l: *mut c_void) -> c_int {
    class(c, t) as c_int
}

/// C `towupper_l`.
#[no_mangle]
pub extern "C" fn towupper_l(c: Wint, _l: *mut c_void) -> Wint {
    towupper(c)
}

/// C `__towupper_l`.
#[no_mangle]
pub extern "C" fn __towupper_l(c: Wint, _l: *mut c_void) -> Wint {
    towupper(c)
}

/// C `towlower_l`.
#[no_mangle]
pub extern "C" fn towlower_l(c: Wint, _l: *mut c_void) -> Wint {
    towlower(c)
}

/// C `__towlower_l`.
#[no_mangle]
pub extern "C" fn __towlower_l(c: Wint, _l: *mut c_void) -> Wint {
    towlower(c)
}

/// C `wctrans`: 1 for "toupper", 2 for "tolower", else 0.
#[no_mangle]
pub unsafe extern "C" fn wctrans(name: *const c_char) -> usize {
    match core::ffi::CStr::from_ptr(name).to_bytes() {
        b"toupper" => 1,
        b"tolower" => 2,
        _ => 0,
    }
}

/// C `wctrans_l`.
#[no_mangle]
pub unsafe extern "C" fn wctrans_l(name: *const c_char, _l: *mut c_void) -> usize {
    wctrans(name)
}

/// C `__wctrans_l`.
#[no_mangle]
pub unsafe extern "C" fn __wctrans_l(name: *const c_char, _l: *mut c_void) -> usize {
    wctrans(name)
}

/// C `towctrans`.
#[no_mangle]
pub extern "C" fn towctrans(c: Wint, t: usize) -> Wint {
    match t {
        1 => towupper(c),
        2 => towlower(c),
        _ => c,
    }
}

/// C `towctrans_l`.
#[no_mangle]
pub extern "C" fn towctrans_l(c: Wint, t: usize, _l: *mut c_void) -> Wint {
    towctrans(c, t)
}

/// C `__towctrans_l`.
#[no_mangle]
pub extern "C" fn __towctrans_l(c: Wint, t: usize, _l: *mut c_void) -> Wint {
    towctrans(c, t)
}

/// C `wcwidth`: columns for a character (0 combining, 2 wide, -1 not
/// printable).
#[no_mangle]
pub extern "C" fn wcwidth(c: Wint) -> c_int {
    if c < 0xff {
        return if ((c + 1) & 0x7f) >= 0x21 {
            1
        } else if c == 0 {
            0
        } else {
            -1
        };
    }
    if in_ranges(&WIDTH0, c) {
        0
    } else if in_ranges(&WIDTH2, c) {
        2
    } else if in_ranges(&WIDTH_NEG, c) {
        -1
    } else {
        1
    }
}

/// C `wcswidth`: total columns of the first `n` characters, or -1.
#[no_mangle]
pub unsafe extern "C" fn wcswidth(s: *const u32, n: usize) -> c_int {
    let mut total: c_int = 0;
    let mut i = 0;
    while i < n && *s.add(i) != 0 {
        let w = wcwidth(*s.add(i));
        if w < 0 {
            return -1;
        }
        total += w;
        i += 1;
    }
    total
}
