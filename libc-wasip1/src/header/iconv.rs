//! `iconv.h` for the Unicode encodings and Latin-1: UTF-8, ASCII,
//! ISO-8859-1 (LATIN1), UTF-16/UCS-2 and UTF-32/UCS-4 (big/little endian;
//! the unmarked forms read a byte-order mark and write big endian), and
//! WCHAR_T. Characters the target cannot represent become '*' and are
//! counted as irreversible conversions, as in musl. Other charsets make
//! `iconv_open` fail with `EINVAL`.

use super::ext::{self, errno, set_errno};
use core::ffi::{c_char, c_void};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Cs {
    Utf8,
    Ascii,
    Latin1,
    /// UTF-16: (big endian, detect BOM on input, surrogates allowed).
    Utf16(bool, bool, bool),
    /// UTF-32: (big endian, detect BOM on input).
    Utf32(bool, bool),
}

/// A conversion descriptor (`iconv_t` points to one).
struct Conv {
    from: Cs,
    to: Cs,
    /// Input byte order once a BOM was seen (for BOM-detecting inputs).
    from_be: Option<bool>,
}

/// Compares charset names ignoring case and anything but letters/digits.
fn name_eq(a: &[u8], b: &[u8]) -> bool {
    let mut x = a.iter().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase());
    let mut y = b.iter().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase());
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (p, q) if p == q => continue,
            _ => return false,
        }
    }
}

fn lookup(name: &[u8]) -> Option<Cs> {
    let table: &[(&[u8], Cs)] = &[
        (b"utf8", Cs::Utf8),
        (b"ascii", Cs::Ascii),
        (b"usascii", Cs::Ascii),
        (b"iso88591", Cs::Latin1),
        (b"latin1", Cs::Latin1),
        (b"utf16", Cs::Utf16(true, true, true)),
        (b"utf16be", Cs::Utf16(true, false, true)),
        (b"utf16le", Cs::Utf16(false, false, true)),
        (b"ucs2", Cs::Utf16(true, true, false)),
        (b"ucs2be", Cs::Utf16(true, false, false)),
        (b"ucs2le", Cs::Utf16(false, false, false)),
        (b"utf32", Cs::Utf32(true, true)),
        (b"utf32be", Cs::Utf32(true, false)),
        (b"utf32le", Cs::Utf32(false, false)),
        (b"ucs4", Cs::Utf32(true, true)),
        (b"ucs4be", Cs::Utf32(true, false)),
        (b"ucs4le", Cs::Utf32(false, false)),
        (b"wchart", Cs::Utf32(false, false)),
    ];
    table.iter().find(|(n, _)| name_eq(n, name)).map(|(_, c)| *c)
}

/// C `iconv_open`.
#[no_mangle]
pub unsafe extern "C" fn iconv_open(to: *const c_char, from: *const c_char) -> *mut c_void {
    let t = core::ffi::CStr::from_ptr(to).to_bytes();
    let f = core::ffi::CStr::from_ptr(from).to_bytes();
    let (Some(tc), Some(fc)) = (lookup(t), lookup(f)) else {
        set_errno(errno::EINVAL);
        return usize::MAX as *mut c_void;
    };
    let c = ext::malloc(core::mem::size_of::<Conv>()) as *mut Conv;
    if c.is_null() {
        set_errno(errno::ENOMEM);
        return usize::MAX as *mut c_void;
    }
    c.write(Conv { from: fc, to: tc, from_be: None });
    c as *mut c_void
}

/// C `iconv_close`.
#[no_mangle]
pub unsafe extern "C" fn iconv_close(cd: *mut c_void) -> i32 {
    ext::free(cd);
    0
}

/// Decoding result.
enum Dec {
    Char(u32, usize),
    /// Not enough input for a whole character.
    Incomplete,
    Invalid,
}

fn rd16(b: &[u8], be: bool) -> u32 {
    if be {
        (b[0] as u32) << 8 | b[1] as u32
    } else {
        (b[1] as u32) << 8 | b[0] as u32
    }
}

fn rd32(b: &[u8], be: bool) -> u32 {
    let v = [b[0], b[1], b[2], b[3]];
    if be {
        u32::from_be_bytes(v)
    } else {
        u32::from_le_bytes(v)
    }
}

