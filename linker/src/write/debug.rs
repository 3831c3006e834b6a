//! Carried custom sections (`.debug_*` and any other unknown custom
//! section): each output section is the concatenation of the same-named
//! sections of the loaded objects, in load order, with their relocations
//! applied (function offsets in the output code section, offsets into the
//! other carried sections, data addresses).

use crate::args::Config;
use crate::diag::{Error, Result};
use crate::input::FileId;
use crate::layout::Layout;
use crate::object::SymKind;
use crate::resolve::Resolver;
use crate::target::{self, FuncT};
use super::strmerge;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use wasmparser::RelocationType as R;

/// Custom sections the linker produces or consumes itself.
fn is_special(name: &str) -> bool {
    matches!(name, "linking" | "name" | "producers" | "target_features" | "dylink.0" | "dylink" | ".llvmbc" | ".llvmcmd")
        || name.starts_with("reloc.")
}

/// Appends every carried custom section to `out` (the module so far), in
/// first-seen order: each section's header, then its chunks copied once
/// straight into place and relocated there, in parallel (disjoint slices,
/// so the bytes do not depend on the thread count).
pub fn append_custom_sections(
    out: &mut Vec<u8>,
    r: &Resolver<'_>,
    l: &Layout<'_>,
    config: &Config,
    body_offsets: &[Vec<u32>],
) -> Result<()> {
    let keep = |name: &str| {
        !is_special(name) && !((config.strip_debug || config.strip_all) && name.starts_with(".debug"))
    };
    // Place every chunk: (file, section index) -> (output section, offset in it).
    let mut order: Vec<&str> = Vec::new();
    let mut sizes: HashMap<&str, u32> = HashMap::default();
    let mut place: HashMap<(FileId, u32), (&str, u32)> = HashMap::default();
    // Chunks of each output section, in order: (file, index in its customs).
    let mut jobs: Vec<Vec<(FileId, usize)>> = Vec::new();
    for &file in &r.load_order {
        for (ci, c) in r.objects[file.idx()].customs.iter().enumerate() {
            if !keep(c.name) {
                continue;
            }
            let size = sizes.entry(c.name).or_insert_with(|| {
                order.push(c.name);
                jobs.push(Vec::new());
                0
            });
            place.insert((file, c.section_index), (c.name, *size));
            *size += c.data.len() as u32;
            if let Some(pos) = order.iter().position(|n| *n == c.name) {
                jobs[pos].push((file, ci));
            }
        }
    }
    let mut t = crate::Timer::new();
    // String sections merged at -O1+ (their chunks then have no own offsets).
    let merged: Vec<Option<strmerge::Merged>> = order
        .iter()
        .zip(&jobs)
        .map(|(name, chunks)| {
            if config.opt_level >= 1 && strmerge::is_mergeable(name) {
                strmerge::merge(r, chunks)
            } else {
                None
            }
        })
        .collect();
    for (name, m) in order.iter().zip(&merged) {
        if let Some(m) = m {
            sizes.insert(name, m.bytes.len() as u32);
        }
    }
    t.phase("write: debug: merge strings");
    let merged_list: Vec<&strmerge::Merged> = merged.iter().flatten().collect();
    let where_is = Places { place: &place, merged: &merged_list, body_offsets };
    let total: usize = order.iter().map(|n| sizes[n] as usize + n.len() + 10).sum();
    out.reserve(total);
    for ((name, chunks), m) in order.iter().zip(&jobs).zip(&merged) {
        // Header: id 0, payload size, name.
        let size = sizes[name] as usize;
        let mut header = Vec::new();
        leb(&mut header, name.len() as u64);
        header.extend_from_slice(name.as_bytes());
        out.push(0);
        leb(out, (header.len() + size) as u64);
        out.extend_from_slice(&header);
        if let Some(m) = m {
            out.extend_from_slice(&m.bytes);
            continue;
        }
        let start = out.len();
        out.resize(start + size, 0);
        // Split the payload into one slice per chunk, then fill them in parallel.
        let mut slices: Vec<(&mut [u8], FileId, usize)> = Vec::with_capacity(chunks.len());
        let mut rest = &mut out[start..];
        for &(file, ci) in chunks {
            let len = r.objects[file.idx()].customs[ci].data.len();
            let (head, tail) = std::mem::take(&mut rest).split_at_mut(len);
            slices.push((head, file, ci));
            rest = tail;
        }
        slices
            .into_par_iter()
            .try_for_each(|(dst, file, ci)| relocate_chunk(dst, r, l, file, ci, &where_is))?;
    }
    t.phase("write: debug: copy and relocate");
    Ok(())
}

