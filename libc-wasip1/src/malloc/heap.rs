//! The heap: free lists plus the `top` region at the end of memory.
//!
//! `[top, end)` is never-used (or given-back) space at the end of linear
//! memory; `memory.grow` extends it. A chunk freed next to `top` merges
//! into it; a chunk freed next to a free chunk merges with it, so freed
//! memory of any size class can serve any later request. The chunk just
//! before `top` is therefore always in use.
//!
//! Like dlmalloc, the heap keeps a "designated victim" (`dv`): the free
//! chunk left over from the last split of a bigger chunk for a small
//! request. It is not on any list; small requests that find no exact fit
//! are carved from it first, which keeps consecutive allocations together
//! and skips list operations.

use super::bins::{Bins, SMALL_LIMIT};
use super::cache::{Cache, CACHE_MAX};
use super::chunk::{Chunk, ALIGN, CINUSE, MEM_OFFSET, MIN_CHUNK, PINUSE};
use core::ptr;

const PAGE: usize = 65536;
/// Like dlmalloc's `sbrk` use, one growth of linear memory stays below
/// 2 GiB: bigger requests fail with ENOMEM as they do with wasi-libc.
const MAX_GROWTH: usize = 0x8000_0000 - PAGE;

extern "C" {
    /// Linker-provided: first byte after static data and the stack.
    static __heap_base: u8;
}

/// Allocator state.
pub struct Heap {
    /// Start of the top region (`% 16 == 8`); 0 before first use.
    top: usize,
    /// End of linear memory as last seen (page aligned).
    end: usize,
    bins: Bins,
    cache: Cache,
    /// The designated victim (0 = none) and its size.
    dv: usize,
    dv_size: usize,
}

/// End of linear memory (saturating just below 4 GiB on a full memory).
fn memory_end() -> usize {
    core::arch::wasm32::memory_size(0).checked_mul(PAGE).unwrap_or(usize::MAX & !(PAGE - 1))
}

impl Heap {
    pub const fn new() -> Heap {
        Heap { top: 0, end: 0, bins: Bins::new(), cache: Cache::new(), dv: 0, dv_size: 0 }
    }

    #[inline]
    fn init(&mut self) {
        if self.top == 0 {
            let base = ptr::addr_of!(__heap_base) as usize;
            self.top = ((base + MEM_OFFSET + ALIGN - 1) & !(ALIGN - 1)) - MEM_OFFSET;
            self.end = memory_end();
        }
    }

    /// Bytes available in the top region.
    #[inline]
    fn top_room(&self) -> usize {
        self.end.saturating_sub(self.top)
    }

    /// Makes the top region at least `need` bytes long. If memory was
    /// grown by someone else meanwhile, the old top region is closed with
    /// a fence (and its space put on the free lists) and a new one starts
    /// in the fresh pages.
    unsafe fn grow_top(&mut self, need: usize) -> bool {
        for _ in 0..2 {
            let room = self.top_room();
            if room >= need {
                return true;
            }
            let bytes = need - room;
            if bytes > MAX_GROWTH {
                return false;
            }
            let old = core::arch::wasm32::memory_grow(0, bytes.div_ceil(PAGE));
            if old == usize::MAX {
                return false;
            }
            if old * PAGE != self.end {
                self.strand_top();
                self.top = old * PAGE + MEM_OFFSET;
            }
            self.end = memory_end();
        }
        self.top_room() >= need
    }

    /// Turns the current top region into a free chunk followed by an
    /// in-use fence, so it is never merged past its end.
    unsafe fn strand_top(&mut self) {
        if self.top_room() < MEM_OFFSET {
            return;
        }
        let fence = Chunk(self.end - MEM_OFFSET);
        let size = fence.0 - self.top;
        if size >= MIN_CHUNK {
            fence.set_head(CINUSE);
            let c = Chunk(self.top);
            c.set_free(size);
            self.bins.insert(c, size);
        } else {
            fence.set_head(CINUSE | PINUSE);
        }
    }

