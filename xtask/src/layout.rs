//! `xtask layout`: checks libc-wasip1's struct layouts and constants
//! against wasi-libc's headers.
//!
//! 1. `tests/layout/abi.txt` names the structs (with fields) and constants;
//! 2. libc-wasip1 is built with `--features layout-table` into
//!    `target/layout/`, which adds `__wasip1_abi_layout`: our values for the
//!    same names in the same order (`libc-wasip1/src/abi_layout.rs`), and
//!    made into a `libc.a` exactly as `xtask sysroot` does;
//! 3. a C probe generated from the list prints wasi-libc's `sizeof`,
//!    `_Alignof`, `offsetof` and constant values (clang-19 against
//!    `/usr/include/wasm32-wasi`) and then our table;
//! 4. it is linked with wasm-ld-19 against that libc.a and run with
//!    `target/release/wasip1-run`; every entry is compared, mismatches are
//!    listed, and the command fails if there is any.

use crate::{archive, sysroot};
use anyhow::{bail, Context, Result};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// wasi-libc's headers (Debian's package).
const WASI_INCLUDE: &str = "/usr/include/wasm32-wasi";

/// One struct of the list: its key (used in entry names), its C type and
/// the member designators whose offsets are checked.
#[derive(Debug, Clone, PartialEq)]
pub struct StructSpec {
    pub key: String,
    pub ctype: String,
    pub fields: Vec<String>,
}

/// The parsed `abi.txt`.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Spec {
    pub includes: Vec<String>,
    pub structs: Vec<StructSpec>,
    pub consts: Vec<String>,
    /// `expr KEY = C expression`: values that are not a plain macro.
    pub exprs: Vec<(String, String)>,
}

/// Parses `abi.txt` (see its header comment for the syntax).
pub fn parse_spec(text: &str) -> Result<Spec> {
    let mut spec = Spec::default();
    for (no, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let lineno = no + 1;
        let (kind, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        match kind {
            "include" => spec.includes.push(rest.trim().to_string()),
            "const" => spec.consts.extend(rest.split_whitespace().map(String::from)),
            "expr" => {
                let (key, expr) = rest
                    .split_once('=')
                    .with_context(|| format!("abi.txt:{lineno}: `expr KEY = C-EXPR` lacks `=`"))?;
                if key.trim().is_empty() || expr.trim().is_empty() {
                    bail!("abi.txt:{lineno}: empty expr key or expression");
                }
                spec.exprs.push((key.trim().to_string(), expr.trim().to_string()));
            }
            "struct" => {
                let (key, rest) = rest
                    .split_once('=')
                    .with_context(|| format!("abi.txt:{lineno}: `struct KEY = TYPE : fields` lacks `=`"))?;
                let (ctype, fields) = rest
                    .split_once(':')
                    .with_context(|| format!("abi.txt:{lineno}: `struct KEY = TYPE : fields` lacks `:`"))?;
                let key = key.trim();
                let ctype = ctype.trim();
                if key.is_empty() || ctype.is_empty() {
                    bail!("abi.txt:{lineno}: empty struct key or type");
                }
                spec.structs.push(StructSpec {
                    key: key.to_string(),
                    ctype: ctype.to_string(),
                    fields: fields.split_whitespace().map(String::from).collect(),
                });
            }
            other => bail!("abi.txt:{lineno}: unknown line kind `{other}`"),
        }
    }
    Ok(spec)
}

/// The checked entries in table order: (name, C expression giving
/// wasi-libc's value).
pub fn entries(spec: &Spec) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for s in &spec.structs {
        out.push((format!("size:{}", s.key), format!("sizeof({})", s.ctype)));
        out.push((format!("align:{}", s.key), format!("_Alignof({})", s.ctype)));
        for f in &s.fields {
            // `name[]`: a flexible array member, whose size C leaves
            // undefined; both sides give 0.
            let (f, size) = match f.strip_suffix("[]") {
                Some(f) => (f, "0".to_string()),
                None => (f.as_str(), format!("sizeof((({} *)0)->{f})", s.ctype)),
            };
            out.push((format!("offset:{}.{f}", s.key), format!("offsetof({}, {f})", s.ctype)));
            out.push((format!("fsize:{}.{f}", s.key), size));
        }
    }
    for c in &spec.consts {
        out.push((format!("const:{c}"), format!("(long long)({c})")));
    }
    for (key, expr) in &spec.exprs {
        out.push((format!("expr:{key}"), format!("(long long)({expr})")));
    }
    out
}

