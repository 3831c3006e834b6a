//! Reading and writing `ar` archives (GNU format with a symbol index).
//!
//! wasm-ld and rust-lld only pull members out of an archive through its
//! symbol index, so every archive we write has one (the `/` member: a
//! big-endian count, big-endian member offsets, then NUL-terminated names).

use anyhow::{bail, Context, Result};

/// One member to put in an archive.
pub struct Member {
    /// File name (at most 15 bytes, no `/`).
    pub name: String,
    /// Contents.
    pub data: Vec<u8>,
    /// Global symbols this member defines (for the index).
    pub symbols: Vec<String>,
}

/// Reads every member of an archive as `(name, contents)`.
pub fn read_members(data: &[u8]) -> Result<Vec<(String, Vec<u8>)>> {
    let archive = object::read::archive::ArchiveFile::parse(data)
        .map_err(|e| anyhow::anyhow!("not an ar archive: {e}"))?;
    let mut out = Vec::new();
    for member in archive.members() {
        let member = member.map_err(|e| anyhow::anyhow!("bad archive member: {e}"))?;
        let name = String::from_utf8_lossy(member.name()).into_owned();
        let bytes = member
            .data(data)
            .map_err(|e| anyhow::anyhow!("bad archive member {name}: {e}"))?;
        out.push((name, bytes.to_vec()));
    }
    Ok(out)
}

/// Formats one 60-byte member header.
fn header(name: &str, size: usize) -> Vec<u8> {
    let h = format!("{name:<16}{:<12}{:<6}{:<6}{:<8}{size:<10}`\n", 0, 0, 0, 644);
    debug_assert_eq!(h.len(), 60);
    h.into_bytes()
}

/// Serializes an archive (deterministic: zero times and ids).
pub fn write(members: &[Member]) -> Result<Vec<u8>> {
    for m in members {
        if m.name.len() > 15 || m.name.contains('/') {
            bail!("archive member name `{}` must be at most 15 bytes without `/`", m.name);
        }
    }
    let mut out = b"!<arch>\n".to_vec();
    if members.is_empty() {
        return Ok(out);
    }
    let nsyms: usize = members.iter().map(|m| m.symbols.len()).sum();
    let names_len: usize = members
        .iter()
        .flat_map(|m| m.symbols.iter())
        .map(|s| s.len() + 1)
        .sum();
    let mut index_size = 4 + 4 * nsyms + names_len;
    index_size += index_size % 2;
    // Offsets of the members, which follow the index.
    let mut offsets = Vec::with_capacity(members.len());
    let mut pos = 8 + 60 + index_size;
    for m in members {
        offsets.push(pos);
        pos += 60 + m.data.len() + m.data.len() % 2;
    }
    let count = u32::try_from(nsyms).context("too many symbols")?;
    let mut index = count.to_be_bytes().to_vec();
    for (m, off) in members.iter().zip(&offsets) {
        let off = u32::try_from(*off).context("archive larger than 4 GiB")?;
        for _ in &m.symbols {
            index.extend_from_slice(&off.to_be_bytes());
        }
    }
    for s in members.iter().flat_map(|m| m.symbols.iter()) {
        index.extend_from_slice(s.as_bytes());
        index.push(0);
    }
    index.resize(index_size, 0);
    out.extend_from_slice(&header("/", index_size));
    out.extend_from_slice(&index);
    for m in members {
        out.extend_from_slice(&header(&format!("{}/", m.name), m.data.len()));
        out.extend_from_slice(&m.data);
        if m.data.len() % 2 == 1 {
            out.push(b'\n');
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_points_at_members() {
        let members = vec![
            Member { name: "a.o".into(), data: b"\0asm-odd".to_vec(), symbols: vec!["alpha".into(), "beta".into()] },
            Member { name: "b.o".into(), data: b"\0asm".to_vec(), symbols: vec!["gamma".into()] },
        ];
        let bytes = write(&members).unwrap();
        let archive = object::read::archive::ArchiveFile::parse(&*bytes).unwrap();
        let names: Vec<(String, u64)> = archive
            .symbols()
            .unwrap()
            .expect("archive has a symbol index")
            .map(|s| {
                let s = s.unwrap();
                (String::from_utf8_lossy(s.name()).into_owned(), s.offset().0)
            })
            .collect();
        assert_eq!(names.len(), 3);
        for (name, off) in &names {
            let member = archive.member(object::read::archive::ArchiveOffset(*off)).unwrap();
            let expect = if name == "gamma" { "b.o" } else { "a.o" };
            assert_eq!(member.name(), expect.as_bytes(), "symbol {name}");
        }
        let read = read_members(&bytes).unwrap();
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].1, b"\0asm-odd");
        assert_eq!(read[1].1, b"\0asm");
    }

    #[test]
    fn empty_archive_is_just_the_magic() {
        assert_eq!(write(&[]).unwrap(), b"!<arch>\n");
    }

    #[test]
    fn long_member_names_are_refused() {
        let m = Member { name: "a-very-long-name.o".into(), data: vec![], symbols: vec![] };
        assert!(write(&[m]).is_err());
    }
}
