//! musl's internal `double`/`float` trigonometric kernels and the scaled
//! exponentials used near overflow (`__cos`, `__sin`, `__tan`, `__cosdf`,
//! `__sindf`, `__tandf`, `__expo2`, `__expo2f`, `__ldexp_cexp`,
//! `__ldexp_cexpf`).
//!
//! These are not part of any public header, but wasi-libc's `libc.a`
//! exports them and C code built from musl sources calls them. Each kernel
//! evaluates the classic fdlibm minimax polynomial with the same operation
//! order as the C, so results are bit-identical (wasm has no implicit FMA).

use super::Complex;

// cos(x) ~ 1 - x^2/2 + x^4 * C(x^2) on [-pi/4, pi/4], |error| < 2^-58.
const COS_C1: f64 = 4.16666666666666019037e-02;
const COS_C2: f64 = -1.38888888888741095749e-03;
const COS_C3: f64 = 2.48015872894767294178e-05;
const COS_C4: f64 = -2.75573143513906633035e-07;
const COS_C5: f64 = 2.08757232129817482790e-09;
const COS_C6: f64 = -1.13596475577881948265e-11;

/// `double __cos(double x, double y)`: cos(x + y) for |x| <= pi/4, where `y`
/// is the tail of a reduced argument.
#[no_mangle]
pub extern "C" fn __cos(x: f64, y: f64) -> f64 {
    let z = x * x;
    let w = z * z;
    let r = z * (COS_C1 + z * (COS_C2 + z * COS_C3)) + w * w * (COS_C4 + z * (COS_C5 + z * COS_C6));
    let hz = 0.5 * z;
    let w = 1.0 - hz;
    w + (((1.0 - w) - hz) + (z * r - x * y))
}

// sin(x) ~ x + x^3 * S(x^2) on [-pi/4, pi/4], |error| < 2^-58.
const SIN_S1: f64 = -1.66666666666666324348e-01;
const SIN_S2: f64 = 8.33333333332248946124e-03;
const SIN_S3: f64 = -1.98412698298579493134e-04;
const SIN_S4: f64 = 2.75573137070700676789e-06;
const SIN_S5: f64 = -2.50507602534068634195e-08;
const SIN_S6: f64 = 1.58969099521155010221e-10;

/// `double __sin(double x, double y, int iy)`: sin(x + y) for |x| <= pi/4;
/// `iy == 0` means `y` is zero.
#[no_mangle]
pub extern "C" fn __sin(x: f64, y: f64, iy: i32) -> f64 {
    let z = x * x;
    let w = z * z;
    let r = SIN_S2 + z * (SIN_S3 + z * SIN_S4) + z * w * (SIN_S5 + z * SIN_S6);
    let v = z * x;
    if iy == 0 {
        x + v * (SIN_S1 + z * r)
    } else {
        x - ((z * (0.5 * y - v * r) - y) - v * SIN_S1)
    }
}

// tan(x) ~ x + x^3 * T(x^2) on [-0.67434, 0.67434].
const TAN_T: [f64; 13] = [
    3.33333333333334091986e-01,
    1.33333333333201242699e-01,
    5.39682539762260521377e-02,
    2.18694882948595424599e-02,
    8.86323982359930005737e-03,
    3.59207910759131235356e-03,
    1.45620945432529025516e-03,
    5.88041240820264096874e-04,
    2.46463134818469906812e-04,
    7.81794442939557092300e-05,
    7.14072491382608190305e-05,
    -1.85586374855275456654e-05,
    2.59073051863633712884e-05,
];
const PIO4: f64 = 7.85398163397448278999e-01;
const PIO4_LO: f64 = 3.06161699786838301793e-17;

/// Clears the low 32 bits of a double (`SET_LOW_WORD(x, 0)`).
fn clear_low(x: f64) -> f64 {
    f64::from_bits(x.to_bits() & 0xffff_ffff_0000_0000)
}

