//! Diagnostics: the linker's error type, warnings and symbol demangling.
//!
//! Every failure is a single line, `wasip1-ld: error: <file>: <what>`; the
//! `wasip1-ld: error: ` prefix is added by `main.rs` when printing.

use std::fmt;

/// A link error: one or more human-readable lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The message lines, without the `wasip1-ld: error: ` prefix.
    pub lines: Vec<String>,
}

impl Error {
    /// An error with a single message line.
    pub fn new(msg: impl Into<String>) -> Self {
        Error { lines: vec![msg.into()] }
    }

    /// An error about a particular input file (or `archive(member)`).
    pub fn file(file: &str, msg: impl fmt::Display) -> Self {
        Error::new(format!("{file}: {msg}"))
    }

    /// Several errors reported together (e.g. every undefined symbol).
    pub fn many(lines: Vec<String>) -> Self {
        Error { lines }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, l) in self.lines.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            f.write_str(l)?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Result type used throughout the linker.
pub type Result<T> = std::result::Result<T, Error>;

/// Prints a warning line to stderr.
pub fn warn(msg: impl fmt::Display) {
    eprintln!("wasip1-ld: warning: {msg}");
}

/// The demangled form of a (possibly Rust-mangled) symbol name, or the name
/// itself when it is not mangled or demangling is turned off.
pub fn demangle(name: &str, enabled: bool) -> String {
    if !enabled {
        return name.to_string();
    }
    match rustc_demangle::try_demangle(name) {
        Ok(d) => format!("{d:#}"),
        Err(_) => name.to_string(),
    }
}

/// A function's name as wasm-ld's `name` section gives it when `enabled`:
/// `_Z` names through the Itanium (C++) demangler, which is also what LLVM
/// does to Rust's legacy `_ZN...17h<hash>E` names (escapes and hash kept),
/// and Rust v0 `_R` names through the Rust demangler; others unchanged.
pub fn demangle_for_names(name: &str, enabled: bool) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    // clang renames `main(argc, argv)` so that its wasm signature can differ
    // from `main(void)`; wasm-ld shows it as `main` again, flag or not.
    if name == "__main_argc_argv" {
        return Cow::Borrowed("main");
    }
    if !enabled {
        return Cow::Borrowed(name);
    }
    if name.starts_with("_Z") {
        if let Some(d) = cpp_demangle::Symbol::new(name).ok().and_then(|s| s.demangle().ok()) {
            let d = llvm_clone_suffix(llvm_template_spelling(d));
            return Cow::Owned(d);
        }
    } else if name.starts_with("_R") {
        if let Ok(d) = rustc_demangle::try_demangle(name) {
            return Cow::Owned(format!("{d:#}"));
        }
    }
    Cow::Borrowed(name)
}

/// LLVM's demangler (which wasm-ld uses) closes nested template argument
/// lists as `>>`; cpp_demangle writes `> >`.
fn llvm_template_spelling(mut d: String) -> String {
    while d.contains("> >") {
        d = d.replace("> >", ">>");
    }
    d
}

/// LLVM's demangler prints a `.suffix` after the encoding (clones such as
/// `.specialized.1`, `.constprop.0.isra.0`) whole, as ` (.suffix)`;
/// cpp_demangle writes one ` [clone .x]` per part.
fn llvm_clone_suffix(mut d: String) -> String {
    let mut parts = Vec::new();
    while d.ends_with(']') {
        let Some(i) = d.rfind(" [clone ") else { break };
        parts.push(d[i + " [clone ".len()..d.len() - 1].to_string());
        d.truncate(i);
    }
    if !parts.is_empty() {
        parts.reverse();
        d.push_str(" (");
        d.push_str(&parts.concat());
        d.push(')');
    }
    d
}

/// `name` for messages: the demangled name followed by the raw one when they
/// differ, so both humans and grep find it.
pub fn describe_symbol(name: &str) -> String {
    let d = demangle(name, true);
    if d == name {
        name.to_string()
    } else {
        format!("{d} ({name})")
    }
}
