//! A real C code base: zlib, compiled from source by libz-sys's static build
//! (the `cc` crate driving clang-19 against wasi-libc's headers) and driven by
//! a Rust program through flate2 (tests/real/zlib-driver). Built with cargo in
//! the four cells of the harness and run; every cell must behave exactly as
//! the reference (rust-lld + wasi-libc).
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

/// A sysroot that clang (for `--target=wasm32-wasip1`, as the cc crate asks)
/// and wasip1-ld (`--sysroot`, wasi-libc's files) understand.
fn make_link_dirs(root: &Path) -> (PathBuf, PathBuf) {
    let base = root.join("target/real");
    let c_sysroot = base.join("c-sysroot");
    let ref_sysroot = base.join("ref-sysroot");
    let rust_libdir = PathBuf::from(
        String::from_utf8(Command::new("rustc").args(["--print", "sysroot"]).output().unwrap().stdout)
            .unwrap()
            .trim(),
    )
    .join("lib/rustlib/wasm32-wasip1/lib/self-contained");
    for (link, target) in [
        (c_sysroot.join("include/wasm32-wasip1"), PathBuf::from("/usr/include/wasm32-wasi")),
        (c_sysroot.join("lib/wasm32-wasip1"), PathBuf::from("/usr/lib/wasm32-wasi")),
        (ref_sysroot.join("lib/wasm32-wasip1"), rust_libdir),
    ] {
        std::fs::create_dir_all(link.parent().unwrap()).unwrap();
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink(&target, &link).unwrap();
    }
    (c_sysroot, ref_sysroot)
}

fn build(root: &Path, cell: &str, rustflags: &str, c_sysroot: &Path) -> PathBuf {
    let target_dir = root.join("target/real").join(cell);
    let status = Command::new("cargo")
        .args(["build", "--quiet", "--release", "--target", "wasm32-wasip1"])
        .current_dir(root.join("tests/real/zlib-driver"))
        .env("CARGO_TARGET_DIR", &target_dir)
        .env("RUSTFLAGS", rustflags)
        .env("CC_wasm32_wasip1", "clang-19")
        .env("AR_wasm32_wasip1", "llvm-ar-19")
        .env("CFLAGS_wasm32_wasip1", format!("--sysroot={}", c_sysroot.display()))
        .env("LIBZ_SYS_STATIC", "1")
        .status()
        .expect("cargo runs (and clang-19: `make setup`)");
    assert!(status.success(), "building zlib-driver in cell {cell} failed");
    target_dir.join("wasm32-wasip1/release/zlib-driver.wasm")
}

fn run(root: &Path, module: &Path) -> (Option<i32>, String, String) {
    let out = Command::new(root.join("target/release/wasip1-run"))
        .arg(module)
        .output()
        .expect("target/release/wasip1-run exists (`make build`)");
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

#[test]
fn zlib_from_source_runs_the_same_in_every_cell() {
    let root = root();
    let (c_sysroot, ref_sysroot) = make_link_dirs(&root);
    let ld = root.join("target/release/wasip1-ld");
    let ours = root.join("target/sysroot/lib/wasm32-wasip1");
    let cells = [
        ("ref", String::new()),
        (
            "wasm-ld+ours",
            format!(
                "-Clink-self-contained=no -Clink-arg=-L{} -Clink-arg={}",
                ours.display(),
                ours.join("crt1-command.o").display()
            ),
        ),
        (
            "wasip1-ld+wasi-libc",
            format!(
                "-Clinker={} -Clink-self-contained=no -Clink-arg=--sysroot={}",
                ld.display(),
                ref_sysroot.display()
            ),
        ),
        ("product", format!("-Clinker={} -Clink-self-contained=no", ld.display())),
    ];
    let mut results = Vec::new();
    for (cell, flags) in &cells {
        let module = build(&root, cell, flags, &c_sysroot);
        results.push((cell, run(&root, &module)));
    }
    let reference = &results[0].1;
    assert_eq!(reference.0, Some(0), "reference run failed: {}", reference.2);
    assert!(reference.1.contains("zlib version 1."), "unexpected reference output:\n{}", reference.1);
    let mut failed = Vec::new();
    for (cell, result) in &results[1..] {
        if result != reference {
            failed.push(format!("{cell}: got {result:?}"));
        }
    }
    assert!(failed.is_empty(), "cells differ from the reference {reference:?}:\n{}", failed.join("\n"));
}
