//! Printing the results: per-program detail, a summary matrix, and the final
//! `N passed, N failed` line.

use crate::cells::Cell;
use crate::run::{ProgramReport, Verdict};
use std::fmt::Write;

/// Pass/fail counts over all requested cells.
pub fn counts(reports: &[ProgramReport]) -> (usize, usize) {
    let mut passed = 0;
    let mut failed = 0;
    for cell in reports.iter().flat_map(|r| &r.cells) {
        match cell.verdict {
            Verdict::Pass => passed += 1,
            Verdict::Fail { .. } => failed += 1,
            Verdict::NotRequested | Verdict::Known { .. } => {}
        }
    }
    (passed, failed)
}

/// Cells excused by `tests/known-structure-differences.txt`.
pub fn known_count(reports: &[ProgramReport]) -> usize {
    reports.iter().flat_map(|r| &r.cells).filter(|c| matches!(c.verdict, Verdict::Known { .. })).count()
}

/// The whole report text, ending with `N passed, N failed`.
pub fn render(reports: &[ProgramReport], verbose: bool) -> String {
    let mut out = String::new();
    let width = Cell::ALL.iter().map(|c| c.name().len()).max().unwrap_or(8);
    for r in reports {
        let _ = writeln!(out, "{}", r.id);
        for c in &r.cells {
            let timing = match c.wasm_size {
                Some(size) => format!("  ({:.1}s, {} KiB)", c.elapsed.as_secs_f64(), size.div_ceil(1024)),
                None => String::new(),
            };
            match &c.verdict {
                Verdict::Pass => {
                    let _ = writeln!(out, "  {:<width$}  PASS{timing}", c.cell.name());
                }
                Verdict::NotRequested => {
                    let _ = writeln!(out, "  {:<width$}  n/a   (not requested: `cells:` directive or --cell)", c.cell.name());
                }
                Verdict::Known { short, reason } => {
                    let _ = writeln!(out, "  {:<width$}  KNOWN {short} (known: {reason})", c.cell.name());
                }
                Verdict::Fail { short, detail } => {
                    let _ = writeln!(out, "  {:<width$}  FAIL  {short}", c.cell.name());
                    if verbose && !detail.is_empty() {
                        for line in detail.lines() {
                            let _ = writeln!(out, "      | {line}");
                        }
                    }
                }
            }
        }
    }
    out.push('\n');
    out.push_str(&matrix(reports));
    let known = known_count(reports);
    if known > 0 {
        let _ = writeln!(out, "{known} cells KNOWN: structural differences from wasm-ld listed in tests/known-structure-differences.txt (open linker bugs)");
    }
    let (passed, failed) = counts(reports);
    let _ = writeln!(out, "{passed} passed, {failed} failed");
    out
}

/// One row per program, one column per cell, then per-cell totals.
fn matrix(reports: &[ProgramReport]) -> String {
    let id_width = reports.iter().map(|r| r.id.len()).max().unwrap_or(7).max(7);
    // Per-cell totals (passed/requested) also set the column widths.
    let totals: Vec<String> = (0..Cell::ALL.len())
        .map(|i| {
            let cells = reports.iter().filter_map(|r| r.cells.get(i));
            let requested = cells.clone().filter(|c| c.verdict != Verdict::NotRequested).count();
            let passed = cells.filter(|c| c.verdict == Verdict::Pass).count();
            format!("{passed}/{requested}")
        })
        .collect();
    let widths: Vec<usize> = Cell::ALL.iter().zip(&totals).map(|(c, t)| c.name().len().max(t.len()).max(4)).collect();
    let row = |first: &str, cols: &mut dyn Iterator<Item = &str>| {
        let mut line = format!("{first:<id_width$}");
        for (text, w) in cols.zip(&widths) {
            let _ = write!(line, "  {text:<w$}");
        }
        format!("{}\n", line.trim_end())
    };
    let mut out = row("program", &mut Cell::ALL.iter().map(|c| c.name()));
    for r in reports {
        out.push_str(&row(
            &r.id,
            &mut r.cells.iter().map(|c| match c.verdict {
                Verdict::Pass => "PASS",
                Verdict::Fail { .. } => "FAIL",
                Verdict::NotRequested => "n/a",
                Verdict::Known { .. } => "KNOWN",
            }),
        ));
    }
    out.push_str(&row("passed", &mut totals.iter().map(String::as_str)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::CellReport;
    use std::time::Duration;

    #[test]
    fn counts_failures_and_ends_with_summary_line() {
        let cells = Cell::ALL
            .iter()
            .map(|&cell| CellReport {
                cell,
                verdict: match cell {
                    Cell::Ref => Verdict::Pass,
                    Cell::Product => Verdict::NotRequested,
                    _ => Verdict::Fail { short: "stdout differs".into(), detail: "- a\n+ b".into() },
                },
                elapsed: Duration::ZERO,
                wasm_size: None,
            })
            .collect();
        let reports = vec![ProgramReport { id: "c/x".into(), cells }];
        assert_eq!(counts(&reports), (1, 2));
        let text = render(&reports, true);
        assert!(text.ends_with("1 passed, 2 failed\n"), "{text}");
        assert!(text.contains("FAIL  stdout differs"));
        assert!(text.contains("      | + b"));
        assert!(text.contains("\npassed   1/1   0/1           0/1                  0/0\n"), "{text}");
    }
}
