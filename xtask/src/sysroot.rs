//! `xtask sysroot`: builds `target/sysroot/lib/wasm32-wasip1/`.
//!
//! 1. `cargo build --release --target wasm32-wasip1` of `libc-wasip1` (a
//!    staticlib with LTO, so only our `#[no_mangle]` symbols stay global);
//! 2. `libc.a` = the staticlib's own object(s) only, rewritten with a symbol
//!    index; the compiler_builtins members go to `libcompiler_rt.a`, which
//!    wasip1-ld appends (lazily, last) only when it links the sysroot's
//!    libc.a: a Rust program's own compiler_builtins comes earlier on the
//!    command line and wins, a C program linked without clang still gets
//!    `__multi3` and friends, and no symbol is ever defined twice;
//! 3. `crt1-command.o`, `crt1-reactor.o` (and `crt1.o` = command) compiled
//!    from `crt/src` with `rustc --emit=obj`;
//! 4. `libwasi-emulated-*.a` from `libc-wasip1/src/emulated/`;
//! 5. empty `libm.a`, `libdl.a`, ... as wasi-libc ships them.

use crate::archive::{self, Member};
use crate::{wasmobj, weaken};
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The target everything here is built for.
pub const TARGET: &str = "wasm32-wasip1";

/// Archives wasi-libc ships empty (their functions live in libc.a), and the
/// two printf variants it ships as separate archives: our `libc.a`'s printf
/// and scanf always handle `long double` (wasi-libc's trap unless a program
/// links `-lc-printscan-long-double`), and `-lc-printscan-no-floating-point`
/// (wasi-libc's smaller float-less printf) only asks for less, so both
/// exist for command lines that name them and are empty.
const EMPTY_LIBS: &[&str] = &[
    "libm.a", "libdl.a", "libpthread.a", "librt.a", "libutil.a", "libxnet.a", "libresolv.a",
    "libcrypt.a", "libc-printscan-long-double.a", "libc-printscan-no-floating-point.a",
];

/// Where the sysroot's libraries go.
pub fn out_dir(root: &Path) -> PathBuf {
    root.join("target/sysroot/lib").join(TARGET)
}

fn rustc() -> String {
    std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string())
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}

/// Fails with a clear message when `rustup target add wasm32-wasip1` is missing.
pub fn check_target_installed() -> Result<PathBuf> {
    let out = Command::new(rustc())
        .args(["--print", "target-libdir", "--target", TARGET])
        .output()
        .context("cannot run rustc")?;
    let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let has_std = out.status.success()
        && std::fs::read_dir(&dir)
            .map(|rd| {
                rd.flatten()
                    .any(|e| e.file_name().to_string_lossy().starts_with("libstd-"))
            })
            .unwrap_or(false);
    if !has_std {
        bail!("the Rust target {TARGET} is not installed: run `rustup target add {TARGET}`");
    }
    Ok(dir)
}

pub(crate) fn run(cmd: &mut Command) -> Result<()> {
    println!("xtask: running {cmd:?}");
    let status = cmd.status().with_context(|| format!("cannot run {cmd:?}"))?;
    if !status.success() {
        bail!("command failed ({status}): {cmd:?}");
    }
    Ok(())
}

/// Builds the staticlib and returns the path of the `libc.a` cargo made.
fn build_staticlib(root: &Path) -> Result<PathBuf> {
    build_staticlib_in(root, &root.join("target/libc-wasip1"), &[])
}

