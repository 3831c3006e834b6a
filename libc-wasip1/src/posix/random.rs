//! Randomness: `getentropy` (`<unistd.h>`) and the `arc4random` family
//! (`<stdlib.h>`), all straight from the host's `random_get`.

use crate::errno::set_errno;
use crate::wasi::{self, EIO};
use core::ffi::{c_int, c_void};

/// `getentropy`: at most 256 bytes.
#[no_mangle]
pub unsafe extern "C" fn getentropy(buf: *mut c_void, len: usize) -> c_int {
    if len > 256 {
        set_errno(EIO);
        return -1;
    }
    match wasi::random_get(core::slice::from_raw_parts_mut(buf as *mut u8, len)) {
        Ok(()) => 0,
        Err(e) => {
            set_errno(e);
            -1
        }
    }
}

/// `arc4random_buf`: fills `buf` (traps if the host cannot).
#[no_mangle]
pub unsafe extern "C" fn arc4random_buf(buf: *mut c_void, len: usize) {
    if len == 0 {
        return;
    }
    if wasi::random_get(core::slice::from_raw_parts_mut(buf as *mut u8, len)).is_err() {
        crate::posix::exit::abort_now();
    }
}

/// `arc4random`: a random 32-bit value.
#[no_mangle]
pub unsafe extern "C" fn arc4random() -> u32 {
    let mut v = 0u32;
    arc4random_buf(&mut v as *mut u32 as *mut c_void, 4);
    v
}

/// `arc4random_uniform`: uniform in `[0, bound)` without modulo bias.
#[no_mangle]
pub unsafe extern "C" fn arc4random_uniform(bound: u32) -> u32 {
    if bound < 2 {
        return 0;
    }
    let min = bound.wrapping_neg() % bound;
    loop {
        let r = arc4random();
        if r >= min {
            return r % bound;
        }
    }
}
