//! `<fenv.h>` for wasm, which has no floating-point exception flags and
//! only round-to-nearest: as musl's no-FPU build, every query reports
//! "no exceptions, FE_TONEAREST" and only FE_TONEAREST can be set.

use core::ffi::{c_int, c_ulong};

/// `fenv_t` (one word).
#[repr(C)]
pub struct FenvT {
    pub cw: c_ulong,
}

pub(crate) const FE_TONEAREST: c_int = 0;

/// `feclearexcept`.
#[no_mangle]
pub extern "C" fn feclearexcept(_mask: c_int) -> c_int {
    0
}

/// `feraiseexcept`.
#[no_mangle]
pub extern "C" fn feraiseexcept(_mask: c_int) -> c_int {
    0
}

/// `fetestexcept`: no flags are ever raised.
#[no_mangle]
pub extern "C" fn fetestexcept(_mask: c_int) -> c_int {
    0
}

/// `fegetround`.
#[no_mangle]
pub extern "C" fn fegetround() -> c_int {
    FE_TONEAREST
}

/// `__fesetround` (musl internal).
#[no_mangle]
pub extern "C" fn __fesetround(_r: c_int) -> c_int {
    0
}

/// `fesetround`: only FE_TONEAREST; anything else fails with -1.
#[no_mangle]
pub extern "C" fn fesetround(r: c_int) -> c_int {
    if r != FE_TONEAREST {
        return -1;
    }
    __fesetround(r)
}

/// `fegetenv`.
#[no_mangle]
pub extern "C" fn fegetenv(_env: *mut FenvT) -> c_int {
    0
}

/// `fesetenv`.
#[no_mangle]
pub extern "C" fn fesetenv(_env: *const FenvT) -> c_int {
    0
}

/// `feholdexcept`.
#[no_mangle]
pub extern "C" fn feholdexcept(env: *mut FenvT) -> c_int {
    fegetenv(env);
    feclearexcept(0);
    0
}

/// `feupdateenv`.
#[no_mangle]
pub extern "C" fn feupdateenv(env: *const FenvT) -> c_int {
    let raised = fetestexcept(0);
    fesetenv(env);
    feraiseexcept(raised);
    0
}

/// `fegetexceptflag`.
#[no_mangle]
pub unsafe extern "C" fn fegetexceptflag(flag: *mut c_ulong, mask: c_int) -> c_int {
    *flag = fetestexcept(mask) as c_ulong;
    0
}

/// `fesetexceptflag`.
#[no_mangle]
pub unsafe extern "C" fn fesetexceptflag(flag: *const c_ulong, mask: c_int) -> c_int {
    let f = *flag as c_int;
    feclearexcept(!f & mask);
    feraiseexcept(f & mask);
    0
}
