//! The message digests the crypt schemes are built on: MD5 (RFC 1321),
//! SHA-256 and SHA-512 (FIPS 180-4). Streaming: `update` any number of
//! times, then `finish`.

use super::consts::{H256, H512, K256, K512, MD5_T};

/// A streaming digest over blocks of `B` bytes.
pub trait Digest: Sized {
    /// Digest size in bytes.
    const OUT: usize;
    fn new() -> Self;
    fn update(&mut self, data: &[u8]);
    /// Writes the digest into `out[..Self::OUT]`.
    fn finish(self, out: &mut [u8]);
}

/// Buffers input into `N`-byte blocks for a compression function.
#[derive(Clone)]
struct Blocks<const N: usize> {
    buf: [u8; N],
    fill: usize,
    total: u128,
}

impl<const N: usize> Blocks<N> {
    const fn new() -> Self {
        Blocks { buf: [0; N], fill: 0, total: 0 }
    }

    fn update(&mut self, mut data: &[u8], mut compress: impl FnMut(&[u8; N])) {
        self.total += data.len() as u128;
        while !data.is_empty() {
            let n = (N - self.fill).min(data.len());
            self.buf[self.fill..self.fill + n].copy_from_slice(&data[..n]);
            self.fill += n;
            data = &data[n..];
            if self.fill == N {
                compress(&self.buf);
                self.fill = 0;
            }
        }
    }

    /// Pads with 0x80, zeros and the bit length (`len_bytes` bytes, big-
    /// or little-endian) and compresses the last block(s).
    fn pad(&mut self, len_bytes: usize, big_endian: bool, mut compress: impl FnMut(&[u8; N])) {
        let bits = self.total.wrapping_mul(8);
        let mut tail = [0u8; 16];
        for (i, t) in tail[..len_bytes].iter_mut().enumerate() {
            let shift = if big_endian { 8 * (len_bytes - 1 - i) } else { 8 * i };
            *t = (bits >> shift) as u8;
        }
        self.buf[self.fill] = 0x80;
        self.fill += 1;
        if self.fill > N - len_bytes {
            self.buf[self.fill..].fill(0);
            compress(&self.buf);
            self.fill = 0;
        }
        self.buf[self.fill..N - len_bytes].fill(0);
        self.buf[N - len_bytes..].copy_from_slice(&tail[..len_bytes]);
        compress(&self.buf);
    }
}

/// MD5.
#[derive(Clone)]
pub struct Md5 {
    h: [u32; 4],
    blocks: Blocks<64>,
}

fn md5_compress(h: &mut [u32; 4], block: &[u8; 64]) {
    const SHIFT: [[u32; 4]; 4] = [[7, 12, 17, 22], [5, 9, 14, 20], [4, 11, 16, 23], [6, 10, 15, 21]];
    let mut m = [0u32; 16];
    for (i, w) in m.iter_mut().enumerate() {
        *w = u32::from_le_bytes([block[4 * i], block[4 * i + 1], block[4 * i + 2], block[4 * i + 3]]);
    }
    let [mut a, mut b, mut c, mut d] = *h;
    for i in 0..64 {
        let round = i / 16;
        let (f, g) = match round {
            0 => ((b & c) | (!b & d), i),
            1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
            2 => (b ^ c ^ d, (3 * i + 5) % 16),
            _ => (c ^ (b | !d), (7 * i) % 16),
        };
        let t = a.wrapping_add(f).wrapping_add(MD5_T[i]).wrapping_add(m[g]);
        a = d;
        d = c;
        c = b;
        b = b.wrapping_add(t.rotate_left(SHIFT[round][i % 4]));
    }
    h[0] = h[0].wrapping_add(a);
    h[1] = h[1].wrapping_add(b);
    h[2] = h[2].wrapping_add(c);
    h[3] = h[3].wrapping_add(d);
}

