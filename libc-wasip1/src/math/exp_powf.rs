//! `expf`, `exp2f`, `logf`, `log2f`, `powf`: musl's (ARM optimized-routines)
//! table-driven single-precision algorithms, evaluated in double over the
//! tables in `tables.rs`, bit-identical to wasi-libc. (The `libm` crate's
//! FreeBSD versions differ from them in about 1 result in 10.)

use super::errors::{__math_divzerof, __math_invalidf, __math_oflowf, __math_uflowf};
use super::tables::{__exp2f_data, __log2f_data, __logf_data, __powf_log2_data};

const EXP2F_TABLE_BITS: u32 = 5;
const N: u64 = 1 << EXP2F_TABLE_BITS;

// __exp2f_data layout: tab[32], shift_scaled, poly[3], shift, invln2_scaled, poly_scaled[3]
const SHIFT_SCALED: usize = 32;
const POLY: usize = 33;
const SHIFT: usize = 36;
const INVLN2_SCALED: usize = 37;
const POLY_SCALED: usize = 38;

fn xd(i: usize) -> f64 {
    f64::from_bits(__exp2f_data[i])
}

fn top12(x: f32) -> u32 {
    x.to_bits() >> 20
}

/// s * (C0 r^3 + C1 r^2 + C2 r + 1) with s = 2^(k/N) (k from `ki`, plus
/// the sign/exponent bias `ski_bias`), using coefficients at `poly`.
fn exp2_eval(r: f64, ki: u64, ski_bias: u64, poly: usize) -> f32 {
    let mut t = __exp2f_data[(ki % N) as usize];
    t = t.wrapping_add(ki.wrapping_add(ski_bias) << (52 - EXP2F_TABLE_BITS));
    let s = f64::from_bits(t);
    let z = xd(poly) * r + xd(poly + 1);
    let r2 = r * r;
    let mut y = xd(poly + 2) * r + 1.0;
    y = z * r2 + y;
    y *= s;
    y as f32
}

/// `expf`.
#[no_mangle]
pub extern "C" fn expf(x: f32) -> f32 {
    let xd64 = f64::from(x);
    let abstop = top12(x) & 0x7ff;
    if abstop >= top12(88.0) {
        if x.to_bits() == f32::NEG_INFINITY.to_bits() {
            return 0.0;
        }
        if abstop >= top12(f32::INFINITY) {
            return x + x;
        }
        if x > f32::from_bits(0x42b17217) {
            // > log(0x1p128)
            return __math_oflowf(0);
        }
        if x < f32::from_bits(0xc2cff1b4) {
            // < log(0x1p-150)
            return __math_uflowf(0);
        }
    }
    let z = xd(INVLN2_SCALED) * xd64;
    let mut kd = z + xd(SHIFT);
    let ki = kd.to_bits();
    kd -= xd(SHIFT);
    let r = z - kd;
    exp2_eval(r, ki, 0, POLY_SCALED)
}

/// `exp2f`.
#[no_mangle]
pub extern "C" fn exp2f(x: f32) -> f32 {
    let xd64 = f64::from(x);
    let abstop = top12(x) & 0x7ff;
    if abstop >= top12(128.0) {
        if x.to_bits() == f32::NEG_INFINITY.to_bits() {
            return 0.0;
        }
        if abstop >= top12(f32::INFINITY) {
            return x + x;
        }
        if x > 0.0 {
            return __math_oflowf(0);
        }
        if x <= -150.0 {
            return __math_uflowf(0);
        }
    }
    let mut kd = xd64 + xd(SHIFT_SCALED);
    let ki = kd.to_bits();
    kd -= xd(SHIFT_SCALED);
    let r = xd64 - kd;
    exp2_eval(r, ki, 0, POLY)
}

const OFF: u32 = 0x3f330000;

/// (i, k, z) for the table reduction x = 2^k z of `logf`/`log2f`/`powf`,
/// after subnormal normalization; `ix` holds the bits of x.
fn reduce(ix: u32) -> (usize, i32, f64) {
    let tmp = ix.wrapping_sub(OFF);
    let i = ((tmp >> (23 - 4)) % 16) as usize;
    let top = tmp & 0xff80_0000;
    let iz = ix.wrapping_sub(top);
    let k = (tmp as i32) >> 23;
    (i, k, f64::from(f32::from_bits(iz)))
}

/// Handles the special inputs of `logf`/`log2f` (0, negative, inf, NaN,
/// subnormal): Err(result) or Ok(normalized bits).
fn log_special(x: f32) -> Result<u32, f32> {
    let mut ix = x.to_bits();
    if ix.wrapping_sub(0x0080_0000) >= 0x7f80_0000 - 0x0080_0000 {
        if ix.wrapping_mul(2) == 0 {
            return Err(__math_divzerof(1));
        }
        if ix == 0x7f80_0000 {
            return Err(x);
        }
        if ix & 0x8000_0000 != 0 || ix.wrapping_mul(2) >= 0xff00_0000 {
            return Err(__math_invalidf(x));
        }
        // subnormal: normalize
        ix = (x * f32::from_bits(0x4b000000)).to_bits(); // 0x1p23
        ix = ix.wrapping_sub(23 << 23);
    }
    Ok(ix)
}

