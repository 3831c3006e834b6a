//! musl's internal `long double` (binary128) helpers: the trigonometric
//! kernels `__cosl`/`__sinl`/`__tanl`, the reduction `__rem_pio2l`, the
//! inverse-trig rational `__invtrigl_R` with `__pio2_hi`/`__pio2_lo`, the
//! Cephes polynomial evaluators `__polevll`/`__p1evll`, and `__lgammal_r`.
//!
//! Arithmetic is exact binary128 through [`Ld`] (the compiler-rt soft-float
//! calls clang emits for the C), with the same operation order as the C, so
//! results are bit-identical to wasi-libc's. Coefficients come from
//! `consts.rs` (see `gen_consts.py`).

use core::ffi::c_int;

use super::consts::*;
use super::rem_pio2::rem_pio2_large;
use super::soft128::Ld;

/// Evaluates `c[0] + z*(c[1] + z*(... + z*c[n-1]))` the way the nested C
/// expression does (innermost first, a multiply then an add per step).
fn horner(z: Ld, c: &[u128]) -> Ld {
    let mut acc = match c.last() {
        Some(&v) => Ld(v),
        None => return Ld(0),
    };
    for &ci in c.iter().rev().skip(1) {
        acc = Ld(ci) + z * acc;
    }
    acc
}

const ONE: Ld = Ld::c(1.0);
const HALF: Ld = Ld::c(0.5);
const TWO: Ld = Ld::c(2.0);

/// `long double __cosl(long double x, long double y)`: cos(x + y) for
/// |x| <= pi/4.
#[no_mangle]
pub extern "C" fn __cosl(x: u128, y: u128) -> u128 {
    const C: [u128; 11] = [
        COSL_C1, COSL_C2, COSL_C3, COSL_C4, COSL_C5, COSL_C6, COSL_C7, COSL_C8, COSL_C9, COSL_C10, COSL_C11,
    ];
    let (x, y) = (Ld(x), Ld(y));
    let z = x * x;
    let r = z * horner(z, &C);
    let hz = HALF * z;
    let w = ONE - hz;
    (w + (((ONE - w) - hz) + (z * r - x * y))).0
}

/// `long double __sinl(long double x, long double y, int iy)`: sin(x + y)
/// for |x| <= pi/4; `iy == 0` means `y` is zero.
#[no_mangle]
pub extern "C" fn __sinl(x: u128, y: u128, iy: c_int) -> u128 {
    const S: [u128; 11] = [
        SINL_S2, SINL_S3, SINL_S4, SINL_S5, SINL_S6, SINL_S7, SINL_S8, SINL_S9, SINL_S10, SINL_S11, SINL_S12,
    ];
    let (x, y) = (Ld(x), Ld(y));
    let s1 = Ld(SINL_S1);
    let z = x * x;
    let v = z * x;
    let r = horner(z, &S);
    if iy == 0 {
        return (x + v * (s1 + z * r)).0;
    }
    (x - ((z * (HALF * y - v * r) - y) - v * s1)).0
}

