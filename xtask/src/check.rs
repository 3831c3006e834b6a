//! `xtask check`: is `libc.a` enough for Rust's std, and are its function
//! types those of the reference wasi-libc `libc.a`?
//!
//! * std's needs: the symbols the wasm32-wasip1 rlibs leave undefined, less
//!   what the rlibs define themselves, less linker-made and import symbols.
//! * coverage: every symbol of the reference `libc.a` ours lacks
//!   (`missing: name`, sorted) and the figure `covered/total`.
//! * shapes: for each symbol both archives define, the wasm signature of a
//!   function or the size of a data object.
//! * the newest bar: names of wasi-libc HEAD's list covered by the whole
//!   sysroot (informational).
//!
//! Exits non-zero when a std symbol is missing or a type or size differs.

use crate::archive;
use crate::sysroot::{check_target_installed, out_dir};
use crate::wasmobj::{self, DefinedSymbol, SymKind};
use anyhow::{bail, Context, Result};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Defined and undefined global symbols over all wasm members of an archive.
fn archive_symbols(path: &Path) -> Result<(BTreeMap<String, DefinedSymbol>, BTreeSet<String>)> {
    let data = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut defined = BTreeMap::new();
    let mut undefined = BTreeSet::new();
    for (name, bytes) in archive::read_members(&data)? {
        if !bytes.starts_with(b"\0asm") {
            continue;
        }
        let syms = wasmobj::symbols(&bytes)
            .with_context(|| format!("in {}({name})", path.display()))?;
        for d in syms.defined {
            // A strong definition wins over a weak one.
            let replace = defined.get(&d.name).map(|old: &DefinedSymbol| old.weak && !d.weak).unwrap_or(true);
            if replace {
                defined.insert(d.name.clone(), d);
            }
        }
        undefined.extend(syms.undefined);
    }
    Ok((defined, undefined))
}

/// libm symbols that std's float methods (`f64::sin`, `f32::powf`, `%`,
/// `mul_add`, `round` ...) make the *user's* code call: they are inlined
/// into the program, so they never show up as undefined in std's rlibs.
const STD_FLOAT_CALLS: &[&str] = &[
    "acos", "acosf", "asin", "asinf", "atan", "atan2", "atan2f", "atanf", "cbrt", "cbrtf", "cos",
    "cosf", "cosh", "coshf", "exp", "exp2", "exp2f", "expf", "expm1", "expm1f", "fma", "fmaf",
    "fmod", "fmodf", "hypot", "hypotf", "log", "log10", "log10f", "log1p", "log1pf", "log2",
    "log2f", "logf", "pow", "powf", "round", "roundf", "sin", "sinf", "sinh", "sinhf", "tan",
    "tanf", "tanh", "tanhf",
];

/// The C symbols Rust's std (and the other rlibs of the target) need.
fn std_needs(libdir: &Path) -> Result<BTreeSet<String>> {
    let mut defined = BTreeSet::new();
    let mut undefined = BTreeSet::new();
    for entry in std::fs::read_dir(libdir)? {
        let path = entry?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("rlib") {
            continue;
        }
        let (d, u) = archive_symbols(&path)?;
        defined.extend(d.into_keys());
        undefined.extend(u);
    }
    undefined.extend(STD_FLOAT_CALLS.iter().map(|s| s.to_string()));
    Ok(undefined
        .into_iter()
        .filter(|s| !defined.contains(s))
        // Rust-mangled names are WASI imports of the `wasi` crate.
        .filter(|s| !s.starts_with("_R") && !s.starts_with("_ZN"))
        // Made by the linker.
        .filter(|s| !matches!(s.as_str(), "__stack_pointer" | "__indirect_function_table" | "__heap_base" | "__data_end"))
        .collect())
}

/// The newest bar: the symbol names wasi-libc HEAD defines (crt objects and
/// emulation libraries included). Coverage against it is informational.
const HEAD_LIST: &str = "/work/shared/reference/wasi-libc-head-wasip1-defined-symbols.txt";

/// Size differences of data objects that are known and tolerated for now:
/// (name, why). They are counted as `known` (listed with `--verbose`) and
/// do not fail the check; an entry that no longer differs fails it (the
/// list must stay current).
const KNOWN_SIZE_DIFFERENCES: &[(&str, &str)] = &[];

