//! The exact decimal expansion of a finite binary128 value, in groups of
//! nine digits, and rounding it at a digit position (round half to even,
//! the only rounding mode wasm has).
//!
//! A binary128 value `m · 2^e` has a finite decimal expansion: at most 4,933
//! integer digits, or (for `e < 0`) exactly `-e` fraction digits, at most
//! 16,494. Both fit in [`MAX_GROUPS`] groups (about 7.4 KB on the stack, as
//! musl's own buffer for the same job).

use super::big::Big;

/// Nine-digit groups: 16,494 fraction digits + 4 integer groups + carry.
pub const MAX_GROUPS: usize = 1840;

const BILLION: u32 = 1_000_000_000;
const POW10: [u32; 10] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

/// A decimal number `0.d0 d1 d2 ... × 10^(point)`, stored as nine-digit
/// groups, most significant first. Group 0 is always a spare (zero before
/// rounding) that absorbs a carry out of the top digit.
pub struct Decimal {
    groups: [u32; MAX_GROUPS],
    /// Groups in use (digits `0 .. 9 * len`).
    len: usize,
    /// Digit index of the decimal point (a multiple of 9): the digits
    /// before it are the integer part.
    pub point: usize,
}

impl Decimal {
    /// The exact expansion of `mant · 2^exp2` (`mant < 2^113`).
    pub fn from_binary(mant: u128, exp2: i32) -> Decimal {
        let mut d = Decimal { groups: [0; MAX_GROUPS], len: 1, point: 0 };
        if exp2 >= 0 {
            // An integer: convert the big binary number group by group.
            let mut big = Big::from_u128(mant);
            big.shl(exp2 as usize);
            let mut rev = [0u32; 560];
            let mut n = 0;
            while !big.is_zero() && n < rev.len() {
                rev[n] = big.div_small(BILLION);
                n += 1;
            }
            for i in 0..n {
                d.groups[1 + i] = rev[n - 1 - i];
            }
            d.len = 1 + n;
            d.point = 9 * d.len;
            return d;
        }
        let k = (-exp2) as usize;
        // Integer part: below 2^113 (it fits a u128), at most 4 groups.
        let int = if k >= 128 { 0 } else { mant >> k };
        let mut rev = [0u32; 5];
        let mut n = 0;
        let mut v = int;
        while v != 0 {
            rev[n] = (v % BILLION as u128) as u32;
            v /= BILLION as u128;
            n += 1;
        }
        for i in 0..n {
            d.groups[1 + i] = rev[n - 1 - i];
        }
        d.len = 1 + n;
        d.point = 9 * d.len;
        // Fraction r / 2^k: each group is r·10^9 / 2^k = r·5^9 / 2^(k-9).
        let mut r = Big::from_u128(if k >= 128 { mant } else { mant & ((1u128 << k) - 1) });
        let mut k = k;
        while !r.is_zero() && d.len < MAX_GROUPS {
            r.mul_pow5(9);
            if k >= 9 {
                k -= 9;
            } else {
                r.shl(9 - k);
                k = 0;
            }
            let group = r.shr(k).low_u128() as u32;
            r.keep_low_bits(k);
            d.groups[d.len] = group;
            d.len += 1;
        }
        d
    }

    /// Number of digits stored (beyond them every digit is 0).
    pub fn digits(&self) -> usize {
        9 * self.len
    }

    /// The digit at index `i` (0 past the end).
    pub fn digit(&self, i: usize) -> u8 {
        if i >= 9 * self.len {
            return 0;
        }
        ((self.groups[i / 9] / POW10[8 - i % 9]) % 10) as u8
    }

    /// Index of the first nonzero digit, or `None` for zero.
    pub fn first_nonzero(&self) -> Option<usize> {
        let g = (0..self.len).find(|&g| self.groups[g] != 0)?;
        (9 * g..9 * g + 9).find(|&i| self.digit(i) != 0)
    }

    /// Index one past the last nonzero digit (0 for zero).
    pub fn end_nonzero(&self) -> usize {
        match (0..self.len).rev().find(|&g| self.groups[g] != 0) {
            None => 0,
            Some(g) => (9 * g..9 * g + 9).rev().find(|&i| self.digit(i) != 0).map_or(0, |i| i + 1),
        }
    }

    /// Rounds to keep the digits before index `cut` (half to even) and
    /// clears the rest. Returns true if a carry made a new leading digit.
    pub fn round_at(&mut self, cut: usize) -> bool {
        if cut >= 9 * self.len {
            return false;
        }
        let first = self.digit(cut);
        let rest_nonzero = self.any_nonzero_after(cut + 1);
        let odd = cut > 0 && self.digit(cut - 1) % 2 == 1;
        let up = first > 5 || (first == 5 && (rest_nonzero || odd));
        // Clear digits from `cut` on.
        let (g, within) = (cut / 9, cut % 9);
        self.groups[g] -= self.groups[g] % POW10[9 - within];
        for x in &mut self.groups[g + 1..self.len] {
            *x = 0;
        }
        if !up || cut == 0 {
            return false;
        }
        let lead_before = self.first_nonzero();
        // Add one unit in the last kept place and carry.
        let last = cut - 1;
        let mut gi = last / 9;
        let mut add = POW10[8 - last % 9];
        loop {
            let v = self.groups[gi] + add;
            if v < BILLION || gi == 0 {
                self.groups[gi] = v;
                break;
            }
            self.groups[gi] = v - BILLION;
            add = 1;
            gi -= 1;
        }
        self.first_nonzero() < lead_before || lead_before.is_none()
    }

    fn any_nonzero_after(&self, from: usize) -> bool {
        if from >= 9 * self.len {
            return false;
        }
        let (g, within) = (from / 9, from % 9);
        if within > 0 && self.groups[g] % POW10[9 - within] != 0 {
            return true;
        }
        let next = if within > 0 { g + 1 } else { g };
        self.groups[next.min(self.len)..self.len].iter().any(|&x| x != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(d: &Decimal, from: usize, to: usize) -> [u8; 64] {
        let mut out = [b' '; 64];
        for (o, i) in (from..to).enumerate() {
            out[o] = b'0' + d.digit(i);
        }
        out
    }

    #[test]
    fn exact_expansions() {
        // 1/8 = 0.125
        let d = Decimal::from_binary(1, -3);
        assert_eq!(d.point, 9);
        assert_eq!(&text(&d, 9, 12)[..3], b"125");
        // 3 · 2^70 = 3541774862152233910272
        let d = Decimal::from_binary(3, 70);
        let z = d.first_nonzero().unwrap();
        assert_eq!(&text(&d, z, d.point)[..22], b"3541774862152233910272");
    }

    #[test]
    fn rounding_half_to_even() {
        // 2.5 -> 2, 3.5 -> 4, 0.125 at 2 places -> 0.12
        let mut d = Decimal::from_binary(5, -1);
        d.round_at(d.point);
        assert_eq!(d.digit(d.point - 1), 2);
        let mut d = Decimal::from_binary(7, -1);
        d.round_at(d.point);
        assert_eq!(d.digit(d.point - 1), 4);
        let mut d = Decimal::from_binary(1, -3);
        d.round_at(d.point + 2);
        assert_eq!(&text(&d, d.point, d.point + 3)[..3], b"120");
        // 9.99 -> 10 carries into a new digit.
        let mut d = Decimal::from_binary(999, 0);
        let z = d.first_nonzero().unwrap();
        assert!(d.round_at(z + 1));
    }
}
