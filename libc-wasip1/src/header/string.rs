//! `string.h`: copying, concatenation, comparison and searching of C strings
//! and byte arrays (`memcpy`, `memset`, `strlen` ... are in `mem`; the error
//! message functions are in `strerror`).

use super::ext::{malloc, set_errno};
use super::mem::{has_zero, memcmp, memcpy, memset, strlen};
use core::ffi::{c_char, c_int, c_void};

type Str = *const c_char;
type MutStr = *mut c_char;

const WORD: usize = core::mem::size_of::<usize>();
const ONES: usize = usize::MAX / 255;

/// C `memchr`.
#[no_mangle]
pub unsafe extern "C" fn memchr(s: *const c_void, c: c_int, n: usize) -> *mut c_void {
    let s = s as *const u8;
    let c = c as u8;
    let mut i = 0;
    while i < n && !(s.add(i) as usize).is_multiple_of(WORD) {
        if *s.add(i) == c {
            return s.add(i) as *mut c_void;
        }
        i += 1;
    }
    let k = ONES * c as usize;
    while i + WORD <= n && !has_zero(*(s.add(i) as *const usize) ^ k) {
        i += WORD;
    }
    while i < n {
        if *s.add(i) == c {
            return s.add(i) as *mut c_void;
        }
        i += 1;
    }
    core::ptr::null_mut()
}

/// C `memrchr`.
#[no_mangle]
pub unsafe extern "C" fn memrchr(s: *const c_void, c: c_int, n: usize) -> *mut c_void {
    let s = s as *const u8;
    let mut i = n;
    while i > 0 {
        i -= 1;
        if *s.add(i) == c as u8 {
            return s.add(i) as *mut c_void;
        }
    }
    core::ptr::null_mut()
}

/// C `__memrchr` (musl's internal name for `memrchr`).
#[no_mangle]
pub unsafe extern "C" fn __memrchr(s: *const c_void, c: c_int, n: usize) -> *mut c_void {
    memrchr(s, c, n)
}

/// C `memccpy`.
#[no_mangle]
pub unsafe extern "C" fn memccpy(d: *mut c_void, s: *const c_void, c: c_int, n: usize) -> *mut c_void {
    let (d, s) = (d as *mut u8, s as *const u8);
    for i in 0..n {
        let b = *s.add(i);
        *d.add(i) = b;
        if b == c as u8 {
            return d.add(i + 1) as *mut c_void;
        }
    }
    core::ptr::null_mut()
}

/// C `mempcpy`.
#[no_mangle]
pub unsafe extern "C" fn mempcpy(d: *mut c_void, s: *const c_void, n: usize) -> *mut c_void {
    memcpy(d as *mut u8, s as *const u8, n).add(n) as *mut c_void
}

/// C `memmem`.
#[no_mangle]
pub unsafe extern "C" fn memmem(h: *const c_void, hl: usize, n: *const c_void, nl: usize) -> *mut c_void {
    let (h, n) = (h as *const u8, n as *const u8);
    if nl == 0 {
        return h as *mut c_void;
    }
    if nl > hl {
        return core::ptr::null_mut();
    }
    let first = *n as c_int;
    let mut p = h;
    let end = h.add(hl - nl + 1);
    while p < end {
        let q = memchr(p as *const c_void, first, end as usize - p as usize) as *const u8;
        if q.is_null() {
            break;
        }
        if memcmp(q, n, nl) == 0 {
            return q as *mut c_void;
        }
        p = q.add(1);
    }
    core::ptr::null_mut()
}

/// C `strnlen`.
#[no_mangle]
pub unsafe extern "C" fn strnlen(s: Str, n: usize) -> usize {
    let p = memchr(s as *const c_void, 0, n);
    if p.is_null() {
        n
    } else {
        p as usize - s as usize
    }
}

/// Copies `s` with its NUL to `d`; returns the end of `d`.
///
/// `strcpy` and `stpcpy` share this instead of calling each other: LLVM
/// rewrites a call to `stpcpy` whose result is unused into `strcpy`, which
/// inside `strcpy` itself became an infinite self-call that was then
/// deleted. Calls between libc-named functions must be avoided for the
/// same reason wherever such rewrites exist.
#[inline(always)]
unsafe fn copy_str(d: MutStr, s: Str) -> MutStr {
    let n = strlen(s as *const u8);
    memcpy(d as *mut u8, s as *const u8, n + 1);
    d.add(n)
}

/// Copies at most `n` bytes of `s` to `d`, zero-filling; returns the end.
#[inline(always)]
unsafe fn copy_strn(d: MutStr, s: Str, n: usize) -> MutStr {
    let l = strnlen(s, n);
    memcpy(d as *mut u8, s as *const u8, l);
    memset(d.add(l) as *mut u8, 0, n - l);
    d.add(l)
}

