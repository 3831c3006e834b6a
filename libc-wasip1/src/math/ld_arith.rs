//! Correctly rounded / exact `long double` (binary128) arithmetic done in
//! integers: `sqrtl`, `fmal`, `fmodl`, `remquol`, `remainderl`. These are
//! the results musl's ld128 code computes (each has a unique correct
//! answer); special cases (NaN, infinities, zeros) follow musl.

use core::ffi::c_int;

use super::soft128::Ld;

const SIGN: u128 = 1 << 127;
const MANT_BITS: u32 = 112;
const MANT_MASK: u128 = (1 << MANT_BITS) - 1;
const HIDDEN: u128 = 1 << MANT_BITS;

fn exp_of(x: u128) -> i32 {
    ((x >> MANT_BITS) & 0x7fff) as i32
}

/// |x| as (integer significand, exponent of its last bit): |x| = m 2^k.
/// Subnormals keep their raw significand (k = -16494). Finite x only.
fn decompose(x: u128) -> (u128, i32) {
    let e = exp_of(x);
    if e == 0 {
        (x & MANT_MASK, -16494)
    } else {
        ((x & MANT_MASK) | HIDDEN, e - 16383 - 112)
    }
}

/// Builds sign * m * 2^k for an `m` < 2^113 that is exactly representable
/// there (used for exact results: remainders).
fn compose_exact(negative: bool, m: u128, k: i32) -> u128 {
    let sign = if negative { SIGN } else { 0 };
    if m == 0 {
        return sign;
    }
    let top = 127 - m.leading_zeros() as i32; // bit index of the leading 1
    let biased = k + top + 16383;
    let mut mant = m;
    if biased <= 0 {
        // subnormal: the unit is 2^-16494
        let shift = -16494 - k; // >= 0 for exact inputs
        mant = if shift >= 0 { m >> shift } else { m << (-shift) };
        return sign | mant;
    }
    mant = if top <= MANT_BITS as i32 { mant << (MANT_BITS as i32 - top) } else { mant >> (top - MANT_BITS as i32) };
    sign | ((biased as u128) << MANT_BITS) | (mant & MANT_MASK)
}

/// `sqrtl`: correctly rounded square root (bit-by-bit integer root).
#[no_mangle]
pub extern "C" fn sqrtl(x: u128) -> u128 {
    let top = (x >> 112) as u32; // sign and exponent
    if x << 1 == 0 || x == 0x7fffu128 << 112 {
        return x; // ±0, +inf
    }
    if top >= 0x7fff {
        return super::errors::__math_invalidl(x); // negative or NaN
    }
    let (mut m, mut k) = decompose(x);
    if m < HIDDEN {
        // subnormal: normalize to 113 significant bits
        let sh = m.leading_zeros() - 15;
        m <<= sh;
        k -= sh as i32;
    }
    if k % 2 != 0 {
        m <<= 1;
        k -= 1;
    }
    // root = isqrt(m * 2^112), fed two bits at a time from the top.
    let mut root: u128 = 0;
    let mut rem: u128 = 0;
    for j in (0..114).rev() {
        let pair = if j >= 56 { (m >> (2 * j - 112)) & 3 } else { 0 };
        rem = (rem << 2) | pair;
        let trial = (root << 2) | 1;
        if rem >= trial {
            rem -= trial;
            root = (root << 1) | 1;
        } else {
            root <<= 1;
        }
    }
    // sqrt = root * 2^(k/2 - 56); round to nearest (ties are impossible).
    let mut exp = k / 2 - 56;
    if rem > root {
        root += 1;
    }
    if root >> 113 != 0 {
        root >>= 1; // the rounding carried to 2^113: exact
        exp += 1;
    }
    let biased = exp + 112 + 16383;
    ((biased as u128) << MANT_BITS) | (root & MANT_MASK)
}

/// `fmodl`: x - trunc(x/y) y, exact; sign of x.
#[no_mangle]
pub extern "C" fn fmodl(x: u128, y: u128) -> u128 {
    let (xv, yv) = (Ld(x), Ld(y));
    if y << 1 == 0 || yv.is_nan() || exp_of(x) == 0x7fff {
        return ((xv * yv) / (xv * yv)).0;
    }
    let (ax, ay) = (x & !SIGN, y & !SIGN);
    if ax <= ay {
        // |x| <= |y| (bit order is value order for finite values)
        if ax == ay {
            return (Ld::c(0.0) * xv).0;
        }
        return x;
    }
    let (mx, kx) = decompose(ax);
    let (my, ky) = decompose(ay);
    let mut r = mx % my;
    for _ in 0..(kx - ky) {
        r <<= 1;
        if r >= my {
            r -= my;
        }
    }
    if r == 0 {
        return (Ld::c(0.0) * xv).0;
    }
    compose_exact(x & SIGN != 0, r, ky)
}

/// `remquol`: x - n y with n = x/y rounded to nearest (ties to even); `*quo`
/// gets n's sign and low 31 bits.
///
/// (musl's ld128 `remquol` reads y's low 64 significand bits from x by a
/// typo, so wasi-libc differs from this exact result when those bits
/// differ.)
///
/// # Safety
/// `quo` must be writable.
#[no_mangle]
pub unsafe extern "C" fn remquol(x: u128, y: u128, quo: *mut c_int) -> u128 {
    let (r, q) = remquo_exact(x, y);
    *quo = q;
    r
}

/// Safe core of [`remquol`]: (remainder, quotient bits).
fn remquo_exact(x: u128, y: u128) -> (u128, c_int) {
    let (xv, yv) = (Ld(x), Ld(y));
    if y << 1 == 0 || yv.is_nan() || exp_of(x) == 0x7fff {
        return (((xv * yv) / (xv * yv)).0, 0);
    }
    if x << 1 == 0 {
        return (x, 0);
    }
    let sx = x & SIGN != 0;
    let sy = y & SIGN != 0;
    let (ax, ay) = (x & !SIGN, y & !SIGN);
    let (mx, kx) = decompose(ax);
    let (my, ky) = decompose(ay);
    // r = |x| mod |y| on the grid 2^kr, q = floor(|x| / |y|) mod 2^32.
    let (r, mut q, kr) = if ax < ay {
        (mx, 0u32, kx)
    } else {
        let mut q = (mx / my) as u32;
        let mut r = mx % my;
        for _ in 0..(kx - ky) {
            r <<= 1;
            q <<= 1;
            if r >= my {
                r -= my;
                q |= 1;
            }
        }
        (r, q, ky)
    };
    // Round the quotient to nearest: take r - |y| when 2r > |y| (or equal
    // with q odd). kr <= ky; when ky - kr >= 2, 2r < |y| for sure.
    let d = ky - kr;
    let take = d < 2 && {
        let (two_r, yy) = (r << 1, my << d);
        two_r > yy || (two_r == yy && q & 1 == 1)
    };
    let mag = if take { (my << d) - r } else { r };
    if take {
        q = q.wrapping_add(1);
    }
    let q = (q & 0x7fff_ffff) as c_int;
    let quo = if sx != sy { -q } else { q };
    (compose_exact(sx != take, mag, kr), quo)
}

/// `remainderl`: `remquol` without the quotient.
#[no_mangle]
pub extern "C" fn remainderl(x: u128, y: u128) -> u128 {
    remquo_exact(x, y).0
}
