//! Carried custom sections (`.debug_*` and any other unknown custom
//! section): each output section is the concatenation of the same-named
//! sections of the loaded objects, in load order, with their relocations
//! applied (function offsets in the output code section, offsets into the
//! other carried sections, data addresses).

use crate::args::Config;
use crate::diag::Result;
use crate::input::FileId;
use crate::layout::Layout;
use crate::object::SymKind;
use crate::resolve::Resolver;
use crate::target::{self, FuncT};
use super::code::init_from;
use super::strmerge;
use rayon::prelude::*;
use std::mem::MaybeUninit;
use rustc_hash::FxHashMap as HashMap;
use wasmparser::RelocationType as R;

/// Custom sections the linker produces or consumes itself.
fn is_special(name: &str) -> bool {
    matches!(name, "linking" | "name" | "producers" | "target_features" | "dylink.0" | "dylink" | ".llvmbc" | ".llvmcmd")
        || name.starts_with("reloc.")
}

/// Where one input chunk of a carried section went.
#[derive(Clone, Copy)]
enum ChunkAt {
    /// At this offset of its output section.
    Offset(u32),
    /// Into merged string section `n` (offsets map piecewise).
    Merged(usize),
}

/// The carried custom sections, encoded (headers and payloads) in one
/// buffer that follows the module's standard sections, with the input
/// chunks copied in but not yet relocated.
pub struct Carried {
    pub bytes: Vec<u8>,
    /// Each unmerged chunk: (start in `bytes`, file, index in its customs), in order.
    chunks: Vec<(usize, FileId, usize)>,
    /// Per file: (section index, where that chunk went).
    place: Vec<Vec<(u32, ChunkAt)>>,
    /// Merged string sections, by output section.
    merged: Vec<Option<strmerge::Merged>>,
}

/// Lays out and copies every carried custom section, in first-seen order:
/// this needs only the loaded objects, so it runs while liveness and
/// layout are computed; [`relocate`] patches the chunks afterwards.
/// Chunks are copied in parallel straight into place (disjoint slices,
/// so the bytes do not depend on the thread count), with no zeroing first.
pub fn prepare(r: &Resolver<'_>, config: &Config) -> Result<Carried> {
    let keep = |name: &str| {
        !is_special(name) && !((config.strip_debug || config.strip_all) && name.starts_with(".debug"))
    };
    // Output sections in first-seen order, and the chunks of each: (file, index in its customs).
    let mut order: Vec<&str> = Vec::new();
    let mut jobs: Vec<Vec<(FileId, usize)>> = Vec::new();
    let mut section_of: HashMap<&str, usize> = HashMap::default();
    for &file in &r.load_order {
        for (ci, c) in r.objects[file.idx()].customs.iter().enumerate() {
            if !keep(c.name) {
                continue;
            }
            let n = *section_of.entry(c.name).or_insert_with(|| {
                order.push(c.name);
                jobs.push(Vec::new());
                order.len() - 1
            });
            jobs[n].push((file, ci));
        }
    }
    // String sections merged at -O1+ (their chunks then have no own offsets).
    let merged: Vec<Option<strmerge::Merged>> = order
        .par_iter()
        .zip(&jobs)
        .map(|(name, chunks)| {
            if config.opt_level >= 1 && strmerge::is_mergeable(name) {
                strmerge::merge(r, chunks)
            } else {
                None
            }
        })
        .collect();
    // Per file: (section index, where that chunk went).
    let mut place: Vec<Vec<(u32, ChunkAt)>> = vec![Vec::new(); r.objects.len()];
    let mut sizes = Vec::with_capacity(order.len());
    for (n, chunks) in jobs.iter().enumerate() {
        let mut size = 0u32;
        for &(file, ci) in chunks {
            let c = &r.objects[file.idx()].customs[ci];
            let at = match &merged[n] {
                Some(_) => ChunkAt::Merged(n),
                None => ChunkAt::Offset(size),
            };
            place[file.idx()].push((c.section_index, at));
            size += c.data.len() as u32;
        }
        sizes.push(merged[n].as_ref().map_or(size, |m| m.bytes.len() as u32));
    }
    let total: usize = order.iter().zip(&sizes).map(|(n, size)| *size as usize + n.len() + 10).sum();
    let mut out = Vec::with_capacity(total);
    let mut chunk_list = Vec::new();
    for (((name, chunks), m), &size) in order.iter().zip(&jobs).zip(&merged).zip(&sizes) {
        // Header: id 0, payload size, name.
        let size = size as usize;
        let mut header = Vec::new();
        leb(&mut header, name.len() as u64);
        header.extend_from_slice(name.as_bytes());
        out.push(0);
        leb(&mut out, (header.len() + size) as u64);
        out.extend_from_slice(&header);
        if let Some(m) = m {
            out.extend_from_slice(&m.bytes);
            continue;
        }
        // Split the uninitialized payload into one slice per chunk, then
        // fill them in parallel.
        let start = out.len();
        let mut slices: Vec<(&mut [MaybeUninit<u8>], &[u8])> = Vec::with_capacity(chunks.len());
        let mut rest = &mut out.spare_capacity_mut()[..size];
        let mut at = start;
        for &(file, ci) in chunks {
            let data = r.objects[file.idx()].customs[ci].data;
            let (head, tail) = std::mem::take(&mut rest).split_at_mut(data.len());
            slices.push((head, data));
            chunk_list.push((at, file, ci));
            at += data.len();
            rest = tail;
        }
        slices.into_par_iter().for_each(|(dst, src)| {
            init_from(dst, src);
        });
        // SAFETY: every chunk slice was initialized by `init_from`, and the
        // slices cover `start..start + size`.
        unsafe { out.set_len(start + size) };
    }
    Ok(Carried { bytes: out, chunks: chunk_list, place, merged })
}

