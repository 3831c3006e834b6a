//! `<math.h>` for `double` and `float`.
//!
//! Most functions wrap the `libm` crate (a Rust port of musl's libm). Where
//! `libm` uses different algorithms from musl (and so gives results that
//! differ from wasi-libc's in the last bit), musl's are reimplemented in
//! submodules: `exp_pow`/`exp_powf` (table-driven exp, exp2, pow, expf,
//! exp2f, logf, log2f, powf over the generated `tables`), `musl_misc`
//! (exp10, cbrt, cosh, asinhf, acoshf), `erf`/`erff`, `tgamma`, `lgammaf`.
//! Known remaining differences: `log`/`log2` (and `asinh`, `acosh`,
//! `lgamma`, which call them) need `__log_data`/`__log2_data`, which are not
//! generated (see `gen_tables.py`).
//!
//! Rust's own `f64::sin`, `f32::powf`, `%` on floats ... compile to calls of
//! these symbols, so a Rust program needs them as much as a C one. The
//! `long double` functions are in `math_ld.rs` (through double) and the
//! `ld_*` submodules (exact binary128).
//!
//! Other submodules hold musl's internal symbols that wasi-libc's `libc.a`
//! also exports: kernels, argument reduction, error helpers, binary128
//! helpers, data tables.

#![allow(clippy::missing_safety_doc)]
// Published coefficients are written with all their digits (they must round
// to the same doubles as in the C), constants like pi are the C's exact
// literals, and `x - x` / `(x - x) / (x - x)` deliberately make NaNs at run
// time, as musl does; `y = a * b + y` keeps the C's form.
#![allow(clippy::excessive_precision, clippy::approx_constant, clippy::eq_op, clippy::assign_op_pattern)]

mod consts;
pub mod erf;
pub mod erff;
pub mod errors;
pub mod exp_pow;
pub mod exp_powf;
pub mod kernels;
pub mod ld128;
pub mod ld_arith;
pub mod ld_exact;
pub mod ld_fma;
pub mod ld_inv;
pub mod ld_trig;
pub mod lgammaf;
pub mod musl_misc;
pub mod rem_pio2;
pub mod soft128;
pub mod tgamma;
pub mod tables;

use core::ffi::{c_char, c_int, c_long, c_longlong};

pub use erf::{erf, erfc};
pub use erff::{erfcf, erff};
pub use exp_pow::{exp, exp2, pow};
pub use exp_powf::{exp2f, expf, log2f, logf, powf};
pub use musl_misc::{acoshf, asinhf, cbrt, cosh, coshf, exp10, exp10f};
pub use tgamma::tgamma;

macro_rules! f1 {
    ($($name:ident: $t:ty;)*) => {
        $(
            #[doc = concat!("`", stringify!($name), "`.")]
            #[no_mangle]
            pub extern "C" fn $name(x: $t) -> $t {
                libm::$name(x)
            }
        )*
    };
}

macro_rules! f2 {
    ($($name:ident: $t:ty;)*) => {
        $(
            #[doc = concat!("`", stringify!($name), "`.")]
            #[no_mangle]
            pub extern "C" fn $name(x: $t, y: $t) -> $t {
                libm::$name(x, y)
            }
        )*
    };
}

f1! {
    acos: f64;
    acosh: f64;
    asin: f64;
    asinh: f64;
    atan: f64;
    atanh: f64;
    ceil: f64;
    cos: f64;
    expm1: f64;
    fabs: f64;
    floor: f64;
    j0: f64;
    j1: f64;
    log: f64;
    log10: f64;
    log1p: f64;
    log2: f64;
    rint: f64;
    round: f64;
    roundeven: f64;
    sin: f64;
    sinh: f64;
    sqrt: f64;
    tan: f64;
    tanh: f64;
    trunc: f64;
    y0: f64;
    y1: f64;
    acosf: f32;
    asinf: f32;
    atanf: f32;
    atanhf: f32;
    cbrtf: f32;
    ceilf: f32;
    cosf: f32;
    expm1f: f32;
    fabsf: f32;
    floorf: f32;
    j0f: f32;
    j1f: f32;
    log10f: f32;
    log1pf: f32;
    rintf: f32;
    roundf: f32;
    roundevenf: f32;
    sinf: f32;
    sinhf: f32;
    sqrtf: f32;
    tanf: f32;
    tanhf: f32;
    tgammaf: f32;
    truncf: f32;
    y0f: f32;
    y1f: f32;
}

