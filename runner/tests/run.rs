//! Runner tests on tiny hand-written modules (WAT; wasmtime's `wat` feature
//! compiles text directly).

use std::time::Duration;
use wasip1_run::{Outcome, Preopen, RunConfig, Runner, StdinSource};

/// Writes "hello\n" to fd 1 and "oops\n" to fd 2, then returns.
const HELLO: &str = r#"(module
  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 100) "hello\n")
  (data (i32.const 200) "oops\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 100)) (i32.store (i32.const 4) (i32.const 6))
    (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (i32.store (i32.const 0) (i32.const 200)) (i32.store (i32.const 4) (i32.const 5))
    (drop (call $w (i32.const 2) (i32.const 0) (i32.const 1) (i32.const 8)))))"#;

/// Exits with argc * 10 + (number of environment variables).
const COUNTS: &str = r#"(module
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $a (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $e (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (drop (call $a (i32.const 0) (i32.const 4)))
    (drop (call $e (i32.const 8) (i32.const 12)))
    (call $exit (i32.add (i32.mul (i32.load (i32.const 0)) (i32.const 10)) (i32.load (i32.const 8))))))"#;

/// Copies stdin to stdout (up to 1000 bytes, one read).
const CAT: &str = r#"(module
  (import "wasi_snapshot_preview1" "fd_read" (func $r (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 100)) (i32.store (i32.const 4) (i32.const 1000))
    (drop (call $r (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 8)))
    (i32.store (i32.const 4) (i32.load (i32.const 8)))
    (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))"#;

/// Creates `made.txt` containing "x" in the first preopen (fd 3).
const MAKE_FILE: &str = r#"(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 100) "made.txt")
  (data (i32.const 200) "x")
  (func (export "_start") (local $err i32)
    ;; oflags CREAT=1, rights: fd_write (1<<6)
    (local.set $err (call $open (i32.const 3) (i32.const 0) (i32.const 100) (i32.const 8)
      (i32.const 1) (i64.const 64) (i64.const 0) (i32.const 0) (i32.const 16)))
    (if (local.get $err) (then (call $exit (i32.add (i32.const 50) (local.get $err)))))
    (i32.store (i32.const 0) (i32.const 200)) (i32.store (i32.const 4) (i32.const 1))
    (drop (call $w (i32.load (i32.const 16)) (i32.const 0) (i32.const 1) (i32.const 8)))))"#;

const TRAP: &str = r#"(module (memory (export "memory") 1) (func (export "_start") unreachable))"#;
const SPIN: &str = r#"(module (memory (export "memory") 1) (func (export "_start") (loop (br 0))))"#;
const BAD_EXIT: &str = r#"(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (func (export "_start") (call $exit (i32.const 200))))"#;

fn run(wat: &str, cfg: &RunConfig) -> wasip1_run::RunResult {
    let runner = wasip1_run::shared().unwrap();
    let module = runner.compile(wat.as_bytes()).unwrap();
    runner.run_module(&module, "test.wasm", cfg).unwrap()
}

#[test]
fn captures_stdout_and_stderr_and_exit_zero() {
    let r = run(HELLO, &RunConfig::default());
    assert_eq!(r.outcome, Outcome::Exit(0));
    assert_eq!(r.stdout, b"hello\n");
    assert_eq!(r.stderr, b"oops\n");
    assert_eq!(r.combined, b"hello\noops\n", "both streams in write order");
}

#[test]
fn passes_args_and_env_and_proc_exit_status() {
    let cfg = RunConfig {
        args: vec!["a".into(), "b".into()],
        env: vec![("X".into(), "1".into()), ("Y".into(), "2".into())],
        ..RunConfig::default()
    };
    // argv = [test.wasm, a, b] → 3*10 + 2 env vars.
    assert_eq!(run(COUNTS, &cfg).outcome, Outcome::Exit(32));
}

#[test]
fn feeds_stdin_bytes() {
    let cfg = RunConfig { stdin: StdinSource::Bytes(b"from stdin".to_vec()), ..RunConfig::default() };
    assert_eq!(run(CAT, &cfg).stdout, b"from stdin");
    assert_eq!(run(CAT, &RunConfig::default()).stdout, b"", "closed stdin reads as EOF");
}