    /// Carves an in-use chunk of `size` from the top region.
    #[inline]
    unsafe fn from_top(&mut self, size: usize) -> Option<Chunk> {
        self.init();
        if self.top_room() < size + MEM_OFFSET && self.drain_cache() {
            // Coalescing the cached chunks may have made a fit.
            return self.alloc(size);
        }
        if !self.grow_top(size + MEM_OFFSET) {
            return None;
        }
        let c = Chunk(self.top);
        c.set_head(size | PINUSE | CINUSE);
        self.top += size;
        Some(c)
    }

    /// Marks free chunk `c` (already off the lists) in use, giving back
    /// anything beyond `size` as a new free chunk.
    #[inline]
    unsafe fn use_chunk(&mut self, c: Chunk, size: usize) {
        let have = c.size();
        let rest = have - size;
        if rest >= MIN_CHUNK {
            c.set_inuse(size);
            let r = c.plus(size);
            r.set_free(rest);
            self.bins.insert(r, rest);
        } else {
            c.set_inuse(have);
            let next = c.plus(have);
            next.set_head(next.head() | PINUSE);
        }
    }

    /// An in-use chunk of at least `size` bytes (a multiple of 16).
    #[inline]
    pub unsafe fn alloc(&mut self, size: usize) -> Option<Chunk> {
        if size <= CACHE_MAX {
            if let Some(c) = self.cache.pop(size) {
                return Some(c);
            }
        }
        if size < SMALL_LIMIT {
            if let Some(c) = self.bins.take_exact_small(size) {
                self.use_chunk(c, size);
                return Some(c);
            }
            if self.dv_size >= size {
                return Some(self.carve_dv(size));
            }
            if let Some(c) = self.bins.take_fit(size) {
                self.split_to_dv(c, size);
                return Some(c);
            }
        } else {
            if let Some(c) = self.bins.take_fit(size) {
                self.use_chunk(c, size);
                return Some(c);
            }
            if self.dv_size >= size {
                return Some(self.carve_dv(size));
            }
            // Cached small chunks may be what keeps a fit from forming.
            if self.drain_cache() {
                return self.alloc(size);
            }
        }
        self.from_top(size)
    }

    /// Allocates `size` bytes from the start of the designated victim.
    #[inline]
    unsafe fn carve_dv(&mut self, size: usize) -> Chunk {
        let c = Chunk(self.dv);
        let rest = self.dv_size - size;
        if rest >= MIN_CHUNK {
            c.set_head(size | PINUSE | CINUSE);
            let r = c.plus(size);
            r.set_head(rest | PINUSE);
            r.plus(rest).set_prev_foot(rest);
            self.dv = r.0;
            self.dv_size = rest;
        } else {
            c.set_head(self.dv_size | PINUSE | CINUSE);
            let next = c.plus(self.dv_size);
            next.set_head(next.head() | PINUSE);
            self.dv = 0;
            self.dv_size = 0;
        }
        c
    }

    /// Like `use_chunk`, but the remainder replaces the designated victim.
    #[inline]
    unsafe fn split_to_dv(&mut self, c: Chunk, size: usize) {
        let have = c.size();
        let rest = have - size;
        if rest < MIN_CHUNK {
            self.use_chunk(c, size);
            return;
        }
        c.set_inuse(size);
        let r = c.plus(size);
        r.set_free(rest);
        if self.dv != 0 {
            self.bins.insert(Chunk(self.dv), self.dv_size);
        }
        self.dv = r.0;
        self.dv_size = rest;
    }

    /// Takes free chunk `c` off its list (or clears the designated victim).
    #[inline]
    unsafe fn unlink(&mut self, c: Chunk, size: usize) {
        if c.0 == self.dv {
            self.dv = 0;
            self.dv_size = 0;
        } else {
            self.bins.remove(c, size);
        }
    }

