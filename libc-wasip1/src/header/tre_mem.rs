//! TRE's region allocator (`tre-mem.c` in musl's regex code), which
//! wasi-libc exports: many small allocations carved out of large blocks,
//! all freed at once by `__tre_mem_destroy`.
//!
//! Layout and behaviour follow TRE: a `tre_mem` header (`blocks`,
//! `current`, `ptr`, `n`, `failed`, `provided`), blocks of 1024 bytes (or
//! 8 times the request if larger) on a singly linked list, each allocation
//! padded so the next one is aligned for a `long`, and sticky failure.

use core::ffi::{c_int, c_void};
use core::ptr::{null_mut, write_bytes};

extern "C" {
    fn malloc(n: usize) -> *mut c_void;
    fn calloc(n: usize, size: usize) -> *mut c_void;
    fn free(p: *mut c_void);
}

/// TRE's block size.
const BLOCK_SIZE: usize = 1024;

/// `tre_list_t`: one block.
#[repr(C)]
pub struct List {
    data: *mut c_void,
    next: *mut List,
}

/// `struct tre_mem_struct`.
#[repr(C)]
pub struct Mem {
    blocks: *mut List,
    current: *mut List,
    ptr: *mut u8,
    n: usize,
    failed: c_int,
    provided: *mut *mut c_void,
}

/// C `__tre_mem_new_impl`: a new allocator, in `provided_block` (which
/// must hold a `tre_mem`) when `provided`, else on the heap. Null if out
/// of memory.
#[no_mangle]
pub unsafe extern "C" fn __tre_mem_new_impl(provided: c_int, provided_block: *mut c_void) -> *mut Mem {
    let mem = if provided != 0 {
        if provided_block.is_null() {
            return null_mut();
        }
        write_bytes(provided_block as *mut u8, 0, core::mem::size_of::<Mem>());
        provided_block as *mut Mem
    } else {
        calloc(1, core::mem::size_of::<Mem>()) as *mut Mem
    };
    mem
}

/// C `__tre_mem_destroy`: frees every block and the allocator.
#[no_mangle]
pub unsafe extern "C" fn __tre_mem_destroy(mem: *mut Mem) {
    if mem.is_null() {
        return;
    }
    let mut l = (*mem).blocks;
    while !l.is_null() {
        let next = (*l).next;
        free((*l).data);
        free(l as *mut c_void);
        l = next;
    }
    free(mem as *mut c_void);
}

/// C `__tre_mem_alloc_impl`: `size` bytes from `mem` (zeroed if `zero`).
/// When the current block is too small a new one is taken: the caller's
/// `provided_block` (of `BLOCK_SIZE` bytes) if `provided`, else a heap
/// block. Null, and the allocator marked failed for good, when no block
/// can be had.
#[no_mangle]
pub unsafe extern "C" fn __tre_mem_alloc_impl(
    mem: *mut Mem,
    provided: c_int,
    provided_block: *mut c_void,
    zero: c_int,
    size: usize,
) -> *mut c_void {
    let m = &mut *mem;
    if m.failed != 0 {
        return null_mut();
    }
    if m.n < size {
        if provided != 0 {
            if provided_block.is_null() {
                m.failed = 1;
                return null_mut();
            }
            m.ptr = provided_block as *mut u8;
            m.n = BLOCK_SIZE;
        } else {
            let block_size = if size.saturating_mul(8) > BLOCK_SIZE { size.saturating_mul(8) } else { BLOCK_SIZE };
            let l = malloc(core::mem::size_of::<List>()) as *mut List;
            if l.is_null() {
                m.failed = 1;
                return null_mut();
            }
            let data = malloc(block_size);
            if data.is_null() {
                free(l as *mut c_void);
                m.failed = 1;
                return null_mut();
            }
            (*l).data = data;
            (*l).next = null_mut();
            if !m.current.is_null() {
                (*m.current).next = l;
            }
            if m.blocks.is_null() {
                m.blocks = l;
            }
            m.current = l;
            m.ptr = data as *mut u8;
            m.n = block_size;
        }
    }
    // Pad so that the next allocation is aligned for a `long`.
    let align = core::mem::size_of::<core::ffi::c_long>();
    let end = m.ptr as usize + size;
    let size = size + (align - end % align) % align;
    let p = m.ptr;
    m.ptr = m.ptr.add(size);
    m.n = m.n.saturating_sub(size);
    if zero != 0 {
        write_bytes(p, 0, size);
    }
    p as *mut c_void
}
