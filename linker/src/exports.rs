//! Which symbols the output exports, decided before liveness (they are roots).

use crate::args::Config;
use crate::diag::{describe_symbol, Error, Result};
use crate::object::SymKind;
use crate::resolve::{Resolver, SymRef};
use crate::symbols::SymbolId;
use rustc_hash::FxHashSet as HashSet;

/// One requested export: output name and symbol.
#[derive(Debug, Clone)]
pub struct Export {
    pub name: String,
    pub sym: SymbolId,
}

/// Collects the exports: the entry, `--export*`, `EXPORTED` symbols
/// (`export_name` attributes), `--export-dynamic` and `--export-all`.
pub fn collect(r: &Resolver<'_>, config: &Config) -> Result<Vec<Export>> {
    let mut out: Vec<Export> = Vec::new();
    let mut seen: HashSet<String> = HashSet::default();
    let mut push = |out: &mut Vec<Export>, name: &str, sym: SymbolId| {
        if seen.insert(name.to_string()) {
            out.push(Export { name: name.to_string(), sym });
        }
    };
    // Linker-defined symbols (`__heap_base`, `__data_end`, ...) can be exported too.
    let defined = |name: &str| {
        r.symtab.get(name).filter(|id| {
            let g = r.symtab.sym(*id);
            g.def.is_some() || g.synth.is_some()
        })
    };
    if let Some(entry) = &config.entry {
        match defined(entry) {
            Some(id) if kind(r, id) == Some(SymKind::Func) || r.symtab.sym(id).synth.is_some() => push(&mut out, entry, id),
            Some(_) => return Err(Error::new(format!("entry symbol is not a function: {entry}"))),
            None => {
                return Err(Error::new(format!(
                    "entry symbol not defined (pass --no-entry to suppress): {}",
                    describe_symbol(entry)
                )))
            }
        }
    }
    for name in &config.exports {
        match defined(name) {
            Some(id) => push(&mut out, name, id),
            None => return Err(Error::new(format!("symbol exported via --export not found: {}", describe_symbol(name)))),
        }
    }
    for name in &config.exports_if_defined {
        if let Some(id) = defined(name) {
            push(&mut out, name, id);
        }
    }
    if config.export_all {
        for name in crate::symbols::EXPORT_ALL_SYNTHETIC {
            if let Some(id) = defined(name) {
                push(&mut out, name, id);
            }
        }
    }
    for &file in &r.load_order {
        let o = &r.objects[file.idx()];
        for (i, s) in o.symbols.iter().enumerate() {
            if s.is_undefined() || s.is_local() || s.kind == SymKind::Section {
                continue;
            }
            let SymRef::Global(id) = r.refs[file.idx()][i] else { continue };
            if r.definition(file, i as u32) != Some((file, i as u32)) {
                continue;
            }
            let flagged = s.flags.contains(wasmparser::SymbolFlags::EXPORTED);
            let dynamic = config.export_dynamic && !s.is_hidden();
            if flagged || dynamic || config.export_all {
                if !matches!(s.kind, SymKind::Func | SymKind::Data | SymKind::Global) {
                    continue;
                }
                let name = if s.kind == SymKind::Func {
                    o.export_names.iter().find(|(f, _)| *f == s.index).map(|(_, n)| *n).unwrap_or(s.name)
                } else {
                    s.name
                };
                push(&mut out, name, id);
            }
        }
    }
    Ok(out)
}

fn kind(r: &Resolver<'_>, id: SymbolId) -> Option<SymKind> {
    r.symtab.sym(id).def.map(|d| r.objects[d.file.idx()].symbols[d.sym as usize].kind)
}
