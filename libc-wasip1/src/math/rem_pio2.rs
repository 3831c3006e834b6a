//! Argument reduction modulo pi/2 for the `double` and `float` kernels:
//! musl's internal `__rem_pio2`, `__rem_pio2f` and `__rem_pio2_large`
//! (the Payne-Hanek reduction for huge arguments, also used by the
//! binary128 `__rem_pio2l`).
//!
//! The constant tables (2/pi, pi/2 pieces) are computed by
//! `gen_consts.py` into `consts.rs`.

use super::consts::{IPIO2, PIO2};

/// 1.5 / DBL_EPSILON: adding and subtracting it rounds to an integer.
const TOINT: f64 = 1.5 / f64::EPSILON;
const INVPIO2: f64 = 6.36619772367581382433e-01;
// pi/2 = PIO2_1 + PIO2_1T = PIO2_1 + PIO2_2 + PIO2_2T = ... (33-bit pieces).
const PIO2_1: f64 = 1.57079632673412561417e+00;
const PIO2_1T: f64 = 6.07710050650619224932e-11;
const PIO2_2: f64 = 6.07710050630396597660e-11;
const PIO2_2T: f64 = 2.02226624879595063154e-21;
const PIO2_3: f64 = 2.02226624871116645580e-21;
const PIO2_3T: f64 = 8.47842766036889956997e-32;

/// Reduction for |x| close to a small multiple `k` of pi/2 (k = 1..4):
/// one subtraction of k * pi/2 is accurate enough.
fn reduce_small(x: f64, k: i32, negative: bool, y: &mut [f64; 2]) -> i32 {
    let kf = k as f64;
    if !negative {
        let z = x - kf * PIO2_1;
        y[0] = z - kf * PIO2_1T;
        y[1] = (z - y[0]) - kf * PIO2_1T;
        k
    } else {
        let z = x + kf * PIO2_1;
        y[0] = z + kf * PIO2_1T;
        y[1] = (z - y[0]) + kf * PIO2_1T;
        -k
    }
}

/// Cody-Waite reduction for |x| < ~2^20 pi/2, in up to three rounds.
fn reduce_medium(x: f64, ix: u32, y: &mut [f64; 2]) -> i32 {
    let pio4 = f64::from_bits(0x3fe921fb54442d18); // 0x1.921fb54442d18p-1
    let mut f = x * INVPIO2 + TOINT - TOINT;
    let mut n = f as i32;
    let mut r = x - f * PIO2_1;
    let mut w = f * PIO2_1T;
    if r - w < -pio4 {
        n -= 1;
        f -= 1.0;
        r = x - f * PIO2_1;
        w = f * PIO2_1T;
    } else if r - w > pio4 {
        n += 1;
        f += 1.0;
        r = x - f * PIO2_1;
        w = f * PIO2_1T;
    }
    y[0] = r - w;
    let exp_of = |v: f64| ((v.to_bits() >> 52) & 0x7ff) as i32;
    let ex = (ix >> 20) as i32;
    if ex - exp_of(y[0]) > 16 {
        let t = r;
        w = f * PIO2_2;
        r = t - w;
        w = f * PIO2_2T - ((t - r) - w);
        y[0] = r - w;
        if ex - exp_of(y[0]) > 49 {
            let t = r;
            w = f * PIO2_3;
            r = t - w;
            w = f * PIO2_3T - ((t - r) - w);
            y[0] = r - w;
        }
    }
    y[1] = (r - y[0]) - w;
    n
}

/// `int __rem_pio2(double x, double *y)`: x - n pi/2 as `y[0] + y[1]`;
/// returns n (its low bits are what callers use).
///
/// # Safety
/// `y` must point to two writable doubles.
#[no_mangle]
pub unsafe extern "C" fn __rem_pio2(x: f64, y: *mut f64) -> i32 {
    let mut out = [0.0; 2];
    let n = rem_pio2(x, &mut out);
    *y = out[0];
    *y.add(1) = out[1];
    n
}

