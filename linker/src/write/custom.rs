//! Merged custom sections: `producers` and `target_features`.

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

/// Merges `target_features`: a feature is used (`+`) if any object uses it.
pub fn target_features(r: &Resolver<'_>) -> Result<Option<Vec<u8>>> {
    let mut used: Vec<String> = Vec::new();
    for &file in &r.load_order {
        let o = &r.objects[file.idx()];
        for c in o.customs.iter().filter(|c| c.name == "target_features") {
            let bad = |e: wasmparser::BinaryReaderError| Error::file(&o.name, format!("malformed target_features section: {}", e.message()));
            let mut rd = BinaryReader::new(c.data, c.data_offset as u64);
            let n = rd.read_var_u32().map_err(bad)?;
            for _ in 0..n {
                let prefix = rd.read_u8().map_err(bad)?;
                let name = rd.read_string().map_err(bad)?;
                if (prefix == b'+' || prefix == b'=') && !used.iter().any(|u| u == name) {
                    used.push(name.to_string());
                }
            }
        }
    }
    if used.is_empty() {
        return Ok(None);
    }
    used.sort();
    let mut out = Vec::new();
    leb(&mut out, used.len() as u32);
    for u in used {
        out.push(b'+');
        leb(&mut out, u.len() as u32);
        out.extend_from_slice(u.as_bytes());
    }
    Ok(Some(out))
}

fn leb(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}
