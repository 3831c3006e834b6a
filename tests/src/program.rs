//! Test programs: discovery under `tests/programs/{c,rust}/` and filtering.

use crate::cells::Lang;
use crate::directives::{self, Directives};
use std::path::{Path, PathBuf};

/// One test program.
#[derive(Debug, Clone)]
pub struct Program {
    pub lang: Lang,
    /// File stem, e.g. `hello_std`.
    pub name: String,
    pub path: PathBuf,
    /// Parsed directives, or why they could not be parsed.
    pub directives: Result<Directives, String>,
}

impl Program {
    /// `rust/hello_std`-style id, used in the table and by the filter.
    pub fn id(&self) -> String {
        format!("{}/{}", self.lang.dir(), self.name)
    }
}

/// Finds all programs under `dir` (`dir/c/*.c`, `dir/cpp/*.cpp`, `dir/rust/*.rs`), sorted by
/// id, keeping those whose id contains `filter`.
pub fn discover(dir: &Path, filter: Option<&str>) -> Result<Vec<Program>, String> {
    let mut out = Vec::new();
    for lang in [Lang::C, Lang::Cpp, Lang::Rust] {
        let sub = dir.join(lang.dir());
        let entries = match std::fs::read_dir(&sub) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(format!("reading {}: {e}", sub.display())),
        };
        for entry in entries {
            let path = entry.map_err(|e| format!("reading {}: {e}", sub.display()))?.path();
            if path.extension().and_then(|e| e.to_str()) != Some(lang.ext()) {
                continue;
            }
            let Some(name) = path.file_stem().and_then(|s| s.to_str()).map(str::to_string) else { continue };
            let directives = std::fs::read_to_string(&path)
                .map_err(|e| format!("reading {}: {e}", path.display()))
                .and_then(|src| directives::parse(&src).map_err(|e| format!("bad directive: {e}")));
            let program = Program { lang, name, path, directives };
            if filter.is_none_or(|f| program.id().contains(f)) {
                out.push(program);
            }
        }
    }
    out.sort_by_key(|p| p.id());
    Ok(out)
}
