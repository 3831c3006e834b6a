//! The `name` custom section: function, global and data segment names.

use crate::diag::demangle_for_names;
use crate::layout::functions::OutFunc;
use crate::layout::Layout;
use crate::object::SymKind;
use crate::resolve::Resolver;
use wasm_encoder::{NameMap, NameSection};

/// Builds the name section from the symbol tables. Function names are
/// demangled (Rust and C++) unless `demangle` is off (`--no-demangle`, which
/// rustc passes), as wasm-ld writes them.
pub fn name_section(r: &Resolver<'_>, l: &Layout<'_>, emit_bss: bool, demangle: bool) -> NameSection {
    // Per object: defined function index -> first defined symbol name.
    let mut func_names: Vec<Vec<Option<&str>>> = vec![Vec::new(); r.objects.len()];
    for &file in &r.load_order {
        let o = &r.objects[file.idx()];
        let mut names = vec![None; o.funcs.len()];
        let ni = o.num_imported_funcs();
        for s in &o.symbols {
            if s.kind == SymKind::Func && !s.is_undefined() && s.index >= ni {
                let slot = &mut names[(s.index - ni) as usize];
                if slot.is_none() {
                    *slot = Some(s.name);
                }
            }
        }
        func_names[file.idx()] = names;
    }
    let mut funcs = NameMap::new();
    for (i, imp) in l.funcs.imports.iter().enumerate() {
        funcs.append(i as u32, &demangle_for_names(r.symtab.sym(imp.sym).name, demangle));
    }
    let base = l.funcs.imports.len() as u32;
    for (i, f) in l.funcs.defined.iter().enumerate() {
        let idx = base + i as u32;
        match *f {
            OutFunc::Object(file, d) => {
                if let Some(n) = func_names[file.idx()][d as usize] {
                    funcs.append(idx, &demangle_for_names(n, demangle));
                }
            }
            OutFunc::CallCtors => funcs.append(idx, "__wasm_call_ctors"),
            OutFunc::CommandExport(id, _) => {
                funcs.append(idx, &format!("{}.command_export", r.symtab.sym(id).name))
            }
            OutFunc::Stub(id) => funcs.append(idx, &format!("undefined_weak:{}", r.symtab.sym(id).name)),
        }
    }
    let mut globals = NameMap::new();
    for (i, g) in l.globals.imports.iter().enumerate() {
        globals.append(i as u32, g.field);
    }
    let gbase = l.globals.imports.len() as u32;
    for (i, g) in l.globals.defined.iter().enumerate() {
        if !g.name.is_empty() {
            globals.append(gbase + i as u32, &g.name);
        }
    }
    let mut data = NameMap::new();
    for (i, s) in l.memory.segs.iter().filter(|s| emit_bss || !s.is_bss()).enumerate() {
        data.append(i as u32, s.name);
    }
    let mut sec = NameSection::new();
    sec.functions(&funcs);
    sec.globals(&globals);
    sec.data(&data);
    sec
}
