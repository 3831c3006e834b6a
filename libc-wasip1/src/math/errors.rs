//! musl's math error helpers (`__math_oflow`, `__math_divzero`, ...): they
//! return the special result (±inf, ±0, NaN) by doing the floating-point
//! operation that raises the matching exception, as musl does; like musl
//! (MATH_ERREXCEPT only) they do not set `errno`.
//!
//! `black_box` plays the role of musl's `fp_barrier`: the operation must
//! happen at run time (its NaN sign, for one, is the engine's, not the
//! compiler's).

use core::hint::black_box;

use super::soft128::Ld;

/// `double __math_xflow(uint32_t sign, double y)`: (±y) * y, an overflow or
/// underflow with the requested sign.
#[no_mangle]
pub extern "C" fn __math_xflow(sign: u32, y: f64) -> f64 {
    black_box(if sign != 0 { -y } else { y }) * y
}

/// `float __math_xflowf(uint32_t sign, float y)`.
#[no_mangle]
pub extern "C" fn __math_xflowf(sign: u32, y: f32) -> f32 {
    black_box(if sign != 0 { -y } else { y }) * y
}

/// `double __math_oflow(uint32_t sign)`: ±inf, raising overflow.
#[no_mangle]
pub extern "C" fn __math_oflow(sign: u32) -> f64 {
    __math_xflow(sign, f64::from_bits(0x7000000000000000)) // 0x1p769
}

/// `float __math_oflowf(uint32_t sign)`.
#[no_mangle]
pub extern "C" fn __math_oflowf(sign: u32) -> f32 {
    __math_xflowf(sign, f32::from_bits(0x70000000)) // 0x1p97
}

/// `double __math_uflow(uint32_t sign)`: ±0, raising underflow.
#[no_mangle]
pub extern "C" fn __math_uflow(sign: u32) -> f64 {
    __math_xflow(sign, f64::from_bits(0x1000000000000000)) // 0x1p-767
}

/// `float __math_uflowf(uint32_t sign)`.
#[no_mangle]
pub extern "C" fn __math_uflowf(sign: u32) -> f32 {
    __math_xflowf(sign, f32::from_bits(0x10000000)) // 0x1p-95
}

/// `double __math_divzero(uint32_t sign)`: ±inf, raising divide-by-zero.
#[no_mangle]
pub extern "C" fn __math_divzero(sign: u32) -> f64 {
    black_box(if sign != 0 { -1.0 } else { 1.0 }) / 0.0
}

/// `float __math_divzerof(uint32_t sign)`.
#[no_mangle]
pub extern "C" fn __math_divzerof(sign: u32) -> f32 {
    black_box(if sign != 0 { -1.0f32 } else { 1.0 }) / 0.0
}

/// `double __math_invalid(double x)`: NaN from (x - x) / (x - x).
#[no_mangle]
pub extern "C" fn __math_invalid(x: f64) -> f64 {
    let x = black_box(x);
    (x - x) / (x - x)
}

/// `float __math_invalidf(float x)`.
#[no_mangle]
pub extern "C" fn __math_invalidf(x: f32) -> f32 {
    let x = black_box(x);
    (x - x) / (x - x)
}

/// `long double __math_invalidl(long double x)`: (x - x) / (x - x) in
/// binary128.
#[no_mangle]
pub extern "C" fn __math_invalidl(x: u128) -> u128 {
    let x = Ld(x);
    ((x - x) / (x - x)).0
}
