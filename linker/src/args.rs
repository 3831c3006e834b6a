//! The wasm-ld command line.
//!
//! Parsed by hand because wasm-ld's syntax is order-sensitive (inputs, `-l`,
//! `--whole-archive`) and accepts `-opt`, `--opt`, `--opt=value`,
//! `--opt value`, `-oFILE` and `@response-file` forms interchangeably.

use crate::diag::{Error, Result};
use std::path::PathBuf;

/// One positional input, in command-line order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputArg {
    /// What to load.
    pub kind: InputKind,
    /// Whether `--whole-archive` was in effect for it.
    pub whole_archive: bool,
    /// Where it is in `Config::expanded_args`: first index and count (for `--reproduce`).
    pub args_at: (usize, usize),
}

/// A file path or a `-l` library name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputKind {
    /// An object file or archive given by path.
    Path(PathBuf),
    /// `-lNAME`: `libNAME.a` searched on the `-L` path (then the sysroot for `c`).
    Lib(String),
}

/// What to do with undefined symbols (`--unresolved-symbols`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unresolved {
    /// Undefined symbols are errors (the default).
    ReportAll,
    /// Undefined functions become imports (`--allow-undefined`).
    ImportFunctions,
    /// Undefined symbols are silently resolved to zero / trapping stubs.
    IgnoreAll,
}

/// Everything the command line says.
#[derive(Debug, Clone)]
pub struct Config {
    pub output: PathBuf,
    pub inputs: Vec<InputArg>,
    pub lib_paths: Vec<PathBuf>,
    pub sysroot: Option<PathBuf>,
    pub exports: Vec<String>,
    pub exports_if_defined: Vec<String>,
    pub export_all: bool,
    pub export_dynamic: bool,
    pub export_table: bool,
    /// Name under which memory is exported; `None` with `--import-memory` and no `--export-memory`.
    pub export_memory: Option<String>,
    pub explicit_export_memory: bool,
    /// `(module, name)` of the imported memory.
    pub import_memory: Option<(String, String)>,
    pub import_table: bool,
    pub import_undefined: bool,
    pub unresolved: Unresolved,
    pub allow_undefined_files: Vec<PathBuf>,
    /// `None` means `--no-entry`.
    pub entry: Option<String>,
    pub explicit_entry: bool,
    pub stack_size: u64,
    pub stack_first: bool,
    pub global_base: Option<u64>,
    pub initial_memory: Option<u64>,
    pub max_memory: Option<u64>,
    pub initial_heap: Option<u64>,
    pub gc_sections: bool,
    /// `--no-growable-memory`: maximum memory = initial memory.
    pub no_growable_memory: bool,
    /// `--growable-table`: the table has no maximum.
    pub growable_table: bool,
    pub print_gc_sections: bool,
    pub opt_level: u32,
    pub strip_debug: bool,
    pub strip_all: bool,
    pub demangle: bool,
    pub fatal_warnings: bool,
    pub undefined: Vec<String>,
    pub wrap: Vec<String>,
    pub map_file: Option<PathBuf>,
    /// `--reproduce FILE.tar`.
    pub reproduce: Option<PathBuf>,
    /// Warnings found while parsing (printed, or errors with --fatal-warnings).
    pub warnings: Vec<String>,
    /// The command line with response files expanded.
    pub expanded_args: Vec<String>,
    /// Ranges of `expanded_args` that a reproduce response must drop
    /// (`-L`, `--sysroot`, `--reproduce`: the archive supplies the files).
    pub host_only_args: Vec<(usize, usize)>,
    /// `--features=a,b`: exactly these features are allowed and listed in the output.
    pub features: Option<Vec<String>>,
    /// `--extra-features=a,b`: added to the inferred (or given) features.
    pub extra_features: Vec<String>,
    /// `--check-features` (default) / `--no-check-features`.
    pub check_features: bool,
    pub trace: bool,
    pub threads: Option<usize>,
    pub version: bool,
    pub help: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            output: PathBuf::from("a.out"),
            inputs: Vec::new(),
            lib_paths: Vec::new(),
            sysroot: None,
            exports: Vec::new(),
            exports_if_defined: Vec::new(),
            export_all: false,
            export_dynamic: false,
            export_table: false,
            export_memory: Some("memory".into()),
            explicit_export_memory: false,
            import_memory: None,
            import_table: false,
            import_undefined: false,
            unresolved: Unresolved::ReportAll,
            allow_undefined_files: Vec::new(),
            entry: Some("_start".into()),
            explicit_entry: false,
            stack_size: 65536,
            stack_first: false,
            global_base: None,
            initial_memory: None,
            max_memory: None,
            initial_heap: None,
            gc_sections: true,
            no_growable_memory: false,
            growable_table: false,
            print_gc_sections: false,
            opt_level: 1,
            strip_debug: false,
            strip_all: false,
            demangle: true,
            fatal_warnings: false,
            undefined: Vec::new(),
            wrap: Vec::new(),
            map_file: None,
            reproduce: None,
            expanded_args: Vec::new(),
            warnings: Vec::new(),
            host_only_args: Vec::new(),
            features: None,
            extra_features: Vec::new(),
            check_features: true,
            trace: false,
            threads: None,
            version: false,
            help: false,
        }
    }
}

