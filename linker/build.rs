//! Embeds the sysroot's libc.a, libcompiler_rt.a and crt objects (from
//! `../target/sysroot/lib/wasm32-wasip1`) when they exist at build time.
//! When absent the build still succeeds; the linker then needs `--sysroot`
//! or `WASIP1_SYSROOT` for links that use them.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let dir = manifest.join("..").join("target").join("sysroot").join("lib").join("wasm32-wasip1");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("embedded_sysroot.rs");
    let mut code = String::new();
    println!("cargo:rerun-if-changed={}", dir.display());
    for (konst, file) in [
        ("LIBC", "libc.a"),
        ("CRT1_COMMAND", "crt1-command.o"),
        ("CRT1_REACTOR", "crt1-reactor.o"),
        ("COMPILER_RT", "libcompiler_rt.a"),
    ] {
        let p = dir.join(file);
        println!("cargo:rerun-if-changed={}", p.display());
        if p.is_file() {
            let abs = p.canonicalize().unwrap_or(p);
            code.push_str(&format!(
                "/// Embedded `{file}`.\npub static {konst}: Option<&[u8]> = Some(include_bytes!({:?}));\n",
                abs.display().to_string()
            ));
        } else {
            code.push_str(&format!("/// `{file}` was absent at build time.\npub static {konst}: Option<&[u8]> = None;\n"));
        }
    }
    if let Err(e) = std::fs::write(&out, code) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
}
