//! `wasip1_run`: run wasm32-wasip1 *command* modules under wasmtime with
//! WASI preview1 (`wasmtime_wasi::p1`).
//!
//! The library is what the differential harness (`tests/`) uses: it captures
//! stdout/stderr in memory and reports how the module ended as an
//! [`Outcome`]. The `wasip1-run` binary is a thin wrapper that inherits the
//! host's stdio instead.
//!
//! ```no_run
//! use wasip1_run::{RunConfig, Runner, Outcome};
//! let runner = Runner::new()?;
//! let mut cfg = RunConfig::default();
//! cfg.args = vec!["one".into()];
//! let result = runner.run_file("hello.wasm".as_ref(), &cfg)?;
//! assert_eq!(result.outcome, Outcome::Exit(0));
//! # Ok::<(), anyhow::Error>(())
//! ```
//!
//! Exit status rules (the same as wasmtime's CLI): returning from `_start`
//! is status 0, `proc_exit(n)` is status `n`, anything else that stops the
//! module (a wasm trap, a host error such as `proc_exit(200)` which WASI
//! rejects, an exceeded timeout) is an [`Outcome::Trap`].
//!
//! Reactor modules: with [`RunConfig::invoke`] set, `_initialize` (if
//! exported) runs, then the named export; its `i32` result, if it has one,
//! is reported as the exit status.

mod capture;
mod config;
mod entry;
mod outcome;

pub use config::{Preopen, RunConfig, StdinSource};
pub use outcome::{Outcome, RunResult};
/// A compiled module (from [`Runner::compile`] or [`Runner::load`]).
pub use wasmtime::Module;

use anyhow::{anyhow, Context, Result};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};
use wasmtime::{Config, Engine, Linker, Store};
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wasi::p2::pipe::MemoryInputPipe;
use wasmtime_wasi::{FsPerms, WasiCtxBuilder};

/// Exit status the binary uses when the module traps (128 + SIGABRT, what
/// wasmtime's CLI gives on Unix).
pub const TRAP_EXIT_STATUS: i32 = 134;
/// Exit status the binary uses when the runner itself fails (bad command
/// line, unreadable or invalid module, missing imports).
pub const RUNNER_ERROR_EXIT_STATUS: i32 = 125;

/// How often the background ticker advances the engine epoch; timeouts are
/// measured in these ticks.
const EPOCH_TICK: Duration = Duration::from_millis(50);

/// Upper bound on captured stdout/stderr (per stream, per run).
const CAPTURE_LIMIT: usize = 64 << 20;

/// Key of the compiled-module cache: the file, its size and mtime.
type CacheKey = (PathBuf, u64, Option<SystemTime>);

/// A reusable wasmtime engine + WASI linker, with a cache of compiled
/// modules. Cheap to share between threads (`&Runner` is `Sync`).
pub struct Runner {
    engine: Engine,
    linker: Linker<WasiP1Ctx>,
    cache: Mutex<HashMap<CacheKey, Module>>,
}

impl Runner {
    /// Creates the engine (with epoch interruption, for timeouts) and the
    /// preview1 linker.
    pub fn new() -> Result<Self> {
        let mut config = Config::new();
        config.epoch_interruption(true);
        let engine = Engine::new(&config).map_err(|e| anyhow!("creating wasmtime engine: {e}"))?;
        let mut linker: Linker<WasiP1Ctx> = Linker::new(&engine);
        wasmtime_wasi::p1::add_to_linker_sync(&mut linker, |ctx| ctx)
            .map_err(|e| anyhow!("adding WASI preview1 to the linker: {e}"))?;
        // The ticker holds only a weak handle: it stops once the engine
        // (the Runner and its modules) is gone.
        let ticker = engine.weak();
        std::thread::Builder::new()
            .name("wasip1-run-epoch".into())
            .spawn(move || loop {
                std::thread::sleep(EPOCH_TICK);
                match ticker.upgrade() {
                    Some(engine) => engine.increment_epoch(),
                    None => break,
                }
            })
            .context("spawning the epoch ticker thread")?;
        Ok(Runner { engine, linker, cache: Mutex::new(HashMap::new()) })
    }

