//! `harness [--verbose] [--jobs N] [--cell NAME]... [FILTER]`: build every test program in
//! every cell, run, compare with the reference cell, print the table and
//! `N passed, N failed`. Exit status 0 iff nothing failed; 2 on usage
//! errors.

use conformance::{cells::Cell, env::Env, program, report, run};
use std::process::ExitCode;

const USAGE: &str = "usage: harness [--verbose|-v] [--jobs N] [--cell NAME]... [FILTER]\n  FILTER: substring of a program id, e.g. `rust/hello_std`\n  --cell: only this cell (repeatable; `ref` is always built): ref, wasm-ld+ours, wasip1-ld+wasi-libc, product";

fn main() -> ExitCode {
    let mut verbose = false;
    let mut jobs = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).min(2);
    let mut filter: Option<String> = None;
    let mut only: Vec<Cell> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-v" | "--verbose" => verbose = true,
            "-j" | "--jobs" => match args.next().and_then(|n| n.parse().ok()).filter(|n| *n > 0) {
                Some(n) => jobs = n,
                None => return usage("--jobs needs a positive number"),
            },
            "--cell" => match args.next().as_deref().and_then(Cell::from_name) {
                Some(cell) => only.push(cell),
                None => return usage("--cell needs a cell name"),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with('-') => return usage(&format!("unknown option `{s}`")),
            _ if filter.is_some() => return usage("only one FILTER"),
            _ => filter = Some(arg),
        }
    }

    let env = Env::detect(&conformance::repo_root());
    let missing = env.missing();
    if !missing.is_empty() {
        println!("Missing prerequisites (cells that need them will FAIL):");
        for m in &missing {
            println!("  - {m}");
        }
        println!();
    }
    let programs = match program::discover(&conformance::programs_dir(), filter.as_deref()) {
        Ok(p) if p.is_empty() => {
            eprintln!("harness: no test program matches {:?}", filter.unwrap_or_default());
            return ExitCode::from(2);
        }
        Ok(p) => p,
        Err(e) => {
            eprintln!("harness: {e}");
            return ExitCode::from(2);
        }
    };
    // Two harness runs at once would clobber each other's modules and
    // sandboxes under target/conformance: hold a lock for the whole run.
    let _lock = match conformance::env::lock_work_dir(&env) {
        Ok(lock) => lock,
        Err(e) => {
            eprintln!("harness: {e}");
            return ExitCode::from(2);
        }
    };
    let runner = match wasip1_run::Runner::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("harness: cannot start the runner: {e:#}");
            return ExitCode::from(2);
        }
    };
    let start = std::time::Instant::now();
    let mut reports = run::run_all(&env, &runner, &programs, jobs, &only);
    let known_file = conformance::repo_root().join("tests/known-structure-differences.txt");
    match std::fs::read_to_string(&known_file).map_err(|e| e.to_string()).and_then(|t| conformance::known::parse(&t)) {
        Ok(known) => conformance::known::apply(&mut reports, &known),
        Err(e) => {
            eprintln!("harness: {}: {e}", known_file.display());
            return ExitCode::from(2);
        }
    }
    let text = report::render(&reports, verbose);
    // Timing goes just above the final `N passed, N failed` line.
    let (body, last) = text.trim_end().rsplit_once('\n').unwrap_or(("", text.trim_end()));
    println!("{body}");
    println!("({} programs, {:.1}s, {jobs} jobs)", programs.len(), start.elapsed().as_secs_f64());
    println!("{last}");
    // A copy for CI logs and the README (full run only).
    if filter.is_none() && only.is_empty() {
        let saved = env.work.join("report.txt");
        if let Err(e) = std::fs::write(&saved, format!("{body}\n{last}\n")) {
            eprintln!("harness: could not save {}: {e}", saved.display());
        }
    }
    let (_, failed) = report::counts(&reports);
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("harness: {msg}\n{USAGE}");
    ExitCode::from(2)
}
