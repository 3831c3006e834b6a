//! A fixed-capacity unsigned big integer (little-endian `u32` limbs), just
//! the operations exact binary128 conversions need: multiply by a small
//! number, shift, compare, subtract, and divide by a small number.
//!
//! Capacity covers every binary128 conversion done here (the largest value
//! is `2^16384 · 2^113`, the largest scaled ratio about 14,000 bits); an
//! operation that would exceed it saturates the length instead of writing
//! out of bounds, and callers size their inputs so that never happens.

/// Limbs of capacity: 20,480 bits.
pub const CAP: usize = 640;

/// An unsigned integer of at most `CAP * 32` bits. Limbs at and past `len`
/// are always zero.
#[derive(Clone)]
pub struct Big {
    limbs: [u32; CAP],
    /// Limbs in use; `limbs[len - 1] != 0` unless `len == 0`.
    len: usize,
}

impl Big {
    /// Zero.
    pub fn zero() -> Big {
        Big { limbs: [0; CAP], len: 0 }
    }

    /// The value `v`.
    pub fn from_u128(v: u128) -> Big {
        let mut b = Big::zero();
        for i in 0..4 {
            b.limbs[i] = (v >> (32 * i)) as u32;
        }
        b.len = 4;
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.len > 0 && self.limbs[self.len - 1] == 0 {
            self.len -= 1;
        }
    }

    pub fn is_zero(&self) -> bool {
        self.len == 0
    }

    /// Number of significant bits (0 for zero).
    pub fn bit_len(&self) -> usize {
        if self.len == 0 {
            0
        } else {
            32 * self.len - self.limbs[self.len - 1].leading_zeros() as usize
        }
    }

    /// The low 128 bits.
    pub fn low_u128(&self) -> u128 {
        (0..4).fold(0u128, |acc, i| acc | (self.limbs[i] as u128) << (32 * i))
    }

    /// `self = self * m + add`.
    pub fn mul_add_small(&mut self, m: u32, add: u32) {
        let mut carry = add as u64;
        for limb in &mut self.limbs[..self.len] {
            let v = *limb as u64 * m as u64 + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry != 0 && self.len < CAP {
            self.limbs[self.len] = carry as u32;
            self.len += 1;
        }
        self.trim();
    }

    /// `self *= 5^k`.
    pub fn mul_pow5(&mut self, mut k: u32) {
        const POW5_13: u32 = 1_220_703_125;
        while k >= 13 {
            self.mul_add_small(POW5_13, 0);
            k -= 13;
        }
        if k > 0 {
            self.mul_add_small(5u32.pow(k), 0);
        }
    }

    /// `self <<= n`.
    pub fn shl(&mut self, n: usize) {
        if self.len == 0 || n == 0 {
            return;
        }
        let (words, bits) = (n / 32, (n % 32) as u32);
        let new_len = (self.len + words + 1).min(CAP);
        for i in (0..new_len).rev() {
            let src = i as isize - words as isize;
            let hi = if src >= 0 && (src as usize) < self.len { self.limbs[src as usize] } else { 0 };
            let lo = if bits > 0 && src >= 1 && ((src - 1) as usize) < self.len { self.limbs[(src - 1) as usize] } else { 0 };
            self.limbs[i] = if bits == 0 { hi } else { hi << bits | lo >> (32 - bits) };
        }
        self.len = new_len;
        self.trim();
    }

    /// `self >>= 1`.
    pub fn shr1(&mut self) {
        for i in 0..self.len {
            let next = if i + 1 < self.len { self.limbs[i + 1] } else { 0 };
            self.limbs[i] = self.limbs[i] >> 1 | next << 31;
        }
        self.trim();
    }

    /// `self >> n` as a new value.
    pub fn shr(&self, n: usize) -> Big {
        let mut out = Big::zero();
        let (words, bits) = (n / 32, (n % 32) as u32);
        if words >= self.len {
            return out;
        }
        let len = self.len - words;
        for i in 0..len {
            let lo = self.limbs[i + words];
            let hi = if i + words + 1 < self.len { self.limbs[i + words + 1] } else { 0 };
            out.limbs[i] = if bits == 0 { lo } else { lo >> bits | hi << (32 - bits) };
        }
        out.len = len;
        out.trim();
        out
    }

    /// Keeps only the low `n` bits.
    pub fn keep_low_bits(&mut self, n: usize) {
        let (words, bits) = (n / 32, n % 32);
        if words >= self.len {
            return;
        }
        let old_len = self.len;
        if bits == 0 {
            self.len = words;
        } else {
            self.limbs[words] &= (1u32 << bits) - 1;
            self.len = words + 1;
        }
        // Limbs past `len` are kept zero (`low_u128` reads the first four).
        for limb in &mut self.limbs[self.len..old_len] {
            *limb = 0;
        }
        self.trim();
    }

    /// Compares two values.
    pub fn cmp(&self, other: &Big) -> core::cmp::Ordering {
        if self.len != other.len {
            return self.len.cmp(&other.len);
        }
        for i in (0..self.len).rev() {
            if self.limbs[i] != other.limbs[i] {
                return self.limbs[i].cmp(&other.limbs[i]);
            }
        }
        core::cmp::Ordering::Equal
    }

    /// `self -= other`; requires `self >= other`.
    pub fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for i in 0..self.len {
            let o = if i < other.len { other.limbs[i] as i64 } else { 0 };
            let mut v = self.limbs[i] as i64 - o - borrow;
            borrow = (v < 0) as i64;
            if v < 0 {
                v += 1 << 32;
            }
            self.limbs[i] = v as u32;
        }
        self.trim();
    }

    /// `self /= d`, returning the remainder.
    pub fn div_small(&mut self, d: u32) -> u32 {
        let mut rem = 0u64;
        for i in (0..self.len).rev() {
            let cur = rem << 32 | self.limbs[i] as u64;
            self.limbs[i] = (cur / d as u64) as u32;
            rem = cur % d as u64;
        }
        self.trim();
        rem as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifts_and_division_round_trip() {
        let mut b = Big::from_u128(0x1234_5678_9abc_def0_1122_3344_5566_7788);
        b.shl(1000);
        assert_eq!(b.bit_len(), 1000 + 125);
        assert_eq!(b.shr(1000).low_u128(), 0x1234_5678_9abc_def0_1122_3344_5566_7788);
        let mut c = Big::from_u128(1_000_000_007);
        c.mul_pow5(40);
        assert_eq!(c.div_small(5), 0);
    }
}
