//! Runs a command repeatedly and measures wall time and peak resident memory
//! (from wait4's rusage, so each run is measured alone).
use anyhow::{bail, Context, Result};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

#[derive(Clone)]
pub struct Stats {
    pub median_seconds: f64,
    /// The largest peak RSS over the runs, in KiB.
    pub peak_kib: i64,
}

/// One warm-up run, then `runs` measured runs.
pub fn repeat(program: &Path, args: &[String], dir: &Path, runs: usize) -> Result<Stats> {
    once(program, args, dir)?;
    let mut times = Vec::with_capacity(runs);
    let mut peak_kib = 0;
    for _ in 0..runs.max(1) {
        let (seconds, kib) = once(program, args, dir)?;
        times.push(seconds);
        peak_kib = peak_kib.max(kib);
    }
    times.sort_by(f64::total_cmp);
    Ok(Stats { median_seconds: times[times.len() / 2], peak_kib })
}

fn once(program: &Path, args: &[String], dir: &Path) -> Result<(f64, i64)> {
    let start = Instant::now();
    let child = Command::new(program)
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot start {}", program.display()))?;
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for the child we spawned.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let seconds = start.elapsed().as_secs_f64();
    if waited != pid {
        bail!("wait4 failed: {}", std::io::Error::last_os_error());
    }
    let exit = std::process::ExitStatus::from_raw(status);
    if !exit.success() {
        let mut stderr = String::new();
        if let Some(mut pipe) = child.stderr {
            use std::io::Read;
            let _ = pipe.read_to_string(&mut stderr);
        }
        bail!("{} failed ({exit}): {}", program.display(), stderr.lines().next().unwrap_or(""));
    }
    Ok((seconds, usage.ru_maxrss))
}
