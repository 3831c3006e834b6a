//! `<dirent.h>`: directory streams over `fd_readdir`, as wasi-libc.
//!
//! A `DIR` buffers raw WASI dirents; `readdir` decodes one at a time into
//! a malloc'd `struct dirent` (`d_ino` u64, `d_type` u8, `d_name[]`),
//! filling in `d_ino` with `fstatat` when the host reports 0.

use super::fcntl::{__wasilibc_nocwd_openat_nomode, uses_cwd, AT_FDCWD, AT_SYMLINK_NOFOLLOW, O_DIRECTORY, O_RDONLY};
use super::sys_stat::{Stat, __wasilibc_nocwd_fstatat, S_IFBLK, S_IFCHR, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK};
use super::unistd::close;
use crate::errno::{get_errno, set_errno};
use crate::malloc::{free, malloc, realloc};
use crate::preopens;
use crate::wasi::{self, ENOENT, ENOMEM};
use core::ffi::{c_char, c_int, c_long, c_void};
use core::ptr::{self, null_mut};

const BUFFER_SIZE: usize = 4096;
const DIRENT_HEADER: usize = core::mem::size_of::<wasi::Dirent>();
/// Offset of `d_name` in `struct dirent`.
pub(crate) const D_NAME: usize = 9;
pub(crate) const O_NONBLOCK: c_int = wasi::FDFLAGS_NONBLOCK as c_int;

/// `struct dirent` header (`d_name` follows at offset 9).
#[repr(C)]
pub struct CDirent {
    pub d_ino: u64,
    pub d_type: u8,
}

/// The `DIR` stream (opaque to C).
pub struct Dir {
    fd: c_int,
    cookie: u64,
    buffer: *mut u8,
    processed: usize,
    size: usize,
    used: usize,
    dirent: *mut u8,
    dirent_size: usize,
}

/// `__wasilibc_iftodt`: `S_IF*` to `DT_*`.
#[no_mangle]
pub extern "C" fn __wasilibc_iftodt(x: c_int) -> c_int {
    (match x as u32 {
        S_IFDIR => wasi::FILETYPE_DIRECTORY,
        S_IFCHR => wasi::FILETYPE_CHARACTER_DEVICE,
        S_IFBLK => wasi::FILETYPE_BLOCK_DEVICE,
        S_IFREG => wasi::FILETYPE_REGULAR_FILE,
        S_IFSOCK => wasi::FILETYPE_SOCKET_STREAM,
        S_IFLNK => wasi::FILETYPE_SYMBOLIC_LINK,
        _ => wasi::FILETYPE_UNKNOWN,
    }) as c_int
}

/// `__wasilibc_dttoif`: `DT_*` to `S_IF*`.
#[no_mangle]
pub extern "C" fn __wasilibc_dttoif(x: c_int) -> c_int {
    super::sys_stat::mode_of(x as u8) as c_int
}

/// `fdopendir`: reads the first chunk at once to check it is a directory.
#[no_mangle]
pub unsafe extern "C" fn fdopendir(fd: c_int) -> *mut Dir {
    let dir = malloc(core::mem::size_of::<Dir>()) as *mut Dir;
    let buffer = malloc(BUFFER_SIZE) as *mut u8;
    if dir.is_null() || buffer.is_null() {
        free(dir as *mut c_void);
        free(buffer as *mut c_void);
        set_errno(ENOMEM);
        return null_mut();
    }
    let used = match wasi::fd_readdir(fd as u32, core::slice::from_raw_parts_mut(buffer, BUFFER_SIZE), 0) {
        Ok(n) => n,
        Err(e) => {
            free(dir as *mut c_void);
            free(buffer as *mut c_void);
            set_errno(e);
            return null_mut();
        }
    };
    ptr::write(
        dir,
        Dir { fd, cookie: 0, buffer, processed: 0, size: BUFFER_SIZE, used, dirent: null_mut(), dirent_size: 0 },
    );
    dir
}

/// `__wasilibc_nocwd_opendirat`.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_nocwd_opendirat(dirfd: c_int, path: *const c_char) -> *mut Dir {
    let fd = __wasilibc_nocwd_openat_nomode(dirfd, path, O_RDONLY | O_NONBLOCK | O_DIRECTORY);
    if fd == -1 {
        return null_mut();
    }
    let d = fdopendir(fd);
    if d.is_null() {
        let e = get_errno();
        close(fd);
        set_errno(e as wasi::Errno);
    }
    d
}

