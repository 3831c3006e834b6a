//! `malloc` and friends over `memory.grow`, starting at `__heap_base`.
//!
//! Design: a segregated size-class allocator (single-threaded, like
//! wasi-libc's non-threaded dlmalloc build).
//! * Every block has a 16-byte header just before the payload: the payload
//!   capacity (`u32`) and, for over-aligned blocks, the distance back to the
//!   real block (`u32`, 0 otherwise). Payloads are 16-byte aligned.
//! * Small requests (up to 64 KiB) round up to one of 48 classes (16-byte
//!   steps to 256, then four classes per power of two); each class has a
//!   LIFO free list threaded through the freed payloads, so malloc and free
//!   are O(1) — no search, no coalescing cost on the hot path.
//! * Large requests round up to 4 KiB and live on one best-fit list; a
//!   much bigger free block is split; the block at the top of the heap is
//!   given back to the bump region when freed, and grows in place on
//!   realloc (so a growing `Vec` does not copy).
//! * New blocks come from a bump region; `memory.grow` extends it.
//!
//! Trade-off against dlmalloc: class rounding wastes up to 25% of a small
//! block and freed small blocks are never merged, in exchange for
//! constant-time operations.

use crate::errno::set_errno;
use crate::wasi::ENOMEM;
use core::ffi::c_void;
use core::ptr::{self, null_mut};

const HEADER: usize = 16;
const ALIGN: usize = 16;
const PAGE: usize = 65536;
const SMALL_MAX: usize = 64 * 1024;
const LARGE_ROUND: usize = 4096;
const NCLASSES: usize = 48;
/// Largest request we accept (keeps sizes within `u32` with room to round).
const MAX_REQUEST: usize = 0xffff_0000;

extern "C" {
    /// Linker-provided: first byte after static data and the stack.
    static __heap_base: u8;
}

/// Allocator state.
struct Heap {
    /// Bump region `[cur, end)`; `cur == 0` means not initialized yet.
    cur: usize,
    end: usize,
    /// Free-list heads of the small classes.
    free: [*mut FreeBlock; NCLASSES],
    /// Free large blocks.
    large: *mut FreeBlock,
}

/// A free block's payload holds the next pointer.
struct FreeBlock {
    next: *mut FreeBlock,
}

static mut HEAP: Heap = Heap { cur: 0, end: 0, free: [null_mut(); NCLASSES], large: null_mut() };

#[inline]
fn heap() -> &'static mut Heap {
    // Single-threaded: libc is only entered from one thread.
    unsafe { &mut *ptr::addr_of_mut!(HEAP) }
}

/// Size of small class `c`.
#[inline]
fn class_size(c: usize) -> usize {
    if c < 16 {
        16 * (c + 1)
    } else {
        let k = 8 + (c - 16) / 4;
        let j = (c - 16) % 4 + 1;
        (1 << k) + j * (1 << (k - 2))
    }
}

/// Smallest class that holds `n` bytes (`n <= SMALL_MAX`).
#[inline]
fn class_of(n: usize) -> usize {
    if n <= 256 {
        if n == 0 {
            0
        } else {
            n.div_ceil(16) - 1
        }
    } else {
        let k = (usize::BITS - 1 - (n - 1).leading_zeros()) as usize; // n in (2^k, 2^(k+1)]
        let step = 1usize << (k - 2);
        let j = (n - (1 << k)).div_ceil(step);
        16 + (k - 8) * 4 + j - 1
    }
}

#[inline]
unsafe fn cap_of(p: *mut u8) -> usize {
    *(p.sub(HEADER) as *const u32) as usize
}

#[inline]
unsafe fn off_of(p: *mut u8) -> usize {
    *(p.sub(HEADER - 4) as *const u32) as usize
}

#[inline]
unsafe fn set_header(p: *mut u8, cap: usize, off: usize) {
    *(p.sub(HEADER) as *mut u32) = cap as u32;
    *(p.sub(HEADER - 4) as *mut u32) = off as u32;
}

/// Rounded capacity for a request of `n` bytes.
#[inline]
fn capacity_for(n: usize) -> usize {
    if n <= SMALL_MAX {
        class_size(class_of(n))
    } else {
        (n + LARGE_ROUND - 1) & !(LARGE_ROUND - 1)
    }
}

