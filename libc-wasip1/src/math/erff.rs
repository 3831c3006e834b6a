//! `erff` and `erfcf`: musl's single-precision rational approximations
//! over musl's `expf` (coefficients given as their float bit patterns).

use super::expf;

const fn f(bits: u32) -> f32 {
    f32::from_bits(bits)
}

const ERX: f32 = f(0x3f58560b);
const EFX8: f32 = f(0x3f8375d4);
const PP: [f32; 5] = [f(0x3e0375d4), f(0xbea66beb), f(0xbce9528f), f(0xbbbd1489), f(0xb7c756b1)];
const QQ: [f32; 6] = [1.0, f(0x3ecbbbce), f(0x3d852a63), f(0x3ba68116), f(0x390aee49), f(0xb684e21a)];
const PA: [f32; 7] = [f(0xbb1acdc6), f(0x3ed46805), f(0xbebe9208), f(0x3ea2fe54), f(0xbde31cc2), f(0x3d1151b3), f(0xbb0df9c0)];
const QA: [f32; 7] = [1.0, f(0x3dd9f331), f(0x3f0a5785), f(0x3d931ae7), f(0x3e013307), f(0x3c5f6e13), f(0x3c445aa3)];
const RA: [f32; 8] = [
    f(0xbc21a093), f(0xbf31a0b7), f(0xc128f022), f(0xc2798057), f(0xc322658c), f(0xc3389ae7), f(0xc2a2932b), f(0xc11d077e),
];
const SA: [f32; 9] = [
    1.0, f(0x419d35ce), f(0x4309a863), f(0x43d9486f), f(0x442158c9), f(0x43d6810b), f(0x42d9451f), f(0x40d23f7c),
    f(0xbd777f97),
];
const RB: [f32; 7] = [f(0xbc21a092), f(0xbf4c9dd4), f(0xc18e104b), f(0xc320a2ea), f(0xc41f6441), f(0xc480230b), f(0xc3f1c275)];
const SB: [f32; 8] = [
    1.0, f(0x41f2b459), f(0x43a2e571), f(0x44c01759), f(0x4547fdbb), f(0x451f90ce), f(0x43ed43a7), f(0xc1b38712),
];

/// c[0] + s*(c[1] + s*(... + s*c[n-1])), innermost first as in the C.
fn poly(s: f32, c: &[f32]) -> f32 {
    let mut acc = c[c.len() - 1];
    for &ci in c.iter().rev().skip(1) {
        acc = ci + s * acc;
    }
    acc
}

fn erfc1(x: f32) -> f32 {
    let s = x.abs() - 1.0;
    1.0 - ERX - poly(s, &PA) / poly(s, &QA)
}

fn erfc2(ix: u32, x: f32) -> f32 {
    if ix < 0x3fa00000 {
        return erfc1(x);
    }
    let x = x.abs();
    let s = 1.0 / (x * x);
    let (r, sv) = if ix < 0x4036db6d { (poly(s, &RA), poly(s, &SA)) } else { (poly(s, &RB), poly(s, &SB)) };
    let z = f32::from_bits(x.to_bits() & 0xffff_e000);
    expf(-z * z - 0.5625) * expf((z - x) * (z + x) + r / sv) / x
}

/// `erff`.
#[no_mangle]
pub extern "C" fn erff(x: f32) -> f32 {
    let sign = (x.to_bits() >> 31) as i32;
    let ix = x.to_bits() & 0x7fff_ffff;
    if ix >= 0x7f800000 {
        return (1 - 2 * sign) as f32 + 1.0 / x;
    }
    if ix < 0x3f580000 {
        if ix < 0x31800000 {
            return 0.125 * (8.0 * x + EFX8 * x);
        }
        let z = x * x;
        let y = poly(z, &PP) / poly(z, &QQ);
        return x + x * y;
    }
    let y = if ix < 0x40c00000 { 1.0 - erfc2(ix, x) } else { 1.0 - f(0x03800000) };
    if sign != 0 {
        -y
    } else {
        y
    }
}

/// `erfcf`.
#[no_mangle]
pub extern "C" fn erfcf(x: f32) -> f32 {
    let sign = (x.to_bits() >> 31) as i32;
    let ix = x.to_bits() & 0x7fff_ffff;
    if ix >= 0x7f800000 {
        return (2 * sign) as f32 + 1.0 / x;
    }
    if ix < 0x3f580000 {
        if ix < 0x23800000 {
            return 1.0 - x;
        }
        let z = x * x;
        let y = poly(z, &PP) / poly(z, &QQ);
        if sign != 0 || ix < 0x3e800000 {
            return 1.0 - (x + x * y);
        }
        return 0.5 - (x - 0.5 + x * y);
    }
    if ix < 0x41e00000 {
        return if sign != 0 { 2.0 - erfc2(ix, x) } else { erfc2(ix, x) };
    }
    let tiny = f(0x03800000); // 0x1p-120
    if sign != 0 {
        2.0 - tiny
    } else {
        core::hint::black_box(tiny) * tiny
    }
}