/// The C probe: prints `C<TAB>name<TAB>value` for wasi-libc's side, then
/// `R<TAB>name<TAB>value` for every entry of our `__wasip1_abi_layout`.
pub fn probe_source(spec: &Spec) -> String {
    let mut c = String::from("/* generated by `xtask layout` from tests/layout/abi.txt */\n");
    // _GNU_SOURCE: `struct hsearch_data` and utsname's `domainname` are
    // GNU extensions; it changes no layout.
    c.push_str("#define _GNU_SOURCE 1\n#include <stddef.h>\n#include <stdio.h>\n");
    for inc in &spec.includes {
        let _ = writeln!(c, "#include <{inc}>");
    }
    c.push_str(
        "struct wasip1_abi_entry { const char *name; long long value; };\n\
         extern const struct wasip1_abi_entry __wasip1_abi_layout[];\n\
         extern const unsigned __wasip1_abi_layout_len;\n\
         int main(void) {\n",
    );
    for (name, expr) in entries(spec) {
        let _ = writeln!(c, "    printf(\"C\\t{name}\\t%lld\\n\", (long long)({expr}));");
    }
    c.push_str(
        "    for (unsigned i = 0; i < __wasip1_abi_layout_len; i++)\n\
         \x20       printf(\"R\\t%s\\t%lld\\n\", __wasip1_abi_layout[i].name, __wasip1_abi_layout[i].value);\n\
         \x20   return 0;\n}\n",
    );
    c
}

/// (entry name, value) pairs in table order.
pub type Values = Vec<(String, i64)>;

/// Result of comparing wasi-libc's values with ours.
#[derive(Debug, Default)]
pub struct Outcome {
    pub passed: usize,
    /// One human-readable line per failed entry.
    pub failures: Vec<String>,
}

/// Compares wasi-libc's entries with ours, pairwise in order. A name that
/// differs at the same position (the table and the list drifted apart), a
/// missing entry on either side, or a different value is a failure.
pub fn compare(theirs: &[(String, i64)], ours: &[(String, i64)]) -> Outcome {
    let mut out = Outcome::default();
    let n = theirs.len().max(ours.len());
    for i in 0..n {
        match (theirs.get(i), ours.get(i)) {
            (Some((tn, tv)), Some((on, ov))) if tn == on => {
                if tv == ov {
                    out.passed += 1;
                } else {
                    out.failures.push(format!("{tn:<48} wasi-libc {tv:>12}  ours {ov:>12}"));
                }
            }
            (Some((tn, _)), Some((on, _))) => out.failures.push(format!(
                "entry {i}: list has `{tn}` but the Rust table has `{on}` (abi_layout.rs out of order?)"
            )),
            (Some((tn, _)), None) => {
                out.failures.push(format!("{tn:<48} missing from the Rust table (abi_layout.rs)"))
            }
            (None, Some((on, _))) => {
                out.failures.push(format!("{on:<48} in the Rust table but not in abi.txt"))
            }
            (None, None) => {}
        }
    }
    out
}

/// Splits the probe's output into (wasi-libc side, our side).
pub fn parse_probe_output(text: &str) -> Result<(Values, Values)> {
    let (mut theirs, mut ours) = (Vec::new(), Vec::new());
    for line in text.lines() {
        let mut parts = line.split('\t');
        let (Some(side), Some(name), Some(value), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            bail!("unexpected probe output line `{line}`");
        };
        let value: i64 =
            value.parse().with_context(|| format!("bad value in probe output line `{line}`"))?;
        match side {
            "C" => theirs.push((name.to_string(), value)),
            "R" => ours.push((name.to_string(), value)),
            _ => bail!("unexpected probe output line `{line}`"),
        }
    }
    Ok((theirs, ours))
}