/// `opendirat`.
#[no_mangle]
pub unsafe extern "C" fn opendirat(dirfd: c_int, path: *const c_char) -> *mut Dir {
    if !uses_cwd(dirfd, path) {
        return __wasilibc_nocwd_opendirat(dirfd, path);
    }
    match preopens::resolve(path) {
        Some((d, rel)) => __wasilibc_nocwd_opendirat(d as c_int, rel),
        None => null_mut(),
    }
}

/// `opendir`.
#[no_mangle]
pub unsafe extern "C" fn opendir(path: *const c_char) -> *mut Dir {
    opendirat(AT_FDCWD, path)
}

/// `fdclosedir`: frees the stream, returns its descriptor (still open).
#[no_mangle]
pub unsafe extern "C" fn fdclosedir(dir: *mut Dir) -> c_int {
    let fd = (*dir).fd;
    free((*dir).buffer as *mut c_void);
    free((*dir).dirent as *mut c_void);
    free(dir as *mut c_void);
    fd
}

/// `closedir`.
#[no_mangle]
pub unsafe extern "C" fn closedir(dir: *mut Dir) -> c_int {
    close(fdclosedir(dir))
}

/// `dirfd`.
#[no_mangle]
pub unsafe extern "C" fn dirfd(dir: *mut Dir) -> c_int {
    (*dir).fd
}

/// Forces the next `readdir` to read from `cookie`.
unsafe fn restart(dir: &mut Dir, cookie: u64) {
    dir.cookie = cookie;
    dir.used = dir.size;
    dir.processed = dir.size;
}

/// `rewinddir`.
#[no_mangle]
pub unsafe extern "C" fn rewinddir(dir: *mut Dir) {
    restart(&mut *dir, 0);
}

/// `seekdir`: `loc` is a cookie from `telldir`.
#[no_mangle]
pub unsafe extern "C" fn seekdir(dir: *mut Dir, loc: c_long) {
    restart(&mut *dir, loc as u64);
}

/// `telldir`.
#[no_mangle]
pub unsafe extern "C" fn telldir(dir: *mut Dir) -> c_long {
    (*dir).cookie as c_long
}

/// `readdir`: the next entry, or NULL at the end (errno unchanged) or on
/// error (errno set).
#[no_mangle]
pub unsafe extern "C" fn readdir(dirp: *mut Dir) -> *mut CDirent {
    let dir = &mut *dirp;
    loop {
        let left = dir.used - dir.processed;
        let need_read;
        if left < DIRENT_HEADER {
            if dir.used < dir.size {
                return null_mut();
            }
            need_read = true;
        } else {
            let entry: wasi::Dirent = ptr::read_unaligned(dir.buffer.add(dir.processed) as *const wasi::Dirent);
            let namlen = entry.d_namlen as usize;
            let entry_size = DIRENT_HEADER + namlen;
            if namlen == 0 {
                dir.processed += entry_size;
                continue;
            }
            if left < entry_size {
                let mut size = dir.size;
                while size < entry_size {
                    size *= 2;
                }
                if size != dir.size {
                    let b = realloc(dir.buffer as *mut c_void, size) as *mut u8;
                    if b.is_null() {
                        set_errno(ENOMEM);
                        return null_mut();
                    }
                    dir.buffer = b;
                    dir.size = size;
                }
                need_read = true;
            } else {
                let name = core::slice::from_raw_parts(dir.buffer.add(dir.processed + DIRENT_HEADER), namlen);
                if name.contains(&0) {
                    dir.processed += entry_size;
                    continue;
                }
                let want = D_NAME + namlen + 1;
                if dir.dirent_size < want {
                    let d = realloc(dir.dirent as *mut c_void, want) as *mut u8;
                    if d.is_null() {
                        set_errno(ENOMEM);
                        return null_mut();
                    }
                    dir.dirent = d;
                    dir.dirent_size = want;
                }
                let out = dir.dirent;
                ptr::copy_nonoverlapping(name.as_ptr(), out.add(D_NAME), namlen);
                *out.add(D_NAME + namlen) = 0;
                let mut ino = entry.d_ino;
                let mut dtype = entry.d_type;
                if ino == 0 && name != b".." {
                    let mut st = core::mem::MaybeUninit::<Stat>::uninit();
                    let name_ptr = out.add(D_NAME) as *const c_char;
                    if __wasilibc_nocwd_fstatat(dir.fd, name_ptr, st.as_mut_ptr(), AT_SYMLINK_NOFOLLOW) != 0 {
                        if get_errno() == ENOENT as c_int {
                            dir.processed += entry_size;
                            continue;
                        }
                        return null_mut();
                    }
                    let st = st.assume_init_ref();
                    ino = st.st_ino;
                    dtype = __wasilibc_iftodt((st.st_mode & S_IFMT) as c_int) as u8;
                }
                let cd = out as *mut CDirent;
                ptr::write_unaligned(ptr::addr_of_mut!((*cd).d_ino), ino);
                (*cd).d_type = dtype;
                dir.cookie = entry.d_next;
                dir.processed += entry_size;
                return cd;
            }
        }
        if need_read {
            dir.used = dir.size;
            dir.processed = dir.size;
            match wasi::fd_readdir(dir.fd as u32, core::slice::from_raw_parts_mut(dir.buffer, dir.size), dir.cookie) {
                Ok(n) => dir.used = n,
                Err(e) => {
                    set_errno(e);
                    return null_mut();
                }
            }
            dir.processed = 0;
        }
    }
}

