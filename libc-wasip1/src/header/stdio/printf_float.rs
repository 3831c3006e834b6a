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
const POW10: [u32; 10] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, BILLION];
/// musl sizes its cut-off with `LDBL_MANT_DIG / 3`; wasi-libc's default
/// printf core is built with `long double` taken as `double` (53 bits).
const MANT_DIG_THIRD: i64 = 53 / 3;

/// The exact decimal value of a finite non-negative double: limbs
/// `d[a..z]` in base 10^9, most significant first, `d[UNITS]` the units.
///
/// Only the window of limbs the expansion can reach is zeroed (see
/// [`Decimal::expand`]); every index the algorithm reads lies in it.
/// Zeroing all 1 KiB cost more than the conversion itself.
struct Decimal {
    d: [MaybeUninit<u32>; LIMBS],
    a: isize,
    z: isize,
    /// Decimal exponent of the first significant digit.
    e: i64,
}

impl Decimal {
    fn new() -> Self {
        Decimal { d: [MaybeUninit::uninit(); LIMBS], a: UNITS, z: UNITS, e: 0 }
    }
    #[inline(always)]
    fn at(&self, i: isize) -> u32 {
        // SAFETY: indices read are in the window zeroed by `expand` (or
        // were written since).
        unsafe { self.d[(i as usize) & (LIMBS - 1)].assume_init() }
    }
    #[inline(always)]
    fn set(&mut self, i: isize, v: u32) {
        self.d[(i as usize) & (LIMBS - 1)] = MaybeUninit::new(v);
    }

