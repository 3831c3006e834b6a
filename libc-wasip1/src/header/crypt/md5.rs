//! MD5-crypt (`$1$`), Poul-Henning Kamp's FreeBSD scheme: a salt of up to
//! 8 characters and 1000 rounds of MD5 mixing key, salt and the previous
//! digest.

use super::base64::Out;
use super::sha2::{Digest, Md5};
use super::{cbytes, emit, STAR};
use core::ffi::c_char;

/// Longest key accepted (musl's limit; longer keys fail).
const KEY_MAX: usize = 30000;
/// Salt characters used.
const SALT_MAX: usize = 8;

fn md5(parts: &[&[u8]]) -> [u8; 16] {
    let mut h = Md5::new();
    for p in parts {
        h.update(p);
    }
    let mut out = [0u8; 16];
    h.finish(&mut out);
    out
}

/// The hash string for `key` and `setting` (which starts with `$1$`), or
/// `None` when the key is too long.
pub(crate) fn hash(key: &[u8], setting: &[u8]) -> Option<Out<64>> {
    if key.len() > KEY_MAX {
        return None;
    }
    let rest = setting.get(3..).unwrap_or(&[]);
    let salt_len = rest.iter().take(SALT_MAX).take_while(|&&c| c != b'$' && c != 0).count();
    let salt = &rest[..salt_len];

    let alt = md5(&[key, salt, key]);
    let mut a = Md5::new();
    a.update(key);
    a.update(b"$1$");
    a.update(salt);
    let mut left = key.len();
    while left > 0 {
        let n = left.min(16);
        a.update(&alt[..n]);
        left -= n;
    }
    let mut i = key.len();
    while i > 0 {
        if i & 1 != 0 {
            a.update(&[0]);
        } else {
            a.update(&key[..1]);
        }
        i >>= 1;
    }
    let mut d = [0u8; 16];
    a.finish(&mut d);

    for i in 0..1000 {
        let mut c = Md5::new();
        if i & 1 != 0 {
            c.update(key);
        } else {
            c.update(&d);
        }
        if i % 3 != 0 {
            c.update(salt);
        }
        if i % 7 != 0 {
            c.update(key);
        }
        if i & 1 != 0 {
            c.update(&d);
        } else {
            c.update(key);
        }
        c.finish(&mut d);
    }

    let mut out = Out::new();
    out.extend(b"$1$");
    out.extend(salt);
    out.push(b'$');
    for (x, y, z) in [(0, 6, 12), (1, 7, 13), (2, 8, 14), (3, 9, 15), (4, 10, 5)] {
        out.push_le((d[x] as u32) << 16 | (d[y] as u32) << 8 | d[z] as u32, 4);
    }
    out.push_le(d[11] as u32, 2);
    Some(out)
}

/// C `__crypt_md5`: MD5-crypt of `key` with `setting` ("$1$salt..."),
/// written to `output`; "*" if the key is longer than 30000 bytes.
#[no_mangle]
pub unsafe extern "C" fn __crypt_md5(key: *const c_char, setting: *const c_char, output: *mut c_char) -> *mut c_char {
    // The key is read only up to one byte past the limit.
    let key = bounded(key, KEY_MAX + 1);
    match hash(key, cbytes(setting)) {
        Some(h) => emit(output, h.as_bytes()),
        None => STAR.as_ptr() as *mut c_char,
    }
}

/// The C string `s`, reading at most `max` bytes.
pub(crate) unsafe fn bounded<'a>(s: *const c_char, max: usize) -> &'a [u8] {
    let mut n = 0;
    while n < max && *s.add(n) != 0 {
        n += 1;
    }
    core::slice::from_raw_parts(s as *const u8, n)
}
