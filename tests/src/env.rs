//! Where things are (repo root, linker, sysroots, work dir) and which
//! prerequisites are present, with install hints for the missing ones.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The C compiler the C cells use.
pub const CLANG: &str = "clang-19";
/// The C++ compiler the C++ cells use.
pub const CLANGXX: &str = "clang++-19";
/// Debian's wasm32 libc++ (packages libc++-19-dev-wasm32, libc++abi-19-dev-wasm32).
pub const DEBIAN_LIBCXX: [&str; 2] = ["libc++.a", "libc++abi.a"];
/// The reference linker clang-19 runs for wasm.
pub const WASM_LD: &str = "wasm-ld-19";
/// Debian's wasi-libc (the C reference libc).
pub const DEBIAN_WASI_INCLUDE: &str = "/usr/include/wasm32-wasi";
pub const DEBIAN_WASI_LIB: &str = "/usr/lib/wasm32-wasi";

/// A missing prerequisite: what and how to get it.
pub type Missing = String;

/// Paths and prerequisite status, computed once per harness run.
#[derive(Debug, Clone)]
pub struct Env {
    /// Repository root.
    pub root: PathBuf,
    /// `target/release/wasip1-ld`.
    pub linker: PathBuf,
    /// `target/sysroot/lib/wasm32-wasip1` (our libc.a + crt objects).
    pub our_lib: PathBuf,
    /// Rust's self-contained wasi-libc dir (`.../wasm32-wasip1/lib/self-contained`).
    pub rust_self_contained: Option<PathBuf>,
    /// `target/conformance`: built modules, sandboxes, helper sysroots.
    pub work: PathBuf,
    pub clang: Result<(), Missing>,
    pub wasm_ld: Result<(), Missing>,
    pub debian_wasi_libc: Result<(), Missing>,
    pub rust_target: Result<(), Missing>,
    pub linker_built: Result<(), Missing>,
    pub sysroot_built: Result<(), Missing>,
    /// Debian's libc++ for wasm32-wasi (C++ programs only).
    pub libcxx: Result<(), Missing>,
}

impl Env {
    /// Probes the machine. `root` is the repository root.
    pub fn detect(root: &Path) -> Env {
        let target = root.join("target");
        let linker = target.join("release/wasip1-ld");
        let our_lib = target.join("sysroot/lib/wasm32-wasip1");
        let setup = "run `make setup` (apt-get install clang-19 lld-19 libclang-rt-19-dev-wasm32 wasi-libc)";
        let rust_self_contained = rustc_sysroot().map(|s| s.join("lib/rustlib/wasm32-wasip1/lib/self-contained"));
        let rust_target = match &rust_self_contained {
            Some(dir) if dir.join("libc.a").is_file() => Ok(()),
            Some(_) => Err("Rust target wasm32-wasip1 not installed: run `rustup target add wasm32-wasip1` (or `make setup`)".into()),
            None => Err("rustc not found: install Rust with rustup, then `rustup target add wasm32-wasip1`".into()),
        };
        Env {
            clang: tool_present(CLANG).map_err(|e| format!("{CLANG} {e}: {setup}")),
            wasm_ld: tool_present(WASM_LD).map_err(|e| format!("{WASM_LD} {e}: {setup}")),
            debian_wasi_libc: if Path::new(DEBIAN_WASI_LIB).join("libc.a").is_file()
                && Path::new(DEBIAN_WASI_INCLUDE).join("stdio.h").is_file()
            {
                Ok(())
            } else {
                Err(format!("wasi-libc not found in {DEBIAN_WASI_LIB}: {setup}"))
            },
            rust_target,
            linker_built: if linker.is_file() {
                Ok(())
            } else {
                Err(format!("{} not built: run `make build` (cargo build --release -p wasip1-ld)", linker.display()))
            },
            sysroot_built: if our_lib.join("libc.a").is_file() && our_lib.join("crt1-command.o").is_file() {
                Ok(())
            } else {
                Err(format!(
                    "{}/libc.a or crt1-command.o missing: run `make build` (cargo run --release -p xtask -- sysroot)",
                    our_lib.display()
                ))
            },
            libcxx: if DEBIAN_LIBCXX.iter().all(|f| Path::new(DEBIAN_WASI_LIB).join(f).is_file()) {
                Ok(())
            } else {
                Err(format!(
                    "Debian's wasm32 libc++ not found in {DEBIAN_WASI_LIB}: install it with \
                     `apt-get install libc++-19-dev-wasm32 libc++abi-19-dev-wasm32`"
                ))
            },
            root: root.to_path_buf(),
            linker,
            our_lib,
            rust_self_contained,
            work: target.join("conformance"),
        }
    }

