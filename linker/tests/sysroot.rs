//! Sysroot handling: `--sysroot`, `WASIP1_SYSROOT`, crt1-command.o added
//! when nothing defines `_start`, `-lc` falling back to the sysroot's libc.a.

mod common;

use common::*;
use std::path::Path;
use std::process::Command;

const MAIN_C: &str = "#include <stdio.h>\nint main(void) { puts(\"from main\"); return 7; }\n";

/// A C object with `main` (no crt1), compiled by clang-19.
fn main_object(dir: &Path) -> Result<std::path::PathBuf, String> {
    let src = dir.join("main.c");
    std::fs::write(&src, MAIN_C).map_err(|e| e.to_string())?;
    Ok(compile_c(&[src], dir)?.remove(0))
}

fn run_ld(dir: &Path, args: &[&str], env: Option<&Path>) -> (i32, String) {
    let mut cmd = Command::new(ld());
    cmd.args(args).current_dir(dir).env_remove("WASIP1_SYSROOT");
    if let Some(e) = env {
        cmd.env("WASIP1_SYSROOT", e);
    }
    let o = cmd.output().expect("wasip1-ld runs");
    (o.status.code().unwrap_or(-1), String::from_utf8_lossy(&o.stderr).into_owned())
}

fn check_runs(path: &Path) {
    let bytes = std::fs::read(path).expect("output exists");
    validate(&bytes).expect("valid");
    let r = run_wasm(path, &[], &[]).expect("runs");
    assert_eq!(r.stdout, "from main\n");
    assert_eq!(r.outcome, "Exit(7)");
}

#[test]
fn sysroot_flag_adds_crt1_and_libc() {
    let dir = scratch("sys-flag");
    let obj = main_object(&dir).unwrap_or_else(|e| panic!("{e}"));
    let sys = reference_sysroot().unwrap_or_else(|e| panic!("{e}"));
    let sys_arg = format!("--sysroot={}", sys.display());
    let (code, err) = run_ld(&dir, &[obj.to_str().unwrap_or_default(), "-lc", &sys_arg, "-o", "out.wasm"], None);
    assert_eq!(code, 0, "{err}");
    check_runs(&dir.join("out.wasm"));
}

#[test]
fn sysroot_env_var() {
    let dir = scratch("sys-env");
    let obj = main_object(&dir).unwrap_or_else(|e| panic!("{e}"));
    let sys = reference_sysroot().unwrap_or_else(|e| panic!("{e}"));
    let (code, err) = run_ld(&dir, &[obj.to_str().unwrap_or_default(), "-lc", "-o", "out.wasm"], Some(&sys));
    assert_eq!(code, 0, "{err}");
    check_runs(&dir.join("out.wasm"));
}

#[test]
fn missing_sysroot_is_a_clear_error() {
    let dir = scratch("sys-missing");
    let obj = main_object(&dir).unwrap_or_else(|e| panic!("{e}"));
    let (code, err) = run_ld(&dir, &[obj.to_str().unwrap_or_default(), "-lc", "--sysroot=/nonexistent", "-o", "out.wasm"], None);
    assert_eq!(code, 1);
    assert!(err.contains("/nonexistent/lib/wasm32-wasip1/libc.a"), "{err}");
    assert!(!dir.join("out.wasm").exists());
}

#[test]
fn explicit_crt_is_not_added_twice() {
    let dir = scratch("sys-explicit");
    let obj = main_object(&dir).unwrap_or_else(|e| panic!("{e}"));
    let sys = reference_sysroot().unwrap_or_else(|e| panic!("{e}"));
    let crt = sys.join("lib/wasm32-wasip1/crt1-command.o");
    let sys_arg = format!("--sysroot={}", sys.display());
    let args = [crt.to_str().unwrap_or_default(), obj.to_str().unwrap_or_default(), "-lc", &sys_arg, "-o", "out.wasm"];
    let (code, err) = run_ld(&dir, &args, None);
    assert_eq!(code, 0, "{err}");
    check_runs(&dir.join("out.wasm"));
}

#[test]
fn no_entry_reactor() {
    let dir = scratch("sys-reactor");
    let src = dir.join("lib.c");
    std::fs::write(&src, "int add(int a, int b) { return a + b; }\n").expect("write");
    let obj = compile_c(&[src], &dir).unwrap_or_else(|e| panic!("{e}")).remove(0);
    let (code, err) = run_ld(&dir, &["--no-entry", "--export=add", obj.to_str().unwrap_or_default(), "-o", "out.wasm"], None);
    assert_eq!(code, 0, "{err}");
    let bytes = std::fs::read(dir.join("out.wasm")).expect("output");
    validate(&bytes).expect("valid");
    let (imports, exports) = interface(&bytes).expect("parse");
    assert!(imports.is_empty(), "{imports:?}");
    let exports: Vec<_> = exports.into_iter().filter(|e| !e.starts_with('(')).collect();
    assert_eq!(exports, vec!["add func".to_string(), "memory memory".to_string()]);
}

#[test]
fn embedded_sysroot_links_rust_std() {
    // The copy embedded at build time (target/sysroot present when wasip1-ld was built).
    let own = own_sysroot().unwrap_or_else(|e| panic!("{e}"));
    assert!(own.join("lib/wasm32-wasip1/crt1-command.o").is_file());
    let dir = scratch("sys-embedded");
    let src = dir.join("main.rs");
    std::fs::write(&src, "fn main() { let v: Vec<String> = std::env::args().collect(); println!(\"embedded {}\", v.len()); std::process::exit(4) }\n")
        .expect("write");
    let out = dir.join("main.wasm");
    let mut cmd = Command::new("rustc");
    cmd.args(["--target", "wasm32-wasip1", "-O"]).arg(&src).arg("-o").arg(&out);
    cmd.arg(format!("-Clinker={}", ld().display())).arg("-Clink-self-contained=no").env_remove("WASIP1_SYSROOT");
    let o = cmd.output().expect("rustc runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let r = run_wasm(&out, &["x".into()], &[]).expect("runs");
    assert_eq!(r.stdout, "embedded 2\n");
    assert_eq!(r.outcome, "Exit(4)");
}
