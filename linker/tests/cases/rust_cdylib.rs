// link: rust
// rustflags: --crate-type cdylib
// expect-export: add func
// expect-export: greet_len func
// no-run: yes
#[no_mangle]
pub extern "C" fn add(a: i32, b: i32) -> i32 { a + b }
#[no_mangle]
pub extern "C" fn greet_len() -> usize { format!("hello {}", add(1, 2)).len() }