/// `long double __tanl(long double x, long double y, int odd)`: tan(x + y),
/// or -1/tan(x + y) when `odd`, for |x| <= pi/4.
#[no_mangle]
pub extern "C" fn __tanl(x: u128, y: u128, odd: c_int) -> u128 {
    const R: [u128; 14] = [
        TANL_T5, TANL_T9, TANL_T13, TANL_T17, TANL_T21, TANL_T25, TANL_T29, TANL_T33, TANL_T37, TANL_T41,
        TANL_T45, TANL_T49, TANL_T53, TANL_T57,
    ];
    const V: [u128; 13] = [
        TANL_T7, TANL_T11, TANL_T15, TANL_T19, TANL_T23, TANL_T27, TANL_T31, TANL_T35, TANL_T39, TANL_T43,
        TANL_T47, TANL_T51, TANL_T55,
    ];
    let (mut x, mut y) = (Ld(x), Ld(y));
    let big = x.abs().ge(Ld::c(0.67434));
    let mut negative = false;
    if big {
        if x.lt(Ld(0)) {
            negative = true;
            x = -x;
            y = -y;
        }
        x = (Ld(TANL_PIO4) - x) + (Ld(TANL_PIO4LO) - y);
        y = Ld(0);
    }
    let z = x * x;
    let w = z * z;
    let r = horner(w, &R);
    let v = z * horner(w, &V);
    let s = z * x;
    let r = y + z * (s * (r + v) + y) + Ld(TANL_T3) * s;
    let w = x + r;
    if big {
        let s = Ld::from_f64(f64::from(1 - 2 * odd));
        let v = s - TWO * (x + (r - w * w / (w + s)));
        return if negative { (-v).0 } else { v.0 };
    }
    if odd == 0 {
        return w.0;
    }
    // -1/(x + r) computed accurately: split w and -1/w at 2^32 granularity.
    let p32 = Ld::c(4294967296.0);
    let z = w + p32 - p32;
    let v = r - (z - x);
    let a = -ONE / w;
    let t = a + p32 - p32;
    let s = ONE + t * z;
    (t + a * (s + t * v)).0
}

/// `int __rem_pio2l(long double x, long double *y)`: x - n pi/2 as
/// `y[0] + y[1]`; returns n (low bits significant).
///
/// # Safety
/// `y` must point to two writable `long double`s.
#[no_mangle]
pub unsafe extern "C" fn __rem_pio2l(x: u128, y: *mut u128) -> c_int {
    let (n, y0, y1) = rem_pio2l(Ld(x));
    y.write_unaligned(y0.0);
    y.add(1).write_unaligned(y1.0);
    n
}

/// Safe core of [`__rem_pio2l`]: (n, y0, y1).
pub fn rem_pio2l(x: Ld) -> (c_int, Ld, Ld) {
    const ROUND1: i32 = 51;
    const ROUND2: i32 = 119;
    let toint = Ld::c(1.5) * Ld((16383u128 + 112) << 112); // 1.5 / LDBL_EPSILON
    let ex = x.biased_exp();
    let top = ((x.0 >> 96) & 0xffff) as u32;
    let small = ((ex as u32) << 16 | top) < ((0x3fff + 45) << 16 | 0x921f);
    if small {
        let pio4 = Ld(RPIO2L_PIO4);
        let (p1, p1t) = (Ld(RPIO2L_PIO2_1), Ld(RPIO2L_PIO2_1T));
        let mut f = x * Ld(RPIO2L_INVPIO2) + toint - toint;
        let mut n = (f.to_i64() as u32 & 0x7fff_ffff) as i32;
        let mut r = x - f * p1;
        let mut w = f * p1t;
        if (r - w).lt(-pio4) {
            n -= 1;
            f = f - ONE;
            r = x - f * p1;
            w = f * p1t;
        } else if pio4.lt(r - w) {
            n += 1;
            f = f + ONE;
            r = x - f * p1;
            w = f * p1t;
        }
        let mut y0 = r - w;
        if ex - y0.biased_exp() > ROUND1 {
            let t = r;
            w = f * Ld(RPIO2L_PIO2_2);
            r = t - w;
            w = f * Ld(RPIO2L_PIO2_2T) - ((t - r) - w);
            y0 = r - w;
            if ex - y0.biased_exp() > ROUND2 {
                let t = r;
                w = f * Ld(RPIO2L_PIO2_3);
                r = t - w;
                w = f * Ld(RPIO2L_PIO2_3T) - ((t - r) - w);
                y0 = r - w;
            }
        }
        let y1 = (r - y0) - w;
        return (n, y0, y1);
    }
    if ex == 0x7fff {
        let v = x - x;
        return (0, v, v);
    }
    // z = |x| scaled to [2^23, 2^24), cut into five 24-bit pieces.
    let mut z = Ld((x.0 & ((1u128 << 112) - 1)) | ((0x3fff + 23) << 112));
    let p24 = Ld::c(16777216.0);
    let mut tx = [0.0f64; 5];
    for t in tx.iter_mut().take(4) {
        *t = f64::from(z.to_i32());
        z = (z - Ld::from_f64(*t)) * p24;
    }
    tx[4] = z.to_f64();
    let mut nx = 5;
    while nx > 1 && tx[nx - 1] == 0.0 {
        nx -= 1;
    }
    let mut ty = [0.0f64; 3];
    let n = rem_pio2_large(&tx[..nx], &mut ty, ex - 0x3fff - 23, 3);
    let mut w = Ld::from_f64(ty[1]);
    w = w + Ld::from_f64(ty[2]);
    let r = Ld::from_f64(ty[0]) + w;
    w = w - (r - Ld::from_f64(ty[0]));
    if x.sign() {
        (-n, -r, -w)
    } else {
        (n, r, w)
    }
}