/// Options that take a value (`--name value` or `--name=value`).
const WITH_VALUE: &[&str] = &[
    "o", "O", "l", "L", "m", "z", "u", "e", "y", "flavor", "mllvm", "export", "export-if-defined",
    "entry", "undefined", "wrap", "global-base", "initial-memory", "max-memory", "initial-heap",
    "allow-undefined-file", "unresolved-symbols", "Map", "reproduce", "threads", "sysroot",
    "library", "library-path", "trace-symbol", "lto-partitions",
    "thinlto-cache-dir", "thinlto-jobs", "error-limit", "features", "extra-features",
    "keep-section", "max-memory-growth", "page-size", "table-base", "build-id", "soname",
    "emit-relocs-section", "compress-relocations-mode", "lto-CGO", "plugin-opt",
];

/// Flags ignored because they only tune optimisation or output we do not produce.
const IGNORED_FLAGS: &[&str] = &[
    "no-demangle-dummy", "color-diagnostics", "no-color-diagnostics", "verbose", "v", "no-merge-data-segments", "merge-data-segments",
    "compress-relocations", "lto-debug-pass-manager",
    "no-shlib-sigcheck", "disable-verify", "save-temps", "no-print-gc-sections",
    "no-fatal-warnings", "experimental-pic", "strip-none", "keep-debug", "gdb-index",
    "no-entry-dummy", "Bstatic", "no-pie", "warn-unresolved-symbols", "error-unresolved-symbols",
    "extra-features-dummy", "emit-relocs-dummy", "no-export-dynamic",
];

/// Expands `@file` response files (whitespace separated, quotes honoured).
fn expand_response_files(args: &[String], depth: u32) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for a in args {
        if let Some(path) = a.strip_prefix('@') {
            if depth > 16 {
                return Err(Error::new(format!("{path}: response files nested too deeply")));
            }
            let text = std::fs::read_to_string(path)
                .map_err(|e| Error::file(path, format!("cannot read response file: {e}")))?;
            let words = split_response(&text);
            out.extend(expand_response_files(&words, depth + 1)?);
        } else {
            out.push(a.clone());
        }
    }
    Ok(out)
}

/// Splits response-file text into words, GNU style (quotes and backslashes).
fn split_response(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (_, '\\') => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
                in_word = true;
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => cur.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            (None, c) => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    words
}

fn parse_num(opt: &str, v: &str) -> Result<u64> {
    let r = if let Some(h) = v.strip_prefix("0x").or_else(|| v.strip_prefix("0X")) {
        u64::from_str_radix(h, 16)
    } else {
        v.parse::<u64>()
    };
    r.map_err(|_| Error::new(format!("invalid value for --{opt}: {v}")))
}