    /// Expands `x`; `p` is the precision and `fixed` whether it counts
    /// digits after the point (`%f`) rather than from the first digit,
    /// which only decides musl's cut-off of far limbs.
    fn expand(&mut self, x: f64, p: i64, fixed: bool) {
        let s = self;
        s.a = UNITS;
        s.z = UNITS;
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
        // The reachable window: integer limbs grow down from UNITS by one
        // per 29-bit step (35 at most), fraction limbs up from it: at most
        // 3 initial ones plus one per 9-bit step; rounding may read or
        // write one limb below `a` and one past `z`.
        let (lo, hi) = if e2 > 0 {
            (UNITS - 1 - ((e2 + 28) / 29) as isize, UNITS + 6)
        } else {
            (UNITS - 1, UNITS + 6 + ((-e2 + 8) / 9) as isize)
        };
        // (Volatile stores: a plain loop becomes a call to memset, which
        // on wasm is a `memory.fill` costing more than these few stores.)
        for i in lo..hi {
            // SAFETY: the index is masked into the array.
            unsafe { core::ptr::write_volatile(s.d.as_mut_ptr().add((i as usize) & (LIMBS - 1)), MaybeUninit::new(0)) };
        }
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
            let i = POW10[9 - j.rem_euclid(9) as usize];
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

/// "00" to "99".
pub(crate) const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// Writes the nine digits of `v < 10^9`, zero-padded, to `p[..9]`.
#[inline(always)]
unsafe fn nine_digits(mut v: u32, p: *mut u8) {
    let mut k = 9;
    while k > 1 {
        let r = (v % 100) as usize * 2;
        v /= 100;
        k -= 2;
        *p.add(k) = PAIRS[r];
        *p.add(k + 1) = PAIRS[r + 1];
    }
    *p = b'0' + v as u8;
}

/// Number of decimal digits of `v` (1 for 0).
#[inline(always)]
fn digit_count(v: u32) -> usize {
    let mut n = 1;
    let mut t = 10;
    while n < 9 && v >= t {
        n += 1;
        t *= 10;
    }
    n
}

/// Where printf output goes (implemented by the printf engine's output).
pub trait Emit {
    /// Appends bytes.
    fn put(&mut self, b: &[u8]);
    /// Appends `n` copies of `c`.
    fn fill(&mut self, c: u8, n: usize);
    /// Appends bytes that musl writes as separate pieces, starting at
    /// offset 0 and at each of `starts` (see `Sink::put_pieces`).
    fn put_pieces(&mut self, b: &[u8], starts: &[u8]) {
        let _ = starts;
        self.put(b)
    }
}

/// Builds output in a small local buffer (digits are written in place) and
/// hands it to the [`Emit`] in chunks.
struct Chunk<'a, E: Emit> {
    buf: [MaybeUninit<u8>; CHUNK],
    len: usize,
    out: &'a mut E,
    /// Where each of musl's `out()` pieces starts in `buf` (so a stream
    /// writes its buffer out at the same byte as musl's).
    starts: [u8; MAX_PIECES],
    pieces: usize,
}

const CHUNK: usize = 96;
const MAX_PIECES: usize = 24;

impl<E: Emit> Chunk<'_, E> {
    fn new(out: &mut E) -> Chunk<'_, E> {
        Chunk { buf: [MaybeUninit::uninit(); CHUNK], len: 0, out, starts: [0; MAX_PIECES], pieces: 0 }
    }
    /// Makes room for `n <= 16` bytes; returns where they go.
    #[inline(always)]
    fn room(&mut self, n: usize) -> *mut u8 {
        if self.len + n > CHUNK {
            self.flush();
        }
        // SAFETY: len + n <= CHUNK.
        unsafe { (self.buf.as_mut_ptr() as *mut u8).add(self.len) }
    }
    /// Room for the `n <= 16` bytes of a new piece.
    #[inline(always)]
    fn begin(&mut self, n: usize) -> *mut u8 {
        if self.pieces == MAX_PIECES {
            self.flush();
        }
        let p = self.room(n);
        self.starts[self.pieces] = self.len as u8;
        self.pieces += 1;
        p
    }
    #[inline(always)]
    fn byte(&mut self, c: u8) {
        let p = self.begin(1);
        // SAFETY: room reserved one byte.
        unsafe { *p = c };
        self.len += 1;
    }
    /// The first `keep <= 9` of the nine zero-padded digits of `v`.
    #[inline(always)]
    fn limb(&mut self, v: u32, keep: usize) {
        let p = self.begin(9);
        // SAFETY: room reserved nine bytes.
        unsafe { nine_digits(v, p) };
        self.len += keep;
    }
    /// The digits of `v` without leading zeros ("0" for 0) from the
    /// `skip`-th on, at most `max` of them; returns how many there were
    /// after `skip`.
    #[inline(always)]
    fn trimmed(&mut self, v: u32, skip: usize, max: usize) -> usize {
        let n = digit_count(v);
        let mut tmp = [0u8; 9];
        // SAFETY: tmp has nine bytes.
        unsafe { nine_digits(v, tmp.as_mut_ptr()) };
        let digits = &tmp[9 - n + skip.min(n)..];
        self.put(&digits[..digits.len().min(max)]);
        digits.len()
    }
    #[inline(always)]
    fn put(&mut self, b: &[u8]) {
        self.put_as(b, true)
    }
    /// `put`, but `new_piece: false` continues the last piece (musl writes
    /// the sign and "0x" as one prefix).
    #[inline(always)]
    fn put_as(&mut self, b: &[u8], new_piece: bool) {
        if b.is_empty() {
            return;
        }
        if b.len() > 16 {
            self.flush();
            self.out.put(b);
            return;
        }
        let p = if new_piece { self.begin(b.len()) } else { self.room(b.len()) };
        // A byte loop: these are a few bytes, and a variable-length copy
        // would be a call to memcpy.
        for (i, &c) in b.iter().enumerate() {
            // SAFETY: room reserved b.len() bytes.
            unsafe { *p.add(i) = c };
        }
        self.len += b.len();
    }
    fn zeros(&mut self, n: usize) {
        self.flush();
        self.out.fill(b'0', n);
    }
    fn flush(&mut self) {
        if self.len > 0 {
            // SAFETY: the first `len` bytes were written.
            let b = unsafe { core::slice::from_raw_parts(self.buf.as_ptr() as *const u8, self.len) };
            self.out.put_pieces(b, &self.starts[..self.pieces]);
            self.len = 0;
        }
        self.pieces = 0;
    }
}

