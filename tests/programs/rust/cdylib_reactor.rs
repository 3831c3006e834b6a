// A Rust `cdylib` (reactor): `_initialize`, then the exported `run`,
// whose result is compared as the exit status. Uses std (heap, println,
// env) from a reactor.
// reactor: run
// env: WHO=cdylib
use std::collections::BTreeMap;

#[no_mangle]
pub extern "C" fn run() -> i32 {
    let who = std::env::var("WHO").unwrap_or_default();
    let mut m = BTreeMap::new();
    for w in "the cat and the hat and the bat".split(' ') {
        *m.entry(w).or_insert(0) += 1;
    }
    println!("hello from the {who}: {m:?}");
    m.len() as i32
}

#[no_mangle]
pub extern "C" fn add(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}

#[no_mangle]
pub extern "C" fn scale(x: f64) -> f64 {
    x * 2.5
}
