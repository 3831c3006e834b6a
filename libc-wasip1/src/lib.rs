//! libc-wasip1: wasi-libc's ABI, reimplemented in Rust over the raw
//! `wasi_snapshot_preview1` imports.
//!
//! Layout: `wasi/` is the one place that imports WASI; `posix/` is the bottom
//! half (POSIX over WASI, one module per header); `header/` is the top half
//! (string, stdio, ctype, stdlib conversions ...); `varargs` reads wasm's C
//! variadic argument buffers. `errno`, `malloc` and `preopens` are the
//! bottom half's shared state.
//!
//! Symbols that must be overridable or pulled in only on demand are not in
//! this crate but in `members/` (compiled to separate archive members by
//! `xtask sysroot`): `__main_void` (a C program may define its own) and the
//! `environ` data symbol with its eager-initialization constructor.
#![no_std]
#![allow(clippy::missing_safety_doc)]

mod cstr;
pub mod errno;
pub mod malloc;
mod panic;
pub mod posix;
pub mod preopens;
pub mod wasi;

mod header;
mod varargs;