/// `double __tan(double x, double y, int odd)`: tan(x + y) for |x| <= pi/4,
/// or -1/tan(x + y) when `odd` is nonzero.
#[no_mangle]
pub extern "C" fn __tan(x: f64, y: f64, odd: i32) -> f64 {
    let t = &TAN_T;
    let hx = (x.to_bits() >> 32) as u32;
    let big = hx & 0x7fff_ffff >= 0x3FE5_9428; // |x| >= 0.6744
    let (mut x, mut y) = (x, y);
    let negative = hx >> 31 != 0;
    if big {
        if negative {
            x = -x;
            y = -y;
        }
        x = (PIO4 - x) + (PIO4_LO - y);
        y = 0.0;
    }
    let z = x * x;
    let w = z * z;
    let r = t[1] + w * (t[3] + w * (t[5] + w * (t[7] + w * (t[9] + w * t[11]))));
    let v = z * (t[2] + w * (t[4] + w * (t[6] + w * (t[8] + w * (t[10] + w * t[12])))));
    let s = z * x;
    let r = y + z * (s * (r + v) + y) + s * t[0];
    let w = x + r;
    if big {
        let s = (1 - 2 * odd) as f64;
        let v = s - 2.0 * (x + (r - w * w / (w + s)));
        return if negative { -v } else { v };
    }
    if odd == 0 {
        return w;
    }
    // -1/(x + r) computed accurately.
    let w0 = clear_low(w);
    let v = r - (w0 - x);
    let a = -1.0 / w;
    let a0 = clear_low(a);
    a0 + a * (1.0 + a0 * w0 + a0 * v)
}

// Single-precision kernels, evaluated in double.
const COSF_C0: f64 = -0.499999997251031003120;
const COSF_C1: f64 = 0.0416666233237390631894;
const COSF_C2: f64 = -0.00138867637746099294692;
const COSF_C3: f64 = 0.0000243904487962774090654;

/// `float __cosdf(double x)`: cos(x) for |x| <= pi/4, to float precision.
#[no_mangle]
pub extern "C" fn __cosdf(x: f64) -> f32 {
    let z = x * x;
    let w = z * z;
    let r = COSF_C2 + z * COSF_C3;
    (((1.0 + z * COSF_C0) + w * COSF_C1) + (w * z) * r) as f32
}

const SINF_S1: f64 = -0.166666666416265235595;
const SINF_S2: f64 = 0.0083333293858894631756;
const SINF_S3: f64 = -0.000198393348360966317347;
const SINF_S4: f64 = 0.0000027183114939898219064;

/// `float __sindf(double x)`: sin(x) for |x| <= pi/4, to float precision.
#[no_mangle]
pub extern "C" fn __sindf(x: f64) -> f32 {
    let z = x * x;
    let w = z * z;
    let r = SINF_S3 + z * SINF_S4;
    let s = z * x;
    ((x + s * (SINF_S1 + z * SINF_S2)) + s * w * r) as f32
}

const TANF_T: [f64; 6] = [
    0.333331395030791399758,
    0.133392002712976742718,
    0.0533812378445670393523,
    0.0245283181166547278873,
    0.00297435743359967304927,
    0.00946564784943673166728,
];

/// `float __tandf(double x, int odd)`: tan(x), or -1/tan(x) when `odd`, for
/// |x| <= pi/4, to float precision.
#[no_mangle]
pub extern "C" fn __tandf(x: f64, odd: i32) -> f32 {
    let t = &TANF_T;
    let z = x * x;
    let r = t[4] + z * t[5];
    let tt = t[2] + z * t[3];
    let w = z * z;
    let s = z * x;
    let u = t[0] + z * t[1];
    let r = (x + s * u) + (s * w) * (tt + w * r);
    (if odd != 0 { -1.0 / r } else { r }) as f32
}

