//! The harness must be able to fail: two modules that behave differently,
//! run through the real runner and compared, are reported as different;
//! two that behave the same are not.

use conformance::compare::{compare, Observed};
use conformance::snapshot::Snapshot;
use wasip1_run::{RunConfig, Runner};

/// A module that prints `text` and exits with `code`.
fn module(text: &str, code: i32) -> String {
    format!(
        r#"(module
  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 100) "{text}")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 100)) (i32.store (i32.const 4) (i32.const {len}))
    (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (call $exit (i32.const {code}))))"#,
        text = text.replace('\n', "\\0a"),
        len = text.len()
    )
}

fn observe(runner: &Runner, wat: &str) -> Observed {
    let m = runner.compile(wat.as_bytes()).unwrap();
    let r = runner.run_module(&m, "prog.wasm", &RunConfig::default()).unwrap();
    Observed { outcome: r.outcome, stdout: r.stdout, stderr: r.stderr, combined: r.combined, tree: Snapshot::new() }
}

#[test]
fn different_behaviour_is_a_failure() {
    let runner = Runner::new().unwrap();
    let reference = observe(&runner, &module("same\n", 0));
    let same = observe(&runner, &module("same\n", 0));
    let different = observe(&runner, &module("diff\n", 1));
    assert!(compare(&reference, &same).is_empty());
    let mismatches = compare(&reference, &different);
    let shorts: Vec<&str> = mismatches.iter().map(|m| m.short.as_str()).collect();
    assert_eq!(
        shorts,
        ["exit status differs: got 1, reference 0", "stdout differs: line 1: got \"diff\\n\", reference \"same\\n\""]
    );
}

#[test]
fn harness_binary_rejects_unknown_filter() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_harness")).arg("no-such-program-xyz").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no test program matches"));
}
