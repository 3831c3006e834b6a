//! Section sizes of a WebAssembly module, read straight from its bytes (the
//! module header and the section headers only; no validation).
use anyhow::{bail, Result};

/// Size in bytes of the payload of every section with id `id` (10 is the
/// code section), summed; 0 if there is none.
pub fn section_size(module: &[u8], id: u8) -> Result<u64> {
    if module.len() < 8 || &module[..4] != b"\0asm" {
        bail!("not a WebAssembly module");
    }
    let mut pos = 8;
    let mut total = 0u64;
    while pos < module.len() {
        let sid = module[pos];
        pos += 1;
        let size = read_leb_u32(module, &mut pos)? as usize;
        if module.len() - pos < size {
            bail!("section {sid} runs past the end of the module");
        }
        if sid == id {
            total += size as u64;
        }
        pos += size;
    }
    Ok(total)
}

/// Reads an unsigned LEB128 number of at most 32 bits at `*pos`.
fn read_leb_u32(bytes: &[u8], pos: &mut usize) -> Result<u32> {
    let mut value = 0u64;
    for shift in (0..35).step_by(7) {
        let Some(&b) = bytes.get(*pos) else { bail!("truncated LEB128 number") };
        *pos += 1;
        value |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return u32::try_from(value).map_err(|_| anyhow::anyhow!("LEB128 number too large"));
        }
    }
    bail!("LEB128 number too long")
}
