//! `locale.h` and `langinfo.h` as musl (and so wasi-libc) provides them:
//! there are no locale data files, so every locale behaves like "C" except
//! that `LC_CTYPE` is UTF-8 for any name other than "C"/"POSIX". Names are
//! kept so `setlocale` reports them back.

use super::ext::{self, errno, set_errno};
use core::ffi::{c_char, c_int, c_void};
use core::ptr::{addr_of, addr_of_mut, null, null_mut};

/// Longest locale name kept (musl's `LOCALE_NAME_MAX`).
const NAME_MAX: usize = 23;
/// `LC_ALL`.
pub(crate) const LC_ALL: c_int = 6;

/// A named category map (musl's `struct __locale_map`; only the name is
/// meaningful here).
#[repr(C)]
pub struct LocaleMap {
    map: *const c_void,
    map_size: usize,
    name: [u8; NAME_MAX + 1],
    next: *const LocaleMap,
}

// SAFETY: maps are immutable once created.
unsafe impl Sync for LocaleMap {}

/// A `locale_t` object: one map per category, null meaning "C".
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Locale {
    cat: [*const LocaleMap; 6],
}

// SAFETY: locale objects are plain pointers to immutable maps.
unsafe impl Sync for Locale {}

const fn name_bytes(s: &[u8]) -> [u8; NAME_MAX + 1] {
    let mut n = [0u8; NAME_MAX + 1];
    let mut i = 0;
    while i < s.len() {
        n[i] = s[i];
        i += 1;
    }
    n
}

/// The built-in "C.UTF-8" `LC_CTYPE` map.
#[no_mangle]
pub static __c_dot_utf8: LocaleMap =
    LocaleMap { map: null(), map_size: 0, name: name_bytes(b"C.UTF-8"), next: null() };

/// The built-in "C" locale object.
#[no_mangle]
pub static __c_locale: Locale = Locale { cat: [null(); 6] };

/// The built-in "C.UTF-8" locale object.
#[no_mangle]
pub static __c_dot_utf8_locale: Locale =
    Locale { cat: [addr_of!(__c_dot_utf8), null(), null(), null(), null(), null()] };

/// The global locale (`setlocale`'s).
static mut GLOBAL: Locale = Locale { cat: [null(); 6] };
/// The thread's locale from `uselocale`, or null for the global one.
static mut CURRENT: *mut Locale = null_mut();
/// Maps created for names without locale data.
static mut NAMED: *const LocaleMap = null();

/// `LC_GLOBAL_LOCALE`.
const GLOBAL_HANDLE: *mut Locale = usize::MAX as *mut Locale;

fn c_locale() -> *mut Locale {
    addr_of!(__c_locale) as *mut Locale
}

fn utf8_locale() -> *mut Locale {
    addr_of!(__c_dot_utf8_locale) as *mut Locale
}

/// The locale in effect for this thread.
unsafe fn current() -> *const Locale {
    if CURRENT.is_null() {
        addr_of!(GLOBAL)
    } else {
        CURRENT
    }
}

/// Runs `f` with the thread's locale temporarily set to "C" or "C.UTF-8".
pub unsafe fn with_ctype<R>(utf8: bool, f: impl FnOnce() -> R) -> R {
    let old = uselocale(if utf8 { utf8_locale() } else { c_locale() });
    let r = f();
    uselocale(old);
    r
}

/// Whether `LC_CTYPE` of the current locale is UTF-8 (`MB_CUR_MAX == 4`).
pub fn ctype_utf8() -> bool {
    // SAFETY: single-threaded access to the locale state.
    unsafe { !(*current()).cat[0].is_null() }
}

/// Environment variable per category, for `""` names.
const ENV: [&core::ffi::CStr; 6] = [c"LC_CTYPE", c"LC_NUMERIC", c"LC_TIME", c"LC_COLLATE", c"LC_MONETARY", c"LC_MESSAGES"];

unsafe fn env_nonempty(name: &core::ffi::CStr) -> Option<*const u8> {
    let v = ext::getenv(name.as_ptr()) as *const u8;
    if v.is_null() || *v == 0 {
        None
    } else {
        Some(v)
    }
}

