//! Floating-point conversions for printf: `%f %F %e %E %g %G %a %A`, printed
//! as musl prints them.
//!
//! Decimal styles use musl's method, re-derived here with integers only: the
//! exact value is expanded into base-10^9 limbs ([`Decimal`]), the limbs are
//! rounded half-even at the requested digit (musl probes the current
//! rounding mode, which on wasm is always to-nearest-even), and the digits
//! are then read off the limbs. The same limb steps as musl (including its
//! cut-off of limbs far past the requested precision) are taken so that the
//! output is byte-identical even in corner cases. No `core::fmt` is used:
//! its float formatting alone was about 25 KB of code in every program
//! that calls printf.

use core::mem::MaybeUninit;

/// A fixed buffer (left uninitialized: only the first `len` bytes are
/// ever read). Also a `fmt::Write` for other modules' use.
pub struct Buf<const N: usize> {
    b: [MaybeUninit<u8>; N],
    pub len: usize,
}

impl<const N: usize> Buf<N> {
    pub fn new() -> Self {
        Buf { b: [MaybeUninit::uninit(); N], len: 0 }
    }
    /// Appends a byte (dropped when full).
    pub fn push(&mut self, c: u8) {
        if self.len < N {
            self.b[self.len] = MaybeUninit::new(c);
            self.len += 1;
        }
    }
    pub fn bytes(&self) -> &[u8] {
        // SAFETY: the first `len` bytes were written by `push`.
        unsafe { core::slice::from_raw_parts(self.b.as_ptr() as *const u8, self.len) }
    }
}

impl<const N: usize> Default for Buf<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> core::fmt::Write for Buf<N> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        for &c in s.as_bytes() {
            self.push(c);
        }
        Ok(())
    }
}

/// Limbs in a [`Decimal`]; a power of two so that indices can be masked
/// (no bounds-check panics). A double needs at most 35 integer limbs below
/// [`UNITS`] and 128 fraction limbs above it.
const LIMBS: usize = 256;
/// Index of the limb holding the integer part's lowest nine digits.
const UNITS: isize = 40;
const BILLION: u32 = 1_000_000_000;
/// musl sizes its cut-off with `LDBL_MANT_DIG / 3`; wasi-libc's default
/// printf core is built with `long double` taken as `double` (53 bits).
const MANT_DIG_THIRD: i64 = 53 / 3;

/// The exact decimal value of a finite non-negative double: limbs
/// `d[a..z]` in base 10^9, most significant first, `d[UNITS]` the units.
struct Decimal {
    d: [u32; LIMBS],
    a: isize,
    z: isize,
    /// Decimal exponent of the first significant digit.
    e: i64,
}

impl Decimal {
    #[inline(always)]
    fn at(&self, i: isize) -> u32 {
        self.d[(i as usize) & (LIMBS - 1)]
    }
    #[inline(always)]
    fn set(&mut self, i: isize, v: u32) {
        self.d[(i as usize) & (LIMBS - 1)] = v;
    }