/// Whether two definitions of the same name agree: same wasm type for
/// functions, same size for data, same kind otherwise.
fn same_shape(a: &SymKind, b: &SymKind) -> bool {
    match (a, b) {
        (SymKind::Func(a), SymKind::Func(b)) => a == b,
        (SymKind::Data(a), SymKind::Data(b)) => a == b,
        (a, b) => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

/// Every global name defined by the archives and objects of our sysroot
/// directory (libc.a, crt objects, emulation libraries ...).
fn sysroot_names(dir: &Path) -> Result<BTreeSet<String>> {
    let mut names = BTreeSet::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let path = entry?.path();
        match path.extension().and_then(|e| e.to_str()) {
            Some("a") => names.extend(archive_symbols(&path)?.0.into_keys()),
            Some("o") => {
                let bytes = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
                let syms = wasmobj::symbols(&bytes).with_context(|| format!("in {}", path.display()))?;
                names.extend(syms.defined.into_iter().map(|d| d.name));
            }
            _ => {}
        }
    }
    Ok(names)
}

/// Coverage of the wasi-libc HEAD name list by the whole sysroot (names only).
fn head_coverage(dir: &Path, verbose: bool) -> Result<()> {
    let Ok(text) = std::fs::read_to_string(HEAD_LIST) else {
        println!("wasi-libc HEAD list {HEAD_LIST} not found: coverage against it skipped");
        return Ok(());
    };
    let head: BTreeSet<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let ours = sysroot_names(dir)?;
    let absent: Vec<&&str> = head.iter().filter(|n| !ours.contains(**n)).collect();
    println!(
        "wasi-libc HEAD (informational, whole sysroot, names only): {}/{} covered, {} absent",
        head.len() - absent.len(),
        head.len(),
        absent.len()
    );
    if verbose {
        for n in absent {
            println!("  absent from ours (HEAD): {n}");
        }
    }
    Ok(())
}

/// The `check` command; `--verbose` lists every symbol compared, the names
/// only ours defines, and the HEAD names we lack.
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    let libdir = check_target_installed()?;
    let ours_path = out_dir(root).join("libc.a");
    if !ours_path.exists() {
        bail!("{} does not exist: run `cargo run --release -p xtask -- sysroot` first", ours_path.display());
    }
    let reference_path = libdir.join("self-contained/libc.a");
    let (ours, _) = archive_symbols(&ours_path)?;
    let (reference, _) = archive_symbols(&reference_path)?;

    let needs = std_needs(&libdir)?;
    let std_missing: Vec<&String> = needs.iter().filter(|s| !ours.contains_key(*s)).collect();
    println!(
        "std needs {} libc symbols; libc.a defines {} of them",
        needs.len(),
        needs.len() - std_missing.len()
    );
    for m in &std_missing {
        println!("  missing (std needs it): {m}");
    }

    let mut mismatches = Vec::new();
    let mut known_diffs = Vec::new();
    let mut missing = Vec::new();
    for (name, r) in &reference {
        let Some(sym) = ours.get(name) else {
            missing.push((name, r));
            continue;
        };
        if verbose {
            println!("  {name}: ours {:?} reference {:?}", sym.kind, r.kind);
        }
        let known = KNOWN_SIZE_DIFFERENCES.iter().find(|(n, _)| n == name);
        match (same_shape(&sym.kind, &r.kind), known) {
            (false, None) => mismatches.push(format!("{name}: ours {:?}, reference {:?}", sym.kind, r.kind)),
            (false, Some((_, why))) => {
                known_diffs.push(format!("{name}: ours {:?}, reference {:?} ({why})", sym.kind, r.kind))
            }
            (true, Some(_)) => mismatches.push(format!(
                "{name} is listed in KNOWN_SIZE_DIFFERENCES but now agrees: remove it from the list"
            )),
            (true, None) => {}
        }
    }
    let compared = reference.len() - missing.len();
    for (name, r) in &missing {
        if verbose {
            println!("missing: {name} (reference {:?})", r.kind);
        } else {
            println!("missing: {name}");
        }
    }
    println!("coverage of the reference libc.a: {compared}/{} symbols", reference.len());
    let extra: Vec<&String> = ours.keys().filter(|k| !reference.contains_key(*k)).collect();
    println!("libc.a defines {} symbols; {} not in the reference", ours.len(), extra.len());
    if verbose {
        for e in &extra {
            println!("  not in reference: {e}");
        }
    }
    println!(
        "compared {compared} symbols with the reference (function types, data sizes): {} mismatches, {} known",
        mismatches.len(),
        known_diffs.len()
    );
    if verbose {
        for k in &known_diffs {
            println!("  known: {k}");
        }
    }
    for m in &mismatches {
        println!("  mismatch: {m}");
    }
    head_coverage(&out_dir(root), verbose)?;
    if !std_missing.is_empty() || !mismatches.is_empty() {
        bail!("{} std symbols missing, {} type/size mismatches", std_missing.len(), mismatches.len());
    }
    println!("check passed");
    Ok(())
}

#[cfg(test)]
mod tests {
    /// When the sysroot has been built (`make sysroot`), libc.a must give
    /// std every symbol it needs, with the reference's function types.
    #[test]
    fn built_libc_passes_check() {
        let root = crate::repo_root();
        if !crate::sysroot::out_dir(&root).join("libc.a").exists() {
            eprintln!("skipped: target/sysroot not built (run `cargo run --release -p xtask -- sysroot`)");
            return;
        }
        super::run(&root, &[]).expect("libc.a check");
    }
}
