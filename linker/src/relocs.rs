//! Decoding `reloc.*` sections (tool-conventions `Linking.md`): a header
//! (target section index, entry count), then entries `type:u8 offset:uleb
//! index:uleb [addend:sleb32|sleb64]`.
//!
//! Written by hand rather than through wasmparser's entry reader: a debug
//! link decodes over a million DWARF relocations, and the one-byte fast
//! paths here cost a fraction of the general reader's per-field checks.
//! Every read is bounds-checked; a bad entry is an error with its offset.

use crate::object::Reloc;
use wasmparser::{RelocAddendKind, RelocationType};

/// A malformed entry: what is wrong and the absolute file offset.
#[derive(Debug, Clone, Copy)]
pub struct Malformed {
    pub message: &'static str,
    pub offset: usize,
}

/// One `reloc.*` section, entries still encoded.
#[derive(Debug, Clone, Copy)]
pub struct RelocSection<'a> {
    /// Index of the section the entries apply to.
    pub section: u32,
    /// Number of entries.
    pub count: u32,
    /// The encoded entries.
    entries: &'a [u8],
    /// Absolute file offset of `entries`.
    offset: usize,
}

impl<'a> RelocSection<'a> {
    /// Reads the header of a `reloc.*` payload (after the section name)
    /// found at absolute file offset `offset`.
    pub fn parse(data: &'a [u8], offset: usize) -> Result<Self, Malformed> {
        let mut c = Cursor { bytes: data, pos: 0, base: offset };
        let section = c.uleb32()?;
        let count = c.uleb32()?;
        Ok(RelocSection { section, count, entries: &data[c.pos..], offset: offset + c.pos })
    }

    /// The entries, decoded one by one.
    pub fn iter(&self) -> RelocIter<'a> {
        RelocIter { cur: Cursor { bytes: self.entries, pos: 0, base: self.offset }, left: self.count }
    }
}

/// Iterator over the entries of a [`RelocSection`].
pub struct RelocIter<'a> {
    cur: Cursor<'a>,
    left: u32,
}

impl Iterator for RelocIter<'_> {
    type Item = Result<Reloc, Malformed>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let r = self.cur.entry();
        if r.is_err() {
            self.left = 0;
        }
        Some(r)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.left as usize))
    }
}

struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
    base: usize,
}

impl Cursor<'_> {
    fn fail<T>(&self, message: &'static str) -> Result<T, Malformed> {
        Err(Malformed { message, offset: self.base + self.pos })
    }

    #[inline]
    fn byte(&mut self) -> Result<u8, Malformed> {
        match self.bytes.get(self.pos) {
            Some(b) => {
                self.pos += 1;
                Ok(*b)
            }
            None => self.fail("unexpected end of relocation section"),
        }
    }

    #[inline]
    fn entry(&mut self) -> Result<Reloc, Malformed> {
        let ty = self.byte()?;
        let Ok(ty) = RelocationType::try_from(ty) else {
            self.pos -= 1;
            return self.fail("invalid relocation type");
        };
        let offset = self.uleb32()?;
        let index = self.uleb32()?;
        let addend = match ty.addend_kind() {
            RelocAddendKind::None => 0,
            RelocAddendKind::Addend32 => self.sleb32()? as i64,
            RelocAddendKind::Addend64 => self.sleb64()?,
        };
        Ok(Reloc { ty, offset, index, addend })
    }

    #[inline]
    fn uleb32(&mut self) -> Result<u32, Malformed> {
        let b = self.byte()?;
        if b < 0x80 {
            return Ok(b as u32);
        }
        let mut v = (b & 0x7f) as u32;
        for shift in [7, 14, 21, 28] {
            let b = self.byte()?;
            if shift == 28 && b >= 0x10 {
                return self.fail("invalid LEB128: integer too large");
            }
            v |= ((b & 0x7f) as u32) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        self.fail("invalid LEB128: integer too large")
    }

    #[inline]
    fn sleb32(&mut self) -> Result<i32, Malformed> {
        let v = self.sleb(5)?;
        i32::try_from(v).or_else(|_| self.fail("invalid LEB128: integer too large"))
    }

    #[inline]
    fn sleb64(&mut self) -> Result<i64, Malformed> {
        self.sleb(10)
    }

    /// A signed LEB of at most `max` bytes, sign-extended.
    #[inline]
    fn sleb(&mut self, max: u32) -> Result<i64, Malformed> {
        let mut v: i64 = 0;
        let mut shift = 0u32;
        for _ in 0..max {
            let b = self.byte()?;
            if shift < 64 {
                v |= ((b & 0x7f) as i64) << shift;
            }
            shift += 7;
            if b < 0x80 {
                if shift < 64 && b & 0x40 != 0 {
                    v |= -1i64 << shift;
                }
                return Ok(v);
            }
        }
        self.fail("invalid LEB128: integer too large")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(bytes: &[u8]) -> Result<Reloc, Malformed> {
        let mut c = Cursor { bytes, pos: 0, base: 0 };
        c.entry()
    }

    #[test]
    fn decodes_entries() {
        // R_WASM_FUNCTION_INDEX_LEB (0), offset 0x80 (2 bytes), index 3.
        let r = one(&[0, 0x80, 0x01, 3]).expect("entry");
        assert_eq!((r.ty, r.offset, r.index, r.addend), (RelocationType::FunctionIndexLeb, 128, 3, 0));
        // R_WASM_MEMORY_ADDR_SLEB (4) with addend -2.
        let r = one(&[4, 1, 2, 0x7e]).expect("entry");
        assert_eq!((r.offset, r.index, r.addend), (1, 2, -2));
        // R_WASM_MEMORY_ADDR_I64 (16) with addend i64::MIN.
        let mut b = vec![16, 0, 0];
        b.extend([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f]);
        assert_eq!(one(&b).expect("entry").addend, i64::MIN);
    }

    #[test]
    fn rejects_bad_entries() {
        assert!(one(&[200, 0, 0]).is_err(), "unknown type");
        assert!(one(&[0, 0x80]).is_err(), "truncated");
        assert!(one(&[0, 0xff, 0xff, 0xff, 0xff, 0x7f, 0]).is_err(), "u32 overflow");
        assert!(one(&[4, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f]).is_err(), "i32 overflow");
    }
}
