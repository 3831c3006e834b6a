//! Output layout: the index spaces (types, functions, globals, table) and
//! linear memory, computed from the live set.

pub mod functions;
pub mod globals;
pub mod memory;
pub mod merge;
pub mod table;
pub mod types;

use crate::args::Config;
use crate::diag::{Error, Result};
use crate::exports::Export;
use crate::gc::{in_range, Live};
use crate::input::FileId;
use crate::object::SymKind;
use crate::resolve::Resolver;
use crate::symbols::Synth;
use crate::target::{self, DataT, FuncT, GlobalT};
use functions::{Functions, NONE};
use globals::Globals;
use memory::Memory;
use table::Table;
use types::Types;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use wasmparser::RelocationType as R;

/// The complete output layout.
pub struct Layout<'a> {
    pub types: Types,
    /// Per object: input type index -> output type index (loaded objects only).
    pub type_map: Vec<Vec<u32>>,
    pub funcs: Functions<'a>,
    pub globals: Globals<'a>,
    pub table: Table,
    pub memory: Memory<'a>,
    /// GOT entries: immutable globals holding a data address or a table index,
    /// for `GLOBAL_INDEX_*` relocations against data or function symbols.
    pub got_data: HashMap<DataT<'a>, u32>,
    pub got_func: HashMap<FuncT, u32>,
}

impl<'a> Layout<'a> {
    /// `wrap`: create command export wrappers for `exports` (see `needs_command_wrappers`).
    pub fn build(r: &Resolver<'a>, live: &Live, config: &Config, exports: &[Export], wrap: bool) -> Result<Self> {
        let mut types = Types::default();
        // Only types used by output functions and call_indirect make it to the output.
        let mut type_map = vec![Vec::new(); r.objects.len()];
        for &file in &r.load_order {
            let o = &r.objects[file.idx()];
            if !o.tables.is_empty() {
                return Err(Error::file(&o.name, "objects defining their own tables are not supported"));
            }
        }
        // Type order as wasm-ld: first every type a `TYPE_INDEX_LEB`
        // relocation names (`call_indirect`; any loaded object, live code or
        // not), per object in load order; then the signatures of the
        // imported functions, then of the defined functions, in output order
        // (interned as `Functions::build` meets them).
        let used: Vec<Vec<bool>> = r.load_order.par_iter().map(|&file| indirect_types(r, file)).collect();
        for (&file, used) in r.load_order.iter().zip(used) {
            let o = &r.objects[file.idx()];
            type_map[file.idx()] =
                o.types.iter().zip(used).map(|(t, u)| if u { types.intern(t) } else { NONE }).collect();
        }
        let mut funcs = Functions::build(r, live, &mut types, &mut type_map);
        if wrap {
            if let Some(d) = r.symtab.get("__wasm_call_dtors").and_then(|id| r.symtab.sym(id).def) {
                if r.objects[d.file.idx()].symbols[d.sym as usize].kind == SymKind::Func {
                    if let FuncT::Def(f, i) = target::func(r, d.file, d.sym) {
                        let idx = funcs.def_index[f.idx()][i as usize];
                        funcs.call_dtors = (idx != NONE).then_some(idx);
                    }
                }
            }
            for e in exports {
                if e.name == "__wasm_call_dtors" {
                    continue;
                }
                let Some(d) = r.symtab.sym(e.sym).def else { continue };
                if r.objects[d.file.idx()].symbols[d.sym as usize].kind != SymKind::Func {
                    continue;
                }
                if let FuncT::Def(f, i) = target::func(r, d.file, d.sym) {
                    let idx = funcs.def_index[f.idx()][i as usize];
                    if idx != NONE && !funcs.wrappers.contains_key(&e.sym) {
                        funcs.add_wrapper(e.sym, idx);
                    }
                }
            }
        }
        let globals = Globals::build(r, live);
        let memory = Memory::build(r, live, config)?;
        let mut l = Layout {
            types,
            type_map,
            funcs,
            globals,
            table: Table::default(),
            memory,
            got_data: HashMap::default(),
            got_func: HashMap::default(),
        };
        l.assign_table_slots(r, live);
        l.assign_got(r, live);
        let m = &l.memory;
        let (sp, tb, ts, ta) = (m.stack_high, m.tls_base, m.tls_size, m.tls_align);
        l.globals.set_synth(Synth::StackPointer, sp);
        l.globals.set_synth(Synth::TlsBase, tb);
        l.globals.set_synth(Synth::TlsSize, ts);
        l.globals.set_synth(Synth::TlsAlign, ta);
        Ok(l)
    }

