//! Correctly rounded conversion of decimal and hexadecimal numerals to
//! binary128 (`strtold`, `%Lf` in scanf).
//!
//! Decimal: the significant digits `D` and exponent `E` give the exact
//! ratio `D·5^E / 1` or `D / 5^-E` (times `2^E`); one long division yields
//! 117 quotient bits and a remainder, which decide the rounding exactly.
//! Up to [`MAX_DIGITS`] significant digits are used; any nonzero digit past
//! them is kept as a sticky digit `1` appended to `D`, which rounds
//! correctly unless the input lies within `10^-800` (relative) of a point
//! exactly halfway between two binary128 values.

use super::big::Big;

/// Significant decimal digits converted exactly.
pub const MAX_DIGITS: usize = 800;

/// Largest binary exponent of a finite binary128 value.
const EMAX: i64 = 16383;
/// Exponent of the smallest normal value.
const EMIN: i64 = -16382;

/// A conversion result: the unsigned bits, and whether `ERANGE` applies
/// (overflow to infinity, or an inexact result below the normal range).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Converted {
    pub bits: u128,
    pub erange: bool,
}

const INF: u128 = 0x7fff_u128 << 112;

/// Rounds `q · 2^exp` (plus a nonzero tail if `sticky`), `q > 0`, to the
/// nearest binary128, ties to even.
pub fn round_to_bits(q: u128, exp: i64, sticky: bool) -> Converted {
    let top = 127 - q.leading_zeros() as i64;
    let mut e = exp + top;
    if e > EMAX {
        return Converted { bits: INF, erange: true };
    }
    let shift = top - 112 + if e < EMIN { EMIN - e } else { 0 };
    let (mut kept, inexact, rounded_up) = if shift <= 0 {
        (q << (-shift) as u32, sticky, false)
    } else if shift > 127 {
        (0, true, false)
    } else {
        let s = shift as u32;
        let rem = q & ((1u128 << s) - 1);
        let half = 1u128 << (s - 1);
        let k = q >> s;
        let up = rem > half || (rem == half && (sticky || k & 1 == 1));
        (k + up as u128, rem != 0 || sticky, up)
    };
    if e < EMIN {
        // Subnormal (a carry into bit 112 encodes the smallest normal).
        // musl reports ERANGE for an inexact subnormal, except when rounding
        // up made a power of two (its "denormal" flag is then cleared).
        let carried_to_pow2 = rounded_up && kept.is_power_of_two();
        return Converted { bits: kept, erange: kept == 0 || (inexact && !carried_to_pow2) };
    }
    if kept >> 113 != 0 {
        kept >>= 1;
        e += 1;
        if e > EMAX {
            return Converted { bits: INF, erange: true };
        }
    }
    Converted { bits: ((e + EMAX) as u128) << 112 | (kept & ((1u128 << 112) - 1)), erange: false }
}

/// Parses an exponent `[+-]digits` (saturating); `None` without digits.
fn exponent(b: &[u8]) -> Option<i64> {
    let (neg, digits) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    if !digits.first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let mut e: i64 = 0;
    for &c in digits.iter().take_while(|c| c.is_ascii_digit()) {
        e = (e * 10 + (c - b'0') as i64).min(1 << 40);
    }
    Some(if neg { -e } else { e })
}

/// The significant digits of `digits[.digits]` in base `radix`: leading
/// zeros are skipped, the first `capacity` significant digits go to `keep`
/// in order, and any nonzero digit after them only makes the result
/// sticky. Returns where the digits end, the power of the radix to scale
/// the kept digits by, and the sticky flag.
fn significant_digits(text: &[u8], radix: u32, capacity: usize, mut keep: impl FnMut(u32)) -> (usize, i64, bool) {
    let (mut kept, mut scale, mut sticky, mut seen_point) = (0usize, 0i64, false, false);
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        if c == b'.' && !seen_point {
            seen_point = true;
        } else if let Some(v) = (c as char).to_digit(radix) {
            if kept < capacity {
                // A leading zero only moves the point.
                if kept > 0 || v != 0 {
                    keep(v);
                    kept += 1;
                }
                if seen_point {
                    scale -= 1;
                }
            } else {
                sticky |= v != 0;
                if !seen_point {
                    scale += 1;
                }
            }
        } else {
            break;
        }
        i += 1;
    }
    (i, scale, sticky)
}

