//! Comparing what a cell did with what the reference cell did.

use crate::snapshot::{self, Snapshot};
use wasip1_run::Outcome;

/// Everything observable about one run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observed {
    pub outcome: Outcome,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// stdout and stderr interleaved in write order (as `2>&1` shows).
    pub combined: Vec<u8>,
    /// The sandbox tree after the run.
    pub tree: Snapshot,
}

/// One way a cell differs from the reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// One line, for the table: e.g. "stdout differs at line 3: ...".
    pub short: String,
    /// Full detail for `--verbose` (a diff).
    pub detail: String,
}

/// All mismatches of `actual` against `expected`; empty means the cell passes.
pub fn compare(expected: &Observed, actual: &Observed) -> Vec<Mismatch> {
    let mut out = Vec::new();
    if expected.outcome != actual.outcome {
        let short = match (&expected.outcome, &actual.outcome) {
            (Outcome::Exit(e), Outcome::Exit(a)) => format!("exit status differs: got {a}, reference {e}"),
            (e, a) => format!("outcome differs: got {a}, reference {e}"),
        };
        out.push(Mismatch { detail: short.clone(), short });
    }
    for (name, e, a) in [("stdout", &expected.stdout, &actual.stdout), ("stderr", &expected.stderr, &actual.stderr)] {
        if e != a {
            out.push(Mismatch {
                short: format!("{name} differs: {}", first_difference(e, a)),
                detail: format!("{name} (- reference, + this cell):\n{}", line_diff(e, a)),
            });
        }
    }
    // Same streams but a different interleaving: the two builds buffer
    // differently (e.g. stdout flushed per line in one, at exit in the other).
    if expected.stdout == actual.stdout && expected.stderr == actual.stderr && expected.combined != actual.combined {
        out.push(Mismatch {
            short: format!("stdout/stderr interleaving differs (buffering): {}", first_difference(&expected.combined, &actual.combined)),
            detail: format!("stdout+stderr in write order (- reference, + this cell):\n{}", line_diff(&expected.combined, &actual.combined)),
        });
    }
    let tree = snapshot::diff(&expected.tree, &actual.tree);
    if let Some(first) = tree.first() {
        let more = if tree.len() > 1 { format!(" (+{} more)", tree.len() - 1) } else { String::new() };
        let detail = tree.iter().map(|d| format!("  {d}")).collect::<Vec<_>>().join("\n");
        out.push(Mismatch { short: format!("files differ: {first}{more}"), detail: format!("files:\n{detail}") });
    }
    out
}

/// Where two byte strings first differ, by line: "line N: got `..`,
/// reference `..`" (lines shortened to stay readable).
pub fn first_difference(expected: &[u8], actual: &[u8]) -> String {
    let e: Vec<&[u8]> = expected.split_inclusive(|b| *b == b'\n').collect();
    let a: Vec<&[u8]> = actual.split_inclusive(|b| *b == b'\n').collect();
    for i in 0..e.len().max(a.len()) {
        match (e.get(i), a.get(i)) {
            (Some(x), Some(y)) if x == y => continue,
            (x, y) => {
                return format!("line {}: got {}, reference {}", i + 1, show(y.copied()), show(x.copied()));
            }
        }
    }
    "identical".to_string()
}

fn show(line: Option<&[u8]>) -> String {
    match line {
        None => "<end of output>".to_string(),
        Some(l) => {
            let text = String::from_utf8_lossy(l);
            let mut t: String = text.escape_debug().collect();
            if t.chars().count() > 70 {
                t = t.chars().take(67).collect::<String>() + "...";
            }
            format!("\"{t}\"")
        }
    }
}

/// A simple line diff (longest common subsequence); for very long outputs
/// it falls back to printing both sides.
pub fn line_diff(expected: &[u8], actual: &[u8]) -> String {
    let e: Vec<String> = String::from_utf8_lossy(expected).lines().map(str::to_string).collect();
    let a: Vec<String> = String::from_utf8_lossy(actual).lines().map(str::to_string).collect();
    if e.len() * a.len() > 4_000_000 {
        let mut out = String::from("(too long to diff; reference then this cell)\n");
        e.iter().for_each(|l| out.push_str(&format!("- {l}\n")));
        a.iter().for_each(|l| out.push_str(&format!("+ {l}\n")));
        return out;
    }
    // lcs[i][j] = LCS length of e[i..] and a[j..].
    let mut lcs = vec![vec![0u32; a.len() + 1]; e.len() + 1];
    for i in (0..e.len()).rev() {
        for j in (0..a.len()).rev() {
            lcs[i][j] = if e[i] == a[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < e.len() || j < a.len() {
        if i < e.len() && j < a.len() && e[i] == a[j] {
            out.push_str(&format!("  {}\n", e[i]));
            i += 1;
            j += 1;
        } else if i < e.len() && (j == a.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push_str(&format!("- {}\n", e[i]));
            i += 1;
        } else {
            out.push_str(&format!("+ {}\n", a[j]));
            j += 1;
        }
    }
    if expected.last() != actual.last() && (expected.last() == Some(&b'\n') || actual.last() == Some(&b'\n')) {
        out.push_str("(trailing newline differs)\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(code: i32, stdout: &str) -> Observed {
        Observed {
            outcome: Outcome::Exit(code),
            stdout: stdout.into(),
            stderr: vec![],
            combined: stdout.into(),
            tree: Snapshot::new(),
        }
    }

    #[test]
    fn interleaving_differences_are_failures() {
        let mut a = obs(0, "out\n");
        a.stderr = b"err\n".to_vec();
        a.combined = b"out\nerr\n".to_vec();
        let mut b = a.clone();
        b.combined = b"err\nout\n".to_vec();
        let m = compare(&a, &b);
        assert_eq!(m.len(), 1);
        assert!(m[0].short.starts_with("stdout/stderr interleaving differs"), "{}", m[0].short);
    }

    #[test]
    fn equal_runs_pass() {
        assert!(compare(&obs(0, "a\nb\n"), &obs(0, "a\nb\n")).is_empty());
    }

    /// The harness must be able to fail: different outputs are reported.
    #[test]
    fn different_runs_fail_with_reasons() {
        let m = compare(&obs(0, "a\nb\n"), &obs(3, "a\nc\n"));
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].short, "exit status differs: got 3, reference 0");
        assert_eq!(m[1].short, "stdout differs: line 2: got \"c\\n\", reference \"b\\n\"");
        assert!(m[1].detail.contains("- b\n+ c\n"));
        let trap = Observed { outcome: Outcome::Trap("unreachable".into()), ..obs(0, "") };
        assert!(compare(&obs(0, ""), &trap)[0].short.starts_with("outcome differs: got trap: unreachable"));
    }

    #[test]
    fn missing_output_and_file_differences() {
        assert_eq!(first_difference(b"x\n", b""), "line 1: got <end of output>, reference \"x\\n\"");
        let mut with_file = obs(0, "");
        with_file.tree.insert("f".into(), crate::snapshot::Node::File(b"1".to_vec()));
        let m = compare(&with_file, &obs(0, ""));
        assert_eq!(m[0].short, "files differ: `f` missing");
    }
}
