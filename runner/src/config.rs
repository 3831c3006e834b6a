//! What a run gets: arguments, environment, preopens, stdin, capture mode.

use std::path::PathBuf;
use std::time::Duration;

/// Where the module's stdin comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum StdinSource {
    /// Stdin is closed: reads return end-of-file immediately.
    #[default]
    Closed,
    /// The host process's stdin (the binary's default).
    Inherit,
    /// These bytes, then end-of-file.
    Bytes(Vec<u8>),
    /// The contents of this host file (read when the run starts).
    File(PathBuf),
}

/// A host directory made visible to the module under a guest path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preopen {
    /// Directory on the host.
    pub host: PathBuf,
    /// Name the module sees (e.g. `/sandbox` or `.`).
    pub guest: String,
}

impl Preopen {
    /// Parses the binary's `--dir` syntax: `HOST::GUEST`, or just `DIR`
    /// (host and guest name are the same).
    pub fn parse(spec: &str) -> Result<Preopen, String> {
        let (host, guest) = match spec.split_once("::") {
            Some((host, guest)) => (host, guest),
            None => (spec, spec),
        };
        if host.is_empty() || guest.is_empty() {
            return Err(format!("bad --dir `{spec}`: expected HOST::GUEST or DIR"));
        }
        Ok(Preopen { host: PathBuf::from(host), guest: guest.to_string() })
    }
}

/// Everything that configures one run of a module.
#[derive(Debug, Clone)]
pub struct RunConfig {
    /// `argv[0]`; `None` means the module's file name (as wasmtime's CLI).
    pub argv0: Option<String>,
    /// `argv[1..]`.
    pub args: Vec<String>,
    /// Environment variables, in order.
    pub env: Vec<(String, String)>,
    /// Preopened directories, in order (fd 3, 4, ...).
    pub preopens: Vec<Preopen>,
    /// Stdin source.
    pub stdin: StdinSource,
    /// `true`: stdout/stderr are captured into the [`crate::RunResult`];
    /// `false`: they go to the host's stdout/stderr.
    pub capture_output: bool,
    /// Wall-clock limit for `_start`; exceeding it is a trap.
    pub timeout: Option<Duration>,
    /// Reactor mode: call `_initialize` (if exported) then this export
    /// instead of `_start`.
    pub invoke: Option<String>,
}

impl Default for RunConfig {
    /// Captured output, closed stdin, no args/env/preopens, no timeout, `_start`.
    fn default() -> Self {
        RunConfig {
            argv0: None,
            args: Vec::new(),
            env: Vec::new(),
            preopens: Vec::new(),
            stdin: StdinSource::Closed,
            capture_output: true,
            timeout: None,
            invoke: None,
        }
    }
}