fn decode(c: &mut Conv, b: &[u8]) -> Dec {
    match c.from {
        Cs::Ascii => {
            if b[0] < 0x80 {
                Dec::Char(b[0] as u32, 1)
            } else {
                Dec::Invalid
            }
        }
        Cs::Latin1 => Dec::Char(b[0] as u32, 1),
        Cs::Utf8 => {
            let len = match b[0] {
                0..=0x7f => return Dec::Char(b[0] as u32, 1),
                0xc2..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf4 => 4,
                _ => return Dec::Invalid,
            };
            if b.len() < len {
                // Check the available continuation bytes first.
                return match core::str::from_utf8(b) {
                    Err(e) if e.error_len().is_some() => Dec::Invalid,
                    _ => Dec::Incomplete,
                };
            }
            match core::str::from_utf8(&b[..len]) {
                Ok(s) => Dec::Char(s.chars().next().map_or(0, |ch| ch as u32), len),
                Err(_) => Dec::Invalid,
            }
        }
        Cs::Utf16(be, bom, surrogates) => {
            if b.len() < 2 {
                return Dec::Incomplete;
            }
            let mut be = c.from_be.unwrap_or(be);
            if bom && c.from_be.is_none() {
                let v = rd16(b, true);
                c.from_be = Some(v != 0xfffe);
                if v == 0xfeff || v == 0xfffe {
                    return Dec::Char(u32::MAX, 2);
                }
                be = true;
            }
            let u = rd16(b, be);
            if !(0xd800..0xe000).contains(&u) {
                return Dec::Char(u, 2);
            }
            if !surrogates || u >= 0xdc00 {
                return Dec::Invalid;
            }
            if b.len() < 4 {
                return Dec::Incomplete;
            }
            let l = rd16(&b[2..], be);
            if !(0xdc00..0xe000).contains(&l) {
                return Dec::Invalid;
            }
            Dec::Char(0x10000 + ((u - 0xd800) << 10) + (l - 0xdc00), 4)
        }
        Cs::Utf32(be, bom) => {
            if b.len() < 4 {
                return Dec::Incomplete;
            }
            let mut be = c.from_be.unwrap_or(be);
            if bom && c.from_be.is_none() {
                let v = rd32(b, true);
                c.from_be = Some(v != 0xfffe0000);
                if v == 0xfeff || v == 0xfffe0000 {
                    return Dec::Char(u32::MAX, 4);
                }
                be = true;
            }
            let u = rd32(b, be);
            if u > 0x10ffff || (0xd800..0xe000).contains(&u) {
                Dec::Invalid
            } else {
                Dec::Char(u, 4)
            }
        }
    }
}

/// Encodes `u` into `out`; `None` if it does not fit, `Some((n, lossy))`.
fn encode(to: Cs, u: u32, out: &mut [u8]) -> Option<(usize, bool)> {
    let mut tmp = [0u8; 4];
    let (n, lossy) = match to {
        Cs::Ascii | Cs::Latin1 => {
            let max = if to == Cs::Ascii { 0x7f } else { 0xff };
            if u <= max {
                tmp[0] = u as u8;
                (1, false)
            } else {
                tmp[0] = b'*';
                (1, true)
            }
        }
        Cs::Utf8 => match char::from_u32(u) {
            Some(ch) => (ch.encode_utf8(&mut tmp).len(), false),
            None => {
                tmp[0] = b'*';
                (1, true)
            }
        },
        Cs::Utf16(be, _, surrogates) => {
            if u < 0x10000 {
                let b = if be { (u as u16).to_be_bytes() } else { (u as u16).to_le_bytes() };
                tmp[..2].copy_from_slice(&b);
                (2, false)
            } else if surrogates {
                let v = u - 0x10000;
                let (h, l) = ((0xd800 + (v >> 10)) as u16, (0xdc00 + (v & 0x3ff)) as u16);
                let (hb, lb) = if be { (h.to_be_bytes(), l.to_be_bytes()) } else { (h.to_le_bytes(), l.to_le_bytes()) };
                tmp[..2].copy_from_slice(&hb);
                tmp[2..4].copy_from_slice(&lb);
                (4, false)
            } else {
                let b = if be { (b'*' as u16).to_be_bytes() } else { (b'*' as u16).to_le_bytes() };
                tmp[..2].copy_from_slice(&b);
                (2, true)
            }
        }
        Cs::Utf32(be, _) => {
            let b = if be { u.to_be_bytes() } else { u.to_le_bytes() };
            tmp.copy_from_slice(&b);
            (4, false)
        }
    };
    if n > out.len() {
        return None;
    }
    out[..n].copy_from_slice(&tmp[..n]);
    Some((n, lossy))
}

/// C `iconv`: converts as much of `*in` as fits in `*out`; returns the
/// number of irreversible conversions, or -1 with `errno` `EILSEQ`
/// (invalid input), `EINVAL` (incomplete input) or `E2BIG` (output full).
#[no_mangle]
pub unsafe extern "C" fn iconv(
    cd: *mut c_void,
    inb: *mut *mut c_char,
    inleft: *mut usize,
    outb: *mut *mut c_char,
    outleft: *mut usize,
) -> usize {
    let c = &mut *(cd as *mut Conv);
    if inb.is_null() || (*inb).is_null() {
        // Reset the shift state (none here, beyond the byte-order mark).
        c.from_be = None;
        return 0;
    }
    let mut count = 0usize;
    while *inleft > 0 {
        let input = core::slice::from_raw_parts(*inb as *const u8, *inleft);
        let (u, used) = match decode(c, input) {
            Dec::Char(u, n) => (u, n),
            Dec::Incomplete => {
                set_errno(errno::EINVAL);
                return usize::MAX;
            }
            Dec::Invalid => {
                set_errno(errno::EILSEQ);
                return usize::MAX;
            }
        };
        if u != u32::MAX {
            if outb.is_null() || (*outb).is_null() {
                set_errno(errno::E2BIG);
                return usize::MAX;
            }
            let out = core::slice::from_raw_parts_mut(*outb as *mut u8, *outleft);
            let Some((n, lossy)) = encode(c.to, u, out) else {
                set_errno(errno::E2BIG);
                return usize::MAX;
            };
            *outb = (*outb).add(n);
            *outleft -= n;
            count += lossy as usize;
        }
        *inb = (*inb).add(used);
        *inleft -= used;
    }
    count
}
