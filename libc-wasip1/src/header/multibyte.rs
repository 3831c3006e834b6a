//! Multibyte/wide character conversion (`mbrtowc`, `wcrtomb`, `mbstowcs`,
//! the `char16_t`/`char32_t` variants ...). With a UTF-8 `LC_CTYPE` they
//! convert UTF-8; in the "C" locale every byte is one character, bytes
//! 0x80-0xFF mapping to the wide characters 0xDF80-0xDFFF (musl's scheme).
//!
//! `mbstate_t` holds a partial UTF-8 character in its first word: the bits
//! decoded so far (0-20), the number of bytes still expected (21-22) and the
//! lead byte (24-31); zero is the initial state. The second word is used by
//! `mbrtoc16` for a pending low surrogate.

use super::ext::{errno, set_errno};
use super::locale::ctype_utf8;
use core::ffi::{c_char, c_int};
use core::ptr::{addr_of_mut, null_mut};

type Wc = u32;
const EILSEQ_RET: usize = usize::MAX;
const INCOMPLETE: usize = usize::MAX - 1;
pub(crate) const WEOF: Wc = u32::MAX;

fn ilseq() -> usize {
    set_errno(errno::EILSEQ);
    EILSEQ_RET
}

/// Whether `b` may follow `lead` as the second byte of a UTF-8 sequence.
fn valid_second(lead: u8, b: u8) -> bool {
    match lead {
        0xe0 => (0xa0..=0xbf).contains(&b),
        0xed => (0x80..=0x9f).contains(&b),
        0xf0 => (0x90..=0xbf).contains(&b),
        0xf4 => (0x80..=0x8f).contains(&b),
        _ => (0x80..=0xbf).contains(&b),
    }
}

/// Total length of a sequence with this lead byte, or 0 if invalid.
fn seq_len(lead: u8) -> u32 {
    match lead {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => 0,
    }
}

static mut MBRTOWC_STATE: [u32; 2] = [0; 2];

/// C `mbrtowc`.
#[no_mangle]
pub unsafe extern "C" fn mbrtowc(pwc: *mut Wc, s: *const c_char, n: usize, ps: *mut u32) -> usize {
    let st = if ps.is_null() { addr_of_mut!(MBRTOWC_STATE) as *mut u32 } else { ps };
    if s.is_null() {
        if *st != 0 {
            *st = 0;
            return ilseq();
        }
        return 0;
    }
    if n == 0 {
        return INCOMPLETE;
    }
    let s = s as *const u8;
    if !ctype_utf8() {
        let b = *s;
        let wc = if b < 0x80 { b as Wc } else { 0xdf00 | b as Wc };
        if !pwc.is_null() {
            *pwc = wc;
        }
        return (b != 0) as usize;
    }
    let mut i = 0;
    let (mut val, mut rem, lead) = if *st == 0 {
        let b = *s;
        if b < 0x80 {
            if !pwc.is_null() {
                *pwc = b as Wc;
            }
            return (b != 0) as usize;
        }
        let len = seq_len(b);
        if len == 0 {
            return ilseq();
        }
        i = 1;
        let mask = [0, 0, 0x1f, 0x0f, 0x07][len as usize];
        ((b & mask) as u32, len - 1, b)
    } else {
        (*st & 0x1f_ffff, (*st >> 21) & 3, (*st >> 24) as u8)
    };
    while rem > 0 {
        if i >= n {
            *st = val | rem << 21 | (lead as u32) << 24;
            return INCOMPLETE;
        }
        let b = *s.add(i);
        let second = rem == seq_len(lead) - 1;
        if (second && !valid_second(lead, b)) || !(0x80..=0xbf).contains(&b) {
            *st = 0;
            return ilseq();
        }
        val = val << 6 | (b & 0x3f) as u32;
        rem -= 1;
        i += 1;
    }
    *st = 0;
    if !pwc.is_null() {
        *pwc = val;
    }
    if val == 0 {
        0
    } else {
        i
    }
}

/// C `mbrlen`.
#[no_mangle]
pub unsafe extern "C" fn mbrlen(s: *const c_char, n: usize, ps: *mut u32) -> usize {
    static mut STATE: [u32; 2] = [0; 2];
    mbrtowc(null_mut(), s, n, if ps.is_null() { addr_of_mut!(STATE) as *mut u32 } else { ps })
}