/// Finds or creates the map for category `cat` named `val` (musl's
/// `__get_locale`); null means the "C" map.
unsafe fn get_map(cat: c_int, val: *const u8) -> *const LocaleMap {
    let mut val = val;
    if *val == 0 {
        val = env_nonempty(c"LC_ALL")
            .or_else(|| env_nonempty(ENV[cat as usize]))
            .or_else(|| env_nonempty(c"LANG"))
            .unwrap_or(c"C.UTF-8".as_ptr() as *const u8);
    }
    let mut n = 0;
    while n < NAME_MAX && *val.add(n) != 0 && *val.add(n) != b'/' {
        n += 1;
    }
    if *val == b'.' || *val.add(n) != 0 {
        val = c"C.UTF-8".as_ptr() as *const u8;
        n = 7;
    }
    let name = core::slice::from_raw_parts(val, n);
    if name == b"C" || name == b"POSIX" || name == b"C.UTF-8" {
        return if cat == 0 && name == b"C.UTF-8" { addr_of!(__c_dot_utf8) } else { null() };
    }
    let mut m = NAMED;
    while !m.is_null() {
        let mn = &(*m).name;
        if mn[..n] == *name && mn[n] == 0 {
            return m;
        }
        m = (*m).next;
    }
    let new = ext::malloc(core::mem::size_of::<LocaleMap>()) as *mut LocaleMap;
    if new.is_null() {
        return if cat == 0 { addr_of!(__c_dot_utf8) } else { null() };
    }
    let mut nm = [0u8; NAME_MAX + 1];
    nm[..n].copy_from_slice(name);
    new.write(LocaleMap { map: null(), map_size: 0, name: nm, next: NAMED });
    NAMED = new;
    new
}

/// C `__get_locale`.
#[no_mangle]
pub unsafe extern "C" fn __get_locale(cat: c_int, name: *const c_char) -> *const LocaleMap {
    get_map(cat, name as *const u8)
}

unsafe fn map_name(m: *const LocaleMap) -> *const u8 {
    if m.is_null() {
        c"C".as_ptr() as *const u8
    } else {
        (*m).name.as_ptr()
    }
}

static mut ALL_NAME: [u8; 6 * (NAME_MAX + 1)] = [0; 6 * (NAME_MAX + 1)];

/// C `setlocale`.
#[no_mangle]
pub unsafe extern "C" fn setlocale(cat: c_int, name: *const c_char) -> *mut c_char {
    if !(0..=LC_ALL).contains(&cat) {
        return null_mut();
    }
    let g = &mut *addr_of_mut!(GLOBAL);
    if cat != LC_ALL {
        if !name.is_null() {
            g.cat[cat as usize] = get_map(cat, name as *const u8);
        }
        return map_name(g.cat[cat as usize]) as *mut c_char;
    }
    if !name.is_null() {
        // "a;b;c;d;e;f" sets each category; a plain name sets them all.
        let mut part = [0u8; NAME_MAX + 1];
        part[..8].copy_from_slice(b"C.UTF-8\0");
        let mut p = name as *const u8;
        let mut tmp = Locale { cat: [null(); 6] };
        for i in 0..6 {
            let z = super::string::strchrnul(p as *const c_char, b';' as c_int) as *const u8;
            let len = z as usize - p as usize;
            if len <= NAME_MAX {
                core::ptr::copy_nonoverlapping(p, part.as_mut_ptr(), len);
                part[len] = 0;
                if *z != 0 {
                    p = z.add(1);
                }
            }
            tmp.cat[i] = get_map(i as c_int, part.as_ptr());
        }
        *g = tmp;
    }
    let same = g.cat.iter().all(|c| *c == g.cat[0]);
    if same {
        return map_name(g.cat[0]) as *mut c_char;
    }
    let buf = &mut *addr_of_mut!(ALL_NAME);
    let mut k = 0;
    for i in 0..6 {
        let nm = map_name(g.cat[i]);
        let mut j = 0;
        while *nm.add(j) != 0 {
            buf[k] = *nm.add(j);
            k += 1;
            j += 1;
        }
        buf[k] = b';';
        k += 1;
    }
    buf[k - 1] = 0;
    buf.as_mut_ptr() as *mut c_char
}