/// End of linear memory (saturating just below 4 GiB on a full memory).
fn memory_end() -> usize {
    core::arch::wasm32::memory_size(0).checked_mul(PAGE).unwrap_or(usize::MAX & !(ALIGN - 1))
}

impl Heap {
    fn init(&mut self) {
        if self.cur == 0 {
            let base = ptr::addr_of!(__heap_base) as usize;
            self.cur = (base + ALIGN - 1) & !(ALIGN - 1);
            self.end = memory_end();
            if self.end < self.cur {
                self.end = self.cur;
            }
        }
    }

    /// Makes the bump region at least `need` bytes long.
    fn grow(&mut self, need: usize) -> bool {
        let have = self.end - self.cur;
        if have >= need {
            return true;
        }
        let pages = (need - have).div_ceil(PAGE);
        if pages > 65536 {
            return false;
        }
        let old = core::arch::wasm32::memory_grow(0, pages);
        if old == usize::MAX {
            return false;
        }
        if old * PAGE != self.end {
            // Someone else grew memory: start a fresh region there.
            let extra = need.div_ceil(PAGE) - pages;
            if extra > 0 && core::arch::wasm32::memory_grow(0, extra) == usize::MAX {
                return false;
            }
            self.cur = old * PAGE;
        }
        self.end = memory_end();
        self.end - self.cur >= need
    }

    /// Carves a new block of capacity `cap` from the bump region.
    unsafe fn bump(&mut self, cap: usize) -> *mut u8 {
        if !self.grow(HEADER + cap) {
            return null_mut();
        }
        let p = (self.cur + HEADER) as *mut u8;
        self.cur += HEADER + cap;
        set_header(p, cap, 0);
        p
    }

    unsafe fn alloc(&mut self, n: usize) -> *mut u8 {
        self.init();
        if n > MAX_REQUEST {
            return null_mut();
        }
        if n <= SMALL_MAX {
            let c = class_of(n);
            let head = self.free[c];
            if !head.is_null() {
                self.free[c] = (*head).next;
                return head as *mut u8;
            }
            return self.bump(class_size(c));
        }
        let cap = capacity_for(n);
        // Best fit among the free large blocks.
        let mut best: *mut *mut FreeBlock = null_mut();
        let mut link: *mut *mut FreeBlock = &mut self.large;
        while !(*link).is_null() {
            let c = cap_of(*link as *mut u8);
            if c >= cap && (best.is_null() || c < cap_of(*best as *mut u8)) {
                best = link;
                if c == cap {
                    break;
                }
            }
            link = &mut (**link).next;
        }
        if best.is_null() {
            return self.bump(cap);
        }
        let p = *best as *mut u8;
        *best = (**best).next;
        let have = cap_of(p);
        if have - cap >= SMALL_MAX + HEADER {
            // Split: the tail becomes a free large block.
            set_header(p, cap, 0);
            let rest = p.add(cap + HEADER);
            set_header(rest, have - cap - HEADER, 0);
            self.release(rest);
        }
        p
    }

    /// Puts a (non-offset) block back on its free list.
    unsafe fn release(&mut self, p: *mut u8) {
        let cap = cap_of(p);
        if cap <= SMALL_MAX {
            let c = class_of(cap);
            let b = p as *mut FreeBlock;
            (*b).next = self.free[c];
            self.free[c] = b;
        } else if p as usize + cap == self.cur {
            self.cur = p as usize - HEADER;
        } else {
            let b = p as *mut FreeBlock;
            (*b).next = self.large;
            self.large = b;
        }
    }

    /// Tries to grow the block at the top of the heap in place.
    unsafe fn grow_in_place(&mut self, p: *mut u8, n: usize) -> bool {
        let cap = cap_of(p);
        let new_cap = capacity_for(n);
        if p as usize + cap != self.cur || !self.grow(new_cap - cap) {
            return false;
        }
        self.cur += new_cap - cap;
        set_header(p, new_cap, 0);
        true
    }
}

/// Real block behind a user pointer (over-aligned blocks point back).
#[inline]
unsafe fn real_block(p: *mut u8) -> *mut u8 {
    let off = off_of(p);
    if off == 0 {
        p
    } else {
        p.sub(off)
    }
}

