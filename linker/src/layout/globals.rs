//! The output global index space: imports, `__stack_pointer`, the live
//! globals of objects, then the TLS globals if used.

use super::functions::NONE;
use crate::gc::Live;
use crate::object::{GlobalInit, SymKind};
use crate::resolve::{Resolver, SymRef};
use crate::symbols::{SymbolId, Synth};
use rustc_hash::FxHashMap as HashMap;
use wasmparser::{GlobalType, ValType};

/// An imported global of the output.
#[derive(Debug, Clone)]
pub struct ImportGlobal<'a> {
    pub module: &'a str,
    pub field: &'a str,
    pub ty: GlobalType,
}

/// A defined global of the output; synthetic values are filled in by memory layout.
#[derive(Debug, Clone)]
pub struct OutGlobal {
    pub ty: GlobalType,
    pub init: GlobalInit,
    pub name: String,
}

/// The global index space.
#[derive(Debug, Default)]
pub struct Globals<'a> {
    pub imports: Vec<ImportGlobal<'a>>,
    pub import_index: HashMap<SymbolId, u32>,
    pub defined: Vec<OutGlobal>,
    /// Per object, per defined global: output index or `NONE`.
    pub def_index: Vec<Vec<u32>>,
    pub synth: HashMap<Synth<'static>, u32>,
}

fn i32_global(mutable: bool) -> GlobalType {
    GlobalType { content_type: ValType::I32, mutable, shared: false }
}

impl<'a> Globals<'a> {
    pub fn build(r: &Resolver<'a>, live: &Live) -> Self {
        let mut g = Globals::default();
        for &file in &r.load_order {
            let o = &r.objects[file.idx()];
            for (i, s) in o.symbols.iter().enumerate() {
                if s.kind != SymKind::Global || !s.is_undefined() {
                    continue;
                }
                let SymRef::Global(id) = r.refs[file.idx()][i] else { continue };
                let gs = r.symtab.sym(id);
                if gs.def.is_some() || gs.synth.is_some() || !live.imports.contains(&id) {
                    continue;
                }
                if g.import_index.contains_key(&id) {
                    continue;
                }
                let (imp, ty) = o.global_imports[s.index as usize];
                g.import_index.insert(id, g.imports.len() as u32);
                g.imports.push(ImportGlobal { module: imp.module, field: imp.field, ty });
            }
        }
        let base = g.imports.len() as u32;
        let add = |g: &mut Globals<'a>, out: OutGlobal| {
            g.defined.push(out);
            base + g.defined.len() as u32 - 1
        };
        let sp = add(&mut g, OutGlobal { ty: i32_global(true), init: GlobalInit::I32(0), name: "__stack_pointer".into() });
        g.synth.insert(Synth::StackPointer, sp);
        g.def_index = r.objects.iter().map(|o| vec![NONE; o.globals.len()]).collect();
        for &file in &r.load_order {
            let o = &r.objects[file.idx()];
            for (i, is_live) in live.globals[file.idx()].iter().enumerate() {
                if *is_live {
                    let def = o.globals[i];
                    let name = global_name(o, i as u32).unwrap_or_default().to_string();
                    let idx = add(&mut g, OutGlobal { ty: def.ty, init: def.init, name });
                    g.def_index[file.idx()][i] = idx;
                }
            }
        }
        for (s, name) in [
            (Synth::MemoryBase, "__memory_base"),
            (Synth::TableBase, "__table_base"),
            (Synth::TlsBase, "__tls_base"),
            (Synth::TlsSize, "__tls_size"),
            (Synth::TlsAlign, "__tls_align"),
        ] {
            if live.synth_globals.contains(&s) {
                let idx = add(&mut g, OutGlobal { ty: i32_global(false), init: GlobalInit::I32(0), name: name.into() });
                g.synth.insert(s, idx);
            }
        }
        g
    }

    /// Adds an immutable i32 global (for exported data addresses); returns its index.
    pub fn add_const(&mut self, value: u32, name: &str) -> u32 {
        self.defined.push(OutGlobal { ty: i32_global(false), init: GlobalInit::I32(value as i32), name: name.into() });
        self.imports.len() as u32 + self.defined.len() as u32 - 1
    }

    /// Sets the initial value of a synthetic global.
    pub fn set_synth(&mut self, s: Synth<'static>, value: u32) {
        if let Some(&idx) = self.synth.get(&s) {
            let n = self.imports.len() as u32;
            self.defined[(idx - n) as usize].init = GlobalInit::I32(value as i32);
        }
    }

    pub fn count(&self) -> u32 {
        self.imports.len() as u32 + self.defined.len() as u32
    }
}

/// The name of a defined global from the object's symbol table.
fn global_name<'a>(o: &crate::object::Object<'a>, def: u32) -> Option<&'a str> {
    let idx = def + o.global_imports.len() as u32;
    o.symbols.iter().find(|s| s.kind == SymKind::Global && !s.is_undefined() && s.index == idx).map(|s| s.name)
}
