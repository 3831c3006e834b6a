//! A Rust program that calls C code (stats.c), which itself uses the libc.
use std::ffi::{c_char, c_int, CStr};

extern "C" {
    fn summarize(values: *mut c_int, count: usize, out: *mut c_char, out_len: usize) -> c_int;
}

fn main() {
    let mut values: Vec<c_int> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    if values.is_empty() {
        values = vec![42, 7, 19, 3, 88, 23];
    }
    println!("Rust passes {} values to C: {values:?}", values.len());
    let mut out = [0 as c_char; 128];
    let written = unsafe { summarize(values.as_mut_ptr(), values.len(), out.as_mut_ptr(), out.len()) };
    let summary = unsafe { CStr::from_ptr(out.as_ptr()) }.to_string_lossy();
    println!("C sorted them: {values:?}");
    println!("C says ({written} bytes): {summary}");
}