/// C `struct lconv`.
#[repr(C)]
pub struct Lconv {
    pub(crate) strs: [*const c_char; 10],
    pub(crate) chars: [c_char; 14],
}

// SAFETY: points to static strings only.
unsafe impl Sync for Lconv {}

static LCONV: Lconv = Lconv {
    strs: [
        c".".as_ptr(),
        c"".as_ptr(),
        c"".as_ptr(),
        c"".as_ptr(),
        c"".as_ptr(),
        c"".as_ptr(),
        c"".as_ptr(),
        c"".as_ptr(),
        c"".as_ptr(),
        c"".as_ptr(),
    ],
    chars: [127; 14],
};

/// C `localeconv` (the C locale's values).
#[no_mangle]
pub extern "C" fn localeconv() -> *const Lconv {
    &LCONV
}

const C_TIME: &[u8] = b"Sun\0Mon\0Tue\0Wed\0Thu\0Fri\0Sat\0\
Sunday\0Monday\0Tuesday\0Wednesday\0Thursday\0Friday\0Saturday\0\
Jan\0Feb\0Mar\0Apr\0May\0Jun\0Jul\0Aug\0Sep\0Oct\0Nov\0Dec\0\
January\0February\0March\0April\0May\0June\0July\0August\0September\0October\0November\0December\0\
AM\0PM\0%a %b %e %T %Y\0%m/%d/%y\0%H:%M:%S\0%I:%M:%S %p\0\0\0%m/%d/%y\0\
0123456789\0%a %b %e %T %Y\0%H:%M:%S\0";
const C_MESSAGES: &[u8] = b"^[yY]\0^[nN]\0yes\0no\0";
const C_NUMERIC: &[u8] = b".\0\0";

/// The `idx`-th NUL-terminated string of `table`.
fn nth(table: &'static [u8], idx: usize) -> *const c_char {
    let mut p = 0;
    for _ in 0..idx {
        while table[p] != 0 {
            p += 1;
        }
        p += 1;
    }
    table[p..].as_ptr() as *const c_char
}

/// C `nl_langinfo_l`.
#[no_mangle]
pub unsafe extern "C" fn nl_langinfo_l(item: c_int, loc: *const Locale) -> *const c_char {
    let cat = item >> 16;
    let idx = (item & 0xffff) as usize;
    let loc = if loc.is_null() || loc == GLOBAL_HANDLE { addr_of!(GLOBAL) } else { loc };
    if item == 14 {
        return if (*loc).cat[0].is_null() { c"ASCII".as_ptr() } else { c"UTF-8".as_ptr() };
    }
    if idx == 0xffff && (0..LC_ALL).contains(&cat) {
        return map_name((*loc).cat[cat as usize]) as *const c_char;
    }
    match cat {
        1 if idx <= 1 => nth(C_NUMERIC, idx),
        2 if idx <= 0x31 => nth(C_TIME, idx),
        5 if idx <= 3 => nth(C_MESSAGES, idx),
        _ => c"".as_ptr(),
    }
}

/// C `__nl_langinfo_l`.
#[no_mangle]
pub unsafe extern "C" fn __nl_langinfo_l(item: c_int, loc: *const Locale) -> *const c_char {
    nl_langinfo_l(item, loc)
}

/// C `nl_langinfo`.
#[no_mangle]
pub unsafe extern "C" fn nl_langinfo(item: c_int) -> *const c_char {
    nl_langinfo_l(item, current())
}

/// C `__nl_langinfo`.
#[no_mangle]
pub unsafe extern "C" fn __nl_langinfo(item: c_int) -> *const c_char {
    nl_langinfo(item)
}

/// C `__loc_is_allocated`.
#[no_mangle]
pub extern "C" fn __loc_is_allocated(l: *mut Locale) -> c_int {
    (!l.is_null() && l != c_locale() && l != utf8_locale() && l != GLOBAL_HANDLE && !core::ptr::eq(l, addr_of!(GLOBAL)))
        as c_int
}

