// Rust calling libc directly (extern "C"): printf/snprintf/strtod/qsort/
// getenv/fflush, mixed with std's own stdout writes.
// env: FROM_ENV=set for ffi
use std::ffi::{c_char, c_double, c_int, c_void, CStr};

extern "C" {
    fn printf(fmt: *const c_char, ...) -> c_int;
    fn snprintf(buf: *mut c_char, n: usize, fmt: *const c_char, ...) -> c_int;
    fn strtod(s: *const c_char, end: *mut *mut c_char) -> c_double;
    fn strlen(s: *const c_char) -> usize;
    fn getenv(name: *const c_char) -> *mut c_char;
    fn qsort(base: *mut c_void, n: usize, size: usize, cmp: extern "C" fn(*const c_void, *const c_void) -> c_int);
    fn fflush(stream: *mut c_void) -> c_int;
    fn abs(x: c_int) -> c_int;
}

extern "C" fn cmp_i32(a: *const c_void, b: *const c_void) -> c_int {
    let (a, b) = unsafe { (*(a as *const i32), *(b as *const i32)) };
    a.cmp(&b) as c_int
}

fn main() {
    unsafe {
        printf(c"printf from Rust: %d %s %.3f\n".as_ptr(), 42 as c_int, c"cstr".as_ptr(), 2.5f64);
        fflush(std::ptr::null_mut());
        println!("std println after fflush(NULL)");
        let mut buf = [0 as c_char; 64];
        let n = snprintf(buf.as_mut_ptr(), buf.len(), c"%05d|%-6s|%x".as_ptr(), 42 as c_int, c"ab".as_ptr(), 255 as c_int);
        println!("snprintf -> {n}: {}", CStr::from_ptr(buf.as_ptr()).to_string_lossy());
        let mut end: *mut c_char = std::ptr::null_mut();
        let text = c"  6.25e2rest";
        let v = strtod(text.as_ptr(), &mut end);
        println!("strtod = {v}, consumed {}", end.offset_from(text.as_ptr()));
        println!("strlen = {}", strlen(c"seven!!".as_ptr()));
        let e = getenv(c"FROM_ENV".as_ptr());
        println!("getenv = {:?}", (!e.is_null()).then(|| CStr::from_ptr(e).to_string_lossy().into_owned()));
        let mut xs = [5i32, -3, 9, 0, 2];
        qsort(xs.as_mut_ptr().cast(), xs.len(), 4, cmp_i32);
        println!("qsort = {xs:?}, abs(-9) = {}", abs(-9));
        printf(c"buffered printf, flushed at exit\n".as_ptr());
    }
    println!("std println last");
}
