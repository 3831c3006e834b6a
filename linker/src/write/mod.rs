//! Encoding the output module with wasm-encoder, and writing it atomically.

pub mod code;
pub mod custom;
pub mod debug;
pub mod map;
pub mod names;
pub mod strmerge;

use crate::args::Config;
use crate::diag::{Error, Result};
use crate::exports::Export;
use crate::layout::Layout;
use crate::object::{GlobalInit, SymKind};
use crate::resolve::Resolver;
use crate::target;
use std::borrow::Cow;
use std::path::Path;
use wasm_encoder as enc;
use wasm_encoder::Encode;

/// wasmparser value type -> wasm-encoder value type.
fn val(t: wasmparser::ValType) -> Result<enc::ValType> {
    use wasmparser::ValType as V;
    Ok(match t {
        V::I32 => enc::ValType::I32,
        V::I64 => enc::ValType::I64,
        V::F32 => enc::ValType::F32,
        V::F64 => enc::ValType::F64,
        V::V128 => enc::ValType::V128,
        V::Ref(r) if r == wasmparser::RefType::FUNCREF => enc::ValType::FUNCREF,
        V::Ref(r) if r == wasmparser::RefType::EXTERNREF => enc::ValType::EXTERNREF,
        V::Ref(r) => return Err(Error::new(format!("unsupported reference type {r}"))),
    })
}

fn global_type(t: wasmparser::GlobalType) -> Result<enc::GlobalType> {
    Ok(enc::GlobalType { val_type: val(t.content_type)?, mutable: t.mutable, shared: t.shared })
}

fn const_expr(init: GlobalInit) -> enc::ConstExpr {
    match init {
        GlobalInit::I32(v) => enc::ConstExpr::i32_const(v),
        GlobalInit::I64(v) => enc::ConstExpr::i64_const(v),
        GlobalInit::F32(v) => enc::ConstExpr::f32_const(enc::Ieee32::new(v)),
        GlobalInit::F64(v) => enc::ConstExpr::f64_const(enc::Ieee64::new(v)),
    }
}

/// Exports a linker-defined symbol: data addresses become immutable globals.
fn export_synth(sec: &mut enc::ExportSection, l: &mut Layout<'_>, name: &str, s: crate::symbols::Synth<'_>) {
    use crate::symbols::Synth as S;
    match s {
        S::CallCtors => {
            if let Some(i) = l.funcs.call_ctors {
                sec.export(name, enc::ExportKind::Func, i);
            }
        }
        S::IndirectTable => {
            sec.export(name, enc::ExportKind::Table, 0);
        }
        S::MemoryBase | S::TableBase if l.global_index(target::GlobalT::Synth(s)).is_none() => {
            // Not referenced as a global: non-PIC values (memory base 0, table base 1).
            let i = l.globals.add_const(if s == S::TableBase { 1 } else { 0 }, name);
            sec.export(name, enc::ExportKind::Global, i);
        }
        S::StackPointer | S::TlsBase | S::TlsSize | S::TlsAlign | S::MemoryBase | S::TableBase => {
            if let Some(i) = l.global_index(target::GlobalT::Synth(s)) {
                sec.export(name, enc::ExportKind::Global, i);
            }
        }
        _ => {
            let addr = l.data_addr(target::DataT::Synth(s)) as u32;
            let i = l.globals.add_const(addr, name);
            sec.export(name, enc::ExportKind::Global, i);
        }
    }
}

