//! `long double` (IEEE binary128 on wasm32) text conversions, exact:
//! `printf`'s `%L[aefg]` ([`print`]) and `strtold`/`scanf`'s `%L[aefg]`
//! ([`parse`]), over a small fixed-capacity big integer ([`big`]) and an
//! exact decimal expansion ([`decimal`]).
//!
//! The code is plain `core` Rust with no libc state, so the host test
//! `tests/tests/ld128.rs` compiles these same files and checks them there.

pub mod big;
pub mod decimal;
pub mod parse;
pub mod print;