    /// Expands `x`; `p` is the precision and `fixed` whether it counts
    /// digits after the point (`%f`) rather than from the first digit,
    /// which only decides musl's cut-off of far limbs.
    fn new(x: f64, p: i64, fixed: bool) -> Self {
        let mut s = Decimal { d: [0; LIMBS], a: UNITS, z: UNITS, e: 0 };
        let bits = x.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let frac = bits & ((1u64 << 52) - 1);
        let (m, mut e2) = if x == 0.0 {
            (0u64, 0i64)
        } else if exp == 0 {
            let sh = frac.leading_zeros() as i64 - 11;
            (frac << sh, -1022 - sh - 28)
        } else {
            (frac | (1u64 << 52), exp - 1023 - 28)
        };
        // x = (m / 2^24) * 2^e2: one integer limb (< 2^29), then the
        // 24-bit fraction in base 10^9 (at most three limbs).
        s.set(s.z, (m >> 24) as u32);
        s.z += 1;
        let mut f = m & 0xff_ffff;
        while f != 0 {
            let t = f * BILLION as u64;
            s.set(s.z, (t >> 24) as u32);
            s.z += 1;
            f = t & 0xff_ffff;
        }
        while e2 > 0 {
            let sh = e2.min(29);
            let mut carry = 0u32;
            let mut i = s.z - 1;
            while i >= s.a {
                let v = ((s.at(i) as u64) << sh) + carry as u64;
                s.set(i, (v % BILLION as u64) as u32);
                carry = (v / BILLION as u64) as u32;
                i -= 1;
            }
            if carry != 0 {
                s.a -= 1;
                s.set(s.a, carry);
            }
            while s.z > s.a && s.at(s.z - 1) == 0 {
                s.z -= 1;
            }
            e2 -= sh;
        }
        let need = 1 + (p + MANT_DIG_THIRD + 8) / 9;
        while e2 < 0 {
            let sh = (-e2).min(9) as u32;
            let mask = (1u32 << sh) - 1;
            let mut carry = 0u32;
            for i in s.a..s.z {
                let v = s.at(i);
                s.set(i, (v >> sh) + carry);
                carry = (BILLION >> sh) * (v & mask);
            }
            if s.at(s.a) == 0 {
                s.a += 1;
            }
            if carry != 0 {
                s.set(s.z, carry);
                s.z += 1;
            }
            let b = if fixed { UNITS } else { s.a };
            if (s.z - b) as i64 > need {
                s.z = b + need as isize;
            }
            e2 += sh as i64;
        }
        s.e = if s.a < s.z { s.lead_exp() } else { 0 };
        s
    }

    /// Decimal exponent of the first digit of `d[a]`.
    fn lead_exp(&self) -> i64 {
        let mut e = 9 * (UNITS - self.a) as i64;
        let mut i = 10u64;
        while self.at(self.a) as u64 >= i {
            i *= 10;
            e += 1;
        }
        e
    }

    /// Rounds half-even so that `j` digits remain after the point (`j` may
    /// be negative), then drops trailing zero limbs.
    fn round(&mut self, j: i64) {
        if j < 9 * (self.z - UNITS - 1) as i64 {
            let mut d = UNITS + 1 + j.div_euclid(9) as isize;
            let i = 10u32.pow(9 - j.rem_euclid(9) as u32);
            let v = self.at(d);
            let x = v % i;
            if x != 0 || d + 1 != self.z {
                let odd = (v / i) & 1 == 1 || (i == BILLION && d > self.a && self.at(d - 1) & 1 == 1);
                let up = if x < i / 2 {
                    false
                } else if x == i / 2 && d + 1 == self.z {
                    odd
                } else {
                    true
                };
                self.set(d, v - x);
                if up {
                    self.set(d, v - x + i);
                    while self.at(d) > BILLION - 1 {
                        self.set(d, 0);
                        d -= 1;
                        if d < self.a {
                            self.a -= 1;
                            self.set(self.a, 0);
                        }
                        self.set(d, self.at(d) + 1);
                    }
                    self.e = self.lead_exp();
                }
            }
            if self.z > d + 1 {
                self.z = d + 1;
            }
        }
        while self.z > self.a && self.at(self.z - 1) == 0 {
            self.z -= 1;
        }
    }
}

/// Writes the decimal digits of `v` ending at `buf[9]`; returns the index
/// of the first one (9 when `v` is 0).
#[inline(always)]
fn limb_digits(mut v: u32, buf: &mut [u8; 9]) -> usize {
    let mut s = 9;
    while v != 0 && s > 0 {
        s -= 1;
        buf[s] = b'0' + (v % 10) as u8;
        v /= 10;
    }
    s
}

/// Collects output in a small buffer and hands it on in chunks.
struct Staging<'a> {
    buf: [u8; 64],
    len: usize,
    out: &'a mut dyn FnMut(&[u8]),
}

impl Staging<'_> {
    fn put(&mut self, b: &[u8]) {
        if self.len + b.len() > self.buf.len() {
            self.flush();
            if b.len() > self.buf.len() {
                (self.out)(b);
                return;
            }
        }
        self.buf[self.len..self.len + b.len()].copy_from_slice(b);
        self.len += b.len();
    }
    fn zeros(&mut self, mut n: usize) {
        const Z: [u8; 32] = [b'0'; 32];
        while n > 0 {
            let k = n.min(Z.len());
            self.put(&Z[..k]);
            n -= k;
        }
    }
    fn flush(&mut self) {
        if self.len > 0 {
            (self.out)(&self.buf[..self.len]);
            self.len = 0;
        }
    }
}