/// `malloc`: allocates `size` bytes aligned to 16.
#[no_mangle]
pub unsafe extern "C" fn malloc(size: usize) -> *mut c_void {
    let p = heap().alloc(size);
    if p.is_null() {
        set_errno(ENOMEM);
    }
    p as *mut c_void
}

/// `free`: releases a block from malloc (NULL is ignored).
#[no_mangle]
pub unsafe extern "C" fn free(p: *mut c_void) {
    if p.is_null() {
        return;
    }
    heap().release(real_block(p as *mut u8));
}

/// `calloc`: zeroed array allocation, NULL on overflow.
#[no_mangle]
pub unsafe extern "C" fn calloc(n: usize, size: usize) -> *mut c_void {
    let Some(total) = n.checked_mul(size) else {
        set_errno(ENOMEM);
        return null_mut();
    };
    let p = malloc(total);
    if !p.is_null() {
        ptr::write_bytes(p as *mut u8, 0, total);
    }
    p
}

/// `malloc_usable_size`: bytes usable at `p`.
#[no_mangle]
pub unsafe extern "C" fn malloc_usable_size(p: *mut c_void) -> usize {
    if p.is_null() {
        return 0;
    }
    let p = p as *mut u8;
    let real = real_block(p);
    cap_of(real) - (p as usize - real as usize)
}

/// `realloc`: resizes, moving if needed; `realloc(p, 0)` frees and
/// returns a fresh minimal block (as dlmalloc does).
#[no_mangle]
pub unsafe extern "C" fn realloc(p: *mut c_void, size: usize) -> *mut c_void {
    if p.is_null() {
        return malloc(size);
    }
    let usable = malloc_usable_size(p);
    let bp = p as *mut u8;
    if off_of(bp) == 0 {
        if size <= usable && (usable <= SMALL_MAX || size > usable / 2) {
            return p;
        }
        if size <= MAX_REQUEST && heap().grow_in_place(bp, size) {
            return p;
        }
    }
    let q = malloc(size);
    if q.is_null() {
        return q;
    }
    ptr::copy_nonoverlapping(bp, q as *mut u8, usable.min(size));
    free(p);
    q
}

/// `reallocarray`: `realloc(p, n * size)` with overflow checking.
#[no_mangle]
pub unsafe extern "C" fn reallocarray(p: *mut c_void, n: usize, size: usize) -> *mut c_void {
    match n.checked_mul(size) {
        Some(total) => realloc(p, total),
        None => {
            set_errno(ENOMEM);
            null_mut()
        }
    }
}

/// Over-aligned allocation; `align` must be a power of two.
unsafe fn alloc_aligned(align: usize, size: usize) -> *mut u8 {
    if align <= ALIGN {
        return malloc(size) as *mut u8;
    }
    let Some(total) = size.checked_add(align + HEADER) else { return null_mut() };
    let p = malloc(total) as *mut u8;
    if p.is_null() || (p as usize) & (align - 1) == 0 {
        return p;
    }
    // Leave room for a header between the real block and the aligned one.
    let q = ((p as usize + HEADER + align - 1) & !(align - 1)) as *mut u8;
    set_header(q, cap_of(p), q as usize - p as usize);
    q
}

/// `aligned_alloc`: `align` must be a power of two.
#[no_mangle]
pub unsafe extern "C" fn aligned_alloc(align: usize, size: usize) -> *mut c_void {
    if !align.is_power_of_two() {
        set_errno(crate::wasi::EINVAL);
        return null_mut();
    }
    let p = alloc_aligned(align, size);
    if p.is_null() {
        set_errno(ENOMEM);
    }
    p as *mut c_void
}

/// `memalign`: like `aligned_alloc`.
#[no_mangle]
pub unsafe extern "C" fn memalign(align: usize, size: usize) -> *mut c_void {
    aligned_alloc(align, size)
}

/// `posix_memalign`: returns an error number instead of setting errno.
#[no_mangle]
pub unsafe extern "C" fn posix_memalign(out: *mut *mut c_void, align: usize, size: usize) -> i32 {
    if !align.is_power_of_two() || align < core::mem::size_of::<*mut c_void>() {
        return crate::wasi::EINVAL as i32;
    }
    let p = alloc_aligned(align, size);
    if p.is_null() {
        return ENOMEM as i32;
    }
    *out = p as *mut c_void;
    0
}