f2! {
    atan2: f64;
    copysign: f64;
    fdim: f64;
    fmax: f64;
    fmin: f64;
    fmod: f64;
    hypot: f64;
    nextafter: f64;
    remainder: f64;
    fmaximum: f64;
    fminimum: f64;
    fmaximum_num: f64;
    fminimum_num: f64;
    atan2f: f32;
    copysignf: f32;
    fdimf: f32;
    fmaxf: f32;
    fminf: f32;
    fmodf: f32;
    hypotf: f32;
    nextafterf: f32;
    remainderf: f32;
    fmaximumf: f32;
    fminimumf: f32;
    fmaximum_numf: f32;
    fminimum_numf: f32;
}

/// `fma`.
#[no_mangle]
pub extern "C" fn fma(x: f64, y: f64, z: f64) -> f64 {
    libm::fma(x, y, z)
}

/// `fmaf`.
#[no_mangle]
pub extern "C" fn fmaf(x: f32, y: f32, z: f32) -> f32 {
    libm::fmaf(x, y, z)
}

/// `frexp`.
#[no_mangle]
pub unsafe extern "C" fn frexp(x: f64, e: *mut c_int) -> f64 {
    let (m, exp) = libm::frexp(x);
    *e = exp;
    m
}

/// `frexpf`.
#[no_mangle]
pub unsafe extern "C" fn frexpf(x: f32, e: *mut c_int) -> f32 {
    let (m, exp) = libm::frexpf(x);
    *e = exp;
    m
}

/// `ldexp`.
#[no_mangle]
pub extern "C" fn ldexp(x: f64, n: c_int) -> f64 {
    libm::ldexp(x, n)
}

/// `ldexpf`.
#[no_mangle]
pub extern "C" fn ldexpf(x: f32, n: c_int) -> f32 {
    libm::ldexpf(x, n)
}

/// `scalbn`.
#[no_mangle]
pub extern "C" fn scalbn(x: f64, n: c_int) -> f64 {
    libm::scalbn(x, n)
}

/// `scalbnf`.
#[no_mangle]
pub extern "C" fn scalbnf(x: f32, n: c_int) -> f32 {
    libm::scalbnf(x, n)
}

/// Clamps a `long` exponent to `int` (beyond that the result saturates anyway).
fn clamp_exp(n: c_long) -> c_int {
    n.clamp(-65536, 65536) as c_int
}

/// `scalbln`.
#[no_mangle]
pub extern "C" fn scalbln(x: f64, n: c_long) -> f64 {
    libm::scalbn(x, clamp_exp(n))
}

/// `scalblnf`.
#[no_mangle]
pub extern "C" fn scalblnf(x: f32, n: c_long) -> f32 {
    libm::scalbnf(x, clamp_exp(n))
}

/// `ilogb`.
#[no_mangle]
pub extern "C" fn ilogb(x: f64) -> c_int {
    libm::ilogb(x)
}

/// `ilogbf`.
#[no_mangle]
pub extern "C" fn ilogbf(x: f32) -> c_int {
    libm::ilogbf(x)
}

/// `logb`: the exponent as a double (-inf for 0, +inf for inf, NaN for NaN).
#[no_mangle]
pub extern "C" fn logb(x: f64) -> f64 {
    if !x.is_finite() {
        return x * x;
    }
    if x == 0.0 {
        return -1.0 / (x * x);
    }
    libm::ilogb(x) as f64
}

/// `logbf`.
#[no_mangle]
pub extern "C" fn logbf(x: f32) -> f32 {
    if !x.is_finite() {
        return x * x;
    }
    if x == 0.0 {
        return -1.0 / (x * x);
    }
    libm::ilogbf(x) as f32
}

/// `modf`.
#[no_mangle]
pub unsafe extern "C" fn modf(x: f64, ip: *mut f64) -> f64 {
    let (f, i) = libm::modf(x);
    *ip = i;
    f
}

/// `modff`.
#[no_mangle]
pub unsafe extern "C" fn modff(x: f32, ip: *mut f32) -> f32 {
    let (f, i) = libm::modff(x);
    *ip = i;
    f
}

