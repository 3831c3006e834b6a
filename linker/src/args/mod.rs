//! The wasm-ld command line.
//!
//! Response files are expanded first (`response.rs`), then clap parses the
//! words (`cli.rs`: the option table and the small pre-pass for what clap
//! cannot express). wasm-ld's syntax is order-sensitive (inputs, `-l`,
//! `--whole-archive`): clap's indices give the order. `locate.rs` finds
//! each input's words again, for `--reproduce`.

use crate::diag::{Error, Result};
use std::path::PathBuf;

mod cli;
mod locate;
mod response;

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
    let args = response::expand_response_files(raw, 0)?;
    let cmd = cli::command();
    let words = cli::normalize(&cmd, &args);
    let m = cmd.try_get_matches_from(&words).map_err(|e| cli::error(e, &words))?;
    let mut c = Config::default();
    let all = |id: &str| -> Vec<(usize, String)> { values(&m, id) };
    let last = |id: &str| all(id).pop().map(|(_, v)| v);
    let last_at = |id: &str| all(id).last().map(|(i, _)| *i);
    // Of two opposite flags, whether the first one was given last.
    let wins = |yes: &str, no: &str, default: bool| match (last_at(yes), last_at(no)) {
        (Some(a), Some(b)) => a > b,
        (Some(_), None) => true,
        (None, Some(_)) => false,
        (None, None) => default,
    };

    for id in ["shared", "pie", "r", "shared-memory"] {
        if m.contains_id(id) {
            let name = if id == "r" { "relocatable" } else { id };
            return Err(Error::new(format!("unsupported option: --{name}")));
        }
    }
    if let Some(v) = last("m") {
        if v != "wasm32" {
            return Err(Error::new(format!("unsupported emulation: -m {v}")));
        }
    }

    // Inputs, -l and --whole-archive, in command-line order.
    let mut events: Vec<(usize, &str, String)> = Vec::new();
    for id in ["inputs", "l", "whole-archive", "no-whole-archive"] {
        events.extend(all(id).into_iter().map(|(i, v)| (i, id, v)));
    }
    events.sort_by_key(|e| e.0);
    let mut whole = false;
    let mut locator = locate::Locator::new(&args);
    for (_, id, v) in events {
        match id {
            "whole-archive" => whole = true,
            "no-whole-archive" => whole = false,
            "l" => {
                let args_at = locator.option(&['l'], &["library"], &v);
                c.inputs.push(InputArg { kind: InputKind::Lib(v), whole_archive: whole, args_at });
            }
            _ => {
                let args_at = locator.word(&v);
                c.inputs.push(InputArg { kind: InputKind::Path(v.into()), whole_archive: whole, args_at });
            }
        }
    }
    // Options whose words a --reproduce response drops.
    let mut host: Vec<(usize, &str, String)> = Vec::new();
    for id in ["L", "sysroot", "reproduce"] {
        host.extend(all(id).into_iter().map(|(i, v)| (i, id, v)));
    }
    host.sort_by_key(|e| e.0);
    let mut locator = locate::Locator::new(&args);
    for (_, id, v) in host {
        let at = match id {
            "L" => {
                c.lib_paths.push(v.clone().into());
                locator.option(&['L'], &["library-path"], &v)
            }
            "sysroot" => {
                c.sysroot = Some(v.clone().into());
                locator.option(&[], &["sysroot"], &v)
            }
            _ => {
                c.reproduce = Some(v.clone().into());
                locator.option(&[], &["reproduce"], &v)
            }
        };
        c.host_only_args.push(at);
    }

    if let Some(v) = last("o") {
        c.output = v.into();
    }
    for (_, v) in all("z") {
        parse_z(&mut c, &v)?;
    }
    if let Some(v) = last("features") {
        c.features = Some(split_list(&v));
    }
    for (_, v) in all("extra-features") {
        c.extra_features.extend(split_list(&v));
    }
    c.check_features = wins("check-features", "no-check-features", true);
    c.exports = all("export").into_iter().map(|(_, v)| v).collect();
    c.exports_if_defined = all("export-if-defined").into_iter().map(|(_, v)| v).collect();
    c.export_all = m.contains_id("export-all");
    c.export_dynamic = m.contains_id("export-dynamic");
    c.export_table = m.contains_id("export-table");
    if let Some(v) = last("export-memory") {
        c.export_memory = Some(if v.is_empty() { "memory".into() } else { v });
        c.explicit_export_memory = true;
    }
    if let Some(v) = last("import-memory") {
        c.import_memory = Some(match v.split_once(',') {
            Some((m, n)) => (m.to_string(), n.to_string()),
            None if v.is_empty() => ("env".into(), "memory".into()),
            None => ("env".into(), v),
        });
    }
    c.import_table = m.contains_id("import-table");
    c.import_undefined = m.contains_id("import-undefined");
    let unresolved = match last("unresolved-symbols").as_deref() {
        None => None,
        Some("report-all") => Some(Unresolved::ReportAll),
        Some("import-dynamic") => Some(Unresolved::ImportFunctions),
        Some("ignore-all") => Some(Unresolved::IgnoreAll),
        Some(v) => return Err(Error::new(format!("unknown --unresolved-symbols value: {v}"))),
    };
    c.unresolved = match (last_at("allow-undefined"), last_at("unresolved-symbols"), unresolved) {
        (Some(a), Some(u), Some(mode)) => if a > u { Unresolved::ImportFunctions } else { mode },
        (Some(_), None, _) => Unresolved::ImportFunctions,
        (_, _, Some(mode)) => mode,
        _ => Unresolved::ReportAll,
    };
    c.allow_undefined_files = all("allow-undefined-file").into_iter().map(|(_, v)| v.into()).collect();
    if last_at("e").is_some() || last_at("no-entry").is_some() {
        c.explicit_entry = true;
        c.entry = if wins("e", "no-entry", true) { last("e") } else { None };
    }
    c.stack_first = wins("stack-first", "no-stack-first", false);
    c.global_base = last("global-base").map(|v| parse_num("global-base", &v)).transpose()?;
    c.initial_memory = last("initial-memory").map(|v| parse_num("initial-memory", &v)).transpose()?;
    c.max_memory = last("max-memory").map(|v| parse_num("max-memory", &v)).transpose()?;
    c.initial_heap = last("initial-heap").map(|v| parse_num("initial-heap", &v)).transpose()?;
    c.gc_sections = wins("gc-sections", "no-gc-sections", true);
    c.no_growable_memory = m.contains_id("no-growable-memory");
    c.growable_table = m.contains_id("growable-table");
    c.print_gc_sections = m.contains_id("print-gc-sections");
    c.strip_debug = m.contains_id("strip-debug");
    c.strip_all = m.contains_id("strip-all");
    c.demangle = wins("demangle", "no-demangle", true);
    c.fatal_warnings = m.contains_id("fatal-warnings");
    c.undefined = all("u").into_iter().map(|(_, v)| v).collect();
    c.wrap = all("wrap").into_iter().map(|(_, v)| v).collect();
    c.map_file = last("Map").map(Into::into);
    c.trace = m.contains_id("trace");
    if let Some(v) = last("threads") {
        c.threads = Some(v.parse().map_err(|_| Error::new(format!("invalid --threads value: {v}")))?);
    }
    c.version = m.contains_id("version");
    c.help = m.contains_id("help");
    // `-O2` and `-O 2` (as --reproduce response files write it).
    if let Some(v) = last("O") {
        c.opt_level = v.parse().map_err(|_| Error::new(format!("invalid optimization level: -O {v}")))?;
    }
    c.expanded_args = args;
    Ok(c)
}

/// Every value of option `id` with its clap index, in command-line order.
fn values(m: &clap::ArgMatches, id: &str) -> Vec<(usize, String)> {
    match (m.indices_of(id), m.get_many::<String>(id)) {
        (Some(idx), Some(vals)) => idx.zip(vals.cloned()).collect(),
        _ => Vec::new(),
    }
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
  --features=<a,b>, --extra-features=<a,b>, --check-features, --no-check-features
  -u <sym>, --wrap <sym>, --fatal-warnings, --threads <n>, -O<n>
  --version, --help
Environment: WASIP1_SYSROOT is used when --sysroot is absent.
";

#[cfg(test)]
mod tests;
