//! The WASI layer: the only module that touches `wasi_snapshot_preview1`.
//!
//! `raw` declares the imports; the functions here wrap each of them,
//! turning the returned errno into `Result<_, Errno>` and out-pointers into
//! return values. Paths are byte slices (not NUL-terminated).

pub mod api;
pub mod raw;
pub mod types;

pub use types::*;

use core::mem::MaybeUninit;

/// Turns a raw return code into a `Result`.
#[inline]
fn check(code: i32) -> Result<(), Errno> {
    if code == 0 {
        Ok(())
    } else {
        Err(code as Errno)
    }
}

/// Address of a pointer as the `i32` that the imports take.
#[inline]
fn a<T>(p: *const T) -> i32 {
    p as usize as i32
}

/// Calls an import that writes one value through an out-pointer.
#[inline]
unsafe fn out<T>(f: impl FnOnce(i32) -> i32) -> Result<T, Errno> {
    let mut v = MaybeUninit::<T>::uninit();
    check(f(a(v.as_mut_ptr())))?;
    Ok(v.assume_init())
}

/// `args_sizes_get`: (argc, total bytes of the argument strings).
pub fn args_sizes_get() -> Result<(usize, usize), Errno> {
    let mut n = 0usize;
    let mut size = 0usize;
    check(unsafe { raw::args_sizes_get(a(core::ptr::addr_of_mut!(n)), a(core::ptr::addr_of_mut!(size))) })?;
    Ok((n, size))
}

/// `args_get` into caller-provided arrays sized by `args_sizes_get`.
pub unsafe fn args_get(argv: *mut *mut u8, buf: *mut u8) -> Result<(), Errno> {
    check(raw::args_get(a(argv), a(buf)))
}

/// `environ_sizes_get`: (count, total bytes).
pub fn environ_sizes_get() -> Result<(usize, usize), Errno> {
    let mut n = 0usize;
    let mut size = 0usize;
    check(unsafe { raw::environ_sizes_get(a(core::ptr::addr_of_mut!(n)), a(core::ptr::addr_of_mut!(size))) })?;
    Ok((n, size))
}

/// `environ_get` into caller-provided arrays sized by `environ_sizes_get`.
pub unsafe fn environ_get(environ: *mut *mut u8, buf: *mut u8) -> Result<(), Errno> {
    check(raw::environ_get(a(environ), a(buf)))
}

/// `clock_res_get`.
pub fn clock_res_get(id: u32) -> Result<u64, Errno> {
    unsafe { out(|p| raw::clock_res_get(id as i32, p)) }
}

/// `clock_time_get`.
pub fn clock_time_get(id: u32, precision: u64) -> Result<u64, Errno> {
    unsafe { out(|p| raw::clock_time_get(id as i32, precision as i64, p)) }
}

/// `fd_advise`.
pub fn fd_advise(fd: Fd, offset: u64, len: u64, advice: u8) -> Result<(), Errno> {
    check(unsafe { raw::fd_advise(fd as i32, offset as i64, len as i64, advice as i32) })
}

/// `fd_allocate`.
pub fn fd_allocate(fd: Fd, offset: u64, len: u64) -> Result<(), Errno> {
    check(unsafe { raw::fd_allocate(fd as i32, offset as i64, len as i64) })
}

/// `fd_close`.
pub fn fd_close(fd: Fd) -> Result<(), Errno> {
    check(unsafe { raw::fd_close(fd as i32) })
}

/// `fd_datasync`.
pub fn fd_datasync(fd: Fd) -> Result<(), Errno> {
    check(unsafe { raw::fd_datasync(fd as i32) })
}

/// `fd_fdstat_get`.
pub fn fd_fdstat_get(fd: Fd) -> Result<Fdstat, Errno> {
    unsafe { out(|p| raw::fd_fdstat_get(fd as i32, p)) }
}

/// `fd_fdstat_set_flags`.
pub fn fd_fdstat_set_flags(fd: Fd, flags: u16) -> Result<(), Errno> {
    check(unsafe { raw::fd_fdstat_set_flags(fd as i32, flags as i32) })
}

/// `fd_fdstat_set_rights`.
pub fn fd_fdstat_set_rights(fd: Fd, base: u64, inheriting: u64) -> Result<(), Errno> {
    check(unsafe { raw::fd_fdstat_set_rights(fd as i32, base as i64, inheriting as i64) })
}

/// `fd_filestat_get`.
pub fn fd_filestat_get(fd: Fd) -> Result<Filestat, Errno> {
    unsafe { out(|p| raw::fd_filestat_get(fd as i32, p)) }
}

