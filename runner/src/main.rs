//! `wasip1-run`: runs a wasm32-wasip1 command module.
//!
//! Usage: `wasip1-run [--dir HOST::GUEST | --dir DIR]... [--env K=V | --env K]...
//! [--stdin FILE] [--timeout SECS] [--invoke NAME] MODULE.wasm [ARGS...]`
//!
//! `--invoke NAME` runs a reactor: `_initialize` (if exported), then the
//! export NAME (`() -> ()`, or `() -> i32` whose result is the exit status).
//!
//! Exit status: the module's (0 when `_start` returns, `n` for
//! `proc_exit(n)`); 134 when it traps (message `wasip1-run: trap: ...` on
//! stderr, like wasmtime's CLI on Unix); 125 when the runner itself fails
//! (bad command line, unreadable/invalid module, unresolved imports).

use std::process::ExitCode;
use std::time::Duration;
use wasip1_run::{Outcome, Preopen, RunConfig, Runner, StdinSource, RUNNER_ERROR_EXIT_STATUS};

const USAGE: &str = "usage: wasip1-run [--dir HOST::GUEST]... [--env K=V]... [--stdin FILE] [--timeout SECS] [--invoke NAME] MODULE.wasm [ARGS...]";

/// Parsed command line.
struct Cli {
    module: std::path::PathBuf,
    cfg: RunConfig,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Cli, String> {
    let mut cfg = RunConfig { stdin: StdinSource::Inherit, capture_output: false, ..RunConfig::default() };
    loop {
        let Some(arg) = args.next() else {
            return Err(format!("missing MODULE.wasm\n{USAGE}"));
        };
        // `--opt=value` and `--opt value` are both accepted.
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            inline.clone().or_else(|| args.next()).ok_or_else(|| format!("{name} needs {what}\n{USAGE}"))
        };
        match name.as_str() {
            "--dir" => cfg.preopens.push(Preopen::parse(&value("HOST::GUEST")?)?),
            "--env" => {
                // `K=V` sets K; a bare `K` passes the host's value (if any).
                let kv = value("K=V")?;
                match kv.split_once('=') {
                    Some((k, v)) => cfg.env.push((k.to_string(), v.to_string())),
                    None => {
                        if let Ok(v) = std::env::var(&kv) {
                            cfg.env.push((kv, v));
                        }
                    }
                }
            }
            "--stdin" => cfg.stdin = StdinSource::File(value("FILE")?.into()),
            "--invoke" => cfg.invoke = Some(value("NAME")?),
            "--timeout" => {
                let secs = value("SECS")?;
                let secs: f64 = secs.parse().map_err(|_| format!("bad --timeout `{secs}`"))?;
                if !(secs > 0.0 && secs.is_finite()) {
                    return Err(format!("bad --timeout `{secs}`: must be > 0"));
                }
                cfg.timeout = Some(Duration::from_secs_f64(secs));
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            "--" => {
                let module = args.next().ok_or_else(|| format!("missing MODULE.wasm\n{USAGE}"))?;
                cfg.args = args.collect();
                return Ok(Cli { module: module.into(), cfg });
            }
            s if s.starts_with('-') && s.len() > 1 => return Err(format!("unknown option `{s}`\n{USAGE}")),
            _ => {
                cfg.args = args.collect();
                return Ok(Cli { module: arg.into(), cfg });
            }
        }
    }
}

fn main() -> ExitCode {
    let cli = match parse_args(std::env::args().skip(1)) {
        Ok(cli) => cli,
        Err(msg) => {
            eprintln!("wasip1-run: {msg}");
            return ExitCode::from(RUNNER_ERROR_EXIT_STATUS as u8);
        }
    };
    let result = Runner::new().and_then(|runner| runner.run_file(&cli.module, &cli.cfg));
    match result {
        Ok(result) => {
            if let Outcome::Trap(msg) = &result.outcome {
                eprintln!("wasip1-run: trap: {msg}");
            }
            // Statuses are 0..=255 on Unix; WASI itself only allows 0..126.
            ExitCode::from((result.outcome.exit_status() & 0xff) as u8)
        }
        Err(err) => {
            eprintln!("wasip1-run: error: {err:#}");
            ExitCode::from(RUNNER_ERROR_EXIT_STATUS as u8)
        }
    }
}
