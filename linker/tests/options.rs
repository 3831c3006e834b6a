//! Options with side outputs: `--reproduce` (the archive relinks to the same
//! bytes) and `--Map`.

mod common;

use common::*;
use std::process::Command;

fn c_object(dir: &std::path::Path) -> std::path::PathBuf {
    let src = dir.join("main.c");
    std::fs::write(&src, "#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }\n").expect("write");
    compile_c(&[src], dir).unwrap_or_else(|e| panic!("{e}")).remove(0)
}

/// Links `obj` with wasi-libc (the reference sysroot) and `extra` options,
/// in `dir`; the link must succeed.
fn link_with_reference_libc(dir: &std::path::Path, obj: &std::path::Path, extra: &[&str]) {
    let sys = reference_sysroot().unwrap_or_else(|e| panic!("{e}"));
    let o = Command::new(ld())
        .current_dir(dir)
        .arg(obj)
        .arg("-lc")
        .arg(format!("--sysroot={}", sys.display()))
        .args(extra)
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn reproduce_archive_relinks_identically() {
    require("tar").unwrap_or_else(|e| panic!("{e}"));
    let dir = scratch("opt-reproduce");
    let obj = c_object(&dir);
    // Same file name in both links: the name section names the module after it.
    for sub in ["first", "second"] {
        std::fs::create_dir_all(dir.join(sub)).expect("mkdir");
    }
    link_with_reference_libc(&dir, &obj, &["--reproduce=repro.tar", "-o", "first/out.wasm"]);
    let x = Command::new("tar").current_dir(&dir).args(["xf", "repro.tar"]).status().expect("tar runs");
    assert!(x.success());
    let o = Command::new(ld()).current_dir(&dir).args(["@repro/response.txt", "-o", "second/out.wasm"]).output().expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let a = std::fs::read(dir.join("first/out.wasm")).expect("first");
    let b = std::fs::read(dir.join("second/out.wasm")).expect("second");
    assert!(a == b, "relinked output differs");
}

#[test]
fn map_file_lists_segments_and_functions() {
    let dir = scratch("opt-map");
    let obj = c_object(&dir);
    link_with_reference_libc(&dir, &obj, &["--Map=out.map", "-o", "out.wasm"]);
    let map = std::fs::read_to_string(dir.join("out.map")).expect("map written");
    assert!(map.contains(".rodata") && map.contains("__heap_base"), "{map}");
    assert!(map.contains("main.o"), "{map}");
}

#[test]
fn output_is_the_same_for_any_thread_count() {
    let dir = scratch("opt-threads");
    let obj = c_object(&dir);
    let mut outs = Vec::new();
    for t in ["1", "2", "4"] {
        // Same file name each time: the name section names the module after it.
        std::fs::create_dir_all(dir.join(format!("t{t}"))).expect("mkdir");
        let out = format!("t{t}/out.wasm");
        link_with_reference_libc(&dir, &obj, &[&format!("--threads={t}"), "-o", &out]);
        outs.push(std::fs::read(dir.join(&out)).expect("output"));
    }
    assert!(outs.windows(2).all(|w| w[0] == w[1]), "outputs differ between thread counts");
}

#[test]
fn fatal_warnings() {
    let dir = scratch("opt-fatal");
    let o = Command::new(ld()).current_dir(&dir).args(["-z", "bogus", "--fatal-warnings", "x.o"]).output().expect("runs");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("ignoring unknown -z option: bogus"));
}
