//! `target_features`: incompatible objects are errors naming the feature
//! and both objects (wasm-ld's messages); the output lists the used
//! features. Objects are made by hand with wasm-encoder, plus clang-19
//! objects built with different `-m` flags.

mod common;

use common::{ld, scratch};
use std::path::Path;
use std::process::Command;
use wasm_encoder::{CodeSection, CustomSection, FunctionSection, LinkingSection, Module, SymbolTable, TypeSection};

/// A relocatable object defining the function `name` (no calls), with a
/// `target_features` section listing `features` (`"+atomics"`, `"-simd128"`...).
fn object(name: &str, features: &[&str]) -> Vec<u8> {
    let mut m = Module::new();
    let mut types = TypeSection::new();
    types.ty().function([], []);
    m.section(&types);
    let mut funcs = FunctionSection::new();
    funcs.function(0);
    m.section(&funcs);
    let mut code = CodeSection::new();
    code.raw(&[0x00, 0x0b]);
    m.section(&code);
    let mut syms = SymbolTable::new();
    syms.function(0, 0, Some(name));
    let mut linking = LinkingSection::new();
    linking.symbol_table(&syms);
    m.section(&linking);
    if !features.is_empty() {
        let mut data = vec![features.len() as u8];
        for f in features {
            let (prefix, feature) = f.split_at(1);
            data.push(prefix.as_bytes()[0]);
            data.push(feature.len() as u8);
            data.extend_from_slice(feature.as_bytes());
        }
        m.section(&CustomSection { name: "target_features".into(), data: data.into() });
    }
    m.finish()
}

fn link(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(ld()).args(args).current_dir(dir).output().expect("wasip1-ld runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The output's `target_features` entries as `+name` strings.
fn output_features(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).expect("output");
    let mut out = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(&bytes) {
        if let Ok(wasmparser::Payload::CustomSection(c)) = payload {
            if c.name() == "target_features" {
                let d = c.data();
                let mut i = 1;
                for _ in 0..d[0] {
                    let len = d[i + 1] as usize;
                    out.push(format!("{}{}", d[i] as char, String::from_utf8_lossy(&d[i + 2..i + 2 + len])));
                    i += 2 + len;
                }
            }
        }
    }
    out
}

fn setup(name: &str, a: &[&str], b: &[&str]) -> std::path::PathBuf {
    let dir = scratch(name);
    std::fs::write(dir.join("a.o"), object("_start", a)).expect("write");
    std::fs::write(dir.join("b.o"), object("other", b)).expect("write");
    dir
}

#[test]
fn used_and_disallowed_is_an_error() {
    let dir = setup("feat-disallowed", &["+atomics", "+sign-ext"], &["-atomics"]);
    let (code, err) = link(&dir, &["a.o", "b.o", "-o", "out.wasm"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("wasip1-ld: error: Target feature 'atomics' used in a.o is disallowed by b.o. Use --no-check-features to suppress."),
        "{err}"
    );
    assert!(!dir.join("out.wasm").exists());
    let (code, err) = link(&dir, &["a.o", "b.o", "--no-check-features", "-o", "out.wasm"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(output_features(&dir.join("out.wasm")), vec!["+atomics", "+sign-ext"]);
}

#[test]
fn required_missing_is_an_error() {
    let dir = setup("feat-required", &["=bulk-memory"], &["+sign-ext"]);
    let (code, err) = link(&dir, &["a.o", "b.o", "-o", "out.wasm"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("Missing target feature 'bulk-memory' in b.o, required by a.o."), "{err}");
    let (code, err) = link(&dir, &["a.o", "b.o", "-no-check-features", "-o", "out.wasm"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(output_features(&dir.join("out.wasm")), vec!["+bulk-memory", "+sign-ext"]);
}

#[test]
fn compatible_objects_merge_sorted() {
    let dir = setup("feat-merge", &["+sign-ext", "+mutable-globals"], &["+bulk-memory", "-simd128"]);
    let (code, err) = link(&dir, &["a.o", "b.o", "-o", "out.wasm"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(output_features(&dir.join("out.wasm")), vec!["+bulk-memory", "+mutable-globals", "+sign-ext"]);
}

#[test]
fn explicit_features() {
    let dir = setup("feat-explicit", &["+sign-ext"], &["+bulk-memory"]);
    let (code, err) = link(&dir, &["a.o", "b.o", "--features=sign-ext", "-o", "out.wasm"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("Target feature 'bulk-memory' used by b.o is not allowed."), "{err}");
    let (code, err) =
        link(&dir, &["a.o", "b.o", "--features=sign-ext,bulk-memory", "--extra-features=simd128", "-o", "out.wasm"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(output_features(&dir.join("out.wasm")), vec!["+bulk-memory", "+sign-ext", "+simd128"]);
}

#[test]
fn malformed_section_is_a_clean_error() {
    let dir = setup("feat-bad", &["?atomics"], &[]);
    let (code, err) = link(&dir, &["a.o", "b.o", "-o", "out.wasm"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("a.o: malformed target_features section"), "{err}");
}

/// clang-19 marks an object built without atomics `-shared-mem`, one with
/// `-matomics` `+atomics`: compatible, and the output lists the union like
/// wasm-ld-19's.
#[test]
fn clang_objects_match_wasm_ld() {
    if common::require("clang-19").is_err() || common::wasm_ld().is_err() {
        eprintln!("skipped: clang-19 / wasm-ld-19 missing");
        return;
    }
    let dir = scratch("feat-clang");
    std::fs::write(dir.join("a.c"), "_Atomic int x; int f(void) { return ++x; }\n").expect("write");
    std::fs::write(dir.join("b.c"), "int g(void) { return 1; }\n").expect("write");
    let cc = |src: &str, out: &str, flags: &[&str]| {
        let st = Command::new("clang-19")
            .args(["--target=wasm32-wasi", "-O2", "-c", src, "-o", out])
            .args(flags)
            .current_dir(&dir)
            .status()
            .expect("clang-19 runs");
        assert!(st.success());
    };
    cc("a.c", "a.o", &[]);
    cc("b.c", "b.o", &["-matomics", "-mbulk-memory"]);
    let (code, err) = link(&dir, &["--no-entry", "a.o", "b.o", "-o", "out.wasm"]);
    assert_eq!(code, 0, "{err}");
    let wasm_ld = common::wasm_ld().expect("wasm-ld");
    let st = Command::new(wasm_ld)
        .args(["--no-entry", "a.o", "b.o", "-o", "ref.wasm"])
        .current_dir(&dir)
        .status()
        .expect("wasm-ld runs");
    assert!(st.success());
    let ours = output_features(&dir.join("out.wasm"));
    assert!(ours.contains(&"+atomics".to_string()), "{ours:?}");
    assert_eq!(ours, output_features(&dir.join("ref.wasm")));
    // --features narrower than what the objects use: wasm-ld's error.
    let (code, err) = link(&dir, &["--no-entry", "--features=atomics", "a.o", "b.o", "-o", "out2.wasm"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("Target feature 'bulk-memory' used by b.o is not allowed."), "{err}");
}
