//! `erf` and `erfc`: the FreeBSD/musl rational approximations over musl's
//! `exp` (the `libm` crate's copy calls its own `exp`, so its `erfc`
//! differed from wasi-libc's in about 1 result in 20).

use super::exp;

const ERX: f64 = 8.45062911510467529297e-01;
const EFX8: f64 = 1.02703333676410069053e+00;
// erf on [0, 0.84375]: x + x * PP(z)/QQ(z), z = x^2
const PP: [f64; 5] = [
    1.28379167095512558561e-01,
    -3.25042107247001499370e-01,
    -2.84817495755985104766e-02,
    -5.77027029648944159157e-03,
    -2.37630166566501626084e-05,
];
const QQ: [f64; 6] = [
    1.0,
    3.97917223959155352819e-01,
    6.50222499887672944485e-02,
    5.08130628187576562776e-03,
    1.32494738004321644526e-04,
    -3.96022827877536812320e-06,
];
// erf on [0.84375, 1.25]
const PA: [f64; 7] = [
    -2.36211856075265944077e-03,
    4.14856118683748331666e-01,
    -3.72207876035701323847e-01,
    3.18346619901161753674e-01,
    -1.10894694282396677476e-01,
    3.54783043256182359371e-02,
    -2.16637559486879084300e-03,
];
const QA: [f64; 7] = [
    1.0,
    1.06420880400844228286e-01,
    5.40397917702171048937e-01,
    7.18286544141962662868e-02,
    1.26171219808761642112e-01,
    1.36370839120290507362e-02,
    1.19844998467991074170e-02,
];
// erfc on [1.25, 1/0.35]
const RA: [f64; 8] = [
    -9.86494403484714822705e-03,
    -6.93858572707181764372e-01,
    -1.05586262253232909814e+01,
    -6.23753324503260060396e+01,
    -1.62396669462573470355e+02,
    -1.84605092906711035994e+02,
    -8.12874355063065934246e+01,
    -9.81432934416914548592e+00,
];
const SA: [f64; 9] = [
    1.0,
    1.96512716674392571292e+01,
    1.37657754143519042600e+02,
    4.34565877475229228821e+02,
    6.45387271733267880336e+02,
    4.29008140027567833386e+02,
    1.08635005541779435134e+02,
    6.57024977031928170135e+00,
    -6.04244152148580987438e-02,
];
// erfc on [1/0.35, 28]
const RB: [f64; 7] = [
    -9.86494292470009928597e-03,
    -7.99283237680523006574e-01,
    -1.77579549177547519889e+01,
    -1.60636384855821916062e+02,
    -6.37566443368389627722e+02,
    -1.02509513161107724954e+03,
    -4.83519191608651397019e+02,
];
const SB: [f64; 8] = [
    1.0,
    3.03380607434824582924e+01,
    3.25792512996573918826e+02,
    1.53672958608443695994e+03,
    3.19985821950859553908e+03,
    2.55305040643316442583e+03,
    4.74528541206955367215e+02,
    -2.24409524465858183362e+01,
];

/// c[0] + s*(c[1] + s*(... + s*c[n-1])), innermost first as in the C.
fn poly(s: f64, c: &[f64]) -> f64 {
    let mut acc = c[c.len() - 1];
    for &ci in c.iter().rev().skip(1) {
        acc = ci + s * acc;
    }
    acc
}

fn erfc1(x: f64) -> f64 {
    let s = x.abs() - 1.0;
    1.0 - ERX - poly(s, &PA) / poly(s, &QA)
}

fn erfc2(ix: u32, x: f64) -> f64 {
    if ix < 0x3ff40000 {
        return erfc1(x); // |x| < 1.25
    }
    let x = x.abs();
    let s = 1.0 / (x * x);
    let (r, sv) = if ix < 0x4006db6d { (poly(s, &RA), poly(s, &SA)) } else { (poly(s, &RB), poly(s, &SB)) };
    let z = f64::from_bits(x.to_bits() & 0xffff_ffff_0000_0000);
    exp(-z * z - 0.5625) * exp((z - x) * (z + x) + r / sv) / x
}

/// `erf`.
#[no_mangle]
pub extern "C" fn erf(x: f64) -> f64 {
    let hx = (x.to_bits() >> 32) as u32;
    let sign = (hx >> 31) as i32;
    let ix = hx & 0x7fff_ffff;
    if ix >= 0x7ff00000 {
        return f64::from(1 - 2 * sign) + 1.0 / x; // nan, ±1
    }
    if ix < 0x3feb0000 {
        // |x| < 0.84375
        if ix < 0x3e300000 {
            return 0.125 * (8.0 * x + EFX8 * x);
        }
        let z = x * x;
        let y = poly(z, &PP) / poly(z, &QQ);
        return x + x * y;
    }
    let y = if ix < 0x40180000 { 1.0 - erfc2(ix, x) } else { 1.0 - f64::from_bits(0x0010_0000_0000_0000) };
    if sign != 0 {
        -y
    } else {
        y
    }
}

/// `erfc`.
#[no_mangle]
pub extern "C" fn erfc(x: f64) -> f64 {
    let hx = (x.to_bits() >> 32) as u32;
    let sign = (hx >> 31) as i32;
    let ix = hx & 0x7fff_ffff;
    if ix >= 0x7ff00000 {
        return f64::from(2 * sign) + 1.0 / x;
    }
    if ix < 0x3feb0000 {
        // |x| < 0.84375
        if ix < 0x3c700000 {
            return 1.0 - x;
        }
        let z = x * x;
        let y = poly(z, &PP) / poly(z, &QQ);
        if sign != 0 || ix < 0x3fd00000 {
            return 1.0 - (x + x * y);
        }
        return 0.5 - (x - 0.5 + x * y);
    }
    if ix < 0x403c0000 {
        // 0.84375 <= |x| < 28
        return if sign != 0 { 2.0 - erfc2(ix, x) } else { erfc2(ix, x) };
    }
    let tiny = f64::from_bits(0x0010_0000_0000_0000); // 0x1p-1022
    if sign != 0 {
        2.0 - tiny
    } else {
        core::hint::black_box(tiny) * tiny
    }
}
