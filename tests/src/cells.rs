//! The four cells {reference linker, wasip1-ld} × {wasi-libc, libc-wasip1}
//! and the exact build commands for each, per language.

use crate::env::{Env, CLANG, CLANGXX};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Source language of a test program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    C,
    /// C++ with clang++-19 and Debian's wasm32 libc++ (`-fno-exceptions`).
    Cpp,
    Rust,
}

impl Lang {
    /// Directory name under `tests/programs/` and file extension.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::C => "c",
            Lang::Cpp => "cpp",
            Lang::Rust => "rust",
        }
    }
    pub fn ext(self) -> &'static str {
        match self {
            Lang::C => "c",
            Lang::Cpp => "cpp",
            Lang::Rust => "rs",
        }
    }
    /// Whether programs are compiled to one object by clang, then linked per cell.
    pub fn is_clang(self) -> bool {
        matches!(self, Lang::C | Lang::Cpp)
    }
}

/// One build configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cell {
    /// Reference linker + reference libc: the expected behaviour.
    Ref,
    /// Reference linker (wasm-ld / rust-lld) + our libc.a.
    RefLdOurLibc,
    /// Our wasip1-ld + the reference wasi-libc.
    OurLdRefLibc,
    /// Our wasip1-ld + our libc (the product).
    Product,
}

impl Cell {
    pub const ALL: [Cell; 4] = [Cell::Ref, Cell::RefLdOurLibc, Cell::OurLdRefLibc, Cell::Product];

    /// The name used in the table and in `// cells:` directives.
    pub fn name(self) -> &'static str {
        match self {
            Cell::Ref => "ref",
            Cell::RefLdOurLibc => "wasm-ld+ours",
            Cell::OurLdRefLibc => "wasip1-ld+wasi-libc",
            Cell::Product => "product",
        }
    }

    /// The cell called `name` (as in [`Cell::name`]).
    pub fn from_name(name: &str) -> Option<Cell> {
        Cell::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Prerequisites this cell needs beyond the language's base toolchain.
    pub fn requirements(self, lang: Lang, env: &Env) -> Result<(), String> {
        let base = match lang {
            Lang::C => env.clang.clone().and(env.debian_wasi_libc.clone()),
            Lang::Cpp => env.clang.clone().and(env.debian_wasi_libc.clone()).and(env.libcxx.clone()),
            Lang::Rust => env.rust_target.clone(),
        };
        base?;
        match (self, lang) {
            (Cell::Ref, Lang::Rust) => Ok(()),
            (Cell::Ref, _) => env.wasm_ld.clone(),
            (Cell::RefLdOurLibc, Lang::Rust) => env.sysroot_built.clone(),
            (Cell::RefLdOurLibc, _) => env.wasm_ld.clone().and(env.sysroot_built.clone()),
            (Cell::OurLdRefLibc, _) => env.linker_built.clone(),
            // The Rust product relies on the sysroot embedded in wasip1-ld.
            (Cell::Product, Lang::Rust) => env.linker_built.clone(),
            (Cell::Product, _) => env.linker_built.clone().and(env.sysroot_built.clone()),
        }
    }
}

/// Helper sysroot directories the commands refer to (made once, up front).
#[derive(Debug, Clone)]
pub struct Sysroots {
    /// Debian headers + our libs, for clang (`--sysroot`).
    pub c_ours: PathBuf,
    /// Like `c_ours`, plus Debian's libc++.a/libc++abi.a, for clang++.
    pub cpp_ours: PathBuf,
    /// Rust's self-contained wasi-libc in wasip1-ld's layout.
    pub rust_wasi_libc: PathBuf,
}

/// The compiler driver of a clang language.
fn driver(lang: Lang) -> &'static str {
    if lang == Lang::Cpp {
        CLANGXX
    } else {
        CLANG
    }
}

/// The compile step shared by all cells of a C/C++ program:
/// `clang-19 -O2 -c` (C++: `clang++-19 -fno-exceptions`; `debug`: `-g`).
pub fn c_compile(lang: Lang, src: &Path, obj: &Path, debug: bool) -> Command {
    let mut cmd = Command::new(driver(lang));
    cmd.args(["--target=wasm32-wasi", "--sysroot=/usr", "-O2", "-c"]);
    if lang == Lang::Cpp {
        cmd.arg("-fno-exceptions");
    }
    if debug {
        cmd.arg("-g");
    }
    cmd.arg(src).arg("-o").arg(obj);
    cmd
}