    /// Frees in-use chunk `c`: small ones go to the cache (unless they
    /// border `top`, which they give back), others are released at once.
    #[inline]
    pub unsafe fn free(&mut self, c: Chunk) {
        let size = c.size();
        if size <= CACHE_MAX && c.0 + size != self.top && self.cache.push(c, size) {
            return;
        }
        self.release(c);
    }

    /// Really frees every cached chunk; false if there was none.
    unsafe fn drain_cache(&mut self) -> bool {
        let mut cache = core::mem::replace(&mut self.cache, Cache::new());
        let mut any = false;
        cache.drain(|c| {
            any = true;
            self.release(c);
        });
        any
    }

    /// Frees in-use chunk `c`, coalescing with free neighbours and `top`.
    /// A chunk merged with the designated victim stays the victim.
    #[inline]
    unsafe fn release(&mut self, c: Chunk) {
        let mut size = c.size();
        let next = c.plus(size);
        let mut c = c;
        let mut to_dv = false;
        if c.pinuse() == 0 {
            let psize = c.prev_foot();
            let prev = Chunk(c.0 - psize);
            to_dv = prev.0 == self.dv;
            self.unlink(prev, psize);
            c = prev;
            size += psize;
        }
        if next.0 == self.top {
            self.top = c.0;
            return;
        }
        if !next.cinuse() {
            let nsize = next.size();
            to_dv |= next.0 == self.dv;
            self.unlink(next, nsize);
            size += nsize;
        }
        c.set_free(size);
        if to_dv {
            self.dv = c.0;
            self.dv_size = size;
        } else {
            self.bins.insert(c, size);
        }
    }

    /// Resizes in-use chunk `c` to `size` without moving it: shrinks by
    /// splitting, grows into a free next chunk or the top region.
    pub unsafe fn resize_in_place(&mut self, c: Chunk, size: usize) -> bool {
        let have = c.size();
        if size <= have {
            self.trim(c, size);
            return true;
        }
        let next = c.plus(have);
        if next.0 == self.top {
            if !self.grow_top(size - have + MEM_OFFSET) || next.0 != self.top {
                return false;
            }
            c.set_inuse(size);
            self.top = c.0 + size;
            return true;
        }
        if next.cinuse() {
            return false;
        }
        let nsize = next.size();
        if have + nsize < size {
            return false;
        }
        self.unlink(next, nsize);
        let total = have + nsize;
        c.set_inuse(total);
        let after = c.plus(total);
        after.set_head(after.head() | PINUSE);
        self.trim(c, size);
        true
    }

    /// Gives back the tail of in-use chunk `c` beyond `size`, if it is big
    /// enough to be a chunk.
    unsafe fn trim(&mut self, c: Chunk, size: usize) {
        let have = c.size();
        if have - size >= MIN_CHUNK {
            c.set_inuse(size);
            let r = c.plus(size);
            r.set_head((have - size) | PINUSE | CINUSE);
            self.release(r);
        }
    }

    /// An in-use chunk of `size` bytes whose payload is aligned to `align`
    /// (a power of two above 16).
    pub unsafe fn alloc_aligned(&mut self, align: usize, size: usize) -> Option<Chunk> {
        let padded = size.checked_add(align)?.checked_add(MIN_CHUNK)?;
        let c = self.alloc(padded)?;
        let mem = c.mem() as usize;
        if mem & (align - 1) == 0 {
            self.trim(c, size);
            return Some(c);
        }
        let mut aligned = (mem + align - 1) & !(align - 1);
        if aligned - mem < MIN_CHUNK {
            aligned += align;
        }
        let nc = Chunk::from_mem(aligned as *mut u8);
        let lead = nc.0 - c.0;
        let have = c.size();
        nc.set_head((have - lead) | PINUSE | CINUSE);
        c.set_inuse(lead);
        self.release(c);
        self.trim(nc, size);
        Some(nc)
    }
}
