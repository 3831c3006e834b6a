//! `search.h`: binary search trees (`tsearch` & co., an AVL tree balanced
//! exactly like musl's so `twalk` sees the same shape), linear search
//! (`lsearch`, `lfind`), queues (`insque`, `remque`) and the hash table
//! (`hcreate`, `hsearch`, `hdestroy` and their `_r` forms).

use super::ext::{self, errno, set_errno};
use super::string::strcmp;
use core::ffi::{c_char, c_int, c_void};
use core::ptr::null_mut;

type Cmp = unsafe extern "C" fn(*const c_void, *const c_void) -> c_int;

/// A tree node; `tsearch` returns pointers to these, whose first field is
/// the key pointer (so `*(void **)node` is the key, as C code expects).
#[repr(C)]
pub struct Node {
    key: *const c_void,
    a: [*mut Node; 2],
    h: c_int,
}

/// Deepest path we may need (AVL height bound for 2^32 nodes, plus slack).
const MAXH: usize = 64;

fn height(n: *mut Node) -> c_int {
    // SAFETY: nodes are only created by tsearch.
    if n.is_null() {
        0
    } else {
        unsafe { (*n).h }
    }
}

/// Rotates around `x` whose `dir` side is two levels deeper; stores the
/// new subtree root in `*p` and returns the change in height.
unsafe fn rotate(p: *mut *mut Node, x: *mut Node, dir: usize) -> c_int {
    let y = (*x).a[dir];
    let z = (*y).a[1 - dir];
    let hx = (*x).h;
    let hz = height(z);
    let top = if hz > height((*y).a[dir]) {
        // Double rotation: z becomes the root.
        (*x).a[dir] = (*z).a[1 - dir];
        (*y).a[1 - dir] = (*z).a[dir];
        (*z).a[1 - dir] = x;
        (*z).a[dir] = y;
        (*x).h = hz;
        (*y).h = hz;
        (*z).h = hz + 1;
        z
    } else {
        // Single rotation: y becomes the root.
        (*x).a[dir] = z;
        (*y).a[1 - dir] = x;
        (*x).h = hz + 1;
        (*y).h = hz + 2;
        y
    };
    *p = top;
    (*top).h - hx
}

/// C `__tsearch_balance`: rebalances `*p`; returns nonzero if its height
/// changed.
#[no_mangle]
pub unsafe extern "C" fn __tsearch_balance(p: *mut *mut Node) -> c_int {
    let n = *p;
    let h0 = height((*n).a[0]);
    let h1 = height((*n).a[1]);
    if ((h0 - h1 + 1) as u32) < 3 {
        let old = (*n).h;
        (*n).h = if h0 < h1 { h1 + 1 } else { h0 + 1 };
        return (*n).h - old;
    }
    rotate(p, n, (h0 < h1) as usize)
}

/// C `tsearch`: finds `key` or inserts it.
#[no_mangle]
pub unsafe extern "C" fn tsearch(key: *const c_void, rootp: *mut *mut Node, cmp: Cmp) -> *mut Node {
    if rootp.is_null() {
        return null_mut();
    }
    let mut path: [*mut *mut Node; MAXH] = [null_mut(); MAXH];
    let mut i = 0;
    path[i] = rootp;
    i += 1;
    let mut n = *rootp;
    while !n.is_null() {
        let c = cmp(key, (*n).key);
        if c == 0 {
            return n;
        }
        let side = (c > 0) as usize;
        if i >= MAXH {
            return null_mut();
        }
        path[i] = &mut (*n).a[side];
        i += 1;
        n = (*n).a[side];
    }
    let r = ext::malloc(core::mem::size_of::<Node>()) as *mut Node;
    if r.is_null() {
        return r;
    }
    r.write(Node { key, a: [null_mut(); 2], h: 1 });
    i -= 1;
    *path[i] = r;
    while i > 0 {
        i -= 1;
        if __tsearch_balance(path[i]) == 0 {
            break;
        }
    }
    r
}

/// C `tfind`.
#[no_mangle]
pub unsafe extern "C" fn tfind(key: *const c_void, rootp: *const *mut Node, cmp: Cmp) -> *mut Node {
    if rootp.is_null() {
        return null_mut();
    }
    let mut n = *rootp;
    while !n.is_null() {
        let c = cmp(key, (*n).key);
        if c == 0 {
            return n;
        }
        n = (*n).a[(c > 0) as usize];
    }
    null_mut()
}