/// Applies the relocations of every carried chunk in place, in parallel.
pub fn relocate(carried: &mut Carried, r: &Resolver<'_>, l: &Layout<'_>, body_offsets: &[Vec<u32>]) -> Result<()> {
    let places = Places { place: &carried.place, merged: &carried.merged, body_offsets };
    let mut slices: Vec<(&mut [u8], FileId, usize)> = Vec::with_capacity(carried.chunks.len());
    let mut rest: &mut [u8] = &mut carried.bytes;
    let mut consumed = 0usize;
    for &(start, file, ci) in &carried.chunks {
        let len = r.objects[file.idx()].customs[ci].data.len();
        let (_, tail) = std::mem::take(&mut rest).split_at_mut(start - consumed);
        let (chunk, tail) = tail.split_at_mut(len);
        slices.push((chunk, file, ci));
        rest = tail;
        consumed = start + len;
    }
    slices.into_par_iter().try_for_each(|(dst, file, ci)| relocate_chunk(dst, r, l, file, ci, &places))
}

/// Where relocation targets in carried sections ended up.
#[derive(Clone, Copy)]
struct Places<'p> {
    /// Per file: (section index, where that chunk went).
    place: &'p [Vec<(u32, ChunkAt)>],
    /// Merged string sections, by output section.
    merged: &'p [Option<strmerge::Merged>],
    /// Function body offsets in the output code section, per file.
    body_offsets: &'p [Vec<u32>],
}

/// Applies the relocations of chunk `ci` of `file`, already copied to `dst`
/// (decoded and checked here: see [`crate::object::Object::custom_relocs`]).
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
    let Some(relocs) = o.custom_relocs.iter().find(|cr| cr.section == c.section_index) else {
        return Ok(());
    };
    let (nsyms, ntypes) = (o.symbols.len() as u32, o.types.len() as u32);
    let mut chunk = Chunk {
        r,
        l,
        file,
        places,
        // Dead code: DWARF tombstones (-2 where -1 means "base address selection").
        tombstone: if name == ".debug_ranges" || name == ".debug_loc" { 0xffff_fffe } else { 0xffff_ffff },
        func_offsets: Vec::new(),
    };
    for rel in relocs.iter() {
        let rel = rel.map_err(|m| crate::object::malformed(&o.name, m))?;
        crate::check::check_reloc(o, &rel, dst.len() as u32, name, nsyms, ntypes)?;
        let v = chunk.value(&rel);
        let pos = rel.offset as usize;
        let at = &mut dst[pos..pos + rel.ty.extent()];
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

/// One chunk being relocated, with what its relocations look up.
struct Chunk<'c, 'a> {
    r: &'c Resolver<'a>,
    l: &'c Layout<'a>,
    file: FileId,
    places: &'c Places<'c>,
    tombstone: u64,
    /// Per symbol of the file: its function's body offset in the output
    /// code section (filled on first use; debug info names each function
    /// several times).
    func_offsets: Vec<u32>,
}

/// `Chunk::func_offsets` entry not computed yet.
const UNSET: u32 = u32::MAX;
/// `Chunk::func_offsets` entry for a function that is not in the output.
const DEAD: u32 = u32::MAX - 1;

impl Chunk<'_, '_> {
    /// Body offset of function symbol `sym` in the output code section.
    fn func_offset(&mut self, sym: u32) -> Option<u32> {
        if self.func_offsets.is_empty() {
            self.func_offsets = vec![UNSET; self.r.objects[self.file.idx()].symbols.len()];
        }
        let slot = &mut self.func_offsets[sym as usize];
        if *slot == UNSET {
            *slot = match target::func(self.r, self.file, sym) {
                FuncT::Def(f, i) => match self.places.body_offsets[f.idx()][i as usize] {
                    u32::MAX => DEAD,
                    off => off,
                },
                _ => DEAD,
            };
        }
        Some(*slot).filter(|o| *o != DEAD)
    }

    /// The value of one relocation.
    fn value(&mut self, rel: &crate::object::Reloc) -> u64 {
        let (r, l, file, tombstone) = (self.r, self.l, self.file, self.tombstone);
        let sym = &r.objects[file.idx()].symbols[rel.index as usize];
        match rel.ty {
            R::FunctionOffsetI32 | R::FunctionOffsetI64 => match self.func_offset(rel.index) {
                Some(off) => (off as i64 + rel.addend) as u64,
                None => tombstone,
            },
            R::SectionOffsetI32 => {
                let at = self.places.place[file.idx()].iter().find(|(s, _)| *s == sym.index).map(|(_, at)| *at);
                match at {
                    Some(ChunkAt::Offset(off)) => (off as i64 + rel.addend) as u64,
                    Some(ChunkAt::Merged(n)) if rel.addend >= 0 => self.places.merged[n]
                        .as_ref()
                        .and_then(|m| m.map((file, sym.index), rel.addend as u32))
                        .map(u64::from)
                        .unwrap_or(0),
                    _ => 0,
                }
            }
            R::MemoryAddrI32 | R::MemoryAddrI64 | R::MemoryAddrLeb | R::MemoryAddrSleb | R::MemoryAddrLeb64 | R::MemoryAddrSleb64 => {
                if sym.kind != SymKind::Data {
                    return 0;
                }
                let t = target::data(r, file, rel.index);
                // As wasm-ld: data in a segment that is not in the output gets the tombstone.
                if let target::DataT::Seg(f, s, _) = t {
                    if !l.memory.seg_live.get(f.idx()).and_then(|v| v.get(s as usize)).copied().unwrap_or(false) {
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
}