/// Encodes the whole output module, as consecutive pieces: the standard
/// sections, the carried custom sections (`carried`, from
/// [`debug::prepare`], relocated here), then the name, producers and
/// target_features sections.
pub fn module(
    r: &Resolver<'_>,
    l: &mut Layout<'_>,
    config: &Config,
    exports: &[Export],
    features: &[String],
    mut carried: debug::Carried,
) -> Result<Vec<Vec<u8>>> {
    // Exports first: exported data symbols add globals.
    let mut export_sec = enc::ExportSection::new();
    if let Some(name) = &config.export_memory {
        if config.import_memory.is_none() || config.explicit_export_memory {
            export_sec.export(name, enc::ExportKind::Memory, 0);
        }
    }
    for e in exports {
        let g = r.symtab.sym(e.sym);
        let Some(d) = g.def else {
            if let Some(s) = g.synth {
                export_synth(&mut export_sec, l, &e.name, s);
            }
            continue;
        };
        let kind = r.objects[d.file.idx()].symbols[d.sym as usize].kind;
        match kind {
            SymKind::Func => {
                let wrapped = l.funcs.wrappers.get(&e.sym).copied();
                if let Some(i) = wrapped.or_else(|| l.func_index(target::func(r, d.file, d.sym))) {
                    export_sec.export(&e.name, enc::ExportKind::Func, i);
                }
            }
            SymKind::Global => {
                if let Some(i) = l.global_index(target::global(r, d.file, d.sym)) {
                    export_sec.export(&e.name, enc::ExportKind::Global, i);
                }
            }
            SymKind::Data => {
                let addr = l.data_addr(target::data(r, d.file, d.sym)) as u32;
                let i = l.globals.add_const(addr, &e.name);
                export_sec.export(&e.name, enc::ExportKind::Global, i);
            }
            _ => {}
        }
    }
    if config.export_table {
        export_sec.export("__indirect_function_table", enc::ExportKind::Table, 0);
    }

    let mut m = enc::Module::new();
    let mut types = enc::TypeSection::new();
    for t in &l.types.list {
        let p: Vec<_> = t.params.iter().map(|v| val(*v)).collect::<Result<_>>()?;
        let res: Vec<_> = t.results.iter().map(|v| val(*v)).collect::<Result<_>>()?;
        types.ty().function(p, res);
    }
    m.section(&types);

    let mem_ty = enc::MemoryType {
        minimum: l.memory.initial_pages,
        maximum: l.memory.max_pages,
        memory64: false,
        shared: false,
        page_size_log2: None,
    };
    let size = l.table.size() as u64;
    let table_ty = enc::TableType {
        element_type: enc::RefType::FUNCREF,
        table64: false,
        minimum: size,
        maximum: if config.import_table || config.growable_table { None } else { Some(size) },
        shared: false,
    };
    let mut imports = enc::ImportSection::new();
    if let Some((module, name)) = &config.import_memory {
        imports.import(module, name, mem_ty);
    }
    if config.import_table {
        imports.import("env", "__indirect_function_table", table_ty);
    }
    for f in &l.funcs.imports {
        imports.import(f.module, f.field, enc::EntityType::Function(f.ty));
    }
    for g in &l.globals.imports {
        imports.import(g.module, g.field, global_type(g.ty)?);
    }
    if !imports.is_empty() {
        m.section(&imports);
    }

    let mut funcs = enc::FunctionSection::new();
    for t in &l.funcs.defined_types {
        funcs.function(*t);
    }
    m.section(&funcs);

    if !config.import_table {
        let mut tables = enc::TableSection::new();
        tables.table(table_ty);
        m.section(&tables);
    }

    if config.import_memory.is_none() {
        let mut mems = enc::MemorySection::new();
        mems.memory(mem_ty);
        m.section(&mems);
    }

    let mut globals = enc::GlobalSection::new();
    for g in &l.globals.defined {
        globals.global(global_type(g.ty)?, &const_expr(g.init));
    }
    m.section(&globals);
    m.section(&export_sec);

    if !l.table.funcs.is_empty() {
        let mut elems = enc::ElementSection::new();
        elems.active(None, &enc::ConstExpr::i32_const(1), enc::Elements::Functions(Cow::Borrowed(&l.table.funcs)));
        m.section(&elems);
    }

    let head = m.finish();
    let l: &Layout<'_> = l;
    let emit_bss = config.import_memory.is_some();
    // The name section (serial) is built while the code, data and carried
    // sections are written and relocated (parallel).
    let (sections, tail) = rayon::join(
        || -> Result<_> {
            let mut t = crate::Timer::new();
            let (code, body_offsets) = code::code_section(r, l)?;
            t.phase("write: code");
            let segs = code::data_segments(r, l, emit_bss)?;
            let mut data = enc::DataSection::new();
            for (addr, bytes) in &segs {
                data.active(0, &enc::ConstExpr::i32_const(*addr as i32), bytes.iter().copied());
            }
            let mut data_bytes = Vec::new();
            append_section(&mut data_bytes, &data);
            t.phase("write: data");
            // The carried sections are large (DWARF): copied before, relocated in place now.
            debug::relocate(&mut carried, r, l, &body_offsets)?;
            t.phase("write: debug sections");
            // The code section's header, then its payload as its own piece (no copy).
            let mut code_header = vec![enc::SectionId::Code as u8];
            code.len().encode(&mut code_header);
            Ok(vec![code_header, code, data_bytes, carried.bytes])
        },
        || -> Result<Vec<u8>> {
            let mut out = Vec::new();
            if config.strip_all {
                // wasm-ld drops every custom section with --strip-all.
                return Ok(out);
            }
            let mut t = crate::Timer::new();
            // wasm-ld names the module after the output file.
            let module_name = config.output.file_name().map(|n| n.to_string_lossy());
            append_section(&mut out, &names::name_section(r, l, emit_bss, config.demangle, module_name.as_deref()));
            t.phase("write: names (in parallel with code, data and carried sections)");
            if let Some(p) = custom::producers(r)? {
                append_section(&mut out, &p);
            }
            if let Some(tf) = crate::features::encode(features) {
                append_section(&mut out, &enc::CustomSection { name: Cow::Borrowed("target_features"), data: Cow::Owned(tf) });
            }
            Ok(out)
        },
    );
    let mut pieces = vec![head];
    pieces.extend(sections?);
    pieces.push(tail?);
    Ok(pieces)
}