/// `fd_filestat_set_size`.
pub fn fd_filestat_set_size(fd: Fd, size: u64) -> Result<(), Errno> {
    check(unsafe { raw::fd_filestat_set_size(fd as i32, size as i64) })
}

/// `fd_filestat_set_times`.
pub fn fd_filestat_set_times(fd: Fd, atim: u64, mtim: u64, flags: u16) -> Result<(), Errno> {
    check(unsafe { raw::fd_filestat_set_times(fd as i32, atim as i64, mtim as i64, flags as i32) })
}

/// `fd_pread`: bytes read.
pub unsafe fn fd_pread(fd: Fd, iovs: *const Iovec, n: usize, offset: u64) -> Result<usize, Errno> {
    out(|p| raw::fd_pread(fd as i32, a(iovs), n as i32, offset as i64, p))
}

/// `fd_prestat_get`.
pub fn fd_prestat_get(fd: Fd) -> Result<Prestat, Errno> {
    unsafe { out(|p| raw::fd_prestat_get(fd as i32, p)) }
}

/// `fd_prestat_dir_name` into `buf`.
pub fn fd_prestat_dir_name(fd: Fd, buf: &mut [u8]) -> Result<(), Errno> {
    check(unsafe { raw::fd_prestat_dir_name(fd as i32, a(buf.as_mut_ptr()), buf.len() as i32) })
}

/// `fd_pwrite`: bytes written.
pub unsafe fn fd_pwrite(fd: Fd, iovs: *const Iovec, n: usize, offset: u64) -> Result<usize, Errno> {
    out(|p| raw::fd_pwrite(fd as i32, a(iovs), n as i32, offset as i64, p))
}

/// `fd_read`: bytes read.
pub unsafe fn fd_read(fd: Fd, iovs: *const Iovec, n: usize) -> Result<usize, Errno> {
    out(|p| raw::fd_read(fd as i32, a(iovs), n as i32, p))
}

/// `fd_readdir` into `buf`: bytes used.
pub fn fd_readdir(fd: Fd, buf: &mut [u8], cookie: u64) -> Result<usize, Errno> {
    unsafe {
        out(|p| raw::fd_readdir(fd as i32, a(buf.as_mut_ptr()), buf.len() as i32, cookie as i64, p))
    }
}

/// `fd_renumber`.
pub fn fd_renumber(fd: Fd, to: Fd) -> Result<(), Errno> {
    check(unsafe { raw::fd_renumber(fd as i32, to as i32) })
}

/// `fd_seek`: the new offset.
pub fn fd_seek(fd: Fd, offset: i64, whence: u8) -> Result<u64, Errno> {
    unsafe { out(|p| raw::fd_seek(fd as i32, offset, whence as i32, p)) }
}

/// `fd_sync`.
pub fn fd_sync(fd: Fd) -> Result<(), Errno> {
    check(unsafe { raw::fd_sync(fd as i32) })
}

/// `fd_tell`.
pub fn fd_tell(fd: Fd) -> Result<u64, Errno> {
    unsafe { out(|p| raw::fd_tell(fd as i32, p)) }
}

/// `fd_write`: bytes written.
pub unsafe fn fd_write(fd: Fd, iovs: *const Iovec, n: usize) -> Result<usize, Errno> {
    out(|p| raw::fd_write(fd as i32, a(iovs), n as i32, p))
}

/// `path_create_directory`.
pub fn path_create_directory(fd: Fd, path: &[u8]) -> Result<(), Errno> {
    check(unsafe { raw::path_create_directory(fd as i32, a(path.as_ptr()), path.len() as i32) })
}

/// `path_filestat_get`.
pub fn path_filestat_get(fd: Fd, flags: u32, path: &[u8]) -> Result<Filestat, Errno> {
    unsafe {
        out(|p| raw::path_filestat_get(fd as i32, flags as i32, a(path.as_ptr()), path.len() as i32, p))
    }
}

/// `path_filestat_set_times`.
pub fn path_filestat_set_times(
    fd: Fd,
    flags: u32,
    path: &[u8],
    atim: u64,
    mtim: u64,
    fst_flags: u16,
) -> Result<(), Errno> {
    check(unsafe {
        raw::path_filestat_set_times(
            fd as i32,
            flags as i32,
            a(path.as_ptr()),
            path.len() as i32,
            atim as i64,
            mtim as i64,
            fst_flags as i32,
        )
    })
}