/// C `tdelete`: removes `key`; returns its parent node (or an unspecified
/// non-null pointer when the root was removed), or null if absent.
#[no_mangle]
pub unsafe extern "C" fn tdelete(key: *const c_void, rootp: *mut *mut Node, cmp: Cmp) -> *mut c_void {
    if rootp.is_null() {
        return null_mut();
    }
    let mut path: [*mut *mut Node; MAXH + 1] = [null_mut(); MAXH + 1];
    let mut i = 0;
    path[i] = rootp;
    path[i + 1] = rootp;
    i += 2;
    let mut n = *rootp;
    loop {
        if n.is_null() {
            return null_mut();
        }
        let c = cmp(key, (*n).key);
        if c == 0 {
            break;
        }
        if i >= MAXH {
            return null_mut();
        }
        let side = (c > 0) as usize;
        path[i] = &mut (*n).a[side];
        i += 1;
        n = (*n).a[side];
    }
    let parent = *path[i - 2];
    let child;
    if !(*n).a[0].is_null() {
        // Replace the key with its predecessor's and free that node.
        let deleted = n;
        path[i] = &mut (*n).a[0];
        i += 1;
        n = (*n).a[0];
        while !(*n).a[1].is_null() && i < MAXH {
            path[i] = &mut (*n).a[1];
            i += 1;
            n = (*n).a[1];
        }
        (*deleted).key = (*n).key;
        child = (*n).a[0];
    } else {
        child = (*n).a[1];
    }
    ext::free(n as *mut c_void);
    i -= 1;
    *path[i] = child;
    loop {
        i -= 1;
        if i == 0 || __tsearch_balance(path[i]) == 0 {
            break;
        }
    }
    parent as *mut c_void
}

type Action = unsafe extern "C" fn(*const Node, c_int, c_int);

unsafe fn walk(r: *const Node, action: Action, depth: c_int) {
    if r.is_null() {
        return;
    }
    // VISIT: preorder 0, postorder 1, endorder 2, leaf 3.
    if (*r).h == 1 {
        action(r, 3, depth);
    } else {
        action(r, 0, depth);
        walk((*r).a[0], action, depth + 1);
        action(r, 1, depth);
        walk((*r).a[1], action, depth + 1);
        action(r, 2, depth);
    }
}

/// C `twalk`.
#[no_mangle]
pub unsafe extern "C" fn twalk(root: *const Node, action: Option<Action>) {
    if let Some(a) = action {
        walk(root, a, 0);
    }
}

unsafe fn destroy(r: *mut Node, freekey: Option<unsafe extern "C" fn(*mut c_void)>) {
    if r.is_null() {
        return;
    }
    destroy((*r).a[0], freekey);
    destroy((*r).a[1], freekey);
    if let Some(f) = freekey {
        f((*r).key as *mut c_void);
    }
    ext::free(r as *mut c_void);
}

/// C `tdestroy`.
#[no_mangle]
pub unsafe extern "C" fn tdestroy(root: *mut Node, freekey: Option<unsafe extern "C" fn(*mut c_void)>) {
    destroy(root, freekey)
}

/// C `lfind`.
#[no_mangle]
pub unsafe extern "C" fn lfind(key: *const c_void, base: *const c_void, nelp: *mut usize, width: usize, cmp: Cmp) -> *mut c_void {
    let b = base as *const u8;
    for i in 0..*nelp {
        let e = b.add(i * width) as *const c_void;
        if cmp(key, e) == 0 {
            return e as *mut c_void;
        }
    }
    null_mut()
}

/// C `lsearch`: `lfind`, appending the key when absent.
#[no_mangle]
pub unsafe extern "C" fn lsearch(key: *const c_void, base: *mut c_void, nelp: *mut usize, width: usize, cmp: Cmp) -> *mut c_void {
    let found = lfind(key, base, nelp, width, cmp);
    if !found.is_null() {
        return found;
    }
    let dst = (base as *mut u8).add(*nelp * width);
    super::mem::memcpy(dst, key as *const u8, width);
    *nelp += 1;
    dst as *mut c_void
}

/// Queue element layout for `insque`/`remque`.
#[repr(C)]
struct QElem {
    next: *mut QElem,
    prev: *mut QElem,
}

/// C `insque`.
#[no_mangle]
pub unsafe extern "C" fn insque(element: *mut c_void, pred: *mut c_void) {
    let e = element as *mut QElem;
    let p = pred as *mut QElem;
    if p.is_null() {
        (*e).next = null_mut();
        (*e).prev = null_mut();
        return;
    }
    (*e).next = (*p).next;
    (*e).prev = p;
    (*p).next = e;
    if !(*e).next.is_null() {
        (*(*e).next).prev = e;
    }
}

/// C `remque`.
#[no_mangle]
pub unsafe extern "C" fn remque(element: *mut c_void) {
    let e = element as *mut QElem;
    if !(*e).next.is_null() {
        (*(*e).next).prev = (*e).prev;
    }
    if !(*e).prev.is_null() {
        (*(*e).prev).next = (*e).next;
    }
}

/// C `ENTRY`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Entry {
    pub(crate) key: *mut c_char,
    pub(crate) data: *mut c_void,
}