/// Safe core of [`__rem_pio2`].
pub fn rem_pio2(x: f64, y: &mut [f64; 2]) -> i32 {
    let bits = x.to_bits();
    let negative = bits >> 63 != 0;
    let ix = (bits >> 32) as u32 & 0x7fff_ffff;
    if ix <= 0x400f6a7a {
        // |x| ~<= 5pi/4; near pi/2 or pi the medium path avoids cancellation.
        if ix & 0xfffff == 0x921fb {
            return reduce_medium(x, ix, y);
        }
        return reduce_small(x, if ix <= 0x4002d97c { 1 } else { 2 }, negative, y);
    }
    if ix <= 0x401c463b {
        // |x| ~<= 9pi/4
        if ix <= 0x4015fdbc {
            if ix == 0x4012d97c {
                return reduce_medium(x, ix, y);
            }
            return reduce_small(x, 3, negative, y);
        }
        if ix == 0x401921fb {
            return reduce_medium(x, ix, y);
        }
        return reduce_small(x, 4, negative, y);
    }
    if ix < 0x413921fb {
        return reduce_medium(x, ix, y);
    }
    if ix >= 0x7ff00000 {
        // inf or NaN
        y[0] = x - x;
        y[1] = y[0];
        return 0;
    }
    // z = |x| scaled to [2^23, 2^24), cut into three 24-bit pieces.
    let mut z = f64::from_bits((bits & (u64::MAX >> 12)) | ((0x3ff + 23) << 52));
    let mut tx = [0.0f64; 3];
    for t in tx.iter_mut().take(2) {
        *t = (z as i32) as f64;
        z = (z - *t) * f64::from_bits(0x4170000000000000); // 0x1p24
    }
    tx[2] = z;
    let mut nx = 3;
    while nx > 1 && tx[nx - 1] == 0.0 {
        nx -= 1;
    }
    let mut ty = [0.0f64; 3];
    let n = rem_pio2_large(&tx[..nx], &mut ty, (ix >> 20) as i32 - (0x3ff + 23), 1);
    if negative {
        y[0] = -ty[0];
        y[1] = -ty[1];
        return -n;
    }
    y[0] = ty[0];
    y[1] = ty[1];
    n
}

/// `int __rem_pio2f(float x, double *y)`: x - n pi/2 as one double.
///
/// # Safety
/// `y` must point to a writable double.
#[no_mangle]
pub unsafe extern "C" fn __rem_pio2f(x: f32, y: *mut f64) -> i32 {
    let (n, r) = rem_pio2f(x);
    *y = r;
    n
}

/// Safe core of [`__rem_pio2f`]: (n, x - n pi/2).
pub fn rem_pio2f(x: f32) -> (i32, f64) {
    const PIO4: f64 = 0.785398185253143310546875; // 0x1.921fb6p-1
    const PIO2_1F: f64 = 1.57079631090164184570e+00;
    const PIO2_1TF: f64 = 1.58932547735281966916e-08;
    let bits = x.to_bits();
    let ix = bits & 0x7fff_ffff;
    if ix < 0x4dc90fdb {
        // |x| ~< 2^28 pi/2: 25+53 bits of pi/2 suffice.
        let xd = x as f64;
        let mut f = xd * INVPIO2 + TOINT - TOINT;
        let mut n = f as i32;
        let mut y = xd - f * PIO2_1F - f * PIO2_1TF;
        if y < -PIO4 {
            n -= 1;
            f -= 1.0;
            y = xd - f * PIO2_1F - f * PIO2_1TF;
        } else if y > PIO4 {
            n += 1;
            f += 1.0;
            y = xd - f * PIO2_1F - f * PIO2_1TF;
        }
        return (n, y);
    }
    if ix >= 0x7f800000 {
        return (0, (x - x) as f64);
    }
    // Scale |x| into [2^23, 2^24).
    let e0 = (ix >> 23) as i32 - (0x7f + 23);
    let tx = [f32::from_bits(ix - ((e0 as u32) << 23)) as f64];
    let mut ty = [0.0f64; 3];
    let n = rem_pio2_large(&tx, &mut ty, e0, 0);
    if bits >> 31 != 0 {
        (-n, -ty[0])
    } else {
        (n, ty[0])
    }
}