/// C `stpcpy`.
#[no_mangle]
pub unsafe extern "C" fn stpcpy(d: MutStr, s: Str) -> MutStr {
    copy_str(d, s)
}

/// C `__stpcpy` (musl's internal name for `stpcpy`).
#[no_mangle]
pub unsafe extern "C" fn __stpcpy(d: MutStr, s: Str) -> MutStr {
    copy_str(d, s)
}

/// C `strcpy`.
#[no_mangle]
pub unsafe extern "C" fn strcpy(d: MutStr, s: Str) -> MutStr {
    copy_str(d, s);
    d
}

/// C `stpncpy`.
#[no_mangle]
pub unsafe extern "C" fn stpncpy(d: MutStr, s: Str, n: usize) -> MutStr {
    copy_strn(d, s, n)
}

/// C `__stpncpy` (musl's internal name for `stpncpy`).
#[no_mangle]
pub unsafe extern "C" fn __stpncpy(d: MutStr, s: Str, n: usize) -> MutStr {
    copy_strn(d, s, n)
}

/// C `strncpy`.
#[no_mangle]
pub unsafe extern "C" fn strncpy(d: MutStr, s: Str, n: usize) -> MutStr {
    copy_strn(d, s, n);
    d
}

/// C `strcat`.
#[no_mangle]
pub unsafe extern "C" fn strcat(d: MutStr, s: Str) -> MutStr {
    copy_str(d.add(strlen(d as *const u8)), s);
    d
}

/// C `strncat`.
#[no_mangle]
pub unsafe extern "C" fn strncat(d: MutStr, s: Str, n: usize) -> MutStr {
    let e = d.add(strlen(d as *const u8));
    let l = strnlen(s, n);
    memcpy(e as *mut u8, s as *const u8, l);
    *e.add(l) = 0;
    d
}

/// C `strlcpy`.
#[no_mangle]
pub unsafe extern "C" fn strlcpy(d: MutStr, s: Str, n: usize) -> usize {
    let l = strlen(s as *const u8);
    if n > 0 {
        let k = if l < n { l } else { n - 1 };
        memcpy(d as *mut u8, s as *const u8, k);
        *d.add(k) = 0;
    }
    l
}

/// C `strlcat`.
#[no_mangle]
pub unsafe extern "C" fn strlcat(d: MutStr, s: Str, n: usize) -> usize {
    let l = strnlen(d, n);
    if l == n {
        return l + strlen(s as *const u8);
    }
    l + strlcpy(d.add(l), s, n - l)
}

/// C `strcmp`.
#[no_mangle]
pub unsafe extern "C" fn strcmp(a: Str, b: Str) -> c_int {
    let (mut a, mut b) = (a as *const u8, b as *const u8);
    if (a as usize ^ b as usize) & 7 == 0 {
        // Same alignment: bytes up to a word boundary, then eight at a time
        // while the words are equal and hold no NUL (aligned reads never
        // go past the end of memory).
        while (a as usize) & 7 != 0 {
            let (x, y) = (*a, *b);
            if x != y || x == 0 {
                return x as c_int - y as c_int;
            }
            a = a.add(1);
            b = b.add(1);
        }
        loop {
            let x = *(a as *const u64);
            if x != *(b as *const u64) || has_zero64(x) {
                break;
            }
            a = a.add(8);
            b = b.add(8);
        }
    }
    loop {
        let (x, y) = (*a, *b);
        if x != y || x == 0 {
            return x as c_int - y as c_int;
        }
        a = a.add(1);
        b = b.add(1);
    }
}

/// True if the word `w` has a zero byte.
#[inline(always)]
fn has_zero64(w: u64) -> bool {
    const ONES64: u64 = u64::MAX / 255;
    w.wrapping_sub(ONES64) & !w & (ONES64 * 128) != 0
}

/// C `strncmp`.
#[no_mangle]
pub unsafe extern "C" fn strncmp(a: Str, b: Str, n: usize) -> c_int {
    let (a, b) = (a as *const u8, b as *const u8);
    for i in 0..n {
        let (x, y) = (*a.add(i), *b.add(i));
        if x != y || x == 0 {
            return x as c_int - y as c_int;
        }
    }
    0
}

/// C `strchrnul`.
#[no_mangle]
pub unsafe extern "C" fn strchrnul(s: Str, c: c_int) -> MutStr {
    let c = c as u8;
    let mut p = s as *const u8;
    if c == 0 {
        return p.add(strlen(p)) as MutStr;
    }
    while !(p as usize).is_multiple_of(8) {
        if *p == 0 || *p == c {
            return p as MutStr;
        }
        p = p.add(1);
    }
    let k = (u64::MAX / 255) * c as u64;
    let mut w = p as *const u64;
    while !has_zero64(*w) && !has_zero64(*w ^ k) {
        w = w.add(1);
    }
    p = w as *const u8;
    while *p != 0 && *p != c {
        p = p.add(1);
    }
    p as MutStr
}