/// A prepared conversion of a finite value: its length is known before any
/// of it is written (for padding).
enum Text<'a> {
    /// `%f`-style (`fixed`) or `%e`-style with `p` digits after the point.
    Dec { dec: &'a Decimal, fixed: bool, p: i64, alt: bool, exp: Buf<8> },
    /// `%a`: `0x` + `digits`, `zeros` zeros, then `exp`.
    Hex { upper: bool, digits: Buf<20>, zeros: usize, exp: Buf<8> },
}

/// `e+05`-style exponent: sign and at least `min_digits` digits.
#[inline(always)]
fn exponent(letter: u8, e: i64, min_digits: usize) -> Buf<8> {
    let mut out = Buf::new();
    out.push(letter);
    out.push(if e < 0 { b'-' } else { b'+' });
    let v = e.unsigned_abs().min(999_999_999) as u32;
    let mut buf = [0u8; 9];
    // SAFETY: buf has nine bytes.
    unsafe { nine_digits(v, buf.as_mut_ptr()) };
    for &c in &buf[9 - digit_count(v).max(min_digits)..] {
        out.push(c);
    }
    out
}

/// Formats the finite or infinite/NaN value `x` for conversion `conv` (`e f
/// g a`, either case) with precision `prec` (`None` = default): `sign` (""
/// "-" "+" or " ") first, then the digits, justified in `width` (`left`:
/// pad on the right; `zero`: pad with zeros after the sign and any "0x";
/// ignored with `left` and for infinities).
#[allow(clippy::too_many_arguments)]
pub fn format<E: Emit>(out: &mut E, x: f64, conv: u8, prec: Option<usize>, alt: bool, sign: &[u8], width: usize, left: bool, zero: bool) {
    let upper = conv.is_ascii_uppercase();
    if !x.is_finite() {
        let word: &[u8] = match (x.is_nan(), upper) {
            (true, false) => b"nan",
            (true, true) => b"NAN",
            (false, false) => b"inf",
            (false, true) => b"INF",
        };
        let fill = width.saturating_sub(sign.len() + 3);
        if !left {
            out.fill(b' ', fill);
        }
        out.put(sign);
        out.put(word);
        if left {
            out.fill(b' ', fill);
        }
        return;
    }
    let x = x.abs();
    let lower = conv | 32;
    let mut dec = Decimal::new();
    let text = if lower == b'a' {
        hex(x, prec, alt, upper)
    } else {
        let p = prec.map_or(6, |p| p.min(i32::MAX as usize) as i64);
        let fixed = lower == b'f';
        dec.expand(x, p, fixed);
        // Digits kept after the point (for %e/%g counted from the first).
        let j = p - if fixed { 0 } else { dec.e } - (lower == b'g' && p != 0) as i64;
        dec.round(j);
        let (fixed, p) = if lower == b'g' { g_style(&dec, p, alt) } else { (fixed, p) };
        let letter = if upper { b'E' } else { b'e' };
        let exp = if fixed { Buf::new() } else { exponent(letter, dec.e, 2) };
        Text::Dec { dec: &dec, fixed, p, alt, exp }
    };
    let hex_prefix: &[u8] = match text {
        Text::Hex { upper: false, .. } => b"0x",
        Text::Hex { upper: true, .. } => b"0X",
        Text::Dec { .. } => b"",
    };
    let fill = width.saturating_sub(sign.len() + hex_prefix.len() + text.len());
    if !left && !zero && fill > 0 {
        out.fill(b' ', fill);
    }
    let mut ch = Chunk::new(out);
    // Sign and "0x" are one piece, musl's prefix.
    if !sign.is_empty() {
        ch.byte(sign[0]);
    }
    ch.put_as(hex_prefix, sign.is_empty());
    if zero && !left && fill > 0 {
        ch.zeros(fill);
    }
    match &text {
        Text::Dec { dec, fixed: true, p, alt, .. } => write_fixed(dec, *p, *alt, &mut ch),
        Text::Dec { dec, fixed: false, p, alt, exp } => {
            write_exp(dec, *p, *alt, &mut ch);
            ch.put(exp.bytes());
        }
        Text::Hex { digits, zeros, exp, .. } => {
            ch.put(digits.bytes());
            ch.zeros(*zeros);
            ch.put(exp.bytes());
        }
    }
    ch.flush();
    if left && fill > 0 {
        out.fill(b' ', fill);
    }
}

