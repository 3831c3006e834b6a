//! `exp`, `exp2` and `pow` for `double`: the table-driven algorithms musl
//! (and so wasi-libc) uses (ARM optimized-routines), over the tables in
//! `tables.rs` (`__exp_data`, `__pow_log_data`). The `libm` crate has the
//! older FreeBSD algorithms, whose results differ from wasi-libc's in the
//! last bit for about 1 input in 10; these are bit-identical.
//!
//! Operation order follows the C exactly (wasm has no implicit FMA, so the
//! non-FMA variants are the ones mirrored).

use super::errors::{__math_invalid, __math_oflow, __math_uflow};
use super::tables::{__exp_data, __pow_log_data};

const EXP_TABLE_BITS: u32 = 7;
const N: u64 = 1 << EXP_TABLE_BITS;

/// Field `i` of `__exp_data` as a double.
fn ed(i: usize) -> f64 {
    f64::from_bits(__exp_data[i])
}

// __exp_data layout (u64 words)
const INVLN2N: usize = 0;
const SHIFT: usize = 1;
const NEGLN2HIN: usize = 2;
const NEGLN2LON: usize = 3;
const POLY: usize = 4; // C2..C5
const EXP2_SHIFT: usize = 8;
const EXP2_POLY: usize = 9; // C1..C5
const TAB: usize = 14; // 2 words per entry

fn top12(x: f64) -> u32 {
    (x.to_bits() >> 52) as u32
}

/// scale * (1 + tmp) when the exponent in `sbits` may have over- or
/// underflowed (k is the reduction's integer, in the low 32 bits of `ki`).
/// `big_adjust` is 1009 for exp/pow and 1 for exp2.
fn specialcase(tmp: f64, sbits: u64, ki: u64, big_adjust: u64, signed: bool) -> f64 {
    if ki & 0x8000_0000 == 0 {
        // k > 0: the exponent of scale might have overflowed.
        let scale = f64::from_bits(sbits.wrapping_sub(big_adjust << 52));
        let factor = f64::from_bits((0x3ff + big_adjust) << 52);
        return factor * (scale + scale * tmp);
    }
    // k < 0: take care in the subnormal range.
    let sbits = sbits.wrapping_add(1022 << 52);
    let scale = f64::from_bits(sbits);
    let mut y = scale + scale * tmp;
    let small = if signed { y.abs() < 1.0 } else { y < 1.0 };
    if small {
        // Round y to the final precision before scaling into the subnormal
        // range (avoids double rounding).
        let one = if signed && y < 0.0 { -1.0 } else { 1.0 };
        let mut lo = scale - y + scale * tmp;
        let hi = one + y;
        lo = one - hi + y + lo;
        y = (hi + lo) - one;
        if y == 0.0 {
            y = if signed { f64::from_bits(sbits & 0x8000_0000_0000_0000) } else { 0.0 };
        }
    }
    f64::from_bits(0x0010_0000_0000_0000) * y // 0x1p-1022
}

/// `exp`.
#[no_mangle]
pub extern "C" fn exp(x: f64) -> f64 {
    let mut abstop = top12(x) & 0x7ff;
    let tiny = top12(f64::from_bits(0x3c90000000000000)); // 0x1p-54
    if abstop.wrapping_sub(tiny) >= top12(512.0) - tiny {
        if abstop.wrapping_sub(tiny) >= 0x8000_0000 {
            return 1.0 + x; // tiny x (also avoids spurious underflow)
        }
        if abstop >= top12(1024.0) {
            if x.to_bits() == f64::NEG_INFINITY.to_bits() {
                return 0.0;
            }
            if abstop >= top12(f64::INFINITY) {
                return 1.0 + x;
            }
            return if x.to_bits() >> 63 != 0 { __math_uflow(0) } else { __math_oflow(0) };
        }
        abstop = 0; // large |x|: special-cased below
    }
    let z = ed(INVLN2N) * x;
    let mut kd = z + ed(SHIFT);
    let ki = kd.to_bits();
    kd -= ed(SHIFT);
    let r = x + kd * ed(NEGLN2HIN) + kd * ed(NEGLN2LON);
    exp_tail(r, ki, 0, abstop == 0, 1009, false)
}

/// The shared end of exp/pow: 2^(k/N) * exp(r) from the table.
fn exp_tail(r: f64, ki: u64, sign_bias: u64, special: bool, adjust: u64, signed: bool) -> f64 {
    let idx = TAB + 2 * (ki % N) as usize;
    let top = ki.wrapping_add(sign_bias) << (52 - EXP_TABLE_BITS);
    let tail = f64::from_bits(__exp_data[idx]);
    let sbits = __exp_data[idx + 1].wrapping_add(top);
    let r2 = r * r;
    let tmp = tail + r + r2 * (ed(POLY) + r * ed(POLY + 1)) + r2 * r2 * (ed(POLY + 2) + r * ed(POLY + 3));
    if special {
        return specialcase(tmp, sbits, ki, adjust, signed);
    }
    let scale = f64::from_bits(sbits);
    scale + scale * tmp
}

