//! Merging of string custom sections (`.debug_str`, `.debug_line_str`) at
//! `-O1` and above, as wasm-ld does: each NUL-terminated string is kept
//! once, tail-merged, in wasm-ld's order ([`crate::strtab`]), and offsets into the inputs' chunks (section
//! relocations from `.debug_info` and friends) are mapped to the merged
//! copy.

use crate::input::FileId;
use crate::resolve::Resolver;
use crate::strtab::StrTab;
use rustc_hash::FxHashMap as HashMap;

/// Whether a carried section named `name` holds mergeable strings.
pub fn is_mergeable(name: &str) -> bool {
    matches!(name, ".debug_str" | ".debug_line_str")
}

/// A merged string section: its bytes, and for each input chunk the
/// start of each of its strings, old offset → new offset (sorted).
pub struct Merged {
    pub bytes: Vec<u8>,
    pub pieces: HashMap<(FileId, u32), Vec<(u32, u32)>>,
}

impl Merged {
    /// Maps an offset into chunk `key` to the merged section (`None` if
    /// the chunk is not part of a merged section).
    pub fn map(&self, key: (FileId, u32), offset: u32) -> Option<u32> {
        let pieces = self.pieces.get(&key)?;
        let i = pieces.partition_point(|&(old, _)| old <= offset).checked_sub(1)?;
        let (old, new) = pieces[i];
        Some(new + (offset - old))
    }
}

/// Merges `chunks` (file, index in its customs) of one section, or `None`
/// when a chunk is not a plain sequence of NUL-terminated strings or has
/// relocations of its own (then it is concatenated as usual).
pub fn merge(r: &Resolver<'_>, chunks: &[(FileId, usize)]) -> Option<Merged> {
    let mut inputs = Vec::with_capacity(chunks.len());
    for &(file, ci) in chunks {
        let o = &r.objects[file.idx()];
        let c = &o.customs[ci];
        if o.custom_relocs.iter().any(|cr| cr.section == c.section_index && cr.count > 0) {
            return None;
        }
        if !c.data.is_empty() && c.data.last() != Some(&0) {
            return None;
        }
        inputs.push((file, c));
    }
    let table = StrTab::build(inputs.iter().flat_map(|(_, c)| c.data.split_inclusive(|&b| b == 0)), 1);
    let mut pieces = HashMap::default();
    for (file, c) in inputs {
        let mut map = Vec::new();
        let mut at = 0u32;
        for s in c.data.split_inclusive(|&b| b == 0) {
            map.push((at, table.offset(s).unwrap_or(0)));
            at += s.len() as u32;
        }
        pieces.insert((file, c.section_index), map);
    }
    Some(Merged { bytes: table.bytes, pieces })
}
