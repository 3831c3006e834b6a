//! `crypt.h` and `unistd.h`'s `crypt`: password hashing with the five
//! schemes wasi-libc (musl) supports, chosen by the setting's prefix:
//!
//! | prefix | scheme | module |
//! | --- | --- | --- |
//! | `$1$` | MD5-crypt (Poul-Henning Kamp) | [`md5`] |
//! | `$2a$`, `$2b$`, `$2x$`, `$2y$` | bcrypt (Provos–Mazières) | [`blowfish`] |
//! | `$5$`, `$6$` | SHA-crypt (Ulrich Drepper), SHA-256 / SHA-512 | [`sha`] |
//! | anything else | traditional and BSDi-extended (`_`) DES | [`des`] |
//!
//! Every scheme writes its result into the caller's `struct crypt_data`
//! (at least 256 bytes) and returns it, or returns a short string that can
//! never match a hash ("*", or "x"/"*" for DES) when the setting is
//! invalid, exactly as musl does. `encrypt`/`setkey` (the bit-array DES
//! interface) are in [`des`].

pub mod base64;
pub mod blowfish;
mod blowfish_tables;
pub mod des;
mod des_tables;
pub mod md5;
pub mod sha;
pub mod sha2;
mod consts;

use core::ffi::c_char;

/// The failure result of the MD5, SHA and bcrypt schemes.
pub(crate) static STAR: [u8; 2] = *b"*\0";

/// `struct crypt_data` (wasi-libc: an `int` and 256 bytes).
#[repr(C)]
pub struct CryptData {
    pub initialized: i32,
    pub buf: [u8; 256],
}

/// A C string (without its NUL) as a byte slice; empty for null.
pub(crate) unsafe fn cbytes<'a>(s: *const c_char) -> &'a [u8] {
    if s.is_null() {
        return &[];
    }
    crate::cstr::bytes(s)
}

/// Copies `s` and a NUL into `out` (which the caller sized), returning it.
pub(crate) unsafe fn emit(out: *mut c_char, s: &[u8]) -> *mut c_char {
    core::ptr::copy_nonoverlapping(s.as_ptr(), out as *mut u8, s.len());
    *out.add(s.len()) = 0;
    out
}

/// C `__crypt_r`: hashes `key` with the scheme and salt of `setting`,
/// writing into `data` (at least 256 bytes).
#[no_mangle]
pub unsafe extern "C" fn __crypt_r(key: *const c_char, setting: *const c_char, data: *mut CryptData) -> *mut c_char {
    let out = data as *mut c_char;
    let s = cbytes(setting);
    if s.len() >= 3 && s[0] == b'$' {
        if s[1] == b'1' && s[2] == b'$' {
            return md5::__crypt_md5(key, setting, out);
        }
        if s[1] == b'2' && s.get(3) == Some(&b'$') {
            return blowfish::__crypt_blowfish(key, setting, out);
        }
        if s[1] == b'5' && s[2] == b'$' {
            return sha::__crypt_sha256(key, setting, out);
        }
        if s[1] == b'6' && s[2] == b'$' {
            return sha::__crypt_sha512(key, setting, out);
        }
    }
    des::__crypt_des(key, setting, out)
}

/// C `crypt_r` (GNU).
#[no_mangle]
pub unsafe extern "C" fn crypt_r(key: *const c_char, setting: *const c_char, data: *mut CryptData) -> *mut c_char {
    __crypt_r(key, setting, data)
}

/// The buffer of `crypt` (not reentrant, as in C).
static mut CRYPT_BUF: CryptData = CryptData { initialized: 0, buf: [0; 256] };

/// C `crypt`: `crypt_r` into a static buffer.
#[no_mangle]
pub unsafe extern "C" fn crypt(key: *const c_char, setting: *const c_char) -> *mut c_char {
    __crypt_r(key, setting, core::ptr::addr_of_mut!(CRYPT_BUF))
}
