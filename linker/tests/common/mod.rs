//! Helpers shared by the linker's integration tests: finding tools, building
//! a reference sysroot, compiling test sources, linking with both linkers,
//! validating and running modules.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The wasip1-ld binary built by cargo for these tests.
pub fn ld() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_wasip1-ld"))
}

/// A fresh scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wasip1-ld-tests-{}", std::process::id())).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    dir
}

/// Checks that a tool exists; the message says how to install it.
pub fn require(tool: &str) -> Result<(), String> {
    match Command::new(tool).arg("--version").output() {
        Ok(o) if o.status.success() => Ok(()),
        _ => Err(format!("{tool} is required for this test but was not found; install it with `make setup`")),
    }
}

/// Runs a command, returning its output or a readable error.
pub fn run_cmd(cmd: &mut Command) -> Result<Output, String> {
    cmd.output().map_err(|e| format!("cannot run {:?}: {e}", cmd.get_program()))
}

/// `rustc --print sysroot`.
pub fn rust_sysroot() -> Result<PathBuf, String> {
    let o = run_cmd(Command::new("rustc").args(["--print", "sysroot"]))?;
    Ok(PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()))
}

/// A sysroot directory whose lib/wasm32-wasip1 holds Rust's self-contained
/// wasi-libc (libc.a, crt1-command.o, crt1-reactor.o), built once.
pub fn reference_sysroot() -> Result<PathBuf, String> {
    static DIR: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    DIR.get_or_init(|| {
        let src = rust_sysroot()?.join("lib/rustlib/wasm32-wasip1/lib/self-contained");
        if !src.join("libc.a").is_file() {
            return Err("the wasm32-wasip1 Rust target is required; install it with `make setup`".into());
        }
        let dir = std::env::temp_dir().join(format!("wasip1-ld-refsys-{}", std::process::id()));
        let lib = dir.join("lib/wasm32-wasip1");
        std::fs::create_dir_all(&lib).map_err(|e| e.to_string())?;
        for f in ["libc.a", "crt1-command.o", "crt1-reactor.o"] {
            std::fs::copy(src.join(f), lib.join(f)).map_err(|e| format!("copying {f}: {e}"))?;
        }
        Ok(dir)
    })
    .clone()
}

/// Compiles and links a Rust program; `linker` None means rustc's default (rust-lld).
pub fn build_rust(src: &Path, out: &Path, linker: Option<&[String]>) -> Result<Output, String> {
    build_rust_flags(src, out, linker, &[])
}

/// `build_rust` with extra rustc flags (e.g. `--crate-type cdylib`).
pub fn build_rust_flags(src: &Path, out: &Path, linker: Option<&[String]>, rustflags: &[String]) -> Result<Output, String> {
    let mut cmd = Command::new("rustc");
    cmd.args(["--target", "wasm32-wasip1", "-O", "--edition", "2021"]).args(rustflags).arg(src).arg("-o").arg(out);
    if let Some(extra) = linker {
        cmd.arg(format!("-Clinker={}", ld().display())).arg("-Clink-self-contained=no");
        for a in extra {
            cmd.arg(format!("-Clink-arg={a}"));
        }
    }
    run_cmd(&mut cmd)
}

/// Like `build_rust` with wasip1-ld, with extra environment for the linker.
pub fn build_rust_env(src: &Path, out: &Path, extra: &[String], env: &[(&str, &Path)]) -> Result<Output, String> {
    let mut cmd = Command::new("rustc");
    cmd.args(["--target", "wasm32-wasip1", "-O", "--edition", "2021"]).arg(src).arg("-o").arg(out);
    cmd.arg(format!("-Clinker={}", ld().display())).arg("-Clink-self-contained=no");
    for a in extra {
        cmd.arg(format!("-Clink-arg={a}"));
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    run_cmd(&mut cmd)
}

/// The project's sysroot (target/sysroot), built by xtask.
pub fn own_sysroot() -> Result<PathBuf, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/sysroot");
    if dir.join("lib/wasm32-wasip1/libc.a").is_file() {
        Ok(dir)
    } else {
        Err("target/sysroot is missing; build it with `cargo run --release -p xtask -- sysroot`".into())
    }
}

/// Compiles C sources to objects with clang-19 against Debian's wasi-libc.
pub fn compile_c(srcs: &[PathBuf], dir: &Path) -> Result<Vec<PathBuf>, String> {
    compile_c_flags(srcs, dir, &["-O2".to_string()])
}

/// Compiles C sources with explicit compiler flags.
pub fn compile_c_flags(srcs: &[PathBuf], dir: &Path, flags: &[String]) -> Result<Vec<PathBuf>, String> {
    require("clang-19")?;
    let mut objs = Vec::new();
    for s in srcs {
        let obj = dir.join(s.file_name().unwrap_or_default()).with_extension("o");
        let o = run_cmd(Command::new("clang-19").args(["--target=wasm32-wasi", "--sysroot=/usr", "-c"]).args(flags).arg(s).arg("-o").arg(&obj))?;
        if !o.status.success() {
            return Err(format!("clang-19 failed on {}: {}", s.display(), String::from_utf8_lossy(&o.stderr)));
        }
        objs.push(obj);
    }
    Ok(objs)
}

