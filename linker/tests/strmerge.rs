//! `.debug_str` merged at -O1+ like wasm-ld: no larger than wasm-ld-19's,
//! and the DWARF still names the same things (llvm-dwarfdump-19).

mod common;

use common::{ld, scratch};
use std::path::Path;
use std::process::Command;

/// Size of the custom section `name` in the module at `path`.
fn custom_size(path: &Path, name: &str) -> Option<usize> {
    let bytes = std::fs::read(path).expect("output");
    let size = wasmparser::Parser::new(0).parse_all(&bytes).find_map(|p| match p {
        Ok(wasmparser::Payload::CustomSection(c)) if c.name() == name => Some(c.data().len()),
        _ => None,
    });
    size
}

fn names(path: &Path) -> String {
    let out = Command::new("llvm-dwarfdump-19").arg("--debug-info").arg(path).output().expect("llvm-dwarfdump-19 runs");
    String::from_utf8_lossy(&out.stdout).lines().filter(|l| l.contains("DW_AT_name")).collect::<Vec<_>>().join("\n")
}

#[test]
fn debug_str_merged_like_wasm_ld() {
    for tool in ["clang-19", "llvm-dwarfdump-19"] {
        if common::require(tool).is_err() {
            eprintln!("skipped: {tool} missing");
            return;
        }
    }
    let Ok(wasm_ld) = common::wasm_ld() else {
        eprintln!("skipped: wasm-ld-19 missing");
        return;
    };
    let dir = scratch("strmerge");
    std::fs::write(dir.join("d1.c"), "int shared_function_name_a(int x) { return x + 1; }\n").expect("write");
    std::fs::write(dir.join("d2.c"), "int shared_function_name_a(int x);\nint main(void) { return shared_function_name_a(1); }\n")
        .expect("write");
    for f in ["d1", "d2"] {
        let st = Command::new("clang-19")
            .args(["--target=wasm32-wasi", "-g", "-O1", "-c", &format!("{f}.c"), "-o", &format!("{f}.o")])
            .current_dir(&dir)
            .status()
            .expect("clang-19 runs");
        assert!(st.success());
    }
    for opt in ["-O0", "-O1", "-O2"] {
        let args = [opt, "--no-entry", "--export=main", "d1.o", "d2.o", "-o"];
        let st = Command::new(&wasm_ld).args(args).arg("ref.wasm").current_dir(&dir).status().expect("wasm-ld runs");
        assert!(st.success());
        let out = Command::new(ld()).args(args).arg("out.wasm").current_dir(&dir).output().expect("wasip1-ld runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let ours = custom_size(&dir.join("out.wasm"), ".debug_str").expect(".debug_str");
        let theirs = custom_size(&dir.join("ref.wasm"), ".debug_str").expect(".debug_str");
        assert!(ours <= theirs, "{opt}: .debug_str {ours} > wasm-ld's {theirs}");
        assert_eq!(names(&dir.join("out.wasm")), names(&dir.join("ref.wasm")), "{opt}");
    }
}