/// Where relocation targets in carried sections ended up.
#[derive(Clone, Copy)]
struct Places<'p> {
    /// (file, section index) -> (output section, offset of the chunk in it).
    place: &'p HashMap<(FileId, u32), (&'p str, u32)>,
    /// Merged string sections (their chunks' offsets map piecewise).
    merged: &'p [&'p strmerge::Merged],
    /// Function body offsets in the output code section, per file.
    body_offsets: &'p [Vec<u32>],
}

/// Copies chunk `ci` of `file` into `dst` and applies its relocations there.
fn relocate_chunk(
    dst: &mut [u8],
    r: &Resolver<'_>,
    l: &Layout<'_>,
    file: FileId,
    ci: usize,
    places: &Places<'_>,
) -> Result<()> {
    let o = &r.objects[file.idx()];
    let c = &o.customs[ci];
    let name = c.name;
    dst.copy_from_slice(c.data);
    let relocs = o.custom_relocs.iter().find(|(i, _)| *i == c.section_index).map(|(_, v)| v.as_slice()).unwrap_or(&[]);
    for rel in relocs {
        let v = value(r, l, file, rel, name, places);
        let pos = rel.offset as usize;
        let Some(at) = dst.get_mut(pos..pos + rel.ty.extent()) else {
            return Err(Error::file(&o.name, format!("relocation at {:#x} past the end of section {name}", rel.offset)));
        };
        match rel.ty.extent() {
            4 => at.copy_from_slice(&(v as u32).to_le_bytes()),
            8 => at.copy_from_slice(&v.to_le_bytes()),
            5 => write_leb(at, v, 5),
            10 => write_leb(at, v, 10),
            _ => {}
        }
    }
    Ok(())
}

fn leb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn write_leb(at: &mut [u8], mut v: u64, width: usize) {
    for (i, b) in at.iter_mut().take(width).enumerate() {
        *b = (v & 0x7f) as u8 | if i + 1 < width { 0x80 } else { 0 };
        v >>= 7;
    }
}

/// The value of one relocation in a carried section.
fn value(
    r: &Resolver<'_>,
    l: &Layout<'_>,
    file: FileId,
    rel: &crate::object::Reloc,
    section: &str,
    places: &Places<'_>,
) -> u64 {
    let Places { place, merged, body_offsets } = *places;
    // Dead code: DWARF tombstones (-2 where -1 means "base address selection").
    let tombstone: u64 = if section == ".debug_ranges" || section == ".debug_loc" { 0xffff_fffe } else { 0xffff_ffff };
    let sym = &r.objects[file.idx()].symbols[rel.index as usize];
    match rel.ty {
        R::FunctionOffsetI32 | R::FunctionOffsetI64 => match target::func(r, file, rel.index) {
            FuncT::Def(f, i) => match body_offsets[f.idx()][i as usize] {
                u32::MAX => tombstone,
                off => (off as i64 + rel.addend) as u64,
            },
            _ => tombstone,
        },
        R::SectionOffsetI32 if rel.addend >= 0 && merged.iter().any(|m| m.pieces.contains_key(&(file, sym.index))) => merged
            .iter()
            .find_map(|m| m.map((file, sym.index), rel.addend as u32))
            .map(u64::from)
            .unwrap_or(0),
        R::SectionOffsetI32 => match place.get(&(file, sym.index)) {
            Some((_, off)) => (*off as i64 + rel.addend) as u64,
            None => 0,
        },
        R::MemoryAddrI32 | R::MemoryAddrI64 | R::MemoryAddrLeb | R::MemoryAddrSleb | R::MemoryAddrLeb64 | R::MemoryAddrSleb64 => {
            if sym.kind != SymKind::Data {
                return 0;
            }
            let t = target::data(r, file, rel.index);
            if let target::DataT::Seg(f, s, _) = t {
                if l.memory.seg_addr[f.idx()].get(s as usize).is_none() {
                    return tombstone;
                }
            }
            l.data_addr(t).wrapping_add(rel.addend as u64) & 0xffff_ffff
        }
        R::FunctionIndexI32 | R::FunctionIndexLeb => {
            l.func_index(target::func(r, file, rel.index)).map(u64::from).unwrap_or(tombstone)
        }
        R::GlobalIndexI32 | R::GlobalIndexLeb if sym.kind == SymKind::Global => {
            l.global_index(target::global(r, file, rel.index)).map(u64::from).unwrap_or(0)
        }
        R::TypeIndexLeb => u64::from(l.type_map[file.idx()].get(rel.index as usize).copied().unwrap_or(0)),
        _ => 0,
    }
}
