//! The crypt alphabet `./0-9A-Za-z` and the ways the schemes spell bytes
//! with it.

/// Value -> character.
pub const ALPHABET: &[u8; 64] = b"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// A small output buffer for building a hash string.
pub struct Out<const N: usize> {
    pub buf: [u8; N],
    pub len: usize,
}

impl<const N: usize> Out<N> {
    pub const fn new() -> Self {
        Out { buf: [0; N], len: 0 }
    }
    pub fn push(&mut self, c: u8) {
        if self.len < N {
            self.buf[self.len] = c;
            self.len += 1;
        }
    }
    pub fn extend(&mut self, s: &[u8]) {
        for &c in s {
            self.push(c);
        }
    }
    /// `n` characters for the low `6 * n` bits of `v`, least significant
    /// first (the MD5- and SHA-crypt order).
    pub fn push_le(&mut self, mut v: u32, n: usize) {
        for _ in 0..n {
            self.push(ALPHABET[(v & 63) as usize]);
            v >>= 6;
        }
    }
    /// Decimal digits of `v`.
    pub fn push_dec(&mut self, v: u32) {
        let mut d = [0u8; 10];
        let mut n = 0;
        let mut v = v;
        loop {
            d[n] = b'0' + (v % 10) as u8;
            n += 1;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        while n > 0 {
            n -= 1;
            self.push(d[n]);
        }
    }
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}
