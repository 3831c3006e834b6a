//! `conformance`: the differential harness.
//!
//! Every program under `tests/programs/{c,rust}/` is built in four cells,
//! {reference linker, wasip1-ld} × {wasi-libc, libc-wasip1}, each module is
//! validated and import-checked, run under `wasip1_run` with a fresh sandbox
//! directory, and compared with the reference cell (exit status or trap,
//! stdout, stderr, sandbox tree). See `tests/README.md`.

pub mod cells;
pub mod check;
pub mod compare;
pub mod directives;
pub mod dwarf;
pub mod env;
pub mod known;
pub mod program;
pub mod report;
pub mod run;
pub mod snapshot;
pub mod structure;
pub mod tool;

use std::path::PathBuf;

/// Repository root (this crate lives in `<root>/tests`).
pub fn repo_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

/// `tests/programs`.
pub fn programs_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("programs")
}