/// C `mbtowc` (stateless: an incomplete character is an error).
#[no_mangle]
pub unsafe extern "C" fn mbtowc(pwc: *mut Wc, s: *const c_char, n: usize) -> c_int {
    if s.is_null() {
        return 0;
    }
    if n == 0 {
        set_errno(errno::EILSEQ);
        return -1;
    }
    let mut st = [0u32; 2];
    let mut wc: Wc = 0;
    match mbrtowc(&mut wc, s, n, st.as_mut_ptr()) {
        EILSEQ_RET => -1,
        INCOMPLETE => {
            set_errno(errno::EILSEQ);
            -1
        }
        k => {
            if !pwc.is_null() {
                *pwc = wc;
            }
            k as c_int
        }
    }
}

/// C `mblen`.
#[no_mangle]
pub unsafe extern "C" fn mblen(s: *const c_char, n: usize) -> c_int {
    mbtowc(null_mut(), s, n)
}

/// C `mbsinit`.
#[no_mangle]
pub unsafe extern "C" fn mbsinit(ps: *const u32) -> c_int {
    (ps.is_null() || *ps == 0) as c_int
}

/// Encodes `wc`; returns the byte count or `None` if unencodable.
fn encode(wc: Wc, out: &mut [u8; 4]) -> Option<usize> {
    if wc < 0x80 {
        out[0] = wc as u8;
        return Some(1);
    }
    if !ctype_utf8() {
        return if (0xdf80..=0xdfff).contains(&wc) {
            out[0] = wc as u8;
            Some(1)
        } else {
            None
        };
    }
    let c = char::from_u32(wc)?;
    Some(c.encode_utf8(out).len())
}

/// C `wcrtomb`.
#[no_mangle]
pub unsafe extern "C" fn wcrtomb(s: *mut c_char, wc: Wc, _ps: *mut u32) -> usize {
    if s.is_null() {
        return 1;
    }
    let mut b = [0u8; 4];
    match encode(wc, &mut b) {
        Some(n) => {
            core::ptr::copy_nonoverlapping(b.as_ptr(), s as *mut u8, n);
            n
        }
        None => ilseq(),
    }
}

/// C `wctomb`.
#[no_mangle]
pub unsafe extern "C" fn wctomb(s: *mut c_char, wc: Wc) -> c_int {
    if s.is_null() {
        return 0;
    }
    wcrtomb(s, wc, null_mut()) as isize as c_int
}

/// C `btowc`.
#[no_mangle]
pub extern "C" fn btowc(c: c_int) -> Wc {
    if (0..0x80).contains(&c) {
        c as Wc
    } else if c != -1 && !ctype_utf8() {
        0xdf00 | (c as u8) as Wc
    } else {
        WEOF
    }
}

/// C `wctob`.
#[no_mangle]
pub extern "C" fn wctob(wc: Wc) -> c_int {
    if wc < 0x80 {
        wc as c_int
    } else if !ctype_utf8() && (0xdf80..=0xdfff).contains(&wc) {
        (wc as u8) as c_int
    } else {
        -1
    }
}

/// C `mbsnrtowcs`: converts at most `nms` bytes of `*src`.
#[no_mangle]
pub unsafe extern "C" fn mbsnrtowcs(
    ws: *mut Wc,
    src: *mut *const c_char,
    nms: usize,
    wn: usize,
    ps: *mut u32,
) -> usize {
    static mut STATE: [u32; 2] = [0; 2];
    let st = if ps.is_null() { addr_of_mut!(STATE) as *mut u32 } else { ps };
    let mut s = *src as *const u8;
    let mut left = nms;
    let mut count = 0usize;
    while ws.is_null() || count < wn {
        let mut wc: Wc = 0;
        let r = mbrtowc(&mut wc, s as *const c_char, left, st);
        match r {
            EILSEQ_RET => {
                if !ws.is_null() {
                    *src = s as *const c_char;
                }
                return EILSEQ_RET;
            }
            INCOMPLETE => {
                // Out of input bytes mid-character: the state keeps it.
                s = s.add(left);
                break;
            }
            0 => {
                if !ws.is_null() {
                    *ws.add(count) = 0;
                    *src = core::ptr::null();
                }
                return count;
            }
            k => {
                if !ws.is_null() {
                    *ws.add(count) = wc;
                }
                s = s.add(k);
                left -= k;
                count += 1;
            }
        }
    }
    if !ws.is_null() {
        *src = s as *const c_char;
    }
    count
}

/// C `mbsrtowcs`.
#[no_mangle]
pub unsafe extern "C" fn mbsrtowcs(ws: *mut Wc, src: *mut *const c_char, wn: usize, ps: *mut u32) -> usize {
    mbsnrtowcs(ws, src, usize::MAX, wn, ps)
}

