//! `tgamma`: musl's Lanczos approximation (g = 6.0246..., 12 terms) with
//! the reflection formula for negative x, over musl's `exp`/`pow` and trig
//! kernels, so results equal wasi-libc's (the `libm` crate's version calls
//! its own `exp`/`pow` and differs in about 1 result in 6).

use super::kernels::{__cos, __sin};
use super::{exp, pow};

const PI: f64 = 3.141592653589793238462643383279502884;

/// sin(pi x) for x > 0x1p-100 (sign arbitrary at zeros).
fn sinpi(x: f64) -> f64 {
    // x = |x| mod 2, then reduced to [-0.25, 0.25]
    let mut x = x * 0.5;
    x = 2.0 * (x - libm::floor(x));
    let mut n = (4.0 * x) as i32;
    n = (n + 1) / 2;
    x -= f64::from(n) * 0.5;
    x *= PI;
    match n {
        1 => __cos(x, 0.0),
        2 => __sin(-x, 0.0, 0),
        3 => -__cos(x, 0.0),
        _ => __sin(x, 0.0, 0),
    }
}

const N: usize = 12;
const GMHALF: f64 = 5.524680040776729583740234375;
const SNUM: [f64; N + 1] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const SDEN: [f64; N + 1] = [
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0,
    1925.0, 66.0, 1.0,
];

/// n! for n = 0..=22.
const FACT: [f64; 23] = [
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0,
    6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0,
    121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0,
];

/// The Lanczos rational function S(x) for x > 0.
fn s(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 8.0 {
        for i in (0..=N).rev() {
            num = num * x + SNUM[i];
            den = den * x + SDEN[i];
        }
    } else {
        for i in 0..=N {
            num = num / x + SNUM[i];
            den = den / x + SDEN[i];
        }
    }
    num / den
}

/// `tgamma`.
#[no_mangle]
pub extern "C" fn tgamma(x: f64) -> f64 {
    let bits = x.to_bits();
    let ix = (bits >> 32) as u32 & 0x7fff_ffff;
    let negative = bits >> 63 != 0;
    if ix >= 0x7ff0_0000 {
        return x + f64::INFINITY; // nan, +inf; -inf gives NaN
    }
    if ix < (0x3ff - 54) << 20 {
        return 1.0 / x; // |x| < 2^-54
    }
    if x == libm::floor(x) {
        if negative {
            return f64::NAN;
        }
        if x <= FACT.len() as f64 {
            return FACT[x as usize - 1];
        }
    }
    if ix >= 0x4067_0000 {
        // |x| >= 184
        if negative {
            return if libm::floor(x) * 0.5 == libm::floor(x * 0.5) { 0.0 } else { -0.0 };
        }
        return x * f64::from_bits(0x7fe0000000000000); // overflow: x * 0x1p1023
    }
    let absx = if negative { -x } else { x };
    // the rounding error of x + g - 0.5
    let mut y = absx + GMHALF;
    let mut dy = if absx > GMHALF { (y - absx) - GMHALF } else { (y - GMHALF) - absx };
    let mut z = absx - 0.5;
    let mut r = s(absx) * exp(-y);
    if x < 0.0 {
        // reflection formula
        r = -PI / (sinpi(absx) * absx * r);
        dy = -dy;
        z = -z;
    }
    r += dy * (GMHALF + 0.5) * r / y;
    let zz = pow(y, 0.5 * z);
    y = r * zz * zz;
    y
}
