//! The large real link: bench/bigapp (a program with tens of crates.io
//! dependencies), captured with rust-lld's `--reproduce` in debug and
//! release, linked again from the same inputs by wasip1-ld and by rust-lld;
//! both modules must run with identical exit status, stdout and stderr.
use bench::{capture, workspace_root};
use std::path::Path;
use std::process::Command;

fn link(program: &Path, flavor: bool, input: &capture::Input, out: &Path) {
    let mut cmd = Command::new(program);
    if flavor {
        cmd.args(["-flavor", "wasm"]);
    }
    let res = cmd
        .arg(format!("@{}", input.response.display()))
        .arg("-o")
        .arg(out)
        .current_dir(&input.dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", program.display()));
    assert!(
        res.status.success(),
        "{} failed: {}",
        program.display(),
        String::from_utf8_lossy(&res.stderr)
    );
}

fn run(module: &Path) -> (Option<i32>, String, String) {
    let runner = workspace_root().join("target/release/wasip1-run");
    let res = Command::new(&runner)
        .arg(module)
        .args(["--records", "120", "grüße", "aus", "wasm"])
        .output()
        .unwrap_or_else(|e| panic!("cannot run {} (make build): {e}", runner.display()));
    (
        res.status.code(),
        String::from_utf8_lossy(&res.stdout).into_owned(),
        String::from_utf8_lossy(&res.stderr).into_owned(),
    )
}

fn check(profile: &str) {
    let root = workspace_root();
    let ours = root.join("target/release/wasip1-ld");
    assert!(ours.exists(), "{} is missing: run `make build`", ours.display());
    let input = capture::ensure_input(&root, profile).expect("capturing bigapp's link");
    let rust_lld = capture::rustc_sysroot()
        .expect("rustc sysroot")
        .join("lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld");
    let by_us = input.dir.join("test-wasip1-ld.wasm");
    let by_lld = input.dir.join("test-rust-lld.wasm");
    link(&ours, true, &input, &by_us);
    link(&rust_lld, true, &input, &by_lld);
    let bytes = std::fs::read(&by_us).expect("output written");
    wasmparser::Validator::new().validate_all(&bytes).expect("wasip1-ld's output validates");
    let reference = run(&by_lld);
    assert_eq!(reference.0, Some(0), "the reference build must run: {}", reference.2);
    assert!(reference.1.contains("records round-tripped"), "unexpected reference output: {}", reference.1);
    assert_eq!(run(&by_us), reference, "{profile}: wasip1-ld's module behaves differently");
}

#[test]
fn bigapp_release_links_and_runs_like_rust_lld() {
    check("release");
}

#[test]
fn bigapp_debug_links_and_runs_like_rust_lld() {
    check("debug");
}
