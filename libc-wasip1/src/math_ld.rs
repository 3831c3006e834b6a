//! `<math.h>` `long double` (IEEE binary128 on wasm32) functions that are
//! computed through `double`.
//!
//! Stable Rust has no `f128`, so values travel as their bit pattern in a
//! `u128` (the same wasm ABI: two `i64` halves, results through a return
//! pointer). The functions here narrow to double, call `math.rs`, and
//! widen the result: for most of them that is also what musl's ld128 code
//! does (its "TODO" fallbacks call the double function), so results still
//! match wasi-libc. The exact binary128 ones (rounding, exponents,
//! `sqrtl`, `fmal`, `fmodl`, `remquol`, `nextafterl`, `sinl`/`cosl`/`tanl`
//! ...) live in `math/ld_*.rs`; `fabsl`/`copysignl` act on the bits here.

use core::ffi::{c_char, c_int};

const EXP_MASK: u128 = 0x7fff;
const MANT_BITS: u32 = 112;
const MANT_MASK: u128 = (1u128 << MANT_BITS) - 1;
const SIGN: u128 = 1u128 << 127;

/// Widens a double to binary128 bits (exact).
pub fn from_f64(x: f64) -> u128 {
    let b = x.to_bits();
    let sign = u128::from(b >> 63) << 127;
    let exp = (b >> 52) & 0x7ff;
    let mant = u128::from(b & ((1u64 << 52) - 1));
    if exp == 0x7ff {
        return sign | (EXP_MASK << MANT_BITS) | (mant << 60);
    }
    if exp == 0 {
        if mant == 0 {
            return sign;
        }
        // Subnormal double: normalize (value = mant * 2^-1074).
        let p = 127 - mant.leading_zeros(); // index of the top set bit
        let e = i64::from(p) - 1074 + 16383;
        let m = (mant << (MANT_BITS - p)) & MANT_MASK;
        return sign | ((e as u128) << MANT_BITS) | m;
    }
    let e = exp as i64 - 1023 + 16383;
    sign | ((e as u128) << MANT_BITS) | (mant << 60)
}

/// Rounds `sig >> shift` to nearest, ties to even.
fn round_shift(sig: u128, shift: u32) -> u128 {
    if shift == 0 {
        return sig;
    }
    if shift >= 128 {
        return 0;
    }
    let kept = sig >> shift;
    let rem = sig & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    if rem > half || (rem == half && kept & 1 == 1) {
        kept + 1
    } else {
        kept
    }
}

/// Narrows binary128 bits to the nearest double.
pub fn to_f64(x: u128) -> f64 {
    let sign = ((x >> 127) as u64) << 63;
    let exp = ((x >> MANT_BITS) & EXP_MASK) as i64;
    let mant = x & MANT_MASK;
    if exp == EXP_MASK as i64 {
        let m = if mant == 0 { 0 } else { ((mant >> 60) as u64) | (1u64 << 51) };
        return f64::from_bits(sign | (0x7ffu64 << 52) | m);
    }
    if exp == 0 {
        return f64::from_bits(sign); // binary128 subnormals are far below double's range
    }
    let e = exp - 16383;
    if e > 1023 {
        return f64::from_bits(sign | (0x7ffu64 << 52));
    }
    let sig = (1u128 << MANT_BITS) | mant;
    if e >= -1022 {
        let r = round_shift(sig, 60); // 53 significant bits
        // A carry out of the significand moves to the next binade.
        let bits = ((e + 1023) as u128) << 52;
        let total = bits + r - (1u128 << 52);
        if total >= 0x7ff << 52 {
            return f64::from_bits(sign | (0x7ffu64 << 52));
        }
        return f64::from_bits(sign | total as u64);
    }
    // Double subnormal: the unit is 2^-1074.
    let shift = (MANT_BITS as i64 - (e + 1074)) as u32;
    f64::from_bits(sign | round_shift(sig, shift) as u64)
}

macro_rules! l1 {
    ($($name:ident => $f:path;)*) => {
        $(
            #[doc = concat!("`", stringify!($name), "` (computed in double precision).")]
            #[no_mangle]
            pub unsafe extern "C" fn $name(x: u128) -> u128 {
                from_f64($f(to_f64(x)))
            }
        )*
    };
}

macro_rules! l2 {
    ($($name:ident => $f:path;)*) => {
        $(
            #[doc = concat!("`", stringify!($name), "` (computed in double precision).")]
            #[no_mangle]
            pub unsafe extern "C" fn $name(x: u128, y: u128) -> u128 {
                from_f64($f(to_f64(x), to_f64(y)))
            }
        )*
    };
}

l1! {
    acoshl => crate::math::acosh;
    asinhl => crate::math::asinh;
    coshl => crate::math::cosh;
    erfl => crate::math::erf;
    erfcl => crate::math::erfc;
    expl => crate::math::exp;
    exp10l => crate::math::exp10;
    exp2l => crate::math::exp2;
    expm1l => crate::math::expm1;
    lgammal => crate::math::lgamma;
    logl => crate::math::log;
    log10l => crate::math::log10;
    log1pl => crate::math::log1p;
    log2l => crate::math::log2;
    sinhl => crate::math::sinh;
    tanhl => crate::math::tanh;
    tgammal => crate::math::tgamma;
}

l2! {
    powl => crate::math::pow;
}

/// `fabsl` (exact).
#[no_mangle]
pub extern "C" fn fabsl(x: u128) -> u128 {
    x & !SIGN
}

/// `copysignl` (exact).
#[no_mangle]
pub extern "C" fn copysignl(x: u128, y: u128) -> u128 {
    (x & !SIGN) | (y & SIGN)
}

/// `pow10l`.
#[no_mangle]
pub unsafe extern "C" fn pow10l(x: u128) -> u128 {
    exp10l(x)
}










/// `lgammal_r`.
#[no_mangle]
pub unsafe extern "C" fn lgammal_r(x: u128, sign: *mut c_int) -> u128 {
    from_f64(crate::math::lgamma_r(to_f64(x), sign))
}





/// `nanl`.
#[no_mangle]
pub extern "C" fn nanl(_tag: *const c_char) -> u128 {
    from_f64(f64::NAN)
}

