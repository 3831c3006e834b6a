//! `<complex.h>` transcendental functions for `double complex` and
//! `float complex`, from the real functions in `math`, using musl's
//! formulas (which reduce csin/ccos/ctan/casin... to a few kernels).
//!
//! cexp/csinh/ccosh/ctanh (and through them csin/ccos/ctan) follow musl's
//! finite-argument paths exactly, including the `__ldexp_cexp` scaling for
//! large real parts, and the float variants of everything but csqrtf/cpowf
//! are computed in float as musl does: all of those match wasi-libc bit for
//! bit. clog, casin, cacos, catan, casinh, cacosh, catanh and cpow (double)
//! still differ in the last bit for some inputs because they use the
//! double `log`, which is not yet musl's algorithm (see math/mod.rs).
//! musl's special-casing of infinities and NaNs (from FreeBSD) is only
//! partly reproduced, so such inputs may give different (still IEEE-valued)
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

/// `cexp`: e^x (cos y + i sin y), musl's (FreeBSD's) special cases, with
/// `__ldexp_cexp` scaling where exp(x) alone would overflow.
#[no_mangle]
pub extern "C" fn cexp(z: C64) -> C64 {
    const EXP_OVFL: u32 = 0x40862e42; // high word of 709.78 (MAX_EXP ln 2)
    const CEXP_OVFL: u32 = 0x4096b8e4; // (MAX_EXP - MIN_DENORM_EXP) ln 2
    let (x, y) = (z.re, z.im);
    let (xb, yb) = (x.to_bits(), y.to_bits());
    if yb << 1 == 0 {
        return c(crate::math::exp(x), y);
    }
    let hx = (xb >> 32) as u32;
    let lx = xb as u32;
    if xb << 1 == 0 {
        return c(libm::cos(y), libm::sin(y));
    }
    if (yb >> 32) as u32 & 0x7fff_ffff >= 0x7ff0_0000 {
        if lx != 0 || hx & 0x7fff_ffff != 0x7ff0_0000 {
            return c(y - y, y - y);
        } else if hx & 0x8000_0000 != 0 {
            return c(0.0, 0.0);
        }
        return c(x, y - y);
    }
    if (EXP_OVFL..=CEXP_OVFL).contains(&hx) {
        return crate::math::kernels::__ldexp_cexp(z, 0);
    }
    let e = crate::math::exp(x);
    c(e * libm::cos(y), e * libm::sin(y))
}

/// `cexpf`: the float version of [`cexp`], computed in float as musl does.
#[no_mangle]
pub extern "C" fn cexpf(z: C32) -> C32 {
    const EXP_OVFL: u32 = 0x42b17218; // MAX_EXP ln 2 ~= 88.72
    const CEXP_OVFL: u32 = 0x43400074; // (MAX_EXP - MIN_DENORM_EXP) ln 2
    let (x, y) = (z.re, z.im);
    let cf = |re: f32, im: f32| Complex { re, im };
    let hy = y.to_bits() & 0x7fff_ffff;
    if hy == 0 {
        return cf(crate::math::expf(x), y);
    }
    let hx = x.to_bits();
    if hx & 0x7fff_ffff == 0 {
        return cf(libm::cosf(y), libm::sinf(y));
    }
    if hy >= 0x7f80_0000 {
        if hx & 0x7fff_ffff != 0x7f80_0000 {
            return cf(y - y, y - y);
        } else if hx & 0x8000_0000 != 0 {
            return cf(0.0, 0.0);
        }
        return cf(x, y - y);
    }
    if (EXP_OVFL..=CEXP_OVFL).contains(&hx) {
        return crate::math::kernels::__ldexp_cexpf(z, 0);
    }
    let e = crate::math::expf(x);
    cf(e * libm::cosf(y), e * libm::sinf(y))
}

/// `clog`: log|z| + i arg z.
#[no_mangle]
pub extern "C" fn clog(z: C64) -> C64 {
    c(libm::log(libm::hypot(z.re, z.im)), libm::atan2(z.im, z.re))
}

/// `clogf`: log|z| + i arg z in float, as musl does.
#[no_mangle]
pub extern "C" fn clogf(z: C32) -> C32 {
    let r = libm::hypotf(z.re, z.im);
    let phi = libm::atan2f(z.im, z.re);
    Complex { re: crate::math::logf(r), im: phi }
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
    if let Some(r) = hyperbolic_finite(x, y, false) {
        return r;
    }
    if y == 0.0 {
        return c(libm::sinh(x), y);
    }
    let (s, co) = libm::sincos(y);
    c(libm::sinh(x) * co, crate::math::cosh(x) * s)
}

