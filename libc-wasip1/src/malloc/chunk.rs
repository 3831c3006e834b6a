//! Chunk layout (boundary tags, as dlmalloc lays them out on wasm32).
//!
//! A chunk starts at an address `c` with `c % 16 == 8`, so its payload
//! `c + 8` is 16-byte aligned. Chunk sizes are multiples of 16, at least 16.
//!
//! ```text
//! c + 0   prev_foot  size of the previous chunk, valid only when it is free
//!                    (otherwise these 4 bytes belong to its payload)
//! c + 4   head       size | CINUSE (this chunk in use) | PINUSE (previous in use)
//! c + 8   payload    free chunks: fd (next free), bk (previous free) links
//! ```
//!
//! An in-use chunk of size `S` may use `S - 4` payload bytes: its payload
//! runs into the next chunk's `prev_foot`. A free chunk writes its size
//! into the next chunk's `prev_foot` (its footer) so the next chunk can
//! find it and coalesce backwards.

/// Payload alignment.
pub const ALIGN: usize = 16;
/// Smallest chunk: head, two links and the footer slot.
pub const MIN_CHUNK: usize = 16;
/// Bytes of an in-use chunk that the payload cannot use (its head word).
pub const OVERHEAD: usize = 4;
/// Distance from a chunk's start to its payload.
pub const MEM_OFFSET: usize = 8;
/// Head flag: the previous chunk is in use.
pub const PINUSE: usize = 1;
/// Head flag: this chunk is in use.
pub const CINUSE: usize = 2;
const FLAGS: usize = PINUSE | CINUSE;

/// Largest request accepted at all (dlmalloc's `MAX_REQUEST` on 32 bits).
pub const MAX_REQUEST: usize = 0usize.wrapping_sub(64);

/// Chunk size for a request of `n` bytes (`n < MAX_REQUEST`).
#[inline]
pub fn request_size(n: usize) -> usize {
    let s = (n + OVERHEAD + ALIGN - 1) & !(ALIGN - 1);
    if s < MIN_CHUNK {
        MIN_CHUNK
    } else {
        s
    }
}

/// A chunk, by the address of its `prev_foot` word.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Chunk(pub usize);

impl Chunk {
    /// The chunk that holds payload `p`.
    #[inline]
    pub fn from_mem(p: *mut u8) -> Chunk {
        Chunk(p as usize - MEM_OFFSET)
    }

    /// The payload pointer.
    #[inline]
    pub fn mem(self) -> *mut u8 {
        (self.0 + MEM_OFFSET) as *mut u8
    }

    #[inline]
    unsafe fn word(self, off: usize) -> *mut usize {
        (self.0 + off) as *mut usize
    }

    /// The head word.
    #[inline]
    pub unsafe fn head(self) -> usize {
        *self.word(4)
    }

    #[inline]
    pub unsafe fn set_head(self, v: usize) {
        *self.word(4) = v;
    }

    /// Chunk size (head without flags).
    #[inline]
    pub unsafe fn size(self) -> usize {
        self.head() & !FLAGS
    }

    #[inline]
    pub unsafe fn pinuse(self) -> usize {
        self.head() & PINUSE
    }

    #[inline]
    pub unsafe fn cinuse(self) -> bool {
        self.head() & CINUSE != 0
    }

    /// Size of the previous chunk (only meaningful when it is free).
    #[inline]
    pub unsafe fn prev_foot(self) -> usize {
        *self.word(0)
    }

    #[inline]
    pub unsafe fn set_prev_foot(self, v: usize) {
        *self.word(0) = v;
    }

    /// The chunk `off` bytes further on.
    #[inline]
    pub fn plus(self, off: usize) -> Chunk {
        Chunk(self.0 + off)
    }

    /// Marks this chunk in use with size `size`, keeping its PINUSE flag.
    #[inline]
    pub unsafe fn set_inuse(self, size: usize) {
        self.set_head(size | self.pinuse() | CINUSE);
    }

    /// Makes this chunk a free chunk of size `size` (previous chunk in
    /// use) and writes its footer; clears PINUSE of the chunk after it.
    #[inline]
    pub unsafe fn set_free(self, size: usize) {
        self.set_head(size | PINUSE);
        let next = self.plus(size);
        next.set_prev_foot(size);
        next.set_head(next.head() & !PINUSE);
    }

    /// Free-list link to the next free chunk (0 = none).
    #[inline]
    pub unsafe fn fd(self) -> usize {
        *self.word(8)
    }

    #[inline]
    pub unsafe fn set_fd(self, v: usize) {
        *self.word(8) = v;
    }

    /// Free-list link to the previous free chunk (0 = list head).
    #[inline]
    pub unsafe fn bk(self) -> usize {
        *self.word(12)
    }

    #[inline]
    pub unsafe fn set_bk(self, v: usize) {
        *self.word(12) = v;
    }
}
