//! The ABI layout table (compiled only with `--features layout-table`).
//!
//! `__wasip1_abi_layout` lists, in the order of `tests/layout/abi.txt`,
//! the size, alignment and field offsets of every public C struct libc-wasip1
//! defines, and the value of every public constant, as OUR Rust definitions
//! give them. `xtask layout` links a C probe (compiled by clang-19 against
//! wasi-libc's headers) with a libc.a built with this feature, and the probe
//! prints wasi-libc's values next to these; any difference is a failure.
//!
//! Each entry carries its name (`size:stat`, `align:stat`,
//! `offset:stat.st_dev`, `const:O_RDONLY`), so a table that drifts from the
//! list fails by name rather than silently comparing the wrong pair.
//! Fields whose Rust name or shape differs from C's (a union flattened into
//! an array, a run of C fields held in one Rust array) are given as an
//! explicit offset expression after `=`.
//!
//! The shipped `libc.a` is built without this feature and has no such
//! symbol.

use crate::header::ext::{errno as ext_errno, oflags};
use crate::header::stdio::{file, wide};
use crate::header::{fnmatch, getopt, locale, multibyte, regex, search, time as htime};
use crate::posix::{
    compat, conf, dirent, fcntl, ftw, glob, inet, path, poll, pthread, pthread_ext, select, socket,
    sys_stat, time,
};
use crate::wasi;
use core::ffi::{c_char, c_int, c_long};
use core::mem::{align_of, offset_of, size_of};

/// One table entry: a NUL-terminated name and a value (C: `struct { const
/// char *name; long long value; }`, 16 bytes on wasm32).
#[repr(C)]
pub struct AbiEntry {
    /// `kind:name`, NUL-terminated.
    pub name: *const c_char,
    /// Our value for it.
    pub value: i64,
}

/// The table: a fixed array of entries (raw pointers are not `Sync`, but
/// these point at immutable string literals).
#[repr(transparent)]
pub struct AbiTable<const N: usize>(pub [AbiEntry; N]);

// SAFETY: the table is immutable and its pointers refer to 'static literals.
unsafe impl<const N: usize> Sync for AbiTable<N> {}

/// Builds one entry from a `&'static str` name that must end in a NUL.
const fn entry(name: &'static str, value: i64) -> AbiEntry {
    AbiEntry { name: name.as_ptr() as *const c_char, value }
}

/// `sizeof` of field `$f` of `$ty`, in a const context (no value is read:
/// only the place's type is used).
macro_rules! field_size {
    ($ty:ty, $f:ident) => {{
        let u = core::mem::MaybeUninit::<$ty>::uninit();
        // SAFETY: addr_of! of a field of an uninitialized value creates no
        // reference and reads nothing.
        pointee_size(unsafe { core::ptr::addr_of!((*u.as_ptr()).$f) })
    }};
}

/// The size of what `p` points to.
const fn pointee_size<T>(_: *const T) -> usize {
    size_of::<T>()
}

/// Size of a pointer member.
const PTR: usize = size_of::<*const c_char>();