/// `remquo`.
#[no_mangle]
pub unsafe extern "C" fn remquo(x: f64, y: f64, q: *mut c_int) -> f64 {
    let (r, quo) = libm::remquo(x, y);
    *q = quo;
    r
}

/// `remquof`.
#[no_mangle]
pub unsafe extern "C" fn remquof(x: f32, y: f32, q: *mut c_int) -> f32 {
    let (r, quo) = libm::remquof(x, y);
    *q = quo;
    r
}

/// `sincos`.
#[no_mangle]
pub unsafe extern "C" fn sincos(x: f64, s: *mut f64, c: *mut f64) {
    let (sv, cv) = libm::sincos(x);
    *s = sv;
    *c = cv;
}

/// `sincosf`.
#[no_mangle]
pub unsafe extern "C" fn sincosf(x: f32, s: *mut f32, c: *mut f32) {
    let (sv, cv) = libm::sincosf(x);
    *s = sv;
    *c = cv;
}

/// `lgamma_r`.
#[no_mangle]
pub unsafe extern "C" fn lgamma_r(x: f64, sign: *mut c_int) -> f64 {
    let (r, s) = libm::lgamma_r(x);
    *sign = s;
    r
}

/// `__lgamma_r` (musl internal name).
#[no_mangle]
pub unsafe extern "C" fn __lgamma_r(x: f64, sign: *mut c_int) -> f64 {
    lgamma_r(x, sign)
}

/// `lgammaf_r`.
#[no_mangle]
pub unsafe extern "C" fn lgammaf_r(x: f32, sign: *mut c_int) -> f32 {
    let (r, s) = lgammaf::lgammaf_r(x);
    *sign = s;
    r
}

/// `__lgammaf_r` (musl internal name of `lgammaf_r`).
#[no_mangle]
pub unsafe extern "C" fn __lgammaf_r(x: f32, sign: *mut c_int) -> f32 {
    lgammaf_r(x, sign)
}

/// `jn`.
#[no_mangle]
pub extern "C" fn jn(n: c_int, x: f64) -> f64 {
    libm::jn(n, x)
}

/// `yn`.
#[no_mangle]
pub extern "C" fn yn(n: c_int, x: f64) -> f64 {
    libm::yn(n, x)
}

/// `jnf`.
#[no_mangle]
pub extern "C" fn jnf(n: c_int, x: f32) -> f32 {
    libm::jnf(n, x)
}

/// `ynf`.
#[no_mangle]
pub extern "C" fn ynf(n: c_int, x: f32) -> f32 {
    libm::ynf(n, x)
}

/// `nearbyint`: `rint` (no floating-point exceptions on wasm).
#[no_mangle]
pub extern "C" fn nearbyint(x: f64) -> f64 {
    libm::rint(x)
}

/// `nearbyintf`.
#[no_mangle]
pub extern "C" fn nearbyintf(x: f32) -> f32 {
    libm::rintf(x)
}

/// `lrint` (out-of-range results saturate).
#[no_mangle]
pub extern "C" fn lrint(x: f64) -> c_long {
    libm::rint(x) as c_long
}

/// `lrintf`.
#[no_mangle]
pub extern "C" fn lrintf(x: f32) -> c_long {
    libm::rintf(x) as c_long
}

/// `llrint`.
#[no_mangle]
pub extern "C" fn llrint(x: f64) -> c_longlong {
    libm::rint(x) as c_longlong
}

/// `llrintf`.
#[no_mangle]
pub extern "C" fn llrintf(x: f32) -> c_longlong {
    libm::rintf(x) as c_longlong
}

/// `lround`.
#[no_mangle]
pub extern "C" fn lround(x: f64) -> c_long {
    libm::round(x) as c_long
}

/// `lroundf`.
#[no_mangle]
pub extern "C" fn lroundf(x: f32) -> c_long {
    libm::roundf(x) as c_long
}

/// `llround`.
#[no_mangle]
pub extern "C" fn llround(x: f64) -> c_longlong {
    libm::round(x) as c_longlong
}

/// `llroundf`.
#[no_mangle]
pub extern "C" fn llroundf(x: f32) -> c_longlong {
    libm::roundf(x) as c_longlong
}

/// `pow10` (GNU name of `exp10`).
#[no_mangle]
pub extern "C" fn pow10(x: f64) -> f64 {
    exp10(x)
}

/// `pow10f`.
#[no_mangle]
pub extern "C" fn pow10f(x: f32) -> f32 {
    exp10f(x)
}

