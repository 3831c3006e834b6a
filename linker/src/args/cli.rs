//! wasm-ld's options as a clap `Command`, and the tiny pre-pass clap needs.
//!
//! Every flag is an `Append` action with an empty implicit value so each
//! occurrence gets a clap index; options with a value are `Append` too, so
//! `ArgMatches::indices_of` orders inputs, `-l` and `--whole-archive`
//! exactly as they appeared, and "the last one wins" can compare indices.
//!
//! What clap cannot express, done by [`normalize`] (one rewrite per word,
//! word count unchanged): single-dash long options (`-export`, `-flavor`,
//! which LLVM's option parser accepts like `--export`) and `--lto-O<N>`
//! (an option whose value is glued to its name).

use crate::diag::Error;
use clap::{Arg, ArgAction, Command};

/// Options taking one value: (id, short, long).
const VALUED: &[(&str, Option<char>, Option<&str>)] = &[
    ("o", Some('o'), None),
    ("O", Some('O'), None),
    ("l", Some('l'), Some("library")),
    ("L", Some('L'), Some("library-path")),
    ("m", Some('m'), None),
    ("z", Some('z'), None),
    ("u", Some('u'), Some("undefined")),
    ("e", Some('e'), Some("entry")),
    ("y", Some('y'), Some("trace-symbol")),
    ("flavor", None, Some("flavor")),
    ("mllvm", None, Some("mllvm")),
    ("export", None, Some("export")),
    ("export-if-defined", None, Some("export-if-defined")),
    ("wrap", None, Some("wrap")),
    ("global-base", None, Some("global-base")),
    ("initial-memory", None, Some("initial-memory")),
    ("max-memory", None, Some("max-memory")),
    ("initial-heap", None, Some("initial-heap")),
    ("allow-undefined-file", None, Some("allow-undefined-file")),
    ("unresolved-symbols", None, Some("unresolved-symbols")),
    ("Map", None, Some("Map")),
    ("reproduce", None, Some("reproduce")),
    ("threads", None, Some("threads")),
    ("sysroot", None, Some("sysroot")),
    ("features", None, Some("features")),
    ("extra-features", None, Some("extra-features")),
    ("lto-O", None, Some("lto-O")),
    ("lto-partitions", None, Some("lto-partitions")),
    ("thinlto-cache-dir", None, Some("thinlto-cache-dir")),
    ("thinlto-jobs", None, Some("thinlto-jobs")),
    ("error-limit", None, Some("error-limit")),
    ("keep-section", None, Some("keep-section")),
    ("max-memory-growth", None, Some("max-memory-growth")),
    ("page-size", None, Some("page-size")),
    ("table-base", None, Some("table-base")),
    ("soname", None, Some("soname")),
    ("emit-relocs-section", None, Some("emit-relocs-section")),
    ("compress-relocations-mode", None, Some("compress-relocations-mode")),
    ("lto-CGO", None, Some("lto-CGO")),
    ("plugin-opt", None, Some("plugin-opt")),
];

/// Flags (no value): (id, short, long).
const FLAGS: &[(&str, Option<char>, Option<&str>)] = &[
    ("whole-archive", None, Some("whole-archive")),
    ("no-whole-archive", None, Some("no-whole-archive")),
    ("export-all", None, Some("export-all")),
    ("export-dynamic", Some('E'), Some("export-dynamic")),
    ("export-table", None, Some("export-table")),
    ("import-table", None, Some("import-table")),
    ("import-undefined", None, Some("import-undefined")),
    ("allow-undefined", None, Some("allow-undefined")),
    ("no-entry", None, Some("no-entry")),
    ("stack-first", None, Some("stack-first")),
    ("no-stack-first", None, Some("no-stack-first")),
    ("gc-sections", None, Some("gc-sections")),
    ("no-gc-sections", None, Some("no-gc-sections")),
    ("no-growable-memory", None, Some("no-growable-memory")),
    ("growable-table", None, Some("growable-table")),
    ("print-gc-sections", None, Some("print-gc-sections")),
    ("strip-debug", Some('S'), Some("strip-debug")),
    ("strip-all", Some('s'), Some("strip-all")),
    ("demangle", None, Some("demangle")),
    ("no-demangle", None, Some("no-demangle")),
    ("fatal-warnings", None, Some("fatal-warnings")),
    ("check-features", None, Some("check-features")),
    ("no-check-features", None, Some("no-check-features")),
    ("trace", Some('t'), Some("trace")),
    ("version", Some('V'), Some("version")),
    ("help", Some('h'), Some("help")),
    // Refused with "unsupported option" (PIC / shared memory output).
    ("shared", None, Some("shared")),
    ("pie", None, Some("pie")),
    ("r", Some('r'), Some("relocatable")),
    ("shared-memory", None, Some("shared-memory")),
];