    /// Compiles (or fetches from the cache) the module at `path`.
    pub fn load(&self, path: &Path) -> Result<Module> {
        let meta = std::fs::metadata(path).with_context(|| format!("reading {}", path.display()))?;
        let key: CacheKey = (path.to_path_buf(), meta.len(), meta.modified().ok());
        if let Some(module) = self.cache.lock().map_err(|_| anyhow!("module cache poisoned"))?.get(&key) {
            return Ok(module.clone());
        }
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let module = self.compile(&bytes).with_context(|| format!("compiling {}", path.display()))?;
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(key, module.clone());
        }
        Ok(module)
    }

    /// Compiles a module from bytes (binary or, for tests, text format).
    pub fn compile(&self, bytes: &[u8]) -> Result<Module> {
        Module::new(&self.engine, bytes).map_err(|e| anyhow!("{}", error_chain(&e)))
    }

    /// Runs the module file at `path`. `argv[0]` defaults to the file name.
    pub fn run_file(&self, path: &Path, cfg: &RunConfig) -> Result<RunResult> {
        let module = self.load(path)?;
        let argv0 = match &cfg.argv0 {
            Some(name) => name.clone(),
            None => path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string()),
        };
        self.run_module(&module, &argv0, cfg)
    }

    /// Runs an already compiled module. `argv0` is used unless
    /// `cfg.argv0` overrides it.
    ///
    /// `Err` means the module could not be started at all (bad preopen,
    /// unreadable stdin file, unresolved imports, no `_start`); everything
    /// that happens once `_start` runs is reported in the [`RunResult`].
    pub fn run_module(&self, module: &Module, argv0: &str, cfg: &RunConfig) -> Result<RunResult> {
        let argv0 = cfg.argv0.as_deref().unwrap_or(argv0);
        let mut builder = WasiCtxBuilder::new();
        builder.arg(argv0);
        for arg in &cfg.args {
            builder.arg(arg);
        }
        for (key, value) in &cfg.env {
            builder.env(key, value);
        }
        for preopen in &cfg.preopens {
            builder
                .preopened_dir(&preopen.host, &preopen.guest, FsPerms::ReadWrite)
                .map_err(|e| anyhow!("preopening {} as {}: {e}", preopen.host.display(), preopen.guest))?;
        }
        match &cfg.stdin {
            StdinSource::Closed => {}
            StdinSource::Inherit => {
                builder.inherit_stdin();
            }
            StdinSource::Bytes(bytes) => {
                builder.stdin(MemoryInputPipe::new(bytes.clone()));
            }
            StdinSource::File(path) => {
                let bytes = std::fs::read(path).with_context(|| format!("reading stdin file {}", path.display()))?;
                builder.stdin(MemoryInputPipe::new(bytes));
            }
        }
        let captured = if cfg.capture_output {
            let capture = capture::Capture::new(CAPTURE_LIMIT);
            builder.stdout(capture.stdout_stream());
            builder.stderr(capture.stderr_stream());
            Some(capture)
        } else {
            builder.inherit_stdout();
            builder.inherit_stderr();
            None
        };

        let mut store = Store::new(&self.engine, builder.build_p1());
        match cfg.timeout {
            Some(limit) => {
                let ticks = (limit.as_millis() / EPOCH_TICK.as_millis()).max(1) as u64;
                store.set_epoch_deadline(ticks);
            }
            // The deadline is relative to the current epoch: keep it far from
            // overflowing (at 20 ticks/s this is ~7e9 years).
            None => store.set_epoch_deadline(1 << 62),
        }
        store.epoch_deadline_trap();

        let instance = self
            .linker
            .instantiate(&mut store, module)
            .map_err(|e| anyhow!("instantiating: {}", error_chain(&e)))?;
        let outcome = entry::call(&mut store, &instance, cfg.invoke.as_deref(), cfg.timeout)?;
        drop(store);
        let (stdout, stderr, combined) = match captured {
            Some(capture) => capture.take(),
            None => (Vec::new(), Vec::new(), Vec::new()),
        };
        Ok(RunResult { outcome, stdout, stderr, combined })
    }
}

/// A wasmtime error and its causes on one line (no backtrace).
fn error_chain(err: &wasmtime::Error) -> String {
    err.chain().map(|c| c.to_string()).collect::<Vec<_>>().join(": ")
}

/// A process-wide shared runner, created on first use.
pub fn shared() -> Result<Arc<Runner>> {
    static SHARED: Mutex<Option<Arc<Runner>>> = Mutex::new(None);
    let mut slot = SHARED.lock().map_err(|_| anyhow!("shared runner poisoned"))?;
    if let Some(runner) = slot.as_ref() {
        return Ok(runner.clone());
    }
    let runner = Arc::new(Runner::new()?);
    *slot = Some(runner.clone());
    Ok(runner)
}