#[test]
fn preopens_a_directory() {
    let dir = std::env::temp_dir().join(format!("wasip1-run-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let cfg = RunConfig { preopens: vec![Preopen { host: dir.clone(), guest: "/sandbox".into() }], ..RunConfig::default() };
    let r = run(MAKE_FILE, &cfg);
    let made = std::fs::read(dir.join("made.txt"));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(r.outcome, Outcome::Exit(0));
    assert_eq!(made.unwrap(), b"x");
}

#[test]
fn reports_traps_and_bad_exits_as_traps() {
    match run(TRAP, &RunConfig::default()).outcome {
        Outcome::Trap(msg) => assert!(msg.contains("unreachable"), "{msg}"),
        other => panic!("expected a trap, got {other:?}"),
    }
    match run(BAD_EXIT, &RunConfig::default()).outcome {
        Outcome::Trap(msg) => assert!(msg.contains("exit status"), "{msg}"),
        other => panic!("expected a trap, got {other:?}"),
    }
}

#[test]
fn times_out_endless_loops() {
    let cfg = RunConfig { timeout: Some(Duration::from_millis(200)), ..RunConfig::default() };
    match run(SPIN, &cfg).outcome {
        Outcome::Trap(msg) => assert!(msg.starts_with("timeout"), "{msg}"),
        other => panic!("expected a timeout, got {other:?}"),
    }
}

#[test]
fn missing_imports_and_start_are_errors_not_crashes() {
    let runner = Runner::new().unwrap();
    let m = runner.compile(br#"(module (import "env" "nope" (func)) (func (export "_start")))"#).unwrap();
    assert!(runner.run_module(&m, "x", &RunConfig::default()).is_err());
    let m = runner.compile(br#"(module (memory (export "memory") 1))"#).unwrap();
    let err = runner.run_module(&m, "x", &RunConfig::default()).unwrap_err();
    assert!(err.to_string().contains("_start"));
    assert!(runner.compile(b"garbage").is_err());
}

#[test]
fn preopen_spec_parsing() {
    assert_eq!(Preopen::parse("/tmp::/sandbox").unwrap(), Preopen { host: "/tmp".into(), guest: "/sandbox".into() });
    assert_eq!(Preopen::parse("data").unwrap(), Preopen { host: "data".into(), guest: "data".into() });
    assert!(Preopen::parse("::x").is_err());
}

/// The binary: exit statuses and inherited stdout.
#[test]
fn binary_exit_statuses() {
    let dir = std::env::temp_dir().join(format!("wasip1-run-bin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bin = env!("CARGO_BIN_EXE_wasip1-run");
    let write = |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let hello = write("hello.wat", HELLO);
    let counts = write("counts.wat", COUNTS);
    let trap = write("trap.wat", TRAP);
    let out = std::process::Command::new(bin).arg(&hello).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, b"hello\n");
    let out = std::process::Command::new(bin).args(["--env", "K=V"]).arg(&counts).arg("x").output().unwrap();
    assert_eq!(out.status.code(), Some(21));
    let out = std::process::Command::new(bin).arg(&trap).output().unwrap();
    assert_eq!(out.status.code(), Some(wasip1_run::TRAP_EXIT_STATUS));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("wasip1-run: trap: "));
    let out = std::process::Command::new(bin).arg(dir.join("missing.wasm")).output().unwrap();
    assert_eq!(out.status.code(), Some(wasip1_run::RUNNER_ERROR_EXIT_STATUS));
    let out = std::process::Command::new(bin).output().unwrap();
    assert_eq!(out.status.code(), Some(wasip1_run::RUNNER_ERROR_EXIT_STATUS));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A reactor: `_initialize` stores 5; `get` returns it + 1; `nothing` is () -> ().
const REACTOR: &str = r#"(module
  (memory (export "memory") 1)
  (func (export "_initialize") (i32.store (i32.const 0) (i32.const 5)))
  (func (export "get") (result i32) (i32.add (i32.load (i32.const 0)) (i32.const 1)))
  (func (export "nothing")))"#;

#[test]
fn invokes_reactor_exports_after_initialize() {
    let with = |name: &str| RunConfig { invoke: Some(name.into()), ..RunConfig::default() };
    assert_eq!(run(REACTOR, &with("get")).outcome, Outcome::Exit(6));
    assert_eq!(run(REACTOR, &with("nothing")).outcome, Outcome::Exit(0));
    let runner = wasip1_run::shared().unwrap();
    let m = runner.compile(REACTOR.as_bytes()).unwrap();
    assert!(runner.run_module(&m, "r.wasm", &with("missing")).unwrap_err().to_string().contains("missing"));
    // Without --invoke a reactor is not a command.
    assert!(runner.run_module(&m, "r.wasm", &RunConfig::default()).is_err());
}