/// `drem` (BSD name of `remainder`).
#[no_mangle]
pub extern "C" fn drem(x: f64, y: f64) -> f64 {
    libm::remainder(x, y)
}

/// `dremf`.
#[no_mangle]
pub extern "C" fn dremf(x: f32, y: f32) -> f32 {
    libm::remainderf(x, y)
}

/// `lgamma`: also sets `signgam`, as musl does.
#[no_mangle]
pub unsafe extern "C" fn lgamma(x: f64) -> f64 {
    let (r, s) = libm::lgamma_r(x);
    set_signgam(s);
    r
}

/// `lgammaf`: also sets `signgam`.
#[no_mangle]
pub unsafe extern "C" fn lgammaf(x: f32) -> f32 {
    let (r, s) = lgammaf::lgammaf_r(x);
    set_signgam(s);
    r
}

/// `gamma` (BSD name of `lgamma`).
#[no_mangle]
pub unsafe extern "C" fn gamma(x: f64) -> f64 {
    lgamma(x)
}

/// `gammaf`.
#[no_mangle]
pub unsafe extern "C" fn gammaf(x: f32) -> f32 {
    lgammaf(x)
}

/// `significand`: `scalbn(x, -ilogb(x))`.
#[no_mangle]
pub extern "C" fn significand(x: f64) -> f64 {
    libm::scalbn(x, -libm::ilogb(x))
}

/// `significandf`.
#[no_mangle]
pub extern "C" fn significandf(x: f32) -> f32 {
    libm::scalbnf(x, -libm::ilogbf(x))
}

/// `finite`.
#[no_mangle]
pub extern "C" fn finite(x: f64) -> c_int {
    c_int::from(x.is_finite())
}

/// `finitef`.
#[no_mangle]
pub extern "C" fn finitef(x: f32) -> c_int {
    c_int::from(x.is_finite())
}

/// `nan`: a quiet NaN (the tag string is ignored, as in musl).
#[no_mangle]
pub extern "C" fn nan(_tag: *const c_char) -> f64 {
    f64::NAN
}

/// `nanf`.
#[no_mangle]
pub extern "C" fn nanf(_tag: *const c_char) -> f32 {
    f32::NAN
}

/// The `signgam` variable set by `lgamma`.
#[no_mangle]
pub static mut signgam: c_int = 0;

/// `__signgam`: musl's name for `signgam` (there one object under two
/// names; here a second variable that `lgamma*` keep equal to it).
#[no_mangle]
pub static mut __signgam: c_int = 0;

/// Stores the sign of the last `lgamma` result in both names.
unsafe fn set_signgam(s: c_int) {
    signgam = s;
    __signgam = s;
}

/// `scalb` (obsolete): `scalbn` with a double exponent, musl's edge cases.
#[no_mangle]
pub extern "C" fn scalb(x: f64, e: f64) -> f64 {
    if x.is_nan() || e.is_nan() {
        return x * e;
    }
    if !e.is_finite() {
        return if e > 0.0 { x * e } else { x / -e };
    }
    if libm::rint(e) != e {
        // musl computes the NaN at run time; its sign is the host's.
        #[allow(clippy::eq_op)]
        return (e - e) / (e - e);
    }
    if e > 65000.0 {
        return libm::scalbn(x, 65000);
    }
    if -e > 65000.0 {
        return libm::scalbn(x, -65000);
    }
    libm::scalbn(x, e as c_int)
}

/// `scalbf`.
#[no_mangle]
pub extern "C" fn scalbf(x: f32, e: f32) -> f32 {
    if x.is_nan() || e.is_nan() {
        return x * e;
    }
    if !e.is_finite() {
        return if e > 0.0 { x * e } else { x / -e };
    }
    if libm::rintf(e) != e {
        #[allow(clippy::eq_op)]
        return (e - e) / (e - e);
    }
    if e > 65000.0 {
        return libm::scalbnf(x, 65000);
    }
    if -e > 65000.0 {
        return libm::scalbnf(x, -65000);
    }
    libm::scalbnf(x, e as c_int)
}

