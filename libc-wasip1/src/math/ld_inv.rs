//! Binary128 `asinl`, `acosl`, `atanl`, `atan2l`, `hypotl`, `cbrtl`:
//! musl's ld128 code over exact binary128 arithmetic ([`Ld`]), the
//! `__invtrigl_R` rational and the correctly rounded `sqrtl`, so results
//! equal wasi-libc's bit for bit.

use super::consts::*;
use super::ld128::{__invtrigl_R, __pio2_hi, __pio2_lo};
use super::ld_arith::sqrtl;
use super::soft128::Ld;

const ONE: Ld = Ld::c(1.0);
const TWO: Ld = Ld::c(2.0);
const HALF: Ld = Ld::c(0.5);
/// The float constant 0x1p-120f that musl adds to raise "inexact".
const TINY: Ld = Ld::c(f64::from_bits(0x3870000000000000));

fn pio2_hi() -> Ld {
    Ld(__pio2_hi)
}

fn pio2_lo() -> Ld {
    Ld(__pio2_lo)
}

fn r(z: Ld) -> Ld {
    Ld(__invtrigl_R(z.0))
}

fn sqrt(z: Ld) -> Ld {
    Ld(sqrtl(z.0))
}

/// Clears the low 64 significand bits (musl's CLEARBOTTOM).
fn clear_bottom(v: Ld) -> Ld {
    Ld(v.0 & !(u128::from(u64::MAX)))
}

/// 0 / (x - x): the NaN for out-of-domain arguments.
fn domain_nan(x: Ld) -> Ld {
    Ld(0) / (x - x)
}

/// `asinl`.
#[no_mangle]
pub extern "C" fn asinl(x: u128) -> u128 {
    let xv = Ld(x);
    let e = xv.biased_exp();
    let negative = xv.sign();
    if e >= 0x3fff {
        // |x| >= 1 or NaN
        if xv.eq_num(ONE) || xv.eq_num(-ONE) {
            return (xv * pio2_hi() + TINY).0;
        }
        return domain_nan(xv).0;
    }
    if e < 0x3fff - 1 {
        // |x| < 0.5
        if e < 0x3fff - (113 + 1) / 2 {
            return x;
        }
        return (xv + xv * r(xv * xv)).0;
    }
    // 0.5 <= |x| < 1
    let z = (ONE - xv.abs()) * HALF;
    let s = sqrt(z);
    let rv = r(z);
    let top = ((x >> 96) & 0xffff) as u32;
    let y = if top >= 0xee00 {
        pio2_hi() - (TWO * (s + s * rv) - pio2_lo())
    } else {
        let f = clear_bottom(s);
        let c = (z - f * f) / (s + f);
        HALF * pio2_hi() - (TWO * s * rv - (pio2_lo() - TWO * c) - (HALF * pio2_hi() - TWO * f))
    };
    if negative {
        (-y).0
    } else {
        y.0
    }
}

/// `acosl`.
#[no_mangle]
pub extern "C" fn acosl(x: u128) -> u128 {
    let xv = Ld(x);
    let e = xv.biased_exp();
    if e >= 0x3fff {
        if xv.eq_num(ONE) {
            return 0;
        }
        if xv.eq_num(-ONE) {
            return (TWO * pio2_hi() + TINY).0;
        }
        return domain_nan(xv).0;
    }
    if e < 0x3fff - 1 {
        // |x| < 0.5
        if e < 0x3fff - 113 - 1 {
            return (pio2_hi() + TINY).0;
        }
        return (pio2_hi() - (r(xv * xv) * xv - pio2_lo() + xv)).0;
    }
    if xv.sign() {
        // x < -0.5
        let z = (ONE + xv) * HALF;
        let s = sqrt(z);
        return (TWO * (pio2_hi() - (r(z) * s - pio2_lo() + s))).0;
    }
    // x > 0.5
    let z = (ONE - xv) * HALF;
    let s = sqrt(z);
    let f = clear_bottom(s);
    let c = (z - f * f) / (s + f);
    (TWO * (r(z) * s + c + f)).0
}

/// c[0] + x*(c[1] + x*(...)), innermost first as in the C.
fn horner(x: Ld, c: &[u128]) -> Ld {
    let mut acc = Ld(c[c.len() - 1]);
    for &ci in c.iter().rev().skip(1) {
        acc = Ld(ci) + x * acc;
    }
    acc
}

