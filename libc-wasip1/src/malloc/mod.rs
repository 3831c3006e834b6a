//! `malloc` and friends over `memory.grow`, starting at `__heap_base`.
//!
//! Design (single-threaded, like wasi-libc's non-threaded dlmalloc build):
//! * Chunks with boundary tags laid out as dlmalloc's (`chunk`): 16-byte
//!   aligned payloads, 4 bytes of overhead per allocation, the same
//!   chunk size and `malloc_usable_size` for every request.
//! * Free chunks coalesce with their neighbours at once and sit on
//!   segregated lists found through two bitmap levels (`bins`): exact
//!   lists below 1 KiB, 32 lists per power of two above; a request takes
//!   an exact fit, or the best of a few chunks of its own list, or the
//!   first chunk of the next non-empty list, and splits off the rest. All
//!   O(1) apart from that bounded scan.
//! * Free space at the end of memory is the `top` region (`heap`); it is
//!   extended by `memory.grow`, and a chunk at the top grows in place on
//!   `realloc` (a growing `Vec` does not copy).
//! * A small per-size cache (`cache`) keeps up to 8 freed chunks of each
//!   size up to 64 bytes without coalescing; it is drained before memory
//!   would grow and before a large request falls back to `top`.
//!
//! Why this allocator: it is as compact as dlmalloc (same chunk sizes,
//! immediate coalescing, near-best fit, so freed memory of any size serves
//! any later request) and cheaper per call (bitmap search, no trees).
//! Measured (wasmtime 48; `libc-wasip1/tests/bottom/bench_malloc_pages.c.txt`
//! and `bench_alloc_rust.rs.txt`; instructions counted with cachegrind,
//! net of module start-up): C benchmark 86 pages / 705 M instructions
//! against dlmalloc's 92 / 827 M (the previous size-class allocator: 125 /
//! 414 M); Rust benchmark 59 pages / 7047 M against 59 / 7140 M (previous
//! 84 / 6662 M). Over nine seeds of the C benchmark the page total is 9
//! below dlmalloc's (single seeds range from -9 to +3).
//!
//! Error behaviour follows wasi-libc's dlmalloc: a request that would
//! grow linear memory by 2 GiB or more at once (or that memory.grow
//! refuses) fails with ENOMEM;
//! `realloc(p, 0)` returns a fresh minimal block; `aligned_alloc` and
//! `memalign` round a bad alignment up to a power of two.

mod bins;
mod cache;
mod chunk;
mod heap;

use crate::errno::set_errno;
use crate::wasi::{EINVAL, ENOMEM};
use chunk::{request_size, Chunk, ALIGN, MAX_REQUEST, MIN_CHUNK, OVERHEAD};
use core::ffi::c_void;
use core::ptr::{self, null_mut};
use heap::Heap;

static mut HEAP: Heap = Heap::new();

#[inline]
fn heap() -> &'static mut Heap {
    // Single-threaded: libc is only entered from one thread.
    unsafe { &mut *ptr::addr_of_mut!(HEAP) }
}

#[inline]
fn enomem() -> *mut c_void {
    set_errno(ENOMEM);
    null_mut()
}

/// `malloc`: allocates `size` bytes aligned to 16.
#[no_mangle]
pub unsafe extern "C" fn malloc(size: usize) -> *mut c_void {
    if size >= MAX_REQUEST {
        return enomem();
    }
    match heap().alloc(request_size(size)) {
        Some(c) => c.mem() as *mut c_void,
        None => enomem(),
    }
}

/// `free`: releases a block from malloc (NULL is ignored).
#[no_mangle]
pub unsafe extern "C" fn free(p: *mut c_void) {
    if !p.is_null() {
        heap().free(Chunk::from_mem(p as *mut u8));
    }
}

/// `calloc`: zeroed array allocation; NULL with ENOMEM on overflow.
#[no_mangle]
pub unsafe extern "C" fn calloc(n: usize, size: usize) -> *mut c_void {
    let Some(total) = n.checked_mul(size) else { return enomem() };
    let p = malloc(total);
    if !p.is_null() {
        ptr::write_bytes(p as *mut u8, 0, total);
    }
    p
}

/// `malloc_usable_size`: bytes usable at `p` (0 for NULL).
#[no_mangle]
pub unsafe extern "C" fn malloc_usable_size(p: *mut c_void) -> usize {
    if p.is_null() {
        return 0;
    }
    Chunk::from_mem(p as *mut u8).size() - OVERHEAD
}

/// `realloc`: resizes in place when it can, else moves; `realloc(NULL, n)`
/// is `malloc(n)`; `realloc(p, 0)` returns a minimal block (as dlmalloc).
#[no_mangle]
pub unsafe extern "C" fn realloc(p: *mut c_void, size: usize) -> *mut c_void {
    if p.is_null() {
        return malloc(size);
    }
    if size >= MAX_REQUEST {
        return enomem();
    }
    let c = Chunk::from_mem(p as *mut u8);
    if heap().resize_in_place(c, request_size(size)) {
        return p;
    }
    let q = malloc(size);
    if !q.is_null() {
        let keep = (c.size() - OVERHEAD).min(size);
        ptr::copy_nonoverlapping(p as *const u8, q as *mut u8, keep);
        free(p);
    }
    q
}

/// `reallocarray`: `realloc(p, n * size)`, NULL with ENOMEM on overflow.
#[no_mangle]
pub unsafe extern "C" fn reallocarray(p: *mut c_void, n: usize, size: usize) -> *mut c_void {
    match n.checked_mul(size) {
        Some(total) => realloc(p, total),
        None => enomem(),
    }
}

/// dlmalloc's memalign: alignments up to 16 are plain `malloc`; others
/// are raised to a power of two (at least 32).
unsafe fn memalign_impl(align: usize, size: usize) -> *mut c_void {
    if align <= ALIGN {
        return malloc(size);
    }
    let align = if align.is_power_of_two() { align } else { align.checked_next_power_of_two().unwrap_or(0) };
    if align == 0 || size >= MAX_REQUEST - align.min(MAX_REQUEST) {
        return enomem();
    }
    match heap().alloc_aligned(align, request_size(size)) {
        Some(c) => c.mem() as *mut c_void,
        None => enomem(),
    }
}

/// `aligned_alloc`: as wasi-libc's, any alignment is accepted (raised to
/// a power of two).
#[no_mangle]
pub unsafe extern "C" fn aligned_alloc(align: usize, size: usize) -> *mut c_void {
    memalign_impl(align, size)
}

/// `memalign`: like `aligned_alloc`.
#[no_mangle]
pub unsafe extern "C" fn memalign(align: usize, size: usize) -> *mut c_void {
    memalign_impl(align, size)
}

/// `posix_memalign`: EINVAL unless `align` is a power-of-two multiple of
/// `sizeof(void *)`; ENOMEM when out of memory (errno is set too unless
/// the size is beyond any request, as dlmalloc does).
#[no_mangle]
pub unsafe extern "C" fn posix_memalign(out: *mut *mut c_void, align: usize, size: usize) -> i32 {
    let words = align / core::mem::size_of::<*mut c_void>();
    if align % core::mem::size_of::<*mut c_void>() != 0 || !words.is_power_of_two() {
        return EINVAL as i32;
    }
    if size > MAX_REQUEST - align.min(MAX_REQUEST) {
        return ENOMEM as i32; // dlmalloc leaves errno alone here
    }
    let p = memalign_impl(align.max(MIN_CHUNK), size);
    if p.is_null() {
        return ENOMEM as i32;
    }
    *out = p;
    0
}
