//! Start files for wasm32-wasip1 (checked as one crate; built one file each).
//!
//! `xtask sysroot` compiles `crt1_command.rs` and `crt1_reactor.rs` on their
//! own with `rustc --emit=obj`, which gives the relocatable objects
//! `crt1-command.o` and `crt1-reactor.o`.
#![no_std]

#[path = "crt1_command.rs"]
pub mod command;
#[path = "crt1_reactor.rs"]
pub mod reactor;