/// `int __rem_pio2_large(double *x, double *y, int e0, int nx, int prec)`:
/// Payne-Hanek reduction. `x[0..nx]` are 24-bit pieces of the argument
/// scaled by 2^-e0; the result goes to y[0] (prec 0), y[0..2] (prec 1, 2)
/// or y[0..3] (prec 3); returns n mod 8.
///
/// Out-of-range parameters (which musl does not check) return 0 and leave
/// `y` untouched.
///
/// # Safety
/// `x` must point to `nx` doubles and `y` to as many as `prec` needs.
#[no_mangle]
pub unsafe extern "C" fn __rem_pio2_large(x: *const f64, y: *mut f64, e0: i32, nx: i32, prec: i32) -> i32 {
    if !(1..=MAX_NX).contains(&nx) || !(0..=3).contains(&prec) || x.is_null() || y.is_null() {
        return 0;
    }
    let xs = core::slice::from_raw_parts(x, nx as usize);
    let mut ty = [0.0f64; 3];
    let n = rem_pio2_large(xs, &mut ty, e0, prec);
    let outputs = match prec {
        0 => 1,
        1 | 2 => 2,
        _ => 3,
    };
    for (i, v) in ty.iter().take(outputs).enumerate() {
        *y.add(i) = *v;
    }
    n
}

/// Most argument pieces accepted (musl's callers pass at most 5).
const MAX_NX: i32 = 10;

/// Working array size (musl uses 20; a little room for the recomputation).
const WORK: usize = 40;

