//! Known structural differences from wasm-ld: `tests/known-structure-differences.txt`.
//!
//! Each line names a program and a wasip1-ld cell whose *structure* (live
//! function set, names, exports) is known to differ from the cell linked by
//! wasm-ld, with the reason; these are open linker bugs. Such a cell is shown
//! as KNOWN and counted apart, not as passed. Only structural failures can be
//! excused: a behavioural difference in a listed cell still fails, and a
//! listed cell that now matches fails until its line is removed, so the list
//! can only shrink.
use crate::cells::Cell;
use crate::run::{ProgramReport, Verdict};

/// One line of the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Known {
    pub program: String,
    pub cell: Cell,
    pub reason: String,
}

/// Parses `PROGRAM CELL  # reason` lines; `#` starts a comment line.
pub fn parse(text: &str) -> Result<Vec<Known>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (fields, reason) = line.split_once('#').ok_or(format!("line {}: no `# reason`", n + 1))?;
        let mut words = fields.split_whitespace();
        let (Some(program), Some(cell), None) = (words.next(), words.next(), words.next()) else {
            return Err(format!("line {}: expected `PROGRAM CELL  # reason`", n + 1));
        };
        let cell = Cell::from_name(cell).ok_or(format!("line {}: unknown cell `{cell}`", n + 1))?;
        out.push(Known { program: program.to_string(), cell, reason: reason.trim().to_string() });
    }
    Ok(out)
}

/// Applies the list to the judged reports (programs not run are ignored).
pub fn apply(reports: &mut [ProgramReport], known: &[Known]) {
    for k in known {
        let Some(report) = reports.iter_mut().find(|r| r.id == k.program) else { continue };
        let Some(cell) = report.cells.iter_mut().find(|c| c.cell == k.cell) else { continue };
        cell.verdict = match std::mem::replace(&mut cell.verdict, Verdict::NotRequested) {
            Verdict::Fail { short, .. } if short.starts_with("structure vs ") => {
                Verdict::Known { short, reason: k.reason.clone() }
            }
            Verdict::Pass => Verdict::Fail {
                short: "matches wasm-ld now: remove its line from tests/known-structure-differences.txt".into(),
                detail: String::new(),
            },
            other => other,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::CellReport;
    use std::time::Duration;

    fn report(verdict: Verdict) -> Vec<ProgramReport> {
        vec![ProgramReport {
            id: "c/x".into(),
            cells: vec![CellReport { cell: Cell::Product, verdict, elapsed: Duration::ZERO, wasm_size: None }],
        }]
    }

    #[test]
    fn parses_lines_and_rejects_bad_ones() {
        let k = parse("# comment\nc/x product  # why\n").unwrap();
        assert_eq!(k, vec![Known { program: "c/x".into(), cell: Cell::Product, reason: "why".into() }]);
        assert!(parse("c/x product\n").is_err());
        assert!(parse("c/x nocell # r\n").is_err());
    }

    #[test]
    fn excuses_only_structural_failures_and_flags_stale_lines() {
        let known = parse("c/x product # why\n").unwrap();
        let mut r = report(Verdict::Fail { short: "structure vs wasm-ld+ours: x".into(), detail: String::new() });
        apply(&mut r, &known);
        assert!(matches!(r[0].cells[0].verdict, Verdict::Known { .. }));

        let mut r = report(Verdict::Fail { short: "stdout differs".into(), detail: String::new() });
        apply(&mut r, &known);
        assert!(matches!(&r[0].cells[0].verdict, Verdict::Fail { short, .. } if short == "stdout differs"));

        let mut r = report(Verdict::Pass);
        apply(&mut r, &known);
        assert!(matches!(&r[0].cells[0].verdict, Verdict::Fail { short, .. } if short.contains("remove its line")));
    }
}
