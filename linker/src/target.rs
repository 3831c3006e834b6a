//! What an object's symbol finally designates, per kind, after resolution.

use crate::input::FileId;
use crate::resolve::{Resolver, SymRef};
use crate::symbols::{SymbolId, Synth, Undefined};

/// A function a symbol designates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FuncT {
    /// Defined function: object and *defined* function index (imports excluded).
    Def(FileId, u32),
    /// Imported from the host.
    Import(SymbolId),
    /// The synthetic `__wasm_call_ctors`.
    CallCtors,
    /// Weak-undefined: a trapping stub; its address is 0.
    Stub(SymbolId),
}

/// A data address a symbol designates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DataT<'a> {
    /// Segment and offset in it.
    Seg(FileId, u32, u32),
    /// Absolute address.
    Absolute(u32),
    /// A linker-defined address.
    Synth(Synth<'a>),
    /// Undefined weak data: address 0.
    Zero,
}

/// A global a symbol designates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GlobalT<'a> {
    /// Defined global: object and *defined* global index.
    Def(FileId, u32),
    Import(SymbolId),
    Synth(Synth<'a>),
}

fn global_id(r: &Resolver<'_>, file: FileId, sym: u32) -> Option<SymbolId> {
    match r.refs[file.idx()][sym as usize] {
        SymRef::Global(id) => Some(id),
        SymRef::Local => None,
    }
}

/// The function symbol `sym` of `file` designates.
pub fn func(r: &Resolver<'_>, file: FileId, sym: u32) -> FuncT {
    if let Some((df, ds)) = r.definition(file, sym) {
        let o = &r.objects[df.idx()];
        return FuncT::Def(df, o.symbols[ds as usize].index - o.num_imported_funcs());
    }
    // Undefined: `finish` classified every reachable undefined symbol.
    let id = global_id(r, file, sym).unwrap_or(SymbolId(0));
    let g = r.symtab.sym(id);
    match (g.synth, g.undefined) {
        (Some(Synth::CallCtors), _) => FuncT::CallCtors,
        (_, Some(Undefined::Import)) => FuncT::Import(id),
        _ => FuncT::Stub(id),
    }
}

/// The data symbol `sym` of `file` designates.
pub fn data<'a>(r: &Resolver<'a>, file: FileId, sym: u32) -> DataT<'a> {
    if let Some((df, ds)) = r.definition(file, sym) {
        let s = &r.objects[df.idx()].symbols[ds as usize];
        if s.flags.contains(wasmparser::SymbolFlags::ABSOLUTE) {
            return DataT::Absolute(s.offset);
        }
        return DataT::Seg(df, s.index, s.offset);
    }
    match global_id(r, file, sym).and_then(|id| r.symtab.sym(id).synth) {
        Some(s) => DataT::Synth(s),
        None => DataT::Zero,
    }
}

/// The global symbol `sym` of `file` designates.
pub fn global<'a>(r: &Resolver<'a>, file: FileId, sym: u32) -> GlobalT<'a> {
    if let Some((df, ds)) = r.definition(file, sym) {
        let o = &r.objects[df.idx()];
        return GlobalT::Def(df, o.symbols[ds as usize].index - o.global_imports.len() as u32);
    }
    let id = global_id(r, file, sym).unwrap_or(SymbolId(0));
    match r.symtab.sym(id).synth {
        Some(s) => GlobalT::Synth(s),
        None => GlobalT::Import(id),
    }
}