/// Builds the staticlib into `target_dir` with extra cargo `features`
/// (`xtask layout` uses `layout-table` in its own target dir, so the
/// sysroot's libc.a is never built with it).
pub(crate) fn build_staticlib_in(root: &Path, target_dir: &Path, features: &[&str]) -> Result<PathBuf> {
    let mut cmd = Command::new(cargo());
    cmd.args(["build", "--release", "--target", TARGET, "--manifest-path"])
        .arg(root.join("libc-wasip1/Cargo.toml"))
        .arg("--target-dir")
        .arg(target_dir);
    if !features.is_empty() {
        cmd.arg("--features").arg(features.join(","));
    }
    run(cmd
        // Settings meant for the host build must not leak into the wasm one.
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_BUILD_TARGET"))?;
    Ok(target_dir.join(TARGET).join("release/libc.a"))
}

/// Keeps our own objects from the staticlib and indexes their symbols.
pub(crate) fn libc_members(staticlib: &Path) -> Result<Vec<Member>> {
    let data = std::fs::read(staticlib)
        .with_context(|| format!("cannot read {}", staticlib.display()))?;
    let mut kept = Vec::new();
    for (name, bytes) in archive::read_members(&data)? {
        // Our crate is named `c`: its LTO object is `c-<hash>.c.<hash>-cgu.N.rcgu.o`.
        // Everything else (compiler_builtins' Rust and C objects, metadata)
        // is dropped.
        let ours = name.starts_with("c-") && name.ends_with(".rcgu.o");
        if !ours || !bytes.starts_with(b"\0asm") {
            continue; // compiler_builtins: see builtins_members
        }
        let (bytes, syms, symbols) = weakened(&name, bytes)?;
        println!("xtask: keeping member {name}: {} global symbols, all weak", symbols.len());
        let leftover: Vec<&String> = syms
            .undefined
            .iter()
            .filter(|u| !symbols.contains(u) && !u.starts_with("_R") && !u.starts_with("_ZN"))
            .collect();
        if !leftover.is_empty() {
            println!("xtask:   it needs from elsewhere: {leftover:?}");
        }
        kept.push(Member { name: String::new(), data: bytes, symbols });
    }
    if kept.is_empty() {
        bail!("{} has no wasm object of our own", staticlib.display());
    }
    let n = kept.len();
    for (i, m) in kept.iter_mut().enumerate() {
        m.name = if n == 1 { "libc.o".to_string() } else { format!("libc-{i}.o") };
    }
    Ok(kept)
}

/// The staticlib's compiler_builtins objects (Rust and C), renamed to short
/// member names and indexed: the sysroot's `libcompiler_rt.a`.
fn builtins_members(staticlib: &Path) -> Result<Vec<Member>> {
    let data = std::fs::read(staticlib)
        .with_context(|| format!("cannot read {}", staticlib.display()))?;
    let mut members = Vec::new();
    for (name, bytes) in archive::read_members(&data)? {
        let ours = name.starts_with("c-") && name.ends_with(".rcgu.o");
        if ours || !bytes.starts_with(b"\0asm") {
            continue;
        }
        let (bytes, _, symbols) = weakened(&name, bytes)?;
        let name = format!("cb-{}.o", members.len());
        members.push(Member { name, data: bytes, symbols });
    }
    Ok(members)
}

/// Makes every definition of a staticlib member weak (checked), and returns
/// the bytes, its symbols, and the sorted names it defines (for the index).
fn weakened(name: &str, mut bytes: Vec<u8>) -> Result<(Vec<u8>, wasmobj::ObjectSymbols, Vec<String>)> {
    weaken::weaken(&mut bytes).with_context(|| format!("in member {name}"))?;
    let syms = wasmobj::symbols(&bytes).with_context(|| format!("in member {name}"))?;
    if let Some(strong) = syms.defined.iter().find(|s| !s.weak) {
        bail!("{name}: {} is still a strong definition after weakening", strong.name);
    }
    let mut symbols: Vec<String> = syms.defined.iter().map(|s| s.name.clone()).collect();
    symbols.sort();
    symbols.dedup();
    Ok((bytes, syms, symbols))
}

/// Compiles one start file to a relocatable object.
fn build_crt(root: &Path, stem: &str, out: &Path) -> Result<()> {
    let src = root.join("crt/src").join(format!("{}.rs", stem.replace('-', "_")));
    compile_obj(&src, out)
}

/// Compiles a standalone `#![no_std]` Rust file to a wasm relocatable
/// object that must not depend on core or compiler_builtins.
fn compile_obj(src: &Path, out: &Path) -> Result<()> {
    run(Command::new(rustc())
        .args(["--target", TARGET, "--crate-type=lib", "--emit=obj", "--edition=2021"])
        .args(["-C", "panic=abort", "-C", "codegen-units=1", "-O"])
        .arg("-o")
        .arg(out)
        .arg(src))?;
    let syms = wasmobj::symbols(&std::fs::read(out)?)?;
    let bad: Vec<&String> = syms
        .undefined
        .iter()
        .filter(|u| u.contains("core") || u.contains("compiler_builtins"))
        .collect();
    if !bad.is_empty() {
        bail!("{} refers to Rust runtime symbols {bad:?}", out.display());
    }
    Ok(())
}

/// The objects of `libc-wasip1/src/members/`: symbols that must be
/// separate archive members (overridable, or pulled in only when named).
pub(crate) fn separate_members(root: &Path) -> Result<Vec<Member>> {
    let mut out = Vec::new();
    for (stem, data) in compile_each(root, "members")? {
        let symbols = defined_names(&data)?;
        println!("xtask: member {stem}.o defines {symbols:?}");
        out.push(Member { name: format!("{stem}.o"), data, symbols });
    }
    Ok(out)
}

/// wasi-libc's optional emulation libraries, one per file of
/// `libc-wasip1/src/emulated/` (`process_clocks.rs` becomes
/// `libwasi-emulated-process-clocks.a`).
fn emulated_libs(root: &Path) -> Result<Vec<(String, Member)>> {
    let mut out = Vec::new();
    for (stem, mut data) in compile_each(root, "emulated")? {
        weaken::weaken(&mut data).with_context(|| format!("in {stem}.o"))?;
        let symbols = defined_names(&data)?;
        let lib = format!("libwasi-emulated-{}.a", stem.replace('_', "-"));
        println!("xtask: {lib} defines {symbols:?}");
        let name: String = stem.chars().take(13).collect::<String>() + ".o";
        out.push((lib, Member { name, data, symbols }));
    }
    Ok(out)
}

/// Compiles every `.rs` file of `libc-wasip1/src/<dir>/` (in name order) to
/// an object under `target/libc-wasip1/<dir>/`; returns (file stem, bytes).
fn compile_each(root: &Path, dir: &str) -> Result<Vec<(String, Vec<u8>)>> {
    let src_dir = root.join("libc-wasip1/src").join(dir);
    let tmp = root.join("target/libc-wasip1").join(dir);
    std::fs::create_dir_all(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
    let mut srcs: Vec<PathBuf> = std::fs::read_dir(&src_dir)
        .with_context(|| format!("cannot read {}", src_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("rs"))
        .collect();
    srcs.sort();
    let mut out = Vec::new();
    for src in srcs {
        let stem = src.file_stem().and_then(|s| s.to_str()).unwrap_or(dir).to_string();
        let obj = tmp.join(format!("{stem}.o"));
        compile_obj(&src, &obj)?;
        out.push((stem, std::fs::read(&obj)?));
    }
    Ok(out)
}

/// The sorted, deduplicated names an object defines (for the archive index).
fn defined_names(data: &[u8]) -> Result<Vec<String>> {
    let mut symbols: Vec<String> = wasmobj::symbols(data)?.defined.into_iter().map(|s| s.name).collect();
    symbols.sort();
    symbols.dedup();
    Ok(symbols)
}

/// Writes `data` to `path` and says so.
pub(crate) fn write_file(path: &Path, data: &[u8]) -> Result<()> {
    std::fs::write(path, data).with_context(|| format!("cannot write {}", path.display()))?;
    println!("xtask: wrote {} ({} bytes)", path.display(), data.len());
    Ok(())
}

/// The `sysroot` command.
pub fn build(root: &Path) -> Result<()> {
    check_target_installed()?;
    let out = out_dir(root);
    std::fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;

    let staticlib = build_staticlib(root)?;
    let mut members = libc_members(&staticlib)?;
    members.extend(separate_members(root)?);
    let nsyms: usize = members.iter().map(|m| m.symbols.len()).sum();
    write_file(&out.join("libc.a"), &archive::write(&members)?)?;
    println!("xtask: libc.a indexes {nsyms} symbols");
    let builtins = builtins_members(&staticlib)?;
    write_file(&out.join("libcompiler_rt.a"), &archive::write(&builtins)?)?;
    println!("xtask: libcompiler_rt.a holds {} compiler_builtins objects", builtins.len());

    for stem in ["crt1-command", "crt1-reactor"] {
        let path = out.join(format!("{stem}.o"));
        build_crt(root, stem, &path)?;
        println!("xtask: wrote {}", path.display());
    }
    std::fs::copy(out.join("crt1-command.o"), out.join("crt1.o")).context("cannot write crt1.o")?;
    println!("xtask: wrote {} (= crt1-command.o)", out.join("crt1.o").display());

    for (lib, member) in emulated_libs(root)? {
        write_file(&out.join(&lib), &archive::write(&[member])?)?;
    }

    let empty = archive::write(&[])?;
    for lib in EMPTY_LIBS {
        write_file(&out.join(lib), &empty)?;
    }
    println!("xtask: sysroot ready in {}", out.display());
    Ok(())
}
