//! Small helpers for NUL-terminated C strings (no allocation).

use core::ffi::c_char;

/// Length of a NUL-terminated string.
///
/// # Safety
/// `s` must point to a NUL-terminated string.
#[inline]
pub unsafe fn len(s: *const c_char) -> usize {
    let mut n = 0;
    while *s.add(n) != 0 {
        n += 1;
    }
    n
}

/// A NUL-terminated string as a byte slice (without the NUL).
///
/// # Safety
/// `s` must point to a NUL-terminated string that outlives the slice.
#[inline]
pub unsafe fn bytes<'a>(s: *const c_char) -> &'a [u8] {
    core::slice::from_raw_parts(s as *const u8, len(s))
}