impl Digest for Md5 {
    const OUT: usize = 16;
    fn new() -> Self {
        Md5 { h: [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476], blocks: Blocks::new() }
    }
    fn update(&mut self, data: &[u8]) {
        let h = &mut self.h;
        self.blocks.update(data, |b| md5_compress(h, b));
    }
    fn finish(mut self, out: &mut [u8]) {
        let h = &mut self.h;
        self.blocks.pad(8, false, |b| md5_compress(h, b));
        for (i, w) in self.h.iter().enumerate() {
            out[4 * i..4 * i + 4].copy_from_slice(&w.to_le_bytes());
        }
    }
}

/// SHA-256.
#[derive(Clone)]
pub struct Sha256 {
    h: [u32; 8],
    blocks: Blocks<64>,
}

fn sha256_compress(h: &mut [u32; 8], block: &[u8; 64]) {
    let mut w = [0u32; 64];
    for i in 0..16 {
        w[i] = u32::from_be_bytes([block[4 * i], block[4 * i + 1], block[4 * i + 2], block[4 * i + 3]]);
    }
    for i in 16..64 {
        let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
        let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
    }
    let mut v = *h;
    for i in 0..64 {
        let [a, b, c, d, e, f, g, hh] = v;
        let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
        let ch = (e & f) ^ (!e & g);
        let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(K256[i]).wrapping_add(w[i]);
        let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
        let maj = (a & b) ^ (a & c) ^ (b & c);
        let t2 = s0.wrapping_add(maj);
        v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
    }
    for (x, y) in h.iter_mut().zip(v) {
        *x = x.wrapping_add(y);
    }
}

impl Digest for Sha256 {
    const OUT: usize = 32;
    fn new() -> Self {
        Sha256 { h: H256, blocks: Blocks::new() }
    }
    fn update(&mut self, data: &[u8]) {
        let h = &mut self.h;
        self.blocks.update(data, |b| sha256_compress(h, b));
    }
    fn finish(mut self, out: &mut [u8]) {
        let h = &mut self.h;
        self.blocks.pad(8, true, |b| sha256_compress(h, b));
        for (i, w) in self.h.iter().enumerate() {
            out[4 * i..4 * i + 4].copy_from_slice(&w.to_be_bytes());
        }
    }
}

/// SHA-512.
#[derive(Clone)]
pub struct Sha512 {
    h: [u64; 8],
    blocks: Blocks<128>,
}

fn sha512_compress(h: &mut [u64; 8], block: &[u8; 128]) {
    let mut w = [0u64; 80];
    for i in 0..16 {
        let mut b = [0u8; 8];
        b.copy_from_slice(&block[8 * i..8 * i + 8]);
        w[i] = u64::from_be_bytes(b);
    }
    for i in 16..80 {
        let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
        let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
    }
    let mut v = *h;
    for i in 0..80 {
        let [a, b, c, d, e, f, g, hh] = v;
        let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
        let ch = (e & f) ^ (!e & g);
        let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(K512[i]).wrapping_add(w[i]);
        let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
        let maj = (a & b) ^ (a & c) ^ (b & c);
        let t2 = s0.wrapping_add(maj);
        v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
    }
    for (x, y) in h.iter_mut().zip(v) {
        *x = x.wrapping_add(y);
    }
}

impl Digest for Sha512 {
    const OUT: usize = 64;
    fn new() -> Self {
        Sha512 { h: H512, blocks: Blocks::new() }
    }
    fn update(&mut self, data: &[u8]) {
        let h = &mut self.h;
        self.blocks.update(data, |b| sha512_compress(h, b));
    }
    fn finish(mut self, out: &mut [u8]) {
        let h = &mut self.h;
        self.blocks.pad(16, true, |b| sha512_compress(h, b));
        for (i, w) in self.h.iter().enumerate() {
            out[8 * i..8 * i + 8].copy_from_slice(&w.to_be_bytes());
        }
    }
}