/// Expands the whole table in order: for each struct, `size:`, `align:`
/// then `offset:` and `fsize:` per field; then one `const:` per constant;
/// then one `expr:` per other value.
macro_rules! abi_table {
    (@off $ty:ty, $f:ident) => { offset_of!($ty, $f) };
    (@off $ty:ty, $f:literal, $g:ident) => { offset_of!($ty, $g) };
    (@off $ty:ty, $f:literal, ($o:expr, $s:expr)) => { $o };
    (@size $ty:ty, $f:ident) => { field_size!($ty, $f) };
    (@size $ty:ty, $f:literal, $g:ident) => { field_size!($ty, $g) };
    (@size $ty:ty, $f:literal, ($o:expr, $s:expr)) => { $s };
    (@name $f:ident) => { stringify!($f) };
    (@name $f:literal) => { $f };
    (@one $f:tt) => { 1 };
    (
        structs { $( $sname:literal = $ty:ty { $( $f:tt $(= $g:tt)? ),* $(,)? } )* }
        consts { $( $cname:ident = $cval:expr ),* $(,)? }
        exprs { $( $xname:literal = $xval:expr ),* $(,)? }
    ) => {
        /// Number of entries: 2 per struct, 1 per field and constant.
        const TABLE_LEN: usize =
            0 $( + 2 $( + 2 * abi_table!(@one $f) )* )* $( + abi_table!(@one $cname) )*
            $( + abi_table!(@one $xname) )*;
        /// The entries themselves (see the module doc).
        const ENTRIES: [AbiEntry; TABLE_LEN] = [
            $(
                entry(concat!("size:", $sname, "\0"), size_of::<$ty>() as i64),
                entry(concat!("align:", $sname, "\0"), align_of::<$ty>() as i64),
                $(
                    entry(
                        concat!("offset:", $sname, ".", abi_table!(@name $f), "\0"),
                        abi_table!(@off $ty, $f $(, $g)?) as i64,
                    ),
                    entry(
                        concat!("fsize:", $sname, ".", abi_table!(@name $f), "\0"),
                        abi_table!(@size $ty, $f $(, $g)?) as i64,
                    ),
                )*
            )*
            $( entry(concat!("const:", stringify!($cname), "\0"), $cval as i64), )*
            $( entry(concat!("expr:", $xname, "\0"), $xval as i64), )*
        ];
    };
}

/// Number of entries in [`__wasip1_abi_layout`].
#[no_mangle]
pub static __wasip1_abi_layout_len: u32 = TABLE_LEN as u32;

