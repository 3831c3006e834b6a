//! `--Map FILE`: a text map of the output, for humans: memory layout (output
//! data segments and the input segments in them), then every function with
//! its output index and origin.

use crate::layout::functions::OutFunc;
use crate::layout::Layout;
use crate::resolve::Resolver;
use std::fmt::Write;

/// Renders the map.
pub fn render(r: &Resolver<'_>, l: &Layout<'_>) -> String {
    let mut s = String::new();
    let m = &l.memory;
    let _ = writeln!(s, "# wasip1-ld link map");
    let _ = writeln!(s, "memory: {} pages initial, max {:?}", m.initial_pages, m.max_pages);
    let _ = writeln!(s, "stack: {:#x}..{:#x}", m.stack_low, m.stack_high);
    let _ = writeln!(s, "__global_base {:#x}  __data_end {:#x}  __heap_base {:#x}  __heap_end {:#x}", m.global_base, m.data_end, m.heap_base, m.heap_end);
    let _ = writeln!(s, "\n{:>10} {:>10}  data segment / input", "address", "size");
    for seg in &m.segs {
        let _ = writeln!(s, "{:>#10x} {:>#10x}  {}", seg.addr, seg.size, seg.name);
        for &(f, i, off) in &seg.inputs {
            let o = &r.objects[f.idx()];
            let inp = &o.segments[i as usize];
            let _ = writeln!(s, "{:>#10x} {:>#10x}      {}:({})", seg.addr + off, inp.range.end - inp.range.start, o.name, inp.name);
        }
        for &c in &seg.merged {
            let chunk = &m.merged[c];
            let _ = writeln!(s, "{:>#10x} {:>#10x}      <merged strings>", chunk.offset, chunk.size());
        }
    }
    let _ = writeln!(s, "\n{:>6}  function (origin)", "index");
    for (i, imp) in l.funcs.imports.iter().enumerate() {
        let _ = writeln!(s, "{i:>6}  {} (import {}.{})", r.symtab.sym(imp.sym).name, imp.module, imp.field);
    }
    let base = l.funcs.imports.len();
    for (i, f) in l.funcs.defined.iter().enumerate() {
        let idx = base + i;
        let desc = match *f {
            OutFunc::Object(file, d) => {
                let o = &r.objects[file.idx()];
                let fi = d + o.num_imported_funcs();
                let name = o
                    .symbols
                    .iter()
                    .find(|sym| sym.kind == crate::object::SymKind::Func && !sym.is_undefined() && sym.index == fi)
                    .map(|sym| sym.name)
                    .unwrap_or("<anonymous>");
                format!("{name} ({})", o.name)
            }
            OutFunc::CallCtors => "__wasm_call_ctors (synthetic)".into(),
            OutFunc::Stub(id) => format!("{} (trap stub for weak undefined)", r.symtab.sym(id).name),
            OutFunc::CommandExport(id, _) => format!("{}.command_export (synthetic)", r.symtab.sym(id).name),
        };
        let _ = writeln!(s, "{idx:>6}  {desc}");
    }
    s
}
