//! Running build tools (clang, rustc) with a time limit, and picking the
//! telling line out of their error output.

use std::io::Read;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Time limit for one build command (a hung linker must not hang the harness).
pub const BUILD_TIMEOUT: Duration = Duration::from_secs(180);

/// Runs a build tool; on failure, the short reason is `what` plus the most
/// telling error line, the detail is the command and its whole output.
/// On success, returns the tool's stderr.
pub fn run_tool(mut cmd: Command, what: &str) -> Result<String, (String, String)> {
    let shown = format!("{cmd:?}");
    let out = match output_with_timeout(&mut cmd, BUILD_TIMEOUT) {
        Ok(Some(out)) => out,
        Ok(None) => {
            return Err((format!("{what}: timed out after {}s", BUILD_TIMEOUT.as_secs()), format!("$ {shown}")));
        }
        Err(e) => return Err((format!("{what}: cannot run {:?}: {e}", cmd.get_program()), format!("$ {shown}"))),
    };
    if out.status.success() {
        return Ok(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let text = format!("{}{}", String::from_utf8_lossy(&out.stderr), String::from_utf8_lossy(&out.stdout));
    let first = first_error_line(&text);
    Err((format!("{what}: {}", clip(first, 160)), format!("$ {shown}\n{text}")))
}

/// Like `Command::output`, but gives up after `limit` and kills the
/// command. `Ok(None)` means it timed out.
pub fn output_with_timeout(cmd: &mut Command, limit: Duration) -> std::io::Result<Option<Output>> {
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn()?;
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let out_reader = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let err_reader = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if Instant::now() >= deadline {
            // Only the process we started, by its handle (a linker that
            // rustc/clang spawned is left to finish on its own).
            // The reader threads are not joined: a grandchild may still
            // hold the pipes open; they end when it does.
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    Ok(Some(Output { status, stdout, stderr }))
}

/// The most telling line of a failed build's output: the linker's own
/// message (rustc wraps it in `= note: ...`; clang prints it before its own
/// "linker command failed"), else the first line mentioning an error.
pub fn first_error_line(text: &str) -> &str {
    let lines = || text.lines().map(|l| l.trim().trim_start_matches("= note:").trim());
    let linker_said = |l: &str| {
        ["wasip1-ld:", "rust-lld:", "wasm-ld:", "wasm-ld-19:"].iter().any(|p| l.starts_with(p))
            || l.contains("undefined symbol")
    };
    lines()
        .find(|l| linker_said(l))
        .or_else(|| lines().find(|l| l.contains("error")))
        .or_else(|| lines().find(|l| !l.is_empty()))
        .unwrap_or("(no output)")
}

/// The first line of `s`, clipped.
pub fn first_line(s: &str) -> String {
    clip(s.lines().next().unwrap_or(""), 160)
}

/// `s` cut to at most `max` characters (with "..." when cut).
pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        s.chars().take(max.saturating_sub(3)).collect::<String>() + "..."
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_linker_message_out_of_build_output() {
        let rustc = "error: linking with `wasip1-ld` failed: exit status: 1\n  |\n  = note: \"wasip1-ld\" \"-flavor\"\n  = note: wasip1-ld: error: undefined symbol: foo\n\nerror: aborting";
        assert_eq!(first_error_line(rustc), "wasip1-ld: error: undefined symbol: foo");
        let clang = "clang version 19\nwasm-ld-19: error: x.o: undefined symbol: bar\nclang-19: error: linker command failed";
        assert_eq!(first_error_line(clang), "wasm-ld-19: error: x.o: undefined symbol: bar");
        assert_eq!(first_error_line("x.c:1:1: error: expected ';'\n"), "x.c:1:1: error: expected ';'");
        assert_eq!(first_error_line(""), "(no output)");
    }

    #[test]
    fn build_commands_time_out() {
        let mut slow = Command::new("sleep");
        slow.arg("30");
        let start = Instant::now();
        assert!(output_with_timeout(&mut slow, Duration::from_millis(200)).unwrap().is_none());
        assert!(start.elapsed() < Duration::from_secs(5));
        let mut quick = Command::new("sh");
        quick.args(["-c", "echo out; echo err >&2; exit 3"]);
        let out = output_with_timeout(&mut quick, Duration::from_secs(10)).unwrap().unwrap();
        assert_eq!((out.status.code(), &out.stdout[..], &out.stderr[..]), (Some(3), &b"out\n"[..], &b"err\n"[..]));
    }

    #[test]
    fn reports_a_failing_tool() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "echo 'x.c:1: error: boom' >&2; exit 1"]);
        let (short, detail) = run_tool(cmd, "build failed").unwrap_err();
        assert_eq!(short, "build failed: x.c:1: error: boom");
        assert!(detail.starts_with("$ "));
        let missing = run_tool(Command::new("/nonexistent/tool"), "build failed").unwrap_err();
        assert!(missing.0.starts_with("build failed: cannot run"));
    }
}