/// Orders two non-NaN binary128 bit patterns: -1, 0 or 1.
fn cmp_ld(a: u128, b: u128) -> i32 {
    let key = |v: u128| -> i128 {
        let mag = (v & !(1u128 << 127)) as i128;
        if v >> 127 == 1 {
            -mag
        } else {
            mag
        }
    };
    match key(a).cmp(&key(b)) {
        core::cmp::Ordering::Less => -1,
        core::cmp::Ordering::Equal => 0,
        core::cmp::Ordering::Greater => 1,
    }
}

fn ld_is_nan(v: u128) -> bool {
    (v >> 112) & 0x7fff == 0x7fff && v & ((1u128 << 112) - 1) != 0
}

/// `nexttoward`: the next double after `x` toward the long double `y`.
#[no_mangle]
pub extern "C" fn nexttoward(x: f64, y: u128) -> f64 {
    if x.is_nan() || ld_is_nan(y) {
        return x + crate::math_ld::to_f64(y);
    }
    let c = cmp_ld(crate::math_ld::from_f64(x), y);
    if c == 0 {
        return crate::math_ld::to_f64(y);
    }
    let mut bits = x.to_bits();
    if x == 0.0 {
        bits = 1 | (((y >> 127) as u64) << 63);
    } else if (c < 0) == (x > 0.0) {
        bits += 1;
    } else {
        bits -= 1;
    }
    f64::from_bits(bits)
}

/// `nexttowardf`.
#[no_mangle]
pub extern "C" fn nexttowardf(x: f32, y: u128) -> f32 {
    if x.is_nan() || ld_is_nan(y) {
        return x + crate::math_ld::to_f64(y) as f32;
    }
    let c = cmp_ld(crate::math_ld::from_f64(x as f64), y);
    if c == 0 {
        return crate::math_ld::to_f64(y) as f32;
    }
    let mut bits = x.to_bits();
    if x == 0.0 {
        bits = 1 | (((y >> 127) as u32) << 31);
    } else if (c < 0) == (x > 0.0) {
        bits += 1;
    } else {
        bits -= 1;
    }
    f32::from_bits(bits)
}

/// `double complex` / `float complex` values (real, imaginary).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Complex<T> {
    pub re: T,
    pub im: T,
}

/// `creal`.
#[no_mangle]
pub extern "C" fn creal(z: Complex<f64>) -> f64 {
    z.re
}

/// `cimag`.
#[no_mangle]
pub extern "C" fn cimag(z: Complex<f64>) -> f64 {
    z.im
}

/// `crealf`.
#[no_mangle]
pub extern "C" fn crealf(z: Complex<f32>) -> f32 {
    z.re
}

/// `cimagf`.
#[no_mangle]
pub extern "C" fn cimagf(z: Complex<f32>) -> f32 {
    z.im
}

/// `conj`.
#[no_mangle]
pub extern "C" fn conj(z: Complex<f64>) -> Complex<f64> {
    Complex { re: z.re, im: -z.im }
}

/// `conjf`.
#[no_mangle]
pub extern "C" fn conjf(z: Complex<f32>) -> Complex<f32> {
    Complex { re: z.re, im: -z.im }
}

/// `cabs`: `hypot(re, im)`.
#[no_mangle]
pub extern "C" fn cabs(z: Complex<f64>) -> f64 {
    libm::hypot(z.re, z.im)
}

/// `cabsf`.
#[no_mangle]
pub extern "C" fn cabsf(z: Complex<f32>) -> f32 {
    libm::hypotf(z.re, z.im)
}

/// `carg`: `atan2(im, re)`.
#[no_mangle]
pub extern "C" fn carg(z: Complex<f64>) -> f64 {
    libm::atan2(z.im, z.re)
}

/// `cargf`.
#[no_mangle]
pub extern "C" fn cargf(z: Complex<f32>) -> f32 {
    libm::atan2f(z.im, z.re)
}

/// `cproj`: infinities project to (inf, ±0).
#[no_mangle]
pub extern "C" fn cproj(z: Complex<f64>) -> Complex<f64> {
    if z.re.is_infinite() || z.im.is_infinite() {
        return Complex { re: f64::INFINITY, im: libm::copysign(0.0, z.im) };
    }
    z
}

/// `cprojf`.
#[no_mangle]
pub extern "C" fn cprojf(z: Complex<f32>) -> Complex<f32> {
    if z.re.is_infinite() || z.im.is_infinite() {
        return Complex { re: f32::INFINITY, im: libm::copysignf(0.0, z.im) };
    }
    z
}
