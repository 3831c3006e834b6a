//! `ctype.h` for the C locale (byte classes of ASCII; bytes >= 0x80 are in
//! no class), plus the glibc-compatible class tables musl exports.

use core::ffi::{c_int, c_void};

/// Lowercases an ASCII byte.
#[inline]
pub fn lower(c: u8) -> u8 {
    c.to_ascii_lowercase()
}

/// Whether `c` (an `int` argument) is an ASCII byte satisfying `f`.
#[inline]
fn class(c: c_int, f: fn(&u8) -> bool) -> c_int {
    ((0..128).contains(&c) && f(&(c as u8))) as c_int
}

fn is_space(c: &u8) -> bool {
    *c == b' ' || (b'\t'..=b'\r').contains(c)
}
fn is_blank(c: &u8) -> bool {
    *c == b' ' || *c == b'\t'
}
fn is_print(c: &u8) -> bool {
    (0x20..0x7f).contains(c)
}

macro_rules! ctype_fns {
    ($($name:ident $name_l:ident $uname_l:ident => $f:expr;)*) => {$(
        #[doc = concat!("C `", stringify!($name), "`.")]
        #[no_mangle]
        pub extern "C" fn $name(c: c_int) -> c_int {
            class(c, $f)
        }
        #[doc = concat!("C `", stringify!($name_l), "`.")]
        #[no_mangle]
        pub extern "C" fn $name_l(c: c_int, _l: *mut c_void) -> c_int {
            class(c, $f)
        }
        #[doc = concat!("C `", stringify!($uname_l), "`.")]
        #[no_mangle]
        pub extern "C" fn $uname_l(c: c_int, _l: *mut c_void) -> c_int {
            class(c, $f)
        }
    )*};
}

ctype_fns! {
    isalnum isalnum_l __isalnum_l => u8::is_ascii_alphanumeric;
    isalpha isalpha_l __isalpha_l => u8::is_ascii_alphabetic;
    isblank isblank_l __isblank_l => is_blank;
    iscntrl iscntrl_l __iscntrl_l => u8::is_ascii_control;
    isdigit isdigit_l __isdigit_l => u8::is_ascii_digit;
    isgraph isgraph_l __isgraph_l => u8::is_ascii_graphic;
    islower islower_l __islower_l => u8::is_ascii_lowercase;
    isprint isprint_l __isprint_l => is_print;
    ispunct ispunct_l __ispunct_l => u8::is_ascii_punctuation;
    isspace isspace_l __isspace_l => is_space;
    isupper isupper_l __isupper_l => u8::is_ascii_uppercase;
    isxdigit isxdigit_l __isxdigit_l => u8::is_ascii_hexdigit;
}

/// C `tolower`.
#[no_mangle]
pub extern "C" fn tolower(c: c_int) -> c_int {
    if (b'A' as c_int..=b'Z' as c_int).contains(&c) {
        c | 32
    } else {
        c
    }
}

/// C `toupper`.
#[no_mangle]
pub extern "C" fn toupper(c: c_int) -> c_int {
    if (b'a' as c_int..=b'z' as c_int).contains(&c) {
        c & 0x5f
    } else {
        c
    }
}

/// C `tolower_l`.
#[no_mangle]
pub extern "C" fn tolower_l(c: c_int, _l: *mut c_void) -> c_int {
    tolower(c)
}

/// C `__tolower_l`.
#[no_mangle]
pub extern "C" fn __tolower_l(c: c_int, _l: *mut c_void) -> c_int {
    tolower(c)
}

/// C `toupper_l`.
#[no_mangle]
pub extern "C" fn toupper_l(c: c_int, _l: *mut c_void) -> c_int {
    toupper(c)
}

/// C `__toupper_l`.
#[no_mangle]
pub extern "C" fn __toupper_l(c: c_int, _l: *mut c_void) -> c_int {
    toupper(c)
}

/// C `isascii`.
#[no_mangle]
pub extern "C" fn isascii(c: c_int) -> c_int {
    (c & !0x7f == 0) as c_int
}

/// C `toascii`.
#[no_mangle]
pub extern "C" fn toascii(c: c_int) -> c_int {
    c & 0x7f
}

/// C `__ctype_get_mb_cur_max` (`MB_CUR_MAX`: 1 in the C locale, 4 when
/// `LC_CTYPE` is UTF-8).
#[no_mangle]
pub extern "C" fn __ctype_get_mb_cur_max() -> usize {
    if super::locale::ctype_utf8() {
        4
    } else {
        1
    }
}

/// The glibc class bits (byte-swapped as on little-endian glibc).
const fn class_bits(c: u8) -> u16 {
    let mut v = 0u16;
    if c.is_ascii_uppercase() {
        v |= 0x100;
    }
    if c.is_ascii_lowercase() {
        v |= 0x200;
    }
    if c.is_ascii_alphabetic() {
        v |= 0x400;
    }
    if c.is_ascii_digit() {
        v |= 0x800;
    }
    if c.is_ascii_hexdigit() {
        v |= 0x1000;
    }
    if c == b' ' || (c >= b'\t' && c <= b'\r') {
        v |= 0x2000;
    }
    if c >= 0x20 && c < 0x7f {
        v |= 0x4000;
    }
    if c.is_ascii_graphic() {
        v |= 0x8000;
    }
    if c == b' ' || c == b'\t' {
        v |= 0x1;
    }
    if c.is_ascii_control() {
        v |= 0x2;
    }
    if c.is_ascii_punctuation() {
        v |= 0x4;
    }
    if c.is_ascii_alphanumeric() {
        v |= 0x8;
    }
    v
}

/// Tables indexed by `c + 128` for `c` in `-128..=255`.
struct Tables {
    b: [u16; 384],
    lower: [i32; 384],
    upper: [i32; 384],
}

const fn make_tables() -> Tables {
    let mut t = Tables { b: [0; 384], lower: [0; 384], upper: [0; 384] };
    let mut i = 0;
    while i < 384 {
        let c = i as i32 - 128;
        t.lower[i] = c;
        t.upper[i] = c;
        if c >= 0 && c < 128 {
            let b = c as u8;
            t.b[i] = class_bits(b);
            t.lower[i] = b.to_ascii_lowercase() as i32;
            t.upper[i] = b.to_ascii_uppercase() as i32;
        }
        i += 1;
    }
    t
}

static TABLES: Tables = make_tables();

/// Pointers to the entries for `c == 0` (so that `c` in -128..=255 indexes).
struct Ptrs {
    b: *const u16,
    lower: *const i32,
    upper: *const i32,
}
// SAFETY: the pointers point into an immutable static.
unsafe impl Sync for Ptrs {}

static PTRS: Ptrs = Ptrs {
    b: unsafe { TABLES.b.as_ptr().add(128) },
    lower: unsafe { TABLES.lower.as_ptr().add(128) },
    upper: unsafe { TABLES.upper.as_ptr().add(128) },
};

/// C `__ctype_b_loc` (glibc-compatible class table).
#[no_mangle]
pub extern "C" fn __ctype_b_loc() -> *const *const u16 {
    &PTRS.b
}

/// C `__ctype_tolower_loc`.
#[no_mangle]
pub extern "C" fn __ctype_tolower_loc() -> *const *const i32 {
    &PTRS.lower
}

/// C `__ctype_toupper_loc`.
#[no_mangle]
pub extern "C" fn __ctype_toupper_loc() -> *const *const i32 {
    &PTRS.upper
}