const AT_EVEN: [u128; 12] = [
    ATANL_T0, ATANL_T2, ATANL_T4, ATANL_T6, ATANL_T8, ATANL_T10, ATANL_T12, ATANL_T14, ATANL_T16, ATANL_T18, ATANL_T20,
    ATANL_T22,
];
const AT_ODD: [u128; 12] = [
    ATANL_T1, ATANL_T3, ATANL_T5, ATANL_T7, ATANL_T9, ATANL_T11, ATANL_T13, ATANL_T15, ATANL_T17, ATANL_T19, ATANL_T21,
    ATANL_T23,
];
const ATANHI: [u128; 4] = [ATANL_HI0, ATANL_HI1, ATANL_HI2, ATANL_HI3];
const ATANLO: [u128; 4] = [ATANL_LO0, ATANL_LO1, ATANL_LO2, ATANL_LO3];

/// `atanl`.
#[no_mangle]
pub extern "C" fn atanl(x: u128) -> u128 {
    let mut xv = Ld(x);
    let e = xv.biased_exp() as u32;
    let negative = xv.sign();
    if e > 0x3fff + 113 {
        // |x| huge: ±pi/2
        if xv.is_nan() {
            return x;
        }
        return if negative { (-Ld(ATANHI[3])).0 } else { ATANHI[3] };
    }
    let expman = (e << 8) | (((x >> 96) & 0xffff) as u32 >> 8);
    let id: i32;
    if expman < ((0x3fff - 2) << 8) + 0xc0 {
        // |x| < 0.4375
        if e < 0x3fff - 57 {
            // |x| < 2^-57 ((LDBL_MANT_DIG + 1) / 2 = 57): atan(x) = x
            return x;
        }
        id = -1;
    } else {
        xv = xv.abs();
        if expman < (0x3fff << 8) + 0x30 {
            // |x| < 1.1875
            if expman < ((0x3fff - 1) << 8) + 0x60 {
                id = 0;
                xv = (TWO * xv - ONE) / (TWO + xv);
            } else {
                id = 1;
                xv = (xv - ONE) / (xv + ONE);
            }
        } else if expman < ((0x3fff + 1) << 8) + 0x38 {
            // |x| < 2.4375
            id = 2;
            let c15 = Ld::c(1.5);
            xv = (xv - c15) / (ONE + c15 * xv);
        } else {
            id = 3;
            xv = -ONE / xv;
        }
    }
    let z = xv * xv;
    let w = z * z;
    let s1 = z * horner(w, &AT_EVEN);
    let s2 = w * horner(w, &AT_ODD);
    if id < 0 {
        return (xv - xv * (s1 + s2)).0;
    }
    let i = id as usize;
    let z = Ld(ATANHI[i]) - ((xv * (s1 + s2) - Ld(ATANLO[i])) - xv);
    if negative {
        (-z).0
    } else {
        z.0
    }
}

/// `atan2l`.
#[no_mangle]
pub extern "C" fn atan2l(y: u128, x: u128) -> u128 {
    let (yv, xv) = (Ld(y), Ld(x));
    if xv.is_nan() || yv.is_nan() {
        return (xv + yv).0;
    }
    if xv.eq_num(ONE) {
        return atanl(y);
    }
    let ex = xv.biased_exp();
    let ey = yv.biased_exp();
    let m = (2 * i32::from(xv.sign())) | i32::from(yv.sign());
    let ph = pio2_hi();
    if y << 1 == 0 {
        return match m {
            0 | 1 => y,
            2 => (TWO * ph).0,
            _ => (-TWO * ph).0,
        };
    }
    if x << 1 == 0 {
        return if m & 1 != 0 { (-ph).0 } else { ph.0 };
    }
    if ex == 0x7fff {
        if ey == 0x7fff {
            return match m {
                0 => (ph / TWO).0,
                1 => (-ph / TWO).0,
                2 => (Ld::c(1.5) * ph).0,
                _ => (Ld::c(-1.5) * ph).0,
            };
        }
        return match m {
            0 => 0,
            1 => 1u128 << 127,
            2 => (TWO * ph).0,
            _ => (-TWO * ph).0,
        };
    }
    if ex + 120 < ey || ey == 0x7fff {
        return if m & 1 != 0 { (-ph).0 } else { ph.0 };
    }
    let z = if m & 2 != 0 && ey + 120 < ex { Ld(0) } else { Ld(atanl((yv / xv).abs().0)) };
    let pl2 = TWO * pio2_lo();
    match m {
        0 => z.0,
        1 => (-z).0,
        2 => (TWO * ph - (z - pl2)).0,
        _ => ((z - pl2) - TWO * ph).0,
    }
}

/// x^2 as hi + lo exactly (Dekker splitting with 2^57 + 1).
fn sq(x: Ld) -> (Ld, Ld) {
    let split = Ld::c(144115188075855873.0); // 0x1p57 + 1
    let xc = x * split;
    let xh = x - xc + xc;
    let xl = x - xh;
    let hi = x * x;
    let lo = xh * xh - hi + TWO * xh * xl + xl * xl;
    (hi, lo)
}

