//! A global allocator for the `wasip1-ld` binary: large blocks are mapped
//! directly and marked for transparent huge pages, everything else goes to
//! the system allocator.
//!
//! Why: a link touches a few hundred MB of fresh memory once (relocation
//! lists, the output buffer). With 4 KiB pages every first touch is a page
//! fault, and on virtual machines those are expensive: filling a fresh
//! 46 MB buffer measured 60-75 ms with 4 KiB pages and 10-25 ms with
//! `MADV_HUGEPAGE` on the 2-core build machine. Systems whose THP mode is
//! `madvise` (Debian's default) only give huge pages to memory marked so.
//!
//! Large blocks (at least [`LARGE`] bytes, page alignment or less) are
//! `mmap`ed, `madvise(MADV_HUGEPAGE)`d, grown with `mremap` (no copy) and
//! returned with `munmap`. Elsewhere than Linux this is the system allocator.

use std::alloc::{GlobalAlloc, Layout, System};

/// Blocks of this size or more are mapped directly.
pub const LARGE: usize = 1 << 20;

/// The allocator; install with `#[global_allocator]`.
pub struct HugePageAlloc;

#[cfg(target_os = "linux")]
mod imp {
    use super::*;

    const PAGE: usize = 4096;

    fn round(size: usize) -> usize {
        (size + PAGE - 1) & !(PAGE - 1)
    }

    fn is_large(layout: &Layout) -> bool {
        layout.size() >= LARGE && layout.align() <= PAGE
    }

    unsafe fn map(size: usize) -> *mut u8 {
        let len = round(size);
        // SAFETY: an anonymous private mapping; no existing memory is affected.
        let p = unsafe {
            libc::mmap(std::ptr::null_mut(), len, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0)
        };
        if p == libc::MAP_FAILED {
            return std::ptr::null_mut();
        }
        // SAFETY: advice on the mapping just made; failure only loses the speed-up.
        unsafe { libc::madvise(p, len, libc::MADV_HUGEPAGE) };
        p.cast()
    }

    unsafe impl GlobalAlloc for HugePageAlloc {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            if is_large(&layout) {
                // SAFETY: see `map`.
                unsafe { map(layout.size()) }
            } else {
                // SAFETY: forwarded with the caller's layout.
                unsafe { System.alloc(layout) }
            }
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            if is_large(&layout) {
                // Fresh anonymous pages are zero.
                // SAFETY: see `map`.
                unsafe { map(layout.size()) }
            } else {
                // SAFETY: forwarded with the caller's layout.
                unsafe { System.alloc_zeroed(layout) }
            }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            if is_large(&layout) {
                // SAFETY: `ptr` came from `map` with this size (same layout).
                unsafe { libc::munmap(ptr.cast(), round(layout.size())) };
            } else {
                // SAFETY: forwarded with the caller's layout.
                unsafe { System.dealloc(ptr, layout) }
            }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
                return std::ptr::null_mut();
            };
            match (is_large(&layout), is_large(&new_layout)) {
                (true, true) => {
                    // SAFETY: `ptr` is a mapping of the old rounded size.
                    let p = unsafe {
                        libc::mremap(ptr.cast(), round(layout.size()), round(new_size), libc::MREMAP_MAYMOVE)
                    };
                    if p == libc::MAP_FAILED {
                        return std::ptr::null_mut();
                    }
                    // SAFETY: advice on our own mapping.
                    unsafe { libc::madvise(p, round(new_size), libc::MADV_HUGEPAGE) };
                    p.cast()
                }
                // SAFETY: forwarded with the caller's layout.
                (false, false) => unsafe { System.realloc(ptr, layout, new_size) },
                _ => {
                    // Crossing the threshold: copy between the two allocators.
                    // SAFETY: new block of the new layout, old block still valid
                    // for `min(old, new)` bytes, then freed with its own layout.
                    unsafe {
                        let new = self.alloc(new_layout);
                        if !new.is_null() {
                            std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                            self.dealloc(ptr, layout);
                        }
                        new
                    }
                }
            }
        }
    }
}

#[cfg(not(target_os = "linux"))]
unsafe impl GlobalAlloc for HugePageAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}
