//! `<complex.h>` transcendental functions for `double complex` and
//! `float complex`, from the real functions in `math.rs`, using musl's
//! formulas (which reduce csin/ccos/ctan/casin... to a few kernels).
//!
//! The finite, non-overflowing cases follow musl's main paths; the careful
//! special-casing of infinities, NaNs and overflow that musl inherits from
//! FreeBSD (cexp, csinh, ccosh, ctanh, csqrt, catan) is only partly
//! reproduced, so such inputs may give different (still IEEE-valued)
//! results.

// `y - y` and `(b - b) / (b - b)` build NaNs at run time, as musl does,
// so their sign is the host's.
#![allow(clippy::eq_op)]

use crate::math::Complex;
use core::f64::consts::{FRAC_PI_2, PI};

type C64 = Complex<f64>;
type C32 = Complex<f32>;

const fn c(re: f64, im: f64) -> C64 {
    Complex { re, im }
}

fn mul(a: C64, b: C64) -> C64 {
    c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
}

/// `cexp`: e^x (cos y + i sin y).
#[no_mangle]
pub extern "C" fn cexp(z: C64) -> C64 {
    let (x, y) = (z.re, z.im);
    if y == 0.0 {
        return c(libm::exp(x), y);
    }
    if x == 0.0 {
        let (s, co) = libm::sincos(y);
        return c(co, s);
    }
    if !y.is_finite() {
        if x == f64::INFINITY {
            return c(x, y - y);
        }
        if x == f64::NEG_INFINITY {
            return c(0.0, 0.0);
        }
        return c(y - y, y - y);
    }
    let e = libm::exp(x);
    let (s, co) = libm::sincos(y);
    c(e * co, e * s)
}

/// `clog`: log|z| + i arg z.
#[no_mangle]
pub extern "C" fn clog(z: C64) -> C64 {
    c(libm::log(libm::hypot(z.re, z.im)), libm::atan2(z.im, z.re))
}

/// `cpow`: exp(c log z).
#[no_mangle]
pub extern "C" fn cpow(z: C64, w: C64) -> C64 {
    cexp(mul(w, clog(z)))
}

/// `csqrt`: the principal square root (Kahan's formulation).
#[no_mangle]
pub extern "C" fn csqrt(z: C64) -> C64 {
    let (a, b) = (z.re, z.im);
    if a == 0.0 && b == 0.0 {
        return c(0.0, b);
    }
    if b.is_infinite() {
        return c(f64::INFINITY, b);
    }
    if a.is_nan() {
        return c(a, (b - b) / (b - b));
    }
    if a.is_infinite() {
        return if a.is_sign_negative() {
            c(libm::fabs(b - b), libm::copysign(a.abs(), b))
        } else {
            c(a, libm::copysign(b - b, b))
        };
    }
    let h = libm::hypot(a, b);
    if a >= 0.0 {
        let t = libm::sqrt((a + h) * 0.5);
        c(t, b / (2.0 * t))
    } else {
        let t = libm::sqrt((-a + h) * 0.5);
        c(libm::fabs(b) / (2.0 * t), libm::copysign(t, b))
    }
}

/// `csinh`.
#[no_mangle]
pub extern "C" fn csinh(z: C64) -> C64 {
    let (x, y) = (z.re, z.im);
    if y == 0.0 {
        return c(libm::sinh(x), y);
    }
    let (s, co) = libm::sincos(y);
    c(libm::sinh(x) * co, libm::cosh(x) * s)
}

/// `ccosh`.
#[no_mangle]
pub extern "C" fn ccosh(z: C64) -> C64 {
    let (x, y) = (z.re, z.im);
    if y == 0.0 {
        return c(libm::cosh(x), x * y);
    }
    let (s, co) = libm::sincos(y);
    c(libm::cosh(x) * co, libm::sinh(x) * s)
}

/// `ctanh` (Kahan's formula, as FreeBSD/musl).
#[no_mangle]
pub extern "C" fn ctanh(z: C64) -> C64 {
    let (x, y) = (z.re, z.im);
    if !x.is_finite() {
        if x.is_nan() {
            return c(x, if y == 0.0 { y } else { x });
        }
        return c(libm::copysign(1.0, x), libm::copysign(0.0, libm::sin(y) * libm::cos(y)));
    }
    if !y.is_finite() {
        return c(y - y, y - y);
    }
    if x.abs() >= 22.0 {
        let e = libm::exp(-x.abs());
        return c(libm::copysign(1.0, x), 4.0 * libm::sin(y) * libm::cos(y) * e * e);
    }
    let t = libm::tan(y);
    let beta = 1.0 + t * t;
    let s = libm::sinh(x);
    let rho = libm::sqrt(1.0 + s * s);
    let denom = 1.0 + beta * s * s;
    c((beta * rho * s) / denom, t / denom)
}

/// Multiplies by -i after applying `f` to i z: the csin/ctan pattern.
fn via_i(z: C64, f: extern "C" fn(C64) -> C64) -> C64 {
    let r = f(c(-z.im, z.re));
    c(r.im, -r.re)
}

/// `csin`: -i sinh(i z).
#[no_mangle]
pub extern "C" fn csin(z: C64) -> C64 {
    via_i(z, csinh)
}

/// `ccos`: cosh(i z).
#[no_mangle]
pub extern "C" fn ccos(z: C64) -> C64 {
    ccosh(c(-z.im, z.re))
}

/// `ctan`: -i tanh(i z).
#[no_mangle]
pub extern "C" fn ctan(z: C64) -> C64 {
    via_i(z, ctanh)
}