/// `exp2`.
#[no_mangle]
pub extern "C" fn exp2(x: f64) -> f64 {
    let mut abstop = top12(x) & 0x7ff;
    let tiny = top12(f64::from_bits(0x3c90000000000000));
    if abstop.wrapping_sub(tiny) >= top12(512.0) - tiny {
        if abstop.wrapping_sub(tiny) >= 0x8000_0000 {
            return 1.0 + x;
        }
        if abstop >= top12(1024.0) {
            if x.to_bits() == f64::NEG_INFINITY.to_bits() {
                return 0.0;
            }
            if abstop >= top12(f64::INFINITY) {
                return 1.0 + x;
            }
            if x.to_bits() >> 63 == 0 {
                return __math_oflow(0);
            } else if x.to_bits() >= (-1075.0f64).to_bits() {
                return __math_uflow(0);
            }
        }
        if 2 * x.to_bits() > 2 * 928.0f64.to_bits() {
            abstop = 0;
        }
    }
    let shift = ed(EXP2_SHIFT);
    let mut kd = x + shift;
    let ki = kd.to_bits();
    kd -= shift;
    let r = x - kd;
    let idx = TAB + 2 * (ki % N) as usize;
    let top = ki << (52 - EXP_TABLE_BITS);
    let tail = f64::from_bits(__exp_data[idx]);
    let sbits = __exp_data[idx + 1].wrapping_add(top);
    let c = |i: usize| ed(EXP2_POLY + i);
    let r2 = r * r;
    let tmp = tail + r * c(0) + r2 * (c(1) + r * c(2)) + r2 * r2 * (c(3) + r * c(4));
    if abstop == 0 {
        return specialcase(tmp, sbits, ki, 1, false);
    }
    let scale = f64::from_bits(sbits);
    scale + scale * tmp
}

// __pow_log_data layout: ln2hi, ln2lo, poly[7], tab[128] {invc, pad, logc, logctail}
fn pd(i: usize) -> f64 {
    f64::from_bits(__pow_log_data[i])
}
const POW_LN2HI: usize = 0;
const POW_LN2LO: usize = 1;
const POW_A: usize = 2;
const POW_TAB: usize = 9;
const POW_OFF: u64 = 0x3fe6955500000000;

/// log(x) as hi + tail with ~15 extra bits, for the bits `ix` of x
/// (subnormals pre-normalized with a negative exponent).
fn log_inline(ix: u64) -> (f64, f64) {
    let tmp = ix.wrapping_sub(POW_OFF);
    let i = ((tmp >> (52 - 7)) % 128) as usize;
    let k = ((tmp as i64) >> 52) as i32;
    let iz = ix.wrapping_sub(tmp & (0xfffu64 << 52));
    let z = f64::from_bits(iz);
    let kd = f64::from(k);
    let e = POW_TAB + 4 * i;
    let (invc, logc, logctail) = (pd(e), pd(e + 2), pd(e + 3));
    // r = z/c - 1 exactly, via a split of z (no FMA)
    let zhi = f64::from_bits(iz.wrapping_add(1 << 31) & (u64::MAX << 32));
    let zlo = z - zhi;
    let rhi = zhi * invc - 1.0;
    let rlo = zlo * invc;
    let r = rhi + rlo;
    let t1 = kd * pd(POW_LN2HI) + logc;
    let t2 = t1 + r;
    let lo1 = kd * pd(POW_LN2LO) + logctail;
    let lo2 = t1 - t2 + r;
    let a = |j: usize| pd(POW_A + j);
    let ar = a(0) * r;
    let ar2 = r * ar;
    let ar3 = r * ar2;
    let arhi = a(0) * rhi;
    let arhi2 = rhi * arhi;
    let hi = t2 + arhi2;
    let lo3 = rlo * (ar + arhi);
    let lo4 = t2 - hi + arhi2;
    let p = ar3 * (a(1) + r * a(2) + ar2 * (a(3) + r * a(4) + ar2 * (a(5) + r * a(6))));
    let lo = lo1 + lo2 + lo3 + lo4 + p;
    let y = hi + lo;
    (y, hi - y + lo)
}

const SIGN_BIAS: u64 = 0x800 << EXP_TABLE_BITS;

