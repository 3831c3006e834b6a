//! The global symbol table: names to `SymbolId`, and what each resolved to.

use crate::input::FileId;
use rustc_hash::FxHashMap as HashMap;

/// Index into `SymbolTable::syms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SymbolId(pub u32);

/// A definition of a global symbol: the object and its symbol index there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Def {
    pub file: FileId,
    pub sym: u32,
    pub weak: bool,
}

/// Symbols the linker defines itself when no object does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Synth<'a> {
    StackPointer,
    IndirectTable,
    CallCtors,
    HeapBase,
    HeapEnd,
    DataEnd,
    DsoHandle,
    GlobalBase,
    MemoryBase,
    TableBase,
    StackLow,
    StackHigh,
    TlsBase,
    TlsSize,
    TlsAlign,
    /// `__start_NAME`: start of the output segment `NAME`.
    SectionStart(&'a str),
    /// `__stop_NAME`: end of the output segment `NAME`.
    SectionStop(&'a str),
}

impl<'a> Synth<'a> {
    /// The synthetic symbol called `name`, if any.
    pub fn from_name(name: &'a str) -> Option<Synth<'a>> {
        Some(match name {
            "__stack_pointer" => Synth::StackPointer,
            "__indirect_function_table" => Synth::IndirectTable,
            "__wasm_call_ctors" => Synth::CallCtors,
            "__heap_base" => Synth::HeapBase,
            "__heap_end" => Synth::HeapEnd,
            "__data_end" => Synth::DataEnd,
            "__dso_handle" => Synth::DsoHandle,
            "__global_base" => Synth::GlobalBase,
            "__memory_base" => Synth::MemoryBase,
            "__table_base" => Synth::TableBase,
            "__stack_low" => Synth::StackLow,
            "__stack_high" => Synth::StackHigh,
            "__tls_base" => Synth::TlsBase,
            "__tls_size" => Synth::TlsSize,
            "__tls_align" => Synth::TlsAlign,
            n => {
                if let Some(s) = n.strip_prefix("__start_") {
                    Synth::SectionStart(s)
                } else if let Some(s) = n.strip_prefix("__stop_") {
                    Synth::SectionStop(s)
                } else {
                    return None;
                }
            }
        })
    }
}

/// The linker-defined symbols `--export-all` exports (as wasm-ld does).
pub const EXPORT_ALL_SYNTHETIC: &[&str] = &[
    "__data_end",
    "__dso_handle",
    "__global_base",
    "__heap_base",
    "__heap_end",
    "__memory_base",
    "__stack_high",
    "__stack_low",
    "__table_base",
    "__wasm_call_ctors",
];

/// What an undefined symbol turns into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undefined {
    /// Imported from the host (functions with --allow-undefined, or explicit import modules).
    Import,
    /// Only weakly referenced (or ignored): address 0, calls trap.
    Zero,
}

/// One global (non-local) symbol.
#[derive(Debug, Clone)]
pub struct GlobalSym<'a> {
    pub name: &'a str,
    pub def: Option<Def>,
    /// An unloaded archive member that defines it.
    pub lazy: Option<FileId>,
    /// First undefined reference: (object, symbol index).
    pub first_ref: Option<(FileId, u32)>,
    /// Referenced by at least one non-weak undefined symbol (or a root).
    pub strong_ref: bool,
    /// Set after resolution for undefined symbols the linker defines.
    pub synth: Option<Synth<'a>>,
    /// Set after resolution for other undefined symbols.
    pub undefined: Option<Undefined>,
}

/// Names to symbols.
#[derive(Debug, Default)]
pub struct SymbolTable<'a> {
    pub syms: Vec<GlobalSym<'a>>,
    map: HashMap<&'a str, SymbolId>,
}

impl<'a> SymbolTable<'a> {
    /// The symbol named `name`, created undefined if new.
    pub fn intern(&mut self, name: &'a str) -> SymbolId {
        if let Some(id) = self.map.get(name) {
            return *id;
        }
        let id = SymbolId(self.syms.len() as u32);
        self.syms.push(GlobalSym {
            name,
            def: None,
            lazy: None,
            first_ref: None,
            strong_ref: false,
            synth: None,
            undefined: None,
        });
        self.map.insert(name, id);
        id
    }

    pub fn get(&self, name: &str) -> Option<SymbolId> {
        self.map.get(name).copied()
    }

    pub fn sym(&self, id: SymbolId) -> &GlobalSym<'a> {
        &self.syms[id.0 as usize]
    }

    pub fn sym_mut(&mut self, id: SymbolId) -> &mut GlobalSym<'a> {
        &mut self.syms[id.0 as usize]
    }
}
