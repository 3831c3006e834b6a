//! Mergeable string segments (`WASM_SEG_FLAG_STRINGS`, at -O1 and above,
//! as wasm-ld): the NUL-terminated strings of all such input segments of
//! one output segment are deduplicated into one synthetic chunk.

use crate::input::FileId;
use crate::object::Object;
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
    /// Merges the strings of `inputs` (object, segment) in order.
    pub fn build(objects: &[Object<'_>], inputs: &[(FileId, u32)]) -> Merged {
        let mut m = Merged::default();
        let mut seen: HashMap<&[u8], u32> = HashMap::default();
        for &(f, s) in inputs {
            let o = &objects[f.idx()];
            let seg = &o.segments[s as usize];
            m.align = m.align.max(seg.align);
            let step = 1usize << seg.align.min(16);
            let bytes = &o.bytes[o.data.start + seg.range.start as usize..o.data.start + seg.range.end as usize];
            let mut pieces = Vec::new();
            let mut start = 0usize;
            while start < bytes.len() {
                let len = bytes[start..].iter().position(|b| *b == 0).map(|p| p + 1).unwrap_or(bytes.len() - start);
                let piece = &bytes[start..start + len];
                let out = match seen.get(piece) {
                    Some(o) => *o,
                    None => {
                        while m.bytes.len() % step != 0 {
                            m.bytes.push(0);
                        }
                        let o = m.bytes.len() as u32;
                        m.bytes.extend_from_slice(piece);
                        seen.insert(piece, o);
                        o
                    }
                };
                pieces.push((start as u32, out));
                // Keep each string at the segment's alignment.
                start += len.div_ceil(step) * step;
            }
            m.pieces.insert((f, s), pieces);
        }
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
