//! `libwasi-emulated-mman.a`: `mmap`/`munmap` for programs built with
//! `-D_WASI_EMULATED_MMAN -lwasi-emulated-mman`, as wasi-libc's emulation:
//! a private copy in malloc'd memory (zeroed, or read from the file), with
//! a 24-byte header in front; only whole mappings can be unmapped, and
//! writes never reach the file.
#![no_std]
#![allow(non_upper_case_globals, clippy::missing_safety_doc)]

extern "C" {
    static mut errno: i32;
    fn malloc(n: usize) -> *mut u8;
    fn free(p: *mut u8);
    fn pread(fd: i32, buf: *mut u8, n: usize, offset: i64) -> isize;
}

const EINVAL: i32 = 28;
const ENOMEM: i32 = 48;
const EINTR: i32 = 27;
const MAP_SHARED: i32 = 0x01;
const MAP_PRIVATE: i32 = 0x02;
const MAP_SHARED_VALIDATE: i32 = 0x03;
const MAP_FIXED: i32 = 0x10;
const MAP_ANON: i32 = 0x20;
const MAP_GROWSDOWN: i32 = 0x0100;
const MAP_NORESERVE: i32 = 0x4000;
const MAP_HUGETLB: i32 = 0x4_0000;
const MAP_FIXED_NOREPLACE: i32 = 0x10_0000;
const PROT_NONE: i32 = 0;
const PROT_EXEC: i32 = 4;
const MAP_FAILED: *mut u8 = usize::MAX as *mut u8;

/// The header in front of every mapping.
#[repr(C)]
struct Map {
    prot: i32,
    flags: i32,
    offset: i64,
    length: usize,
}

/// `mmap`: MAP_PRIVATE/MAP_SHARED copies only; `addr` is ignored.
#[no_mangle]
pub unsafe extern "C" fn mmap(_addr: *mut u8, length: usize, prot: i32, flags: i32, fd: i32, offset: i64) -> *mut u8 {
    let unsupported = MAP_FIXED | MAP_NORESERVE | MAP_GROWSDOWN | MAP_HUGETLB | MAP_FIXED_NOREPLACE;
    if flags & (MAP_PRIVATE | MAP_SHARED) == 0
        || flags & unsupported != 0
        || flags & MAP_SHARED_VALIDATE == MAP_SHARED_VALIDATE
        || prot == PROT_NONE
        || prot & PROT_EXEC != 0
        || length == 0
    {
        errno = EINVAL;
        return MAP_FAILED;
    }
    let Some(total) = length.checked_add(core::mem::size_of::<Map>()) else {
        errno = ENOMEM;
        return MAP_FAILED;
    };
    let map = malloc(total) as *mut Map;
    if map.is_null() {
        errno = ENOMEM;
        return MAP_FAILED;
    }
    core::ptr::write(map, Map { prot, flags, offset, length });
    let body = map.add(1) as *mut u8;
    if flags & MAP_ANON == 0 {
        let (mut left, mut off, mut at) = (length, offset, body);
        while left > 0 {
            let n = pread(fd, at, left, off);
            if n < 0 {
                if errno == EINTR {
                    continue;
                }
                return MAP_FAILED;
            }
            if n == 0 {
                break;
            }
            left -= n as usize;
            off += n as i64;
            at = at.add(n as usize);
        }
    } else {
        core::ptr::write_bytes(body, 0, length);
    }
    body
}

/// `munmap`: EINVAL unless `length` is the whole mapping's.
#[no_mangle]
pub unsafe extern "C" fn munmap(addr: *mut u8, length: usize) -> i32 {
    let map = (addr as *mut Map).sub(1);
    if (*map).length != length {
        errno = EINVAL;
        return -1;
    }
    free(map as *mut u8);
    0
}