/// sign * exp(x + xtail).
fn exp_inline(x: f64, xtail: f64, sign_bias: u64) -> f64 {
    let mut abstop = top12(x) & 0x7ff;
    let tiny = top12(f64::from_bits(0x3c90000000000000));
    if abstop.wrapping_sub(tiny) >= top12(512.0) - tiny {
        if abstop.wrapping_sub(tiny) >= 0x8000_0000 {
            let one = 1.0 + x;
            return if sign_bias != 0 { -one } else { one };
        }
        if abstop >= top12(1024.0) {
            return if x.to_bits() >> 63 != 0 {
                __math_uflow(sign_bias as u32)
            } else {
                __math_oflow(sign_bias as u32)
            };
        }
        abstop = 0;
    }
    let z = ed(INVLN2N) * x;
    let mut kd = z + ed(SHIFT);
    let ki = kd.to_bits();
    kd -= ed(SHIFT);
    let mut r = x + kd * ed(NEGLN2HIN) + kd * ed(NEGLN2LON);
    r += xtail;
    exp_tail(r, ki, sign_bias, abstop == 0, 1009, true)
}

/// 0: not an integer, 1: odd integer, 2: even integer (finite nonzero).
fn checkint(iy: u64) -> i32 {
    let e = (iy >> 52 & 0x7ff) as i32;
    if e < 0x3ff {
        return 0;
    }
    if e > 0x3ff + 52 {
        return 2;
    }
    if iy & ((1u64 << (0x3ff + 52 - e)) - 1) != 0 {
        return 0;
    }
    if iy & (1u64 << (0x3ff + 52 - e)) != 0 {
        return 1;
    }
    2
}

fn zeroinfnan(i: u64) -> bool {
    (2 * i).wrapping_sub(1) >= 2 * f64::INFINITY.to_bits() - 1
}

/// `pow`.
#[no_mangle]
pub extern "C" fn pow(x: f64, y: f64) -> f64 {
    let mut sign_bias = 0;
    let mut ix = x.to_bits();
    let iy = y.to_bits();
    let mut topx = top12(x);
    let topy = top12(y);
    if topx.wrapping_sub(0x001) >= 0x7ff - 0x001 || (topy & 0x7ff).wrapping_sub(0x3be) >= 0x43e - 0x3be {
        // x < 0x1p-1022 or inf or nan; |y| < 2^-65 or >= 2^63 or nan
        if zeroinfnan(iy) {
            if 2 * iy == 0 {
                return 1.0;
            }
            if ix == 1.0f64.to_bits() {
                return 1.0;
            }
            if 2 * ix > 2 * f64::INFINITY.to_bits() || 2 * iy > 2 * f64::INFINITY.to_bits() {
                return x + y;
            }
            if 2 * ix == 2 * 1.0f64.to_bits() {
                return 1.0;
            }
            if (2 * ix < 2 * 1.0f64.to_bits()) == (iy >> 63 == 0) {
                return 0.0; // |x|<1 && y==inf or |x|>1 && y==-inf
            }
            return y * y;
        }
        if zeroinfnan(ix) {
            let mut x2 = x * x;
            if ix >> 63 != 0 && checkint(iy) == 1 {
                x2 = -x2;
            }
            return if iy >> 63 != 0 { core::hint::black_box(1.0 / x2) } else { x2 };
        }
        if ix >> 63 != 0 {
            // finite x < 0
            let yint = checkint(iy);
            if yint == 0 {
                return __math_invalid(x);
            }
            if yint == 1 {
                sign_bias = SIGN_BIAS;
            }
            ix &= 0x7fff_ffff_ffff_ffff;
            topx &= 0x7ff;
        }
        if (topy & 0x7ff).wrapping_sub(0x3be) >= 0x43e - 0x3be {
            if ix == 1.0f64.to_bits() {
                return 1.0;
            }
            if (topy & 0x7ff) < 0x3be {
                // |y| < 2^-65: x^y ~= 1 + y log(x)
                return if ix > 1.0f64.to_bits() { 1.0 + y } else { 1.0 - y };
            }
            return if (ix > 1.0f64.to_bits()) == (topy < 0x800) { __math_oflow(0) } else { __math_uflow(0) };
        }
        if topx == 0 {
            // subnormal x: normalize with a negative exponent
            ix = (x * f64::from_bits(0x4330000000000000)).to_bits(); // 0x1p52
            ix &= 0x7fff_ffff_ffff_ffff;
            ix = ix.wrapping_sub(52u64 << 52);
        }
    }
    let (hi, lo) = log_inline(ix);
    let yhi = f64::from_bits(iy & (u64::MAX << 27));
    let ylo = y - yhi;
    let lhi = f64::from_bits(hi.to_bits() & (u64::MAX << 27));
    let llo = hi - lhi + lo;
    let ehi = yhi * lhi;
    let elo = ylo * lhi + y * llo;
    exp_inline(ehi, elo, sign_bias)
}
