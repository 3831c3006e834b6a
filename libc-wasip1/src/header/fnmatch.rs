//! `fnmatch.h`: shell wildcard matching (`*`, `?`, bracket expressions with
//! ranges, `!`/`^` negation and `[:class:]`), with the `FNM_PATHNAME`,
//! `FNM_NOESCAPE`, `FNM_PERIOD`, `FNM_LEADING_DIR` and `FNM_CASEFOLD`
//! flags. Characters are decoded with `mbtowc`, so a UTF-8 locale matches
//! whole characters.

use super::multibyte::mbtowc;
use super::wctype::{iswctype, towlower, wctype};
use core::ffi::{c_char, c_int};

pub(crate) const PATHNAME: c_int = 1;
pub(crate) const NOESCAPE: c_int = 2;
pub(crate) const PERIOD: c_int = 4;
pub(crate) const LEADING_DIR: c_int = 8;
pub(crate) const CASEFOLD: c_int = 16;
pub(crate) const NOMATCH: c_int = 1;

/// Decodes the character at `s` (invalid bytes count as one character).
unsafe fn next(s: *const u8) -> (u32, usize) {
    if *s < 0x80 {
        return (*s as u32, 1);
    }
    let mut wc = 0u32;
    let k = mbtowc(&mut wc, s as *const c_char, 4);
    if k <= 0 {
        (0xdf00 | *s as u32, 1)
    } else {
        (wc, k as usize)
    }
}

fn fold(c: u32, flags: c_int) -> u32 {
    if flags & CASEFOLD != 0 {
        towlower(c)
    } else {
        c
    }
}

/// The other case of `c` (for `FNM_CASEFOLD`).
fn other_case(c: u32) -> u32 {
    let l = towlower(c);
    if l != c {
        l
    } else {
        super::wctype::towupper(c)
    }
}

/// Matches a bracket expression at `p` (just after `[`) against `c`, the
/// way musl does (backslash is literal inside brackets; after a range
/// `x-y`, `y` also counts as a member). Returns `(matched, bytes of
/// pattern used)`, or `None` if the bracket is unterminated.
unsafe fn bracket(p: *const u8, c: u32, flags: c_int) -> Option<(bool, usize)> {
    let mut i = 0;
    let inv = *p == b'!' || *p == b'^';
    if inv {
        i += 1;
    }
    let k = c;
    let kf = if flags & CASEFOLD != 0 { other_case(c) } else { c };
    let mut hit = false;
    if *p.add(i) == b']' || *p.add(i) == b'-' {
        hit |= k == *p.add(i) as u32;
        i += 1;
    }
    let mut prev: u32 = 0;
    loop {
        let b = *p.add(i);
        if b == 0 {
            return None;
        }
        if b == b']' {
            i += 1;
            break;
        }
        if b == b'-' && *p.add(i + 1) != 0 && *p.add(i + 1) != b']' {
            let (hi, _) = next(p.add(i + 1));
            if prev <= hi && (k.wrapping_sub(prev) <= hi - prev || kf.wrapping_sub(prev) <= hi - prev) {
                hit = true;
            }
            i += 1;
            continue;
        }
        if b == b'[' && matches!(*p.add(i + 1), b':' | b'.' | b'=') {
            let z = *p.add(i + 1);
            let start = i + 2;
            let mut j = start;
            while *p.add(j) != 0 && !(*p.add(j) == z && *p.add(j + 1) == b']') {
                j += 1;
            }
            if *p.add(j) == 0 {
                return None;
            }
            if z == b':' {
                let mut name = [0u8; 16];
                let len = (j - start).min(15);
                core::ptr::copy_nonoverlapping(p.add(start), name.as_mut_ptr(), len);
                let t = wctype(name.as_ptr() as *const c_char);
                if iswctype(k, t) != 0 || iswctype(kf, t) != 0 {
                    hit = true;
                }
            }
            i = j + 2;
            continue;
        }
        let (wc, n) = next(p.add(i));
        if wc == k || wc == kf {
            hit = true;
        }
        prev = wc;
        i += n;
    }
    Some((hit != inv, i))
}

/// Whether the string position `s` (within `start`) is a "leading" period.
unsafe fn leading_period(start: *const u8, s: *const u8, flags: c_int) -> bool {
    flags & PERIOD != 0 && *s == b'.' && (s == start || (flags & PATHNAME != 0 && *s.sub(1) == b'/'))
}

unsafe fn do_match(p: *const u8, s: *const u8, start: *const u8, flags: c_int, depth: u32) -> bool {
    if depth > 10_000 {
        return false;
    }
    let mut p = p;
    let mut s = s;
    loop {
        let pc = *p;
        if pc == 0 {
            return *s == 0 || (flags & LEADING_DIR != 0 && *s == b'/');
        }
        match pc {
            b'*' => {
                while *p == b'*' {
                    p = p.add(1);
                }
                if leading_period(start, s, flags) {
                    return false;
                }
                // Try every possible extent for the star.
                let mut t = s;
                loop {
                    if do_match(p, t, start, flags, depth + 1) {
                        return true;
                    }
                    if *t == 0 || (flags & PATHNAME != 0 && *t == b'/') {
                        return false;
                    }
                    t = t.add(next(t).1);
                }
            }
            b'?' => {
                if *s == 0 || (flags & PATHNAME != 0 && *s == b'/') || leading_period(start, s, flags) {
                    return false;
                }
                s = s.add(next(s).1);
                p = p.add(1);
            }
            b'[' => {
                if *s == 0 {
                    return false;
                }
                let (c, k) = next(s);
                match bracket(p.add(1), c, flags) {
                    Some((hit, used)) => {
                        if !hit || (flags & PATHNAME != 0 && c == b'/' as u32) || leading_period(start, s, flags) {
                            return false;
                        }
                        s = s.add(k);
                        p = p.add(1 + used);
                    }
                    None => {
                        // An unterminated bracket is a literal '['.
                        if *s != b'[' {
                            return false;
                        }
                        s = s.add(1);
                        p = p.add(1);
                    }
                }
            }
            _ => {
                let (pcv, pk) = if pc == b'\\' && flags & NOESCAPE == 0 && *p.add(1) != 0 {
                    let (v, k) = next(p.add(1));
                    (v, k + 1)
                } else {
                    next(p)
                };
                if *s == 0 {
                    return false;
                }
                let (sc, sk) = next(s);
                if fold(pcv, flags) != fold(sc, flags) {
                    return false;
                }
                p = p.add(pk);
                s = s.add(sk);
            }
        }
    }
}

/// C `fnmatch`: 0 on a match, `FNM_NOMATCH` (1) otherwise.
#[no_mangle]
pub unsafe extern "C" fn fnmatch(pattern: *const c_char, string: *const c_char, flags: c_int) -> c_int {
    let s = string as *const u8;
    if do_match(pattern as *const u8, s, s, flags, 0) {
        0
    } else {
        NOMATCH
    }
}
