//! The benchmark inputs: `--reproduce` captures of bench/bigapp's final link,
//! made once per profile under target/bench/ and extracted there.
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Input {
    /// The extracted capture; relative paths in the response file start here.
    pub dir: PathBuf,
    /// The captured command line without its `-o`, so each linker names its own output.
    pub response: PathBuf,
}

pub fn rustc_sysroot() -> Result<PathBuf> {
    let out = Command::new("rustc").args(["--print", "sysroot"]).output().context("running rustc")?;
    Ok(PathBuf::from(String::from_utf8(out.stdout)?.trim()))
}

/// Captures (if needed) and extracts the `profile` link of bigapp.
pub fn ensure_input(root: &Path, profile: &str) -> Result<Input> {
    let bench = root.join("target/bench");
    let tar = bench.join(format!("{profile}.tar"));
    let dir = bench.join(profile);
    if !tar.exists() {
        capture(root, profile, &tar)?;
    }
    let response = dir.join(profile).join("response.txt");
    if !response.exists() {
        std::fs::create_dir_all(&dir)?;
        run(Command::new("tar").arg("xf").arg(&tar).arg("-C").arg(&dir))?;
    }
    let captured = std::fs::read_to_string(&response)?;
    let mut lines = Vec::new();
    let mut skip_next = false;
    for line in captured.lines() {
        if std::mem::take(&mut skip_next) {
            continue;
        }
        match line {
            "-o" => skip_next = true,
            l if l.starts_with("-o ") => {}
            l => lines.push(l),
        }
    }
    let bench_response = dir.join(profile).join("bench-response.txt");
    std::fs::write(&bench_response, lines.join("\n") + "\n")?;
    Ok(Input { dir: dir.join(profile), response: bench_response })
}

fn capture(root: &Path, profile: &str, tar: &Path) -> Result<()> {
    eprintln!("==> bench: capturing the {profile} link of bench/bigapp (first run only)");
    let target_dir = root.join("target/bench/bigapp");
    let output = target_dir.join(format!("wasm32-wasip1/{profile}/bigapp.wasm"));
    let _ = std::fs::remove_file(&output); // make sure cargo links again
    let mut cargo = Command::new("cargo");
    cargo
        .args(["build", "--quiet", "--target", "wasm32-wasip1"])
        .current_dir(root.join("bench/bigapp"))
        .env("CARGO_TARGET_DIR", &target_dir)
        .env("RUSTFLAGS", format!("-Clink-arg=--reproduce={}", tar.display()));
    if profile == "release" {
        cargo.arg("--release");
    }
    run(&mut cargo)?;
    if !tar.exists() {
        bail!("cargo linked bigapp but wrote no {}", tar.display());
    }
    Ok(())
}

fn run(cmd: &mut Command) -> Result<()> {
    let status = cmd.status().with_context(|| format!("running {cmd:?}"))?;
    if !status.success() {
        bail!("{cmd:?} failed: {status}");
    }
    Ok(())
}
