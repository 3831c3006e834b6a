//! Directive-driven differential tests: every `tests/cases/*.{c,rs}` with a
//! `// link: KIND...` line is linked, once per kind, by the reference linker
//! (wasm-ld-19 for C, rustc's rust-lld for Rust) and by wasip1-ld (`rust-own`:
//! with the project's own libc), then both outputs are
//! validated, their import/export lists compared, and both are run and
//! their stdout/stderr/exit compared.
//!
//! Directives (comment lines at the top of the source):
//! `// link: c|rust|rust-own` (several kinds: one link per kind), `// with: other.c` (extra C source), `// args: a b`,
//! `// env: K=V`, `// ld-flags: --flag ...`, `// cflags: -O0 -g` (compile only), `// driver-flags: ...` (clang driver, link step), `// rustflags: ...`, `// no-run: yes`, `// expect-exit: N`,
//! `// expect-stdout: text` (a line that must appear),
//! `// expect-export: NAME KIND`, `// expect-same-size: DATA .debug_str`
//! (these sections' payloads exactly as large as the reference's; `DATA`
//! and `CODE` name the standard sections, other names custom sections).

mod common;

use common::*;
use std::path::{Path, PathBuf};

#[derive(Default, Debug)]
struct Case {
    lang: String,
    with: Vec<String>,
    args: Vec<String>,
    env: Vec<(String, String)>,
    ld_flags: Vec<String>,
    cflags: Vec<String>,
    driver_flags: Vec<String>,
    rustflags: Vec<String>,
    no_run: bool,
    expect_exit: Option<i32>,
    expect_stdout: Vec<String>,
    expect_exports: Vec<String>,
    same_size: Vec<String>,
}

fn parse_case(text: &str) -> Case {
    let mut c = Case::default();
    for line in text.lines() {
        let Some(d) = line.strip_prefix("// ") else { break };
        let Some((k, v)) = d.split_once(": ") else { continue };
        let words = || v.split_whitespace().map(String::from).collect::<Vec<_>>();
        match k {
            "link" => c.lang = v.trim().to_string(),
            "with" => c.with.extend(words()),
            "args" => c.args = words(),
            "env" => c.env.extend(words().into_iter().filter_map(|kv| kv.split_once('=').map(|(a, b)| (a.into(), b.into())))),
            "ld-flags" => c.ld_flags.extend(words()),
            "cflags" => c.cflags.extend(words()),
            "driver-flags" => c.driver_flags.extend(words()),
            "rustflags" => c.rustflags.extend(words()),
            "no-run" => c.no_run = v.trim() == "yes",
            "expect-exit" => c.expect_exit = v.trim().parse().ok(),
            "expect-stdout" => c.expect_stdout.push(v.to_string()),
            "expect-export" => c.expect_exports.push(v.trim().to_string()),
            "expect-same-size" => c.same_size.extend(words()),
            _ => {}
        }
    }
    c
}