/// Flags accepted and ignored (they tune output we do not produce); an
/// `=value` is tolerated, as the previous hand parser did.
const IGNORED: &[&str] = &[
    "color-diagnostics", "no-color-diagnostics", "verbose", "no-merge-data-segments", "merge-data-segments",
    "compress-relocations", "lto-debug-pass-manager", "no-shlib-sigcheck", "disable-verify", "save-temps",
    "no-print-gc-sections", "no-fatal-warnings", "experimental-pic", "strip-none", "keep-debug", "gdb-index",
    "Bstatic", "no-pie", "warn-unresolved-symbols", "error-unresolved-symbols", "no-export-dynamic", "build-id",
];

/// Options with an optional `=value` that matters: `--export-memory[=name]`, `--import-memory[=mod,name]`.
const OPTIONAL_VALUE: &[&str] = &["export-memory", "import-memory"];

/// The clap command describing wasm-ld's options.
pub fn command() -> Command {
    let mut cmd = Command::new("wasip1-ld")
        .no_binary_name(true)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(Arg::new("inputs").num_args(1..).action(ArgAction::Append));
    for &(id, short, long) in VALUED {
        let mut a = Arg::new(id).num_args(1).action(ArgAction::Append).allow_hyphen_values(true);
        if let Some(s) = short {
            a = a.short(s);
        }
        if let Some(l) = long {
            a = a.long(l);
        }
        cmd = cmd.arg(a);
    }
    for &(id, short, long) in FLAGS {
        let mut a = Arg::new(id).num_args(0).action(ArgAction::Append).default_missing_value("");
        if let Some(s) = short {
            a = a.short(s);
        }
        if let Some(l) = long {
            a = a.long(l);
        }
        cmd = cmd.arg(a);
    }
    // `-v` prints the version in wasm-ld and goes on; it is ignored here.
    cmd = cmd.arg(Arg::new("v").short('v').num_args(0).action(ArgAction::Append).default_missing_value(""));
    for &id in IGNORED.iter().chain(OPTIONAL_VALUE) {
        cmd = cmd.arg(
            Arg::new(id)
                .long(id)
                .num_args(0..=1)
                .require_equals(true)
                .action(ArgAction::Append)
                .default_missing_value(""),
        );
    }
    cmd
}

/// Rewrites the words clap cannot read as wasm-ld means them (see the
/// module doc). One output word per input word.
pub fn normalize(cmd: &Command, args: &[String]) -> Vec<String> {
    let is_long = |name: &str| cmd.get_arguments().any(|a| a.get_long() == Some(name));
    args.iter()
        .map(|a| {
            let mut a = a.clone();
            if a.len() > 2 && a.starts_with('-') && !a.starts_with("--") {
                let name = a[1..].split('=').next().unwrap_or("");
                if is_long(name) || lto_level(name).is_some() {
                    a.insert(0, '-');
                }
            }
            if let Some(level) = a.strip_prefix("--").and_then(lto_level) {
                a = format!("--lto-O={level}");
            }
            a
        })
        .collect()
}

/// `lto-O2` → `Some("2")`.
fn lto_level(name: &str) -> Option<&str> {
    name.strip_prefix("lto-O").filter(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()))
}

/// Turns a clap error into the linker's one-line message; `words` (the
/// normalized command line) name the whole word when clap only names the
/// unknown short option in it (`-bogus` → clap says `-b`).
pub fn error(e: clap::Error, words: &[String]) -> Error {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let ctx = |k| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(" "),
        _ => String::new(),
    };
    let arg = ctx(ContextKind::InvalidArg);
    let flag = arg.split([' ', '=']).next().unwrap_or("").to_string();
    match e.kind() {
        ErrorKind::UnknownArgument => {
            let whole = (arg.len() == 2 && !arg.starts_with("--"))
                .then(|| words.iter().find(|w| w.starts_with(arg.as_str()) && !w.starts_with("--")))
                .flatten()
                .unwrap_or(&arg);
            Error::new(format!("unknown argument: {whole}"))
        }
        ErrorKind::TooManyValues | ErrorKind::NoEquals => {
            Error::new(format!("unknown argument: {flag}={}", ctx(ContextKind::InvalidValue)))
        }
        ErrorKind::InvalidValue | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            Error::new(format!("{flag}: missing argument"))
        }
        _ => {
            let text = e.render().to_string();
            let first = text.lines().next().unwrap_or("invalid command line");
            Error::new(first.trim_start_matches("error: ").to_string())
        }
    }
}
