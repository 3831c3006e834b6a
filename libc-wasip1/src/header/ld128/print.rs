//! `printf`'s `%Lf %Le %Lg %La` (either case) for binary128, as musl prints
//! them: the exact decimal expansion rounded half to even; `%La` normalized
//! to a leading `1` with up to 28 fraction digits.
//!
//! The result is a short list of pieces (digit ranges of the expansion,
//! literal bytes, runs of zeros) so that even `%.16000Lf` needs no output
//! buffer; the caller asks for its length (for padding) and then writes it.

use super::decimal::Decimal;

/// One piece of the formatted body.
#[derive(Clone, Copy)]
enum Piece {
    /// Digits `from .. to` of the expansion.
    Digits(usize, usize),
    /// `n` bytes of `lit`, starting at `at`.
    Lit(usize, usize),
    /// `n` zeros.
    Zeros(usize),
}

/// A formatted finite binary128 magnitude (no sign).
pub struct Rendered {
    dec: Decimal,
    pieces: [Piece; 8],
    count: usize,
    /// Literal bytes the pieces point into: ".", the exponent, hex digits.
    lit: [u8; 48],
    lit_len: usize,
}

impl Rendered {
    fn push(&mut self, p: Piece) {
        if self.count < self.pieces.len() {
            self.pieces[self.count] = p;
            self.count += 1;
        }
    }

    fn push_lit(&mut self, bytes: &[u8]) {
        let at = self.lit_len;
        for &b in bytes {
            if self.lit_len < self.lit.len() {
                self.lit[self.lit_len] = b;
                self.lit_len += 1;
            }
        }
        self.push(Piece::Lit(at, self.lit_len - at));
    }

    /// Total length in bytes.
    pub fn len(&self) -> usize {
        self.pieces[..self.count]
            .iter()
            .map(|p| match *p {
                Piece::Digits(a, b) => b - a,
                Piece::Lit(_, n) | Piece::Zeros(n) => n,
            })
            .sum()
    }

    /// Writes the body through `put`, one call per piece that musl's printf
    /// writes separately (so a stream's buffer goes out at the same byte):
    /// digit runs split at the nine-digit groups of the expansion, zeros in
    /// runs of at most 256, each literal whole.
    pub fn write(&self, put: &mut dyn FnMut(&[u8])) {
        const ZEROS: [u8; 256] = [b'0'; 256];
        for p in &self.pieces[..self.count] {
            match *p {
                Piece::Lit(at, n) => put(&self.lit[at..at + n]),
                Piece::Zeros(mut n) => {
                    while n > 0 {
                        let k = n.min(ZEROS.len());
                        put(&ZEROS[..k]);
                        n -= k;
                    }
                }
                Piece::Digits(mut a, b) => {
                    let mut group = [0u8; 9];
                    while a < b {
                        let end = ((a / 9 + 1) * 9).min(b);
                        for (j, c) in group[..end - a].iter_mut().enumerate() {
                            *c = b'0' + self.dec.digit(a + j);
                        }
                        put(&group[..end - a]);
                        a = end;
                    }
                }
            }
        }
    }
}

/// Splits binary128 bits (sign ignored) into `(mantissa, exponent)` with
/// value `mantissa · 2^exponent`; the mantissa has its implicit bit.
pub fn unpack(bits: u128) -> (u128, i32) {
    let exp = ((bits >> 112) & 0x7fff) as i32;
    let frac = bits & ((1u128 << 112) - 1);
    if exp == 0 {
        (frac, -16382 - 112)
    } else {
        (frac | 1u128 << 112, exp - 16383 - 112)
    }
}

