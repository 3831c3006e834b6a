//! wasi-libc's `<wasi/api.h>` C functions (`__wasi_*`): thin exported
//! wrappers over the imports, returning the WASI errno. As in wasi-libc,
//! paths are NUL-terminated strings (the length is computed here) and
//! results go through `retptr` out-pointers.

#![allow(clippy::too_many_arguments)]

use super::raw;
use crate::cstr;
use core::ffi::c_char;

/// Address as the `i32` the imports take.
#[inline]
fn a<T>(p: *const T) -> i32 {
    p as usize as i32
}

/// (address, length) of a C string.
#[inline]
unsafe fn s(p: *const c_char) -> (i32, i32) {
    (a(p), cstr::len(p) as i32)
}

macro_rules! passthrough {
    ($( $(#[$doc:meta])* $name:ident => $imp:ident ( $($arg:ident : $ty:ty => $conv:expr),* ) ; )*) => {
        $(
            $(#[$doc])*
            #[no_mangle]
            pub unsafe extern "C" fn $name($($arg: $ty),*) -> u16 {
                raw::$imp($($conv),*) as u16
            }
        )*
    };
}

passthrough! {
    /// `__wasi_args_get`.
    __wasi_args_get => args_get(argv: *mut *mut u8 => a(argv), buf: *mut u8 => a(buf));
    /// `__wasi_args_sizes_get`.
    __wasi_args_sizes_get => args_sizes_get(argc: *mut usize => a(argc), size: *mut usize => a(size));
    /// `__wasi_environ_get`.
    __wasi_environ_get => environ_get(env: *mut *mut u8 => a(env), buf: *mut u8 => a(buf));
    /// `__wasi_environ_sizes_get`.
    __wasi_environ_sizes_get => environ_sizes_get(n: *mut usize => a(n), size: *mut usize => a(size));
    /// `__wasi_clock_res_get`.
    __wasi_clock_res_get => clock_res_get(id: u32 => id as i32, out: *mut u64 => a(out));
    /// `__wasi_clock_time_get`.
    __wasi_clock_time_get => clock_time_get(id: u32 => id as i32, precision: u64 => precision as i64, out: *mut u64 => a(out));
    /// `__wasi_fd_advise`.
    __wasi_fd_advise => fd_advise(fd: u32 => fd as i32, offset: u64 => offset as i64, len: u64 => len as i64, advice: u8 => advice as i32);
    /// `__wasi_fd_allocate`.
    __wasi_fd_allocate => fd_allocate(fd: u32 => fd as i32, offset: u64 => offset as i64, len: u64 => len as i64);
    /// `__wasi_fd_close`.
    __wasi_fd_close => fd_close(fd: u32 => fd as i32);
    /// `__wasi_fd_datasync`.
    __wasi_fd_datasync => fd_datasync(fd: u32 => fd as i32);
    /// `__wasi_fd_fdstat_get`.
    __wasi_fd_fdstat_get => fd_fdstat_get(fd: u32 => fd as i32, out: *mut super::Fdstat => a(out));
    /// `__wasi_fd_fdstat_set_flags`.
    __wasi_fd_fdstat_set_flags => fd_fdstat_set_flags(fd: u32 => fd as i32, flags: u16 => flags as i32);
    /// `__wasi_fd_fdstat_set_rights`.
    __wasi_fd_fdstat_set_rights => fd_fdstat_set_rights(fd: u32 => fd as i32, base: u64 => base as i64, inh: u64 => inh as i64);
    /// `__wasi_fd_filestat_get`.
    __wasi_fd_filestat_get => fd_filestat_get(fd: u32 => fd as i32, out: *mut super::Filestat => a(out));
    /// `__wasi_fd_filestat_set_size`.
    __wasi_fd_filestat_set_size => fd_filestat_set_size(fd: u32 => fd as i32, size: u64 => size as i64);
    /// `__wasi_fd_filestat_set_times`.
    __wasi_fd_filestat_set_times => fd_filestat_set_times(fd: u32 => fd as i32, atim: u64 => atim as i64, mtim: u64 => mtim as i64, flags: u16 => flags as i32);
    /// `__wasi_fd_pread`.
    __wasi_fd_pread => fd_pread(fd: u32 => fd as i32, iovs: *const super::Iovec => a(iovs), n: usize => n as i32, offset: u64 => offset as i64, out: *mut usize => a(out));
    /// `__wasi_fd_prestat_get`.
    __wasi_fd_prestat_get => fd_prestat_get(fd: u32 => fd as i32, out: *mut super::Prestat => a(out));
    /// `__wasi_fd_prestat_dir_name`.
    __wasi_fd_prestat_dir_name => fd_prestat_dir_name(fd: u32 => fd as i32, path: *mut u8 => a(path), len: usize => len as i32);
    /// `__wasi_fd_pwrite`.
    __wasi_fd_pwrite => fd_pwrite(fd: u32 => fd as i32, iovs: *const super::Iovec => a(iovs), n: usize => n as i32, offset: u64 => offset as i64, out: *mut usize => a(out));
    /// `__wasi_fd_read`.
    __wasi_fd_read => fd_read(fd: u32 => fd as i32, iovs: *const super::Iovec => a(iovs), n: usize => n as i32, out: *mut usize => a(out));
    /// `__wasi_fd_readdir`.
    __wasi_fd_readdir => fd_readdir(fd: u32 => fd as i32, buf: *mut u8 => a(buf), len: usize => len as i32, cookie: u64 => cookie as i64, out: *mut usize => a(out));
    /// `__wasi_fd_renumber`.
    __wasi_fd_renumber => fd_renumber(fd: u32 => fd as i32, to: u32 => to as i32);
    /// `__wasi_fd_seek`.
    __wasi_fd_seek => fd_seek(fd: u32 => fd as i32, offset: i64 => offset, whence: u8 => whence as i32, out: *mut u64 => a(out));
    /// `__wasi_fd_sync`.
    __wasi_fd_sync => fd_sync(fd: u32 => fd as i32);
    /// `__wasi_fd_tell`.
    __wasi_fd_tell => fd_tell(fd: u32 => fd as i32, out: *mut u64 => a(out));
    /// `__wasi_fd_write`.
    __wasi_fd_write => fd_write(fd: u32 => fd as i32, iovs: *const super::Iovec => a(iovs), n: usize => n as i32, out: *mut usize => a(out));
    /// `__wasi_poll_oneoff`.
    __wasi_poll_oneoff => poll_oneoff(input: *const super::Subscription => a(input), out: *mut super::Event => a(out), n: usize => n as i32, nevents: *mut usize => a(nevents));
    /// `__wasi_sched_yield`.
    __wasi_sched_yield => sched_yield();
    /// `__wasi_random_get`.
    __wasi_random_get => random_get(buf: *mut u8 => a(buf), len: usize => len as i32);
    /// `__wasi_sock_accept`.
    __wasi_sock_accept => sock_accept(fd: u32 => fd as i32, flags: u16 => flags as i32, out: *mut u32 => a(out));
    /// `__wasi_sock_recv`.
    __wasi_sock_recv => sock_recv(fd: u32 => fd as i32, iovs: *const super::Iovec => a(iovs), n: usize => n as i32, flags: u16 => flags as i32, len: *mut usize => a(len), oflags: *mut u16 => a(oflags));
    /// `__wasi_sock_send`.
    __wasi_sock_send => sock_send(fd: u32 => fd as i32, iovs: *const super::Iovec => a(iovs), n: usize => n as i32, flags: u16 => flags as i32, out: *mut usize => a(out));
    /// `__wasi_sock_shutdown`.
    __wasi_sock_shutdown => sock_shutdown(fd: u32 => fd as i32, how: u8 => how as i32);
}

/// `__wasi_proc_exit`.
#[no_mangle]
pub unsafe extern "C" fn __wasi_proc_exit(code: u32) -> ! {
    raw::proc_exit(code as i32)
}

/// `__wasi_path_create_directory`.
#[no_mangle]
pub unsafe extern "C" fn __wasi_path_create_directory(fd: u32, path: *const c_char) -> u16 {
    let (p, n) = s(path);
    raw::path_create_directory(fd as i32, p, n) as u16
}

/// `__wasi_path_filestat_get`.
#[no_mangle]
pub unsafe extern "C" fn __wasi_path_filestat_get(fd: u32, flags: u32, path: *const c_char, out: *mut super::Filestat) -> u16 {
    let (p, n) = s(path);
    raw::path_filestat_get(fd as i32, flags as i32, p, n, a(out)) as u16
}

/// `__wasi_path_filestat_set_times`.
#[no_mangle]
pub unsafe extern "C" fn __wasi_path_filestat_set_times(
    fd: u32,
    flags: u32,
    path: *const c_char,
    atim: u64,
    mtim: u64,
    fst: u16,
) -> u16 {
    let (p, n) = s(path);
    raw::path_filestat_set_times(fd as i32, flags as i32, p, n, atim as i64, mtim as i64, fst as i32) as u16
}

/// `__wasi_path_link`.
#[no_mangle]
pub unsafe extern "C" fn __wasi_path_link(
    old_fd: u32,
    old_flags: u32,
    old: *const c_char,
    new_fd: u32,
    new: *const c_char,
) -> u16 {
    let (op, on) = s(old);
    let (np, nn) = s(new);
    raw::path_link(old_fd as i32, old_flags as i32, op, on, new_fd as i32, np, nn) as u16
}

/// `__wasi_path_open`.
#[no_mangle]
pub unsafe extern "C" fn __wasi_path_open(
    fd: u32,
    dirflags: u32,
    path: *const c_char,
    oflags: u16,
    base: u64,
    inh: u64,
    fdflags: u16,
    out: *mut u32,
) -> u16 {
    let (p, n) = s(path);
    raw::path_open(fd as i32, dirflags as i32, p, n, oflags as i32, base as i64, inh as i64, fdflags as i32, a(out))
        as u16
}

/// `__wasi_path_readlink`.
#[no_mangle]
pub unsafe extern "C" fn __wasi_path_readlink(
    fd: u32,
    path: *const c_char,
    buf: *mut u8,
    len: usize,
    out: *mut usize,
) -> u16 {
    let (p, n) = s(path);
    raw::path_readlink(fd as i32, p, n, a(buf), len as i32, a(out)) as u16
}

/// `__wasi_path_remove_directory`.
#[no_mangle]
pub unsafe extern "C" fn __wasi_path_remove_directory(fd: u32, path: *const c_char) -> u16 {
    let (p, n) = s(path);
    raw::path_remove_directory(fd as i32, p, n) as u16
}

/// `__wasi_path_rename`.
#[no_mangle]
pub unsafe extern "C" fn __wasi_path_rename(fd: u32, old: *const c_char, new_fd: u32, new: *const c_char) -> u16 {
    let (op, on) = s(old);
    let (np, nn) = s(new);
    raw::path_rename(fd as i32, op, on, new_fd as i32, np, nn) as u16
}

/// `__wasi_path_symlink`.
#[no_mangle]
pub unsafe extern "C" fn __wasi_path_symlink(old: *const c_char, fd: u32, new: *const c_char) -> u16 {
    let (op, on) = s(old);
    let (np, nn) = s(new);
    raw::path_symlink(op, on, fd as i32, np, nn) as u16
}

/// `__wasi_path_unlink_file`.
#[no_mangle]
pub unsafe extern "C" fn __wasi_path_unlink_file(fd: u32, path: *const c_char) -> u16 {
    let (p, n) = s(path);
    raw::path_unlink_file(fd as i32, p, n) as u16
}