/// `hypotl`.
#[no_mangle]
pub extern "C" fn hypotl(x: u128, y: u128) -> u128 {
    let (ax, ay) = (Ld(x).abs(), Ld(y).abs());
    let (mut xv, mut yv, ex, ey) = if ax.biased_exp() < ay.biased_exp() {
        (ay, ax, ay.biased_exp(), ax.biased_exp())
    } else {
        (ax, ay, ax.biased_exp(), ay.biased_exp())
    };
    if ex == 0x7fff && yv.0 == 0x7fffu128 << 112 {
        return yv.0; // y infinite
    }
    if ex == 0x7fff || yv.0 == 0 {
        return xv.0;
    }
    if ex - ey > 113 {
        return (xv + yv).0;
    }
    let mut z = ONE;
    let big = Ld((0x3fffu128 + 10000) << 112); // 0x1p10000
    let small = Ld((0x3fffu128 - 10000) << 112); // 0x1p-10000
    if ex > 0x3fff + 8000 {
        z = big;
        xv = xv * small;
        yv = yv * small;
    } else if ey < 0x3fff - 8000 {
        z = small;
        xv = xv * big;
        yv = yv * big;
    }
    let (hx, lx) = sq(xv);
    let (hy, ly) = sq(yv);
    (z * sqrt(ly + lx + hy + hx)).0
}

/// `cbrtl`: a float estimate refined in double, then one binary128
/// Newton step, as musl does.
#[no_mangle]
pub extern "C" fn cbrtl(x: u128) -> u128 {
    const B1: u32 = 709958130; // (127-127.0/3-0.03306235651)*2**23
    let mut xv = Ld(x);
    let mut e = xv.biased_exp();
    let sign = x & (1u128 << 127);
    if e == 0x7fff {
        return (xv + xv).0;
    }
    if e == 0 {
        xv = xv * Ld((0x3fffu128 + 120) << 112); // 0x1p120
        e = xv.biased_exp();
        if e == 0 {
            return x; // ±0
        }
        e -= 120;
    }
    e -= 0x3fff;
    // |x| scaled to [1, 2) (sign dropped), then to [1, 8) with e % 3 == 0
    xv = Ld((xv.0 & ((1u128 << 112) - 1)) | (0x3fffu128 << 112));
    match e % 3 {
        1 | -2 => {
            xv = xv * TWO;
            e -= 1;
        }
        2 | -1 => {
            xv = xv * Ld::c(4.0);
            e -= 2;
        }
        _ => {}
    }
    let v = Ld(sign | (((0x3fff + e / 3) as u128) << 112));
    // ~5-bit estimate in float, ~16 then ~47 bits in double
    let ft = f32::from_bits((xv.to_f32().to_bits() & 0x7fff_ffff) / 3 + B1);
    let dx = xv.to_f64();
    let mut dt = f64::from(ft);
    let mut dr = dt * dt * dt;
    dt = dt * (dx + dx + dr) / (dx + dr + dr);
    dr = dt * dt * dt;
    dt = dt * (dx + dx + dr) / (dx + dr + dr);
    // round dt away from zero to 47 bits
    let p60 = Ld::c(1152921504606846976.0); // 0x1p60
    let mut t = Ld::from_f64(dt + f64::from_bits(0x3d20000000000000)) + p60 - p60; // dt + 0x2.0p-46
    // final Newton step
    let s = t * t;
    let mut r = xv / s;
    let w = t + t;
    r = (r - t) / (w + r);
    t = t + t * r;
    (t * v).0
}

/// `log1pl`'s value as musl's ld128 computes it (through double).
fn log1pl_via_double(v: Ld) -> Ld {
    Ld::from_f64(libm::log1p(v.to_f64()))
}

/// `atanhl`: musl's ld128 code, 0.5 log1pl(2x/(1-x)) in binary128 around a
/// double `log1p`. (musl compares the exponent with the double bias 0x3ff,
/// so only |x| < 2^-15361 takes the small-argument paths; reproduced.)
#[no_mangle]
pub extern "C" fn atanhl(x: u128) -> u128 {
    let xv = Ld(x);
    let e = xv.biased_exp();
    let negative = xv.sign();
    let mut a = xv.abs();
    if e < 0x3ff - 1 {
        if e >= 0x3ff - 113 / 2 {
            a = HALF * log1pl_via_double(TWO * a + TWO * a * a / (ONE - a));
        }
    } else {
        a = HALF * log1pl_via_double(TWO * (a / (ONE - a)));
    }
    if negative {
        (-a).0
    } else {
        a.0
    }
}
