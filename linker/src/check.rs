//! Structural checks of a parsed object, so later phases can index freely.
//!
//! Each failure is one line naming the object and what is out of range.

use crate::diag::{Error, Result};
use crate::object::{Object, Reloc, SymKind};
use wasmparser::RelocationType as R;

/// Checks every index and offset of `o` that later phases rely on.
pub fn check_object(o: &Object<'_>) -> Result<()> {
    let fail = |msg: String| Err(Error::file(&o.name, msg));
    let ntypes = o.types.len() as u32;
    for (_, t) in &o.func_imports {
        if *t >= ntypes {
            return fail(format!("function import uses out-of-range type index {t}"));
        }
    }
    for t in &o.funcs {
        if *t >= ntypes {
            return fail(format!("function uses out-of-range type index {t}"));
        }
    }
    let code_len = (o.code.end - o.code.start) as u32;
    if o.code.end > o.bytes.len() {
        return fail("code section extends past the end of the file".into());
    }
    for b in &o.bodies {
        if b.end > code_len || b.start > b.end {
            return fail("function body extends past the code section".into());
        }
    }
    let data_len = (o.data.end - o.data.start) as u32;
    for (i, s) in &mut o.symbols.iter().enumerate() {
        let undefined = s.is_undefined();
        if undefined && s.is_local() {
            return fail(format!("symbol {i} ({}) is both local and undefined", s.name));
        }
        let ok = match s.kind {
            SymKind::Func => s.index < o.num_funcs() && (undefined == (s.index < o.num_imported_funcs())),
            SymKind::Global => {
                s.index < o.num_globals() && (undefined == (s.index < o.global_imports.len() as u32))
            }
            SymKind::Table => s.index < o.num_tables() && (undefined == (s.index < o.table_imports.len() as u32)),
            SymKind::Tag => s.index < o.tag_imports + o.tags,
            SymKind::Section => true,
            SymKind::Data => {
                undefined
                    || s.flags.contains(wasmparser::SymbolFlags::ABSOLUTE)
                    || o.segments.get(s.index as usize).is_some_and(|seg| {
                        (s.offset as u64 + s.size as u64) <= (seg.range.end - seg.range.start) as u64
                    })
            }
        };
        if !ok {
            return fail(format!("symbol {i} ({}) has out-of-range {} index {}", s.name, s.kind, s.index));
        }
    }
    let nsyms = o.symbols.len() as u32;
    for (_, sym) in &o.init_funcs {
        if o.symbols.get(*sym as usize).map(|s| s.kind) != Some(SymKind::Func) {
            return fail(format!("init function refers to invalid symbol {sym}"));
        }
    }
    for c in &o.comdats {
        if c.funcs.iter().any(|f| *f >= o.num_funcs() || *f < o.num_imported_funcs())
            || c.segments.iter().any(|s| *s as usize >= o.segments.len())
        {
            return fail(format!("comdat {} has an out-of-range member", c.name));
        }
    }
    for (f, name) in &o.export_names {
        if *f >= o.num_funcs() {
            return fail(format!("export {name} refers to out-of-range function {f}"));
        }
    }
    check_relocs(o, &o.code_relocs, code_len, "CODE", nsyms, ntypes)?;
    check_relocs(o, &o.data_relocs, data_len, "DATA", nsyms, ntypes)?;
    // Custom sections' relocations are checked as they are applied (write/debug.rs).
    Ok(())
}

fn check_relocs(o: &Object<'_>, list: &[Reloc], len: u32, what: &str, nsyms: u32, ntypes: u32) -> Result<()> {
    list.iter().try_for_each(|r| check_reloc(o, r, len, what, nsyms, ntypes))
}

/// Checks one relocation of `o` against a section of `len` bytes: inside
/// it, type or symbol index in range, symbol of a kind the type allows.
pub fn check_reloc(o: &Object<'_>, r: &Reloc, len: u32, what: &str, nsyms: u32, ntypes: u32) -> Result<()> {
    let end = r.offset as u64 + r.ty.extent() as u64;
    if end > len as u64 {
        return Err(Error::file(
            &o.name,
            format!("relocation {:?} at offset {:#x} is past the end of its {what} section ({len:#x} bytes)", r.ty, r.offset),
        ));
    }
    if r.ty == R::TypeIndexLeb {
        if r.index >= ntypes {
            return Err(Error::file(&o.name, format!("relocation at {:#x} uses out-of-range type index {}", r.offset, r.index)));
        }
    } else if r.index >= nsyms {
        return Err(Error::file(&o.name, format!("relocation at {:#x} uses out-of-range symbol index {}", r.offset, r.index)));
    } else if let Some(want) = expected_kind(r.ty) {
        let s = &o.symbols[r.index as usize];
        if !want.contains(&s.kind) {
            return Err(Error::file(
                &o.name,
                format!("relocation {:?} at {:#x} refers to {} symbol {}", r.ty, r.offset, s.kind, s.name),
            ));
        }
    }
    Ok(())
}

/// The symbol kinds a relocation type may refer to.
fn expected_kind(ty: R) -> Option<&'static [SymKind]> {
    Some(match ty {
        R::FunctionIndexLeb | R::FunctionIndexI32 | R::TableIndexSleb | R::TableIndexI32
        | R::TableIndexSleb64 | R::TableIndexI64 | R::TableIndexRelSleb | R::TableIndexRelSleb64
        | R::FunctionOffsetI32 | R::FunctionOffsetI64 => &[SymKind::Func],
        R::MemoryAddrLeb | R::MemoryAddrSleb | R::MemoryAddrI32 | R::MemoryAddrLeb64
        | R::MemoryAddrSleb64 | R::MemoryAddrI64 | R::MemoryAddrRelSleb | R::MemoryAddrRelSleb64
        | R::MemoryAddrTlsSleb | R::MemoryAddrTlsSleb64 | R::MemoryAddrLocrelI32 => &[SymKind::Data],
        // Against data or function symbols these are GOT entries (PIC objects).
        R::GlobalIndexLeb | R::GlobalIndexI32 => &[SymKind::Global, SymKind::Data, SymKind::Func],
        R::TableNumberLeb => &[SymKind::Table],
        R::EventIndexLeb => &[SymKind::Tag],
        R::SectionOffsetI32 => &[SymKind::Section],
        R::TypeIndexLeb => return None,
    })
}