/// `path_link`.
pub fn path_link(old_fd: Fd, old_flags: u32, old: &[u8], new_fd: Fd, new: &[u8]) -> Result<(), Errno> {
    check(unsafe {
        raw::path_link(
            old_fd as i32,
            old_flags as i32,
            a(old.as_ptr()),
            old.len() as i32,
            new_fd as i32,
            a(new.as_ptr()),
            new.len() as i32,
        )
    })
}

/// `path_open`: the new descriptor.
pub fn path_open(
    fd: Fd,
    dirflags: u32,
    path: &[u8],
    oflags: u16,
    base: u64,
    inheriting: u64,
    fdflags: u16,
) -> Result<Fd, Errno> {
    unsafe {
        out(|p| {
            raw::path_open(
                fd as i32,
                dirflags as i32,
                a(path.as_ptr()),
                path.len() as i32,
                oflags as i32,
                base as i64,
                inheriting as i64,
                fdflags as i32,
                p,
            )
        })
    }
}

/// `path_readlink` into `buf`: bytes used.
pub fn path_readlink(fd: Fd, path: &[u8], buf: &mut [u8]) -> Result<usize, Errno> {
    unsafe {
        out(|p| {
            raw::path_readlink(
                fd as i32,
                a(path.as_ptr()),
                path.len() as i32,
                a(buf.as_mut_ptr()),
                buf.len() as i32,
                p,
            )
        })
    }
}

/// `path_remove_directory`.
pub fn path_remove_directory(fd: Fd, path: &[u8]) -> Result<(), Errno> {
    check(unsafe { raw::path_remove_directory(fd as i32, a(path.as_ptr()), path.len() as i32) })
}

/// `path_rename`.
pub fn path_rename(fd: Fd, old: &[u8], new_fd: Fd, new: &[u8]) -> Result<(), Errno> {
    check(unsafe {
        raw::path_rename(
            fd as i32,
            a(old.as_ptr()),
            old.len() as i32,
            new_fd as i32,
            a(new.as_ptr()),
            new.len() as i32,
        )
    })
}

/// `path_symlink`.
pub fn path_symlink(old: &[u8], fd: Fd, new: &[u8]) -> Result<(), Errno> {
    check(unsafe {
        raw::path_symlink(a(old.as_ptr()), old.len() as i32, fd as i32, a(new.as_ptr()), new.len() as i32)
    })
}

/// `path_unlink_file`.
pub fn path_unlink_file(fd: Fd, path: &[u8]) -> Result<(), Errno> {
    check(unsafe { raw::path_unlink_file(fd as i32, a(path.as_ptr()), path.len() as i32) })
}

/// `poll_oneoff`: number of events written.
pub unsafe fn poll_oneoff(input: *const Subscription, output: *mut Event, n: usize) -> Result<usize, Errno> {
    out(|p| raw::poll_oneoff(a(input), a(output), n as i32, p))
}

/// `proc_exit`.
pub fn proc_exit(code: u32) -> ! {
    unsafe { raw::proc_exit(code as i32) }
}

/// `proc_raise`.
pub fn proc_raise(sig: u8) -> Result<(), Errno> {
    check(unsafe { raw::proc_raise(sig as i32) })
}

/// `sched_yield`.
pub fn sched_yield() -> Result<(), Errno> {
    check(unsafe { raw::sched_yield() })
}

/// `random_get`.
pub fn random_get(buf: &mut [u8]) -> Result<(), Errno> {
    check(unsafe { raw::random_get(a(buf.as_mut_ptr()), buf.len() as i32) })
}

/// `sock_accept`.
pub fn sock_accept(fd: Fd, flags: u16) -> Result<Fd, Errno> {
    unsafe { out(|p| raw::sock_accept(fd as i32, flags as i32, p)) }
}

/// `sock_recv`: (bytes received, output flags).
pub unsafe fn sock_recv(fd: Fd, iovs: *const Iovec, n: usize, flags: u16) -> Result<(usize, u16), Errno> {
    let mut len = 0usize;
    let mut oflags = 0u16;
    check(raw::sock_recv(fd as i32, a(iovs), n as i32, flags as i32, a(core::ptr::addr_of_mut!(len)), a(core::ptr::addr_of_mut!(oflags))))?;
    Ok((len, oflags))
}

/// `sock_send`: bytes sent.
pub unsafe fn sock_send(fd: Fd, iovs: *const Iovec, n: usize, flags: u16) -> Result<usize, Errno> {
    out(|p| raw::sock_send(fd as i32, a(iovs), n as i32, flags as i32, p))
}

/// `sock_shutdown`.
pub fn sock_shutdown(fd: Fd, how: u8) -> Result<(), Errno> {
    check(unsafe { raw::sock_shutdown(fd as i32, how as i32) })
}
