//! Binary128 (`long double`) arithmetic for the kernels, through the
//! soft-float routines every wasm32 program links (`__addtf3`, `__multf3`,
//! ... from compiler-rt / Rust's compiler_builtins): the same calls clang
//! emits for C `long double` expressions, so results are bit-identical.
//!
//! Stable Rust has no `f128`; [`Ld`] wraps the bit pattern and gives it the
//! arithmetic operators, so kernel code reads like the C it mirrors.

#![allow(improper_ctypes)]

use core::ops::{Add, Div, Mul, Neg, Sub};

extern "C" {
    fn __addtf3(a: u128, b: u128) -> u128;
    fn __subtf3(a: u128, b: u128) -> u128;
    fn __multf3(a: u128, b: u128) -> u128;
    fn __divtf3(a: u128, b: u128) -> u128;
    fn __extenddftf2(a: f64) -> u128;
    fn __trunctfdf2(a: u128) -> f64;
    fn __trunctfsf2(a: u128) -> f32;
    fn __fixtfsi(a: u128) -> i32;
    fn __fixtfdi(a: u128) -> i64;
}

const SIGN: u128 = 1 << 127;

/// A binary128 value held as its bit pattern.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Ld(pub u128);

impl Ld {
    /// A normal (or zero) double constant widened at compile time; the same
    /// value [`Ld::from_f64`] gives.
    pub const fn c(x: f64) -> Ld {
        let b = x.to_bits();
        let sign = ((b >> 63) as u128) << 127;
        let exp = (b >> 52) & 0x7ff;
        if exp == 0 {
            return Ld(sign); // only zero is used as a constant
        }
        let mant = (b & ((1u64 << 52) - 1)) as u128;
        Ld(sign | (((exp as u128) + 16383 - 1023) << 112) | (mant << 60))
    }

    /// The value `x` (exact: every double is a binary128).
    pub fn from_f64(x: f64) -> Ld {
        // SAFETY: pure soft-float routine.
        Ld(unsafe { __extenddftf2(x) })
    }

    /// Rounds to the nearest double (C's `(double)x`).
    pub fn to_f64(self) -> f64 {
        // SAFETY: pure soft-float routine.
        unsafe { __trunctfdf2(self.0) }
    }

    /// Rounds to the nearest float (C's `(float)x`).
    pub fn to_f32(self) -> f32 {
        // SAFETY: pure soft-float routine.
        unsafe { __trunctfsf2(self.0) }
    }

    /// C's `(int32_t)x`: truncates toward zero.
    pub fn to_i32(self) -> i32 {
        // SAFETY: pure soft-float routine.
        unsafe { __fixtfsi(self.0) }
    }

    /// C's `(int64_t)x`: truncates toward zero.
    pub fn to_i64(self) -> i64 {
        // SAFETY: pure soft-float routine.
        unsafe { __fixtfdi(self.0) }
    }

    /// The biased exponent (`u.i.se & 0x7fff`).
    pub fn biased_exp(self) -> i32 {
        ((self.0 >> 112) & 0x7fff) as i32
    }

    /// The sign bit.
    pub fn sign(self) -> bool {
        self.0 & SIGN != 0
    }

    /// `fabsl`.
    pub fn abs(self) -> Ld {
        Ld(self.0 & !SIGN)
    }

    /// True for a NaN.
    pub fn is_nan(self) -> bool {
        self.biased_exp() == 0x7fff && self.0 & ((1u128 << 112) - 1) != 0
    }

    /// IEEE `<` (false when either side is NaN).
    pub fn lt(self, other: Ld) -> bool {
        if self.is_nan() || other.is_nan() {
            return false;
        }
        order_key(self.0) < order_key(other.0)
    }

    /// IEEE `>=` (false when either side is NaN).
    pub fn ge(self, other: Ld) -> bool {
        !self.is_nan() && !other.is_nan() && order_key(self.0) >= order_key(other.0)
    }

    /// IEEE `==` (+0 == -0, NaN != NaN).
    pub fn eq_num(self, other: Ld) -> bool {
        if self.is_nan() || other.is_nan() {
            return false;
        }
        order_key(self.0) == order_key(other.0)
    }
}

/// Maps a non-NaN bit pattern to an integer with the same order as the value
/// (both zeros map to 0).
fn order_key(v: u128) -> i128 {
    let mag = (v & !SIGN) as i128;
    if v & SIGN != 0 {
        -mag
    } else {
        mag
    }
}

impl Add for Ld {
    type Output = Ld;
    fn add(self, o: Ld) -> Ld {
        // SAFETY: pure soft-float routine.
        Ld(unsafe { __addtf3(self.0, o.0) })
    }
}

impl Sub for Ld {
    type Output = Ld;
    fn sub(self, o: Ld) -> Ld {
        // SAFETY: pure soft-float routine.
        Ld(unsafe { __subtf3(self.0, o.0) })
    }
}

impl Mul for Ld {
    type Output = Ld;
    fn mul(self, o: Ld) -> Ld {
        // SAFETY: pure soft-float routine.
        Ld(unsafe { __multf3(self.0, o.0) })
    }
}

impl Div for Ld {
    type Output = Ld;
    fn div(self, o: Ld) -> Ld {
        // SAFETY: pure soft-float routine.
        Ld(unsafe { __divtf3(self.0, o.0) })
    }
}

impl Neg for Ld {
    type Output = Ld;
    /// C's unary minus: flips the sign bit (also of NaN).
    fn neg(self) -> Ld {
        Ld(self.0 ^ SIGN)
    }
}
