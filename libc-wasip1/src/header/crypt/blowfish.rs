//! bcrypt (`$2a$`, `$2b$`, `$2x$`, `$2y$`): Provos and Mazières'
//! "Eksblowfish" password hash, with the variants of the Openwall
//! implementation musl ships:
//!
//! * `$2b$`, `$2y$`: the correct algorithm.
//! * `$2x$`: the historical sign-extension bug (key bytes >= 0x80 were
//!   sign-extended into the key words).
//! * `$2a$`: the correct algorithm, except that a key the buggy one would
//!   have hashed differently gets one bit (bit 16 of the first initial key
//!   word) flipped, so that its old `$2x$`-style hashes do not match by
//!   accident.
//!
//! Setting: `$2?$NN$` with a cost `NN` of 04..=19 (2^NN rounds), then 22
//! characters of salt in bcrypt's own base64 alphabet. Result: the setting
//! (with the salt's last character canonicalized) and 31 characters of
//! hash; "*" for an invalid setting.

use super::blowfish_tables::{P_INIT, S_INIT};
use super::base64::Out;
use super::{cbytes, emit, STAR};
use core::ffi::c_char;

/// bcrypt's base64 alphabet (not crypt's).
const ALPHABET: &[u8; 64] = b"./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// The 24 bytes encrypted 64 times at the end.
const MAGIC: &[u8; 24] = b"OrpheanBeholderScryDoubt";

/// Value of a bcrypt base64 character.
fn decode_char(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|v| v as u32)
}

/// Decodes `out.len()` bytes from bcrypt base64 (most significant bits
/// first); every character read must be valid.
fn decode(src: &[u8], out: &mut [u8]) -> Option<()> {
    let mut bits: u32 = 0;
    let mut nbits = 0;
    let mut i = 0;
    let mut o = 0;
    while o < out.len() {
        let v = decode_char(*src.get(i)?)?;
        i += 1;
        bits = bits << 6 | v;
        nbits += 6;
        if nbits >= 8 {
            nbits -= 8;
            out[o] = (bits >> nbits) as u8;
            o += 1;
        }
    }
    Some(())
}

/// Encodes bytes in bcrypt base64 (groups of 3 bytes -> 4 characters; a
/// final partial group gives 2 or 3).
fn encode<const N: usize>(src: &[u8], out: &mut Out<N>) {
    for chunk in src.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let v = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for k in 0..chunk.len() + 1 {
            out.push(ALPHABET[((v >> (18 - 6 * k)) & 63) as usize]);
        }
    }
}

/// Blowfish's state.
struct State {
    p: [u32; 18],
    s: [[u32; 256]; 4],
}

impl State {
    fn f(&self, x: u32) -> u32 {
        let [a, b, c, d] = x.to_be_bytes();
        (self.s[0][a as usize].wrapping_add(self.s[1][b as usize]) ^ self.s[2][c as usize])
            .wrapping_add(self.s[3][d as usize])
    }

    fn encrypt(&self, mut l: u32, mut r: u32) -> (u32, u32) {
        for i in (0..16).step_by(2) {
            l ^= self.p[i];
            r ^= self.f(l);
            r ^= self.p[i + 1];
            l ^= self.f(r);
        }
        l ^= self.p[16];
        r ^= self.p[17];
        (r, l)
    }

    /// Re-derives P and the S-boxes by chained encryption, each block
    /// first XORed with the salt words `salt[k % 4]` in turn (all zero for
    /// the plain expansion).
    fn expand(&mut self, salt: &[u32; 4]) {
        let (mut l, mut r) = (0u32, 0u32);
        let mut k = 0;
        for i in (0..18).step_by(2) {
            (l, r) = self.encrypt(l ^ salt[k % 4], r ^ salt[(k + 1) % 4]);
            k += 2;
            self.p[i] = l;
            self.p[i + 1] = r;
        }
        for b in 0..4 {
            for i in (0..256).step_by(2) {
                (l, r) = self.encrypt(l ^ salt[k % 4], r ^ salt[(k + 1) % 4]);
                k += 2;
                self.s[b][i] = l;
                self.s[b][i + 1] = r;
            }
        }
    }
}

