//! Input files: objects and archives (ar / rlib), found on disk or in the sysroot.
//!
//! Files are read whole into memory first; parsed objects then borrow from
//! these buffers. Archive members that are not wasm objects (`lib.rmeta`,
//! symbol indexes) are skipped.

use crate::args::{Config, InputKind};
use crate::diag::{Error, Result};
use crate::sysroot::Sysroot;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// Index of a (possibly lazy) object in the link: `Linker::objects[FileId]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

impl FileId {
    pub fn idx(self) -> usize {
        self.0 as usize
    }
}

/// The bytes of an input: memory-mapped, owned, or embedded in the binary.
pub enum Bytes {
    Mapped(memmap2::Mmap),
    Owned(Cow<'static, [u8]>),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Mapped(m) => m,
            Bytes::Owned(c) => c,
        }
    }
}

impl From<Cow<'static, [u8]>> for Bytes {
    fn from(c: Cow<'static, [u8]>) -> Self {
        Bytes::Owned(c)
    }
}

impl From<Vec<u8>> for Bytes {
    fn from(v: Vec<u8>) -> Self {
        Bytes::Owned(Cow::Owned(v))
    }
}

/// A file read from disk (or the embedded sysroot).
pub struct LoadedFile {
    /// Path as given (or `<sysroot>/libc.a`), for messages.
    pub name: String,
    pub bytes: Bytes,
    /// `--whole-archive` was in effect.
    pub whole_archive: bool,
}

/// One object to parse: a plain object file or an archive member.
pub struct Unit<'a> {
    pub name: String,
    pub bytes: &'a [u8],
    /// Archive members are loaded only when they define a needed symbol.
    pub lazy: bool,
}

/// Reads every input named on the command line, in order.
///
/// `-lc` falls back to the sysroot's `libc.a` when not found on the `-L` path;
/// then the sysroot's `libcompiler_rt.a` (the builtins that libc.a calls,
/// such as `__multi3`) goes last, so that any builtins the command line
/// brings (a Rust program's compiler_builtins, clang's libclang_rt) win.
pub fn read_inputs(config: &Config, sysroot: &Sysroot) -> Result<Vec<LoadedFile>> {
    let mut files = Vec::new();
    let mut sysroot_libc = false;
    for input in &config.inputs {
        let (name, bytes) = match &input.kind {
            InputKind::Path(p) => (p.display().to_string(), read_path(p)?),
            InputKind::Lib(lib) => match find_lib(&config.lib_paths, lib) {
                Some(p) => (p.display().to_string(), read_path(&p)?),
                None if lib == "c" => {
                    sysroot_libc = true;
                    let (n, b) = sysroot.file("libc.a")?;
                    (n, b.into())
                }
                None => return Err(Error::new(format!("unable to find library -l{lib}"))),
            },
        };
        files.push(LoadedFile { name, bytes, whole_archive: input.whole_archive });
    }
    if sysroot_libc {
        // Optional: a sysroot made of wasi-libc's files has no such archive.
        if let Ok((name, bytes)) = sysroot.file("libcompiler_rt.a") {
            files.push(LoadedFile { name, bytes: bytes.into(), whole_archive: false });
        }
    }
    Ok(files)
}

fn read_path(p: &Path) -> Result<Bytes> {
    let err = |e: std::io::Error| Error::file(&p.display().to_string(), format!("cannot open: {e}"));
    let file = std::fs::File::open(p).map_err(err)?;
    let len = file.metadata().map_err(err)?.len();
    if len == 0 || !file.metadata().map_err(err)?.is_file() {
        return std::fs::read(p).map(Bytes::from).map_err(err);
    }
    // SAFETY: the mapping is read-only and lives as long as the link; like
    // lld, we assume inputs are not modified while the linker runs.
    match unsafe { memmap2::Mmap::map(&file) } {
        Ok(m) => Ok(Bytes::Mapped(m)),
        Err(_) => std::fs::read(p).map(Bytes::from).map_err(err),
    }
}

/// Searches `libNAME.a` (or `NAME` for `-l:NAME`) on the library path.
fn find_lib(paths: &[PathBuf], lib: &str) -> Option<PathBuf> {
    let file = match lib.strip_prefix(':') {
        Some(exact) => exact.to_string(),
        None => format!("lib{lib}.a"),
    };
    paths.iter().map(|d| d.join(&file)).find(|p| p.is_file())
}

/// Splits loaded files into units: objects as-is, archives into their wasm members.
pub fn units(file: &LoadedFile) -> Result<Vec<Unit<'_>>> {
    let bytes: &[u8] = &file.bytes;
    if crate::object::is_wasm(bytes) {
        return Ok(vec![Unit { name: file.name.clone(), bytes, lazy: false }]);
    }
    if bytes.starts_with(b"BC\xC0\xDE") {
        return Err(Error::file(&file.name, "LLVM bitcode (LTO) inputs are not supported; compile to wasm objects"));
    }
    if !bytes.starts_with(b"!<arch>\n") && !bytes.starts_with(b"!<thin>\n") {
        let what = if bytes.len() < 8 { "file is too short" } else { "unknown file type (not a wasm object or archive)" };
        return Err(Error::file(&file.name, what));
    }
    let archive = object::read::archive::ArchiveFile::parse(bytes)
        .map_err(|e| Error::file(&file.name, format!("malformed archive: {e}")))?;
    let mut out = Vec::new();
    for member in archive.members() {
        let member = member.map_err(|e| Error::file(&file.name, format!("malformed archive: {e}")))?;
        let mname = String::from_utf8_lossy(member.name()).into_owned();
        let data = member
            .data(bytes)
            .map_err(|e| Error::file(&format!("{}({mname})", file.name), format!("malformed member: {e}")))?;
        if data.starts_with(b"BC\xC0\xDE") {
            return Err(Error::file(
                &format!("{}({mname})", file.name),
                "LLVM bitcode (LTO) members are not supported; build without linker-plugin LTO",
            ));
        }
        if !crate::object::is_wasm(data) {
            continue;
        }
        out.push(Unit { name: format!("{}({mname})", file.name), bytes: data, lazy: !file.whole_archive });
    }
    Ok(out)
}
