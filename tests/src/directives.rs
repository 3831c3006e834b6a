//! Per-program directives: `// key: value` lines in the comment block at the
//! top of a test program.
//!
//! Only the leading block of comment (`//`) and blank lines is read; the
//! first other line ends it. Inside it, a line `// KEY: VALUE` with KEY one of
//! the names below is a directive; any other comment line is just a comment.
//!
//! | directive            | meaning                                                         |
//! |----------------------|-----------------------------------------------------------------|
//! | `args: a b c`        | arguments (split on whitespace; repeated lines append)          |
//! | `env: NAME=value`    | one environment variable (value may contain spaces)             |
//! | `stdin: text`        | one line of stdin (a `\n` is added; repeated lines append)      |
//! | `stdin-file: name`   | stdin is this file, relative to the program's directory         |
//! | `dir: path=contents` | seed file; escapes `\n` `\t` `\0` `\\` `\xHH` in contents     |
//! | `mkdir: path`        | seed (empty) directory in the sandbox                           |
//! | `cells: all`         | which cells to build: `all` (default) or a comma list of names |
//! | `timeout: secs`      | run time limit per cell (default 20)                            |
//! | `reactor: name`      | reactor (C: crt1-reactor.o; Rust: cdylib): `_initialize`, then export `name` |
//! | `link-only: yes`     | build, validate, compare structure; no run (foreign imports allowed) |
//! | `debug: yes`         | build with debug info (`-g` / `-Cdebuginfo=2`)                  |
//! | `link-args: -lx ...` | extra link arguments, every cell (C: after the object; Rust: `-Clink-arg=`) |

use std::fmt;

/// Cell names accepted by `cells:` (see [`crate::cells::Cell::name`]).
pub const CELL_NAMES: [&str; 4] = ["ref", "wasm-ld+ours", "wasip1-ld+wasi-libc", "product"];

/// Default per-run time limit in seconds.
pub const DEFAULT_TIMEOUT_SECS: u64 = 20;

/// Parsed directives of one program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directives {
    /// `argv[1..]`.
    pub args: Vec<String>,
    /// Environment, in order.
    pub env: Vec<(String, String)>,
    /// Stdin bytes from `stdin:` lines.
    pub stdin: Vec<u8>,
    /// `stdin-file:` (relative to the program's directory); wins over `stdin:`.
    pub stdin_file: Option<String>,
    /// Seed entries of the sandbox, in order.
    pub seed: Vec<SeedEntry>,
    /// Which cells to build; `None` = all.
    pub cells: Option<Vec<String>>,
    /// Per-run time limit, seconds.
    pub timeout_secs: u64,
    /// Reactor mode: the export to call after `_initialize` (C: linked with
    /// crt1-reactor.o; Rust: built as a `cdylib`).
    pub reactor: Option<String>,
    /// `link-only: yes`: build, validate and compare structure; do not run
    /// (for modules importing functions no runner provides).
    pub link_only: bool,
    /// `debug: yes`: build with debug info (`-g` / `-Cdebuginfo=2`).
    pub debug: bool,
    /// `link-args:`: extra arguments for every cell's link step.
    pub link_args: Vec<String>,
}

impl Default for Directives {
    fn default() -> Self {
        Directives {
            args: Vec::new(),
            env: Vec::new(),
            stdin: Vec::new(),
            stdin_file: None,
            seed: Vec::new(),
            cells: None,
            timeout_secs: DEFAULT_TIMEOUT_SECS,
            reactor: None,
            link_only: false,
            debug: false,
            link_args: Vec::new(),
        }
    }
}

/// One thing to create in the sandbox before the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeedEntry {
    /// A file (parent directories are created as needed).
    File { path: String, contents: Vec<u8> },
    /// A directory.
    Dir { path: String },
}

/// A malformed directive: line number (1-based) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectiveError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for DirectiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for DirectiveError {}

impl Directives {
    /// Whether the cell named `name` should be built for this program.
    pub fn wants_cell(&self, name: &str) -> bool {
        match &self.cells {
            None => true,
            Some(list) => list.iter().any(|c| c == name),
        }
    }
}

