//! The string table of a merged string section, laid out as wasm-ld lays
//! it out (LLVM's `StringTableBuilder`, `RAW` kind, `finalize()`), for
//! mergeable data segments (`WASM_SEG_FLAG_STRINGS`) and `.debug_str` /
//! `.debug_line_str` at `-O1` and above:
//!
//! * each distinct string (NUL included) is kept once;
//! * the strings are ordered by their reversed bytes, descending (so a
//!   string directly follows every longer string that ends with it);
//! * tail merging: a string that is a suffix of the string placed just
//!   before it is not stored again but points into that string's tail
//!   (`"bc\0"` inside `"abc\0"`), when that position has the alignment;
//! * every other string starts at the alignment.

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

/// A laid-out string table: its bytes and the offset of each string.
pub struct StrTab<'a> {
    pub bytes: Vec<u8>,
    offsets: HashMap<&'a [u8], u32>,
}

impl<'a> StrTab<'a> {
    /// Lays out `strings` (duplicates allowed) with each stored string at a
    /// multiple of `align` bytes (a power of two).
    pub fn build(strings: impl IntoIterator<Item = &'a [u8]>, align: usize) -> StrTab<'a> {
        let mut offsets: HashMap<&'a [u8], u32> = HashMap::default();
        let mut unique: Vec<&'a [u8]> = Vec::new();
        for s in strings {
            offsets.entry(s).or_insert_with(|| {
                unique.push(s);
                0
            });
        }
        // Reversed bytes, descending; a string that is a suffix of another
        // compares smaller (it ends first), so it comes right after it.
        unique.par_sort_unstable_by(|a, b| b.iter().rev().cmp(a.iter().rev()));
        let align = align.max(1);
        let mut bytes: Vec<u8> = Vec::new();
        let mut previous: &[u8] = &[];
        for s in unique {
            if previous.ends_with(s) {
                let pos = bytes.len() - s.len();
                if pos.is_multiple_of(align) {
                    offsets.insert(s, pos as u32);
                    continue;
                }
            }
            bytes.resize(bytes.len().div_ceil(align) * align, 0);
            offsets.insert(s, bytes.len() as u32);
            bytes.extend_from_slice(s);
            previous = s;
        }
        StrTab { bytes, offsets }
    }

    /// Offset of string `s` (one of those given to `build`).
    pub fn offset(&self, s: &[u8]) -> Option<u32> {
        self.offsets.get(s).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_merges_like_wasm_ld() {
        // wasm-ld-19 -O1 on these four strings writes "zzz\0hello world\0".
        let list: [&[u8]; 5] = [b"world\0", b"o world\0", b"hello world\0", b"zzz\0", b"world\0"];
        let t = StrTab::build(list, 1);
        assert_eq!(t.bytes, b"zzz\0hello world\0");
        assert_eq!(t.offset(b"zzz\0"), Some(0));
        assert_eq!(t.offset(b"hello world\0"), Some(4));
        assert_eq!(t.offset(b"o world\0"), Some(8));
        assert_eq!(t.offset(b"world\0"), Some(10));
    }

    #[test]
    fn tail_needs_alignment() {
        let list: [&[u8]; 2] = [b"abc\0", b"c\0"];
        let t = StrTab::build(list, 4);
        // "c\0" would start at offset 2, which is not 4-aligned.
        assert_eq!(t.bytes, b"abc\0c\0");
        assert_eq!(t.offset(b"c\0"), Some(4));
    }
}