/// The external tools the check needs; a clear error names the missing one.
pub struct Tools {
    pub clang: PathBuf,
    pub wasm_ld: PathBuf,
    pub builtins: PathBuf,
    pub runner: PathBuf,
    pub crt1: PathBuf,
}

/// Finds the tools, or says which is missing and what to run.
pub fn find_tools(root: &Path) -> Result<Tools> {
    let which = |name: &str| -> Option<PathBuf> {
        std::env::var_os("PATH").and_then(|p| {
            std::env::split_paths(&p).map(|d| d.join(name)).find(|f| f.is_file())
        })
    };
    let clang = which("clang-19").context("clang-19 not found on PATH: run `make setup`")?;
    let wasm_ld = which("wasm-ld-19").context("wasm-ld-19 not found on PATH: run `make setup`")?;
    let builtins = PathBuf::from("/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a");
    if !builtins.is_file() {
        bail!("{} not found: run `make setup` (libclang-rt-19-dev-wasm32)", builtins.display());
    }
    if !Path::new("/usr/include/wasm32-wasi/stdio.h").is_file() {
        bail!("wasi-libc headers (/usr/include/wasm32-wasi) not found: run `make setup`");
    }
    let runner = root.join("target/release/wasip1-run");
    if !runner.is_file() {
        bail!("{} not found: run `make build`", runner.display());
    }
    let crt1 = sysroot::out_dir(root).join("crt1-command.o");
    if !crt1.is_file() {
        bail!("{} not found: run `make build` (xtask sysroot)", crt1.display());
    }
    Ok(Tools { clang, wasm_ld, builtins, runner, crt1 })
}

/// Builds the layout-table libc.a into `target/layout/libc.a`.
fn build_layout_libc(root: &Path) -> Result<PathBuf> {
    let dir = root.join("target/layout");
    let staticlib = sysroot::build_staticlib_in(root, &dir, &["layout-table"])?;
    let mut members = sysroot::libc_members(&staticlib)?;
    members.extend(sysroot::separate_members(root)?);
    let out = dir.join("libc.a");
    sysroot::write_file(&out, &archive::write(&members)?)?;
    Ok(out)
}