/// Formats the finite magnitude of `bits` for `conv` (`f e g a`, either
/// case), precision `prec` (`None`: the default) and the `#` flag.
pub fn render(bits: u128, conv: u8, prec: Option<usize>, alt: bool) -> Rendered {
    let (mant, exp2) = unpack(bits);
    let mut r = Rendered {
        dec: Decimal::from_binary(if conv | 32 == b'a' { 0 } else { mant }, exp2),
        pieces: [Piece::Zeros(0); 8],
        count: 0,
        lit: [0; 48],
        lit_len: 0,
    };
    let upper = conv.is_ascii_uppercase();
    match conv | 32 {
        b'f' => fixed(&mut r, prec.unwrap_or(6), alt, false),
        b'e' => {
            let p = prec.unwrap_or(6);
            let e = round_significant(&mut r.dec, p + 1);
            scientific(&mut r, p, e, alt, false, upper);
        }
        b'g' => {
            let p = match prec {
                None => 6,
                Some(0) => 1,
                Some(p) => p,
            };
            let x = round_significant(&mut r.dec, p);
            if (p as i64) > x && x >= -4 {
                fixed(&mut r, (p as i64 - 1 - x) as usize, alt, !alt);
            } else {
                scientific(&mut r, p - 1, x, alt, !alt, upper);
            }
        }
        _ => hex(&mut r, mant, exp2, prec, alt, upper),
    }
    r
}

/// Rounds to `n` significant digits; returns the decimal exponent of the
/// first digit (0 for zero).
fn round_significant(d: &mut Decimal, n: usize) -> i64 {
    let Some(z) = d.first_nonzero() else { return 0 };
    d.round_at(z + n);
    let z = d.first_nonzero().unwrap_or(z);
    d.point as i64 - 1 - z as i64
}

/// `%f` style with `p` fraction digits (trailing zeros dropped if `strip`).
fn fixed(r: &mut Rendered, p: usize, alt: bool, strip: bool) {
    let point = r.dec.point;
    r.dec.round_at(point + p);
    let lead = r.dec.first_nonzero().filter(|&z| z < point);
    match lead {
        Some(z) => r.push(Piece::Digits(z, point)),
        None => r.push_lit(b"0"),
    }
    let mut frac = p;
    if strip {
        frac = r.dec.end_nonzero().saturating_sub(point).min(p);
    }
    if frac > 0 || alt {
        r.push_lit(b".");
    }
    push_digits(r, point, point + frac);
}

/// `%e` style: digit `d.ddd` with `p` fraction digits, then `e±XX`.
fn scientific(r: &mut Rendered, p: usize, e: i64, alt: bool, strip: bool, upper: bool) {
    let z = r.dec.first_nonzero();
    match z {
        Some(z) => {
            r.push(Piece::Digits(z, z + 1));
            let mut frac = p;
            if strip {
                frac = r.dec.end_nonzero().saturating_sub(z + 1).min(p);
            }
            if frac > 0 || alt {
                r.push_lit(b".");
            }
            push_digits(r, z + 1, z + 1 + frac);
        }
        None => {
            r.push_lit(b"0");
            let frac = if strip { 0 } else { p };
            if frac > 0 || alt {
                r.push_lit(b".");
            }
            r.push(Piece::Zeros(frac));
        }
    }
    let mut exp = [0u8; 8];
    let mut n = 0;
    exp[n] = if upper { b'E' } else { b'e' };
    exp[n + 1] = if e < 0 { b'-' } else { b'+' };
    n += 2;
    n += write_decimal(&mut exp[n..], e.unsigned_abs(), 2);
    r.push_lit(&exp[..n]);
}

/// Digits `from .. to`, with the part past the stored expansion as zeros.
fn push_digits(r: &mut Rendered, from: usize, to: usize) {
    let stored = r.dec.digits().max(from);
    if to <= stored {
        r.push(Piece::Digits(from, to));
    } else {
        r.push(Piece::Digits(from, stored));
        r.push(Piece::Zeros(to - stored));
    }
}

/// Writes `v` in decimal with at least `min` digits; returns the length.
fn write_decimal(out: &mut [u8], v: u64, min: usize) -> usize {
    let mut tmp = [0u8; 20];
    let mut n = 0;
    let mut v = v;
    while v > 0 || n < min {
        tmp[n] = b'0' + (v % 10) as u8;
        v /= 10;
        n += 1;
    }
    for i in 0..n {
        out[i] = tmp[n - 1 - i];
    }
    n
}

