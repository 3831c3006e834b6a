//! Diagnostics: each failure exits 1 with a one-line message naming the
//! file (and archive member) and leaves no output file. Objects are built
//! by hand with wasm-encoder so each defect is exact.

mod common;

use common::{ld, scratch};
use std::path::{Path, PathBuf};
use std::process::Command;
use wasm_encoder::{
    CodeSection, CustomSection, EntityType, FunctionSection, ImportSection, LinkingSection, Module, SymbolTable,
    TypeSection,
};

const UNDEFINED: u32 = 0x10;

/// Knobs for the hand-made object.
struct Obj {
    /// Symbol index the call relocation uses.
    reloc_sym: u32,
    /// Offset of the call relocation in the code section.
    reloc_offset: u32,
    /// Function index of the `_start` symbol.
    start_index: u32,
    /// Raw linking section payload replacing the real one.
    raw_linking: Option<Vec<u8>>,
    /// Name of the defined function symbol.
    name: &'static str,
    /// Whether the called function is imported (undefined) or absent.
    callee: &'static str,
}

impl Default for Obj {
    fn default() -> Self {
        Obj { reloc_sym: 1, reloc_offset: 4, start_index: 1, raw_linking: None, name: "_start", callee: "g" }
    }
}

/// A relocatable object: `NAME` calls the undefined `CALLEE` through a relocated `call`.
fn object(o: &Obj) -> Vec<u8> {
    let mut m = Module::new();
    let mut types = TypeSection::new();
    types.ty().function([], []);
    m.section(&types);
    let mut imports = ImportSection::new();
    imports.import("env", o.callee, EntityType::Function(0));
    m.section(&imports);
    let mut funcs = FunctionSection::new();
    funcs.function(0);
    m.section(&funcs);
    let mut code = CodeSection::new();
    code.raw(&[0x00, 0x10, 0x80, 0x80, 0x80, 0x80, 0x00, 0x0b]);
    m.section(&code);
    match &o.raw_linking {
        Some(raw) => {
            m.section(&CustomSection { name: "linking".into(), data: raw.as_slice().into() });
        }
        None => {
            let mut syms = SymbolTable::new();
            syms.function(0, o.start_index, Some(o.name));
            syms.function(UNDEFINED, 0, None);
            let mut linking = LinkingSection::new();
            linking.symbol_table(&syms);
            m.section(&linking);
        }
    }
    // reloc.CODE: section 3 (type 0, import 1, function 2, code 3), one R_WASM_FUNCTION_INDEX_LEB.
    let mut reloc = vec![3u8, 1, 0];
    leb(&mut reloc, o.reloc_offset);
    leb(&mut reloc, o.reloc_sym);
    m.section(&CustomSection { name: "reloc.CODE".into(), data: reloc.into() });
    m.finish()
}