/// The 18 key words of `key` (its bytes and the terminating NUL, cycled),
/// and the same with the sign-extension bug; plus whether the `$2a$`
/// countermeasure applies (a high byte in positions 2-4 of a word made
/// the buggy words differ).
fn key_words(key: &[u8]) -> ([u32; 18], [u32; 18], bool) {
    let mut correct = [0u32; 18];
    let mut buggy = [0u32; 18];
    let mut pos = 0;
    let mut sign_seen = false;
    let mut differ = false;
    for i in 0..18 {
        let (mut c, mut b) = (0u32, 0u32);
        for j in 0..4 {
            let byte = key.get(pos).copied().unwrap_or(0);
            c = c << 8 | byte as u32;
            b = b << 8 | (byte as i8 as i32 as u32);
            if j > 0 && b & 0x80 != 0 {
                sign_seen = true;
            }
            pos = if pos < key.len() { pos + 1 } else { 0 };
        }
        differ |= c != b;
        correct[i] = c;
        buggy[i] = b;
    }
    (correct, buggy, sign_seen && !differ)
}

/// The bcrypt hash of `key` with `setting`, or `None` if the setting is
/// invalid.
pub(crate) fn hash(key: &[u8], setting: &[u8]) -> Option<Out<64>> {
    let at = |i: usize| setting.get(i).copied().unwrap_or(0);
    let variant = at(2);
    let (bug, safety) = match variant {
        b'a' => (false, true),
        b'b' | b'y' => (false, false),
        b'x' => (true, false),
        _ => return None,
    };
    if at(0) != b'$' || at(1) != b'2' || at(3) != b'$' || at(6) != b'$' {
        return None;
    }
    let (d1, d2) = (at(4).wrapping_sub(b'0'), at(5).wrapping_sub(b'0'));
    if d1 > 1 || d2 > 9 {
        return None;
    }
    let cost = d1 as u32 * 10 + d2 as u32;
    if cost < 4 {
        return None;
    }
    let mut salt_bytes = [0u8; 16];
    decode(setting.get(7..29)?, &mut salt_bytes)?;
    let mut salt = [0u32; 4];
    for (i, w) in salt.iter_mut().enumerate() {
        *w = u32::from_be_bytes([salt_bytes[4 * i], salt_bytes[4 * i + 1], salt_bytes[4 * i + 2], salt_bytes[4 * i + 3]]);
    }

    let (correct, buggy, flip) = key_words(key);
    let expanded = if bug { buggy } else { correct };
    let mut st = State { p: P_INIT, s: S_INIT };
    for (p, k) in st.p.iter_mut().zip(expanded) {
        *p ^= k;
    }
    if safety && flip {
        st.p[0] ^= 0x1_0000;
    }
    st.expand(&salt);
    let salt_p: [u32; 18] = core::array::from_fn(|i| salt[i % 4]);
    for _ in 0..1u32 << cost {
        for (p, k) in st.p.iter_mut().zip(expanded) {
            *p ^= k;
        }
        st.expand(&[0; 4]);
        for (p, k) in st.p.iter_mut().zip(salt_p) {
            *p ^= k;
        }
        st.expand(&[0; 4]);
    }

    let mut ctext = [0u8; 24];
    for i in (0..6).step_by(2) {
        let w = |k: usize| u32::from_be_bytes([MAGIC[4 * k], MAGIC[4 * k + 1], MAGIC[4 * k + 2], MAGIC[4 * k + 3]]);
        let (mut l, mut r) = (w(i), w(i + 1));
        for _ in 0..64 {
            (l, r) = st.encrypt(l, r);
        }
        ctext[4 * i..4 * i + 4].copy_from_slice(&l.to_be_bytes());
        ctext[4 * i + 4..4 * i + 8].copy_from_slice(&r.to_be_bytes());
    }

    let mut out = Out::new();
    out.extend(&setting[..28]);
    // The salt's last character carries 2 bits: keep only those.
    let last = decode_char(at(28))?;
    out.push(ALPHABET[(last & 0x30) as usize]);
    encode(&ctext[..23], &mut out);
    Some(out)
}

/// C `__crypt_blowfish`: bcrypt of `key` with `setting` into `output` (at
/// least 61 bytes); "*" for an invalid setting.
#[no_mangle]
pub unsafe extern "C" fn __crypt_blowfish(key: *const c_char, setting: *const c_char, output: *mut c_char) -> *mut c_char {
    match hash(cbytes(key), cbytes(setting)) {
        Some(h) => emit(output, h.as_bytes()),
        None => STAR.as_ptr() as *mut c_char,
    }
}
