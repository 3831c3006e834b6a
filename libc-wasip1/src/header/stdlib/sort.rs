//! `qsort`, `qsort_r` and `bsearch`.
//!
//! The sort is smoothsort over Leonardo heaps: O(n log n) worst case, O(n)
//! on sorted input, in place. Like any `qsort` it is not stable; its
//! choices on equal elements (a parent yields only to a strictly greater
//! child, the left child wins ties between children, a root moves left
//! only past a strictly greater stepson) are the ones that make equal
//! elements end up in the same order as with wasi-libc.

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

/// The caller's comparison function. An enum rather than a `dyn FnMut`
/// closure: one indirect call per comparison instead of two (comparisons
/// dominate the sort's time), and still one copy of the sort's code.
#[derive(Clone, Copy)]
enum Compare {
    Plain(Cmp),
    WithArg(CmpR, *mut c_void),
}

impl Compare {
    #[inline(always)]
    unsafe fn call(self, a: *const u8, b: *const u8) -> c_int {
        match self {
            Compare::Plain(f) => f(a as *const c_void, b as *const c_void),
            Compare::WithArg(f, arg) => f(a as *const c_void, b as *const c_void, arg),
        }
    }
}

/// The sorter's fixed inputs.
struct Sorter {
    w: usize,
    /// Leonardo numbers times the element width (tree sizes in bytes).
    lp: [usize; 64],
    cmp: Compare,
}

impl Sorter {
    /// Restores the heap property of the tree of order `order` rooted at
    /// `root` by moving the root value down.
    unsafe fn sift(&mut self, mut root: *mut u8, mut order: usize) {
        let w = self.w;
        while order > 1 {
            let right = root.sub(w);
            let left = root.sub(w + self.lp[order - 2]);
            if self.cmp.call(root, left) >= 0 && self.cmp.call(root, right) >= 0 {
                break;
            }
            if self.cmp.call(left, right) >= 0 {
                swap(root, left, w);
                root = left;
                order -= 1;
            } else {
                swap(root, right, w);
                root = right;
                order -= 2;
            }
        }
    }

    /// Moves the root at `root` left along the roots of the trees (their
    /// orders are the set bits of `trees`, the lowest being `order`) while
    /// the stepson is greater, then sifts it into its final tree.
    /// `trusty` says the tree at `root` is already a valid heap.
    unsafe fn trinkle(&mut self, mut root: *mut u8, mut trees: u128, mut order: usize, mut trusty: bool) {
        let w = self.w;
        let start = root;
        while trees != 1 {
            let stepson = root.sub(self.lp[order]);
            if self.cmp.call(stepson, root) <= 0 {
                break;
            }
            if !trusty && order > 1 {
                let right = root.sub(w);
                let left = root.sub(w + self.lp[order - 2]);
                if self.cmp.call(right, stepson) >= 0 || self.cmp.call(left, stepson) >= 0 {
                    break;
                }
            }
            swap(root, stepson, w);
            root = stepson;
            let trail = (trees - 1).trailing_zeros() as usize;
            trees >>= trail;
            order += trail;
            trusty = false;
        }
        if !trusty || root != start {
            self.sift(root, order);
        }
    }
}

unsafe fn sort(base: *mut u8, n: usize, w: usize, cmp: Compare) {
    let Some(size) = n.checked_mul(w) else { return };
    if size == 0 || n < 2 {
        return;
    }
    let mut s = Sorter { w, lp: [0; 64], cmp };
    s.lp[0] = w;
    s.lp[1] = w;
    let mut i = 2;
    while i < 64 {
        s.lp[i] = s.lp[i - 2].saturating_add(s.lp[i - 1]).saturating_add(w);
        if s.lp[i] >= size {
            break;
        }
        i += 1;
    }
    let mut head = base;
    let high = base.add(size - w);
    let mut trees: u128 = 1;
    let mut order: usize = 1;
    // Build the heaps from left to right.
    while head < high {
        if trees & 3 == 3 {
            // The two smallest trees merge under the new element.
            s.sift(head, order);
            trees >>= 2;
            order += 2;
        } else {
            if s.lp[order - 1] >= high as usize - head as usize {
                s.trinkle(head, trees, order, false);
            } else {
                s.sift(head, order);
            }
            if order == 1 {
                trees <<= 1;
                order = 0;
            } else {
                trees <<= order - 1;
                order = 1;
            }
        }
        trees |= 1;
        head = head.add(w);
    }
    s.trinkle(head, trees, order, false);
    // Take the maximum off the end, splitting trees as needed.
    while order != 1 || trees != 1 {
        if order <= 1 {
            let trail = (trees - 1).trailing_zeros() as usize;
            trees >>= trail;
            order += trail;
        } else {
            trees <<= 2;
            order -= 2;
            trees ^= 7;
            trees >>= 1;
            s.trinkle(head.sub(s.lp[order] + w), trees, order + 1, true);
            trees <<= 1;
            trees |= 1;
            s.trinkle(head.sub(w), trees, order, true);
        }
        head = head.sub(w);
    }
}

/// C `qsort`.
#[no_mangle]
pub unsafe extern "C" fn qsort(base: *mut c_void, n: usize, w: usize, cmp: Cmp) {
    sort(base as *mut u8, n, w, Compare::Plain(cmp));
}

/// C `qsort_r`.
#[no_mangle]
pub unsafe extern "C" fn qsort_r(base: *mut c_void, n: usize, w: usize, cmp: CmpR, arg: *mut c_void) {
    sort(base as *mut u8, n, w, Compare::WithArg(cmp, arg));
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
