//! `long double` (binary128) functions whose results are exact or decided
//! by the bits alone: rounding to integers, exponent access
//! (`frexpl`, `ldexpl`, `scalbnl`, `ilogbl`, `logbl`), `nextafterl`,
//! `fmaxl`/`fminl`/`fdiml`, `modfl` and the integer conversions.
//!
//! Each follows musl's ld128 code for special cases (signed zeros, NaN
//! passing through), so results equal wasi-libc's bit for bit.

use core::ffi::{c_int, c_long, c_longlong};

use super::soft128::Ld;

const SIGN: u128 = 1 << 127;
const MANT_BITS: u32 = 112;
const MANT_MASK: u128 = (1 << MANT_BITS) - 1;
const BIAS: i32 = 0x3fff;

fn exp_of(x: u128) -> i32 {
    ((x >> MANT_BITS) & 0x7fff) as i32
}

fn is_nan(x: u128) -> bool {
    Ld(x).is_nan()
}

fn is_zero(x: u128) -> bool {
    x & !SIGN == 0
}

/// A binary128 from a sign and a nonnegative integer below 2^113 (exact).
fn from_int(negative: bool, n: u128) -> u128 {
    let sign = if negative { SIGN } else { 0 };
    if n == 0 {
        return sign;
    }
    let p = 127 - n.leading_zeros(); // index of the top bit
    let mant = if p <= MANT_BITS { n << (MANT_BITS - p) } else { n >> (p - MANT_BITS) };
    sign | (((BIAS as u128) + p as u128) << MANT_BITS) | (mant & MANT_MASK)
}

/// How to round to an integer.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Trunc,
    Floor,
    Ceil,
    /// Halfway cases away from zero.
    Round,
    /// Halfway cases to even (round-to-nearest, the only wasm mode).
    Rint,
}

/// Rounds `x` to an integer value; NaN, infinities, zeros and values that
/// are already integers come back unchanged; zero results keep x's sign.
fn round_to_int(x: u128, mode: Mode) -> u128 {
    let e = exp_of(x) - BIAS;
    if e >= MANT_BITS as i32 || is_zero(x) {
        return x;
    }
    let negative = x & SIGN != 0;
    let (int_part, up) = if e < -1 {
        // 0 < |x| < 0.5
        let up = match mode {
            Mode::Floor => negative,
            Mode::Ceil => !negative,
            _ => false,
        };
        (0u128, up)
    } else {
        let m = (x & MANT_MASK) | (1 << MANT_BITS);
        let shift = (MANT_BITS as i32 - e) as u32; // 1..=113
        let int_part = m >> shift;
        let rem = m & ((1u128 << shift) - 1);
        let half = 1u128 << (shift - 1);
        let up = match mode {
            Mode::Trunc => false,
            Mode::Floor => negative && rem != 0,
            Mode::Ceil => !negative && rem != 0,
            Mode::Round => rem >= half,
            Mode::Rint => rem > half || (rem == half && int_part & 1 == 1),
        };
        (int_part, up)
    };
    from_int(negative, int_part + u128::from(up))
}

/// `truncl`.
#[no_mangle]
pub extern "C" fn truncl(x: u128) -> u128 {
    round_to_int(x, Mode::Trunc)
}

/// `floorl`.
#[no_mangle]
pub extern "C" fn floorl(x: u128) -> u128 {
    round_to_int(x, Mode::Floor)
}

/// `ceill`.
#[no_mangle]
pub extern "C" fn ceill(x: u128) -> u128 {
    round_to_int(x, Mode::Ceil)
}

/// `roundl`: halfway cases away from zero.
#[no_mangle]
pub extern "C" fn roundl(x: u128) -> u128 {
    round_to_int(x, Mode::Round)
}

/// `rintl`: round to nearest, ties to even (wasm has no other mode).
#[no_mangle]
pub extern "C" fn rintl(x: u128) -> u128 {
    round_to_int(x, Mode::Rint)
}

/// `nearbyintl`: `rintl` (no floating-point exceptions on wasm).
#[no_mangle]
pub extern "C" fn nearbyintl(x: u128) -> u128 {
    round_to_int(x, Mode::Rint)
}

/// `lrintl` (`long` is 32-bit; out-of-range values convert like C's cast).
#[no_mangle]
pub extern "C" fn lrintl(x: u128) -> c_long {
    Ld(rintl(x)).to_i32() as c_long
}

/// `llrintl`.
#[no_mangle]
pub extern "C" fn llrintl(x: u128) -> c_longlong {
    Ld(rintl(x)).to_i64()
}

/// `lroundl`.
#[no_mangle]
pub extern "C" fn lroundl(x: u128) -> c_long {
    Ld(roundl(x)).to_i32() as c_long
}

/// `llroundl`.
#[no_mangle]
pub extern "C" fn llroundl(x: u128) -> c_longlong {
    Ld(roundl(x)).to_i64()
}

/// 2^n as binary128, for n in the normal range -16382..=16383.
fn pow2(n: i32) -> Ld {
    Ld(((BIAS + n) as u128) << MANT_BITS)
}

/// `scalbnl`: x * 2^n with one final rounding (musl's three-step scaling).
#[no_mangle]
pub extern "C" fn scalbnl(x: u128, n: c_int) -> u128 {
    let mut y = Ld(x);
    let mut n = n;
    if n > 16383 {
        y = y * pow2(16383);
        n -= 16383;
        if n > 16383 {
            y = y * pow2(16383);
            n -= 16383;
            n = n.min(16383);
        }
    } else if n < -16382 {
        let down = pow2(-16382) * pow2(113);
        y = y * down;
        n += 16382 - 113;
        if n < -16382 {
            y = y * down;
            n += 16382 - 113;
            n = n.max(-16382);
        }
    }
    (y * pow2(n)).0
}

