//! Shared pieces of the link benchmark and of the large-link test: capturing
//! bench/bigapp's links with `--reproduce`, and measuring a linker run.
pub mod capture;
pub mod measure;

use std::path::{Path, PathBuf};

/// The repository root (the parent of `bench/`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("bench/ has a parent").to_path_buf()
}
