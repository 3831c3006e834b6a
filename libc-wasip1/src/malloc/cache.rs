//! A small per-size cache of recently freed small chunks.
//!
//! `free` of a chunk up to `CACHE_MAX` bytes pushes it here, still marked
//! in use, without touching its neighbours; `malloc` of the same size pops
//! it back. This keeps the hot path to a few loads and stores. The cache
//! is bounded per size and is drained (every chunk really freed and
//! coalesced) before the heap would grow linear memory, so it never costs
//! pages.

use super::chunk::Chunk;

/// Largest chunk size that is cached.
pub const CACHE_MAX: usize = 64;
const LISTS: usize = CACHE_MAX / 16;
/// Most chunks kept per size.
const DEPTH: u16 = 8;

/// Cached chunks: singly linked through their `fd` word, per size.
pub struct Cache {
    heads: [usize; LISTS],
    counts: [u16; LISTS],
    /// Whether any list is non-empty (drain is a no-op otherwise).
    any: bool,
}

impl Cache {
    pub const fn new() -> Cache {
        Cache { heads: [0; LISTS], counts: [0; LISTS], any: false }
    }

    /// Keeps in-use chunk `c` of size `size` (`<= CACHE_MAX`) if there is room.
    #[inline]
    pub unsafe fn push(&mut self, c: Chunk, size: usize) -> bool {
        let i = size / 16 - 1;
        if self.counts[i] >= DEPTH {
            return false;
        }
        self.counts[i] += 1;
        c.set_fd(self.heads[i]);
        self.heads[i] = c.0;
        self.any = true;
        true
    }

    /// A cached chunk of exactly `size` bytes (`<= CACHE_MAX`).
    #[inline]
    pub unsafe fn pop(&mut self, size: usize) -> Option<Chunk> {
        let i = size / 16 - 1;
        let head = self.heads[i];
        if head == 0 {
            return None;
        }
        self.heads[i] = Chunk(head).fd();
        self.counts[i] -= 1;
        Some(Chunk(head))
    }

    /// Empties the cache, handing every chunk to `release`.
    pub unsafe fn drain(&mut self, mut release: impl FnMut(Chunk)) {
        if !self.any {
            return;
        }
        for i in 0..LISTS {
            let mut c = self.heads[i];
            while c != 0 {
                let next = Chunk(c).fd();
                release(Chunk(c));
                c = next;
            }
            self.heads[i] = 0;
            self.counts[i] = 0;
        }
        self.any = false;
    }
}