/// Parses wasm-ld's command line (without the program name).
pub fn parse(raw: &[String]) -> Result<Config> {
    let args = expand_response_files(raw, 0)?;
    let mut c = Config::default();
    let mut whole = false;
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        let at = i;
        i += 1;
        if arg == "-" || !arg.starts_with('-') {
            c.inputs.push(InputArg { kind: InputKind::Path(arg.into()), whole_archive: whole, args_at: (at, 1) });
            continue;
        }
        // Split into option name and optional attached value.
        let body = arg.trim_start_matches('-');
        let (name, attached): (&str, Option<String>) = if let Some((n, v)) = body.split_once('=') {
            (n, Some(v.to_string()))
        } else if !arg.starts_with("--")
            && body.len() > 1
            && body.is_char_boundary(1)
            && ["o", "l", "L", "u", "e", "y", "z", "m", "O"].contains(&&body[..1])
            && !is_known_long(body)
        {
            (&body[..1], Some(body[1..].to_string()))
        } else {
            (body, None)
        };
        let takes_value = WITH_VALUE.contains(&name);
        let value = if takes_value {
            match attached {
                Some(v) => v,
                None => {
                    if i >= args.len() {
                        return Err(Error::new(format!("{arg}: missing argument")));
                    }
                    i += 1;
                    args[i - 1].clone()
                }
            }
        } else {
            // Only a few flags accept an optional joined value.
            if attached.is_some()
                && !matches!(name, "export-memory" | "import-memory")
                && !name.starts_with("lto-O")
                && !IGNORED_FLAGS.contains(&name)
            {
                return Err(Error::new(format!("unknown argument: {arg}")));
            }
            attached.unwrap_or_default()
        };
        match name {
            "o" => c.output = value.into(),
            "l" | "library" => {
                c.inputs.push(InputArg { kind: InputKind::Lib(value), whole_archive: whole, args_at: (at, i - at) })
            }
            "L" | "library-path" => {
                c.lib_paths.push(value.into());
                c.host_only_args.push((at, i - at));
            }
            "sysroot" => {
                c.sysroot = Some(value.into());
                c.host_only_args.push((at, i - at));
            }
            "reproduce" => {
                c.reproduce = Some(value.into());
                c.host_only_args.push((at, i - at));
            }
            "flavor" | "m" | "mllvm" | "y" | "trace-symbol" | "lto-partitions"
            | "thinlto-cache-dir" | "thinlto-jobs" | "error-limit" | "keep-section" | "max-memory-growth" | "page-size"
            | "table-base" | "build-id" | "soname" | "emit-relocs-section"
            | "compress-relocations-mode" | "lto-CGO" | "plugin-opt" => {
                if name == "m" && value != "wasm32" {
                    return Err(Error::new(format!("unsupported emulation: -m {value}")));
                }
            }
            "z" => parse_z(&mut c, &value)?,
            "features" => c.features = Some(split_list(&value)),
            "extra-features" => c.extra_features.extend(split_list(&value)),
            "check-features" => c.check_features = true,
            "no-check-features" => c.check_features = false,
            "whole-archive" => whole = true,
            "no-whole-archive" => whole = false,
            "export" => c.exports.push(value),
            "export-if-defined" => c.exports_if_defined.push(value),
            "export-all" => c.export_all = true,
            "export-dynamic" | "E" => c.export_dynamic = true,
            "export-table" => c.export_table = true,
            "export-memory" => {
                c.export_memory = Some(if value.is_empty() { "memory".into() } else { value });
                c.explicit_export_memory = true;
            }
            "import-memory" => {
                let (m, n) = match value.split_once(',') {
                    Some((m, n)) => (m.to_string(), n.to_string()),
                    None if value.is_empty() => ("env".into(), "memory".into()),
                    None => ("env".into(), value),
                };
                c.import_memory = Some((m, n));
            }
            "import-table" => c.import_table = true,
            "import-undefined" => c.import_undefined = true,
            "allow-undefined" => c.unresolved = Unresolved::ImportFunctions,
            "allow-undefined-file" => c.allow_undefined_files.push(value.into()),
            "unresolved-symbols" => {
                c.unresolved = match value.as_str() {
                    "report-all" => Unresolved::ReportAll,
                    "import-dynamic" => Unresolved::ImportFunctions,
                    "ignore-all" => Unresolved::IgnoreAll,
                    _ => {
                        return Err(Error::new(format!("unknown --unresolved-symbols value: {value}")))
                    }
                }
            }
            "entry" | "e" => {
                c.entry = Some(value);
                c.explicit_entry = true;
            }
            "no-entry" => {
                c.entry = None;
                c.explicit_entry = true;
            }
            "stack-first" => c.stack_first = true,
            "no-stack-first" => c.stack_first = false,
            "global-base" => c.global_base = Some(parse_num(name, &value)?),
            "initial-memory" => c.initial_memory = Some(parse_num(name, &value)?),
            "max-memory" => c.max_memory = Some(parse_num(name, &value)?),
            "initial-heap" => c.initial_heap = Some(parse_num(name, &value)?),
            "gc-sections" => c.gc_sections = true,
            "no-growable-memory" => c.no_growable_memory = true,
            "growable-table" => c.growable_table = true,
            "no-gc-sections" => c.gc_sections = false,
            "print-gc-sections" => c.print_gc_sections = true,
            "strip-debug" | "S" => c.strip_debug = true,
            "strip-all" | "s" => c.strip_all = true,
            "no-demangle" => c.demangle = false,
            "demangle" => c.demangle = true,
            "fatal-warnings" => c.fatal_warnings = true,
            "u" | "undefined" => c.undefined.push(value),
            "wrap" => c.wrap.push(value),
            "Map" => c.map_file = Some(value.into()),
            "trace" | "t" => c.trace = true,
            "threads" => {
                c.threads = Some(
                    value
                        .parse()
                        .map_err(|_| Error::new(format!("invalid --threads value: {value}")))?,
                )
            }
            "version" | "V" => c.version = true,
            "help" | "h" => c.help = true,
            "shared" | "pie" | "r" | "relocatable" | "shared-memory" | "experimental-pic-dummy" => {
                return Err(Error::new(format!("unsupported option: {arg}")))
            }
            n if n.starts_with("lto-O") => {}
            // `-O2` and `-O 2` (as --reproduce response files write it).
            "O" => {
                c.opt_level = value
                    .parse()
                    .map_err(|_| Error::new(format!("invalid optimization level: -O {value}")))?
            }
            n if IGNORED_FLAGS.contains(&n) => {}
            _ => return Err(Error::new(format!("unknown argument: {arg}"))),
        }
    }
    c.expanded_args = args;
    Ok(c)
}

