//! `xtask check`: is `libc.a` enough for Rust's std, and are its function
//! types those of the reference wasi-libc `libc.a`?
//!
//! * std's needs: the symbols the wasm32-wasip1 rlibs leave undefined, less
//!   what the rlibs define themselves, less linker-made and import symbols.
//! * types: for each function both archives define, the wasm signature.
//!
//! Exits non-zero when a std symbol is missing or a type differs.

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

/// The `check` command; `--verbose` lists every function compared.
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
    let missing: Vec<&String> = needs.iter().filter(|s| !ours.contains_key(*s)).collect();
    println!(
        "std needs {} libc symbols; libc.a defines {} of them",
        needs.len(),
        needs.len() - missing.len()
    );
    for m in &missing {
        println!("  missing (std needs it): {m}");
    }

    let mut compared = 0;
    let mut mismatches = Vec::new();
    for (name, sym) in &ours {
        let Some(r) = reference.get(name) else { continue };
        compared += 1;
        let same = match (&sym.kind, &r.kind) {
            (SymKind::Func(a), SymKind::Func(b)) => a == b,
            (a, b) => std::mem::discriminant(a) == std::mem::discriminant(b),
        };
        if verbose {
            println!("  {name}: ours {:?} reference {:?}", sym.kind, r.kind);
        }
        if !same {
            mismatches.push(format!("{name}: ours {:?}, reference {:?}", sym.kind, r.kind));
        }
    }
    let extra: Vec<&String> = ours.keys().filter(|k| !reference.contains_key(*k)).collect();
    let ref_total = reference.len();
    let covered = ours.keys().filter(|k| reference.contains_key(*k)).count();
    println!(
        "libc.a defines {} symbols; {covered} of the reference libc.a's {ref_total}; {} not in the reference",
        ours.len(),
        extra.len()
    );
    for e in &extra {
        println!("  not in reference: {e}");
    }
    println!("compared {compared} symbols with the reference: {} type mismatches", mismatches.len());
    for m in &mismatches {
        println!("  type mismatch: {m}");
    }
    if !missing.is_empty() || !mismatches.is_empty() {
        bail!("{} std symbols missing, {} type mismatches", missing.len(), mismatches.len());
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
