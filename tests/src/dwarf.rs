//! Debug-info check for `debug: yes` programs: the DWARF line tables of two
//! modules linked from the same inputs must map each function's code to the
//! same `file:line`s.
//!
//! Per named function, the line rows inside its body are collected as
//! (offset from the function's start, file, line). A linker that copies
//! function bodies and relocates `.debug_line` addresses correctly yields
//! identical lists in both modules, whatever the function's position.

use gimli::{EndianSlice, LittleEndian};
use std::collections::{BTreeMap, HashMap};
use wasmparser::{KnownCustom, Name, Parser, Payload};

/// One line-table row relative to its function: (offset, file, line).
pub type Row = (u64, String, u64);

/// Line rows per function name (functions without rows are left out).
pub type LineMap = BTreeMap<String, Vec<Row>>;

/// Reads the line rows of every named function of `bytes`.
pub fn read(bytes: &[u8]) -> Result<LineMap, String> {
    let mut sections: HashMap<String, &[u8]> = HashMap::new();
    let mut bodies: Vec<(u64, u64)> = Vec::new(); // code-relative [start, end)
    let mut code_start = 0u64;
    let mut imported = 0u32;
    let mut names: HashMap<u32, String> = HashMap::new();
    for payload in Parser::new(0).parse_all(bytes) {
        match payload.map_err(|e| format!("unparsable wasm: {e}"))? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import.map_err(|e| format!("bad import section: {e}"))?;
                    if matches!(import.ty, wasmparser::TypeRef::Func(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionStart { unchecked_range, .. } => code_start = unchecked_range.start,
            Payload::CodeSectionEntry(body) => {
                let r = body.range();
                bodies.push((r.start - code_start, r.end - code_start));
            }
            Payload::CustomSection(reader) => {
                if let KnownCustom::Name(n) = reader.as_known() {
                    for name in n.into_iter().map_while(Result::ok) {
                        if let Name::Function(map) = name {
                            for naming in map.into_iter().map_while(Result::ok) {
                                names.insert(naming.index, naming.name.to_string());
                            }
                        }
                    }
                } else if reader.name().starts_with(".debug_") {
                    sections.insert(reader.name().to_string(), reader.data());
                }
            }
            _ => {}
        }
    }
    let rows = line_rows(&sections)?;
    let mut out = LineMap::new();
    for (i, &(start, end)) in bodies.iter().enumerate() {
        let Some(name) = names.get(&(imported + i as u32)) else { continue };
        // Rows are sorted by address: take those inside this body.
        let from = rows.partition_point(|r| r.0 < start);
        let mine: Vec<Row> =
            rows[from..].iter().take_while(|r| r.0 < end).map(|(a, f, l)| (a - start, f.clone(), *l)).collect();
        if !mine.is_empty() {
            out.insert(name.clone(), mine);
        }
    }
    Ok(out)
}

/// Every row of every line program, sorted by address.
fn line_rows(sections: &HashMap<String, &[u8]>) -> Result<Vec<(u64, String, u64)>, String> {
    let load = |id: gimli::SectionId| -> Result<EndianSlice<'_, LittleEndian>, gimli::Error> {
        Ok(EndianSlice::new(sections.get(id.name()).copied().unwrap_or(&[]), LittleEndian))
    };
    let dwarf = gimli::Dwarf::load(load).map_err(|e| format!("bad DWARF: {e}"))?;
    let mut out = Vec::new();
    let mut units = dwarf.units();
    while let Some(header) = units.next().map_err(|e| format!("bad .debug_info: {e}"))? {
        let unit = dwarf.unit(header).map_err(|e| format!("bad DWARF unit: {e}"))?;
        let Some(program) = unit.line_program.clone() else { continue };
        let mut rows = program.rows();
        while let Some((header, row)) = rows.next_row().map_err(|e| format!("bad .debug_line: {e}"))? {
            if row.end_sequence() {
                continue;
            }
            let file = match row.file(header) {
                Some(entry) => dwarf
                    .attr_string(&unit, entry.path_name())
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|_| "?".into()),
                None => "?".into(),
            };
            out.push((row.address(), file, row.line().map(|l| l.get()).unwrap_or(0)));
        }
    }
    out.sort();
    Ok(out)
}

/// The first line-table difference between `reference` and `got` over the
/// functions both have rows for, or why the comparison is impossible.
pub fn compare(reference: &LineMap, got: &LineMap) -> Option<String> {
    if !reference.is_empty() && got.is_empty() {
        return Some("debug line table missing (the reference has one)".into());
    }
    let mut checked = 0;
    for (name, want) in reference {
        let Some(have) = got.get(name) else { continue };
        checked += 1;
        if want != have {
            let at = want.iter().zip(have).position(|(a, b)| a != b).unwrap_or(want.len().min(have.len()));
            let show = |v: &[Row]| v.get(at).map(|(o, f, l)| format!("+{o} {f}:{l}")).unwrap_or_else(|| "(none)".into());
            return Some(format!("debug line table differs in {name}: got {}, reference {}", show(have), show(want)));
        }
    }
    if checked == 0 && !reference.is_empty() {
        return Some("debug line table: no function with line info in both modules".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_line_maps() {
        let mut a = LineMap::new();
        a.insert("f".into(), vec![(0, "x.c".into(), 3), (5, "x.c".into(), 4)]);
        let mut b = a.clone();
        assert_eq!(compare(&a, &b), None);
        b.insert("f".into(), vec![(0, "x.c".into(), 3), (5, "x.c".into(), 9)]);
        assert_eq!(compare(&a, &b).unwrap(), "debug line table differs in f: got +5 x.c:9, reference +5 x.c:4");
        assert!(compare(&a, &LineMap::new()).unwrap().contains("missing"));
        assert!(read(b"junk").is_err());
    }
}