/// `double __expo2(double x)`: exp(x) / 2 for x near the overflow
/// threshold, without spurious overflow (exp(x - k ln2) 2^(k-1)). (This is
/// the one-argument form wasi-libc's musl has; newer musl adds a sign.)
#[no_mangle]
pub extern "C" fn __expo2(x: f64) -> f64 {
    const K: u32 = 2043;
    const KLN2: f64 = f64::from_bits(0x40962066151add8b); // 0x1.62066151add8bp+10
    let scale = f64::from_bits(u64::from((0x3ff + K / 2) << 20) << 32);
    super::exp(x - KLN2) * scale * scale
}

/// `float __expo2f(float x)`: the float version of [`__expo2`].
#[no_mangle]
pub extern "C" fn __expo2f(x: f32) -> f32 {
    const K: u32 = 235;
    const KLN2: f32 = f32::from_bits(0x4322e3bc); // 0x1.45c778p+7
    let scale = f32::from_bits((0x7f + K / 2) << 23);
    super::expf(x - KLN2) * scale * scale
}

/// exp(x) as a mantissa in [2^1023, 2^1024) and a separate exponent, for
/// ln(DBL_MAX) <= x < ~1454.91.
fn frexp_exp(x: f64) -> (f64, i32) {
    const K: i32 = 1799;
    const KLN2: f64 = 1246.97177782734161156; // K * ln 2
    let e = super::exp(x - KLN2);
    let bits = e.to_bits();
    let hx = (bits >> 32) as u32;
    let expt = (hx >> 20) as i32 - (0x3ff + 1023) + K;
    let hi = u64::from((hx & 0xfffff) | ((0x3ff + 1023) << 20));
    (f64::from_bits((hi << 32) | (bits & 0xffff_ffff)), expt)
}

/// `double complex __ldexp_cexp(double complex z, int expt)`:
/// exp(z) * 2^expt for large real parts, without spurious overflow.
#[no_mangle]
pub extern "C" fn __ldexp_cexp(z: Complex<f64>, expt: i32) -> Complex<f64> {
    let (exp_x, ex_expt) = frexp_exp(z.re);
    let expt = expt.wrapping_add(ex_expt);
    let half = expt / 2;
    let scale1 = f64::from_bits(u64::from((0x3ff_i32.wrapping_add(half) as u32) << 20) << 32);
    let half = expt - half;
    let scale2 = f64::from_bits(u64::from((0x3ff_i32.wrapping_add(half) as u32) << 20) << 32);
    Complex {
        re: libm::cos(z.im) * exp_x * scale1 * scale2,
        im: libm::sin(z.im) * exp_x * scale1 * scale2,
    }
}

/// expf(x) as a mantissa in [2^127, 2^128) and a separate exponent.
fn frexp_expf(x: f32) -> (f32, i32) {
    const K: i32 = 235;
    const KLN2: f32 = 162.88958740234375; // K * ln 2
    let e = super::expf(x - KLN2);
    let hx = e.to_bits();
    let expt = (hx >> 23) as i32 - (0x7f + 127) + K;
    (f32::from_bits((hx & 0x7fffff) | ((0x7f + 127) << 23)), expt)
}

/// `float complex __ldexp_cexpf(float complex z, int expt)`.
#[no_mangle]
pub extern "C" fn __ldexp_cexpf(z: Complex<f32>, expt: i32) -> Complex<f32> {
    let (exp_x, ex_expt) = frexp_expf(z.re);
    let expt = expt.wrapping_add(ex_expt);
    let half = expt / 2;
    let scale1 = f32::from_bits((0x7f_i32.wrapping_add(half) as u32) << 23);
    let half = expt - half;
    let scale2 = f32::from_bits((0x7f_i32.wrapping_add(half) as u32) << 23);
    Complex {
        re: libm::cosf(z.im) * exp_x * scale1 * scale2,
        im: libm::sinf(z.im) * exp_x * scale1 * scale2,
    }
}
