//! The 46 raw `wasi_snapshot_preview1` imports, with wasm types identical to
//! wasi-libc's `__imported_wasi_snapshot_preview1_*` declarations.
//!
//! Every pointer is an `i32` address in linear memory, every 64-bit value an
//! `i64`; each function returns a WASI errno (0 on success) except
//! `proc_exit`. Only `wasi/mod.rs` calls these.

#[link(wasm_import_module = "wasi_snapshot_preview1")]
extern "C" {
    pub fn args_get(argv: i32, argv_buf: i32) -> i32;
    pub fn args_sizes_get(argc: i32, argv_buf_size: i32) -> i32;
    pub fn environ_get(environ: i32, environ_buf: i32) -> i32;
    pub fn environ_sizes_get(count: i32, buf_size: i32) -> i32;
    pub fn clock_res_get(id: i32, resolution: i32) -> i32;
    pub fn clock_time_get(id: i32, precision: i64, time: i32) -> i32;
    pub fn fd_advise(fd: i32, offset: i64, len: i64, advice: i32) -> i32;
    pub fn fd_allocate(fd: i32, offset: i64, len: i64) -> i32;
    pub fn fd_close(fd: i32) -> i32;
    pub fn fd_datasync(fd: i32) -> i32;
    pub fn fd_fdstat_get(fd: i32, stat: i32) -> i32;
    pub fn fd_fdstat_set_flags(fd: i32, flags: i32) -> i32;
    pub fn fd_fdstat_set_rights(fd: i32, base: i64, inheriting: i64) -> i32;
    pub fn fd_filestat_get(fd: i32, stat: i32) -> i32;
    pub fn fd_filestat_set_size(fd: i32, size: i64) -> i32;
    pub fn fd_filestat_set_times(fd: i32, atim: i64, mtim: i64, fst_flags: i32) -> i32;
    pub fn fd_pread(fd: i32, iovs: i32, iovs_len: i32, offset: i64, nread: i32) -> i32;
    pub fn fd_prestat_get(fd: i32, prestat: i32) -> i32;
    pub fn fd_prestat_dir_name(fd: i32, path: i32, path_len: i32) -> i32;
    pub fn fd_pwrite(fd: i32, iovs: i32, iovs_len: i32, offset: i64, nwritten: i32) -> i32;
    pub fn fd_read(fd: i32, iovs: i32, iovs_len: i32, nread: i32) -> i32;
    pub fn fd_readdir(fd: i32, buf: i32, buf_len: i32, cookie: i64, bufused: i32) -> i32;
    pub fn fd_renumber(fd: i32, to: i32) -> i32;
    pub fn fd_seek(fd: i32, offset: i64, whence: i32, newoffset: i32) -> i32;
    pub fn fd_sync(fd: i32) -> i32;
    pub fn fd_tell(fd: i32, offset: i32) -> i32;
    pub fn fd_write(fd: i32, iovs: i32, iovs_len: i32, nwritten: i32) -> i32;
    pub fn path_create_directory(fd: i32, path: i32, path_len: i32) -> i32;
    pub fn path_filestat_get(fd: i32, flags: i32, path: i32, path_len: i32, stat: i32) -> i32;
    pub fn path_filestat_set_times(
        fd: i32,
        flags: i32,
        path: i32,
        path_len: i32,
        atim: i64,
        mtim: i64,
        fst_flags: i32,
    ) -> i32;
    pub fn path_link(
        old_fd: i32,
        old_flags: i32,
        old_path: i32,
        old_path_len: i32,
        new_fd: i32,
        new_path: i32,
        new_path_len: i32,
    ) -> i32;
    pub fn path_open(
        fd: i32,
        dirflags: i32,
        path: i32,
        path_len: i32,
        oflags: i32,
        fs_rights_base: i64,
        fs_rights_inheriting: i64,
        fdflags: i32,
        opened_fd: i32,
    ) -> i32;
    pub fn path_readlink(
        fd: i32,
        path: i32,
        path_len: i32,
        buf: i32,
        buf_len: i32,
        bufused: i32,
    ) -> i32;
    pub fn path_remove_directory(fd: i32, path: i32, path_len: i32) -> i32;
    pub fn path_rename(
        fd: i32,
        old_path: i32,
        old_path_len: i32,
        new_fd: i32,
        new_path: i32,
        new_path_len: i32,
    ) -> i32;
    pub fn path_symlink(
        old_path: i32,
        old_path_len: i32,
        fd: i32,
        new_path: i32,
        new_path_len: i32,
    ) -> i32;
    pub fn path_unlink_file(fd: i32, path: i32, path_len: i32) -> i32;
    pub fn poll_oneoff(input: i32, output: i32, nsubscriptions: i32, nevents: i32) -> i32;
    pub fn proc_exit(code: i32) -> !;
    pub fn proc_raise(sig: i32) -> i32;
    pub fn sched_yield() -> i32;
    pub fn random_get(buf: i32, buf_len: i32) -> i32;
    pub fn sock_accept(fd: i32, flags: i32, new_fd: i32) -> i32;
    pub fn sock_recv(
        fd: i32,
        ri_data: i32,
        ri_data_len: i32,
        ri_flags: i32,
        ro_datalen: i32,
        ro_flags: i32,
    ) -> i32;
    pub fn sock_send(fd: i32, si_data: i32, si_data_len: i32, si_flags: i32, so_datalen: i32) -> i32;
    pub fn sock_shutdown(fd: i32, how: i32) -> i32;
}
