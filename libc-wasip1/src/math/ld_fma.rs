//! `fmal`: x*y + z in binary128 with a single rounding, computed on a
//! 256-bit integer accumulator. Special cases (zeros, infinities, NaN)
//! follow musl's ld128 `fmal` (FreeBSD's s_fmal.c).

use super::soft128::Ld;

const SIGN: u128 = 1 << 127;
const MANT_BITS: u32 = 112;
const MANT_MASK: u128 = (1 << MANT_BITS) - 1;

/// A 256-bit unsigned integer (hi, lo); the derived order is numeric.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct U256 {
    hi: u128,
    lo: u128,
}

impl U256 {
    const ZERO: U256 = U256 { hi: 0, lo: 0 };

    fn leading_zeros(self) -> u32 {
        if self.hi != 0 {
            self.hi.leading_zeros()
        } else {
            128 + self.lo.leading_zeros()
        }
    }

    /// Index of the top set bit (self != 0).
    fn top_bit(self) -> i32 {
        255 - self.leading_zeros() as i32
    }

    fn shl(self, s: u32) -> U256 {
        match s {
            0 => self,
            1..=127 => U256 { hi: (self.hi << s) | (self.lo >> (128 - s)), lo: self.lo << s },
            128..=255 => U256 { hi: self.lo << (s - 128), lo: 0 },
            _ => U256::ZERO,
        }
    }

    fn shr(self, s: u32) -> U256 {
        match s {
            0 => self,
            1..=127 => U256 { hi: self.hi >> s, lo: (self.lo >> s) | (self.hi << (128 - s)) },
            128..=255 => U256 { hi: 0, lo: self.hi >> (s - 128) },
            _ => U256::ZERO,
        }
    }

    /// True when any of the low `s` bits is set.
    fn low_bits_set(self, s: u32) -> bool {
        match s {
            0 => false,
            1..=255 => self.shl(256 - s) != U256::ZERO,
            _ => self != U256::ZERO,
        }
    }

    /// Shift right, OR-ing any lost bit into bit 0 (sticky).
    fn shr_sticky(self, s: u32) -> U256 {
        let mut r = self.shr(s);
        if s > 0 && self.low_bits_set(s) {
            r.lo |= 1;
        }
        r
    }

    fn add(self, o: U256) -> U256 {
        let (lo, c) = self.lo.overflowing_add(o.lo);
        U256 { hi: self.hi.wrapping_add(o.hi).wrapping_add(u128::from(c)), lo }
    }

    /// self - o, for self >= o.
    fn sub(self, o: U256) -> U256 {
        let (lo, b) = self.lo.overflowing_sub(o.lo);
        U256 { hi: self.hi.wrapping_sub(o.hi).wrapping_sub(u128::from(b)), lo }
    }

    /// a * b for a, b < 2^120.
    fn mul(a: u128, b: u128) -> U256 {
        let (a1, a0) = (a >> 64, a & u128::from(u64::MAX));
        let (b1, b0) = (b >> 64, b & u128::from(u64::MAX));
        let mid = a0 * b1 + a1 * b0; // < 2^121
        let (lo, c) = (a0 * b0).overflowing_add(mid << 64);
        U256 { hi: a1 * b1 + (mid >> 64) + u128::from(c), lo }
    }
}

fn exp_of(x: u128) -> i32 {
    ((x >> MANT_BITS) & 0x7fff) as i32
}

/// |x| = m 2^k for finite nonzero x.
fn decompose(x: u128) -> (u128, i32) {
    let e = exp_of(x);
    if e == 0 {
        (x & MANT_MASK, -16494)
    } else {
        ((x & MANT_MASK) | (1 << MANT_BITS), e - 16383 - 112)
    }
}

/// `fmal`: x*y + z rounded once (to nearest, ties to even).
#[no_mangle]
pub extern "C" fn fmal(x: u128, y: u128, z: u128) -> u128 {
    let (xv, yv, zv) = (Ld(x), Ld(y), Ld(z));
    if x << 1 == 0 || y << 1 == 0 {
        return (xv * yv + zv).0;
    }
    if z << 1 == 0 {
        return (xv * yv).0;
    }
    if exp_of(x) == 0x7fff || exp_of(y) == 0x7fff {
        return (xv * yv + zv).0;
    }
    if exp_of(z) == 0x7fff {
        return z;
    }
    let (mx, kx) = decompose(x);
    let (my, ky) = decompose(y);
    let (mz, kz) = decompose(z);
    let sp = (x ^ y) & SIGN != 0;
    let sz = z & SIGN != 0;

    // Both terms with their top bit at 253 (room for a carry above).
    let p = U256::mul(mx, my);
    let tp = p.top_bit();
    let a = p.shl((253 - tp) as u32);
    let ka = kx + ky - (253 - tp);
    let zz = U256 { hi: 0, lo: mz };
    let tz = zz.top_bit();
    let b = zz.shl((253 - tz) as u32);
    let kb = kz - (253 - tz);

    let ((big, kbig, sbig), (small, ksmall, ssmall)) =
        if (ka, a) >= (kb, b) { ((a, ka, sp), (b, kb, sz)) } else { ((b, kb, sz), (a, ka, sp)) };
    let d = (kbig - ksmall) as u32;
    let small = small.shr_sticky(d);
    let r = if sbig == ssmall { big.add(small) } else { big.sub(small) };
    if r == U256::ZERO {
        return 0; // exact cancellation: +0 when rounding to nearest
    }
    let sign = if sbig { SIGN } else { 0 };
    round_pack(sign, r, kbig)
}

/// Rounds sign * r * 2^k to binary128 (nearest, ties to even).
fn round_pack(sign: u128, r: U256, k: i32) -> u128 {
    let t = r.top_bit();
    let mut biased = t + k + 16383;
    // shift that leaves 113 significant bits (or the subnormal grid)
    let s = if biased <= 0 {
        biased = 0;
        -16494 - k
    } else {
        t - MANT_BITS as i32
    };
    let mut q: u128;
    if s <= 0 {
        q = r.shl((-s) as u32).lo; // exact
    } else {
        let s = s as u32;
        q = r.shr(s).lo;
        let round = r.shr(s - 1).lo & 1 == 1;
        let sticky = r.low_bits_set(s - 1);
        if round && (sticky || q & 1 == 1) {
            q += 1;
        }
    }
    if biased == 0 {
        // subnormal; a carry to 2^112 lands exactly on the smallest normal
        return sign | q;
    }
    if q >> (MANT_BITS + 1) != 0 {
        q >>= 1;
        biased += 1;
    }
    if biased >= 0x7fff {
        return sign | (0x7fffu128 << MANT_BITS);
    }
    sign | ((biased as u128) << MANT_BITS) | (q & MANT_MASK)
}