/// Links one case both ways; returns (reference output, our output).
fn link_both(src: &Path, case: &Case, dir: &Path) -> Result<(PathBuf, PathBuf), String> {
    let ours = dir.join("ours.wasm");
    let reference = dir.join("ref.wasm");
    let check = |o: std::process::Output, who: &str| -> Result<(), String> {
        if o.status.success() {
            Ok(())
        } else {
            Err(format!("{who} failed: {}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr)))
        }
    };
    match case.lang.as_str() {
        "c" => {
            let mut srcs = vec![src.to_path_buf()];
            srcs.extend(case.with.iter().map(|w| src.with_file_name(w)));
            let flags = if case.cflags.is_empty() { vec!["-O2".to_string()] } else { case.cflags.clone() };
            let objs = compile_c_flags(&srcs, dir, &flags)?;
            let d = &case.driver_flags;
            check(link_c_driver(&objs, &reference, &wasm_ld()?, &case.ld_flags, d)?, "wasm-ld-19")?;
            check(link_c_driver(&objs, &ours, &ld(), &case.ld_flags, d)?, "wasip1-ld")?;
        }
        "rust" => {
            let sys = reference_sysroot()?;
            check(build_rust_flags(src, &reference, None, &case.rustflags)?, "rustc + rust-lld")?;
            let mut flags = vec![format!("--sysroot={}", sys.display())];
            flags.extend(case.ld_flags.iter().cloned());
            check(build_rust_flags(src, &ours, Some(&flags), &case.rustflags)?, "rustc + wasip1-ld")?;
        }
        "rust-own" => {
            // Ours: the project's own libc from target/sysroot, no --sysroot flag.
            let sys = own_sysroot()?;
            check(build_rust(src, &reference, None)?, "rustc + rust-lld")?;
            check(build_rust_env(src, &ours, &case.ld_flags, &[("WASIP1_SYSROOT", &sys)])?, "rustc + wasip1-ld + our libc")?;
        }
        other => return Err(format!("unknown link kind {other:?}")),
    }
    Ok((reference, ours))
}

/// The link kinds a case asks for (`// link: rust rust-own` gives two).
fn kinds(src: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(src).unwrap_or_default();
    parse_case(&text).lang.split_whitespace().map(String::from).collect()
}

fn run_case(src: &Path, kind: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(src).map_err(|e| e.to_string())?;
    let case = Case { lang: kind.to_string(), ..parse_case(&text) };
    let name = src.file_stem().unwrap_or_default().to_string_lossy().into_owned();
    let dir = scratch(&format!("{name}-{kind}"));
    let (reference, ours) = link_both(src, &case, &dir)?;
    let ref_bytes = std::fs::read(&reference).map_err(|e| e.to_string())?;
    let our_bytes = std::fs::read(&ours).map_err(|e| e.to_string())?;
    validate(&our_bytes)?;
    let (ri, mut re) = interface(&ref_bytes)?;
    let (oi, mut oe) = interface(&our_bytes)?;
    // Debug sections are compared by presence, not order; `.debug_*` sets must match.
    re.sort();
    oe.sort();
    if case.lang == "rust-own" {
        // Our libc carries different debug sections than wasi-libc.
        re.retain(|e| !e.starts_with("(custom"));
        oe.retain(|e| !e.starts_with("(custom"));
    }
    // With our own libc the set of WASI calls legitimately differs.
    if ri != oi && case.lang != "rust-own" {
        return Err(format!("imports differ:\n  reference {ri:?}\n  ours      {oi:?}"));
    }
    if re != oe {
        return Err(format!("exports differ:\n  reference {re:?}\n  ours      {oe:?}"));
    }
    if case.lang.starts_with("rust") && oi.iter().any(|i| !i.starts_with("wasi_snapshot_preview1::")) {
        return Err(format!("non-WASI imports: {oi:?}"));
    }
    for e in &case.expect_exports {
        if !oe.contains(e) {
            return Err(format!("missing export {e}; have {oe:?}"));
        }
    }
    let (rs, os) = (section_sizes(&ref_bytes)?, section_sizes(&our_bytes)?);
    for name in &case.same_size {
        let size = |list: &[(String, usize)]| list.iter().find(|(n, _)| n == name).map(|(_, s)| *s);
        match (size(&rs), size(&os)) {
            (Some(a), Some(b)) if a == b => {}
            (a, b) => return Err(format!("section {name}: reference {a:?} bytes, ours {b:?}")),
        }
    }
    if case.no_run {
        return Ok(());
    }
    let a = run_wasm(&reference, &case.args, &case.env)?;
    let b = run_wasm(&ours, &case.args, &case.env)?;
    if a != b {
        return Err(format!("runs differ:\n  reference {a:?}\n  ours      {b:?}"));
    }
    if let Some(code) = case.expect_exit {
        if b.outcome != format!("Exit({code})") {
            return Err(format!("expected exit {code}, got {}", b.outcome));
        }
    }
    for line in &case.expect_stdout {
        if !b.stdout.contains(line.as_str()) {
            return Err(format!("stdout lacks {line:?}: {:?}", b.stdout));
        }
    }
    Ok(())
}

/// (name, payload size) of every section: `CODE`, `DATA`, ... for the
/// standard ones, the name for custom sections.
fn section_sizes(bytes: &[u8]) -> Result<Vec<(String, usize)>, String> {
    let mut out = Vec::new();
    for p in wasmparser::Parser::new(0).parse_all(bytes) {
        let (name, range) = match p.map_err(|e| e.to_string())? {
            wasmparser::Payload::CodeSectionStart { unchecked_range, .. } => ("CODE".to_string(), unchecked_range),
            wasmparser::Payload::DataSection(r) => ("DATA".to_string(), r.range()),
            wasmparser::Payload::CustomSection(c) => (c.name().to_string(), c.range()),
            _ => continue,
        };
        out.push((name, (range.end - range.start) as usize));
    }
    Ok(out)
}

#[test]
fn cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut srcs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/cases exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| std::fs::read_to_string(p).is_ok_and(|t| t.starts_with("// link: ")))
        .collect();
    srcs.sort();
    let filter = std::env::var("CASE").unwrap_or_default();
    let mut failures = Vec::new();
    for src in srcs.iter().filter(|s| s.to_string_lossy().contains(&filter)) {
        for kind in kinds(src) {
            match run_case(src, &kind) {
                Ok(()) => eprintln!("ok   {} ({kind})", src.display()),
                Err(e) => {
                    eprintln!("FAIL {} ({kind}): {e}", src.display());
                    failures.push(format!("{} ({kind}): {e}", src.display()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
}
