//! Floating-point conversions for printf: `%f %F %e %E %g %G %a %A`, printed
//! as musl prints them (exact decimal expansion, round-half-even). Decimal
//! digits come from `core::fmt`'s exact float formatting; hexadecimal ones
//! are computed here.

use core::fmt::Write;
use core::mem::MaybeUninit;

/// The largest exact fraction of a double has 1074 digits; larger
/// precisions only add zeros, which are emitted separately.
const MAX_FRAC: usize = 1100;
/// A double has at most 767 significant decimal digits.
const MAX_SIG: usize = 800;

/// A fixed buffer implementing `fmt::Write` (left uninitialized: printf
/// creates several of these per conversion, and zeroing them dominated).
pub struct Buf<const N: usize> {
    b: [MaybeUninit<u8>; N],
    pub len: usize,
}

impl<const N: usize> Buf<N> {
    pub fn new() -> Self {
        Buf { b: [MaybeUninit::uninit(); N], len: 0 }
    }
    pub fn push(&mut self, c: u8) {
        if self.len < N {
            self.b[self.len] = MaybeUninit::new(c);
            self.len += 1;
        }
    }
    /// The last byte, if any.
    pub fn last(&self) -> Option<u8> {
        self.bytes().last().copied()
    }
    pub fn bytes(&self) -> &[u8] {
        // SAFETY: the first `len` bytes were written by `push`.
        unsafe { core::slice::from_raw_parts(self.b.as_ptr() as *const u8, self.len) }
    }
}

impl<const N: usize> Write for Buf<N> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        for &c in s.as_bytes() {
            self.push(c);
        }
        Ok(())
    }
}

/// The formatted body of a float (no sign): `digits` then `zeros` zero bytes
/// then `tail` (used to splice in zeros beyond the exact expansion).
pub struct Body {
    pub digits: Buf<1500>,
    pub zeros: usize,
    pub tail: Buf<16>,
}

impl Body {
    fn new() -> Self {
        Body { digits: Buf::new(), zeros: 0, tail: Buf::new() }
    }
    /// Total length in bytes.
    pub fn len(&self) -> usize {
        self.digits.len + self.zeros + self.tail.len
    }
}

/// Formats `|x|` (finite) in `%e` style with `prec` digits after the point;
/// returns the decimal exponent. `digits` gets `d.ddd` (no exponent).
fn exp_style(x: f64, prec: usize, body: &mut Body) -> i32 {
    let p = prec.min(MAX_SIG);
    let mut tmp: Buf<1500> = Buf::new();
    let _ = write!(tmp, "{:.*e}", p, x);
    let s = tmp.bytes();
    let epos = s.iter().position(|&c| c == b'e').unwrap_or(s.len());
    let mut e: i32 = 0;
    let mut neg = false;
    for &c in &s[epos + 1..] {
        if c == b'-' {
            neg = true;
        } else {
            e = e * 10 + (c - b'0') as i32;
        }
    }
    for &c in &s[..epos] {
        body.digits.push(c);
    }
    body.zeros = prec - p;
    if neg {
        -e
    } else {
        e
    }
}

fn push_exp(tail: &mut Buf<16>, e: i32, upper: bool) {
    tail.push(if upper { b'E' } else { b'e' });
    tail.push(if e < 0 { b'-' } else { b'+' });
    let a = e.unsigned_abs();
    if a < 10 {
        tail.push(b'0');
    }
    let _ = write!(tail, "{}", a);
}

