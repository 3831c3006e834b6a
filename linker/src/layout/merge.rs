//! Mergeable string segments (`WASM_SEG_FLAG_STRINGS`, at -O1 and above,
//! as wasm-ld): the NUL-terminated strings of all such input segments of
//! one output segment are deduplicated and tail-merged into one synthetic
//! chunk ([`crate::strtab`]).

use crate::input::FileId;
use crate::object::Object;
use crate::strtab::StrTab;
use rustc_hash::FxHashMap as HashMap;

/// The `WASM_SEG_FLAG_STRINGS` segment flag.
pub const STRINGS: u32 = 1;

/// One merged chunk.
#[derive(Debug, Default)]
pub struct Merged {
    /// The deduplicated strings.
    pub bytes: Vec<u8>,
    /// log2 alignment (the largest of its inputs).
    pub align: u32,
    /// Address of the chunk in memory (set by layout).
    pub offset: u32,
    /// Per input segment: sorted (input offset, chunk offset) of each string.
    pieces: HashMap<(FileId, u32), Vec<(u32, u32)>>,
}

/// Whether input segment `seg` of `o` can be merged: string flag, ends in
/// NUL, and no relocation inside it.
pub fn mergeable(o: &Object<'_>, seg: usize) -> bool {
    let s = &o.segments[seg];
    if s.flags & STRINGS == 0 || s.range.start == s.range.end {
        return false;
    }
    let bytes = &o.bytes[o.data.start + s.range.start as usize..o.data.start + s.range.end as usize];
    bytes.last() == Some(&0) && crate::gc::in_range(&o.data_relocs, s.range.clone()).is_empty()
}

impl Merged {
    /// Merges the strings of `inputs` (object, segment) as wasm-ld does
    /// (deduplicated, tail-merged, in its order: see [`crate::strtab`]).
    pub fn build(objects: &[Object<'_>], inputs: &[(FileId, u32)]) -> Merged {
        let mut m = Merged::default();
        let bytes_of = |f: FileId, s: u32| {
            let o = &objects[f.idx()];
            let seg = &o.segments[s as usize];
            &o.bytes[o.data.start + seg.range.start as usize..o.data.start + seg.range.end as usize]
        };
        for &(f, s) in inputs {
            m.align = m.align.max(objects[f.idx()].segments[s as usize].align);
        }
        let strings = inputs.iter().flat_map(|&(f, s)| bytes_of(f, s).split_inclusive(|b| *b == 0));
        let table = StrTab::build(strings, 1usize << m.align.min(16));
        for &(f, s) in inputs {
            let mut pieces = Vec::new();
            let mut start = 0u32;
            for piece in bytes_of(f, s).split_inclusive(|b| *b == 0) {
                pieces.push((start, table.offset(piece).unwrap_or(0)));
                start += piece.len() as u32;
            }
            m.pieces.insert((f, s), pieces);
        }
        m.bytes = table.bytes;
        m
    }

    /// Chunk offset of byte `off` of input segment (f, s).
    pub fn map(&self, f: FileId, s: u32, off: u32) -> Option<u32> {
        let pieces = self.pieces.get(&(f, s))?;
        let i = pieces.partition_point(|(start, _)| *start <= off).checked_sub(1)?;
        let (start, out) = pieces[i];
        Some(out + (off - start))
    }

    pub fn size(&self) -> u32 {
        self.bytes.len() as u32
    }
}
