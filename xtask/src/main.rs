//! `xtask`: host tool that builds and checks the wasm32-wasip1 sysroot.
//!
//! * `cargo run --release -p xtask -- sysroot` builds `libc-wasip1` and the
//!   start files and writes `target/sysroot/lib/wasm32-wasip1/`.
//! * `cargo run --release -p xtask -- check` compares the built `libc.a`
//!   with what Rust's std needs and with the reference wasi-libc `libc.a`
//!   (symbol presence and WebAssembly function types).
//! * `cargo run --release -p xtask -- difftest` runs the programs of
//!   `libc-wasip1/tests/bottom` with our libc and with wasi-libc and
//!   compares their output.

mod archive;
mod check;
mod difftest;
mod layout;
mod sysroot;
mod wasmobj;
mod weaken;

use anyhow::{bail, Result};
use std::path::PathBuf;

/// The repository root (xtask lives in `<root>/xtask`).
fn repo_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

fn usage() -> &'static str {
    "usage: xtask <command>\n\
     commands:\n  \
     sysroot   build target/sysroot/lib/wasm32-wasip1 (libc.a, crt1*.o, empty libm.a ...)\n  \
     check     check libc.a against Rust std's needs and the reference libc.a's types\n  \
     difftest [NAME...]  run libc-wasip1/tests/bottom (or the programs whose name\n                contains NAME) against our libc and wasi-libc, compare outputs\n  \
     layout    check struct layouts and constants against wasi-libc's headers (tests/layout)\n"
}

fn main() {
    if let Err(e) = run() {
        eprintln!("xtask: error: {e:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = repo_root();
    match args.first().map(String::as_str) {
        Some("sysroot") => sysroot::build(&root),
        Some("check") => check::run(&root, &args[1..]),
        Some("difftest") => difftest::run_all(&root, &args[1..]),
        Some("layout") => layout::run(&root),
        Some("-h") | Some("--help") | None => {
            print!("{}", usage());
            Ok(())
        }
        Some(other) => bail!("unknown command `{other}`\n{}", usage()),
    }
}