/// `casin`: -i log(i z + sqrt(1 - z²)).
#[no_mangle]
pub extern "C" fn casin(z: C64) -> C64 {
    let (x, y) = (z.re, z.im);
    let w = c(1.0 - (x - y) * (x + y), -2.0 * x * y);
    let s = csqrt(w);
    let r = clog(c(-y + s.re, x + s.im));
    c(r.im, -r.re)
}

/// `cacos`: π/2 - casin z.
#[no_mangle]
pub extern "C" fn cacos(z: C64) -> C64 {
    let w = casin(z);
    c(FRAC_PI_2 - w.re, -w.im)
}

/// Reduces `x` to (-π, π] around 0 for catan.
fn redupi(x: f64) -> f64 {
    // π split in three parts (Cephes' DP1..DP3 for double).
    const DP1: f64 = 3.141_592_651_605_606;
    const DP2: f64 = 1.984_187_147_918_703_4e-9;
    const DP3: f64 = 1.144_237_745_221_966_4e-17;
    let mut t = x / PI;
    t += if t >= 0.0 { 0.5 } else { -0.5 };
    let i = t as i64 as f64;
    ((x - i * DP1) - i * DP2) - i * DP3
}

/// `catan` (Cephes' formula, as musl).
#[no_mangle]
pub extern "C" fn catan(z: C64) -> C64 {
    let (x, y) = (z.re, z.im);
    let x2 = x * x;
    let a = 1.0 - x2 - y * y;
    let t = 0.5 * libm::atan2(2.0 * x, a);
    let re = redupi(t);
    let t = y - 1.0;
    let a = x2 + t * t;
    let t = y + 1.0;
    let b = (x2 + t * t) / a;
    c(re, 0.25 * libm::log(b))
}

/// `casinh`: -i casin(i z).
#[no_mangle]
pub extern "C" fn casinh(z: C64) -> C64 {
    via_i(z, casin)
}

/// `cacosh`.
#[no_mangle]
pub extern "C" fn cacosh(z: C64) -> C64 {
    let neg = z.im.is_sign_negative();
    let w = cacos(z);
    if neg {
        c(w.im, -w.re)
    } else {
        c(-w.im, w.re)
    }
}

/// `catanh`: -i catan(i z).
#[no_mangle]
pub extern "C" fn catanh(z: C64) -> C64 {
    via_i(z, catan)
}

fn widen(z: C32) -> C64 {
    c(f64::from(z.re), f64::from(z.im))
}

fn narrow(z: C64) -> C32 {
    Complex { re: z.re as f32, im: z.im as f32 }
}

macro_rules! float_variants {
    ($($f:ident => $d:ident;)*) => {
        $(
            #[doc = concat!("`", stringify!($f), "` (computed in double precision).")]
            #[no_mangle]
            pub extern "C" fn $f(z: C32) -> C32 {
                narrow($d(widen(z)))
            }
        )*
    };
}

float_variants! {
    cexpf => cexp;
    clogf => clog;
    csqrtf => csqrt;
    csinhf => csinh;
    ccoshf => ccosh;
    ctanhf => ctanh;
    csinf => csin;
    ccosf => ccos;
    ctanf => ctan;
    casinf => casin;
    cacosf => cacos;
    catanf => catan;
    casinhf => casinh;
    cacoshf => cacosh;
    catanhf => catanh;
}

/// `cpowf` (computed in double precision).
#[no_mangle]
pub extern "C" fn cpowf(z: C32, w: C32) -> C32 {
    narrow(cpow(widen(z), widen(w)))
}

/// `long double complex` as binary128 bit patterns.
type C128 = Complex<u128>;

fn widen_l(z: C128) -> C64 {
    c(crate::math_ld::to_f64(z.re), crate::math_ld::to_f64(z.im))
}

fn narrow_l(z: C64) -> C128 {
    Complex { re: crate::math_ld::from_f64(z.re), im: crate::math_ld::from_f64(z.im) }
}

macro_rules! long_double_variants {
    ($($f:ident => $d:path;)*) => {
        $(
            #[doc = concat!("`", stringify!($f), "` (computed in double precision).")]
            #[no_mangle]
            pub extern "C" fn $f(z: C128) -> C128 {
                narrow_l($d(widen_l(z)))
            }
        )*
    };
}

long_double_variants! {
    cexpl => cexp;
    clogl => clog;
    csqrtl => csqrt;
    csinhl => csinh;
    ccoshl => ccosh;
    ctanhl => ctanh;
    csinl => csin;
    ccosl => ccos;
    ctanl => ctan;
    casinl => casin;
    cacosl => cacos;
    catanl => catan;
    casinhl => casinh;
    cacoshl => cacosh;
    catanhl => catanh;
    cprojl => crate::math::cproj;
    conjl => crate::math::conj;
}

/// `cpowl` (computed in double precision).
#[no_mangle]
pub extern "C" fn cpowl(z: C128, w: C128) -> C128 {
    narrow_l(cpow(widen_l(z), widen_l(w)))
}

/// `cabsl` (computed in double precision).
#[no_mangle]
pub extern "C" fn cabsl(z: C128) -> u128 {
    crate::math_ld::from_f64(crate::math::cabs(widen_l(z)))
}

/// `cargl` (computed in double precision).
#[no_mangle]
pub extern "C" fn cargl(z: C128) -> u128 {
    crate::math_ld::from_f64(crate::math::carg(widen_l(z)))
}

/// `creall` (exact).
#[no_mangle]
pub extern "C" fn creall(z: C128) -> u128 {
    z.re
}

/// `cimagl` (exact).
#[no_mangle]
pub extern "C" fn cimagl(z: C128) -> u128 {
    z.im
}
