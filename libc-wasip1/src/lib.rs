//! libc-wasip1: wasi-libc's ABI, reimplemented in Rust over the raw
//! `wasi_snapshot_preview1` imports.
//!
//! Layout: `wasi/` is the one place that imports WASI; `posix/` is the bottom
//! half (POSIX over WASI, one module per header); `header/` is the top half
//! (string, stdio, ctype, stdlib conversions ...); `varargs` reads wasm's C
//! variadic argument buffers.
#![no_std]

mod header;
mod varargs;
