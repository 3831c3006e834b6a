//! The merged `producers` custom section (`target_features`: see `features.rs`).

use crate::diag::{Error, Result};
use crate::resolve::Resolver;
use wasmparser::{BinaryReader, ProducersSectionReader};

/// Merges every loaded object's `producers` section (first-seen order, no duplicates).
pub fn producers(r: &Resolver<'_>) -> Result<Option<wasm_encoder::ProducersSection>> {
    let mut fields: Vec<(&str, Vec<(&str, &str)>)> = Vec::new();
    for &file in &r.load_order {
        let o = &r.objects[file.idx()];
        for c in o.customs.iter().filter(|c| c.name == "producers") {
            let bad = |e: wasmparser::BinaryReaderError| Error::file(&o.name, format!("malformed producers section: {}", e.message()));
            let reader = ProducersSectionReader::new(BinaryReader::new(c.data, c.data_offset as u64)).map_err(bad)?;
            for field in reader {
                let field = field.map_err(bad)?;
                let pos = match fields.iter().position(|(n, _)| *n == field.name) {
                    Some(p) => p,
                    None => {
                        fields.push((field.name, Vec::new()));
                        fields.len() - 1
                    }
                };
                for v in field.values {
                    let v = v.map_err(bad)?;
                    if !fields[pos].1.iter().any(|(n, _)| *n == v.name) {
                        fields[pos].1.push((v.name, v.version));
                    }
                }
            }
        }
    }
    if fields.is_empty() {
        return Ok(None);
    }
    let mut sec = wasm_encoder::ProducersSection::new();
    for (name, values) in fields {
        let mut f = wasm_encoder::ProducersField::new();
        for (n, v) in values {
            f.value(n, v);
        }
        sec.field(name, &f);
    }
    Ok(Some(sec))
}