/// Safe core of [`__rem_pio2_large`]; `x.len()` in 1..=MAX_NX, `prec` in 0..=3.
pub fn rem_pio2_large(x: &[f64], y: &mut [f64; 3], e0: i32, prec: i32) -> i32 {
    const INIT_JK: [i32; 4] = [3, 4, 4, 6];
    const TWO24: f64 = 16777216.0;
    const TWON24: f64 = 1.0 / 16777216.0;
    let jk = INIT_JK[(prec & 3) as usize];
    let jp = jk;
    let jx = x.len() as i32 - 1;
    let jv = (e0.saturating_sub(3) / 24).max(0);
    let mut q0 = e0 - 24 * (jv + 1);
    // Chunks past the end of the table (only for exponents beyond
    // binary128's) read as zero instead of out of bounds.
    let ipio2 = |j: i32| -> f64 { IPIO2.get(j as usize).map_or(0.0, |&v| v as f64) };

    let mut f = [0.0f64; WORK];
    let mut q = [0.0f64; WORK];
    let mut fq = [0.0f64; WORK];
    let mut iq = [0i32; WORK];

    // f[0..=jx+jk] = ipio2[jv-jx ..= jv+jk] (zero below the table start).
    let m = jx + jk;
    for (fi, j) in f.iter_mut().take((m + 1) as usize).zip(jv - jx..) {
        *fi = if j < 0 { 0.0 } else { ipio2(j) };
    }
    // q[i] = sum x[j] f[jx+i-j]
    for i in 0..=jk {
        let mut fw = 0.0;
        for j in 0..=jx {
            fw += x[j as usize] * f[(jx + i - j) as usize];
        }
        q[i as usize] = fw;
    }

    let mut jz = jk;
    let (n, ih, z) = loop {
        // Distill q[] into 24-bit integers iq[], most significant last.
        let mut z = q[jz as usize];
        let mut i = 0usize;
        let mut j = jz;
        while j > 0 {
            let fw = ((TWON24 * z) as i32) as f64;
            iq[i] = (z - TWO24 * fw) as i32;
            z = q[(j - 1) as usize] + fw;
            i += 1;
            j -= 1;
        }
        // The integer part of the quotient (mod 8) and its fraction.
        z = libm::scalbn(z, q0);
        z -= 8.0 * libm::floor(z * 0.125);
        let mut n = z as i32;
        z -= n as f64;
        let mut ih = 0;
        let top = (jz - 1) as usize;
        if q0 > 0 {
            let i = iq[top] >> (24 - q0);
            n += i;
            iq[top] -= i << (24 - q0);
            ih = iq[top] >> (23 - q0);
        } else if q0 == 0 {
            ih = iq[top] >> 23;
        } else if z >= 0.5 {
            ih = 2;
        }

        if ih > 0 {
            // The fraction is > 0.5: use 1 - fraction and round n up.
            n += 1;
            let mut carry = 0;
            for v in iq.iter_mut().take(jz as usize) {
                let j = *v;
                if carry == 0 {
                    if j != 0 {
                        carry = 1;
                        *v = 0x1000000 - j;
                    }
                } else {
                    *v = 0xffffff - j;
                }
            }
            if q0 == 1 {
                iq[top] &= 0x7fffff;
            } else if q0 == 2 {
                iq[top] &= 0x3fffff;
            }
            if ih == 2 {
                z = 1.0 - z;
                if carry != 0 {
                    z -= libm::scalbn(1.0, q0);
                }
            }
        }

        // If the fraction vanished to this precision, use more of 2/pi.
        if z == 0.0 {
            let mut acc = 0;
            let mut i = jz - 1;
            while i >= jk {
                acc |= iq[i as usize];
                i -= 1;
            }
            if acc == 0 {
                let mut k = 1;
                while jk - k >= 0 && iq[(jk - k) as usize] == 0 {
                    k += 1;
                }
                if (jx + jz + k) as usize >= WORK {
                    return 0; // cannot happen for arguments from a double
                }
                for i in (jz + 1)..=(jz + k) {
                    f[(jx + i) as usize] = ipio2(jv + i);
                    let mut fw = 0.0;
                    for j in 0..=jx {
                        fw += x[j as usize] * f[(jx + i - j) as usize];
                    }
                    q[i as usize] = fw;
                }
                jz += k;
                continue;
            }
        }
        break (n, ih, z);
    };

    // Chop off zero terms, or split a large z into 24-bit pieces.
    let mut z = z;
    if z == 0.0 {
        jz -= 1;
        q0 -= 24;
        while jz > 0 && iq[jz as usize] == 0 {
            jz -= 1;
            q0 -= 24;
        }
    } else {
        z = libm::scalbn(z, -q0);
        if z >= TWO24 {
            let fw = ((TWON24 * z) as i32) as f64;
            iq[jz as usize] = (z - TWO24 * fw) as i32;
            jz += 1;
            q0 += 24;
            iq[jz as usize] = fw as i32;
        } else {
            iq[jz as usize] = z as i32;
        }
    }

    // Integer chunks back to floating point.
    let mut fw = libm::scalbn(1.0, q0);
    let mut i = jz;
    while i >= 0 {
        q[i as usize] = fw * iq[i as usize] as f64;
        fw *= TWON24;
        i -= 1;
    }

    // fq[jz-i] = sum PIO2[k] * q[i+k]
    let mut i = jz;
    while i >= 0 {
        let mut fw = 0.0;
        let mut k = 0;
        while k <= jp && k <= jz - i {
            fw += f64::from_bits(PIO2[k as usize]) * q[(i + k) as usize];
            k += 1;
        }
        fq[(jz - i) as usize] = fw;
        i -= 1;
    }

    // Compress fq[] into y[].
    let neg = |v: f64| if ih == 0 { v } else { -v };
    match prec {
        0 => {
            let mut fw = 0.0;
            for i in (0..=jz).rev() {
                fw += fq[i as usize];
            }
            y[0] = neg(fw);
        }
        1 | 2 => {
            let mut fw = 0.0;
            for i in (0..=jz).rev() {
                fw += fq[i as usize];
            }
            y[0] = neg(fw);
            fw = fq[0] - fw;
            for i in 1..=jz {
                fw += fq[i as usize];
            }
            y[1] = neg(fw);
        }
        _ => {
            for i in (1..=jz).rev() {
                let i = i as usize;
                let fw = fq[i - 1] + fq[i];
                fq[i] += fq[i - 1] - fw;
                fq[i - 1] = fw;
            }
            for i in (2..=jz).rev() {
                let i = i as usize;
                let fw = fq[i - 1] + fq[i];
                fq[i] += fq[i - 1] - fw;
                fq[i - 1] = fw;
            }
            let mut fw = 0.0;
            for i in (2..=jz).rev() {
                fw += fq[i as usize];
            }
            y[0] = neg(fq[0]);
            y[1] = neg(fq[1]);
            y[2] = neg(fw);
        }
    }
    n & 7
}