/// Parses the directives of a program's source text.
pub fn parse(source: &str) -> Result<Directives, DirectiveError> {
    let mut d = Directives::default();
    for (index, raw) in source.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let Some(comment) = line.strip_prefix("//") else { break };
        let Some((key, value)) = comment.split_once(':') else { continue };
        let key = key.trim();
        // A directive value keeps inner spaces but not the one after ':'.
        let value = value.strip_prefix(' ').unwrap_or(value).trim_end();
        let err = |message: String| DirectiveError { line: index + 1, message };
        match key {
            "args" => d.args.extend(value.split_whitespace().map(str::to_string)),
            "env" => {
                let (k, v) = value.split_once('=').ok_or_else(|| err(format!("env `{value}`: expected NAME=value")))?;
                if k.is_empty() {
                    return Err(err("env: empty variable name".into()));
                }
                d.env.push((k.to_string(), v.to_string()));
            }
            "stdin" => {
                d.stdin.extend_from_slice(value.as_bytes());
                d.stdin.push(b'\n');
            }
            "stdin-file" => d.stdin_file = Some(value.to_string()),
            "dir" => {
                let (path, contents) =
                    value.split_once('=').ok_or_else(|| err(format!("dir `{value}`: expected path=contents")))?;
                check_relative(path).map_err(err)?;
                d.seed.push(SeedEntry::File { path: path.to_string(), contents: unescape(contents).map_err(err)? });
            }
            "mkdir" => {
                check_relative(value).map_err(err)?;
                d.seed.push(SeedEntry::Dir { path: value.to_string() });
            }
            "cells" => {
                if value == "all" {
                    d.cells = None;
                } else {
                    let mut list = Vec::new();
                    for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                        if !CELL_NAMES.contains(&name) {
                            return Err(err(format!("cells: unknown cell `{name}` (known: {})", CELL_NAMES.join(", "))));
                        }
                        list.push(name.to_string());
                    }
                    d.cells = Some(list);
                }
            }
            "reactor" => {
                if value.is_empty() || value.contains(char::is_whitespace) {
                    return Err(err(format!("reactor `{value}`: expected one export name")));
                }
                d.reactor = Some(value.to_string());
            }
            "link-only" => d.link_only = yes_no(value).map_err(err)?,
            "debug" => d.debug = yes_no(value).map_err(err)?,
            "link-args" => d.link_args.extend(value.split_whitespace().map(str::to_string)),
            "timeout" => {
                d.timeout_secs = value
                    .parse()
                    .ok()
                    .filter(|s| *s > 0)
                    .ok_or_else(|| err(format!("timeout `{value}`: expected a positive number of seconds")))?;
            }
            _ => {}
        }
    }
    Ok(d)
}

/// `yes`/`no` flag values.
fn yes_no(value: &str) -> Result<bool, String> {
    match value {
        "yes" | "true" => Ok(true),
        "no" | "false" => Ok(false),
        _ => Err(format!("`{value}`: expected yes or no")),
    }
}

/// Seed paths must stay inside the sandbox.
fn check_relative(path: &str) -> Result<(), String> {
    let trimmed = path.trim_end_matches('/');
    let bad = trimmed.is_empty()
        || path.starts_with('/')
        || trimmed.split('/').any(|c| c == ".." || c.is_empty());
    if bad {
        Err(format!("path `{path}` must be relative, without `..`"))
    } else {
        Ok(())
    }
}

/// Expands `\n`, `\t`, `\0`, `\\`, `\xHH` in seed contents.
fn unescape(s: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            continue;
        }
        match chars.next() {
            Some('n') => out.push(b'\n'),
            Some('t') => out.push(b'\t'),
            Some('0') => out.push(0),
            Some('\\') => out.push(b'\\'),
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                match u8::from_str_radix(&hex, 16) {
                    Ok(byte) if hex.len() == 2 && hex.chars().all(|c| c.is_ascii_hexdigit()) => out.push(byte),
                    _ => return Err(format!("bad escape `\\x{hex}` in dir contents: expected two hex digits")),
                }
            }
            other => return Err(format!("unknown escape `\\{}` in dir contents", other.map(String::from).unwrap_or_default())),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_all_directives() {
        let src = "// A test program.\n// args: one  two\n// args: three\n// env: A=b c\n// stdin: hello\n// stdin: world\n\
                   // dir: sub/x.txt=a\\nb\n// mkdir: empty\n// cells: ref, product\n// timeout: 5\n// reactor: run\n//\nint main() {}\n// args: ignored\n";
        let d = parse(src).unwrap();
        assert_eq!(d.args, ["one", "two", "three"]);
        assert_eq!(d.env, [("A".to_string(), "b c".to_string())]);
        assert_eq!(d.stdin, b"hello\nworld\n");
        assert_eq!(
            d.seed,
            [
                SeedEntry::File { path: "sub/x.txt".into(), contents: b"a\nb".to_vec() },
                SeedEntry::Dir { path: "empty".into() }
            ]
        );
        assert_eq!(d.cells, Some(vec!["ref".to_string(), "product".to_string()]));
        assert!(d.wants_cell("ref") && !d.wants_cell("wasm-ld+ours"));
        assert_eq!(d.timeout_secs, 5);
        assert_eq!(d.reactor.as_deref(), Some("run"));
    }

    #[test]
    fn defaults_and_plain_comments() {
        let d = parse("// Note: not a directive\nfn main() {}\n").unwrap();
        assert_eq!(d, Directives::default());
        assert!(d.wants_cell("product"));
    }

    #[test]
    fn rejects_bad_directives() {
        assert_eq!(parse("// env: NOEQUALS\n").unwrap_err().line, 1);
        assert!(parse("\n// cells: ref,bogus\n").unwrap_err().message.contains("bogus"));
        assert!(parse("// dir: ../escape=x\n").is_err());
        assert!(parse("// dir: /abs=x\n").is_err());
        assert!(parse("// timeout: 0\n").is_err());
        assert!(parse("// reactor: two names\n").is_err());
        assert!(parse("// dir: a=bad\\q\n").is_err());
        assert!(parse("// dir: a=\\x4\n").is_err());
        let d = parse("// dir: a=\\xc3\\xa9!\n").unwrap();
        assert_eq!(d.seed, [SeedEntry::File { path: "a".into(), contents: "\u{e9}!".as_bytes().to_vec() }]);
    }
}