/// A prepared conversion of a finite value: its length is known before any
/// of it is written (for padding).
pub struct FloatText {
    kind: Kind,
}

enum Kind {
    /// `%f`-style (`fixed`) or `%e`-style with `p` digits after the point.
    Dec { dec: Decimal, fixed: bool, p: i64, alt: bool, exp: Buf<8> },
    /// `%a`: `0x` + `digits`, `zeros` zeros, then `exp`.
    Hex { upper: bool, digits: Buf<20>, zeros: usize, exp: Buf<8> },
}

/// `e+05`-style exponent: sign and at least `min_digits` digits.
fn exponent(letter: u8, e: i64, min_digits: usize) -> Buf<8> {
    let mut out = Buf::new();
    out.push(letter);
    out.push(if e < 0 { b'-' } else { b'+' });
    let mut buf = [b'0'; 9];
    let s = limb_digits(e.unsigned_abs() as u32, &mut buf).min(9 - min_digits);
    for &c in &buf[s..] {
        out.push(c);
    }
    out
}

impl FloatText {
    /// Prepares `|x|` (finite) for conversion `conv` (`e f g a`, either
    /// case) with precision `prec` (`None` = default) and the `#` flag.
    pub fn new(x: f64, conv: u8, prec: Option<usize>, alt: bool) -> Self {
        let x = x.abs();
        let upper = conv.is_ascii_uppercase();
        let lower = conv | 32;
        if lower == b'a' {
            return hex(x, prec, alt, upper);
        }
        let mut p = prec.map_or(6, |p| p.min(i32::MAX as usize) as i64);
        let mut fixed = lower == b'f';
        let mut dec = Decimal::new(x, p, fixed);
        // Digits kept after the point (for %e/%g counted from the first).
        let j = p - if fixed { 0 } else { dec.e } - (lower == b'g' && p != 0) as i64;
        dec.round(j);
        let e = dec.e;
        if lower == b'g' {
            if p == 0 {
                p = 1;
            }
            if p > e && e >= -4 {
                fixed = true;
                p -= e + 1;
            } else {
                p -= 1;
            }
            if !alt {
                // Drop trailing zeros: count them in the last limb.
                let tz = if dec.z > dec.a && dec.at(dec.z - 1) != 0 {
                    let last = dec.at(dec.z - 1);
                    let mut k = 0;
                    let mut i = 10;
                    while last % i == 0 {
                        i *= 10;
                        k += 1;
                    }
                    k
                } else {
                    9
                };
                let frac = 9 * (dec.z - UNITS - 1) as i64 - tz;
                p = p.min((if fixed { frac } else { frac + e }).max(0));
            }
        }
        let letter = if upper { b'E' } else { b'e' };
        let exp = if fixed { Buf::new() } else { exponent(letter, e, 2) };
        FloatText { kind: Kind::Dec { dec, fixed, p, alt, exp } }
    }

    /// `0x`/`0X` for `%a` (written before zero padding), else empty.
    pub fn hex_prefix(&self) -> &'static [u8] {
        match self.kind {
            Kind::Hex { upper: false, .. } => b"0x",
            Kind::Hex { upper: true, .. } => b"0X",
            Kind::Dec { .. } => b"",
        }
    }

    /// Length of what [`FloatText::write`] writes.
    pub fn len(&self) -> usize {
        match &self.kind {
            Kind::Dec { dec, fixed, p, alt, exp } => {
                let mut l = 1 + *p as usize + (*p > 0 || *alt) as usize;
                if *fixed {
                    if dec.e > 0 {
                        l += dec.e as usize;
                    }
                } else {
                    l += exp.len;
                }
                l
            }
            Kind::Hex { digits, zeros, exp, .. } => digits.len + zeros + exp.len,
        }
    }

    /// Writes the digits (without sign or `0x`), in chunks, to `out`.
    pub fn write(&self, out: &mut dyn FnMut(&[u8])) {
        let mut st = Staging { buf: [0; 64], len: 0, out };
        match &self.kind {
            Kind::Dec { dec, fixed: true, p, alt, .. } => write_fixed(dec, *p, *alt, &mut st),
            Kind::Dec { dec, fixed: false, p, alt, exp } => {
                write_exp(dec, *p, *alt, &mut st);
                st.put(exp.bytes());
            }
            Kind::Hex { digits, zeros, exp, .. } => {
                st.put(digits.bytes());
                st.zeros(*zeros);
                st.put(exp.bytes());
            }
        }
        st.flush();
    }
}

