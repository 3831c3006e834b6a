//! Applying relocations: compute each value, then patch it in place keeping
//! the width the object reserved (5/10-byte padded LEBs, 4/8-byte words).

use crate::diag::{Error, Result};
use crate::input::FileId;
use crate::layout::Layout;
use crate::object::Reloc;
use crate::resolve::Resolver;
use crate::target;
use wasmparser::RelocationType as R;

/// Writes `v` as a 5-byte padded unsigned LEB.
fn uleb5(buf: &mut [u8], v: u32) {
    let mut v = v;
    for (i, b) in buf.iter_mut().take(5).enumerate() {
        *b = (v & 0x7f) as u8 | if i < 4 { 0x80 } else { 0 };
        v >>= 7;
    }
}

/// Writes `v` as a 5-byte padded signed LEB.
fn sleb5(buf: &mut [u8], v: i32) {
    let mut v = v;
    for (i, b) in buf.iter_mut().take(5).enumerate() {
        *b = (v & 0x7f) as u8 | if i < 4 { 0x80 } else { 0 };
        v >>= 7;
    }
}

/// Writes `v` as a 10-byte padded unsigned LEB.
fn uleb10(buf: &mut [u8], v: u64) {
    let mut v = v;
    for (i, b) in buf.iter_mut().take(10).enumerate() {
        *b = (v & 0x7f) as u8 | if i < 9 { 0x80 } else { 0 };
        v >>= 7;
    }
}

/// Writes `v` as a 10-byte padded signed LEB.
fn sleb10(buf: &mut [u8], v: i64) {
    let mut v = v;
    for (i, b) in buf.iter_mut().take(10).enumerate() {
        *b = (v & 0x7f) as u8 | if i < 9 { 0x80 } else { 0 };
        v >>= 7;
    }
}

fn word32(buf: &mut [u8], v: u32) {
    buf[..4].copy_from_slice(&v.to_le_bytes());
}

fn word64(buf: &mut [u8], v: u64) {
    buf[..8].copy_from_slice(&v.to_le_bytes());
}

/// Where the bytes being relocated live.
pub struct Place {
    /// Section offset of `buf[0]` (relocation offsets are section offsets).
    pub section_offset: u32,
    /// Memory address of `buf[0]` for data (for `MEMORY_ADDR_LOCREL_I32`).
    pub address: Option<u32>,
}

/// Applies the relocations `relocs` (all inside `buf`) of object `file`.
pub fn apply(r: &Resolver<'_>, l: &Layout<'_>, file: FileId, relocs: &[Reloc], place: &Place, buf: &mut [u8]) -> Result<()> {
    for rel in relocs {
        let pos = (rel.offset - place.section_offset) as usize;
        let Some(at) = buf.get_mut(pos..pos + rel.ty.extent()) else {
            return Err(Error::file(&r.objects[file.idx()].name, format!("relocation at {:#x} outside its function or segment", rel.offset)));
        };
        patch(r, l, file, rel, place, pos, at)?;
    }
    Ok(())
}

/// Computes and writes one relocation.
fn patch(r: &Resolver<'_>, l: &Layout<'_>, file: FileId, rel: &Reloc, place: &Place, pos: usize, at: &mut [u8]) -> Result<()> {
    let func = || l.func_index(target::func(r, file, rel.index)).unwrap_or(0);
    let table = || l.table_index(target::func(r, file, rel.index));
    let addr = || l.data_addr(target::data(r, file, rel.index)).wrapping_add(rel.addend as u64);
    let global = || match r.objects[file.idx()].symbols[rel.index as usize].kind {
        crate::object::SymKind::Data => l.got_data.get(&target::data(r, file, rel.index)).copied().unwrap_or(0),
        crate::object::SymKind::Func => l.got_func.get(&target::func(r, file, rel.index)).copied().unwrap_or(0),
        _ => l.global_index(target::global(r, file, rel.index)).unwrap_or(0),
    };
    match rel.ty {
        R::FunctionIndexLeb => uleb5(at, func()),
        R::FunctionIndexI32 => word32(at, func()),
        R::TableIndexSleb | R::TableIndexRelSleb => sleb5(at, table() as i32),
        R::TableIndexI32 => word32(at, table()),
        R::TableIndexSleb64 | R::TableIndexRelSleb64 => sleb10(at, table() as i64),
        R::TableIndexI64 => word64(at, table() as u64),
        R::MemoryAddrLeb => uleb5(at, addr() as u32),
        R::MemoryAddrSleb | R::MemoryAddrRelSleb => sleb5(at, addr() as u32 as i32),
        R::MemoryAddrI32 => word32(at, addr() as u32),
        R::MemoryAddrLeb64 => uleb10(at, addr()),
        R::MemoryAddrSleb64 | R::MemoryAddrRelSleb64 => sleb10(at, addr() as i64),
        R::MemoryAddrI64 => word64(at, addr()),
        R::MemoryAddrTlsSleb => sleb5(at, (addr() as u32).wrapping_sub(l.memory.tls_base) as i32),
        R::MemoryAddrTlsSleb64 => sleb10(at, addr().wrapping_sub(l.memory.tls_base as u64) as i64),
        R::MemoryAddrLocrelI32 => {
            let here = place.address.unwrap_or(0).wrapping_add(pos as u32);
            word32(at, (addr() as u32).wrapping_sub(here))
        }
        R::TypeIndexLeb => uleb5(at, l.type_map[file.idx()][rel.index as usize]),
        R::GlobalIndexLeb => uleb5(at, global()),
        R::GlobalIndexI32 => word32(at, global()),
        R::TableNumberLeb => uleb5(at, 0),
        R::EventIndexLeb => {
            return Err(Error::file(&r.objects[file.idx()].name, "exception tags (R_WASM_TAG_INDEX_LEB) are not supported"))
        }
        // Debug-info offsets: sections that use them are not carried yet.
        R::FunctionOffsetI32 | R::SectionOffsetI32 => word32(at, 0),
        R::FunctionOffsetI64 => word64(at, 0),
    }
    Ok(())
}