/// `logf`.
#[no_mangle]
pub extern "C" fn logf(x: f32) -> f32 {
    if x.to_bits() == 0x3f80_0000 {
        return 0.0;
    }
    let ix = match log_special(x) {
        Ok(ix) => ix,
        Err(r) => return r,
    };
    let t = |j: usize| f64::from_bits(__logf_data[j]);
    let (i, k, z) = reduce(ix);
    let (invc, logc) = (t(2 * i), t(2 * i + 1));
    let ln2 = t(32);
    let a = |j: usize| t(33 + j);
    let r = z * invc - 1.0;
    let y0 = logc + f64::from(k) * ln2;
    let r2 = r * r;
    let mut y = a(1) * r + a(2);
    y = a(0) * r2 + y;
    y = y * r2 + (y0 + r);
    y as f32
}

/// `log2f`.
#[no_mangle]
pub extern "C" fn log2f(x: f32) -> f32 {
    if x.to_bits() == 0x3f80_0000 {
        return 0.0;
    }
    let ix = match log_special(x) {
        Ok(ix) => ix,
        Err(r) => return r,
    };
    let t = |j: usize| f64::from_bits(__log2f_data[j]);
    let (i, k, z) = reduce(ix);
    let (invc, logc) = (t(2 * i), t(2 * i + 1));
    let a = |j: usize| t(32 + j);
    let r = z * invc - 1.0;
    let y0 = logc + f64::from(k);
    let r2 = r * r;
    let mut y = a(1) * r + a(2);
    y = a(0) * r2 + y;
    let p = a(3) * r + y0;
    y = y * r2 + p;
    y as f32
}

/// log2(x) for powf (x normalized as in [`reduce`]).
fn log2_inline(ix: u32) -> f64 {
    let t = |j: usize| f64::from_bits(__powf_log2_data[j]);
    let (i, k, z) = reduce(ix);
    let (invc, logc) = (t(2 * i), t(2 * i + 1));
    let a = |j: usize| t(32 + j);
    let r = z * invc - 1.0;
    let y0 = logc + f64::from(k);
    let r2 = r * r;
    let y = a(0) * r + a(1);
    let p = a(2) * r + a(3);
    let r4 = r2 * r2;
    let mut q = a(4) * r + y0;
    q = p * r2 + q;
    y * r4 + q
}

const SIGN_BIAS: u64 = 1 << (EXP2F_TABLE_BITS + 11);

/// 0: not an integer, 1: odd integer, 2: even integer (finite nonzero).
fn checkint(iy: u32) -> i32 {
    let e = (iy >> 23 & 0xff) as i32;
    if e < 0x7f {
        return 0;
    }
    if e > 0x7f + 23 {
        return 2;
    }
    if iy & ((1u32 << (0x7f + 23 - e)) - 1) != 0 {
        return 0;
    }
    if iy & (1u32 << (0x7f + 23 - e)) != 0 {
        return 1;
    }
    2
}

fn zeroinfnan(ix: u32) -> bool {
    ix.wrapping_mul(2).wrapping_sub(1) >= 2u32 * 0x7f80_0000 - 1
}

/// `powf`.
#[no_mangle]
pub extern "C" fn powf(x: f32, y: f32) -> f32 {
    let mut sign_bias = 0;
    let mut ix = x.to_bits();
    let iy = y.to_bits();
    if ix.wrapping_sub(0x0080_0000) >= 0x7f80_0000 - 0x0080_0000 || zeroinfnan(iy) {
        if zeroinfnan(iy) {
            if iy.wrapping_mul(2) == 0 {
                return 1.0;
            }
            if ix == 0x3f80_0000 {
                return 1.0;
            }
            if ix.wrapping_mul(2) > 2u32 * 0x7f80_0000 || iy.wrapping_mul(2) > 2u32 * 0x7f80_0000 {
                return x + y;
            }
            if ix.wrapping_mul(2) == 2 * 0x3f80_0000 {
                return 1.0;
            }
            if (ix.wrapping_mul(2) < 2 * 0x3f80_0000) == (iy & 0x8000_0000 == 0) {
                return 0.0;
            }
            return y * y;
        }
        if zeroinfnan(ix) {
            let mut x2 = x * x;
            if ix & 0x8000_0000 != 0 && checkint(iy) == 1 {
                x2 = -x2;
            }
            return if iy & 0x8000_0000 != 0 { core::hint::black_box(1.0 / x2) } else { x2 };
        }
        if ix & 0x8000_0000 != 0 {
            let yint = checkint(iy);
            if yint == 0 {
                return __math_invalidf(x);
            }
            if yint == 1 {
                sign_bias = SIGN_BIAS;
            }
            ix &= 0x7fff_ffff;
        }
        if ix < 0x0080_0000 {
            ix = (x * f32::from_bits(0x4b000000)).to_bits();
            ix &= 0x7fff_ffff;
            ix = ix.wrapping_sub(23 << 23);
        }
    }
    let logx = log2_inline(ix);
    let ylogx = f64::from(y) * logx;
    if (ylogx.to_bits() >> 47 & 0xffff) >= 126.0f64.to_bits() >> 47 {
        // |y log(x)| >= 126
        if ylogx > f64::from_bits(0x405fffffffd1d571) {
            return __math_oflowf(sign_bias as u32);
        }
        if ylogx <= -150.0 {
            return __math_uflowf(sign_bias as u32);
        }
    }
    let mut kd = ylogx + xd(SHIFT_SCALED);
    let ki = kd.to_bits();
    kd -= xd(SHIFT_SCALED);
    let r = ylogx - kd;
    exp2_eval(r, ki, sign_bias, POLY)
}
