//! Liveness (`--gc-sections`): from the roots, follow relocations of live
//! functions and data segments to everything they use.

use crate::args::Config;
use crate::input::FileId;
use crate::object::{Reloc, SymKind};
use crate::resolve::Resolver;
use crate::symbols::{SymbolId, Synth};
use crate::target::{self, DataT, FuncT, GlobalT};
use rustc_hash::FxHashSet as HashSet;
use wasmparser::RelocationType as R;

/// What survives into the output.
#[derive(Debug, Default)]
pub struct Live {
    /// Per object: defined functions (imports excluded).
    pub funcs: Vec<Vec<bool>>,
    pub segs: Vec<Vec<bool>>,
    /// Per object: defined globals.
    pub globals: Vec<Vec<bool>>,
    /// Imported functions/globals and trap stubs in use.
    pub imports: HashSet<SymbolId>,
    pub call_ctors: bool,
    /// Synthetic globals in use.
    pub synth_globals: HashSet<Synth<'static>>,
}

#[derive(Clone, Copy)]
enum Item {
    Func(FileId, u32),
    Seg(FileId, u32),
}

struct Marker<'r, 'a> {
    r: &'r Resolver<'a>,
    live: Live,
    work: Vec<Item>,
}

impl Marker<'_, '_> {
    fn func(&mut self, t: FuncT) {
        match t {
            FuncT::Def(f, i) => {
                let slot = &mut self.live.funcs[f.idx()][i as usize];
                if !*slot {
                    *slot = true;
                    self.work.push(Item::Func(f, i));
                }
            }
            FuncT::Import(id) | FuncT::Stub(id) => {
                self.live.imports.insert(id);
            }
            FuncT::CallCtors => self.live.call_ctors = true,
        }
    }

    fn seg(&mut self, f: FileId, s: u32) {
        let slot = &mut self.live.segs[f.idx()][s as usize];
        if !*slot {
            *slot = true;
            self.work.push(Item::Seg(f, s));
        }
    }

    /// Marks whatever symbol `sym` of `file` designates.
    fn symbol(&mut self, file: FileId, sym: u32) {
        let r = self.r;
        match r.objects[file.idx()].symbols[sym as usize].kind {
            SymKind::Func => self.func(target::func(r, file, sym)),
            SymKind::Data => {
                if let DataT::Seg(f, s, _) = target::data(r, file, sym) {
                    self.seg(f, s)
                }
            }
            SymKind::Global => match target::global(r, file, sym) {
                GlobalT::Def(f, g) => self.live.globals[f.idx()][g as usize] = true,
                GlobalT::Import(id) => {
                    self.live.imports.insert(id);
                }
                GlobalT::Synth(s) => {
                    self.live.synth_globals.insert(static_synth(s));
                }
            },
            SymKind::Table | SymKind::Tag | SymKind::Section => {}
        }
    }

    fn relocs(&mut self, file: FileId, relocs: &[Reloc], range: std::ops::Range<u32>) {
        for rel in in_range(relocs, range) {
            if rel.ty != R::TypeIndexLeb {
                self.symbol(file, rel.index);
            }
        }
    }

    fn run(&mut self) {
        while let Some(item) = self.work.pop() {
            let r = self.r;
            match item {
                Item::Func(f, i) => {
                    let o = &r.objects[f.idx()];
                    self.relocs(f, &o.code_relocs, o.bodies[i as usize].clone());
                }
                Item::Seg(f, s) => {
                    let o = &r.objects[f.idx()];
                    self.relocs(f, &o.data_relocs, o.segments[s as usize].range.clone());
                }
            }
        }
    }
}

/// Synthetic globals never carry a section name; this drops the lifetime.
pub fn static_synth(s: Synth<'_>) -> Synth<'static> {
    match s {
        Synth::StackPointer => Synth::StackPointer,
        Synth::TlsBase => Synth::TlsBase,
        Synth::TlsSize => Synth::TlsSize,
        Synth::TlsAlign => Synth::TlsAlign,
        Synth::MemoryBase => Synth::MemoryBase,
        Synth::TableBase => Synth::TableBase,
        _ => Synth::StackPointer,
    }
}

/// Relocations whose offset falls in `range` (the list is sorted by offset).
pub fn in_range(relocs: &[Reloc], range: std::ops::Range<u32>) -> &[Reloc] {
    let a = relocs.partition_point(|r| r.offset < range.start);
    let b = relocs.partition_point(|r| r.offset < range.end);
    &relocs[a..b]
}

/// Computes liveness. `exported` are the symbols exported from the output.
/// `force_ctors`: `__wasm_call_ctors` is live even if unreferenced (command export wrappers).
pub fn mark(r: &Resolver<'_>, config: &Config, exported: &[SymbolId], force_ctors: bool) -> Live {
    let mut m = Marker { r, live: Live::default(), work: Vec::new() };
    for o in &r.objects {
        m.live.funcs.push(vec![false; o.funcs.len()]);
        m.live.segs.push(vec![false; o.segments.len()]);
        m.live.globals.push(vec![false; o.globals.len()]);
    }
    for &file in &r.load_order {
        let o = &r.objects[file.idx()];
        for (i, s) in o.symbols.iter().enumerate() {
            let is_def = !s.is_undefined();
            let root = !config.gc_sections
                || s.flags.contains(wasmparser::SymbolFlags::NO_STRIP)
                || (is_def && s.flags.contains(wasmparser::SymbolFlags::EXPORTED));
            if root && (is_def || s.flags.contains(wasmparser::SymbolFlags::NO_STRIP)) {
                // Only the winning definition of a global symbol is kept.
                if r.definition(file, i as u32) == Some((file, i as u32)) || s.is_local() {
                    m.symbol(file, i as u32);
                }
            }
        }
        if !config.gc_sections {
            for f in 0..o.funcs.len() as u32 {
                if !r.discarded_funcs.contains(&(file, f + o.num_imported_funcs())) {
                    m.func(FuncT::Def(file, f));
                }
            }
            for s in 0..o.segments.len() as u32 {
                if !r.discarded_segs.contains(&(file, s)) {
                    m.seg(file, s);
                }
            }
            for g in 0..o.globals.len() {
                m.live.globals[file.idx()][g] = true;
            }
        }
        for (f, _) in &o.export_names {
            if *f >= o.num_imported_funcs() {
                m.func(FuncT::Def(file, f - o.num_imported_funcs()));
            }
        }
    }
    for &id in exported {
        let g = r.symtab.sym(id);
        if let Some(d) = g.def {
            m.symbol(d.file, d.sym);
        } else if g.synth == Some(Synth::CallCtors) {
            m.live.call_ctors = true;
        }
    }
    m.run();
    m.live.call_ctors |= force_ctors;
    // Init functions are live when __wasm_call_ctors is.
    if m.live.call_ctors {
        for &file in &r.load_order {
            for &(_, sym) in &r.objects[file.idx()].init_funcs {
                m.symbol(file, sym);
            }
        }
        m.run();
    }
    m.live.synth_globals.insert(Synth::StackPointer);
    m.live
}
