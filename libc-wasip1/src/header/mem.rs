//! The memory primitives the compiler itself emits calls to: `memcpy`,
//! `memmove`, `memset`, `memcmp`, `bcmp`, `strlen`.
//!
//! Large sizes use the bulk-memory instructions (`memory.copy`/`memory.fill`,
//! which `core::ptr::copy*`/`write_bytes` lower to on wasm32-wasip1 since
//! bulk-memory is a baseline target feature). Under wasmtime 48 those have a
//! fixed cost (about 13 ns on the reference machine) that makes them slower
//! than straight-line word copies below 32 bytes, and faster from there on
//! (measured with `tests/bench/bench.c`), so sizes below [`BULK_THRESHOLD`]
//! use word loops. The loops are
//! written with several stores per iteration so that LLVM's loop-idiom pass
//! does not turn them back into a call to `memcpy`/`memset` (which would
//! recurse); check with `llvm-objdump-19 -d` after changing them.

use core::ptr::{read_unaligned as rd, write_unaligned as wr};

/// Sizes at or above this use `memory.copy` / `memory.fill`.
pub const BULK_THRESHOLD: usize = 32;

/// Copies `n < 16` bytes forwards with overlapping word accesses (no loop).
#[inline(always)]
unsafe fn copy_small(d: *mut u8, s: *const u8, n: usize) {
    if n >= 8 {
        let a = rd(s as *const u64);
        let b = rd(s.add(n - 8) as *const u64);
        wr(d as *mut u64, a);
        wr(d.add(n - 8) as *mut u64, b);
    } else if n >= 4 {
        let a = rd(s as *const u32);
        let b = rd(s.add(n - 4) as *const u32);
        wr(d as *mut u32, a);
        wr(d.add(n - 4) as *mut u32, b);
    } else if n > 0 {
        let a = *s;
        let b = *s.add(n / 2);
        let c = *s.add(n - 1);
        *d = a;
        *d.add(n / 2) = b;
        *d.add(n - 1) = c;
    }
}

/// Copies `16 <= n < BULK_THRESHOLD` bytes; every load of a block happens
/// before its stores, and the tail is loaded before anything is stored, so
/// this is also correct for overlapping regions with `d < s`.
#[inline(always)]
unsafe fn copy_mid_fwd(d: *mut u8, s: *const u8, n: usize) {
    let t0 = rd(s.add(n - 16) as *const u64);
    let t1 = rd(s.add(n - 8) as *const u64);
    let mut i = 0;
    while i + 32 <= n {
        let a = rd(s.add(i) as *const u64);
        let b = rd(s.add(i + 8) as *const u64);
        let c = rd(s.add(i + 16) as *const u64);
        let e = rd(s.add(i + 24) as *const u64);
        wr(d.add(i) as *mut u64, a);
        wr(d.add(i + 8) as *mut u64, b);
        wr(d.add(i + 16) as *mut u64, c);
        wr(d.add(i + 24) as *mut u64, e);
        i += 32;
    }
    if i + 16 <= n {
        let a = rd(s.add(i) as *const u64);
        let b = rd(s.add(i + 8) as *const u64);
        wr(d.add(i) as *mut u64, a);
        wr(d.add(i + 8) as *mut u64, b);
    }
    wr(d.add(n - 16) as *mut u64, t0);
    wr(d.add(n - 8) as *mut u64, t1);
}

/// C `memcpy`.
#[no_mangle]
pub unsafe extern "C" fn memcpy(d: *mut u8, s: *const u8, n: usize) -> *mut u8 {
    if n < 16 {
        copy_small(d, s, n);
    } else if n < BULK_THRESHOLD {
        copy_mid_fwd(d, s, n);
    } else {
        core::ptr::copy_nonoverlapping(s, d, n);
    }
    d
}

/// C `memmove`.
#[no_mangle]
pub unsafe extern "C" fn memmove(d: *mut u8, s: *const u8, n: usize) -> *mut u8 {
    if n < 16 {
        // copy_small loads everything before storing: overlap-safe.
        copy_small(d, s, n);
    } else if n >= BULK_THRESHOLD {
        core::ptr::copy(s, d, n);
    } else if (d as usize) <= (s as usize) || (d as usize) >= (s as usize) + n {
        copy_mid_fwd(d, s, n);
    } else {
        // Backwards, blockwise; the head is loaded before any store.
        let h0 = rd(s as *const u64);
        let h1 = rd(s.add(8) as *const u64);
        let mut i = n;
        while i >= 32 {
            let a = rd(s.add(i - 8) as *const u64);
            let b = rd(s.add(i - 16) as *const u64);
            let c = rd(s.add(i - 24) as *const u64);
            let e = rd(s.add(i - 32) as *const u64);
            wr(d.add(i - 8) as *mut u64, a);
            wr(d.add(i - 16) as *mut u64, b);
            wr(d.add(i - 24) as *mut u64, c);
            wr(d.add(i - 32) as *mut u64, e);
            i -= 32;
        }
        if i >= 16 {
            let a = rd(s.add(i - 8) as *const u64);
            let b = rd(s.add(i - 16) as *const u64);
            wr(d.add(i - 8) as *mut u64, a);
            wr(d.add(i - 16) as *mut u64, b);
        }
        wr(d as *mut u64, h0);
        wr(d.add(8) as *mut u64, h1);
    }
    d
}