/// Powers of ten up to 10^19.
const POW10: [u64; 20] = {
    let mut t = [1u64; 20];
    let mut i = 1;
    while i < 20 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// Exact `%f` for the common case (`prec <= 17`, `|x| < 2^63`) with 128-bit
/// integer arithmetic: `x * 10^prec` is `m * 10^prec / 2^s` exactly, rounded
/// half-even. Returns false when the case is not covered.
fn fixed_fast(x: f64, prec: usize, body: &mut Body) -> bool {
    if prec > 17 || x.is_nan() || x >= 9.2e18 {
        return false;
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp == 0 { (frac, -1074) } else { (frac | (1u64 << 52), exp - 1075) };
    let scale = POW10[prec] as u128;
    let q: u128 = if e >= 0 {
        ((m as u128) << e) * scale
    } else {
        let n = m as u128 * scale;
        let sh = (-e) as u32;
        if sh >= 128 {
            0
        } else {
            let q = n >> sh;
            let r = n & ((1u128 << sh) - 1);
            let half = 1u128 << (sh - 1);
            if r > half || (r == half && q & 1 == 1) {
                q + 1
            } else {
                q
            }
        }
    };
    let (ip, fp) = if q >> 64 == 0 {
        let q = q as u64;
        (q / POW10[prec], q % POW10[prec])
    } else {
        ((q / scale) as u64, (q % scale) as u64)
    };
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut v = ip;
    loop {
        k -= 1;
        digits[k] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for &c in &digits[k..] {
        body.digits.push(c);
    }
    if prec > 0 {
        body.digits.push(b'.');
        let mut tmp = [b'0'; 17];
        let mut v = fp;
        for k in (0..prec).rev() {
            tmp[k] = b'0' + (v % 10) as u8;
            v /= 10;
        }
        for &c in &tmp[..prec] {
            body.digits.push(c);
        }
    }
    true
}

/// `%g` for `1e-4 <= x < 1e17` when it turns out `%f`-style (P > X): the
/// decimal exponent X is estimated, the `%f` digits computed exactly with
/// `fixed_fast`, and X re-checked in case rounding carried into a new
/// digit. False when the case is not covered (the caller then takes the
/// general path).
fn g_fixed_fast(x: f64, p: usize, body: &mut Body) -> bool {
    if !(1e-4..1e17).contains(&x) || p > 17 {
        return false;
    }
    // 0.1, 0.01 ... as doubles are all slightly above the exact powers, so
    // these comparisons give floor(log10(x)) exactly.
    let mut xe: i64 = if x >= 1.0 {
        (x as u64).ilog10() as i64
    } else if x >= 0.1 {
        -1
    } else if x >= 0.01 {
        -2
    } else if x >= 0.001 {
        -3
    } else {
        -4
    };
    for _ in 0..2 {
        if xe >= p as i64 {
            return false;
        }
        let prec = (p as i64 - 1 - xe) as usize;
        let mut tmp = Body::new();
        if !fixed_fast(x, prec, &mut tmp) {
            return false;
        }
        let d = tmp.digits.bytes();
        let got = if d[0] != b'0' {
            d.iter().position(|&c| c == b'.').unwrap_or(d.len()) as i64 - 1
        } else {
            match d.iter().skip(2).position(|&c| c != b'0') {
                Some(k) => -(k as i64) - 1,
                None => return false,
            }
        };
        if got == xe {
            *body = tmp;
            return true;
        }
        xe = got;
    }
    false
}

/// Formats `|x|` (finite) in `%f` style with `prec` digits after the point.
fn fixed_style(x: f64, prec: usize, body: &mut Body) {
    if fixed_fast(x, prec, body) {
        return;
    }
    let p = prec.min(MAX_FRAC);
    let _ = write!(body.digits, "{:.*}", p, x);
    body.zeros = prec - p;
}

/// Rewrites `d.ddd` (plus `zeros` more zeros) with decimal exponent `e`
/// (`-4 <= e < digit count`) as a fixed-point number with the same digits.
fn sci_to_fixed(sci: &Body, e: i32, out: &mut Body) {
    let all = sci.digits.bytes().iter().copied().filter(|c| *c != b'.');
    let n = sci.digits.bytes().iter().filter(|c| **c != b'.').count() + sci.zeros;
    let mut it = all.chain(core::iter::repeat(b'0')).take(n);
    if e < 0 {
        out.digits.push(b'0');
        out.digits.push(b'.');
        for _ in 0..(-e - 1) {
            out.digits.push(b'0');
        }
        for c in it {
            out.digits.push(c);
        }
    } else {
        for _ in 0..=e {
            out.digits.push(it.next().unwrap_or(b'0'));
        }
        let mut first = true;
        for c in it {
            if first {
                out.digits.push(b'.');
                first = false;
            }
            out.digits.push(c);
        }
    }
}

/// Removes trailing fractional zeros (and a bare point) for `%g`.
fn strip_zeros(body: &mut Body) {
    body.zeros = 0;
    let d = &mut body.digits;
    if !d.bytes().contains(&b'.') {
        return;
    }
    while d.last() == Some(b'0') {
        d.len -= 1;
    }
    if d.last() == Some(b'.') {
        d.len -= 1;
    }
}

/// Formats the finite value `|x|` for conversion `conv` (`e f g a`, either
/// case) with precision `prec` (`None` = default) and the `#` flag.
pub fn format_finite(x: f64, conv: u8, prec: Option<usize>, alt: bool) -> Body {
    let mut body = Body::new();
    let upper = conv.is_ascii_uppercase();
    let x = x.abs();
    match conv | 32 {
        b'f' => {
            let p = prec.unwrap_or(6);
            fixed_style(x, p, &mut body);
            if p == 0 && alt {
                body.digits.push(b'.');
            }
        }
        b'e' => {
            let p = prec.unwrap_or(6);
            let e = exp_style(x, p, &mut body);
            if p == 0 && alt {
                body.digits.push(b'.');
            }
            push_exp(&mut body.tail, e, upper);
        }
        b'g' => {
            let p = match prec {
                None => 6,
                Some(0) => 1,
                Some(p) => p,
            };
            if g_fixed_fast(x, p, &mut body) {
                if alt {
                    if !body.digits.bytes().contains(&b'.') {
                        body.digits.push(b'.');
                    }
                } else {
                    strip_zeros(&mut body);
                }
                return body;
            }
            // One exact conversion to P significant digits gives both the
            // exponent X and the digits; `%f` style (when P > X >= -4) is
            // the same digits with the point moved.
            let mut sci = Body::new();
            let e = exp_style(x, p - 1, &mut sci);
            if (p as i64) > e as i64 && e >= -4 {
                sci_to_fixed(&sci, e, &mut body);
                if alt {
                    if !body.digits.bytes().contains(&b'.') {
                        body.digits.push(b'.');
                    }
                } else {
                    strip_zeros(&mut body);
                }
            } else {
                body = sci;
                if alt {
                    if !body.digits.bytes().contains(&b'.') {
                        body.digits.push(b'.');
                    }
                } else {
                    strip_zeros(&mut body);
                }
                push_exp(&mut body.tail, e, upper);
            }
        }
        _ => hex_style(x, prec, alt, upper, &mut body),
    }
    body
}

/// `%a`: `0x1.hhhp+e`, normalized (subnormals too), round-half-even.
fn hex_style(x: f64, prec: Option<usize>, alt: bool, upper: bool, body: &mut Body) {
    let digits: &[u8; 16] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    let bits = x.to_bits();
    let (mut lead, mut frac, e) = if x == 0.0 {
        (0u64, 0u64, 0i32)
    } else {
        let exp = ((bits >> 52) & 0x7ff) as i32;
        let f = bits & ((1u64 << 52) - 1);
        if exp == 0 {
            // Subnormal: shift the leading one up to bit 52.
            let sh = f.leading_zeros() - 11;
            let m = f << sh;
            (1, m & ((1u64 << 52) - 1), -1022 - sh as i32)
        } else {
            (1, f, exp - 1023)
        }
    };
    // 13 hex digits of fraction.
    let mut ndig = 13usize;
    if let Some(p) = prec {
        if p < 13 {
            let drop = 4 * (13 - p) as u32;
            let rem = frac & ((1u64 << drop) - 1);
            let half = 1u64 << (drop - 1);
            frac >>= drop;
            if rem > half || (rem == half && (frac & 1 == 1 || (p == 0 && lead & 1 == 1))) {
                frac += 1;
                if frac >> (4 * p) != 0 {
                    frac = 0;
                    lead += 1;
                }
            }
            ndig = p;
        }
    } else {
        while ndig > 0 && frac & 0xf == 0 {
            frac >>= 4;
            ndig -= 1;
        }
    }
    // A carry out of the fraction leaves the digit 2 ("0x2p+0"), as musl.
    body.digits.push(b'0');
    body.digits.push(if upper { b'X' } else { b'x' });
    body.digits.push(digits[lead as usize]);
    if ndig > 0 || alt || prec.is_some_and(|p| p > 0) {
        body.digits.push(b'.');
    }
    for i in (0..ndig).rev() {
        body.digits.push(digits[((frac >> (4 * i)) & 0xf) as usize]);
    }
    if let Some(p) = prec {
        if p > 13 {
            body.zeros = p - 13;
        }
    }
    body.tail.push(if upper { b'P' } else { b'p' });
    body.tail.push(if e < 0 { b'-' } else { b'+' });
    let _ = write!(body.tail, "{}", e.unsigned_abs());
}
