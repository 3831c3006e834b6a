//! `xtask difftest`: builds each program of `libc-wasip1/tests/bottom`
//! against our sysroot and against rustup's wasi-libc, runs both with
//! `target/release/wasip1-run`, and compares stdout, stderr and status.

use crate::sysroot::{check_target_installed, out_dir};
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// wasi-libc's emulation libraries: (define, library).
const EMULATED: [(&str, &str); 4] = [
    ("_WASI_EMULATED_GETPID", "wasi-emulated-getpid"),
    ("_WASI_EMULATED_PROCESS_CLOCKS", "wasi-emulated-process-clocks"),
    ("_WASI_EMULATED_SIGNAL", "wasi-emulated-signal"),
    ("_WASI_EMULATED_MMAN", "wasi-emulated-mman"),
];

/// Which libc a build uses.
#[derive(Clone, Copy)]
enum Libc {
    Ours,
    Reference,
}

struct Tools {
    ours: PathBuf,
    reference: PathBuf,
    builtins: PathBuf,
    runner: PathBuf,
}

fn output(cmd: &mut Command) -> Result<Output> {
    let out = cmd.output().with_context(|| format!("cannot run {cmd:?}"))?;
    if !out.status.success() {
        bail!("{cmd:?} failed:\n{}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(out)
}

fn tools(root: &Path) -> Result<Tools> {
    let libdir = check_target_installed()?;
    let runner = root.join("target/release/wasip1-run");
    if !runner.exists() {
        bail!("{} is missing: run `cargo build --release -p wasip1-run`", runner.display());
    }
    let ours = out_dir(root);
    if !ours.join("libc.a").exists() {
        bail!("no sysroot: run `cargo run --release -p xtask -- sysroot` first");
    }
    let b = output(Command::new("clang-19").args(["--target=wasm32-wasi", "--rtlib=compiler-rt", "-print-libgcc-file-name"]))?;
    let builtins = PathBuf::from(String::from_utf8_lossy(&b.stdout).trim());
    Ok(Tools { ours, reference: libdir.join("self-contained"), builtins, runner })
}

fn build(t: &Tools, src: &Path, libc: Libc, out: &Path) -> Result<()> {
    let lib = match libc {
        Libc::Ours => &t.ours,
        Libc::Reference => &t.reference,
    };
    if src.extension().and_then(|e| e.to_str()) == Some("rs") {
        let mut cmd = Command::new("rustc");
        cmd.args(["--target", "wasm32-wasip1", "-O", "--edition=2021"]).arg(src).arg("-o").arg(out);
        if let Libc::Ours = libc {
            cmd.arg("-Clink-self-contained=no")
                .arg(format!("-Clink-arg=-L{}", lib.display()))
                .arg(format!("-Clink-arg={}", lib.join("crt1-command.o").display()));
        }
        output(&mut cmd)?;
        return Ok(());
    }
    // `emu_*.c` use wasi-libc's emulation libraries; rustup's wasi-libc
    // does not ship them, so their reference is Debian's wasi-libc.
    let emulated = src.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("emu_"));
    let debian = Path::new("/usr/lib/wasm32-wasi");
    let lib = if emulated && matches!(libc, Libc::Reference) { debian } else { lib.as_path() };
    let obj = out.with_extension("o");
    let mut cc = Command::new("clang-19");
    cc.args(["--target=wasm32-wasi", "--sysroot=/usr", "-O2", "-D_GNU_SOURCE", "-w", "-c"]);
    if emulated {
        cc.args(EMULATED.iter().map(|(define, _)| format!("-D{define}")));
    }
    output(cc.arg(src).arg("-o").arg(&obj))?;
    let mut ld = Command::new("wasm-ld-19");
    ld.args(["-m", "wasm32"])
        .arg(format!("-L{}", lib.display()))
        .arg(lib.join(if lib == debian { "crt1.o" } else { "crt1-command.o" }))
        .arg(&obj)
        .arg("-lc");
    if emulated {
        ld.args(EMULATED.iter().map(|(_, l)| format!("-l{l}")));
    }
    output(ld.arg(&t.builtins).arg("-o").arg(out))?;
    Ok(())
}

/// Runs `<dir>/<name>` with a fresh `/sandbox` preopen.
fn run(t: &Tools, dir: &Path, name: &str) -> Result<Output> {
    let sandbox = dir.join(format!("{name}.sandbox"));
    let _ = std::fs::remove_dir_all(&sandbox);
    std::fs::create_dir_all(&sandbox)?;
    Command::new(&t.runner)
        .current_dir(dir)
        .args(["--env", "FOO=1", "--dir"])
        .arg(format!("{}::/sandbox", sandbox.display()))
        .arg(name)
        .arg("x")
        .output()
        .with_context(|| format!("cannot run {}", t.runner.display()))
}

/// The `difftest` command; `filters` (substrings of program names), when
/// given, select the programs to run.
pub fn run_all(root: &Path, filters: &[String]) -> Result<()> {
    let t = tools(root)?;
    let src_dir = root.join("libc-wasip1/tests/bottom");
    let work = root.join("target/difftest");
    let (ours_dir, ref_dir) = (work.join("ours"), work.join("ref"));
    std::fs::create_dir_all(&ours_dir)?;
    std::fs::create_dir_all(&ref_dir)?;
    let mut srcs: Vec<PathBuf> = std::fs::read_dir(&src_dir)
        .with_context(|| format!("cannot read {}", src_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("c" | "rs")))
        .filter(|p| {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            filters.is_empty() || filters.iter().any(|f| stem.contains(f.as_str()))
        })
        .collect();
    srcs.sort();
    let (mut passed, mut failed) = (0, 0);
    for src in &srcs {
        let stem = src.file_stem().and_then(|s| s.to_str()).unwrap_or("prog");
        let name = format!("{stem}.wasm");
        let result = (|| -> Result<Option<String>> {
            build(&t, src, Libc::Ours, &ours_dir.join(&name))?;
            build(&t, src, Libc::Reference, &ref_dir.join(&name))?;
            let a = run(&t, &ours_dir, &name)?;
            let b = run(&t, &ref_dir, &name)?;
            let mut diffs = Vec::new();
            if a.status.code() != b.status.code() {
                diffs.push(format!("exit {:?} vs reference {:?}", a.status.code(), b.status.code()));
            }
            if a.stdout != b.stdout {
                diffs.push(format!(
                    "stdout differs:\n--- ours\n{}\n--- reference\n{}",
                    String::from_utf8_lossy(&a.stdout),
                    String::from_utf8_lossy(&b.stdout)
                ));
            }
            if a.stderr != b.stderr {
                diffs.push(format!(
                    "stderr differs:\n--- ours\n{}\n--- reference\n{}",
                    String::from_utf8_lossy(&a.stderr),
                    String::from_utf8_lossy(&b.stderr)
                ));
            }
            Ok(if diffs.is_empty() { None } else { Some(diffs.join("\n")) })
        })();
        match result {
            Ok(None) => {
                passed += 1;
                println!("ok   {stem}");
            }
            Ok(Some(d)) => {
                failed += 1;
                println!("FAIL {stem}: {d}");
            }
            Err(e) => {
                failed += 1;
                println!("FAIL {stem}: {e:#}");
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 {
        bail!("{failed} differential tests failed");
    }
    Ok(())
}
