//! Segregated free lists with a two-level bitmap (TLSF-style index).
//!
//! Chunk sizes below 1 KiB have one exact list per 16-byte size (64
//! lists). From 1 KiB up, each power of two is split into 32 lists (about
//! 3% apart). A bitmap per group of 32 lists and a bitmap of non-empty
//! groups find the first non-empty list at or above an index in O(1).
//! Lists are doubly linked (LIFO), so a chunk is unlinked in O(1) when its
//! neighbour is freed and coalesces with it.

use super::chunk::Chunk;

/// Sizes below this have exact lists.
pub const SMALL_LIMIT: usize = 1024;
const SMALL_LISTS: usize = SMALL_LIMIT / 16;
/// log2 of the lists per power of two above `SMALL_LIMIT`.
const SL_BITS: u32 = 5;
const SL_COUNT: usize = 1 << SL_BITS;
/// log2(SMALL_LIMIT).
const FL_MIN: u32 = 10;
/// Lists: the small ones plus 32 per power of two from 2^10 to 2^31.
const NLISTS: usize = SMALL_LISTS + (32 - FL_MIN as usize) * SL_COUNT;
const NGROUPS: usize = NLISTS / 32;
/// How many chunks of a size's own (inexact) list are examined for a fit
/// before a bigger list is used.
const SCAN_LIMIT: usize = 4;

/// The free lists.
pub struct Bins {
    /// Bit `g`: group `g` has a non-empty list.
    groups: u32,
    /// Bit `i % 32` of word `i / 32`: list `i` is non-empty.
    words: [u32; NGROUPS],
    /// List heads (chunk addresses, 0 = empty).
    heads: [usize; NLISTS],
}

/// Index of the list that holds chunks of `size`.
#[inline]
fn list_of(size: usize) -> usize {
    if size < SMALL_LIMIT {
        size >> 4
    } else {
        let fl = usize::BITS - 1 - size.leading_zeros();
        let sl = (size >> (fl - SL_BITS)) & (SL_COUNT - 1);
        SMALL_LISTS + (fl - FL_MIN) as usize * SL_COUNT + sl
    }
}

impl Bins {
    pub const fn new() -> Bins {
        Bins { groups: 0, words: [0; NGROUPS], heads: [0; NLISTS] }
    }

    /// Adds free chunk `c` of size `size` (its head must already say so).
    #[inline]
    pub unsafe fn insert(&mut self, c: Chunk, size: usize) {
        let i = list_of(size);
        let head = self.heads[i];
        c.set_fd(head);
        c.set_bk(0);
        if head != 0 {
            Chunk(head).set_bk(c.0);
        } else {
            self.words[i / 32] |= 1 << (i % 32);
            self.groups |= 1 << (i / 32);
        }
        self.heads[i] = c.0;
    }

    /// Unlinks free chunk `c` of size `size`.
    #[inline]
    pub unsafe fn remove(&mut self, c: Chunk, size: usize) {
        let (fd, bk) = (c.fd(), c.bk());
        if fd != 0 {
            Chunk(fd).set_bk(bk);
        }
        if bk != 0 {
            Chunk(bk).set_fd(fd);
        } else {
            let i = list_of(size);
            self.heads[i] = fd;
            if fd == 0 {
                self.words[i / 32] &= !(1 << (i % 32));
                if self.words[i / 32] == 0 {
                    self.groups &= !(1 << (i / 32));
                }
            }
        }
    }

    /// First non-empty list with index `>= i`.
    #[inline]
    fn first_from(&self, i: usize) -> Option<usize> {
        if i >= NLISTS {
            return None;
        }
        let g = i / 32;
        let w = self.words[g] & (u32::MAX << (i % 32));
        if w != 0 {
            return Some(g * 32 + w.trailing_zeros() as usize);
        }
        let gs = if g + 1 >= 32 { 0 } else { self.groups & (u32::MAX << (g + 1)) };
        if gs == 0 {
            return None;
        }
        let g = gs.trailing_zeros() as usize;
        Some(g * 32 + self.words[g].trailing_zeros() as usize)
    }

    /// Removes and returns a chunk of exactly `size` bytes (`size` below
    /// 1 KiB, where lists are exact).
    #[inline]
    pub unsafe fn take_exact_small(&mut self, size: usize) -> Option<Chunk> {
        let i = list_of(size);
        let head = self.heads[i];
        if size >= SMALL_LIMIT || head == 0 {
            return None;
        }
        let c = Chunk(head);
        self.remove(c, size);
        Some(c)
    }

    /// Removes and returns a free chunk of at least `size` bytes: an exact
    /// small list, else the best of the first few chunks of the size's own
    /// list, else the head of the first non-empty bigger list.
    #[inline]
    pub unsafe fn take_fit(&mut self, size: usize) -> Option<Chunk> {
        let i = list_of(size);
        if size >= SMALL_LIMIT {
            let mut best = 0usize;
            let mut best_size = usize::MAX;
            let mut c = self.heads[i];
            let mut seen = 0;
            while c != 0 && seen < SCAN_LIMIT {
                let s = Chunk(c).size();
                if s >= size && s < best_size {
                    best = c;
                    best_size = s;
                    if s == size {
                        break;
                    }
                }
                c = Chunk(c).fd();
                seen += 1;
            }
            if best != 0 {
                self.remove(Chunk(best), best_size);
                return Some(Chunk(best));
            }
            let j = self.first_from(i + 1)?;
            let c = Chunk(self.heads[j]);
            self.remove(c, c.size());
            return Some(c);
        }
        let j = self.first_from(i)?;
        let c = Chunk(self.heads[j]);
        self.remove(c, c.size());
        Some(c)
    }
}
