//! `<sched.h>`: `sched_yield`.

use crate::errno::ret0;
use crate::wasi;
use core::ffi::c_int;

/// `sched_yield`.
#[no_mangle]
pub unsafe extern "C" fn sched_yield() -> c_int {
    ret0(wasi::sched_yield())
}
