//! The `name` custom section: function, global and data segment names.

use crate::diag::demangle_for_names;
use crate::layout::functions::OutFunc;
use crate::layout::Layout;
use crate::object::SymKind;
use crate::resolve::Resolver;
use std::borrow::Cow;
use wasm_encoder::{NameMap, NameSection};

/// Builds the name section from the symbol tables. Function names are
/// demangled (Rust and C++) unless `demangle` is off (`--no-demangle`, which
/// rustc passes), as wasm-ld writes them. `module` is the module name
/// (wasm-ld writes the output file's name).
pub fn name_section(r: &Resolver<'_>, l: &Layout<'_>, emit_bss: bool, demangle: bool, module: Option<&str>) -> NameSection {
    // Per object: defined function index -> first defined symbol name.
    let mut func_names: Vec<Vec<Option<Cow<'_, str>>>> = vec![Vec::new(); r.objects.len()];
    for &file in &r.load_order {
        let o = &r.objects[file.idx()];
        let mut names = vec![None; o.funcs.len()];
        let ni = o.num_imported_funcs();
        // As wasm-ld: a name from the object's own `name` section (clang
        // calls `__main_argc_argv` "main" there) wins, and is not demangled.
        for (index, name) in object_debug_names(o) {
            if let Some(slot) = index.checked_sub(ni).and_then(|d| names.get_mut(d as usize)) {
                *slot = Some(Cow::Borrowed(name));
            }
        }
        for s in &o.symbols {
            if s.kind == SymKind::Func && !s.is_undefined() && s.index >= ni {
                let slot = &mut names[(s.index - ni) as usize];
                if slot.is_none() {
                    *slot = Some(demangle_for_names(s.name, demangle));
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
                if let Some(n) = &func_names[file.idx()][d as usize] {
                    funcs.append(idx, n);
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
    if let Some(m) = module {
        sec.module(m);
    }
    sec.functions(&funcs);
    sec.globals(&globals);
    sec.data(&data);
    sec
}

/// Function names from an input object's own `name` section (index in the
/// object's function space). A malformed section just gives no names.
fn object_debug_names<'a>(o: &crate::object::Object<'a>) -> Vec<(u32, &'a str)> {
    let mut out = Vec::new();
    for c in o.customs.iter().filter(|c| c.name == "name") {
        let reader = wasmparser::NameSectionReader::new(wasmparser::BinaryReader::new(c.data, c.data_offset as u64));
        for sub in reader.into_iter().flatten() {
            if let wasmparser::Name::Function(map) = sub {
                out.extend(map.into_iter().flatten().map(|n| (n.index, n.name)));
            }
        }
    }
    out
}
