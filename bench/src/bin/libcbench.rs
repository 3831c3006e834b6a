//! `libcbench`: libc-wasip1 against wasi-libc on the micro-benchmarks of
//! `libc-wasip1/tests/bench/bench.c`.
//!
//! The C program is compiled once with clang-19 against wasi-libc's headers
//! and linked twice with wasm-ld-19: against rustup's wasi-libc (its
//! self-contained libc.a and crt1-command.o) and against ours
//! (target/sysroot/lib/wasm32-wasip1). Both modules run under
//! target/release/wasip1-run, alternately, `--runs` times each in this one
//! process, so both see the same machine state. The program times itself
//! (CLOCK_MONOTONIC inside the module, so module compilation is not
//! counted) and prints `case NAME NS_PER_OP CHECKSUM` per round; the table
//! shows the median per case, the ratio ours/wasi-libc (< 1 is faster), and
//! whether the checksums agree. It also prints the code-section size of
//! both modules and of a printf-only program (`printf_only.c`).
//!
//! This is a benchmark, not a test: it fails only when something cannot be
//! built or run, or when the two builds compute different results.
#[path = "../wasm_size.rs"]
mod wasm_size;

use anyhow::{bail, Context, Result};
use bench::workspace_root;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const USAGE: &str = "usage: libcbench [--runs N] [--rounds N] [--scale N] [--stat median|min] [--libc NAME=DIR]... [CASE...]
  --runs N         runs of each module, alternating (default 5)
  --rounds N       rounds of each case per run (default 3); every round is a sample
  --scale N        multiplies every case's operation count (default 1)
  --stat S         median (default) or min of the samples
  --libc NAME=DIR  also link against DIR/libc.a and DIR/crt1-command.o (another
                   build of ours, e.g. an older one); shown as more columns
  CASE             only these cases (names as printed; default all)
needs: target/sysroot (cargo run --release -p xtask -- sysroot) and
       target/release/wasip1-run (cargo build --release -p wasip1-run)";

