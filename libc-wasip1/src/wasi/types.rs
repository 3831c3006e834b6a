//! WASI preview1 data types and constants (layouts as in `wasi/api.h`).

/// A WASI errno value (also our C `errno` numbering).
pub type Errno = u16;
/// A WASI file descriptor.
pub type Fd = u32;

/// `iovec` / `ciovec`: a buffer in linear memory.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Iovec {
    pub buf: *mut u8,
    pub buf_len: usize,
}

/// `__wasi_fdstat_t`.
#[repr(C)]
#[derive(Clone, Copy, Default)]
pub struct Fdstat {
    pub fs_filetype: u8,
    pub fs_flags: u16,
    pub fs_rights_base: u64,
    pub fs_rights_inheriting: u64,
}

/// `__wasi_filestat_t`.
#[repr(C)]
#[derive(Clone, Copy, Default)]
pub struct Filestat {
    pub dev: u64,
    pub ino: u64,
    pub filetype: u8,
    pub nlink: u64,
    pub size: u64,
    pub atim: u64,
    pub mtim: u64,
    pub ctim: u64,
}

/// `__wasi_prestat_t` (only the `dir` variant exists).
#[repr(C)]
#[derive(Clone, Copy, Default)]
pub struct Prestat {
    pub tag: u8,
    pub pr_name_len: usize,
}

/// `__wasi_dirent_t` header (the name follows it in the buffer).
#[repr(C)]
#[derive(Clone, Copy, Default)]
pub struct Dirent {
    pub d_next: u64,
    pub d_ino: u64,
    pub d_namlen: u32,
    pub d_type: u8,
}

/// `__wasi_subscription_t` (48 bytes); `u` holds the tagged union.
#[repr(C)]
#[derive(Clone, Copy, Default)]
pub struct Subscription {
    pub userdata: u64,
    /// Event type tag (`EVENTTYPE_*`).
    pub tag: u8,
    /// Clock: id (u32) at 0, timeout (u64) at 8, precision at 16,
    /// flags (u16) at 24; fd_read/fd_write: fd (u32) at 0.
    pub u: [u64; 4],
}

/// `__wasi_event_t` (32 bytes).
#[repr(C)]
#[derive(Clone, Copy, Default)]
pub struct Event {
    pub userdata: u64,
    pub error: u16,
    pub type_: u8,
    pub nbytes: u64,
    pub flags: u16,
}

// Errno values used by name in this crate.
pub const ESUCCESS: Errno = 0;
pub const E2BIG: Errno = 1;
pub const EACCES: Errno = 2;
pub const EAGAIN: Errno = 6;
pub const EBADF: Errno = 8;
pub const EBUSY: Errno = 10;
pub const EDEADLK: Errno = 16;
pub const EEXIST: Errno = 20;
pub const EINVAL: Errno = 28;
pub const EIO: Errno = 29;
pub const EISDIR: Errno = 31;
pub const ELOOP: Errno = 32;
pub const ENAMETOOLONG: Errno = 37;
pub const ENOENT: Errno = 44;
pub const ENOMEM: Errno = 48;
pub const ENOSYS: Errno = 52;
pub const ENOTDIR: Errno = 54;
pub const ENOTSUP: Errno = 58;
pub const ENOTTY: Errno = 59;
pub const EOVERFLOW: Errno = 61;
pub const EPERM: Errno = 63;
pub const EPIPE: Errno = 64;
pub const ERANGE: Errno = 68;
pub const ESPIPE: Errno = 70;
pub const ETIMEDOUT: Errno = 73;
pub const ENOTCAPABLE: Errno = 76;

// File types.
pub const FILETYPE_UNKNOWN: u8 = 0;
pub const FILETYPE_BLOCK_DEVICE: u8 = 1;
pub const FILETYPE_CHARACTER_DEVICE: u8 = 2;
pub const FILETYPE_DIRECTORY: u8 = 3;
pub const FILETYPE_REGULAR_FILE: u8 = 4;
pub const FILETYPE_SOCKET_DGRAM: u8 = 5;
pub const FILETYPE_SOCKET_STREAM: u8 = 6;
pub const FILETYPE_SYMBOLIC_LINK: u8 = 7;

// Rights.
pub const RIGHTS_FD_DATASYNC: u64 = 1 << 0;
pub const RIGHTS_FD_READ: u64 = 1 << 1;
pub const RIGHTS_FD_SEEK: u64 = 1 << 2;
pub const RIGHTS_FD_TELL: u64 = 1 << 5;
pub const RIGHTS_FD_WRITE: u64 = 1 << 6;
pub const RIGHTS_FD_ALLOCATE: u64 = 1 << 8;
pub const RIGHTS_FD_READDIR: u64 = 1 << 14;
pub const RIGHTS_FD_FILESTAT_SET_SIZE: u64 = 1 << 22;

// Lookup flags, open flags, fd flags, fst flags.
pub const LOOKUPFLAGS_SYMLINK_FOLLOW: u32 = 1;
pub const OFLAGS_DIRECTORY: u16 = 2;
pub const FDFLAGS_APPEND: u16 = 1;
pub const FDFLAGS_NONBLOCK: u16 = 4;
pub const FSTFLAGS_ATIM: u16 = 1;
pub const FSTFLAGS_ATIM_NOW: u16 = 2;
pub const FSTFLAGS_MTIM: u16 = 4;
pub const FSTFLAGS_MTIM_NOW: u16 = 8;

// Poll.
pub const EVENTTYPE_CLOCK: u8 = 0;
pub const EVENTTYPE_FD_READ: u8 = 1;
pub const EVENTTYPE_FD_WRITE: u8 = 2;
pub const SUBCLOCKFLAGS_ABSTIME: u16 = 1;
pub const EVENTRWFLAGS_HANGUP: u16 = 1;

// Clocks.
pub const CLOCK_REALTIME: u32 = 0;
pub const CLOCK_MONOTONIC: u32 = 1;

// Whence.
pub const WHENCE_SET: u8 = 0;
pub const WHENCE_CUR: u8 = 1;
pub const WHENCE_END: u8 = 2;
