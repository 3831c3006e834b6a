//! SHA-crypt (`$5$` SHA-256, `$6$` SHA-512), Ulrich Drepper's scheme: a
//! salt of up to 16 characters, an optional `rounds=N$` (1000..=9999999,
//! default 5000) and that many rounds mixing key, salt and digest.
//!
//! As in musl: keys longer than 256 bytes, salts with '\n' or ':', and
//! malformed or too large `rounds=` fail ("*"); fewer than 1000 rounds
//! are raised to 1000.

use super::base64::Out;
use super::md5::bounded;
use super::sha2::{Digest, Sha256, Sha512};
use super::{cbytes, emit, STAR};
use core::ffi::c_char;

const KEY_MAX: usize = 256;
const SALT_MAX: usize = 16;
const ROUNDS_DEFAULT: u32 = 5000;
const ROUNDS_MIN: u32 = 1000;
const ROUNDS_MAX: u32 = 9_999_999;

/// One of the two SHA-crypt variants.
trait Variant: Digest + Clone {
    const PREFIX: &'static [u8];
    /// The digest's bytes in output order, three at a time (most
    /// significant first), then the leftover group.
    fn encode(d: &[u8], out: &mut Out<128>);
}

impl Variant for Sha256 {
    const PREFIX: &'static [u8] = b"$5$";
    fn encode(d: &[u8], out: &mut Out<128>) {
        for i in 0..10 {
            let (a, b, c) = (d[i], d[i + 10], d[i + 20]);
            let (x, y, z) = match i % 3 {
                0 => (a, b, c),
                1 => (c, a, b),
                _ => (b, c, a),
            };
            out.push_le((x as u32) << 16 | (y as u32) << 8 | z as u32, 4);
        }
        out.push_le((d[31] as u32) << 8 | d[30] as u32, 3);
    }
}

impl Variant for Sha512 {
    const PREFIX: &'static [u8] = b"$6$";
    fn encode(d: &[u8], out: &mut Out<128>) {
        for i in 0..21 {
            let (a, b, c) = (d[i], d[i + 21], d[i + 42]);
            let (x, y, z) = match i % 3 {
                0 => (a, b, c),
                1 => (b, c, a),
                _ => (c, a, b),
            };
            out.push_le((x as u32) << 16 | (y as u32) << 8 | z as u32, 4);
        }
        out.push_le(d[63] as u32, 2);
    }
}

/// `data` repeated to `len` bytes, fed to `h`.
fn update_repeated<D: Digest>(h: &mut D, data: &[u8], len: usize) {
    let mut left = len;
    while left >= data.len() && !data.is_empty() {
        h.update(data);
        left -= data.len();
    }
    if left > 0 {
        h.update(&data[..left]);
    }
}

/// Parses `rounds=N$` at the start of `s`: `Some((rounds, explicit, rest))`,
/// `None` if it is malformed or too large.
fn parse_rounds(s: &[u8]) -> Option<(u32, bool, &[u8])> {
    let Some(r) = s.strip_prefix(b"rounds=") else {
        return Some((ROUNDS_DEFAULT, false, s));
    };
    let digits = r.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || r.get(digits) != Some(&b'$') {
        return None;
    }
    let mut v: u64 = 0;
    for &c in &r[..digits] {
        v = (v * 10 + (c - b'0') as u64).min(u64::MAX / 20);
    }
    if v > ROUNDS_MAX as u64 {
        return None;
    }
    Some(((v as u32).max(ROUNDS_MIN), true, &r[digits + 1..]))
}

fn hash<D: Variant>(key: &[u8], setting: &[u8]) -> Option<Out<128>> {
    if key.len() > KEY_MAX {
        return None;
    }
    let rest = setting.strip_prefix(D::PREFIX)?;
    let (rounds, explicit, rest) = parse_rounds(rest)?;
    let salt_len = rest.iter().take(SALT_MAX).take_while(|&&c| c != b'$' && c != 0).count();
    let salt = &rest[..salt_len];
    if salt.iter().any(|&c| c == b'\n' || c == b':') {
        return None;
    }
    let n = D::OUT;
    let mut buf = [0u8; 64];

    let mut b = D::new();
    b.update(key);
    b.update(salt);
    b.update(key);
    let mut alt = [0u8; 64];
    b.finish(&mut alt[..n]);

    let mut a = D::new();
    a.update(key);
    a.update(salt);
    update_repeated(&mut a, &alt[..n], key.len());
    let mut i = key.len();
    while i > 0 {
        if i & 1 != 0 {
            a.update(&alt[..n]);
        } else {
            a.update(key);
        }
        i >>= 1;
    }
    a.finish(&mut buf[..n]);

    let mut dp = D::new();
    for _ in 0..key.len() {
        dp.update(key);
    }
    let mut p_digest = [0u8; 64];
    dp.finish(&mut p_digest[..n]);
    let mut ds = D::new();
    for _ in 0..16 + buf[0] as usize {
        ds.update(salt);
    }
    let mut s_digest = [0u8; 64];
    ds.finish(&mut s_digest[..n]);
    // P and S: those digests repeated to the key's and the salt's length.
    let mut p = [0u8; KEY_MAX];
    for (j, c) in p[..key.len()].iter_mut().enumerate() {
        *c = p_digest[j % n];
    }
    let p = &p[..key.len()];
    let mut s = [0u8; SALT_MAX];
    for (j, c) in s[..salt.len()].iter_mut().enumerate() {
        *c = s_digest[j % n];
    }
    let s = &s[..salt.len()];

    for r in 0..rounds {
        let mut c = D::new();
        if r & 1 != 0 {
            c.update(p);
        } else {
            c.update(&buf[..n]);
        }
        if r % 3 != 0 {
            c.update(s);
        }
        if r % 7 != 0 {
            c.update(p);
        }
        if r & 1 != 0 {
            c.update(&buf[..n]);
        } else {
            c.update(p);
        }
        c.finish(&mut buf[..n]);
    }

    let mut out = Out::new();
    out.extend(D::PREFIX);
    if explicit {
        out.extend(b"rounds=");
        out.push_dec(rounds);
        out.push(b'$');
    }
    out.extend(salt);
    out.push(b'$');
    D::encode(&buf[..n], &mut out);
    Some(out)
}

unsafe fn crypt_with<D: Variant>(key: *const c_char, setting: *const c_char, output: *mut c_char) -> *mut c_char {
    let key = bounded(key, KEY_MAX + 1);
    match hash::<D>(key, cbytes(setting)) {
        Some(h) => emit(output, h.as_bytes()),
        None => STAR.as_ptr() as *mut c_char,
    }
}

/// C `__crypt_sha256`: SHA-crypt with SHA-256 (`$5$`).
#[no_mangle]
pub unsafe extern "C" fn __crypt_sha256(key: *const c_char, setting: *const c_char, output: *mut c_char) -> *mut c_char {
    crypt_with::<Sha256>(key, setting, output)
}

/// C `__crypt_sha512`: SHA-crypt with SHA-512 (`$6$`).
#[no_mangle]
pub unsafe extern "C" fn __crypt_sha512(key: *const c_char, setting: *const c_char, output: *mut c_char) -> *mut c_char {
    crypt_with::<Sha512>(key, setting, output)
}