/// Removes a directory (best effort) when dropped.
struct RemoveOnDrop(PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Command-line options.
struct Options {
    runs: usize,
    rounds: usize,
    scale: usize,
    min: bool,
    extra: Vec<(String, PathBuf)>,
    cases: Vec<String>,
}

/// One libc build of the benchmark: where its start file and libc.a are.
struct Libc {
    name: String,
    crt: PathBuf,
    libc: PathBuf,
}

/// The samples of one case in one build.
#[derive(Default)]
struct Samples {
    ns: Vec<f64>,
    checksums: Vec<String>,
}

fn main() {
    if let Err(err) = run() {
        eprintln!("libcbench: error: {err:#}");
        std::process::exit(1);
    }
}

fn parse_options() -> Result<Option<Options>> {
    let mut opts = Options { runs: 5, rounds: 3, scale: 1, min: false, extra: Vec::new(), cases: Vec::new() };
    let mut args = std::env::args().skip(1);
    let number = |v: Option<String>, what: &str| -> Result<usize> {
        let v = v.with_context(|| format!("{what} needs a number"))?;
        let n: usize = v.parse().with_context(|| format!("{what}: not a number: {v}"))?;
        if n == 0 {
            bail!("{what} must be at least 1");
        }
        Ok(n)
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => opts.runs = number(args.next(), "--runs")?,
            "--rounds" => opts.rounds = number(args.next(), "--rounds")?,
            "--scale" => opts.scale = number(args.next(), "--scale")?,
            "--stat" => match args.next().as_deref() {
                Some("median") => opts.min = false,
                Some("min") => opts.min = true,
                _ => bail!("--stat needs median or min"),
            },
            "--libc" => {
                let v = args.next().context("--libc needs NAME=DIR")?;
                let Some((name, dir)) = v.split_once('=') else { bail!("--libc needs NAME=DIR, got {v}") };
                if name.is_empty() || name == "wasi-libc" || name == "ours" {
                    bail!("--libc: choose a NAME other than wasi-libc and ours");
                }
                opts.extra.push((name.to_string(), PathBuf::from(dir)));
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            other if other.starts_with('-') => bail!("unknown option {other}\n{USAGE}"),
            case => opts.cases.push(case.to_string()),
        }
    }
    Ok(Some(opts))
}

fn run() -> Result<()> {
    let Some(opts) = parse_options()? else { return Ok(()) };
    let root = workspace_root();
    let runner = root.join("target/release/wasip1-run");
    if !runner.is_file() {
        bail!("{} is missing: cargo build --release -p wasip1-run", runner.display());
    }
    let ours_dir = root.join("target/sysroot/lib/wasm32-wasip1");
    if !ours_dir.join("libc.a").is_file() {
        bail!("{}/libc.a is missing: cargo run --release -p xtask -- sysroot", ours_dir.display());
    }
    let theirs_dir = rustup_self_contained()?;
    let mut libcs = vec![
        Libc { name: "wasi-libc".into(), crt: theirs_dir.join("crt1-command.o"), libc: theirs_dir.join("libc.a") },
        Libc { name: "ours".into(), crt: ours_dir.join("crt1-command.o"), libc: ours_dir.join("libc.a") },
    ];
    for (name, dir) in &opts.extra {
        if !dir.join("libc.a").is_file() {
            bail!("--libc {name}: {}/libc.a is missing", dir.display());
        }
        libcs.push(Libc { name: name.clone(), crt: dir.join("crt1-command.o"), libc: dir.join("libc.a") });
    }
    // One directory per process: two benchmarks running at once must not
    // share modules or the scratch file (that corrupted the fgets case).
    let work = root.join("target/libcbench").join(format!("run-{}", std::process::id()));
    let _cleanup = RemoveOnDrop(work.clone());
    std::fs::create_dir_all(&work).with_context(|| format!("cannot create {}", work.display()))?;
    let src = root.join("libc-wasip1/tests/bench");
    let builtins = builtins_archive()?;

    let mut modules: BTreeMap<(&str, String), PathBuf> = BTreeMap::new();
    for program in ["bench", "printf_only"] {
        let obj = work.join(format!("{program}.o"));
        compile(&src.join(format!("{program}.c")), &obj)?;
        for libc in &libcs {
            let out = work.join(format!("{program}-{}.wasm", libc.name));
            link(libc, &obj, &builtins, &out)?;
            modules.insert((program, libc.name.clone()), out);
        }
    }

    let scratch = work.join("scratch");
    std::fs::create_dir_all(&scratch)?;
    let mut args = vec![
        "-r".to_string(),
        opts.rounds.to_string(),
        "-s".to_string(),
        opts.scale.to_string(),
    ];
    args.extend(opts.cases.iter().cloned());

    // samples[libc][case]; cases in the order the program prints them.
    let mut samples: Vec<BTreeMap<String, Samples>> = libcs.iter().map(|_| BTreeMap::new()).collect();
    let mut order: Vec<String> = Vec::new();
    for run in 0..opts.runs {
        eprint!("\rlibcbench: run {}/{}", run + 1, opts.runs);
        for (k, libc) in libcs.iter().enumerate() {
            let module = &modules[&("bench", libc.name.clone())];
            let output = run_module(&runner, module, &scratch, &args)?;
            for (case, ns, sum) in parse_output(&output)? {
                if !order.contains(&case) {
                    order.push(case.clone());
                }
                let s = samples[k].entry(case).or_default();
                s.ns.push(ns);
                s.checksums.push(sum);
            }
        }
    }
    eprintln!();
    if order.is_empty() {
        bail!("the benchmark printed no cases (unknown case names?)");
    }

    let stat = |v: &[f64]| if opts.min { v.iter().copied().fold(f64::INFINITY, f64::min) } else { median(v) };
    let mut mismatches = Vec::new();
    let mut header = format!("{:<15} {:>12} {:>12} {:>7}", "case", "wasi-libc ns", "ours ns", "ratio");
    for libc in &libcs[2..] {
        header += &format!(" {:>12} {:>7}", format!("{} ns", libc.name), "ratio");
    }
    println!(
        "{header}   ({} of {} samples; ratio = build / wasi-libc, < 1 is faster)",
        if opts.min { "min" } else { "median" },
        opts.runs * opts.rounds
    );
    let mut log_sums = vec![0.0; libcs.len()];
    for case in &order {
        let Some(base) = samples[0].get(case) else { bail!("case {case} did not run with wasi-libc") };
        let tbase = stat(&base.ns);
        let mut line = format!("{:<15} {:>12.2}", case, tbase);
        let mut same = true;
        for (k, per_libc) in samples.iter().enumerate().skip(1) {
            let Some(s) = per_libc.get(case) else { bail!("case {case} did not run with {}", libcs[k].name) };
            let t = stat(&s.ns);
            log_sums[k] += (t / tbase).ln();
            line += &format!(" {:>12.2} {:>7.2}", t, t / tbase);
            // Sample by sample: a case may legitimately depend on the
            // rounds before it, but never on the libc.
            same &= s.checksums == base.checksums;
        }
        if !same {
            mismatches.push(case.clone());
            line += "  RESULTS DIFFER";
        }
        println!("{line}");
    }
    for (k, libc) in libcs.iter().enumerate().skip(1) {
        println!("geometric mean ratio, {}: {:.2}", libc.name, (log_sums[k] / order.len() as f64).exp());
    }
    println!();
    let mut header = format!("{:<22} {:>12}", "code section (bytes)", "wasi-libc");
    for libc in &libcs[1..] {
        header += &format!(" {:>12} {:>7}", libc.name, "ratio");
    }
    println!("{header}");
    for program in ["bench", "printf_only"] {
        let a = code_size(&modules[&(program, "wasi-libc".to_string())])?;
        let mut line = format!("{:<22} {:>12}", format!("{program}.wasm"), a);
        for libc in &libcs[1..] {
            let b = code_size(&modules[&(program, libc.name.clone())])?;
            line += &format!(" {:>12} {:>7.2}", b, b as f64 / a as f64);
        }
        println!("{line}");
    }
    if !mismatches.is_empty() {
        bail!("the two builds computed different results in: {}", mismatches.join(", "));
    }
    Ok(())
}

/// rustup's wasi-libc for wasm32-wasip1 (libc.a, crt1-command.o).
fn rustup_self_contained() -> Result<PathBuf> {
    let out = Command::new("rustc").args(["--print", "sysroot"]).output().context("cannot run rustc")?;
    if !out.status.success() {
        bail!("rustc --print sysroot failed");
    }
    let sysroot = String::from_utf8(out.stdout).context("rustc printed a non-UTF-8 sysroot")?;
    let dir = Path::new(sysroot.trim()).join("lib/rustlib/wasm32-wasip1/lib/self-contained");
    if !dir.join("libc.a").is_file() {
        bail!("{}/libc.a is missing: rustup target add wasm32-wasip1", dir.display());
    }
    Ok(dir)
}

/// clang's compiler-rt builtins for wasm32 (both builds link the same one).
fn builtins_archive() -> Result<PathBuf> {
    let out = Command::new("clang-19")
        .args(["--target=wasm32-wasi", "-print-libgcc-file-name"])
        .output()
        .context("cannot run clang-19")?;
    let printed = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    if printed.is_file() {
        return Ok(printed);
    }
    let debian = PathBuf::from("/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a");
    if debian.is_file() {
        return Ok(debian);
    }
    bail!("libclang_rt.builtins-wasm32.a not found (apt-get install libclang-rt-19-dev-wasm32)")
}

/// Compiles a benchmark source against wasi-libc's headers.
fn compile(src: &Path, obj: &Path) -> Result<()> {
    let mut cmd = Command::new("clang-19");
    cmd.args(["--target=wasm32-wasi", "--sysroot=/usr", "-O2", "-c"]).arg(src).arg("-o").arg(obj);
    checked(&mut cmd, "clang-19")
}

/// Links one module with wasm-ld-19: start file, object, libc, builtins.
fn link(libc: &Libc, obj: &Path, builtins: &Path, out: &Path) -> Result<()> {
    let mut cmd = Command::new("wasm-ld-19");
    cmd.arg(&libc.crt).arg(obj).arg(&libc.libc).arg(builtins).arg("-o").arg(out);
    checked(&mut cmd, "wasm-ld-19")
}

/// Runs a command, failing with its stderr if it fails.
fn checked(cmd: &mut Command, what: &str) -> Result<()> {
    let out = cmd.output().with_context(|| format!("cannot run {what}"))?;
    if !out.status.success() {
        bail!("{what} failed ({}):\n{}", out.status, String::from_utf8_lossy(&out.stderr));
    }
    Ok(())
}

/// Runs the benchmark module with `scratch` preopened as "."; returns its
/// stderr (the results). stdout (the printf-to-stdout case) is discarded.
fn run_module(runner: &Path, module: &Path, scratch: &Path, args: &[String]) -> Result<String> {
    let out = Command::new(runner)
        .arg("--dir")
        .arg(format!("{}::.", scratch.display()))
        .arg(module)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .with_context(|| format!("cannot run {}", runner.display()))?;
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if !out.status.success() {
        bail!("{} exited with {}:\n{}", module.display(), out.status, stderr);
    }
    Ok(stderr)
}

/// The `case NAME NS CHECKSUM` lines of one run.
fn parse_output(text: &str) -> Result<Vec<(String, f64, String)>> {
    let mut rows = Vec::new();
    for line in text.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.first() != Some(&"case") {
            continue;
        }
        let [_, name, ns, sum] = fields[..] else { bail!("malformed result line: {line}") };
        let ns: f64 = ns.parse().with_context(|| format!("malformed time in: {line}"))?;
        rows.push((name.to_string(), ns, sum.to_string()));
    }
    Ok(rows)
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn code_size(module: &Path) -> Result<u64> {
    let bytes = std::fs::read(module).with_context(|| format!("cannot read {}", module.display()))?;
    wasm_size::section_size(&bytes, 10).with_context(|| module.display().to_string())
}
