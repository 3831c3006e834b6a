//! The output function index space: imports, then `__wasm_call_ctors`,
//! then live object functions in load order, then trap stubs for
//! weak-undefined functions that are called.

use super::types::Types;
use crate::gc::Live;
use crate::input::FileId;
use crate::resolve::Resolver;
use crate::symbols::{SymbolId, Undefined};
use rustc_hash::FxHashMap as HashMap;

/// Marks "no output index" in per-object tables.
pub const NONE: u32 = u32::MAX;

/// An imported function of the output.
#[derive(Debug, Clone)]
pub struct ImportFunc<'a> {
    pub module: &'a str,
    pub field: &'a str,
    pub ty: u32,
    pub sym: SymbolId,
}

/// A defined function of the output.
#[derive(Debug, Clone, Copy)]
pub enum OutFunc {
    /// An object's defined function (imports excluded from the index).
    Object(FileId, u32),
    /// The synthetic constructor caller.
    CallCtors,
    /// `unreachable` stub for a weak-undefined function.
    Stub(SymbolId),
    /// wasm-ld's command export wrapper: calls `__wasm_call_ctors`, then
    /// the exported function (output index) with the same arguments.
    CommandExport(SymbolId, u32),
}

/// The function index space.
#[derive(Debug, Default)]
pub struct Functions<'a> {
    pub imports: Vec<ImportFunc<'a>>,
    pub import_index: HashMap<SymbolId, u32>,
    pub defined: Vec<OutFunc>,
    /// Output type index of each defined function.
    pub defined_types: Vec<u32>,
    /// Per object, per defined function: output index or `NONE`.
    pub def_index: Vec<Vec<u32>>,
    pub call_ctors: Option<u32>,
    pub stubs: HashMap<SymbolId, u32>,
    /// Exported symbol -> its command export wrapper.
    pub wrappers: HashMap<SymbolId, u32>,
    /// `__wasm_call_dtors`, called by the wrappers after the export returns.
    pub call_dtors: Option<u32>,
}

impl<'a> Functions<'a> {
    /// `type_map` holds the types interned so far (`NONE` elsewhere); the
    /// signatures of imports and defined functions are interned here, in
    /// output order (wasm-ld's type order).
    pub fn build(r: &Resolver<'a>, live: &Live, types: &mut Types, type_map: &mut [Vec<u32>]) -> Self {
        let mut f = Functions::default();
        // Imports, in order of first reference.
        let mut stubs = Vec::new();
        let mut by_key: HashMap<(&'a str, &'a str, u32), u32> = HashMap::default();
        for &file in &r.load_order {
            let o = &r.objects[file.idx()];
            for (i, s) in o.symbols.iter().enumerate() {
                if s.kind != crate::object::SymKind::Func || !s.is_undefined() {
                    continue;
                }
                let crate::resolve::SymRef::Global(id) = r.refs[file.idx()][i] else { continue };
                let g = r.symtab.sym(id);
                if g.def.is_some() || !live.imports.contains(&id) || f.import_index.contains_key(&id) {
                    continue;
                }
                let sig = o.func_imports[s.index as usize].1;
                match g.undefined {
                    Some(Undefined::Import) => {
                        let ty = out_type(r, types, type_map, file, sig);
                        // Symbols importing the same (module, field, type) share one import.
                        let (imp, _) = o.func_imports[s.index as usize];
                        let key = (imp.module, imp.field, ty);
                        let idx = *by_key.entry(key).or_insert_with(|| {
                            f.imports.push(ImportFunc { module: imp.module, field: imp.field, ty, sym: id });
                            f.imports.len() as u32 - 1
                        });
                        f.import_index.insert(id, idx);
                    }
                    _ if g.synth.is_none()
                        && !stubs.iter().any(|(x, _, _)| *x == id) => {
                            stubs.push((id, file, sig));
                        }
                    _ => {}
                }
            }
        }
        let nimports = f.imports.len() as u32;
        let mut next = nimports;
        if live.call_ctors {
            f.call_ctors = Some(next);
            f.defined.push(OutFunc::CallCtors);
            f.defined_types.push(types.intern(&crate::object::FuncSig { params: [].into(), results: [].into() }));
            next += 1;
        }
        f.def_index = r.objects.iter().map(|o| vec![NONE; o.funcs.len()]).collect();
        for &file in &r.load_order {
            let o = &r.objects[file.idx()];
            for (i, is_live) in live.funcs[file.idx()].iter().enumerate() {
                if *is_live {
                    f.def_index[file.idx()][i] = next;
                    f.defined.push(OutFunc::Object(file, i as u32));
                    f.defined_types.push(out_type(r, types, type_map, file, o.funcs[i]));
                    next += 1;
                }
            }
        }
        for (id, file, sig) in stubs {
            f.stubs.insert(id, next);
            f.defined.push(OutFunc::Stub(id));
            f.defined_types.push(out_type(r, types, type_map, file, sig));
            next += 1;
        }
        f
    }

    /// Adds a command export wrapper for exported function `sym` (output index `target`).
    pub fn add_wrapper(&mut self, sym: SymbolId, target: u32) {
        let idx = self.count();
        let ty = self.type_of(target);
        self.defined.push(OutFunc::CommandExport(sym, target));
        self.defined_types.push(ty);
        self.wrappers.insert(sym, idx);
    }

    /// Total number of functions (imports included).
    pub fn count(&self) -> u32 {
        self.imports.len() as u32 + self.defined.len() as u32
    }

    /// Output type index of output function `idx`.
    pub fn type_of(&self, idx: u32) -> u32 {
        let n = self.imports.len() as u32;
        if idx < n {
            self.imports[idx as usize].ty
        } else {
            self.defined_types[(idx - n) as usize]
        }
    }
}

/// The output type of type `t` of object `file`, interned on first use.
fn out_type(r: &Resolver<'_>, types: &mut Types, type_map: &mut [Vec<u32>], file: FileId, t: u32) -> u32 {
    let slot = &mut type_map[file.idx()][t as usize];
    if *slot == NONE {
        *slot = types.intern(&r.objects[file.idx()].types[t as usize]);
    }
    *slot
}
