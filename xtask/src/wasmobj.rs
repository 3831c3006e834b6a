//! Symbols and function types of wasm relocatable objects (`linking` section).

use anyhow::{Context, Result};
use std::collections::BTreeMap;
use wasmparser::{
    KnownCustom, Linking, Parser, Payload, SymbolFlags, SymbolInfo, TypeRef,
};

/// What kind of thing a defined symbol names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SymKind {
    /// A function, with its type written like `(i32,i64)->(i32)`.
    Func(String),
    /// A data symbol (C object) and its size in bytes.
    Data(u64),
    /// A wasm global.
    Global,
}

/// A global (non-local) symbol an object defines.
#[derive(Debug, Clone)]
pub struct DefinedSymbol {
    pub name: String,
    pub kind: SymKind,
    pub weak: bool,
}

/// Global symbols an object defines and the ones it leaves undefined.
#[derive(Debug, Default)]
pub struct ObjectSymbols {
    pub defined: Vec<DefinedSymbol>,
    pub undefined: Vec<String>,
}

fn fmt_types(ts: &[wasmparser::ValType]) -> String {
    ts.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(",")
}

/// Parses one wasm relocatable object.
pub fn symbols(data: &[u8]) -> Result<ObjectSymbols> {
    let mut types: Vec<String> = Vec::new();
    // Function index -> type index (imports first, then defined functions).
    let mut func_types: Vec<u32> = Vec::new();
    let mut imported_func_names: BTreeMap<u32, String> = BTreeMap::new();
    let mut out = ObjectSymbols::default();
    for payload in Parser::new(0).parse_all(data) {
        match payload.context("malformed wasm object")? {
            Payload::TypeSection(r) => {
                for ty in r.into_iter_err_on_gc_types() {
                    let f = ty.context("bad type")?;
                    types.push(format!("({})->({})", fmt_types(f.params()), fmt_types(f.results())));
                }
            }
            Payload::ImportSection(r) => {
                for imp in r.into_imports() {
                    let imp = imp.context("bad import")?;
                    if let TypeRef::Func(t) = imp.ty {
                        imported_func_names.insert(func_types.len() as u32, imp.name.to_string());
                        func_types.push(t);
                    }
                }
            }
            Payload::FunctionSection(r) => {
                for t in r {
                    func_types.push(t.context("bad function")?);
                }
            }
            Payload::CustomSection(c) => {
                if let KnownCustom::Linking(reader) = c.as_known() {
                    for sub in reader {
                        if let Linking::SymbolTable(map) = sub.context("bad linking section")? {
                            for sym in map {
                                collect(sym.context("bad symbol")?, &types, &func_types, &imported_func_names, &mut out);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

fn collect(
    sym: SymbolInfo<'_>,
    types: &[String],
    func_types: &[u32],
    imported: &BTreeMap<u32, String>,
    out: &mut ObjectSymbols,
) {
    let (flags, name, kind) = match sym {
        SymbolInfo::Func { flags, index, name } => {
            let ty = func_types
                .get(index as usize)
                .and_then(|t| types.get(*t as usize))
                .cloned()
                .unwrap_or_else(|| "?".to_string());
            let name = name.map(str::to_string).or_else(|| imported.get(&index).cloned());
            (flags, name, SymKind::Func(ty))
        }
        SymbolInfo::Data { flags, name, symbol } => {
            let size = symbol.map(|d| u64::from(d.size)).unwrap_or(0);
            (flags, Some(name.to_string()), SymKind::Data(size))
        }
        SymbolInfo::Global { flags, name, .. } => (flags, name.map(str::to_string), SymKind::Global),
        _ => return,
    };
    let Some(name) = name else { return };
    if flags.contains(SymbolFlags::BINDING_LOCAL) {
        return;
    }
    if flags.contains(SymbolFlags::UNDEFINED) {
        out.undefined.push(name);
    } else {
        out.defined.push(DefinedSymbol { name, kind, weak: flags.contains(SymbolFlags::BINDING_WEAK) });
    }
}