/// Compiles, links and runs the probe; returns its standard output.
fn run_probe(root: &Path, tools: &Tools, spec: &Spec, libc: &Path) -> Result<String> {
    let dir = root.join("target/layout");
    let src = dir.join("probe.c");
    sysroot::write_file(&src, probe_source(spec).as_bytes())?;
    let obj = dir.join("probe.o");
    let wasm = dir.join("probe.wasm");
    sysroot::run(
        Command::new(&tools.clang)
            .args(["--target=wasm32-wasi", "--sysroot=/usr", "-O1", "-c", "-o"])
            .arg(&obj)
            .arg(&src),
    )?;
    sysroot::run(
        Command::new(&tools.wasm_ld)
            .arg(&tools.crt1)
            .arg(&obj)
            .arg(libc)
            .arg(sysroot::out_dir(root).join("libcompiler_rt.a"))
            .arg(&tools.builtins)
            .arg("-o")
            .arg(&wasm),
    )?;
    let out = Command::new(&tools.runner)
        .arg(&wasm)
        .output()
        .with_context(|| format!("cannot run {}", tools.runner.display()))?;
    if !out.status.success() {
        bail!(
            "the probe failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    String::from_utf8(out.stdout).context("the probe printed non-UTF-8 output")
}

/// The `layout` command: prints mismatches and `N passed, N failed`; fails
/// on any mismatch.
pub fn run(root: &Path) -> Result<()> {
    let list = root.join("tests/layout/abi.txt");
    let text = std::fs::read_to_string(&list)
        .with_context(|| format!("cannot read {}", list.display()))?;
    let spec = parse_spec(&text)?;
    let tools = find_tools(root)?;
    // clang falls back to the host's /usr/include: a header wasi-libc lacks
    // would silently be glibc's.
    for inc in &spec.includes {
        if !Path::new(WASI_INCLUDE).join(inc).is_file() {
            bail!("abi.txt includes <{inc}>, which is not in {WASI_INCLUDE}");
        }
    }
    sysroot::check_target_installed()?;
    let libc = build_layout_libc(root)?;
    let output = run_probe(root, &tools, &spec, &libc)?;
    let (theirs, ours) = parse_probe_output(&output)?;
    let outcome = compare(&theirs, &ours);
    let nfields: usize = spec.structs.iter().map(|s| s.fields.len()).sum();
    println!(
        "layout: {} structs ({} fields), {} constants, {} other values",
        spec.structs.len(),
        nfields,
        spec.consts.len(),
        spec.exprs.len()
    );
    for f in &outcome.failures {
        println!("MISMATCH {f}");
    }
    println!("{} passed, {} failed", outcome.passed, outcome.failures.len());
    if !outcome.failures.is_empty() {
        bail!("{} layout/constant mismatches against wasi-libc", outcome.failures.len());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(v: &[(&str, i64)]) -> Vec<(String, i64)> {
        v.iter().map(|(n, x)| (n.to_string(), *x)).collect()
    }

    #[test]
    fn parses_the_list_syntax() {
        let s = parse_spec(
            "# c\ninclude sys/stat.h\nstruct stat = struct stat : st_dev st_ino\n\
             struct opaque = pthread_mutex_t :\nconst A B\nexpr k = f(1)\n",
        )
        .unwrap();
        assert_eq!(s.includes, ["sys/stat.h"]);
        assert_eq!(s.structs[0].ctype, "struct stat");
        assert_eq!(s.structs[0].fields, ["st_dev", "st_ino"]);
        assert!(s.structs[1].fields.is_empty());
        assert_eq!(s.consts, ["A", "B"]);
        assert_eq!(s.exprs, [("k".to_string(), "f(1)".to_string())]);
        let names: Vec<String> = entries(&s).into_iter().map(|e| e.0).collect();
        assert_eq!(
            names,
            [
                "size:stat", "align:stat", "offset:stat.st_dev", "fsize:stat.st_dev",
                "offset:stat.st_ino", "fsize:stat.st_ino",
                "size:opaque", "align:opaque", "const:A", "const:B", "expr:k"
            ]
        );
        assert!(parse_spec("struct x\n").is_err());
        assert!(parse_spec("bogus y\n").is_err());
    }

    #[test]
    fn equal_values_pass() {
        let a = pairs(&[("size:stat", 96), ("const:EOF", -1)]);
        let o = compare(&a, &a);
        assert_eq!((o.passed, o.failures.len()), (2, 0));
    }

    #[test]
    fn a_mismatching_value_fails() {
        let o = compare(&pairs(&[("size:stat", 96)]), &pairs(&[("size:stat", 144)]));
        assert_eq!((o.passed, o.failures.len()), (0, 1));
        assert!(o.failures[0].contains("size:stat"));
    }

    #[test]
    fn drift_and_missing_entries_fail() {
        let o = compare(
            &pairs(&[("const:A", 1), ("const:B", 2)]),
            &pairs(&[("const:B", 2)]),
        );
        assert_eq!(o.passed, 0);
        assert_eq!(o.failures.len(), 2);
        let o = compare(&pairs(&[]), &pairs(&[("const:Z", 0)]));
        assert_eq!(o.failures.len(), 1);
    }

    #[test]
    fn probe_output_is_parsed_and_bad_lines_rejected() {
        let (t, o) = parse_probe_output("C\tsize:x\t4\nR\tsize:x\t-4\n").unwrap();
        assert_eq!(t, pairs(&[("size:x", 4)]));
        assert_eq!(o, pairs(&[("size:x", -4)]));
        assert!(parse_probe_output("garbage\n").is_err());
        assert!(parse_probe_output("C\tx\tnotanumber\n").is_err());
    }

    /// The real check: needs clang-19, wasm-ld-19, the runner and the
    /// sysroot; fails (does not skip) when they are missing.
    #[test]
    fn layout_matches_wasi_libc() {
        let root = crate::repo_root();
        if let Err(e) = find_tools(&root) {
            panic!("layout check cannot run: {e:#} (run make setup / make build)");
        }
        if let Err(e) = run(&root) {
            panic!("{e:#}");
        }
    }
}
