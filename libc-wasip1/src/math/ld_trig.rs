//! `sinl`, `cosl`, `tanl`, `sincosl` in binary128: musl's ld128 drivers
//! over the kernels and `__rem_pio2l` in `ld128.rs`, so results equal
//! wasi-libc's bit for bit.

use super::ld128::{__cosl, __sinl, __tanl, rem_pio2l};
use super::soft128::Ld;

/// pi/4 as the double constant `M_PI_4` the C compares against.
const PIO4: Ld = Ld::c(core::f64::consts::FRAC_PI_4);

/// `sinl`.
#[no_mangle]
pub extern "C" fn sinl(x: u128) -> u128 {
    let xv = Ld(x);
    let a = xv.abs();
    let se = a.biased_exp();
    if se == 0x7fff {
        return (xv - xv).0;
    }
    if a.lt(PIO4) {
        if se < 0x3fff - 113 / 2 {
            return x;
        }
        return __sinl(x, 0, 0);
    }
    let (n, hi, lo) = rem_pio2l(xv);
    match n & 3 {
        0 => __sinl(hi.0, lo.0, 1),
        1 => __cosl(hi.0, lo.0),
        2 => (-Ld(__sinl(hi.0, lo.0, 1))).0,
        _ => (-Ld(__cosl(hi.0, lo.0))).0,
    }
}

/// `cosl`.
#[no_mangle]
pub extern "C" fn cosl(x: u128) -> u128 {
    let xv = Ld(x);
    let a = xv.abs();
    let se = a.biased_exp();
    if se == 0x7fff {
        return (xv - xv).0;
    }
    if a.lt(PIO4) {
        if se < 0x3fff - 113 {
            return (Ld::c(1.0) + a).0;
        }
        return __cosl(a.0, 0);
    }
    let (n, hi, lo) = rem_pio2l(a);
    match n & 3 {
        0 => __cosl(hi.0, lo.0),
        1 => (-Ld(__sinl(hi.0, lo.0, 1))).0,
        2 => (-Ld(__cosl(hi.0, lo.0))).0,
        _ => __sinl(hi.0, lo.0, 1),
    }
}

/// `tanl`.
#[no_mangle]
pub extern "C" fn tanl(x: u128) -> u128 {
    let xv = Ld(x);
    let a = xv.abs();
    let se = a.biased_exp();
    if se == 0x7fff {
        return (xv - xv).0;
    }
    if a.lt(PIO4) {
        if se < 0x3fff - 113 / 2 {
            return x;
        }
        return __tanl(x, 0, 0);
    }
    let (n, y0, y1) = rem_pio2l(xv);
    __tanl(y0.0, y1.0, n & 1)
}

/// `sincosl`.
///
/// # Safety
/// `s` and `c` must be writable (alignment is not required).
#[no_mangle]
pub unsafe extern "C" fn sincosl(x: u128, s: *mut u128, c: *mut u128) {
    let xv = Ld(x);
    let a = xv.abs();
    let se = a.biased_exp();
    let (sv, cv) = if se == 0x7fff {
        let v = (xv - xv).0;
        (v, v)
    } else if a.lt(PIO4) {
        if se < 0x3fff - 113 {
            (x, (Ld::c(1.0) + xv).0)
        } else {
            (__sinl(x, 0, 0), __cosl(x, 0))
        }
    } else {
        let (n, hi, lo) = rem_pio2l(xv);
        let sn = __sinl(hi.0, lo.0, 1);
        let cs = __cosl(hi.0, lo.0);
        match n & 3 {
            0 => (sn, cs),
            1 => (cs, (-Ld(sn)).0),
            2 => ((-Ld(sn)).0, (-Ld(cs)).0),
            _ => ((-Ld(cs)).0, sn),
        }
    };
    s.write_unaligned(sv);
    c.write_unaligned(cv);
}