/// C `newlocale`.
#[no_mangle]
pub unsafe extern "C" fn newlocale(mask: c_int, name: *const c_char, base: *mut Locale) -> *mut Locale {
    let base = if base == GLOBAL_HANDLE { addr_of_mut!(GLOBAL) } else { base };
    let mut tmp = Locale { cat: [null(); 6] };
    for i in 0..6 {
        let bit = mask & (1 << i) != 0;
        tmp.cat[i] = if !bit && !base.is_null() {
            (*base).cat[i]
        } else {
            get_map(i as c_int, if bit { name as *const u8 } else { c"".as_ptr() as *const u8 })
        };
    }
    if __loc_is_allocated(base) != 0 {
        *base = tmp;
        return base;
    }
    if tmp == __c_locale {
        return c_locale();
    }
    if tmp == __c_dot_utf8_locale {
        return utf8_locale();
    }
    let l = ext::malloc(core::mem::size_of::<Locale>()) as *mut Locale;
    if l.is_null() {
        set_errno(errno::ENOMEM);
        return l;
    }
    l.write(tmp);
    l
}

/// C `__newlocale`.
#[no_mangle]
pub unsafe extern "C" fn __newlocale(mask: c_int, name: *const c_char, base: *mut Locale) -> *mut Locale {
    newlocale(mask, name, base)
}

/// C `duplocale`.
#[no_mangle]
pub unsafe extern "C" fn duplocale(old: *mut Locale) -> *mut Locale {
    let src = if old == GLOBAL_HANDLE { addr_of_mut!(GLOBAL) } else { old };
    let l = ext::malloc(core::mem::size_of::<Locale>()) as *mut Locale;
    if l.is_null() {
        set_errno(errno::ENOMEM);
        return l;
    }
    l.write(*src);
    l
}

/// C `__duplocale`.
#[no_mangle]
pub unsafe extern "C" fn __duplocale(old: *mut Locale) -> *mut Locale {
    duplocale(old)
}

/// C `freelocale`.
#[no_mangle]
pub unsafe extern "C" fn freelocale(l: *mut Locale) {
    if __loc_is_allocated(l) != 0 {
        ext::free(l as *mut c_void);
    }
}

/// C `__freelocale`.
#[no_mangle]
pub unsafe extern "C" fn __freelocale(l: *mut Locale) {
    freelocale(l)
}

/// C `uselocale`.
#[no_mangle]
pub unsafe extern "C" fn uselocale(new: *mut Locale) -> *mut Locale {
    let old = if CURRENT.is_null() { GLOBAL_HANDLE } else { CURRENT };
    if new == GLOBAL_HANDLE {
        CURRENT = null_mut();
    } else if !new.is_null() {
        CURRENT = new;
    }
    old
}

/// C `__uselocale`.
#[no_mangle]
pub unsafe extern "C" fn __uselocale(new: *mut Locale) -> *mut Locale {
    uselocale(new)
}

/// C `__lctrans` (no message catalogs: the message itself).
#[no_mangle]
pub extern "C" fn __lctrans(msg: *const c_char, _lm: *const LocaleMap) -> *const c_char {
    msg
}

/// C `__lctrans_impl`.
#[no_mangle]
pub extern "C" fn __lctrans_impl(msg: *const c_char, _lm: *const LocaleMap) -> *const c_char {
    msg
}

/// C `__lctrans_cur`.
#[no_mangle]
pub extern "C" fn __lctrans_cur(msg: *const c_char) -> *const c_char {
    msg
}

/// C `__mo_lookup` (no message catalogs).
#[no_mangle]
pub extern "C" fn __mo_lookup(_p: *const c_void, _size: usize, _s: *const c_char) -> *const c_char {
    null()
}

/// C `catopen`: no catalogs exist, so this fails with `ENOENT`.
#[no_mangle]
pub extern "C" fn catopen(_name: *const c_char, _flag: c_int) -> *mut c_void {
    set_errno(errno::ENOENT);
    usize::MAX as *mut c_void
}

/// C `catgets`: the default message.
#[no_mangle]
pub extern "C" fn catgets(_cat: *mut c_void, _set: c_int, _id: c_int, s: *const c_char) -> *const c_char {
    s
}

/// C `catclose`.
#[no_mangle]
pub extern "C" fn catclose(_cat: *mut c_void) -> c_int {
    0
}