/// The finite-argument cases of musl's csinh (`cosh_form` false) and
/// ccosh (true), including the scaled paths for |x| >= 22; `None` for
/// infinite or NaN parts (handled by the callers' simpler formulas).
fn hyperbolic_finite(x: f64, y: f64, cosh_form: bool) -> Option<C64> {
    let ix = (x.to_bits() >> 32) as u32 & 0x7fff_ffff;
    let iy = (y.to_bits() >> 32) as u32 & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 || iy >= 0x7ff0_0000 {
        return None;
    }
    let (ch, sh) = (crate::math::cosh, libm::sinh);
    if y.to_bits() << 1 == 0 {
        return Some(if cosh_form { c(ch(x), x * y) } else { c(sh(x), y) });
    }
    if ix < 0x4036_0000 {
        // |x| < 22
        return Some(if cosh_form {
            c(ch(x) * libm::cos(y), sh(x) * libm::sin(y))
        } else {
            c(sh(x) * libm::cos(y), ch(x) * libm::sin(y))
        });
    }
    if ix < 0x4086_2e42 {
        // |x| < 710: exp(|x|) does not overflow
        let h = crate::math::exp(x.abs()) * 0.5;
        let sh = libm::copysign(h, x);
        return Some(if cosh_form {
            c(h * libm::cos(y), sh * libm::sin(y))
        } else {
            c(sh * libm::cos(y), h * libm::sin(y))
        });
    }
    if ix < 0x4096_bbaa {
        // |x| < 1455: scale to avoid overflow
        let r = crate::math::kernels::__ldexp_cexp(c(x.abs(), y), -1);
        let s = libm::copysign(1.0, x);
        return Some(if cosh_form { c(r.re, r.im * s) } else { c(r.re * s, r.im) });
    }
    // |x| >= 1455: always overflows
    let h = f64::from_bits(0x7fe0_0000_0000_0000) * x; // huge * x
    Some(if cosh_form {
        c(h * h * libm::cos(y), h * libm::sin(y))
    } else {
        c(h * libm::cos(y), h * h * libm::sin(y))
    })
}

/// `ccosh`.
#[no_mangle]
pub extern "C" fn ccosh(z: C64) -> C64 {
    let (x, y) = (z.re, z.im);
    if let Some(r) = hyperbolic_finite(x, y, true) {
        return r;
    }
    if y == 0.0 {
        return c(crate::math::cosh(x), x * y);
    }
    let (s, co) = libm::sincos(y);
    c(crate::math::cosh(x) * co, libm::sinh(x) * s)
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
        let e = crate::math::exp(-x.abs());
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
    csqrtf => csqrt;
}

/// The finite-argument cases of musl's csinhf (`cosh_form` false) and
/// ccoshf (true), computed in float; `None` for infinite or NaN parts.
fn hyperbolic_finite_f(x: f32, y: f32, cosh_form: bool) -> Option<C32> {
    let cf = |re: f32, im: f32| Complex { re, im };
    let ix = x.to_bits() & 0x7fff_ffff;
    let iy = y.to_bits() & 0x7fff_ffff;
    if ix >= 0x7f80_0000 || iy >= 0x7f80_0000 {
        return None;
    }
    let (ch, sh) = (crate::math::coshf, libm::sinhf);
    if iy == 0 {
        return Some(if cosh_form { cf(ch(x), x * y) } else { cf(sh(x), y) });
    }
    if ix < 0x4110_0000 {
        // |x| < 9
        return Some(if cosh_form {
            cf(ch(x) * libm::cosf(y), sh(x) * libm::sinf(y))
        } else {
            cf(sh(x) * libm::cosf(y), ch(x) * libm::sinf(y))
        });
    }
    if ix < 0x42b1_7218 {
        // |x| < 88.7: expf(|x|) does not overflow
        let h = crate::math::expf(x.abs()) * 0.5;
        let sh = libm::copysignf(h, x);
        return Some(if cosh_form {
            cf(h * libm::cosf(y), sh * libm::sinf(y))
        } else {
            cf(sh * libm::cosf(y), h * libm::sinf(y))
        });
    }
    if ix < 0x4340_b1e7 {
        // |x| < 192.7: scale to avoid overflow
        let r = crate::math::kernels::__ldexp_cexpf(cf(x.abs(), y), -1);
        let s = libm::copysignf(1.0, x);
        return Some(if cosh_form { cf(r.re, r.im * s) } else { cf(r.re * s, r.im) });
    }
    let h = f32::from_bits(0x7f00_0000) * x; // huge * x
    Some(if cosh_form {
        cf(h * h * libm::cosf(y), h * libm::sinf(y))
    } else {
        cf(h * libm::cosf(y), h * h * libm::sinf(y))
    })
}

/// `csinhf` (in float as musl; non-finite parts through [`csinh`]).
#[no_mangle]
pub extern "C" fn csinhf(z: C32) -> C32 {
    hyperbolic_finite_f(z.re, z.im, false).unwrap_or_else(|| narrow(csinh(widen(z))))
}

