//! Functions whose `libm` crate versions differ from musl's (and so from
//! wasi-libc's) in the last bit: `exp10`/`exp10f` (musl scales a power-of-ten
//! table by `exp2`), `cbrt` (musl keeps the FreeBSD algorithm; `libm` has a
//! different correctly rounded one), and `cosh`/`coshf`/`asinhf`/`acoshf`
//! (which must call musl's `exp`/`expf`/`logf`). Same operation order as
//! musl's C.

use super::{exp, exp2, exp2f, expf, pow};

/// 10^n for n in -15..=15, indexed by n + 15.
const P10: [f64; 31] = [
    1e-15, 1e-14, 1e-13, 1e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0, 1e1, 1e2, 1e3,
    1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// log2(10).
const LOG2_10: f64 = 3.32192809488736234787031942948939;

/// `exp10`: 10^x.
#[no_mangle]
pub extern "C" fn exp10(x: f64) -> f64 {
    let (y, n) = libm::modf(x);
    if ((n.to_bits() >> 52) & 0x7ff) < 0x3ff + 4 {
        // |n| < 16
        let p = P10[(n as i32 + 15) as usize];
        if y == 0.0 {
            return p;
        }
        return exp2(LOG2_10 * y) * p;
    }
    pow(10.0, x)
}

/// `exp10f`.
#[no_mangle]
pub extern "C" fn exp10f(x: f32) -> f32 {
    const P10F: [f32; 15] = [1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7];
    let (y, n) = libm::modff(x);
    if ((n.to_bits() >> 23) & 0xff) < 0x7f + 3 {
        // |n| < 8
        let p = P10F[(n as i32 + 7) as usize];
        if y == 0.0 {
            return p;
        }
        return exp2f(3.32192809488736234787031942948939f32 * y) * p;
    }
    exp2(LOG2_10 * f64::from(x)) as f32
}

/// `cbrt`: FreeBSD's algorithm (5-bit estimate, polynomial to 23 bits, one
/// Newton step), as in musl.
#[no_mangle]
pub extern "C" fn cbrt(x: f64) -> f64 {
    const B1: u32 = 715094163; // (1023-1023/3-0.03306235651)*2**20
    const B2: u32 = 696219795; // (1023-1023/3-54/3-0.03306235651)*2**20
    const P0: f64 = 1.87595182427177009643;
    const P1: f64 = -1.88497979543377169875;
    const P2: f64 = 1.621429720105354466140;
    const P3: f64 = -0.758397934778766047437;
    const P4: f64 = 0.145996192886612446982;
    let mut bits = x.to_bits();
    let mut hx = (bits >> 32) as u32 & 0x7fff_ffff;
    if hx >= 0x7ff0_0000 {
        return x + x; // NaN, inf
    }
    if hx < 0x0010_0000 {
        // zero or subnormal
        bits = (x * f64::from_bits(0x4350000000000000)).to_bits(); // 0x1p54
        hx = (bits >> 32) as u32 & 0x7fff_ffff;
        if hx == 0 {
            return x;
        }
        hx = hx / 3 + B2;
    } else {
        hx = hx / 3 + B1;
    }
    bits &= 1 << 63;
    bits |= u64::from(hx) << 32;
    let mut t = f64::from_bits(bits);
    // cbrt(x) = t cbrt(x/t^3) ~= t P(t^3/x), to 23 bits
    let r = (t * t) * (t / x);
    t *= (P0 + r * (P1 + r * P2)) + ((r * r) * r) * (P3 + r * P4);
    // round t away from zero to 23 bits
    t = f64::from_bits((t.to_bits().wrapping_add(0x8000_0000)) & 0xffff_ffff_c000_0000);
    // one Newton step to 53 bits
    let s = t * t;
    let mut r = x / s;
    let w = t + t;
    r = (r - t) / (w + r);
    t + t * r
}

/// `cosh`.
#[no_mangle]
pub extern "C" fn cosh(x: f64) -> f64 {
    let x = f64::from_bits(x.to_bits() & (u64::MAX >> 1));
    let w = (x.to_bits() >> 32) as u32;
    if w < 0x3fe62e42 {
        // |x| < log(2)
        if w < 0x3ff00000 - (26 << 20) {
            return 1.0;
        }
        let t = libm::expm1(x);
        return 1.0 + t * t / (2.0 * (1.0 + t));
    }
    if w < 0x40862e42 {
        // |x| < log(DBL_MAX)
        let t = exp(x);
        return 0.5 * (t + 1.0 / t);
    }
    super::kernels::__expo2(x)
}

/// `coshf`.
#[no_mangle]
pub extern "C" fn coshf(x: f32) -> f32 {
    let x = f32::from_bits(x.to_bits() & 0x7fff_ffff);
    let w = x.to_bits();
    if w < 0x3f317217 {
        if w < 0x3f800000 - (12 << 23) {
            return 1.0;
        }
        let t = libm::expm1f(x);
        return 1.0 + t * t / (2.0 * (1.0 + t));
    }
    if w < 0x42b17217 {
        let t = expf(x);
        return 0.5 * (t + 1.0 / t);
    }
    super::kernels::__expo2f(x)
}

/// `sqrtf` as the wasm instruction behaves: a negative argument gives the
/// engine's default NaN (computed at run time as 0/0), which `libm`'s
/// software square root does not reproduce.
fn sqrtf_insn(x: f32) -> f32 {
    if x < 0.0 {
        let z = core::hint::black_box(x - x);
        return z / z;
    }
    libm::sqrtf(x)
}

/// log1pf of a NaN returns it unchanged (as musl's does); `libm`'s may not.
fn log1pf_nan(x: f32) -> f32 {
    if x.is_nan() {
        return x;
    }
    libm::log1pf(x)
}

/// ln 2 as the float literal musl adds.
const LN2F: f32 = 0.693147180559945309417232121458176568f32;

/// `asinhf` (over musl's `logf`).
#[no_mangle]
pub extern "C" fn asinhf(x: f32) -> f32 {
    let i = x.to_bits() & 0x7fff_ffff;
    let negative = x.to_bits() >> 31 != 0;
    let mut x = f32::from_bits(i);
    if i >= 0x3f800000 + (12 << 23) {
        // |x| >= 0x1p12 or inf or nan
        x = super::logf(x) + LN2F;
    } else if i >= 0x3f800000 + (1 << 23) {
        // |x| >= 2
        x = super::logf(2.0 * x + 1.0 / (libm::sqrtf(x * x + 1.0) + x));
    } else if i >= 0x3f800000 - (12 << 23) {
        // |x| >= 0x1p-12
        x = libm::log1pf(x + x * x / (libm::sqrtf(x * x + 1.0) + 1.0));
    }
    if negative {
        -x
    } else {
        x
    }
}

/// `acoshf` (over musl's `logf`).
#[no_mangle]
pub extern "C" fn acoshf(x: f32) -> f32 {
    let u = x.to_bits();
    let a = u & 0x7fff_ffff;
    if a < 0x3f800000 + (1 << 23) {
        // |x| < 2 (invalid below 1)
        return log1pf_nan(x - 1.0 + sqrtf_insn((x - 1.0) * (x - 1.0) + 2.0 * (x - 1.0)));
    }
    if u < 0x3f800000 + (12 << 23) {
        // 2 <= x < 0x1p12
        return super::logf(2.0 * x - 1.0 / (x + sqrtf_insn(x * x - 1.0)));
    }
    super::logf(x) + LN2F
}