/// C `strchr`.
#[no_mangle]
pub unsafe extern "C" fn strchr(s: Str, c: c_int) -> MutStr {
    let r = strchrnul(s, c);
    if *r as u8 == c as u8 {
        r
    } else {
        core::ptr::null_mut()
    }
}

/// C `strrchr`.
#[no_mangle]
pub unsafe extern "C" fn strrchr(s: Str, c: c_int) -> MutStr {
    memrchr(s as *const c_void, c, strlen(s as *const u8) + 1) as MutStr
}

/// A 256-bit byte set for `strspn` and friends.
struct ByteSet([u32; 8]);

impl ByteSet {
    unsafe fn of(s: Str) -> Self {
        let mut set = ByteSet([0; 8]);
        let mut p = s as *const u8;
        while *p != 0 {
            set.0[(*p >> 5) as usize] |= 1 << (*p & 31);
            p = p.add(1);
        }
        set
    }
    fn has(&self, b: u8) -> bool {
        self.0[(b >> 5) as usize] & (1 << (b & 31)) != 0
    }
}

/// C `strspn`.
#[no_mangle]
pub unsafe extern "C" fn strspn(s: Str, accept: Str) -> usize {
    let set = ByteSet::of(accept);
    let s = s as *const u8;
    let mut i = 0;
    while *s.add(i) != 0 && set.has(*s.add(i)) {
        i += 1;
    }
    i
}

/// C `strcspn`.
#[no_mangle]
pub unsafe extern "C" fn strcspn(s: Str, reject: Str) -> usize {
    let mut set = ByteSet::of(reject);
    set.0[0] |= 1; // the terminator always stops the scan
    let s = s as *const u8;
    let mut i = 0;
    while !set.has(*s.add(i)) {
        i += 1;
    }
    i
}

/// C `strpbrk`.
#[no_mangle]
pub unsafe extern "C" fn strpbrk(s: Str, accept: Str) -> MutStr {
    let p = s.add(strcspn(s, accept));
    if *p != 0 {
        p as MutStr
    } else {
        core::ptr::null_mut()
    }
}

/// C `strstr`.
#[no_mangle]
pub unsafe extern "C" fn strstr(h: Str, n: Str) -> MutStr {
    let nl = strlen(n as *const u8);
    if nl == 0 {
        return h as MutStr;
    }
    let mut p = h;
    loop {
        p = strchr(p, *n as u8 as c_int);
        if p.is_null() {
            return core::ptr::null_mut();
        }
        if strncmp(p, n, nl) == 0 {
            return p as MutStr;
        }
        p = p.add(1);
    }
}

/// C `strcasestr`.
#[no_mangle]
pub unsafe extern "C" fn strcasestr(h: Str, n: Str) -> MutStr {
    // Like musl, only positions before the terminator are tried, so an
    // empty haystack never matches (even an empty needle).
    let nl = strlen(n as *const u8);
    let mut p = h;
    while *p != 0 {
        if super::strings::strncasecmp(p, n, nl) == 0 {
            return p as MutStr;
        }
        p = p.add(1);
    }
    core::ptr::null_mut()
}

/// C `strtok_r`.
#[no_mangle]
pub unsafe extern "C" fn strtok_r(s: MutStr, sep: Str, save: *mut MutStr) -> MutStr {
    let mut s = if s.is_null() { *save } else { s };
    if s.is_null() {
        return s;
    }
    s = s.add(strspn(s, sep));
    if *s == 0 {
        *save = core::ptr::null_mut();
        return core::ptr::null_mut();
    }
    let e = s.add(strcspn(s, sep));
    if *e != 0 {
        *e = 0;
        *save = e.add(1);
    } else {
        *save = core::ptr::null_mut();
    }
    s
}

static mut STRTOK_SAVE: MutStr = core::ptr::null_mut();

/// C `strtok`.
#[no_mangle]
pub unsafe extern "C" fn strtok(s: MutStr, sep: Str) -> MutStr {
    strtok_r(s, sep, core::ptr::addr_of_mut!(STRTOK_SAVE))
}

/// C `strsep`.
#[no_mangle]
pub unsafe extern "C" fn strsep(sp: *mut MutStr, sep: Str) -> MutStr {
    let s = *sp;
    if s.is_null() {
        return s;
    }
    let e = s.add(strcspn(s, sep));
    if *e != 0 {
        *e = 0;
        *sp = e.add(1);
    } else {
        *sp = core::ptr::null_mut();
    }
    s
}

