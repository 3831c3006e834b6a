//! `getopt` (`unistd.h`) and `getopt_long`/`getopt_long_only`
//! (`getopt.h`) with musl's behaviour: diagnostics on stderr as
//! "prog: unrecognized option: x", GNU-style permutation of non-options in
//! the long variants unless the option string starts with '+' or '-'.

use super::mem::strlen;
use super::multibyte::mbtowc;
use super::stdio::file::{self, File};
use super::stdio::std_streams::stderr_ptr;
use core::ffi::{c_char, c_int};
use core::ptr::null_mut;

/// C `optarg`.
#[no_mangle]
pub static mut optarg: *mut c_char = null_mut();
/// C `optind`.
#[no_mangle]
pub static mut optind: c_int = 1;
/// C `opterr`.
#[no_mangle]
pub static mut opterr: c_int = 1;
/// C `optopt`.
#[no_mangle]
pub static mut optopt: c_int = 0;
/// musl's position inside a bundle of short options.
#[no_mangle]
pub static mut __optpos: c_int = 0;
/// C `optreset` (BSD): set to restart scanning.
#[no_mangle]
pub static mut optreset: c_int = 0;
/// musl's `__optreset` (the same role as `optreset`).
#[no_mangle]
pub static mut __optreset: c_int = 0;

unsafe fn err_put(f: *mut File, p: *const u8, n: usize) {
    file::write_bytes(f, p, n);
}

/// C `__getopt_msg`: writes "a" "b" then `l` bytes of "c" and a newline to
/// stderr.
#[no_mangle]
pub unsafe extern "C" fn __getopt_msg(a: *const c_char, b: *const c_char, c: *const c_char, l: usize) {
    let f = stderr_ptr();
    err_put(f, a as *const u8, strlen(a as *const u8));
    err_put(f, b as *const u8, strlen(b as *const u8));
    err_put(f, c as *const u8, l);
    err_put(f, b"\n".as_ptr(), 1);
}

unsafe fn reset_if_needed() {
    if optind == 0 || __optreset != 0 || optreset != 0 {
        __optreset = 0;
        optreset = 0;
        __optpos = 0;
        optind = 1;
    }
}

/// C `getopt`.
#[no_mangle]
pub unsafe extern "C" fn getopt(argc: c_int, argv: *const *mut c_char, optstring: *const c_char) -> c_int {
    reset_if_needed();
    if optind >= argc || (*argv.add(optind as usize)).is_null() {
        return -1;
    }
    let arg = *argv.add(optind as usize) as *const u8;
    let mut os = optstring as *const u8;
    if *arg != b'-' {
        if *os == b'-' {
            optarg = *argv.add(optind as usize);
            optind += 1;
            return 1;
        }
        return -1;
    }
    if *arg.add(1) == 0 {
        return -1;
    }
    if *arg.add(1) == b'-' && *arg.add(2) == 0 {
        optind += 1;
        return -1;
    }
    if __optpos == 0 {
        __optpos = 1;
    }
    let optchar = arg.add(__optpos as usize);
    let mut c: u32 = 0;
    let mut k = mbtowc(&mut c, optchar as *const c_char, 4);
    if k < 0 {
        k = 1;
        c = 0xfffd;
    }
    __optpos += k;
    if *arg.add(__optpos as usize) == 0 {
        optind += 1;
        __optpos = 0;
    }
    if *os == b'-' || *os == b'+' {
        os = os.add(1);
    }
    // Find c in the option string.
    let mut i = 0usize;
    let mut d: u32;
    loop {
        d = 0;
        let l = mbtowc(&mut d, os.add(i) as *const c_char, 4);
        i += if l > 0 { l as usize } else { 1 };
        if l == 0 || d == c {
            break;
        }
    }
    if d != c || c == b':' as u32 {
        optopt = c as c_int;
        if *os != b':' && opterr != 0 {
            __getopt_msg(*argv, c": unrecognized option: ".as_ptr(), optchar as *const c_char, k as usize);
        }
        return b'?' as c_int;
    }
    if *os.add(i) == b':' {
        optarg = null_mut();
        if *os.add(i + 1) != b':' || __optpos != 0 {
            optarg = (*argv.add(optind as usize)).add(__optpos as usize);
            optind += 1;
            __optpos = 0;
        }
        if optind > argc {
            optopt = c as c_int;
            if *os == b':' {
                return b':' as c_int;
            }
            if opterr != 0 {
                __getopt_msg(*argv, c": option requires an argument: ".as_ptr(), optchar as *const c_char, k as usize);
            }
            return b'?' as c_int;
        }
    }
    c as c_int
}

/// C `__posix_getopt`.
#[no_mangle]
pub unsafe extern "C" fn __posix_getopt(argc: c_int, argv: *const *mut c_char, optstring: *const c_char) -> c_int {
    getopt(argc, argv, optstring)
}

/// C `struct option`.
#[repr(C)]
pub struct LongOption {
    pub(crate) name: *const c_char,
    pub(crate) has_arg: c_int,
    pub(crate) flag: *mut c_int,
    pub(crate) val: c_int,
}

/// Moves `argv[src]` to `argv[dest]`, shifting the ones between up.
unsafe fn permute(argv: *const *mut c_char, dest: c_int, src: c_int) {
    let av = argv as *mut *mut c_char;
    let tmp = *av.add(src as usize);
    let mut i = src;
    while i > dest {
        *av.add(i as usize) = *av.add(i as usize - 1);
        i -= 1;
    }
    *av.add(dest as usize) = tmp;
}

