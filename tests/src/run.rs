//! Building, checking and running every (program, cell) pair, then judging
//! each cell against the program's reference cell.

use crate::cells::{self, Cell, Lang, Sysroots};
use crate::check;
use crate::dwarf;
use crate::compare::{self, Observed};
use crate::directives::{Directives, SeedEntry};
use crate::env::Env;
use crate::program::Program;
use crate::snapshot;
use crate::structure::{self, Structure};
use crate::tool::{first_line, run_tool};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use wasip1_run::{Preopen, RunConfig, Runner, StdinSource};

/// Guest path of each run's sandbox directory.
pub const SANDBOX_GUEST: &str = "/sandbox";

/// A cell's verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    /// `short` is one line for the table, `detail` is for `--verbose`.
    Fail { short: String, detail: String },
    /// Excluded by the `// cells:` directive or `--cell` (not counted).
    NotRequested,
    /// A structural difference from wasm-ld listed in
    /// `tests/known-structure-differences.txt` (counted apart).
    Known { short: String, reason: String },
}

impl Verdict {
    fn fail(short: impl Into<String>, detail: impl Into<String>) -> Verdict {
        Verdict::Fail { short: short.into(), detail: detail.into() }
    }
}

/// The result of one (program, cell).
#[derive(Debug, Clone)]
pub struct CellReport {
    pub cell: Cell,
    pub verdict: Verdict,
    /// Build + run wall time.
    pub elapsed: Duration,
    /// Size of the built module, if it was built.
    pub wasm_size: Option<u64>,
}

/// All cells of one program.
#[derive(Debug, Clone)]
pub struct ProgramReport {
    pub id: String,
    pub cells: Vec<CellReport>,
}

/// What a cell produced before judging: its module's structure and its
/// run (`None` for `link-only:` programs), or the reason there is none.
type CellRun = Result<Built, (String, String)>;

/// A built (and, unless link-only, run) cell.
#[derive(Debug, Clone)]
pub struct Built {
    pub observed: Option<Observed>,
    pub size: u64,
    pub structure: Structure,
    /// Line rows per function, for `debug: yes` programs.
    pub lines: Option<dwarf::LineMap>,
}

/// Runs everything with `jobs` worker threads. `only`: if not empty, the
/// cells to build besides `ref` (which is always built: it is the baseline).
pub fn run_all(env: &Env, runner: &Runner, programs: &[Program], jobs: usize, only: &[Cell]) -> Vec<ProgramReport> {
    let roots = prepare_sysroots(env).map_err(|e| format!("preparing helper sysroots: {e}"));
    // Phase 1: the C objects (one per C program, shared by its cells).
    let objects: Vec<Option<Result<PathBuf, (String, String)>>> =
        parallel_map(programs, jobs, |p| p.lang.is_clang().then(|| compile_c_object(env, p)));
    // Phase 2: every requested cell.
    let mut tasks = Vec::new();
    for (pi, p) in programs.iter().enumerate() {
        for cell in Cell::ALL {
            let selected = only.is_empty() || cell == Cell::Ref || only.contains(&cell);
            if selected && p.directives.as_ref().map(|d| d.wants_cell(cell.name())).unwrap_or(true) {
                tasks.push((pi, cell));
            }
        }
    }
    let runs: Vec<(CellRun, Duration)> = parallel_map(&tasks, jobs, |&(pi, cell)| {
        let start = Instant::now();
        let run = build_and_run(env, runner, roots.as_ref(), &programs[pi], objects[pi].as_ref(), cell);
        (run, start.elapsed())
    });
    // Phase 3: judge against each program's ref cell.
    programs
        .iter()
        .enumerate()
        .map(|(pi, p)| {
            let mine: Vec<(Cell, &(CellRun, Duration))> =
                tasks.iter().zip(&runs).filter(|((i, _), _)| *i == pi).map(|((_, c), r)| (*c, r)).collect();
            let find = |cell: Cell| mine.iter().find(|(c, _)| *c == cell).map(|(_, r)| &r.0);
            let reference = find(Cell::Ref);
            let cells = Cell::ALL
                .iter()
                .map(|&cell| match mine.iter().find(|(c, _)| *c == cell) {
                    None => CellReport { cell, verdict: Verdict::NotRequested, elapsed: Duration::ZERO, wasm_size: None },
                    Some((_, (run, elapsed))) => CellReport {
                        cell,
                        verdict: match judge(cell, run, reference) {
                            Verdict::Pass => judge_structure(cell, run, find),
                            other => other,
                        },
                        elapsed: *elapsed,
                        wasm_size: run.as_ref().ok().map(|b| b.size),
                    },
                })
                .collect();
            ProgramReport { id: p.id(), cells }
        })
        .collect()
}