extern "C" {
    fn qsort(
        base: *mut c_void,
        n: usize,
        size: usize,
        cmp: unsafe extern "C" fn(*const c_void, *const c_void) -> c_int,
    );
    fn strcoll(a: *const c_char, b: *const c_char) -> c_int;
}

/// Filter and comparison callbacks of `scandir`.
type Filter = Option<unsafe extern "C" fn(*const CDirent) -> c_int>;
type Compar = Option<unsafe extern "C" fn(*const c_void, *const c_void) -> c_int>;

/// `alphasort`: compares names with `strcoll`.
#[no_mangle]
pub unsafe extern "C" fn alphasort(a: *mut *const CDirent, b: *mut *const CDirent) -> c_int {
    strcoll((*a as *const u8).add(D_NAME) as *const c_char, (*b as *const u8).add(D_NAME) as *const c_char)
}

/// `__wasilibc_nocwd_scandirat`: reads, filters and sorts a directory.
#[no_mangle]
pub unsafe extern "C" fn __wasilibc_nocwd_scandirat(
    dirfd: c_int,
    path: *const c_char,
    namelist: *mut *mut *mut CDirent,
    filter: Filter,
    compar: Compar,
) -> c_int {
    let dir = __wasilibc_nocwd_opendirat(dirfd, path);
    if dir.is_null() {
        return -1;
    }
    let mut list: *mut *mut CDirent = null_mut();
    let (mut len, mut cap) = (0usize, 0usize);
    let fail = |list: *mut *mut CDirent, len: usize, dir: *mut Dir| {
        for i in 0..len {
            free(*list.add(i) as *mut c_void);
        }
        free(list as *mut c_void);
        closedir(dir);
        -1
    };
    loop {
        set_errno(0);
        let ent = readdir(dir);
        if ent.is_null() {
            if get_errno() != 0 {
                return fail(list, len, dir);
            }
            break;
        }
        if let Some(f) = filter {
            if f(ent) == 0 {
                continue;
            }
        }
        let name_len = crate::cstr::len((ent as *const u8).add(D_NAME) as *const c_char);
        let copy = malloc(D_NAME + name_len + 1) as *mut u8;
        if copy.is_null() {
            set_errno(ENOMEM);
            return fail(list, len, dir);
        }
        ptr::copy_nonoverlapping(ent as *const u8, copy, D_NAME + name_len + 1);
        if len == cap {
            cap = if cap == 0 { 16 } else { cap * 2 };
            let l = realloc(list as *mut c_void, cap * core::mem::size_of::<*mut CDirent>()) as *mut *mut CDirent;
            if l.is_null() {
                free(copy as *mut c_void);
                set_errno(ENOMEM);
                return fail(list, len, dir);
            }
            list = l;
        }
        *list.add(len) = copy as *mut CDirent;
        len += 1;
    }
    closedir(dir);
    if let Some(c) = compar {
        if len > 1 {
            qsort(list as *mut c_void, len, core::mem::size_of::<*mut CDirent>(), c);
        }
    }
    *namelist = list;
    len as c_int
}

/// `scandirat`.
#[no_mangle]
pub unsafe extern "C" fn scandirat(
    dirfd: c_int,
    path: *const c_char,
    namelist: *mut *mut *mut CDirent,
    filter: Filter,
    compar: Compar,
) -> c_int {
    if !uses_cwd(dirfd, path) {
        return __wasilibc_nocwd_scandirat(dirfd, path, namelist, filter, compar);
    }
    match preopens::resolve(path) {
        Some((d, rel)) => __wasilibc_nocwd_scandirat(d as c_int, rel, namelist, filter, compar),
        None => -1,
    }
}

/// `scandir`.
#[no_mangle]
pub unsafe extern "C" fn scandir(
    path: *const c_char,
    namelist: *mut *mut *mut CDirent,
    filter: Filter,
    compar: Compar,
) -> c_int {
    scandirat(AT_FDCWD, path, namelist, filter, compar)
}
