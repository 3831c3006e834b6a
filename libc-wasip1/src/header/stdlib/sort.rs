//! `qsort`, `qsort_r` and `bsearch`.
//!
//! The sort is an in-place heapsort with an insertion sort for short
//! arrays: O(n log n) worst case, no allocation. Like every `qsort`, it is not
//! stable, and the order of equal elements may differ from musl's smoothsort.

use core::ffi::{c_int, c_void};

type Cmp = unsafe extern "C" fn(*const c_void, *const c_void) -> c_int;
type CmpR = unsafe extern "C" fn(*const c_void, *const c_void, *mut c_void) -> c_int;

/// Swaps two non-overlapping elements of `w` bytes.
unsafe fn swap(a: *mut u8, b: *mut u8, w: usize) {
    let mut i = 0;
    while i + 4 <= w {
        let pa = a.add(i) as *mut u32;
        let pb = b.add(i) as *mut u32;
        let t = pa.read_unaligned();
        pa.write_unaligned(pb.read_unaligned());
        pb.write_unaligned(t);
        i += 4;
    }
    while i < w {
        core::ptr::swap(a.add(i), b.add(i));
        i += 1;
    }
}

unsafe fn sort(base: *mut u8, n: usize, w: usize, cmp: &mut dyn FnMut(*const u8, *const u8) -> c_int) {
    if n < 2 || w == 0 {
        return;
    }
    let el = |i: usize| base.add(i * w);
    if n <= 16 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && cmp(el(j - 1), el(j)) > 0 {
                swap(el(j - 1), el(j), w);
                j -= 1;
            }
        }
        return;
    }
    // Heapsort: build a max-heap, then repeatedly move the max to the end.
    let sift = |cmp: &mut dyn FnMut(*const u8, *const u8) -> c_int, mut root: usize, end: usize| {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                break;
            }
            if child + 1 < end && cmp(el(child), el(child + 1)) < 0 {
                child += 1;
            }
            if cmp(el(root), el(child)) >= 0 {
                break;
            }
            swap(el(root), el(child), w);
            root = child;
        }
    };
    let mut start = n / 2;
    while start > 0 {
        start -= 1;
        sift(cmp, start, n);
    }
    let mut end = n;
    while end > 1 {
        end -= 1;
        swap(el(0), el(end), w);
        sift(cmp, 0, end);
    }
}

/// C `qsort`.
#[no_mangle]
pub unsafe extern "C" fn qsort(base: *mut c_void, n: usize, w: usize, cmp: Cmp) {
    sort(base as *mut u8, n, w, &mut |a, b| cmp(a as *const c_void, b as *const c_void));
}

/// C `qsort_r`.
#[no_mangle]
pub unsafe extern "C" fn qsort_r(base: *mut c_void, n: usize, w: usize, cmp: CmpR, arg: *mut c_void) {
    sort(base as *mut u8, n, w, &mut |a, b| cmp(a as *const c_void, b as *const c_void, arg));
}

/// C `__qsort_r`.
#[no_mangle]
pub unsafe extern "C" fn __qsort_r(base: *mut c_void, n: usize, w: usize, cmp: CmpR, arg: *mut c_void) {
    qsort_r(base, n, w, cmp, arg)
}

/// C `bsearch`.
#[no_mangle]
pub unsafe extern "C" fn bsearch(
    key: *const c_void,
    base: *const c_void,
    mut n: usize,
    w: usize,
    cmp: Cmp,
) -> *mut c_void {
    let mut base = base as *const u8;
    while n > 0 {
        let mid = base.add(w * (n / 2));
        let c = cmp(key, mid as *const c_void);
        if c == 0 {
            return mid as *mut c_void;
        } else if c > 0 {
            base = mid.add(w);
            n -= n / 2 + 1;
        } else {
            n /= 2;
        }
    }
    core::ptr::null_mut()
}