fn judge(cell: Cell, run: &CellRun, reference: Option<&CellRun>) -> Verdict {
    let built = match run {
        Ok(b) => b,
        Err((short, detail)) => return Verdict::fail(short.clone(), detail.clone()),
    };
    if cell == Cell::Ref {
        return Verdict::Pass;
    }
    let expected = match reference {
        Some(Ok(b)) => b,
        Some(Err((short, _))) => return Verdict::fail(format!("no reference to compare with (ref: {short})"), ""),
        None => return Verdict::fail("no reference to compare with (ref cell not requested)", ""),
    };
    let (expected, observed) = match (&expected.observed, &built.observed) {
        (Some(e), Some(o)) => (e, o),
        _ => return Verdict::Pass, // link-only: nothing ran; structure is judged separately
    };
    let mismatches = compare::compare(expected, observed);
    match mismatches.first() {
        None => Verdict::Pass,
        Some(first) => {
            let more = if mismatches.len() > 1 { format!(" [+{} more]", mismatches.len() - 1) } else { String::new() };
            let detail = mismatches.iter().map(|m| m.detail.as_str()).collect::<Vec<_>>().join("\n");
            Verdict::fail(format!("{}{more}", first.short), detail)
        }
    }
}

/// The structural check of a wasip1-ld cell against the cell that differs
/// from it only by the linker: `wasip1-ld+wasi-libc` vs `ref`, `product`
/// vs `wasm-ld+ours` (when that cell was built and succeeded).
fn judge_structure<'a>(cell: Cell, run: &CellRun, find: impl Fn(Cell) -> Option<&'a CellRun>) -> Verdict {
    let partner = match cell {
        Cell::OurLdRefLibc => Cell::Ref,
        Cell::Product => Cell::RefLdOurLibc,
        _ => return Verdict::Pass,
    };
    let (Ok(got), Some(Ok(reference))) = (run, find(partner)) else {
        // The partner failed or was not built: nothing to compare with (its
        // own row shows why); the behavioural verdict stands.
        return Verdict::Pass;
    };
    let mut diffs = structure::compare(&reference.structure, &got.structure);
    if let (Some(want), Some(have)) = (&reference.lines, &got.lines) {
        if let Some(d) = dwarf::compare(want, have) {
            diffs.push(structure::Difference { short: d.clone(), detail: d });
        }
    }
    match diffs.first() {
        None => Verdict::Pass,
        Some(first) => {
            let more = if diffs.len() > 1 { format!(" [+{} more]", diffs.len() - 1) } else { String::new() };
            let detail = diffs.iter().map(|d| d.detail.as_str()).collect::<Vec<_>>().join("\n");
            Verdict::fail(format!("structure vs {}: {}{more}", partner.name(), first.short), detail)
        }
    }
}

fn prepare_sysroots(env: &Env) -> Result<Sysroots, String> {
    std::fs::create_dir_all(&env.work).map_err(|e| format!("creating {}: {e}", env.work.display()))?;
    Ok(Sysroots {
        c_ours: env.c_ours_sysroot()?,
        cpp_ours: env.cpp_ours_sysroot()?,
        rust_wasi_libc: env.rust_wasi_libc_sysroot()?,
    })
}

/// Per-program work directory: `target/conformance/<lang>-<name>/`.
fn program_dir(env: &Env, p: &Program) -> PathBuf {
    env.work.join(format!("{}-{}", p.lang.dir(), p.name))
}

fn compile_c_object(env: &Env, p: &Program) -> Result<PathBuf, (String, String)> {
    env.clang.clone().map_err(|m| (format!("missing prerequisite: {m}"), String::new()))?;
    if p.lang == Lang::Cpp {
        env.libcxx.clone().map_err(|m| (format!("missing prerequisite: {m}"), String::new()))?;
    }
    let debug = p.directives.as_ref().map(|d| d.debug).unwrap_or(false);
    let dir = program_dir(env, p);
    std::fs::create_dir_all(&dir).map_err(|e| (format!("creating {}: {e}", dir.display()), String::new()))?;
    let obj = dir.join(format!("{}.o", p.name));
    run_tool(cells::c_compile(p.lang, &p.path, &obj, debug), "compile failed")?;
    Ok(obj)
}