/// `long double __invtrigl_R(long double z)`: the rational approximation
/// asin(x) = x + x^3 R(x^2) shared by asinl/acosl.
#[no_mangle]
pub extern "C" fn __invtrigl_R(z: u128) -> u128 {
    const P: [u128; 10] = [
        INVTRIGL_PS0, INVTRIGL_PS1, INVTRIGL_PS2, INVTRIGL_PS3, INVTRIGL_PS4, INVTRIGL_PS5, INVTRIGL_PS6,
        INVTRIGL_PS7, INVTRIGL_PS8, INVTRIGL_PS9,
    ];
    const Q: [u128; 9] = [
        INVTRIGL_QS1, INVTRIGL_QS2, INVTRIGL_QS3, INVTRIGL_QS4, INVTRIGL_QS5, INVTRIGL_QS6, INVTRIGL_QS7,
        INVTRIGL_QS8, INVTRIGL_QS9,
    ];
    let z = Ld(z);
    let p = z * horner(z, &P);
    let q = ONE + z * horner(z, &Q);
    (p / q).0
}

/// `const long double __pio2_hi`: the leading binary128 part of pi/2.
#[no_mangle]
pub static __pio2_hi: u128 = PIO2_HI;

/// `const long double __pio2_lo`: pi/2 - `__pio2_hi`.
#[no_mangle]
pub static __pio2_lo: u128 = PIO2_LO;

/// `long double __polevll(long double x, const long double *P, int n)`:
/// P[0] x^n + P[1] x^(n-1) + ... + P[n] (Horner, n >= 1; for n <= 0, where
/// musl would run off the array, returns P[0]).
///
/// # Safety
/// `p` must point to n + 1 `long double`s.
#[no_mangle]
pub unsafe extern "C" fn __polevll(x: u128, p: *const u128, n: c_int) -> u128 {
    let x = Ld(x);
    let mut y = Ld(p.read_unaligned());
    for i in 1..=n.max(0) as usize {
        y = y * x + Ld(p.add(i).read_unaligned());
    }
    y.0
}

/// `long double __p1evll(long double x, const long double *P, int n)`: like
/// [`__polevll`] with an implicit leading coefficient 1 (P has n entries;
/// n <= 1 gives x + P[0]).
///
/// # Safety
/// `p` must point to n `long double`s.
#[no_mangle]
pub unsafe extern "C" fn __p1evll(x: u128, p: *const u128, n: c_int) -> u128 {
    let x = Ld(x);
    let mut y = x + Ld(p.read_unaligned());
    for i in 1..n.max(1) as usize {
        y = y * x + Ld(p.add(i).read_unaligned());
    }
    y.0
}

/// `long double __lgammal_r(long double x, int *sign)`: computed through
/// the double `__lgamma_r`, as musl does for binary128.
///
/// # Safety
/// `sign` must be writable.
#[no_mangle]
pub unsafe extern "C" fn __lgammal_r(x: u128, sign: *mut c_int) -> u128 {
    Ld::from_f64(super::__lgamma_r(Ld(x).to_f64(), sign)).0
}