/// `ldexpl`: `scalbnl`.
#[no_mangle]
pub extern "C" fn ldexpl(x: u128, n: c_int) -> u128 {
    scalbnl(x, n)
}

/// `scalblnl` (`long` is `int`-sized on wasm32).
#[no_mangle]
pub extern "C" fn scalblnl(x: u128, n: c_long) -> u128 {
    scalbnl(x, n as c_int)
}

/// `frexpl`: x = m 2^e with |m| in [0.5, 1); `*e` untouched for inf/NaN
/// (as in musl), 0 for zero.
///
/// # Safety
/// `e` must be writable.
#[no_mangle]
pub unsafe extern "C" fn frexpl(x: u128, e: *mut c_int) -> u128 {
    let ee = exp_of(x);
    if ee == 0 {
        if is_zero(x) {
            *e = 0;
            return x;
        }
        let r = frexpl((Ld(x) * pow2(120)).0, e);
        *e -= 120;
        return r;
    }
    if ee == 0x7fff {
        return x;
    }
    *e = ee - 0x3ffe;
    (x & !(0x7fffu128 << MANT_BITS)) | (0x3ffeu128 << MANT_BITS)
}

/// `ilogbl`: the unbiased exponent; `FP_ILOGB0`/`FP_ILOGBNAN` (INT_MIN)
/// for zero/NaN, INT_MAX for infinities.
#[no_mangle]
pub extern "C" fn ilogbl(x: u128) -> c_int {
    let e = exp_of(x);
    if e == 0 {
        if is_zero(x) {
            return c_int::MIN;
        }
        return ilogbl((Ld(x) * pow2(120)).0) - 120;
    }
    if e == 0x7fff {
        return if x & MANT_MASK != 0 { c_int::MIN } else { c_int::MAX };
    }
    e - BIAS
}

/// `logbl`: the exponent as a long double (-inf for 0, x*x for inf/NaN).
#[no_mangle]
pub extern "C" fn logbl(x: u128) -> u128 {
    let v = Ld(x);
    if exp_of(x) == 0x7fff {
        return (v * v).0;
    }
    if is_zero(x) {
        return (-Ld::c(1.0) / (v * v)).0;
    }
    Ld::from_f64(f64::from(ilogbl(x))).0
}

/// `nextafterl`: the next binary128 after `x` toward `y`.
#[no_mangle]
pub extern "C" fn nextafterl(x: u128, y: u128) -> u128 {
    let (xv, yv) = (Ld(x), Ld(y));
    if xv.is_nan() || yv.is_nan() {
        return (xv + yv).0;
    }
    if xv.eq_num(yv) {
        return y;
    }
    let r = if is_zero(x) {
        (y & SIGN) | 1
    } else if xv.lt(yv) == (x & SIGN == 0) {
        x.wrapping_add(1)
    } else {
        x.wrapping_sub(1)
    };
    if exp_of(r) == 0x7fff {
        return (xv + xv).0; // overflow to infinity
    }
    r
}

/// `nexttowardl`: `nextafterl`.
#[no_mangle]
pub extern "C" fn nexttowardl(x: u128, y: u128) -> u128 {
    nextafterl(x, y)
}

/// `fmaxl`: NaN loses; +0 is larger than -0.
#[no_mangle]
pub extern "C" fn fmaxl(x: u128, y: u128) -> u128 {
    if is_nan(x) {
        return y;
    }
    if is_nan(y) {
        return x;
    }
    if (x ^ y) & SIGN != 0 {
        return if x & SIGN != 0 { y } else { x };
    }
    if Ld(x).lt(Ld(y)) {
        y
    } else {
        x
    }
}

/// `fminl`: NaN loses; -0 is smaller than +0.
#[no_mangle]
pub extern "C" fn fminl(x: u128, y: u128) -> u128 {
    if is_nan(x) {
        return y;
    }
    if is_nan(y) {
        return x;
    }
    if (x ^ y) & SIGN != 0 {
        return if x & SIGN != 0 { x } else { y };
    }
    if Ld(x).lt(Ld(y)) {
        x
    } else {
        y
    }
}

/// `fdiml`: x - y when x > y, else +0.
#[no_mangle]
pub extern "C" fn fdiml(x: u128, y: u128) -> u128 {
    if is_nan(x) {
        return x;
    }
    if is_nan(y) {
        return y;
    }
    if Ld(y).lt(Ld(x)) {
        (Ld(x) - Ld(y)).0
    } else {
        0
    }
}

/// `modfl`: splits x into integral part (`*ip`) and fraction, both with
/// x's sign.
///
/// # Safety
/// `ip` must be writable (alignment is not required).
#[no_mangle]
pub unsafe extern "C" fn modfl(x: u128, ip: *mut u128) -> u128 {
    let e = exp_of(x) - BIAS;
    let sign = x & SIGN;
    if e >= MANT_BITS as i32 {
        ip.write_unaligned(x);
        return if is_nan(x) { x } else { sign };
    }
    if e < 0 {
        ip.write_unaligned(sign);
        return x;
    }
    let t = truncl(x);
    ip.write_unaligned(t);
    if t == x {
        return sign;
    }
    (Ld(x) - Ld(t)).0
}