/// The link step of a C cell (input: the object from [`c_compile`]).
/// `reactor`: link with crt1-reactor.o (`-mexec-model=reactor`);
/// `extra`: the program's `link-args:`, after the object.
#[allow(clippy::too_many_arguments)]
pub fn c_link(
    lang: Lang,
    cell: Cell,
    env: &Env,
    roots: &Sysroots,
    obj: &Path,
    out: &Path,
    reactor: bool,
    extra: &[String],
) -> Command {
    let mut cmd = Command::new(driver(lang));
    cmd.arg("--target=wasm32-wasi");
    if lang == Lang::Cpp {
        cmd.arg("-fno-exceptions");
    }
    let ours = if lang == Lang::Cpp { &roots.cpp_ours } else { &roots.c_ours };
    if reactor {
        cmd.arg("-mexec-model=reactor");
    }
    match cell {
        Cell::Ref => {
            cmd.arg("--sysroot=/usr");
        }
        Cell::RefLdOurLibc => {
            cmd.arg(sysroot_flag(ours));
        }
        Cell::OurLdRefLibc => {
            cmd.arg("--sysroot=/usr").arg(ld_path_flag(&env.linker)).arg("-v");
        }
        Cell::Product => {
            cmd.arg(sysroot_flag(ours)).arg(ld_path_flag(&env.linker)).arg("-v");
        }
    }
    cmd.arg(obj).args(extra).arg("-o").arg(out);
    scrub(&mut cmd);
    cmd
}

/// The full build of a Rust cell (`rustc --target wasm32-wasip1 -O`).
/// `cdylib`: `--crate-type=cdylib` (a reactor); `debug`: `-Cdebuginfo=2`;
/// `extra`: the program's `link-args:`, each as `-Clink-arg=`.
#[allow(clippy::too_many_arguments)]
pub fn rust_build(
    cell: Cell,
    env: &Env,
    roots: &Sysroots,
    src: &Path,
    out: &Path,
    cdylib: bool,
    debug: bool,
    extra: &[String],
) -> Command {
    let mut cmd = Command::new("rustc");
    cmd.args(["--target", "wasm32-wasip1", "-O", "--edition", "2021"]);
    if cdylib {
        cmd.arg("--crate-type=cdylib");
    }
    if debug {
        cmd.arg("-Cdebuginfo=2");
    }
    let crt = if cdylib { "crt1-reactor.o" } else { "crt1-command.o" };
    match cell {
        Cell::Ref => {}
        Cell::RefLdOurLibc => {
            cmd.arg("-Clink-self-contained=no")
                .arg(format!("-Clink-arg=-L{}", env.our_lib.display()))
                .arg(format!("-Clink-arg={}", env.our_lib.join(crt).display()));
        }
        Cell::OurLdRefLibc => {
            cmd.arg(format!("-Clinker={}", env.linker.display()))
                .arg("-Clink-self-contained=no")
                .arg(format!("-Clink-arg=--sysroot={}", roots.rust_wasi_libc.display()));
        }
        Cell::Product => {
            cmd.arg(format!("-Clinker={}", env.linker.display())).arg("-Clink-self-contained=no");
        }
    }
    cmd.args(extra.iter().map(|a| format!("-Clink-arg={a}")));
    cmd.arg(src).arg("-o").arg(out);
    scrub(&mut cmd);
    cmd
}

fn sysroot_flag(dir: &Path) -> String {
    format!("--sysroot={}", dir.display())
}

/// clang-19's WebAssembly driver ignores `--ld-path`; it takes an absolute
/// linker path through `-fuse-ld=`. `-v` makes clang print the linker
/// command, which [`uses_linker`] checks.
fn ld_path_flag(linker: &Path) -> String {
    format!("-fuse-ld={}", linker.display())
}

/// Whether this cell must be linked by wasip1-ld.
pub fn wants_our_linker(cell: Cell) -> bool {
    matches!(cell, Cell::OurLdRefLibc | Cell::Product)
}

/// Whether clang's `-v` output (`stderr`) shows that `linker` ran.
pub fn uses_linker(stderr: &str, linker: &Path) -> bool {
    stderr.contains(&format!("\"{}\"", linker.display()))
}

/// No cell may depend on the caller's environment pointing wasip1-ld at a
/// sysroot: the product must work with the copy embedded in the linker.
fn scrub(cmd: &mut Command) {
    cmd.env_remove("WASIP1_SYSROOT");
}