unsafe fn long_core(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
    longopts: *const LongOption,
    idx: *mut c_int,
    longonly: bool,
) -> c_int {
    optarg = null_mut();
    let cur = *argv.add(optind as usize) as *const u8;
    let os = optstring as *const u8;
    let is_long = *cur == b'-'
        && ((longonly && *cur.add(1) != 0 && *cur.add(1) != b'-') || (*cur.add(1) == b'-' && *cur.add(2) != 0));
    if !longopts.is_null() && is_long {
        let colon = *os.add((*os == b'+' || *os == b'-') as usize) == b':';
        let start = cur.add(1);
        let mut cnt = 0;
        let mut matched = 0usize;
        let mut arg = start;
        let mut i = 0usize;
        while !(*longopts.add(i)).name.is_null() {
            let mut name = (*longopts.add(i)).name as *const u8;
            let mut opt = start;
            if *opt == b'-' {
                opt = opt.add(1);
            }
            while *opt != 0 && *opt != b'=' && *opt == *name {
                name = name.add(1);
                opt = opt.add(1);
            }
            if *opt != 0 && *opt != b'=' {
                i += 1;
                continue;
            }
            arg = opt;
            matched = i;
            if *name == 0 {
                cnt = 1;
                break;
            }
            cnt += 1;
            i += 1;
        }
        if cnt == 1 && longonly && arg as usize - start as usize == super::multibyte::mblen(start as *const c_char, 4) as usize {
            let l = arg as usize - start as usize;
            let mut k = 0;
            while *os.add(k) != 0 {
                let mut j = 0;
                while j < l && *start.add(j) == *os.add(k + j) {
                    j += 1;
                }
                if j == l {
                    cnt += 1;
                    break;
                }
                k += 1;
            }
        }
        if cnt == 1 {
            let o = &*longopts.add(matched);
            optind += 1;
            if *arg == b'=' {
                if o.has_arg == 0 {
                    optopt = o.val;
                    if colon || opterr == 0 {
                        return b'?' as c_int;
                    }
                    __getopt_msg(*argv, c": option does not take an argument: ".as_ptr(), o.name, strlen(o.name as *const u8));
                    return b'?' as c_int;
                }
                optarg = arg.add(1) as *mut c_char;
            } else if o.has_arg == 1 {
                optarg = if optind < argc || !(*argv.add(optind as usize)).is_null() {
                    *argv.add(optind as usize)
                } else {
                    null_mut()
                };
                if optarg.is_null() {
                    optopt = o.val;
                    if colon {
                        return b':' as c_int;
                    }
                    if opterr == 0 {
                        return b'?' as c_int;
                    }
                    __getopt_msg(*argv, c": option requires an argument: ".as_ptr(), o.name, strlen(o.name as *const u8));
                    return b'?' as c_int;
                }
                optind += 1;
            }
            if !idx.is_null() {
                *idx = matched as c_int;
            }
            if !o.flag.is_null() {
                *o.flag = o.val;
                return 0;
            }
            return o.val;
        }
        if *cur.add(1) == b'-' {
            optopt = 0;
            if !colon && opterr != 0 {
                let msg = if cnt != 0 { c": option is ambiguous: " } else { c": unrecognized option: " };
                __getopt_msg(*argv, msg.as_ptr(), cur.add(2) as *const c_char, strlen(cur.add(2)));
            }
            optind += 1;
            return b'?' as c_int;
        }
    }
    getopt(argc, argv, optstring)
}

unsafe fn getopt_long_impl(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
    longopts: *const LongOption,
    idx: *mut c_int,
    longonly: bool,
) -> c_int {
    reset_if_needed();
    if optind >= argc || (*argv.add(optind as usize)).is_null() {
        return -1;
    }
    let skipped = optind;
    let first = *(optstring as *const u8);
    if first != b'+' && first != b'-' {
        // Skip (and later move back) leading non-options.
        let mut i = optind;
        loop {
            if i >= argc || (*argv.add(i as usize)).is_null() {
                return -1;
            }
            let a = *argv.add(i as usize) as *const u8;
            if *a == b'-' && *a.add(1) != 0 {
                break;
            }
            i += 1;
        }
        optind = i;
    }
    let resumed = optind;
    let ret = long_core(argc, argv, optstring, longopts, idx, longonly);
    if resumed > skipped {
        let cnt = optind - resumed;
        for _ in 0..cnt {
            permute(argv, skipped, optind - 1);
        }
        optind = skipped + cnt;
    }
    ret
}

/// C `getopt_long`.
#[no_mangle]
pub unsafe extern "C" fn getopt_long(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
    longopts: *const LongOption,
    idx: *mut c_int,
) -> c_int {
    getopt_long_impl(argc, argv, optstring, longopts, idx, false)
}

/// C `getopt_long_only`.
#[no_mangle]
pub unsafe extern "C" fn getopt_long_only(
    argc: c_int,
    argv: *const *mut c_char,
    optstring: *const c_char,
    longopts: *const LongOption,
    idx: *mut c_int,
) -> c_int {
    getopt_long_impl(argc, argv, optstring, longopts, idx, true)
}