/// C `strndup`.
#[no_mangle]
pub unsafe extern "C" fn strndup(s: Str, n: usize) -> MutStr {
    let l = strnlen(s, n);
    let d = malloc(l + 1) as MutStr;
    if d.is_null() {
        set_errno(super::ext::errno::ENOMEM);
        return d;
    }
    memcpy(d as *mut u8, s as *const u8, l);
    *d.add(l) = 0;
    d
}

/// C `strdup`.
#[no_mangle]
pub unsafe extern "C" fn strdup(s: Str) -> MutStr {
    strndup(s, usize::MAX)
}

/// C `strcoll` (the C locale: same as `strcmp`).
#[no_mangle]
pub unsafe extern "C" fn strcoll(a: Str, b: Str) -> c_int {
    strcmp(a, b)
}

/// C `strcoll_l`.
#[no_mangle]
pub unsafe extern "C" fn strcoll_l(a: Str, b: Str, _l: *mut c_void) -> c_int {
    strcmp(a, b)
}

/// C `__strcoll_l`.
#[no_mangle]
pub unsafe extern "C" fn __strcoll_l(a: Str, b: Str, _l: *mut c_void) -> c_int {
    strcmp(a, b)
}

/// C `strxfrm` (the C locale: a plain copy).
#[no_mangle]
pub unsafe extern "C" fn strxfrm(d: MutStr, s: Str, n: usize) -> usize {
    let l = strlen(s as *const u8);
    if n > l {
        copy_str(d, s);
    }
    l
}

/// C `strxfrm_l`.
#[no_mangle]
pub unsafe extern "C" fn strxfrm_l(d: MutStr, s: Str, n: usize, _l: *mut c_void) -> usize {
    strxfrm(d, s, n)
}

/// C `__strxfrm_l`.
#[no_mangle]
pub unsafe extern "C" fn __strxfrm_l(d: MutStr, s: Str, n: usize, _l: *mut c_void) -> usize {
    strxfrm(d, s, n)
}

/// C `strverscmp`: compares, treating digit runs as numbers (GNU semantics,
/// as musl implements them: runs with leading zeros compare as fractions).
#[no_mangle]
pub unsafe extern "C" fn strverscmp(a: Str, b: Str) -> c_int {
    let (l, r) = (a as *const u8, b as *const u8);
    let mut i = 0usize;
    let mut dp = 0usize;
    let mut z = true;
    // Find the maximal matching prefix and track its maximal digit suffix
    // and whether those digits are all zeros.
    while *l.add(i) == *r.add(i) {
        let c = *l.add(i);
        if c == 0 {
            return 0;
        }
        if !c.is_ascii_digit() {
            dp = i + 1;
            z = true;
        } else if c != b'0' {
            z = false;
        }
        i += 1;
    }
    let (li, ri) = (*l.add(i), *r.add(i));
    let nz = |c: u8| (b'1'..=b'9').contains(&c);
    if nz(*l.add(dp)) && nz(*r.add(dp)) {
        // Not a leading-zero run: the longest digit string is greater.
        let mut j = i;
        while (*l.add(j)).is_ascii_digit() {
            if !(*r.add(j)).is_ascii_digit() {
                return 1;
            }
            j += 1;
        }
        if (*r.add(j)).is_ascii_digit() {
            return -1;
        }
    } else if z && dp < i && (li.is_ascii_digit() || ri.is_ascii_digit()) {
        // Leading zeros after a common zero prefix: digits sort before others.
        return (li.wrapping_sub(b'0')) as c_int - (ri.wrapping_sub(b'0')) as c_int;
    }
    li as c_int - ri as c_int
}

/// C `swab`: copies `n` bytes swapping adjacent pairs.
#[no_mangle]
pub unsafe extern "C" fn swab(s: *const c_void, d: *mut c_void, n: isize) {
    let (s, d) = (s as *const u8, d as *mut u8);
    let mut i = 0;
    while i + 1 < n {
        let (x, y) = (*s.offset(i), *s.offset(i + 1));
        *d.offset(i) = y;
        *d.offset(i + 1) = x;
        i += 2;
    }
}

/// C `__strchrnul` (musl's internal name for `strchrnul`).
#[no_mangle]
pub unsafe extern "C" fn __strchrnul(s: Str, c: c_int) -> MutStr {
    strchrnul(s, c)
}

/// C `explicit_bzero`: zeroes memory in a way the compiler keeps.
#[no_mangle]
pub unsafe extern "C" fn explicit_bzero(d: *mut c_void, n: usize) {
    let p = d as *mut u8;
    for i in 0..n {
        core::ptr::write_volatile(p.add(i), 0);
    }
}