/// `%f` digits: the integer limbs, the point, `p` fraction digits.
fn write_fixed(dec: &Decimal, p: i64, alt: bool, st: &mut Staging) {
    let mut buf = [b'0'; 9];
    let mut d = dec.a.min(UNITS);
    while d <= UNITS {
        let s = limb_digits(dec.at(d), &mut buf);
        if d != dec.a.min(UNITS) {
            buf[..s].fill(b'0');
            st.put(&buf);
        } else if s == 9 {
            st.put(b"0");
        } else {
            st.put(&buf[s..]);
        }
        d += 1;
    }
    if p > 0 || alt {
        st.put(b".");
    }
    let mut p = p;
    while d < dec.z && p > 0 {
        let s = limb_digits(dec.at(d), &mut buf);
        buf[..s].fill(b'0');
        st.put(&buf[..p.min(9) as usize]);
        d += 1;
        p -= 9;
    }
    if p > 0 {
        st.zeros(p as usize);
    }
}

/// `%e` digits: `d.ddd` with `p` digits after the point (no exponent).
fn write_exp(dec: &Decimal, p: i64, alt: bool, st: &mut Staging) {
    let mut buf = [b'0'; 9];
    let z = dec.z.max(dec.a + 1);
    let mut p = p;
    let mut d = dec.a;
    while d < z && p >= 0 {
        let mut s = limb_digits(dec.at(d), &mut buf);
        if s == 9 {
            s = 8;
            buf[8] = b'0';
        }
        if d != dec.a {
            buf[..s].fill(b'0');
            s = 0;
        } else {
            st.put(&buf[s..s + 1]);
            s += 1;
            if p > 0 || alt {
                st.put(b".");
            }
        }
        let n = 9 - s;
        st.put(&buf[s..s + n.min(p as usize)]);
        p -= n as i64;
        d += 1;
    }
    if p > 0 {
        st.zeros(p as usize);
    }
}

/// `%a`: `0x1.hhhp+e`, normalized (subnormals too), round-half-even.
fn hex(x: f64, prec: Option<usize>, alt: bool, upper: bool) -> FloatText {
    let digits: &[u8; 16] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    let bits = x.to_bits();
    let (mut lead, mut frac, e) = if x == 0.0 {
        (0u64, 0u64, 0i64)
    } else {
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let f = bits & ((1u64 << 52) - 1);
        if exp == 0 {
            // Subnormal: shift the leading one up to bit 52.
            let sh = f.leading_zeros() - 11;
            let m = f << sh;
            (1, m & ((1u64 << 52) - 1), -1022 - sh as i64)
        } else {
            (1, f, exp - 1023)
        }
    };
    // 13 hex digits of fraction. wasi-libc's printf core (built for
    // `double`) rounds only when p < 12 (LDBL_MANT_DIG / 4 - 1 with 53
    // bits); otherwise it prints every significant digit, then pads with
    // zeros up to p.
    let mut ndig = 13usize;
    let mut zeros = 0;
    match prec {
        Some(p) if p < 12 => {
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
        _ => {
            while ndig > 0 && frac & 0xf == 0 {
                frac >>= 4;
                ndig -= 1;
            }
            zeros = prec.map_or(0, |p| p.saturating_sub(ndig));
        }
    }
    // A carry out of the fraction leaves the digit 2 ("0x2p+0"), as musl.
    let mut body: Buf<20> = Buf::new();
    body.push(digits[(lead & 0xf) as usize]);
    if ndig > 0 || alt || prec.is_some_and(|p| p > 0) {
        body.push(b'.');
    }
    for i in (0..ndig).rev() {
        body.push(digits[((frac >> (4 * i)) & 0xf) as usize]);
    }
    let exp = exponent(if upper { b'P' } else { b'p' }, e, 1);
    FloatText { kind: Kind::Hex { upper, digits: body, zeros, exp } }
}