/// `ccoshf` (in float as musl; non-finite parts through [`ccosh`]).
#[no_mangle]
pub extern "C" fn ccoshf(z: C32) -> C32 {
    hyperbolic_finite_f(z.re, z.im, true).unwrap_or_else(|| narrow(ccosh(widen(z))))
}

/// `ctanhf`: Kahan's formula in float, musl's special cases.
#[no_mangle]
pub extern "C" fn ctanhf(z: C32) -> C32 {
    let cf = |re: f32, im: f32| Complex { re, im };
    let (x, y) = (z.re, z.im);
    let hx = x.to_bits();
    let ix = hx & 0x7fff_ffff;
    if ix >= 0x7f80_0000 {
        if ix & 0x7f_ffff != 0 {
            return cf(x, if y == 0.0 { y } else { x * y });
        }
        let one = f32::from_bits(hx - 0x4000_0000); // ±1
        let sgn = if y.is_infinite() { y } else { libm::sinf(y) * libm::cosf(y) };
        return cf(one, libm::copysignf(0.0, sgn));
    }
    if !y.is_finite() {
        return cf(if ix != 0 { y - y } else { x }, y - y);
    }
    if ix >= 0x4130_0000 {
        // |x| >= 11
        let e = crate::math::expf(-x.abs());
        return cf(libm::copysignf(1.0, x), 4.0 * libm::sinf(y) * libm::cosf(y) * e * e);
    }
    let t = libm::tanf(y);
    let beta = (1.0f64 + f64::from(t * t)) as f32; // 1.0 is a double in the C
    let s = libm::sinhf(x);
    let rho = libm::sqrtf(1.0 + s * s);
    let denom = 1.0 + beta * s * s;
    cf((beta * rho * s) / denom, t / denom)
}

/// `csinf`: -i csinhf(i z).
#[no_mangle]
pub extern "C" fn csinf(z: C32) -> C32 {
    let r = csinhf(Complex { re: -z.im, im: z.re });
    Complex { re: r.im, im: -r.re }
}

/// `ccosf`: ccoshf(i z).
#[no_mangle]
pub extern "C" fn ccosf(z: C32) -> C32 {
    ccoshf(Complex { re: -z.im, im: z.re })
}

/// `ctanf`: -i ctanhf(i z).
#[no_mangle]
pub extern "C" fn ctanf(z: C32) -> C32 {
    let r = ctanhf(Complex { re: -z.im, im: z.re });
    Complex { re: r.im, im: -r.re }
}

/// `casinf`: -i clog(i z + sqrt(1 - z^2)), in float as musl (the real part
/// of 1 - z^2 and -2xy are formed in double, as the C's `1.0`/`-2.0` do).
#[no_mangle]
pub extern "C" fn casinf(z: C32) -> C32 {
    let (x, y) = (z.re, z.im);
    let w = Complex {
        re: (1.0f64 - f64::from((x - y) * (x + y))) as f32,
        im: (-2.0f64 * f64::from(x) * f64::from(y)) as f32,
    };
    let sq = csqrtf(w);
    let r = clogf(Complex { re: -y + sq.re, im: x + sq.im });
    Complex { re: r.im, im: -r.re }
}

/// `cacosf`: pi/2 - casinf(z).
#[no_mangle]
pub extern "C" fn cacosf(z: C32) -> C32 {
    let w = casinf(z);
    Complex { re: core::f32::consts::FRAC_PI_2 - w.re, im: -w.im }
}

/// `casinhf`: -i casinf(i z).
#[no_mangle]
pub extern "C" fn casinhf(z: C32) -> C32 {
    let r = casinf(Complex { re: -z.im, im: z.re });
    Complex { re: r.im, im: -r.re }
}

/// `cacoshf`: ±i cacosf(z), choosing the branch by the sign of Im z.
#[no_mangle]
pub extern "C" fn cacoshf(z: C32) -> C32 {
    let negative = z.im.is_sign_negative();
    let w = cacosf(z);
    if negative {
        Complex { re: w.im, im: -w.re }
    } else {
        Complex { re: -w.im, im: w.re }
    }
}

/// `catanf`: musl's direct formula in float.
#[no_mangle]
pub extern "C" fn catanf(z: C32) -> C32 {
    let (x, y) = (z.re, z.im);
    let x2 = x * x;
    let a = 1.0 - x2 - (y * y);
    let re = 0.5 * libm::atan2f(2.0 * x, a);
    let t = y - 1.0;
    let a = x2 + (t * t);
    let t = y + 1.0;
    let a = (x2 + (t * t)) / a;
    Complex { re, im: 0.25 * crate::math::logf(a) }
}

/// `catanhf`: -i catanf(i z).
#[no_mangle]
pub extern "C" fn catanhf(z: C32) -> C32 {
    let r = catanf(Complex { re: -z.im, im: z.re });
    Complex { re: r.im, im: -r.re }
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