/// The `%a` digits after the point: `frac` holds `width` hex digits below
/// the leading digit `lead`. As musl's printf core, a precision below
/// `width - 1` (its `LDBL_MANT_DIG / 4 - 1`) rounds half to even (a carry
/// may make `lead` 2); otherwise, and without a precision, trailing zero
/// digits are dropped. Returns how many digits `frac` now holds.
pub fn hex_fraction(lead: &mut u128, frac: &mut u128, width: usize, prec: Option<usize>) -> usize {
    match prec {
        Some(p) if p + 1 < width => {
            let drop = 4 * (width - p) as u32;
            let rem = *frac & ((1u128 << drop) - 1);
            let half = 1u128 << (drop - 1);
            *frac >>= drop;
            if rem > half || (rem == half && (*frac & 1 == 1 || (p == 0 && *lead & 1 == 1))) {
                *frac += 1;
                if *frac >> (4 * p) != 0 {
                    *frac = 0;
                    *lead += 1;
                }
            }
            p
        }
        _ => {
            let mut ndig = width;
            while ndig > 0 && *frac & 0xf == 0 {
                *frac >>= 4;
                ndig -= 1;
            }
            ndig
        }
    }
}

/// `%La`: `0x1.hhh…p±e`, normalized (subnormals too), 28 fraction digits at
/// most; a precision below 27 rounds half to even (musl rounds only then).
fn hex(r: &mut Rendered, mant: u128, exp2: i32, prec: Option<usize>, alt: bool, upper: bool) {
    let digits: &[u8; 16] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    let (mut lead, mut frac, e) = if mant == 0 {
        (0u128, 0u128, 0i64)
    } else {
        // Normalize the leading one to bit 112.
        let top = 127 - mant.leading_zeros() as i64;
        let m = mant << (112 - top);
        (1, m & ((1u128 << 112) - 1), exp2 as i64 + top)
    };
    let ndig = hex_fraction(&mut lead, &mut frac, 28, prec);
    // "0x" is a piece of its own: printf joins it to the sign (musl's prefix).
    r.push_lit(if upper { b"0X" } else { b"0x" });
    let mut buf = [0u8; 40];
    let mut n = 0;
    buf[n] = digits[lead as usize];
    n += 1;
    if ndig > 0 || alt || prec.is_some_and(|p| p > 0) {
        buf[n] = b'.';
        n += 1;
    }
    for i in (0..ndig).rev() {
        buf[n] = digits[((frac >> (4 * i)) & 0xf) as usize];
        n += 1;
    }
    r.push_lit(&buf[..n]);
    if let Some(p) = prec {
        if p > ndig {
            r.push(Piece::Zeros(p - ndig));
        }
    }
    let mut exp = [0u8; 8];
    exp[0] = if upper { b'P' } else { b'p' };
    exp[1] = if e < 0 { b'-' } else { b'+' };
    let k = write_decimal(&mut exp[2..], e.unsigned_abs(), 1);
    r.push_lit(&exp[..2 + k]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(bits: u128, conv: u8, prec: Option<usize>) -> ([u8; 128], usize) {
        let r = render(bits, conv, prec, false);
        let mut out = [0u8; 128];
        let mut n = 0;
        r.write(&mut |b: &[u8]| {
            out[n..n + b.len()].copy_from_slice(b);
            n += b.len();
        });
        assert_eq!(n, r.len());
        (out, n)
    }

    const ONE: u128 = 0x3fff_u128 << 112;
    const ONE_AND_HALF: u128 = ONE | 1u128 << 111;

    #[test]
    fn formats() {
        let (o, n) = show(ONE_AND_HALF, b'f', None);
        assert_eq!(&o[..n], b"1.500000");
        let (o, n) = show(ONE_AND_HALF, b'e', Some(0));
        assert_eq!(&o[..n], b"2e+00");
        let (o, n) = show(ONE_AND_HALF, b'g', None);
        assert_eq!(&o[..n], b"1.5");
        let (o, n) = show(ONE_AND_HALF, b'a', None);
        assert_eq!(&o[..n], b"0x1.8p+0");
        let (o, n) = show(0, b'g', None);
        assert_eq!(&o[..n], b"0");
        let (o, n) = show(0, b'e', Some(2));
        assert_eq!(&o[..n], b"0.00e+00");
    }
}