/// C `memset`.
#[no_mangle]
pub unsafe extern "C" fn memset(d: *mut u8, c: i32, n: usize) -> *mut u8 {
    let b = c as u8;
    if n < 16 {
        if n >= 8 {
            let w = (b as u64).wrapping_mul(0x0101_0101_0101_0101);
            wr(d as *mut u64, w);
            wr(d.add(n - 8) as *mut u64, w);
        } else if n >= 4 {
            let w = (b as u32).wrapping_mul(0x0101_0101);
            wr(d as *mut u32, w);
            wr(d.add(n - 4) as *mut u32, w);
        } else if n > 0 {
            *d = b;
            *d.add(n / 2) = b;
            *d.add(n - 1) = b;
        }
    } else if n < BULK_THRESHOLD {
        let w = (b as u64).wrapping_mul(0x0101_0101_0101_0101);
        let mut i = 0;
        while i + 32 <= n {
            wr(d.add(i) as *mut u64, w);
            wr(d.add(i + 8) as *mut u64, w);
            wr(d.add(i + 16) as *mut u64, w);
            wr(d.add(i + 24) as *mut u64, w);
            i += 32;
        }
        if i + 16 <= n {
            wr(d.add(i) as *mut u64, w);
            wr(d.add(i + 8) as *mut u64, w);
        }
        wr(d.add(n - 16) as *mut u64, w);
        wr(d.add(n - 8) as *mut u64, w);
    } else {
        core::ptr::write_bytes(d, b, n);
    }
    d
}

/// C `memcmp`.
#[no_mangle]
pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    let mut i = 0;
    while i + 8 <= n {
        let x = rd(a.add(i) as *const u64);
        let y = rd(b.add(i) as *const u64);
        if x != y {
            // Little-endian: the first differing byte is the lowest set bit.
            let sh = (x ^ y).trailing_zeros() & !7;
            return ((x >> sh) as u8) as i32 - ((y >> sh) as u8) as i32;
        }
        i += 8;
    }
    while i < n {
        let (x, y) = (*a.add(i), *b.add(i));
        if x != y {
            return x as i32 - y as i32;
        }
        i += 1;
    }
    0
}

/// C `bcmp` (zero iff the regions are equal).
#[no_mangle]
pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    memcmp(a, b, n)
}

const ONES: usize = usize::MAX / 255;
const HIGHS: usize = ONES * 128;

/// True if the word `w` has a zero byte.
#[inline(always)]
pub(crate) fn has_zero(w: usize) -> bool {
    w.wrapping_sub(ONES) & !w & HIGHS != 0
}

const ONES64: u64 = u64::MAX / 255;
const HIGHS64: u64 = ONES64 * 128;

/// C `strlen`: up to 4-byte alignment bytewise (short strings are the
/// common case), then one 4-byte word if needed to reach 8-byte alignment,
/// then 8 bytes at a time; the NUL is located inside the word from the
/// zero-byte mask (its lowest flagged byte is always a real zero).
#[no_mangle]
pub unsafe extern "C" fn strlen(s: *const u8) -> usize {
    let mut p = s;
    while !(p as usize).is_multiple_of(4) {
        if *p == 0 {
            return p as usize - s as usize;
        }
        p = p.add(1);
    }
    // Aligned reads never cross a page (or the end of memory).
    if !(p as usize).is_multiple_of(8) {
        let w = *(p as *const u32);
        let m = w.wrapping_sub(0x0101_0101) & !w & 0x8080_8080;
        if m != 0 {
            return p as usize - s as usize + (m.trailing_zeros() / 8) as usize;
        }
        p = p.add(4);
    }
    let mut w = p as *const u64;
    loop {
        let x = *w;
        let m = x.wrapping_sub(ONES64) & !x & HIGHS64;
        if m != 0 {
            return w as usize - s as usize + (m.trailing_zeros() / 8) as usize;
        }
        w = w.add(1);
    }
}