/// Whether `body` (an argument without leading dashes) is a long option that
/// happens to start with a short option letter, e.g. `-export`, `-lto-O2`.
fn is_known_long(body: &str) -> bool {
    let name = body.split_once('=').map(|(n, _)| n).unwrap_or(body);
    WITH_VALUE.contains(&name)
        || IGNORED_FLAGS.contains(&name)
        || name.starts_with("lto-O")
        || matches!(
            name,
            "export-all" | "export-dynamic" | "export-table" | "no-entry" | "entry" | "undefined"
                | "unresolved-symbols" | "export-memory" | "import-memory" | "import-table"
                | "import-undefined" | "allow-undefined" | "max-memory" | "map" | "check-features"
                | "no-check-features"
        )
}

/// A comma-separated list (`--features=a,b`), empty items dropped.
fn split_list(v: &str) -> Vec<String> {
    v.split(',').filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// `-z key=value` options.
fn parse_z(c: &mut Config, v: &str) -> Result<()> {
    match v.split_once('=') {
        Some(("stack-size", n)) => c.stack_size = parse_num("z stack-size", n)?,
        Some(_) | None => match v {
            "now" | "relro" | "norelro" | "notext" | "text" | "defs" | "nodefs" => {}
            _ => c.warnings.push(format!("ignoring unknown -z option: {v}")),
        },
    }
    Ok(())
}

/// The `--help` text.
pub const HELP: &str = "\
USAGE: wasip1-ld [options] file...

A WebAssembly static linker for wasm32-wasip1 (wasm-ld compatible).

OPTIONS:
  -o <path>                 Output file (default a.out)
  -l <name>, -L <dir>       Link libNAME.a, searched on the -L path
  --whole-archive, --no-whole-archive
  --sysroot <dir>           Use <dir>/lib/wasm32-wasip1 for libc.a and crt1-command.o
  --entry <sym>, --no-entry Entry point (default _start)
  --export <sym>, --export-if-defined <sym>, --export-all, --export-dynamic
  --export-table, --export-memory[=name], --import-memory[=mod,name]
  --allow-undefined, --allow-undefined-file <f>, --unresolved-symbols <mode>
  -z stack-size=<n>, --stack-first, --no-stack-first, --global-base <n>
  --initial-memory <n>, --max-memory <n>, --initial-heap <n>
  --gc-sections, --no-gc-sections, --print-gc-sections
  --strip-debug, --strip-all, --demangle, --no-demangle
  -u <sym>, --wrap <sym>, --fatal-warnings, --threads <n>, -O<n>
  --version, --help
Environment: WASIP1_SYSROOT is used when --sysroot is absent.
";

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Config> {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn rustc_command_line() {
        let c = p(&[
            "-flavor", "wasm", "--export", "__main_void", "-z", "stack-size=1048576", "--stack-first",
            "--allow-undefined", "--no-demangle", "a.o", "lib.rlib", "-l", "c", "-o", "x.wasm", "--gc-sections", "-O3",
        ])
        .expect("parses");
        assert_eq!(c.exports, vec!["__main_void"]);
        assert_eq!(c.stack_size, 1048576);
        assert!(c.stack_first && c.gc_sections && !c.demangle);
        assert_eq!(c.unresolved, Unresolved::ImportFunctions);
        assert_eq!(c.output, PathBuf::from("x.wasm"));
        assert_eq!(c.opt_level, 3);
        assert_eq!(c.inputs.len(), 3);
        assert_eq!(c.inputs[2].kind, InputKind::Lib("c".into()));
    }

    #[test]
    fn clang_command_line() {
        let c = p(&["-m", "wasm32", "-L/usr/lib/wasm32-wasi", "crt1.o", "x.o", "-lc", "rt.a", "-o", "a.out"])
            .expect("parses");
        assert_eq!(c.lib_paths, vec![PathBuf::from("/usr/lib/wasm32-wasi")]);
        assert_eq!(c.inputs[2].kind, InputKind::Lib("c".into()));
    }

    #[test]
    fn forms_and_whole_archive() {
        let c = p(&[
            "--export=a", "-export", "b", "--whole-archive", "x.a", "--no-whole-archive", "y.a", "-e", "go",
            "--initial-memory=0x20000", "--lto-O2", "-mllvm", "-foo", "--threads=2", "--export-memory=mem",
        ])
        .expect("parses");
        assert_eq!(c.exports, vec!["a", "b"]);
        assert!(c.inputs[0].whole_archive && !c.inputs[1].whole_archive);
        assert_eq!(c.entry.as_deref(), Some("go"));
        assert_eq!(c.initial_memory, Some(0x20000));
        assert_eq!(c.threads, Some(2));
        assert_eq!(c.export_memory.as_deref(), Some("mem"));
    }

    #[test]
    fn response_file() {
        let dir = std::env::temp_dir().join(format!("wasip1-ld-rsp-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("tmp");
        let rsp = dir.join("args.rsp");
        std::fs::write(&rsp, "--export \"with space\" 'q.o'\n-o out.wasm\n").expect("write");
        let c = p(&[&format!("@{}", rsp.display())]).expect("parses");
        assert_eq!(c.exports, vec!["with space"]);
        assert_eq!(c.output, PathBuf::from("out.wasm"));
        assert_eq!(c.inputs[0].kind, InputKind::Path("q.o".into()));
    }

    #[test]
    fn errors() {
        assert!(p(&["-é"]).is_err());
        assert_eq!(p(&["--bogus"]).unwrap_err().to_string(), "unknown argument: --bogus");
        assert!(p(&["-o"]).unwrap_err().to_string().contains("missing argument"));
        assert!(p(&["--shared"]).unwrap_err().to_string().contains("unsupported option"));
        assert!(p(&["-m", "wasm64"]).is_err());
        assert_eq!(p(&["-z", "bogus"]).expect("warning only").warnings.len(), 1);
    }
}
