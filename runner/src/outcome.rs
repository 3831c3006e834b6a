//! How a run ended, and turning wasmtime errors into that.

use std::fmt;
use std::time::Duration;
use wasmtime_wasi::I32Exit;

/// How the module stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Normal end: `_start` returned (0) or `proc_exit(n)` was called (n).
    Exit(i32),
    /// The module trapped or a host call failed fatally. The message is the
    /// trap's description (e.g. "wasm `unreachable` instruction executed"),
    /// without the backtrace, so it is comparable between builds.
    Trap(String),
}

impl Outcome {
    /// The status the `wasip1-run` binary exits with for this outcome.
    pub fn exit_status(&self) -> i32 {
        match self {
            Outcome::Exit(n) => *n,
            Outcome::Trap(_) => crate::TRAP_EXIT_STATUS,
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Exit(n) => write!(f, "exit {n}"),
            Outcome::Trap(msg) => write!(f, "trap: {msg}"),
        }
    }
}

/// The result of one run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunResult {
    /// How it ended.
    pub outcome: Outcome,
    /// Captured stdout (empty when output was inherited).
    pub stdout: Vec<u8>,
    /// Captured stderr (empty when output was inherited).
    pub stderr: Vec<u8>,
    /// stdout and stderr interleaved in the order the module wrote them
    /// (what `2>&1` shows); empty when output was inherited.
    pub combined: Vec<u8>,
}

/// Classifies the error `_start` returned.
pub(crate) fn classify(err: wasmtime::Error, timeout: Option<Duration>) -> Outcome {
    if let Some(exit) = err.downcast_ref::<I32Exit>() {
        return Outcome::Exit(exit.0);
    }
    if let Some(trap) = err.downcast_ref::<wasmtime::Trap>() {
        if *trap == wasmtime::Trap::Interrupt {
            let limit = timeout.map(|t| format!(" after {:.1}s", t.as_secs_f64())).unwrap_or_default();
            return Outcome::Trap(format!("timeout: module interrupted{limit}"));
        }
        return Outcome::Trap(trap.to_string());
    }
    // A host error (e.g. proc_exit with a status WASI rejects): the root
    // cause is the stable part, the outer layers carry backtraces.
    Outcome::Trap(err.root_cause().to_string())
}
