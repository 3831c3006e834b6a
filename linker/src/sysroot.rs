//! The sysroot: where `libc.a` and `crt1-command.o` come from.
//!
//! Order: `--sysroot DIR` (uses `DIR/lib/wasm32-wasip1`), else the
//! `WASIP1_SYSROOT` environment variable (same meaning), else the copy
//! embedded in the binary at build time (see `build.rs`).

use crate::diag::{Error, Result};
use std::borrow::Cow;
use std::path::PathBuf;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_sysroot.rs"));
}

/// A resolved sysroot location.
#[derive(Debug, Clone)]
pub struct Sysroot {
    /// `DIR/lib/wasm32-wasip1`, or `None` for the embedded copy.
    dir: Option<PathBuf>,
}

impl Sysroot {
    /// Picks the sysroot from `--sysroot`, then `WASIP1_SYSROOT`, then the embedded copy.
    pub fn new(flag: Option<&std::path::Path>) -> Sysroot {
        let base = flag
            .map(|p| p.to_path_buf())
            .or_else(|| std::env::var_os("WASIP1_SYSROOT").filter(|v| !v.is_empty()).map(PathBuf::from));
        Sysroot { dir: base.map(|b| b.join("lib").join("wasm32-wasip1")) }
    }

    /// Reads a sysroot file (`libc.a`, `crt1-command.o`, `crt1-reactor.o`,
    /// `libcompiler_rt.a`).
    /// Returns its display name and bytes.
    pub fn file(&self, name: &str) -> Result<(String, Cow<'static, [u8]>)> {
        if let Some(dir) = &self.dir {
            let p = dir.join(name);
            return match std::fs::read(&p) {
                Ok(b) => Ok((p.display().to_string(), Cow::Owned(b))),
                Err(e) => Err(Error::file(&p.display().to_string(), format!("cannot open sysroot file: {e}"))),
            };
        }
        let data: Option<&'static [u8]> = match name {
            "libc.a" => embedded::LIBC,
            "crt1-command.o" => embedded::CRT1_COMMAND,
            "crt1-reactor.o" => embedded::CRT1_REACTOR,
            "libcompiler_rt.a" => embedded::COMPILER_RT,
            _ => None,
        };
        match data {
            Some(d) => Ok((format!("<embedded sysroot>/{name}"), Cow::Borrowed(d))),
            None => Err(Error::new(format!(
                "{name} is needed but no sysroot was given: pass --sysroot DIR (with DIR/lib/wasm32-wasip1/{name}) \
                 or set WASIP1_SYSROOT, or rebuild wasip1-ld after building target/sysroot"
            ))),
        }
    }
}