    /// Gives a table slot to every function whose address is taken by live
    /// code or data, in load order (the targets are found in parallel).
    fn assign_table_slots(&mut self, r: &Resolver<'a>, live: &Live) {
        let is_table = |ty| matches!(ty, R::TableIndexSleb | R::TableIndexI32 | R::TableIndexSleb64 | R::TableIndexI64 | R::TableIndexRelSleb | R::TableIndexRelSleb64);
        let targets: Vec<Vec<FuncT>> = r
            .load_order
            .par_iter()
            .map(|&file| {
                let o = &r.objects[file.idx()];
                let mut out = Vec::new();
                for (i, body) in o.bodies.iter().enumerate() {
                    if live.funcs[file.idx()][i] {
                        let relocs = in_range(&o.code_relocs, body.clone());
                        out.extend(relocs.iter().filter(|rel| is_table(rel.ty)).map(|rel| target::func(r, file, rel.index)));
                    }
                }
                for (i, seg) in o.segments.iter().enumerate() {
                    if live.segs[file.idx()][i] {
                        let relocs = in_range(&o.data_relocs, seg.range.clone());
                        out.extend(relocs.iter().filter(|rel| is_table(rel.ty)).map(|rel| target::func(r, file, rel.index)));
                    }
                }
                out
            })
            .collect();
        for t in targets.into_iter().flatten() {
            if let Some(f) = self.func_index(t) {
                self.table.slot(f);
            }
        }
    }

    /// Creates the GOT globals used by live code (after table slots are known).
    fn assign_got(&mut self, r: &Resolver<'a>, live: &Live) {
        for &file in &r.load_order {
            let o = &r.objects[file.idx()];
            for (i, body) in o.bodies.iter().enumerate() {
                if !live.funcs[file.idx()][i] {
                    continue;
                }
                for rel in in_range(&o.code_relocs, body.clone()) {
                    if !matches!(rel.ty, R::GlobalIndexLeb | R::GlobalIndexI32) {
                        continue;
                    }
                    let s = &o.symbols[rel.index as usize];
                    match s.kind {
                        SymKind::Data => {
                            let t = target::data(r, file, rel.index);
                            if !self.got_data.contains_key(&t) {
                                let addr = self.data_addr(t) as u32;
                                let g = self.globals.add_const(addr, &format!("GOT.mem.{}", s.name));
                                self.got_data.insert(t, g);
                            }
                        }
                        SymKind::Func => {
                            let t = target::func(r, file, rel.index);
                            if !self.got_func.contains_key(&t) {
                                let slot = match self.func_index(t) {
                                    Some(f) if !matches!(t, FuncT::Stub(_)) => self.table.slot(f),
                                    _ => 0,
                                };
                                let g = self.globals.add_const(slot, &format!("GOT.func.{}", s.name));
                                self.got_func.insert(t, g);
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
    }

    /// Output index of a function target (`None` for dead or stub-less ones).
    pub fn func_index(&self, t: FuncT) -> Option<u32> {
        let i = match t {
            FuncT::Def(f, i) => self.funcs.def_index[f.idx()][i as usize],
            FuncT::Import(id) => {
                return self.funcs.import_index.get(&id).copied().or_else(|| self.funcs.stubs.get(&id).copied())
            }
            FuncT::CallCtors => return self.funcs.call_ctors,
            FuncT::Stub(id) => return self.funcs.stubs.get(&id).copied(),
        };
        (i != NONE).then_some(i)
    }

    /// Table slot for taking a function's address (0 for weak-undefined).
    pub fn table_index(&self, t: FuncT) -> u32 {
        match t {
            FuncT::Stub(_) => 0,
            _ => self.func_index(t).and_then(|f| self.table.get(f)).unwrap_or(0),
        }
    }

    /// Output index of a global target.
    pub fn global_index(&self, t: GlobalT<'_>) -> Option<u32> {
        match t {
            GlobalT::Def(f, i) => {
                let v = self.globals.def_index[f.idx()][i as usize];
                (v != NONE).then_some(v)
            }
            GlobalT::Import(id) => self.globals.import_index.get(&id).copied(),
            GlobalT::Synth(s) => self.globals.synth.get(&crate::gc::static_synth(s)).copied(),
        }
    }

    /// Address of a data target.
    pub fn data_addr(&self, t: DataT<'_>) -> u64 {
        let m = &self.memory;
        (match t {
            DataT::Seg(f, s, off) => m.addr_of(f, s, off),
            DataT::Absolute(a) => a,
            DataT::Zero => 0,
            DataT::Synth(s) => match s {
                Synth::HeapBase => m.heap_base,
                Synth::HeapEnd => m.heap_end,
                Synth::DataEnd => m.data_end,
                Synth::DsoHandle | Synth::GlobalBase => m.global_base,
                Synth::StackLow => m.stack_low,
                Synth::StackHigh => m.stack_high,
                Synth::SectionStart(n) => m.section_bounds(n).map(|b| b.0).unwrap_or(0),
                Synth::SectionStop(n) => m.section_bounds(n).map(|b| b.1).unwrap_or(0),
                _ => 0,
            },
        }) as u64
    }

    /// The symbol kind helper used by relocation and export code.
    pub fn kind_of(r: &Resolver<'_>, file: FileId, sym: u32) -> SymKind {
        r.objects[file.idx()].symbols[sym as usize].kind
    }
}

/// The types that `TYPE_INDEX_LEB` relocations of object `file` name.
fn indirect_types(r: &Resolver<'_>, file: crate::input::FileId) -> Vec<bool> {
    let o = &r.objects[file.idx()];
    let mut used = vec![false; o.types.len()];
    for rel in o.code_relocs.iter().chain(&o.data_relocs) {
        if rel.ty == R::TypeIndexLeb {
            used[rel.index as usize] = true;
        }
    }
    used
}
