//! `lgammaf_r` (also `__lgammaf_r`, `lgammaf`, `gammaf`): musl's
//! single-precision log-gamma over musl's `logf` and float trig kernels,
//! bit-identical to wasi-libc (the `libm` crate's copy uses its own `logf`
//! and differed in about 1 result in 25). Coefficients are given as their
//! float bit patterns.

use super::kernels::{__cosdf, __sindf};
use super::logf;

const fn f(bits: u32) -> f32 {
    f32::from_bits(bits)
}

const PI: f32 = f(0x40490fdb);
const A: [f32; 12] = [
    f(0x3d9e233f), f(0x3ea51a66), f(0x3d89f001), f(0x3ca89915), f(0x3bf2027e), f(0x3b3d6ec6), f(0x3a9c54a1), f(0x3a05b634),
    f(0x39679767), f(0x38e28445), f(0x37d383a2), f(0x383c2c75),
];
const TC: f32 = f(0x3fbb16c3);
const TF: f32 = f(0xbdf8cdcd);
const TT: f32 = f(0x31e61c52);
const T: [f32; 15] = [
    f(0x3ef7b95e), f(0xbe17213c), f(0x3d845a15), f(0xbd064d47), f(0x3c93373d), f(0xbc28fcfe), f(0x3bc7e707), f(0xbb7177fe),
    f(0x3b141699), f(0xbab7f476), f(0x3a66f867), f(0xba0d3085), f(0x39a57b6b), f(0xb9a3f927), f(0x39afe9f7),
];
const U: [f32; 6] = [f(0xbd9e233f), f(0x3f2200f4), f(0x3fba3ae7), f(0x3f7a4bb2), f(0x3e6a7578), f(0x3c5b3c5e)];
const V: [f32; 6] = [1.0, f(0x401d2ebe), f(0x4008392d), f(0x3f44efdf), f(0x3dd572af), f(0x3b52d5db)];
const S: [f32; 7] = [f(0xbd9e233f), f(0x3e5c245a), f(0x3ea6cc7a), f(0x3e15dce6), f(0x3cda40e4), f(0x3af135b4), f(0x3805ff67)];
const R: [f32; 7] = [1.0, f(0x3fb22d3b), f(0x3f38d0c5), f(0x3e300f6e), f(0x3c98bf54), f(0x3a4beed6), f(0x36f5d7bd)];
const W: [f32; 7] = [f(0x3ed67f1d), f(0x3daaaaab), f(0xbb360b61), f(0x3a500cfd), f(0xba1c065c), f(0x3a5b3dd2), f(0xbad5c4e8)];

/// c[0] + z*(c[1] + z*(...)), innermost first as in the C.
fn poly(z: f32, c: &[f32]) -> f32 {
    let mut acc = c[c.len() - 1];
    for &ci in c.iter().rev().skip(1) {
        acc = ci + z * acc;
    }
    acc
}

/// sin(pi x) for x > 2^-100 (sign arbitrary at zeros).
fn sin_pi(x: f32) -> f32 {
    let x = 2.0 * (x * 0.5 - libm::floorf(x * 0.5)); // x mod 2
    let mut n = (x * 4.0) as i32;
    n = (n + 1) / 2;
    let mut y = f64::from(x - n as f32 * 0.5);
    y *= 3.14159265358979323846;
    match n {
        1 => __cosdf(y),
        2 => __sindf(-y),
        3 => -__cosdf(y),
        _ => __sindf(y),
    }
}

/// Core of `lgammaf_r`: (log|gamma(x)|, sign of gamma(x)).
pub fn lgammaf_r(x: f32) -> (f32, i32) {
    let mut signgam = 1;
    let negative = x.to_bits() >> 31 != 0;
    let ix = x.to_bits() & 0x7fff_ffff;
    if ix >= 0x7f800000 {
        return (x * x, signgam);
    }
    if ix < 0x35000000 {
        // |x| < 2^-21: -log|x|
        let mut x = x;
        if negative {
            signgam = -1;
            x = -x;
        }
        return (-logf(x), signgam);
    }
    let mut x = x;
    let mut nadj = 0.0f32;
    if negative {
        x = -x;
        let mut t = sin_pi(x);
        if t == 0.0 {
            return (1.0 / (x - x), signgam); // negative integer
        }
        if t > 0.0 {
            signgam = -1;
        } else {
            t = -t;
        }
        nadj = logf(PI / (t * x));
    }
    let mut r: f32;
    if ix == 0x3f800000 || ix == 0x40000000 {
        r = 0.0;
    } else if ix < 0x40000000 {
        // x < 2
        let (y, i);
        if ix <= 0x3f666666 {
            r = -logf(x);
            if ix >= 0x3f3b4a20 {
                y = 1.0 - x;
                i = 0;
            } else if ix >= 0x3e6d3308 {
                y = x - (TC - 1.0);
                i = 1;
            } else {
                y = x;
                i = 2;
            }
        } else {
            r = 0.0;
            if ix >= 0x3fdda618 {
                y = 2.0 - x;
                i = 0;
            } else if ix >= 0x3f9da620 {
                y = x - TC;
                i = 1;
            } else {
                y = x - 1.0;
                i = 2;
            }
        }
        match i {
            0 => {
                let z = y * y;
                let p1 = poly(z, &[A[0], A[2], A[4], A[6], A[8], A[10]]);
                let p2 = z * poly(z, &[A[1], A[3], A[5], A[7], A[9], A[11]]);
                let p = y * p1 + p2;
                r += p - 0.5 * y;
            }
            1 => {
                let z = y * y;
                let w = z * y;
                let p1 = poly(w, &[T[0], T[3], T[6], T[9], T[12]]);
                let p2 = poly(w, &[T[1], T[4], T[7], T[10], T[13]]);
                let p3 = poly(w, &[T[2], T[5], T[8], T[11], T[14]]);
                let p = z * p1 - (TT - w * (p2 + y * p3));
                r += TF + p;
            }
            _ => {
                let p1 = y * poly(y, &U);
                let p2 = poly(y, &V);
                r += -0.5 * y + p1 / p2;
            }
        }
    } else if ix < 0x41000000 {
        // x < 8
        let i = x as i32;
        let y = x - i as f32;
        let p = y * poly(y, &S);
        let q = poly(y, &R);
        r = 0.5 * y + p / q;
        let mut z = 1.0f32;
        // lgamma(1+s) = log(s) + lgamma(s)
        if i >= 3 {
            for k in (2..i).rev() {
                z *= y + k as f32;
            }
            r += logf(z);
        }
    } else if ix < 0x5c800000 {
        // 8 <= x < 2^58
        let t = logf(x);
        let z = 1.0 / x;
        let y = z * z;
        let w = W[0] + z * poly(y, &W[1..]);
        r = (x - 0.5) * (t - 1.0) + w;
    } else {
        r = x * (logf(x) - 1.0);
    }
    if negative {
        r = nadj - r;
    }
    (r, signgam)
}
