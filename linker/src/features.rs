//! The `target_features` check and merge, with wasm-ld's semantics.
//!
//! Each object's `target_features` custom section lists features with a
//! prefix: `+` used, `=` required (every object must use it), `-`
//! disallowed (no object may use it). The output lists the used features
//! (or exactly `--features=`), each with `+`, sorted by name.
//!
//! Checks (skipped with `--no-check-features`), messages as wasm-ld's:
//! * with `--features=`, a used feature that is not in the list;
//! * a feature used in one object and disallowed by another;
//! * a required feature missing from an object.

use crate::args::Config;
use crate::diag::{Error, Result};
use crate::resolve::Resolver;
use std::collections::{BTreeMap, BTreeSet};
use wasmparser::BinaryReader;

/// One entry of an object's `target_features` section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Feature<'a> {
    /// `b'+'`, `b'='` or `b'-'`.
    pub prefix: u8,
    pub name: &'a str,
}

/// Decodes a `target_features` payload; `name` is the object, for errors.
pub fn parse<'a>(name: &str, data: &'a [u8], offset: usize) -> Result<Vec<Feature<'a>>> {
    let bad = |e: wasmparser::BinaryReaderError| {
        Error::file(name, format!("malformed target_features section: {}", e.message()))
    };
    let mut rd = BinaryReader::new(data, offset as u64);
    let n = rd.read_var_u32().map_err(bad)?;
    let mut out = Vec::with_capacity(n.min(64) as usize);
    for _ in 0..n {
        let prefix = rd.read_u8().map_err(bad)?;
        let feature = rd.read_string().map_err(bad)?;
        if !matches!(prefix, b'+' | b'=' | b'-') {
            return Err(Error::file(
                name,
                format!("malformed target_features section: unknown prefix 0x{prefix:02x} for feature '{feature}'"),
            ));
        }
        out.push(Feature { prefix, name: feature });
    }
    Ok(out)
}

/// Checks the loaded objects' features against each other and the command
/// line; returns the features the output's `target_features` section lists
/// (sorted, all `+`).
pub fn resolve(r: &Resolver<'_>, config: &Config) -> Result<Vec<String>> {
    // Every loaded object's features, in load order.
    let mut per_object: Vec<(&str, Vec<Feature<'_>>)> = Vec::new();
    for &file in &r.load_order {
        let o = &r.objects[file.idx()];
        let mut feats = Vec::new();
        for c in o.customs.iter().filter(|c| c.name == "target_features") {
            feats.extend(parse(&o.name, c.data, c.data_offset)?);
        }
        per_object.push((o.name.as_str(), feats));
    }

    // First object that uses / requires / disallows each feature.
    let mut used: BTreeMap<&str, &str> = BTreeMap::new();
    let mut required: BTreeMap<&str, &str> = BTreeMap::new();
    let mut disallowed: BTreeMap<&str, &str> = BTreeMap::new();
    for (obj, feats) in &per_object {
        for f in feats {
            let map = match f.prefix {
                b'-' => &mut disallowed,
                b'=' => {
                    required.entry(f.name).or_insert(obj);
                    &mut used
                }
                _ => &mut used,
            };
            map.entry(f.name).or_insert(obj);
        }
    }

    let explicit: Option<BTreeSet<&str>> = config.features.as_ref().map(|v| v.iter().map(String::as_str).collect());
    let mut out: BTreeSet<String> = match &explicit {
        Some(set) => set.iter().map(|s| s.to_string()).collect(),
        None => used.keys().map(|s| s.to_string()).collect(),
    };
    out.extend(config.extra_features.iter().cloned());

    if config.check_features {
        let mut errors = Vec::new();
        if let Some(allowed) = &explicit {
            for (feature, obj) in &used {
                if !allowed.contains(feature) {
                    errors.push(format!("Target feature '{feature}' used by {obj} is not allowed."));
                }
            }
        }
        for (obj, feats) in &per_object {
            let mut has: BTreeSet<&str> = BTreeSet::new();
            for f in feats.iter().filter(|f| f.prefix != b'-') {
                has.insert(f.name);
                if let Some(by) = disallowed.get(f.name) {
                    errors.push(format!(
                        "Target feature '{}' used in {obj} is disallowed by {by}. Use --no-check-features to suppress.",
                        f.name
                    ));
                }
            }
            for (feature, by) in &required {
                if !has.contains(feature) {
                    errors.push(format!(
                        "Missing target feature '{feature}' in {obj}, required by {by}. Use --no-check-features to suppress."
                    ));
                }
            }
        }
        if !errors.is_empty() {
            return Err(Error::many(errors));
        }
    }
    Ok(out.into_iter().collect())
}

/// Encodes the output's `target_features` payload (`None` when empty).
pub fn encode(features: &[String]) -> Option<Vec<u8>> {
    if features.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    leb(&mut out, features.len() as u32);
    for f in features {
        out.push(b'+');
        leb(&mut out, f.len() as u32);
        out.extend_from_slice(f.as_bytes());
    }
    Some(out)
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
