//! `linkbench`: links the same large inputs with wasip1-ld, rust-lld and
//! wasm-ld-19 in turn, several runs each, and prints median wall time, peak
//! memory and output size side by side, with ratios against rust-lld.
//!
//! The inputs are `--reproduce` captures of `bench/bigapp` (a program with
//! tens of crates.io dependencies) in debug and release; `capture` makes them
//! on first use under `target/bench/`.
use bench::{capture, measure, workspace_root};
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

/// One linker under test: how to call it on a response file.
struct Linker {
    name: &'static str,
    program: PathBuf,
    leading_args: Vec<String>,
}

fn main() {
    if let Err(err) = run() {
        eprintln!("linkbench: error: {err:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let mut runs = 5usize;
    let mut profiles = vec!["debug".to_string(), "release".to_string()];
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = args.next().context("--runs needs a number")?.parse()?,
            "--only" => profiles = vec![args.next().context("--only needs debug or release")?],
            "-h" | "--help" => {
                println!("usage: linkbench [--runs N] [--only debug|release]");
                return Ok(());
            }
            other => bail!("unknown option {other}"),
        }
    }
    let root = workspace_root();
    let linkers = linkers(&root)?;
    println!(
        "{:<8} {:<10} {:>10} {:>10} {:>12} {:>8} {:>8} {:>8}",
        "input", "linker", "median s", "peak MiB", "output B", "time x", "mem x", "size x"
    );
    for profile in &profiles {
        let input = capture::ensure_input(&root, profile)?;
        let mut rows = Vec::new();
        for linker in &linkers {
            let out = input.dir.join(format!("out-{}.wasm", linker.name));
            let mut args = linker.leading_args.clone();
            args.push(format!("@{}", input.response.display()));
            args.extend(["-o".to_string(), out.display().to_string()]);
            let stats = measure::repeat(&linker.program, &args, &input.dir, runs)
                .with_context(|| format!("{} on the {profile} input", linker.name))?;
            let size = std::fs::metadata(&out)?.len();
            rows.push((linker.name, stats, size));
        }
        let (_, base, base_size) = rows.iter().find(|r| r.0 == "rust-lld").cloned().expect("rust-lld row");
        for (name, stats, size) in &rows {
            println!(
                "{:<8} {:<10} {:>10.3} {:>10.1} {:>12} {:>8.2} {:>8.2} {:>8.2}",
                profile,
                name,
                stats.median_seconds,
                stats.peak_kib as f64 / 1024.0,
                size,
                stats.median_seconds / base.median_seconds,
                stats.peak_kib as f64 / base.peak_kib as f64,
                *size as f64 / base_size as f64,
            );
        }
    }
    println!("(time x, mem x, size x: ratios against rust-lld; {runs} runs each, after one warm-up)");
    Ok(())
}

fn linkers(root: &Path) -> Result<Vec<Linker>> {
    let ours = root.join("target/release/wasip1-ld");
    if !ours.exists() {
        bail!("{} is missing: run `make build` first", ours.display());
    }
    let sysroot = capture::rustc_sysroot()?;
    let rust_lld = sysroot.join("lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld");
    let flavor = vec!["-flavor".to_string(), "wasm".to_string()];
    Ok(vec![
        Linker { name: "wasip1-ld", program: ours, leading_args: flavor.clone() },
        Linker { name: "rust-lld", program: rust_lld, leading_args: flavor },
        Linker { name: "wasm-ld-19", program: PathBuf::from("wasm-ld-19"), leading_args: vec![] },
    ])
}