/// Builds one cell's module, checks it, runs it, snapshots the sandbox.
fn build_and_run(
    env: &Env,
    runner: &Runner,
    roots: Result<&Sysroots, &String>,
    p: &Program,
    object: Option<&Result<PathBuf, (String, String)>>,
    cell: Cell,
) -> CellRun {
    let directives = p.directives.as_ref().map_err(|e| (e.clone(), String::new()))?;
    cell.requirements(p.lang, env).map_err(|m| (format!("missing prerequisite: {m}"), String::new()))?;
    let roots = roots.map_err(|e| (e.clone(), String::new()))?;
    let dir = program_dir(env, p).join(cell.name());
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| (format!("creating {}: {e}", dir.display()), String::new()))?;
    let wasm = dir.join(format!("{}.wasm", p.name));
    let cmd = match (p.lang, object) {
        (Lang::Rust, _) => {
            cells::rust_build(
            cell,
            env,
            roots,
            &p.path,
            &wasm,
            directives.reactor.is_some(),
            directives.debug,
            &directives.link_args,
        )
        }
        (_, Some(Ok(obj))) => {
            cells::c_link(p.lang, cell, env, roots, obj, &wasm, directives.reactor.is_some(), &directives.link_args)
        },
        (_, Some(Err(e))) => return Err(e.clone()),
        (_, None) => return Err(("internal: C object missing".into(), String::new())),
    };
    let log = run_tool(cmd, "build failed")?;
    if p.lang.is_clang() && cells::wants_our_linker(cell) && !cells::uses_linker(&log, &env.linker) {
        return Err(("build did not use wasip1-ld (clang ran another linker)".into(), log));
    }
    let bytes = std::fs::read(&wasm).map_err(|e| (format!("build produced no module: {e}"), String::new()))?;
    let structure = structure::read(&bytes).map_err(|e| (e, String::new()))?;
    let lines = if directives.debug { Some(dwarf::read(&bytes).map_err(|e| (e, String::new()))?) } else { None };
    if directives.link_only {
        check::validate(&bytes).map_err(|e| (e, String::new()))?;
        return Ok(Built { observed: None, size: bytes.len() as u64, structure, lines });
    }
    check::check_module(&bytes).map_err(|e| (e, String::new()))?;

    let module = runner.compile(&bytes).map_err(|e| (format!("run error: {}", first_line(&format!("{e:#}"))), format!("{e:#}")))?;
    let observed = run_once(runner, &module, p, directives, &dir.join("sandbox"))?;
    if cell == Cell::Ref {
        // A program whose reference run is not reproducible would make every
        // other cell fail spuriously: run it again and insist on equality.
        let again = run_once(runner, &module, p, directives, &dir.join("sandbox-rerun"))?;
        let diffs = compare::compare(&observed, &again);
        if let Some(first) = diffs.first() {
            let detail = diffs.iter().map(|m| m.detail.as_str()).collect::<Vec<_>>().join("\n");
            return Err((format!("program is nondeterministic (second ref run: {})", first.short), detail));
        }
    }
    Ok(Built { observed: Some(observed), size: bytes.len() as u64, structure, lines })
}

/// One run in a freshly seeded `sandbox`, then the sandbox snapshot.
fn run_once(
    runner: &Runner,
    module: &wasip1_run::Module,
    p: &Program,
    directives: &Directives,
    sandbox: &Path,
) -> Result<Observed, (String, String)> {
    let _ = std::fs::remove_dir_all(sandbox);
    seed_sandbox(sandbox, directives).map_err(|e| (format!("seeding sandbox: {e}"), String::new()))?;
    let cfg = run_config(p, directives, sandbox);
    let result = runner
        .run_module(module, &cfg.argv0.clone().unwrap_or_default(), &cfg)
        .map_err(|e| (format!("run error: {}", first_line(&format!("{e:#}"))), format!("{e:#}")))?;
    let tree = snapshot::take(sandbox).map_err(|e| (format!("snapshotting sandbox: {e}"), String::new()))?;
    Ok(Observed { outcome: result.outcome, stdout: result.stdout, stderr: result.stderr, combined: result.combined, tree })
}

/// The run configuration from a program's directives. `argv[0]` is the
/// same (`<name>.wasm`) in every cell so outputs are comparable.
fn run_config(p: &Program, d: &Directives, sandbox: &Path) -> RunConfig {
    let stdin = match &d.stdin_file {
        Some(file) => StdinSource::File(p.path.parent().unwrap_or(Path::new(".")).join(file)),
        None => StdinSource::Bytes(d.stdin.clone()),
    };
    RunConfig {
        argv0: Some(format!("{}.wasm", p.name)),
        args: d.args.clone(),
        env: d.env.clone(),
        preopens: vec![Preopen { host: sandbox.to_path_buf(), guest: SANDBOX_GUEST.to_string() }],
        stdin,
        capture_output: true,
        timeout: Some(Duration::from_secs(d.timeout_secs)),
        invoke: d.reactor.clone(),
    }
}

fn seed_sandbox(sandbox: &Path, d: &Directives) -> std::io::Result<()> {
    std::fs::create_dir_all(sandbox)?;
    for entry in &d.seed {
        match entry {
            SeedEntry::Dir { path } => std::fs::create_dir_all(sandbox.join(path))?,
            SeedEntry::File { path, contents } => {
                let full = sandbox.join(path);
                if let Some(parent) = full.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::write(full, contents)?;
            }
        }
    }
    Ok(())
}

/// Maps `f` over `items` on `jobs` threads, keeping order.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], jobs: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
    let results = std::sync::Mutex::new(&mut slots);
    std::thread::scope(|s| {
        for _ in 0..jobs.clamp(1, items.len().max(1)) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(item) = items.get(i) else { break };
                let r = f(item);
                if let Ok(mut slots) = results.lock() {
                    slots[i] = Some(r);
                }
            });
        }
    });
    slots.into_iter().map(|r| r.expect("every slot is filled by a worker")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_which_linker_clang_ran() {
        let linker = Path::new("/r/target/release/wasip1-ld");
        assert!(cells::uses_linker(" \"/r/target/release/wasip1-ld\" -m wasm32 x.o", linker));
        assert!(!cells::uses_linker(" \"/usr/bin/wasm-ld-19\" -m wasm32 x.o", linker));
    }
}