fn leb(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// A minimal `ar` archive holding `members`.
fn archive(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut a = b"!<arch>\n".to_vec();
    for (name, data) in members {
        let header = format!("{:<16}{:<12}{:<6}{:<6}{:<8}{:<10}`\n", format!("{name}/"), 0, 0, 0, 644, data.len());
        a.extend_from_slice(header.as_bytes());
        a.extend_from_slice(data);
        if data.len() % 2 == 1 {
            a.push(b'\n');
        }
    }
    a
}

/// Runs wasip1-ld with `args` in `dir`; returns (exit code, stderr).
fn link(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(ld()).args(args).current_dir(dir).output().expect("wasip1-ld runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write test input");
    p
}

/// Asserts a failed link: exit 1, stderr contains every `needles`, no output.
fn assert_fails(dir: &Path, args: &[&str], needles: &[&str]) {
    let (code, err) = link(dir, args);
    assert_eq!(code, 1, "expected exit 1, stderr: {err}");
    assert!(err.starts_with("wasip1-ld: error: "), "message format: {err}");
    for n in needles {
        assert!(err.contains(n), "stderr lacks {n:?}: {err}");
    }
    assert!(!dir.join("out.wasm").exists(), "a failed link must leave no output");
    assert!(!err.contains("panicked"), "panic: {err}");
}

#[test]
fn good_object_links() {
    let dir = scratch("diag-good");
    write(&dir, "a.o", &object(&Obj::default()));
    let (code, err) = link(&dir, &["a.o", "--allow-undefined", "-o", "out.wasm"]);
    assert_eq!(code, 0, "{err}");
    let bytes = std::fs::read(dir.join("out.wasm")).expect("output");
    common::validate(&bytes).expect("valid");
    let (imports, exports) = common::interface(&bytes).expect("parse");
    assert_eq!(imports, vec!["env::g \"func\"".to_string()]);
    assert!(exports.contains(&"_start func".to_string()));
}

#[test]
fn undefined_symbol() {
    let dir = scratch("diag-undef");
    write(&dir, "a.o", &object(&Obj::default()));
    assert_fails(&dir, &["a.o", "-o", "out.wasm"], &["undefined symbol: g", ">>> referenced by a.o"]);
}

#[test]
fn undefined_rust_symbol_is_demangled() {
    let dir = scratch("diag-demangle");
    write(&dir, "a.o", &object(&Obj { callee: "_ZN4core3fmt5write17h0123456789abcdefE", ..Obj::default() }));
    assert_fails(&dir, &["a.o", "-o", "out.wasm"], &["core::fmt::write", "_ZN4core3fmt5write17h0123456789abcdefE"]);
}

#[test]
fn duplicate_symbol() {
    let dir = scratch("diag-dup");
    write(&dir, "a.o", &object(&Obj::default()));
    write(&dir, "b.o", &object(&Obj::default()));
    assert_fails(&dir, &["a.o", "b.o", "--allow-undefined", "-o", "out.wasm"], &["duplicate symbol: _start", "a.o", "b.o"]);
}

#[test]
fn truncated_file() {
    let dir = scratch("diag-trunc");
    let mut o = object(&Obj::default());
    o.truncate(o.len() - 3);
    write(&dir, "a.o", &o);
    assert_fails(&dir, &["a.o", "-o", "out.wasm"], &["a.o: malformed object"]);
}

#[test]
fn bad_leb() {
    let dir = scratch("diag-leb");
    // version 2, subsection 8 (symbol table) of 5 bytes: an over-long count.
    let raw = vec![2, 8, 5, 0xff, 0xff, 0xff, 0xff, 0x7f];
    write(&dir, "a.o", &object(&Obj { raw_linking: Some(raw), ..Obj::default() }));
    assert_fails(&dir, &["a.o", "-o", "out.wasm"], &["a.o: malformed object", "integer too large"]);
}

#[test]
fn out_of_range_symbol_index() {
    let dir = scratch("diag-symidx");
    write(&dir, "a.o", &object(&Obj { reloc_sym: 9, ..Obj::default() }));
    assert_fails(&dir, &["a.o", "-o", "out.wasm"], &["a.o: relocation at 0x4 uses out-of-range symbol index 9"]);
}

#[test]
fn out_of_range_function_index() {
    let dir = scratch("diag-funcidx");
    write(&dir, "a.o", &object(&Obj { start_index: 7, ..Obj::default() }));
    assert_fails(&dir, &["a.o", "-o", "out.wasm"], &["a.o: symbol 0 (_start) has out-of-range function index 7"]);
}

#[test]
fn reloc_past_section() {
    let dir = scratch("diag-relocpast");
    write(&dir, "a.o", &object(&Obj { reloc_offset: 100, ..Obj::default() }));
    assert_fails(&dir, &["a.o", "-o", "out.wasm"], &["a.o: relocation", "past the end of its CODE section"]);
}

#[test]
fn malformed_archive_member() {
    let dir = scratch("diag-archive");
    // The member defines `g`, which a.o needs, so it is fetched and parsed.
    let mut bad = object(&Obj { name: "g", callee: "h", ..Obj::default() });
    bad.truncate(bad.len() - 3);
    write(&dir, "libx.a", &archive(&[("bad.o", &bad)]));
    write(&dir, "a.o", &object(&Obj::default()));
    assert_fails(&dir, &["a.o", "libx.a", "--allow-undefined", "-o", "out.wasm"], &["libx.a(bad.o): malformed object"]);
}

#[test]
fn not_an_object() {
    let dir = scratch("diag-notobj");
    write(&dir, "a.o", b"this is not a wasm object at all\n");
    assert_fails(&dir, &["a.o", "-o", "out.wasm"], &["a.o: unknown file type"]);
}

#[test]
fn missing_file() {
    let dir = scratch("diag-missing");
    assert_fails(&dir, &["nope.o", "-o", "out.wasm"], &["nope.o: cannot open"]);
}

#[test]
fn unknown_option() {
    let dir = scratch("diag-opt");
    write(&dir, "a.o", &object(&Obj::default()));
    assert_fails(&dir, &["--frobnicate", "a.o", "-o", "out.wasm"], &["unknown argument: --frobnicate"]);
}

#[test]
fn missing_entry() {
    let dir = scratch("diag-entry");
    write(&dir, "a.o", &object(&Obj { name: "not_start", ..Obj::default() }));
    assert_fails(&dir, &["a.o", "--allow-undefined", "--entry", "nope", "-o", "out.wasm"], &["entry symbol not defined", "nope"]);
}

#[test]
fn failed_link_keeps_old_output() {
    // Atomic output: a previous output file is untouched by a failing link.
    let dir = scratch("diag-atomic");
    write(&dir, "a.o", &object(&Obj::default()));
    write(&dir, "prev.wasm", b"previous");
    let (code, _) = link(&dir, &["a.o", "-o", "prev.wasm"]);
    assert_eq!(code, 1);
    assert_eq!(std::fs::read(dir.join("prev.wasm")).expect("kept"), b"previous");
    let leftovers: Vec<_> = std::fs::read_dir(&dir).expect("dir").filter_map(|e| e.ok()).filter(|e| e.file_name().to_string_lossy().contains(".tmp")).collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
}

#[test]
fn signature_mismatch() {
    let dir = scratch("diag-sig");
    write(&dir, "a.o", &object(&Obj::default()));
    // b.o defines `g` as (i32) -> () while a.o calls it as () -> ().
    let mut m = Module::new();
    let mut types = TypeSection::new();
    types.ty().function([wasm_encoder::ValType::I32], []);
    m.section(&types);
    let mut funcs = FunctionSection::new();
    funcs.function(0);
    m.section(&funcs);
    let mut code = CodeSection::new();
    code.raw(&[0x00, 0x0b]);
    m.section(&code);
    let mut syms = SymbolTable::new();
    syms.function(0, 0, Some("g"));
    let mut linking = LinkingSection::new();
    linking.symbol_table(&syms);
    m.section(&linking);
    write(&dir, "b.o", &m.finish());
    assert_fails(&dir, &["a.o", "b.o", "-o", "out.wasm"], &["function signature mismatch: g", "a.o uses it as () -> ()", "b.o defines it as (i32) -> ()"]);
}

#[test]
fn every_truncation_and_byte_flip_is_a_clean_error() {
    // Exhaustive over a small object: never a panic, always exit 0 or 1.
    let dir = scratch("diag-mutations");
    let good = object(&Obj::default());
    let mut variants: Vec<Vec<u8>> = (8..good.len()).map(|n| good[..n].to_vec()).collect();
    for i in 8..good.len() {
        let mut v = good.clone();
        v[i] ^= 0xff;
        variants.push(v);
    }
    for (n, v) in variants.iter().enumerate() {
        write(&dir, "m.o", v);
        let (code, err) = link(&dir, &["m.o", "--allow-undefined", "-o", "out.wasm"]);
        assert!(code == 0 || code == 1, "variant {n}: exit {code}: {err}");
        assert!(!err.contains("panicked"), "variant {n}: {err}");
        if code == 1 {
            assert!(err.starts_with("wasip1-ld: error: "), "variant {n}: {err}");
        }
    }
}