/// Appends one encoded section (id, then size and payload) to a module's bytes.
fn append_section(out: &mut Vec<u8>, section: &impl enc::Section) {
    out.push(section.id());
    section.encode(out);
}

/// Writes `pieces` one after another to a new file at `path`; on Unix in
/// pieces of at most 4 MiB at their offsets from all threads (the kernel's
/// copy into the page cache was the largest single cost of a debug link),
/// elsewhere in order.
fn write_parallel(path: &Path, pieces: &[&[u8]]) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use rayon::prelude::*;
        use std::os::unix::fs::FileExt;
        const PIECE: usize = 4 << 20;
        let file = std::fs::File::create(path)?;
        let total: usize = pieces.iter().map(|p| p.len()).sum();
        file.set_len(total as u64)?;
        let mut jobs: Vec<(&[u8], u64)> = Vec::new();
        let mut at = 0u64;
        for p in pieces {
            for (i, piece) in p.chunks(PIECE).enumerate() {
                jobs.push((piece, at + (i * PIECE) as u64));
            }
            at += p.len() as u64;
        }
        jobs.par_iter().try_for_each(|(piece, offset)| file.write_all_at(piece, *offset))
    }
    #[cfg(not(unix))]
    {
        use std::io::Write;
        let mut file = std::fs::File::create(path)?;
        pieces.iter().try_for_each(|p| file.write_all(p))
    }
}

/// Removes an existing output file at `path` now, with the cost of freeing
/// its pages moved off the critical path (as lld's `unlinkAsync`): the file
/// is opened, unlinked (cheap while the open descriptor holds the inode), and
/// the descriptor closed on a background thread, which is where the kernel
/// frees a large file's page cache (about 50 ms for a 46 MB debug module,
/// otherwise paid by the final rename), while the new output is written.
/// Called only once the new output's bytes are ready, so a failed link keeps
/// the old file. Best effort: any failure leaves the file to the final rename.
pub fn remove_old_output_async(path: &Path) {
    let Ok(meta) = std::fs::symlink_metadata(path) else { return };
    if !meta.is_file() || meta.len() < (1 << 20) {
        return;
    }
    let Ok(file) = std::fs::File::open(path) else { return };
    if std::fs::remove_file(path).is_ok() {
        let _ = std::thread::Builder::new().name("unlink".into()).spawn(move || drop(file));
    }
}

/// Writes `pieces` (one after another) to `path` atomically: a temporary
/// file in the same directory, then a rename, so a failed link never leaves
/// a partial output.
pub fn write_atomic(path: &Path, pieces: &[&[u8]]) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{file}.tmp{}", std::process::id()));
    let shown = path.display().to_string();
    if let Err(e) = write_parallel(&tmp, pieces) {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::file(&shown, format!("cannot write output: {e}")));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o755));
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::file(&shown, format!("cannot write output: {e}"))
    })
}