    /// Every missing prerequisite, for the banner at the top of the report.
    pub fn missing(&self) -> Vec<&str> {
        [
            &self.clang,
            &self.wasm_ld,
            &self.debian_wasi_libc,
            &self.rust_target,
            &self.linker_built,
            &self.sysroot_built,
            &self.libcxx,
        ]
            .into_iter()
            .filter_map(|r| r.as_ref().err().map(String::as_str))
            .collect()
    }

    /// Sysroot for clang with Debian's headers and our libs:
    /// `include/wasm32-wasi` → Debian's headers, `lib/wasm32-wasi` → ours.
    pub fn c_ours_sysroot(&self) -> Result<PathBuf, String> {
        let dir = self.work.join("sysroot-c-ours");
        symlink_fresh(Path::new(DEBIAN_WASI_INCLUDE), &dir.join("include/wasm32-wasi"))?;
        symlink_fresh(&self.our_lib, &dir.join("lib/wasm32-wasi"))?;
        Ok(dir)
    }

    /// Sysroot for clang++ with Debian's headers, our libs and Debian's
    /// libc++: `lib/wasm32-wasi` is a directory of symlinks to every file
    /// of ours plus `libc++.a`/`libc++abi.a` (if installed).
    pub fn cpp_ours_sysroot(&self) -> Result<PathBuf, String> {
        let dir = self.work.join("sysroot-cpp-ours");
        symlink_fresh(Path::new(DEBIAN_WASI_INCLUDE), &dir.join("include/wasm32-wasi"))?;
        let lib = dir.join("lib/wasm32-wasi");
        let _ = std::fs::remove_dir_all(&lib);
        std::fs::create_dir_all(&lib).map_err(|e| format!("creating {}: {e}", lib.display()))?;
        if let Ok(entries) = std::fs::read_dir(&self.our_lib) {
            for entry in entries.flatten() {
                symlink_fresh(&entry.path(), &lib.join(entry.file_name()))?;
            }
        }
        for name in DEBIAN_LIBCXX {
            let src = Path::new(DEBIAN_WASI_LIB).join(name);
            if src.is_file() {
                symlink_fresh(&src, &lib.join(name))?;
            }
        }
        Ok(dir)
    }

    /// Sysroot for wasip1-ld with Rust's self-contained wasi-libc:
    /// `lib/wasm32-wasip1/{libc.a, crt1-command.o, crt1-reactor.o}` symlinks.
    pub fn rust_wasi_libc_sysroot(&self) -> Result<PathBuf, String> {
        let src = self.rust_self_contained.as_ref().ok_or("rustc not found")?;
        let dir = self.work.join("sysroot-rust-wasi-libc");
        let lib = dir.join("lib/wasm32-wasip1");
        for name in ["libc.a", "crt1-command.o", "crt1-reactor.o"] {
            symlink_fresh(&src.join(name), &lib.join(name))?;
        }
        Ok(dir)
    }
}

/// Takes the exclusive lock on `target/conformance/.lock` (waiting, with a
/// message, if another harness holds it). Released when the file is dropped.
pub fn lock_work_dir(env: &Env) -> Result<std::fs::File, String> {
    std::fs::create_dir_all(&env.work).map_err(|e| format!("creating {}: {e}", env.work.display()))?;
    let path = env.work.join(".lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| format!("opening {}: {e}", path.display()))?;
    match file.try_lock() {
        Ok(()) => return Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => {
            eprintln!("harness: another harness run holds {}; waiting...", path.display());
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(format!("locking {}: {e}", path.display())),
    }
    file.lock().map_err(|e| format!("locking {}: {e}", path.display()))?;
    Ok(file)
}

/// `rustc --print sysroot`.
fn rustc_sysroot() -> Option<PathBuf> {
    let out = Command::new("rustc").args(["--print", "sysroot"]).output().ok()?;
    if !out.status.success() {
        return None;
    }
    Some(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
}

/// Whether `tool --version` runs.
fn tool_present(tool: &str) -> Result<(), String> {
    match Command::new(tool).arg("--version").output() {
        Ok(out) if out.status.success() => Ok(()),
        Ok(_) => Err("does not run".into()),
        Err(_) => Err("not found".into()),
    }
}

/// Makes `link` a symlink to `target`, replacing whatever was there.
fn symlink_fresh(target: &Path, link: &Path) -> Result<(), String> {
    if let Some(parent) = link.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("creating {}: {e}", parent.display()))?;
    }
    if link.symlink_metadata().is_ok() {
        std::fs::remove_file(link).map_err(|e| format!("replacing {}: {e}", link.display()))?;
    }
    std::os::unix::fs::symlink(target, link).map_err(|e| format!("symlinking {}: {e}", link.display()))
}
