//! `regex.h`: POSIX basic and extended regular expressions (`regcomp`,
//! `regexec`, `regerror`, `regfree`). Patterns are parsed into a small
//! node arena (`parse`) and run by a backtracking matcher that explores
//! every path to find the leftmost-longest match (`exec`); subexpressions
//! come from the first such path, which is what wasi-libc's TRE reports in
//! the cases tested.
//! A step budget bounds pathological patterns (the search then reports
//! no match).

mod exec;
mod parse;

use super::ext;
use core::ffi::{c_char, c_int, c_void};

pub(crate) use parse::Program;

/// C `regex_t` (musl's layout).
#[repr(C)]
pub struct RegexT {
    pub(crate) re_nsub: usize,
    opaque: *mut Program,
    padding: [*mut c_void; 4],
    nsub2: usize,
    padding2: c_char,
}

/// C `regmatch_t`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct RegMatch {
    pub rm_so: isize,
    pub rm_eo: isize,
}

pub(crate) const REG_EXTENDED: c_int = 1;
pub(crate) const REG_ICASE: c_int = 2;
pub(crate) const REG_NEWLINE: c_int = 4;
pub(crate) const REG_NOSUB: c_int = 8;
pub(crate) const REG_NOTBOL: c_int = 1;
pub(crate) const REG_NOTEOL: c_int = 2;
pub(crate) const REG_NOMATCH: c_int = 1;
pub(crate) const REG_ESPACE: c_int = 12;

/// C `regcomp`.
#[no_mangle]
pub unsafe extern "C" fn regcomp(preg: *mut RegexT, pattern: *const c_char, cflags: c_int) -> c_int {
    match parse::compile(pattern as *const u8, cflags) {
        Ok(p) => {
            (*preg).re_nsub = (*p).nsub as usize;
            (*preg).nsub2 = (*p).nsub as usize;
            (*preg).opaque = p;
            0
        }
        Err(e) => e,
    }
}

/// C `regfree`.
#[no_mangle]
pub unsafe extern "C" fn regfree(preg: *mut RegexT) {
    let p = (*preg).opaque;
    if !p.is_null() {
        parse::free_program(p);
        (*preg).opaque = core::ptr::null_mut();
    }
}

/// C `regexec`.
#[no_mangle]
pub unsafe extern "C" fn regexec(
    preg: *const RegexT,
    string: *const c_char,
    nmatch: usize,
    pmatch: *mut RegMatch,
    eflags: c_int,
) -> c_int {
    let p = (*preg).opaque;
    if p.is_null() {
        return REG_NOMATCH;
    }
    let nmatch = if (*p).cflags & REG_NOSUB != 0 { 0 } else { nmatch };
    let ncap = (*p).nsub as usize + 1;
    let caps = ext::malloc(2 * ncap * core::mem::size_of::<isize>() * 2) as *mut isize;
    if caps.is_null() {
        return REG_ESPACE;
    }
    let found = exec::search(&*p, string as *const u8, eflags, caps, ncap);
    if found {
        let best = caps.add(2 * ncap);
        for i in 0..nmatch {
            let m = &mut *pmatch.add(i);
            if i < ncap {
                m.rm_so = *best.add(2 * i);
                m.rm_eo = *best.add(2 * i + 1);
            } else {
                m.rm_so = -1;
                m.rm_eo = -1;
            }
        }
    }
    ext::free(caps as *mut c_void);
    if found {
        0
    } else {
        REG_NOMATCH
    }
}

const MESSAGES: [&[u8]; 14] = [
    b"No error",
    b"No match",
    b"Invalid regexp",
    b"Unknown collating element",
    b"Unknown character class name",
    b"Trailing backslash",
    b"Invalid back reference",
    b"Missing ']'",
    b"Missing ')'",
    b"Missing '}'",
    b"Invalid contents of {}",
    b"Invalid character range",
    b"Out of memory",
    b"Repetition not preceded by valid expression",
];

/// C `regerror`: copies the message (truncated to `size`) and returns its
/// full size including the NUL.
#[no_mangle]
pub unsafe extern "C" fn regerror(code: c_int, _preg: *const RegexT, buf: *mut c_char, size: usize) -> usize {
    let msg: &[u8] = MESSAGES.get(code as usize).copied().unwrap_or(b"Unknown error");
    if size > 0 {
        let k = msg.len().min(size - 1);
        core::ptr::copy_nonoverlapping(msg.as_ptr(), buf as *mut u8, k);
        *buf.add(k) = 0;
    }
    msg.len() + 1
}