/// C `struct hsearch_data`: a pointer to our table.
#[repr(C)]
pub struct HsearchData {
    pub(crate) table: *mut Table,
    unused1: u32,
    unused2: u32,
}

/// An open-addressing table of entries, grown to stay under 3/4 full.
pub struct Table {
    entries: *mut Entry,
    mask: usize,
    used: usize,
}

fn keyhash(k: *const u8) -> usize {
    // SAFETY: k is a NUL-terminated key.
    let mut h: usize = 0;
    let mut p = k;
    unsafe {
        while *p != 0 {
            h = h.wrapping_mul(31).wrapping_add(*p as usize);
            p = p.add(1);
        }
    }
    h
}

unsafe fn alloc_entries(n: usize) -> *mut Entry {
    ext::calloc(n, core::mem::size_of::<Entry>()) as *mut Entry
}

unsafe fn lookup(t: &Table, key: *const c_char, h: usize) -> *mut Entry {
    let mut i = h & t.mask;
    let mut step = 1;
    loop {
        let e = t.entries.add(i);
        if (*e).key.is_null() || strcmp((*e).key, key) == 0 {
            return e;
        }
        i = (i + step) & t.mask;
        step += 1;
    }
}

unsafe fn resize(t: &mut Table, nel: usize) -> bool {
    let mut size = 8usize;
    let want = nel.min(usize::MAX / 4);
    while size < want + want / 3 + 1 {
        size *= 2;
    }
    let new = alloc_entries(size);
    if new.is_null() {
        return false;
    }
    let old = t.entries;
    let old_size = if old.is_null() { 0 } else { t.mask + 1 };
    t.entries = new;
    t.mask = size - 1;
    for i in 0..old_size {
        let e = *old.add(i);
        if !e.key.is_null() {
            *lookup(t, e.key, keyhash(e.key as *const u8)) = e;
        }
    }
    ext::free(old as *mut c_void);
    true
}

/// C `hcreate_r`.
#[no_mangle]
pub unsafe extern "C" fn hcreate_r(nel: usize, htab: *mut HsearchData) -> c_int {
    let t = ext::calloc(1, core::mem::size_of::<Table>()) as *mut Table;
    if t.is_null() {
        set_errno(errno::ENOMEM);
        return 0;
    }
    if !resize(&mut *t, nel) {
        ext::free(t as *mut c_void);
        set_errno(errno::ENOMEM);
        return 0;
    }
    (*htab).table = t;
    1
}

/// C `hdestroy_r`.
#[no_mangle]
pub unsafe extern "C" fn hdestroy_r(htab: *mut HsearchData) {
    let t = (*htab).table;
    if !t.is_null() {
        ext::free((*t).entries as *mut c_void);
        ext::free(t as *mut c_void);
    }
    (*htab).table = null_mut();
}

/// C `hsearch_r`: `action` 0 = FIND, 1 = ENTER (the `ENTRY` is passed by
/// reference, as the wasm C ABI passes structs).
#[no_mangle]
pub unsafe extern "C" fn hsearch_r(item: *const Entry, action: c_int, retval: *mut *mut Entry, htab: *mut HsearchData) -> c_int {
    let item = *item;
    let t = &mut *(*htab).table;
    let h = keyhash(item.key as *const u8);
    let e = lookup(t, item.key, h);
    if !(*e).key.is_null() {
        *retval = e;
        return 1;
    }
    if action == 0 {
        *retval = null_mut();
        set_errno(errno::ESRCH);
        return 0;
    }
    *e = item;
    t.used += 1;
    if t.used > t.mask - t.mask / 4 {
        if !resize(t, 2 * t.used) {
            t.used -= 1;
            (*e).key = null_mut();
            *retval = null_mut();
            set_errno(errno::ENOMEM);
            return 0;
        }
        *retval = lookup(t, item.key, h);
        return 1;
    }
    *retval = e;
    1
}

static mut GLOBAL_HTAB: HsearchData = HsearchData { table: null_mut(), unused1: 0, unused2: 0 };

/// C `hcreate`.
#[no_mangle]
pub unsafe extern "C" fn hcreate(nel: usize) -> c_int {
    hcreate_r(nel, core::ptr::addr_of_mut!(GLOBAL_HTAB))
}

/// C `hdestroy`.
#[no_mangle]
pub unsafe extern "C" fn hdestroy() {
    hdestroy_r(core::ptr::addr_of_mut!(GLOBAL_HTAB))
}

/// C `hsearch` (the `ENTRY` is passed by reference, as the wasm C ABI passes
/// structs).
#[no_mangle]
pub unsafe extern "C" fn hsearch(item: *const Entry, action: c_int) -> *mut Entry {
    let mut r = null_mut();
    hsearch_r(item, action, &mut r, core::ptr::addr_of_mut!(GLOBAL_HTAB));
    r
}