/// Converts a decimal numeral `digits[.digits][e[+-]digits]` (no sign).
pub fn decimal(text: &[u8]) -> Converted {
    let mut d = Big::zero();
    let mut chunk: u32 = 0;
    let mut chunk_len = 0u32;
    let mut kept = 0usize;
    let (i, mut exp10, sticky) = significant_digits(text, 10, MAX_DIGITS, |v| {
        chunk = chunk * 10 + v;
        chunk_len += 1;
        kept += 1;
        if chunk_len == 9 {
            d.mul_add_small(1_000_000_000, chunk);
            chunk = 0;
            chunk_len = 0;
        }
    });
    if chunk_len > 0 {
        d.mul_add_small(10u32.pow(chunk_len), chunk);
    }
    if i < text.len() && text[i] | 32 == b'e' {
        if let Some(e) = exponent(&text[i + 1..]) {
            exp10 = exp10.saturating_add(e);
        }
    }
    if d.is_zero() {
        return Converted { bits: 0, erange: false };
    }
    if sticky {
        d.mul_add_small(10, 1);
        kept += 1;
        exp10 -= 1;
    }
    // Magnitude in decimal digits: 10^(kept + exp10 - 1) <= value.
    let magnitude = kept as i64 + exp10;
    if magnitude > 4934 {
        return Converted { bits: INF, erange: true };
    }
    if magnitude < -4966 {
        return Converted { bits: 0, erange: true };
    }
    let mut den = Big::from_u128(1);
    if exp10 >= 0 {
        d.mul_pow5(exp10 as u32);
    } else {
        den.mul_pow5((-exp10) as u32);
    }
    // Scale so that the quotient has 116 or 117 bits.
    let s = 116 - (d.bit_len() as i64 - den.bit_len() as i64);
    if s >= 0 {
        d.shl(s as usize);
    } else {
        den.shl((-s) as usize);
    }
    den.shl(116);
    let mut q: u128 = 0;
    for _ in 0..=116 {
        q <<= 1;
        if d.cmp(&den) != core::cmp::Ordering::Less {
            d.sub(&den);
            q |= 1;
        }
        den.shr1();
    }
    round_to_bits(q, exp10 - s, !d.is_zero())
}

/// Converts a hexadecimal numeral's digits `h[.h][p[+-]digits]` (after the
/// `0x`, no sign).
pub fn hexadecimal(text: &[u8]) -> Converted {
    let mut mant: u128 = 0;
    let (i, scale, sticky) = significant_digits(text, 16, 30, |v| mant = mant << 4 | v as u128);
    let mut exp2 = 4 * scale;
    if i < text.len() && text[i] | 32 == b'p' {
        if let Some(e) = exponent(&text[i + 1..]) {
            exp2 = exp2.saturating_add(e);
        }
    }
    if mant == 0 {
        return Converted { bits: 0, erange: false };
    }
    round_to_bits(mant, exp2, sticky)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: u128 = 0x3fff_u128 << 112;

    #[test]
    fn decimal_values() {
        assert_eq!(decimal(b"1").bits, ONE);
        assert_eq!(decimal(b"1.5").bits, ONE | 1u128 << 111);
        assert_eq!(decimal(b"0.5e1").bits, 0x4001_u128 << 112 | 1u128 << 110);
        // 0.1 = 0x3ffb999999999999999999999999999a (rounded up)
        assert_eq!(decimal(b"0.1").bits, 0x3ffb_9999_9999_9999_9999_9999_9999_999a);
        assert_eq!(decimal(b"1e5000").bits, INF);
        assert!(decimal(b"1e-5000").erange);
    }

    #[test]
    fn hex_values() {
        assert_eq!(hexadecimal(b"1p0").bits, ONE);
        assert_eq!(hexadecimal(b"1.8").bits, ONE | 1u128 << 111);
    }
}