/// Links C objects through the clang-19 driver with `linker` (an absolute path) as the linker.
pub fn link_c(objs: &[PathBuf], out: &Path, linker: &Path, ld_flags: &[String]) -> Result<Output, String> {
    link_c_driver(objs, out, linker, ld_flags, &[])
}

/// Links C objects with extra clang driver flags (e.g. `-mexec-model=reactor`).
pub fn link_c_driver(objs: &[PathBuf], out: &Path, linker: &Path, ld_flags: &[String], driver: &[String]) -> Result<Output, String> {
    let mut cmd = Command::new("clang-19");
    cmd.args(["--target=wasm32-wasi", "--sysroot=/usr", "-O2"]).args(driver).arg(format!("-fuse-ld={}", linker.display()));
    cmd.args(objs).arg("-o").arg(out);
    for f in ld_flags {
        cmd.arg(format!("-Wl,{f}"));
    }
    run_cmd(&mut cmd)
}

/// The absolute path of wasm-ld-19.
pub fn wasm_ld() -> Result<PathBuf, String> {
    require("wasm-ld-19")?;
    let o = run_cmd(Command::new("sh").args(["-c", "command -v wasm-ld-19"]))?;
    Ok(PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()))
}

/// Validates a module with wasmparser's default features.
pub fn validate(bytes: &[u8]) -> Result<(), String> {
    wasmparser::Validator::new().validate_all(bytes).map(|_| ()).map_err(|e| format!("invalid module: {e}"))
}

/// (kind, module, name) of every import, and (kind, name) of every export.
pub fn interface(bytes: &[u8]) -> Result<(Vec<String>, Vec<String>), String> {
    let mut imports = Vec::new();
    let mut exports = Vec::new();
    for p in wasmparser::Parser::new(0).parse_all(bytes) {
        match p.map_err(|e| e.to_string())? {
            wasmparser::Payload::ImportSection(r) => {
                for i in r.into_imports() {
                    let i = i.map_err(|e| e.to_string())?;
                    let limits = match i.ty {
                        wasmparser::TypeRef::Memory(m) => format!(" min={} max={:?}", m.initial, m.maximum),
                        _ => String::new(),
                    };
                    imports.push(format!("{}::{} {:?}{limits}", i.module, i.name, kind_of_import(&i.ty)));
                }
            }
            wasmparser::Payload::MemorySection(r) => {
                for m in r {
                    let m = m.map_err(|e| e.to_string())?;
                    exports.push(format!("(memory min={} max={:?})", m.initial, m.maximum));
                }
            }
            wasmparser::Payload::CustomSection(c) => exports.push(format!("(custom {})", c.name())),
            wasmparser::Payload::ExportSection(r) => {
                for e in r {
                    let e = e.map_err(|e| e.to_string())?;
                    exports.push(format!("{} {}", e.name, export_kind(e.kind)));
                }
            }
            _ => {}
        }
    }
    imports.sort();
    exports.sort();
    Ok((imports, exports))
}

fn kind_of_import(t: &wasmparser::TypeRef) -> &'static str {
    match t {
        wasmparser::TypeRef::Func(_) | wasmparser::TypeRef::FuncExact(_) => "func",
        wasmparser::TypeRef::Global(_) => "global",
        wasmparser::TypeRef::Memory(_) => "memory",
        wasmparser::TypeRef::Table(_) => "table",
        wasmparser::TypeRef::Tag(_) => "tag",
    }
}

fn export_kind(k: wasmparser::ExternalKind) -> &'static str {
    match k {
        wasmparser::ExternalKind::Func | wasmparser::ExternalKind::FuncExact => "func",
        wasmparser::ExternalKind::Global => "global",
        wasmparser::ExternalKind::Memory => "memory",
        wasmparser::ExternalKind::Table => "table",
        wasmparser::ExternalKind::Tag => "tag",
    }
}

/// What a run produced.
#[derive(Debug, PartialEq, Eq)]
pub struct Ran {
    pub stdout: String,
    pub stderr: String,
    pub outcome: String,
}

/// Runs a module under the project's wasmtime runner.
pub fn run_wasm(path: &Path, args: &[String], env: &[(String, String)]) -> Result<Ran, String> {
    let runner = wasip1_run::shared().map_err(|e| e.to_string())?;
    let cfg = wasip1_run::RunConfig {
        args: args.to_vec(),
        env: env.to_vec(),
        argv0: Some("prog.wasm".into()),
        timeout: Some(std::time::Duration::from_secs(60)),
        ..Default::default()
    };
    let r = runner.run_file(path, &cfg).map_err(|e| format!("cannot run {}: {e}", path.display()))?;
    Ok(Ran {
        stdout: String::from_utf8_lossy(&r.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&r.stderr).into_owned(),
        outcome: format!("{:?}", r.outcome),
    })
}
