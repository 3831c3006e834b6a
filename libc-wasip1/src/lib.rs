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
//!
//! How it becomes `libc.a` (see `xtask/src/sysroot.rs`): the crate is one
//! LTO object, so only `#[no_mangle]` symbols stay global; xtask drops the
//! staticlib's compiler_builtins members, marks every definition weak (a
//! program may define its own `malloc`, `getline`, ... exactly as it can
//! with wasi-libc's one-member-per-file archive), adds the `members/`
//! objects and writes a GNU archive with a symbol index.
//!
//! Behaviour is wasi-libc's, checked two ways: `xtask check` compares every
//! function's wasm type with rustup's wasi-libc `libc.a`, and `xtask
//! difftest` runs `tests/bottom/*` against both libcs and diffs the output.
#![no_std]
#![allow(clippy::missing_safety_doc)]

mod cstr;
pub mod complex;
pub mod errno;
pub mod fenv;
pub mod malloc;
pub mod math;
pub mod math_ld;
mod panic;
pub mod posix;
pub mod preopens;
pub mod wasi;

mod header;
mod varargs;
#[cfg(feature = "layout-table")]
mod abi_layout;