/// `%g`: the style (`true`: fixed) and the precision in it, trailing zeros
/// dropped unless `alt`.
fn g_style(dec: &Decimal, mut p: i64, alt: bool) -> (bool, i64) {
    let e = dec.e;
    if p == 0 {
        p = 1;
    }
    let fixed = p > e && e >= -4;
    if fixed {
        p -= e + 1;
    } else {
        p -= 1;
    }
    if !alt {
        // Drop trailing zeros: count them in the last limb.
        let tz = if dec.z > dec.a && dec.at(dec.z - 1) != 0 {
            let mut last = dec.at(dec.z - 1);
            let mut k = 0;
            while last.is_multiple_of(10) {
                last /= 10;
                k += 1;
            }
            k
        } else {
            9
        };
        let frac = 9 * (dec.z - UNITS - 1) as i64 - tz;
        p = p.min((if fixed { frac } else { frac + e }).max(0));
    }
    (fixed, p)
}

impl Text<'_> {
    /// Length of the digits (without sign or `0x`).
    fn len(&self) -> usize {
        match self {
            Text::Dec { dec, fixed, p, alt, exp } => {
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
            Text::Hex { digits, zeros, exp, .. } => digits.len + zeros + exp.len,
        }
    }
}

/// `%f` digits: the integer limbs, the point, `p` fraction digits.
fn write_fixed<E: Emit>(dec: &Decimal, p: i64, alt: bool, ch: &mut Chunk<E>) {
    let start = dec.a.min(UNITS);
    ch.trimmed(dec.at(start), 0, 9);
    let mut d = start + 1;
    while d <= UNITS {
        ch.limb(dec.at(d), 9);
        d += 1;
    }
    if p > 0 || alt {
        ch.byte(b'.');
    }
    let mut p = p;
    while d < dec.z && p > 0 {
        ch.limb(dec.at(d), p.min(9) as usize);
        d += 1;
        p -= 9;
    }
    if p > 0 {
        ch.zeros(p as usize);
    }
}

/// `%e` digits: `d.ddd` with `p` digits after the point (no exponent).
fn write_exp<E: Emit>(dec: &Decimal, p: i64, alt: bool, ch: &mut Chunk<E>) {
    let z = dec.z.max(dec.a + 1);
    let first = dec.at(dec.a);
    ch.trimmed(first, 0, 1);
    if p > 0 || alt {
        ch.byte(b'.');
    }
    let mut p = p - ch.trimmed(first, 1, p as usize) as i64;
    let mut d = dec.a + 1;
    while d < z && p >= 0 {
        ch.limb(dec.at(d), p.min(9) as usize);
        p -= 9;
        d += 1;
    }
    if p > 0 {
        ch.zeros(p as usize);
    }
}

/// `%a`: `0x1.hhhp+e`, normalized (subnormals too), round-half-even.
fn hex(x: f64, prec: Option<usize>, alt: bool, upper: bool) -> Text<'static> {
    let digits: &[u8; 16] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    let bits = x.to_bits();
    let (lead, frac, e) = if x == 0.0 {
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
    let (mut lead, mut frac) = (lead as u128, frac as u128);
    let ndig = crate::header::ld128::print::hex_fraction(&mut lead, &mut frac, 13, prec);
    let zeros = prec.map_or(0, |p| p.saturating_sub(ndig));
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
    Text::Hex { upper, digits: body, zeros, exp }
}
