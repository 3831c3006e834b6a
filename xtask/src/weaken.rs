//! Makes every global definition of a wasm relocatable object weak, in
//! place, by setting `WASM_SYM_BINDING_WEAK` in the `linking` section's
//! symbol table.
//!
//! Why: libc-wasip1 is one LTO object, so linking any libc function brings
//! all of libc's definitions along. wasi-libc has one member per source
//! file, so a program may define its own `malloc`, `getline`, ... as long as
//! it does not also pull that member. With weak definitions the program's
//! strong definition simply wins and no "duplicate symbol" error occurs.
//!
//! The flags are a LEB128 `varuint32`; bit 0 lives in its first byte, so
//! setting it never changes the encoding's length.

use anyhow::{bail, Result};

const SYMTAB: u8 = 8;
const FLAG_WEAK: u32 = 0x1;
const FLAG_LOCAL: u32 = 0x2;
const FLAG_UNDEFINED: u32 = 0x10;
const FLAG_EXPLICIT_NAME: u32 = 0x40;

/// A cursor over a byte slice with LEB128 reads.
struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8> {
        let Some(&b) = self.data.get(self.pos) else { bail!("truncated wasm object at {}", self.pos) };
        self.pos += 1;
        Ok(b)
    }

    fn leb(&mut self) -> Result<u32> {
        let mut v: u64 = 0;
        let mut shift = 0;
        loop {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                break;
            }
            shift += 7;
            if shift > 35 {
                bail!("bad LEB128 at {}", self.pos);
            }
        }
        u32::try_from(v).map_err(|_| anyhow::anyhow!("LEB128 too large at {}", self.pos))
    }

    fn skip(&mut self, n: usize) -> Result<()> {
        if self.pos + n > self.data.len() {
            bail!("truncated wasm object at {}", self.pos);
        }
        self.pos += n;
        Ok(())
    }
}

/// Offsets (into the object) of the flag bytes of global definitions.
fn definition_flag_offsets(obj: &[u8]) -> Result<Vec<usize>> {
    if obj.len() < 8 || &obj[..4] != b"\0asm" {
        bail!("not a wasm object");
    }
    let mut r = Reader { data: obj, pos: 8 };
    let mut out = Vec::new();
    while r.pos < obj.len() {
        let id = r.byte()?;
        let size = r.leb()? as usize;
        let end = r.pos + size;
        if id == 0 {
            let name_len = r.leb()? as usize;
            let name = obj.get(r.pos..r.pos + name_len).unwrap_or_default();
            r.skip(name_len)?;
            if name == b"linking" {
                let _version = r.leb()?;
                while r.pos < end {
                    let kind = r.byte()?;
                    let len = r.leb()? as usize;
                    let sub_end = r.pos + len;
                    if kind == SYMTAB {
                        symtab(&mut r, &mut out)?;
                    }
                    r.pos = sub_end;
                }
            }
        }
        r.pos = end;
    }
    Ok(out)
}

fn symtab(r: &mut Reader<'_>, out: &mut Vec<usize>) -> Result<()> {
    let count = r.leb()?;
    for _ in 0..count {
        let kind = r.byte()?;
        let flags_at = r.pos;
        let flags = r.leb()?;
        let undefined = flags & FLAG_UNDEFINED != 0;
        match kind {
            // function, global, tag, table: index, then a name if defined
            // or explicitly named.
            0 | 2 | 4 | 5 => {
                r.leb()?;
                if !undefined || flags & FLAG_EXPLICIT_NAME != 0 {
                    let n = r.leb()? as usize;
                    r.skip(n)?;
                }
            }
            // data: name, then segment/offset/size if defined.
            1 => {
                let n = r.leb()? as usize;
                r.skip(n)?;
                if !undefined {
                    r.leb()?;
                    r.leb()?;
                    r.leb()?;
                }
            }
            // section: its index.
            3 => {
                r.leb()?;
                continue;
            }
            other => bail!("unknown symbol kind {other}"),
        }
        if !undefined && flags & FLAG_LOCAL == 0 {
            out.push(flags_at);
        }
    }
    Ok(())
}

/// Sets the weak bit on every global definition; returns how many.
pub fn weaken(obj: &mut [u8]) -> Result<usize> {
    let offsets = definition_flag_offsets(obj)?;
    for &at in &offsets {
        obj[at] |= FLAG_WEAK as u8;
    }
    Ok(offsets.len())
}