abi_table! {
    structs {
        "stat" = sys_stat::Stat {
            st_dev, st_ino, st_nlink, st_mode, st_uid, st_gid, st_rdev, st_size, st_blksize,
            st_blocks, st_atim, st_mtim, st_ctim,
        }
        "timespec" = time::Timespec { tv_sec, tv_nsec }
        "timeval" = time::Timeval { tv_sec, tv_usec }
        "tm" = htime::Tm {
            "tm_sec" = sec,
            "tm_min" = min,
            "tm_hour" = hour,
            "tm_mday" = mday,
            "tm_mon" = mon,
            "tm_year" = year,
            "tm_wday" = wday,
            "tm_yday" = yday,
            "tm_isdst" = isdst,
            "tm_gmtoff" = gmtoff,
            "tm_zone" = zone,
            "__tm_nsec" = nsec,
        }
        "utimbuf" = compat::Utimbuf { actime, modtime }
        "timeb" = htime::Timeb { time, millitm, timezone, dstflag }
        "dirent" = dirent::CDirent { d_ino, d_type, "d_name" = (dirent::D_NAME, 0) }
        "iovec" = wasi::Iovec {
            "iov_base" = buf,
            "iov_len" = buf_len,
        }
        "pollfd" = poll::Pollfd { fd, events, revents }
        "fd_set" = select::FdSet {
            "__nfds" = nfds,
            "__fds" = fds,
        }
        "utsname" = conf::Utsname {
            "sysname" = (utsname(0), 65),
            "nodename" = (utsname(1), 65),
            "release" = (utsname(2), 65),
            "version" = (utsname(3), 65),
            "machine" = (utsname(4), 65),
            "domainname" = (utsname(5), 65),
        }
        "glob_t" = glob::GlobT { gl_pathc, gl_pathv, gl_offs }
        "regex_t" = regex::RegexT { re_nsub }
        "regmatch_t" = regex::RegMatch { rm_so, rm_eo }
        "fenv_t" = crate::fenv::FenvT { "__cw" = cw }
        "lconv" = locale::Lconv {
            "decimal_point" = (lconv_str(0), PTR),
            "thousands_sep" = (lconv_str(1), PTR),
            "grouping" = (lconv_str(2), PTR),
            "int_curr_symbol" = (lconv_str(3), PTR),
            "currency_symbol" = (lconv_str(4), PTR),
            "mon_decimal_point" = (lconv_str(5), PTR),
            "mon_thousands_sep" = (lconv_str(6), PTR),
            "mon_grouping" = (lconv_str(7), PTR),
            "positive_sign" = (lconv_str(8), PTR),
            "negative_sign" = (lconv_str(9), PTR),
            "int_frac_digits" = (lconv_char(0), 1),
            "frac_digits" = (lconv_char(1), 1),
            "p_cs_precedes" = (lconv_char(2), 1),
            "p_sep_by_space" = (lconv_char(3), 1),
            "n_cs_precedes" = (lconv_char(4), 1),
            "n_sep_by_space" = (lconv_char(5), 1),
            "p_sign_posn" = (lconv_char(6), 1),
            "n_sign_posn" = (lconv_char(7), 1),
            "int_p_cs_precedes" = (lconv_char(8), 1),
            "int_p_sep_by_space" = (lconv_char(9), 1),
            "int_n_cs_precedes" = (lconv_char(10), 1),
            "int_n_sep_by_space" = (lconv_char(11), 1),
            "int_p_sign_posn" = (lconv_char(12), 1),
            "int_n_sign_posn" = (lconv_char(13), 1),
        }
        "ENTRY" = search::Entry { key, data }
        "hsearch_data" = search::HsearchData { "__tab" = table }
        "option" = getopt::LongOption { name, has_arg, flag, val }
        "FTW" = ftw::Ftw { base, level }
        "div_t" = [c_int; 2] {
            "quot" = (0, size_of::<c_int>()),
            "rem" = (size_of::<c_int>(), size_of::<c_int>()),
        }
        "ldiv_t" = [c_long; 2] {
            "quot" = (0, size_of::<c_long>()),
            "rem" = (size_of::<c_long>(), size_of::<c_long>()),
        }
        "lldiv_t" = [i64; 2] {
            "quot" = (0, size_of::<i64>()),
            "rem" = (size_of::<i64>(), size_of::<i64>()),
        }
        "imaxdiv_t" = [i64; 2] {
            "quot" = (0, size_of::<i64>()),
            "rem" = (size_of::<i64>(), size_of::<i64>()),
        }
        "float_complex" = crate::math::Complex<f32> {}
        "double_complex" = crate::math::Complex<f64> {}
        "long_double" = u128 {}
        "long_double_complex" = crate::math::Complex<u128> {}
        "pthread_attr_t" = pthread::Attr {}
        "pthread_mutex_t" = pthread::Mutex {}
        "pthread_rwlock_t" = pthread_ext::RwLock {}
        "pthread_barrier_t" = pthread_ext::Barrier {}
        "__wasi_iovec_t" = wasi::Iovec { buf, buf_len }
        "__wasi_ciovec_t" = wasi::Iovec { buf, buf_len }
        "__wasi_fdstat_t" = wasi::Fdstat { fs_filetype, fs_flags, fs_rights_base, fs_rights_inheriting }
        "__wasi_filestat_t" = wasi::Filestat { dev, ino, filetype, nlink, size, atim, mtim, ctim }
        "__wasi_prestat_t" = wasi::Prestat {
            tag,
            "u.dir.pr_name_len" = pr_name_len,
        }
        "__wasi_dirent_t" = wasi::Dirent { d_next, d_ino, d_namlen, d_type }
        "__wasi_subscription_t" = wasi::Subscription {
            userdata,
            "u.tag" = tag,
            "u.u.clock.id" = (offset_of!(wasi::Subscription, u), 4),
            "u.u.clock.timeout" = (offset_of!(wasi::Subscription, u) + 8, 8),
            "u.u.clock.precision" = (offset_of!(wasi::Subscription, u) + 16, 8),
            "u.u.clock.flags" = (offset_of!(wasi::Subscription, u) + 24, 2),
            "u.u.fd_read.file_descriptor" = (offset_of!(wasi::Subscription, u), 4),
        }
        "__wasi_event_t" = wasi::Event {
            userdata,
            error,
            "type" = type_,
            "fd_readwrite.nbytes" = nbytes,
            "fd_readwrite.flags" = flags,
        }
        "timespec" = htime::Timespec {
            "tv_sec" = sec,
            "tv_nsec" = nsec,
        }
    }
    consts {
        O_APPEND = oflags::O_APPEND, O_CREAT = oflags::O_CREAT, O_EXCL = oflags::O_EXCL,
        O_TRUNC = oflags::O_TRUNC,
        O_RDONLY = fcntl::O_RDONLY, O_WRONLY = fcntl::O_WRONLY, O_RDWR = fcntl::O_RDWR,
        O_ACCMODE = fcntl::O_ACCMODE, O_EXEC = fcntl::O_EXEC, O_SEARCH = fcntl::O_SEARCH,
        O_NOFOLLOW = fcntl::O_NOFOLLOW, O_DIRECTORY = fcntl::O_DIRECTORY,
        O_NONBLOCK = dirent::O_NONBLOCK,
        AT_FDCWD = fcntl::AT_FDCWD, AT_SYMLINK_NOFOLLOW = fcntl::AT_SYMLINK_NOFOLLOW,
        AT_SYMLINK_FOLLOW = fcntl::AT_SYMLINK_FOLLOW, AT_REMOVEDIR = fcntl::AT_REMOVEDIR,
        F_GETFD = fcntl::F_GETFD, F_SETFD = fcntl::F_SETFD, F_GETFL = fcntl::F_GETFL,
        F_SETFL = fcntl::F_SETFL, FD_CLOEXEC = fcntl::FD_CLOEXEC,
        S_IFMT = sys_stat::S_IFMT, S_IFDIR = sys_stat::S_IFDIR, S_IFCHR = sys_stat::S_IFCHR,
        S_IFBLK = sys_stat::S_IFBLK, S_IFREG = sys_stat::S_IFREG, S_IFIFO = sys_stat::S_IFIFO,
        S_IFLNK = sys_stat::S_IFLNK, S_IFSOCK = sys_stat::S_IFSOCK,
        UTIME_NOW = sys_stat::UTIME_NOW, UTIME_OMIT = sys_stat::UTIME_OMIT,
        F_OK = path::F_OK, X_OK = path::X_OK, W_OK = path::W_OK, R_OK = path::R_OK,
        SEEK_SET = wasi::WHENCE_SET, SEEK_CUR = wasi::WHENCE_CUR, SEEK_END = wasi::WHENCE_END,
        EOF = file::EOF, BUFSIZ = file::BUFSIZ, WEOF = multibyte::WEOF, PATH_MAX = path::PATH_MAX,
        POLLIN = poll::POLLRDNORM, POLLOUT = poll::POLLWRNORM, POLLRDNORM = poll::POLLRDNORM,
        POLLWRNORM = poll::POLLWRNORM, POLLERR = poll::POLLERR, POLLHUP = poll::POLLHUP,
        POLLNVAL = poll::POLLNVAL,
        FD_SETSIZE = select::FD_SETSIZE, FIONREAD = select::FIONREAD, FIONBIO = select::FIONBIO,
        SOCK_NONBLOCK = socket::SOCK_NONBLOCK, SOCK_CLOEXEC = socket::SOCK_CLOEXEC,
        SOL_SOCKET = socket::SOL_SOCKET, SO_TYPE = socket::SO_TYPE, MSG_PEEK = socket::MSG_PEEK,
        MSG_WAITALL = socket::MSG_WAITALL, AF_INET = inet::AF_INET, AF_INET6 = inet::AF_INET6,
        FTW_PHYS = ftw::FTW_PHYS, FTW_MOUNT = ftw::FTW_MOUNT, FTW_DEPTH = ftw::FTW_DEPTH,
        FTW_F = ftw::FTW_F, FTW_D = ftw::FTW_D, FTW_DNR = ftw::FTW_DNR, FTW_NS = ftw::FTW_NS,
        FTW_SL = ftw::FTW_SL, FTW_DP = ftw::FTW_DP, FTW_SLN = ftw::FTW_SLN,
        GLOB_ERR = glob::GLOB_ERR, GLOB_MARK = glob::GLOB_MARK, GLOB_NOSORT = glob::GLOB_NOSORT,
        GLOB_DOOFFS = glob::GLOB_DOOFFS, GLOB_NOCHECK = glob::GLOB_NOCHECK,
        GLOB_APPEND = glob::GLOB_APPEND, GLOB_NOESCAPE = glob::GLOB_NOESCAPE,
        GLOB_PERIOD = glob::GLOB_PERIOD, GLOB_NOSPACE = glob::GLOB_NOSPACE,
        GLOB_ABORTED = glob::GLOB_ABORTED, GLOB_NOMATCH = glob::GLOB_NOMATCH,
        FNM_PATHNAME = fnmatch::PATHNAME, FNM_NOESCAPE = fnmatch::NOESCAPE,
        FNM_PERIOD = fnmatch::PERIOD, FNM_LEADING_DIR = fnmatch::LEADING_DIR,
        FNM_CASEFOLD = fnmatch::CASEFOLD, FNM_NOMATCH = fnmatch::NOMATCH,
        REG_EXTENDED = regex::REG_EXTENDED, REG_ICASE = regex::REG_ICASE,
        REG_NEWLINE = regex::REG_NEWLINE, REG_NOSUB = regex::REG_NOSUB,
        REG_NOTBOL = regex::REG_NOTBOL, REG_NOTEOL = regex::REG_NOTEOL,
        REG_NOMATCH = regex::REG_NOMATCH, REG_ESPACE = regex::REG_ESPACE,
        LC_ALL = locale::LC_ALL, FE_TONEAREST = crate::fenv::FE_TONEAREST,
        DT_DIR = glob::DT_DIR, DT_LNK = glob::DT_LNK,
        E2BIG = wasi::E2BIG, EACCES = wasi::EACCES, EAFNOSUPPORT = inet::EAFNOSUPPORT,
        EAGAIN = wasi::EAGAIN, EBADF = wasi::EBADF, EBUSY = wasi::EBUSY,
        EDEADLK = wasi::EDEADLK, EEXIST = wasi::EEXIST, EINVAL = wasi::EINVAL,
        EIO = wasi::EIO, EISDIR = wasi::EISDIR, ELOOP = wasi::ELOOP,
        ENAMETOOLONG = wasi::ENAMETOOLONG, ENOENT = wasi::ENOENT, ENOMEM = wasi::ENOMEM,
        ENOPROTOOPT = socket::ENOPROTOOPT, ENOSPC = inet::ENOSPC, ENOSYS = wasi::ENOSYS,
        ENOTDIR = wasi::ENOTDIR, ENOTSOCK = socket::ENOTSOCK, ENOTSUP = wasi::ENOTSUP,
        ENOTTY = wasi::ENOTTY, EOPNOTSUPP = socket::EOPNOTSUPP, EOVERFLOW = wasi::EOVERFLOW,
        EPERM = wasi::EPERM, EPIPE = wasi::EPIPE, ERANGE = wasi::ERANGE, ESPIPE = wasi::ESPIPE,
        ETIMEDOUT = wasi::ETIMEDOUT, ENOTCAPABLE = wasi::ENOTCAPABLE,
        __WASI_ERRNO_SUCCESS = wasi::ESUCCESS,
        __WASI_FILETYPE_UNKNOWN = wasi::FILETYPE_UNKNOWN,
        __WASI_FILETYPE_BLOCK_DEVICE = wasi::FILETYPE_BLOCK_DEVICE,
        __WASI_FILETYPE_CHARACTER_DEVICE = wasi::FILETYPE_CHARACTER_DEVICE,
        __WASI_FILETYPE_DIRECTORY = wasi::FILETYPE_DIRECTORY,
        __WASI_FILETYPE_REGULAR_FILE = wasi::FILETYPE_REGULAR_FILE,
        __WASI_FILETYPE_SOCKET_DGRAM = wasi::FILETYPE_SOCKET_DGRAM,
        __WASI_FILETYPE_SOCKET_STREAM = wasi::FILETYPE_SOCKET_STREAM,
        __WASI_FILETYPE_SYMBOLIC_LINK = wasi::FILETYPE_SYMBOLIC_LINK,
        __WASI_RIGHTS_FD_DATASYNC = wasi::RIGHTS_FD_DATASYNC,
        __WASI_RIGHTS_FD_READ = wasi::RIGHTS_FD_READ,
        __WASI_RIGHTS_FD_SEEK = wasi::RIGHTS_FD_SEEK,
        __WASI_RIGHTS_FD_TELL = wasi::RIGHTS_FD_TELL,
        __WASI_RIGHTS_FD_WRITE = wasi::RIGHTS_FD_WRITE,
        __WASI_RIGHTS_FD_ALLOCATE = wasi::RIGHTS_FD_ALLOCATE,
        __WASI_RIGHTS_FD_READDIR = wasi::RIGHTS_FD_READDIR,
        __WASI_RIGHTS_FD_FILESTAT_SET_SIZE = wasi::RIGHTS_FD_FILESTAT_SET_SIZE,
        __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW = wasi::LOOKUPFLAGS_SYMLINK_FOLLOW,
        __WASI_OFLAGS_DIRECTORY = wasi::OFLAGS_DIRECTORY,
        __WASI_FDFLAGS_APPEND = wasi::FDFLAGS_APPEND,
        __WASI_FDFLAGS_NONBLOCK = wasi::FDFLAGS_NONBLOCK,
        __WASI_FSTFLAGS_ATIM = wasi::FSTFLAGS_ATIM,
        __WASI_FSTFLAGS_ATIM_NOW = wasi::FSTFLAGS_ATIM_NOW,
        __WASI_FSTFLAGS_MTIM = wasi::FSTFLAGS_MTIM,
        __WASI_FSTFLAGS_MTIM_NOW = wasi::FSTFLAGS_MTIM_NOW,
        __WASI_EVENTTYPE_CLOCK = wasi::EVENTTYPE_CLOCK,
        __WASI_EVENTTYPE_FD_READ = wasi::EVENTTYPE_FD_READ,
        __WASI_EVENTTYPE_FD_WRITE = wasi::EVENTTYPE_FD_WRITE,
        __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME = wasi::SUBCLOCKFLAGS_ABSTIME,
        __WASI_EVENTRWFLAGS_FD_READWRITE_HANGUP = wasi::EVENTRWFLAGS_HANGUP,
        __WASI_CLOCKID_REALTIME = wasi::CLOCK_REALTIME,
        __WASI_CLOCKID_MONOTONIC = wasi::CLOCK_MONOTONIC,
        __WASI_WHENCE_SET = wasi::WHENCE_SET,
        __WASI_WHENCE_CUR = wasi::WHENCE_CUR,
        __WASI_WHENCE_END = wasi::WHENCE_END,
        // Duplicate Rust definitions (see the end of abi.txt).
        E2BIG = ext_errno::E2BIG, EBADF = ext_errno::EBADF, ENOENT = ext_errno::ENOENT,
        EINVAL = ext_errno::EINVAL, ENOMEM = ext_errno::ENOMEM,
        EOVERFLOW = ext_errno::EOVERFLOW, ERANGE = ext_errno::ERANGE,
        O_RDONLY = oflags::O_RDONLY, O_WRONLY = oflags::O_WRONLY, O_RDWR = oflags::O_RDWR,
        EAGAIN = pthread::EAGAIN, EPERM = pthread::EPERM,
        EBUSY = pthread::EBUSY, EDEADLK = pthread::EDEADLK, ETIMEDOUT = pthread::ETIMEDOUT,
        WEOF = wide::WEOF,
    }
    exprs {
        "_CLOCK_REALTIME.id" = time::_CLOCK_REALTIME.id,
        "_CLOCK_MONOTONIC.id" = time::_CLOCK_MONOTONIC.id,
        "_CLOCK_PROCESS_CPUTIME_ID.id" = time::_CLOCK_PROCESS_CPUTIME_ID.id,
        "_CLOCK_THREAD_CPUTIME_ID.id" = time::_CLOCK_THREAD_CPUTIME_ID.id,
    }
}

/// The table itself, read by the C probe of `xtask layout`.
#[no_mangle]
pub static __wasip1_abi_layout: AbiTable<TABLE_LEN> = AbiTable(ENTRIES);

/// Offset of the `i`th 65-byte string of `struct utsname` (ours: an array).
const fn utsname(i: usize) -> usize {
    offset_of!(conf::Utsname, fields) + i * 65
}

/// Offset of the `i`th `char *` member of `struct lconv` (ours: an array).
const fn lconv_str(i: usize) -> usize {
    offset_of!(locale::Lconv, strs) + i * size_of::<*const c_char>()
}

/// Offset of the `i`th `char` member of `struct lconv` (ours: an array).
const fn lconv_char(i: usize) -> usize {
    offset_of!(locale::Lconv, chars) + i
}