/// C `mbstowcs`.
#[no_mangle]
pub unsafe extern "C" fn mbstowcs(ws: *mut Wc, s: *const c_char, wn: usize) -> usize {
    let mut p = s;
    let mut st = [0u32; 2];
    mbsrtowcs(ws, &mut p, wn, st.as_mut_ptr())
}

/// C `wcsnrtombs`: converts at most `wn` wide characters of `*src`.
#[no_mangle]
pub unsafe extern "C" fn wcsnrtombs(
    s: *mut c_char,
    src: *mut *const Wc,
    wn: usize,
    n: usize,
    _ps: *mut u32,
) -> usize {
    let mut w = *src;
    let mut count = 0usize;
    let mut k = 0usize;
    while k < wn {
        let wc = *w;
        let mut b = [0u8; 4];
        let Some(len) = encode(wc, &mut b) else {
            if !s.is_null() {
                *src = w;
            }
            return ilseq();
        };
        if wc == 0 {
            if !s.is_null() {
                if count < n {
                    *s.add(count) = 0;
                    *src = core::ptr::null();
                } else {
                    *src = w;
                }
            }
            return count;
        }
        if !s.is_null() {
            if count + len > n {
                break;
            }
            core::ptr::copy_nonoverlapping(b.as_ptr(), s.add(count) as *mut u8, len);
        }
        count += len;
        w = w.add(1);
        k += 1;
    }
    if !s.is_null() {
        *src = w;
    }
    count
}

/// C `wcsrtombs`.
#[no_mangle]
pub unsafe extern "C" fn wcsrtombs(s: *mut c_char, src: *mut *const Wc, n: usize, ps: *mut u32) -> usize {
    wcsnrtombs(s, src, usize::MAX, n, ps)
}

/// C `wcstombs`.
#[no_mangle]
pub unsafe extern "C" fn wcstombs(s: *mut c_char, ws: *const Wc, n: usize) -> usize {
    let mut p = ws;
    wcsrtombs(s, &mut p, n, null_mut())
}

/// C `mbrtoc32`.
#[no_mangle]
pub unsafe extern "C" fn mbrtoc32(pc: *mut u32, s: *const c_char, n: usize, ps: *mut u32) -> usize {
    static mut STATE: [u32; 2] = [0; 2];
    mbrtowc(pc, s, n, if ps.is_null() { addr_of_mut!(STATE) as *mut u32 } else { ps })
}

/// C `c32rtomb`.
#[no_mangle]
pub unsafe extern "C" fn c32rtomb(s: *mut c_char, c: u32, ps: *mut u32) -> usize {
    wcrtomb(s, c, ps)
}

/// C `mbrtoc16`: characters above U+FFFF come out as two calls (the second
/// returns -3 with the low surrogate).
#[no_mangle]
pub unsafe extern "C" fn mbrtoc16(pc: *mut u16, s: *const c_char, n: usize, ps: *mut u32) -> usize {
    static mut STATE: [u32; 2] = [0; 2];
    let st = if ps.is_null() { addr_of_mut!(STATE) as *mut u32 } else { ps };
    if s.is_null() {
        return mbrtoc16(pc, c"".as_ptr(), 1, st);
    }
    let pending = st.add(1);
    if *pending != 0 {
        if !pc.is_null() {
            *pc = *pending as u16;
        }
        *pending = 0;
        return usize::MAX - 2;
    }
    let mut wc: Wc = 0;
    let r = mbrtowc(&mut wc, s, n, st);
    if r <= 4 {
        if wc >= 0x10000 {
            *pending = (wc & 0x3ff) + 0xdc00;
            wc = 0xd7c0 + (wc >> 10);
        }
        if !pc.is_null() {
            *pc = wc as u16;
        }
    }
    r
}

/// C `c16rtomb`: a high surrogate is remembered until its low half.
#[no_mangle]
pub unsafe extern "C" fn c16rtomb(s: *mut c_char, c: u16, ps: *mut u32) -> usize {
    static mut STATE: u32 = 0;
    let x = if ps.is_null() { addr_of_mut!(STATE) } else { ps };
    if s.is_null() {
        if *x != 0 {
            *x = 0;
            return ilseq();
        }
        return 1;
    }
    let c = c as u32;
    let wc = if *x == 0 && (0xd800..0xdc00).contains(&c) {
        *x = (c - 0xd7c0) << 10;
        return 0;
    } else if *x != 0 {
        if !(0xdc00..0xe000).contains(&c) {
            *x = 0;
            return ilseq();
        }
        let w = *x + c - 0xdc00;
        *x = 0;
        w
    } else {
        c
    };
    wcrtomb(s, wc, null_mut())
}
