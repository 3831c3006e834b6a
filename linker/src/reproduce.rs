//! `--reproduce FILE.tar`: an archive holding every input file and a
//! `response.txt` that relinks them (`cd DIR && wasip1-ld @BASE/response.txt`
//! after extracting in DIR), like lld's.

use crate::args::Config;
use crate::diag::{Error, Result};
use crate::input::LoadedFile;
use crate::sysroot::Sysroot;
use std::path::Path;

/// Appends one regular file to a ustar archive (PAX header for long names).
fn add_file(tar: &mut Vec<u8>, path: &str, data: &[u8]) {
    if path.len() > 99 {
        let mut rec = format!(" path={path}\n");
        // The record length counts its own digits.
        let mut len = rec.len() + 1;
        while len.to_string().len() + rec.len() != len {
            len = len.to_string().len() + rec.len();
        }
        rec = format!("{len}{rec}");
        header(tar, "pax_header", rec.len(), b'x');
        tar.extend_from_slice(rec.as_bytes());
        pad(tar);
    }
    header(tar, &path[path.len().saturating_sub(99)..], data.len(), b'0');
    tar.extend_from_slice(data);
    pad(tar);
}

fn pad(tar: &mut Vec<u8>) {
    while !tar.len().is_multiple_of(512) {
        tar.push(0);
    }
}

fn header(tar: &mut Vec<u8>, name: &str, size: usize, kind: u8) {
    let mut h = [0u8; 512];
    let put = |h: &mut [u8; 512], at: usize, s: &[u8]| h[at..at + s.len()].copy_from_slice(s);
    let name = name.as_bytes();
    put(&mut h, 0, &name[..name.len().min(99)]);
    put(&mut h, 100, b"0000644\0");
    put(&mut h, 108, b"0000000\0");
    put(&mut h, 116, b"0000000\0");
    put(&mut h, 124, format!("{size:011o}\0").as_bytes());
    put(&mut h, 136, b"00000000000\0");
    put(&mut h, 148, b"        ");
    h[156] = kind;
    put(&mut h, 257, b"ustar\x0000");
    let sum: u32 = h.iter().map(|b| *b as u32).sum();
    put(&mut h, 148, format!("{sum:06o}\0 ").as_bytes());
    tar.extend_from_slice(&h);
}

/// Quotes a response-file word when needed.
fn quote(s: &str) -> String {
    if !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || c == '"' || c == '\'' || c == '\\') {
        return s.to_string();
    }
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Archive path of an input: `BASE/` + its absolute path (without the leading `/`).
fn archived(base: &str, name: &str) -> String {
    let abs = std::path::absolute(Path::new(name)).map(|p| p.display().to_string()).unwrap_or_else(|_| name.to_string());
    let rel = abs.trim_start_matches('/').replace("<embedded sysroot>", "embedded-sysroot");
    format!("{base}/{rel}")
}

/// Writes the reproduce archive for this link.
pub fn write(config: &Config, files: &[LoadedFile], sysroot: &Sysroot, path: &Path) -> Result<()> {
    let base = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "repro".into());
    let mut tar = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let args = &config.expanded_args;
    let mut i = 0;
    while i < args.len() {
        if let Some(&(_, n)) = config.host_only_args.iter().find(|(at, _)| *at == i) {
            i += n;
            continue;
        }
        if let Some((k, input)) = config.inputs.iter().enumerate().find(|(_, inp)| inp.args_at.0 == i) {
            let file = &files[k];
            let a = archived(&base, &file.name);
            add_file(&mut tar, &a, &file.bytes);
            words.push(quote(&a));
            i += input.args_at.1;
            continue;
        }
        words.push(quote(&args[i]));
        i += 1;
    }
    // The sysroot files the link may use (crt1, libc.a fallback), whatever their origin.
    let mut have_sysroot = false;
    for name in ["libc.a", "libcompiler_rt.a", "crt1-command.o", "crt1-reactor.o"] {
        if let Ok((_, bytes)) = sysroot.file(name) {
            add_file(&mut tar, &format!("{base}/sysroot/lib/wasm32-wasip1/{name}"), &bytes);
            have_sysroot = true;
        }
    }
    if have_sysroot {
        words.push(format!("--sysroot={base}/sysroot"));
    }
    let response = words.join("\n") + "\n";
    add_file(&mut tar, &format!("{base}/response.txt"), response.as_bytes());
    add_file(&mut tar, &format!("{base}/version.txt"), format!("wasip1-ld {}\n", env!("CARGO_PKG_VERSION")).as_bytes());
    tar.extend_from_slice(&[0u8; 1024]);
    std::fs::write(path, &tar).map_err(|e| Error::file(&path.display().to_string(), format!("cannot write reproduce archive: {e}")))
}
