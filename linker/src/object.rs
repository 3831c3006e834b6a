//! One WebAssembly relocatable object, parsed once with wasmparser.
//!
//! Everything is borrowed from the input bytes: function bodies and data
//! segments are byte ranges, names are `&str` slices. The object is checked
//! here (indices in range, relocations inside their section) so later phases
//! can index without re-checking.

use crate::diag::{Error, Result};
use crate::relocs::{Malformed, RelocSection};
use std::ops::Range;
use wasmparser::{
    BinaryReader, CompositeInnerType, DataKind, ExternalKind, Linking, LinkingSectionReader,
    Operator, Parser, Payload, RelocationType, SymbolFlags, SymbolInfo,
    TypeRef, ValType,
};

/// A function signature, hashable so types can be deduplicated.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FuncSig {
    pub params: Box<[ValType]>,
    pub results: Box<[ValType]>,
}

impl std::fmt::Display for FuncSig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |v: &[ValType]| v.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(", ");
        write!(f, "({}) -> ({})", list(&self.params), list(&self.results))
    }
}

/// An imported function, global or table of the object.
#[derive(Debug, Clone, Copy)]
pub struct Import<'a> {
    pub module: &'a str,
    pub field: &'a str,
}

/// A defined global's constant initializer.
#[derive(Debug, Clone, Copy)]
pub enum GlobalInit {
    I32(i32),
    I64(i64),
    F32(u32),
    F64(u64),
}

/// A defined global.
#[derive(Debug, Clone, Copy)]
pub struct GlobalDef {
    pub ty: wasmparser::GlobalType,
    pub init: GlobalInit,
}

/// A data segment of the object.
#[derive(Debug, Clone)]
pub struct Segment<'a> {
    /// Contents, relative to the start of the data section payload.
    pub range: Range<u32>,
    /// Name from the linking section's segment info (e.g. `.rodata.str`).
    pub name: &'a str,
    /// log2 of the required alignment.
    pub align: u32,
    /// `WASM_SEG_FLAG_*` bits.
    pub flags: u32,
}

/// What a symbol designates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SymKind {
    Func,
    Data,
    Global,
    Table,
    Tag,
    Section,
}

impl std::fmt::Display for SymKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SymKind::Func => "function",
            SymKind::Data => "data",
            SymKind::Global => "global",
            SymKind::Table => "table",
            SymKind::Tag => "tag",
            SymKind::Section => "section",
        })
    }
}

/// One entry of the object's symbol table.
#[derive(Debug, Clone, Copy)]
pub struct Sym<'a> {
    pub kind: SymKind,
    pub flags: SymbolFlags,
    /// Symbol name (for undefined symbols without an explicit name: the import field).
    pub name: &'a str,
    /// Function/global/table/tag index, data segment index, or section index.
    pub index: u32,
    /// Offset in the segment (defined data symbols).
    pub offset: u32,
    /// Size in bytes (defined data symbols).
    pub size: u32,
}

impl Sym<'_> {
    pub fn is_undefined(&self) -> bool {
        self.flags.contains(SymbolFlags::UNDEFINED)
    }
    pub fn is_local(&self) -> bool {
        self.flags.contains(SymbolFlags::BINDING_LOCAL)
    }
    pub fn is_weak(&self) -> bool {
        self.flags.contains(SymbolFlags::BINDING_WEAK)
    }
    pub fn is_hidden(&self) -> bool {
        self.flags.contains(SymbolFlags::VISIBILITY_HIDDEN)
    }
}

/// A relocation, with the offset relative to its section's payload.
#[derive(Debug, Clone, Copy)]
pub struct Reloc {
    pub ty: RelocationType,
    pub offset: u32,
    /// Symbol index (type index for `TYPE_INDEX_LEB`).
    pub index: u32,
    pub addend: i64,
}

/// A COMDAT group: name and member (kind, index) pairs.
#[derive(Debug, Clone)]
pub struct Comdat<'a> {
    pub name: &'a str,
    pub funcs: Vec<u32>,
    pub segments: Vec<u32>,
}

/// A custom section carried to the output or merged (producers, target_features, debug).
#[derive(Debug, Clone)]
pub struct Custom<'a> {
    pub name: &'a str,
    pub section_index: u32,
    /// Payload (after the name).
    pub data: &'a [u8],
    /// Absolute offset of `data` in the file.
    pub data_offset: usize,
}

/// A parsed relocatable object.
#[derive(Debug, Default)]
pub struct Object<'a> {
    /// `path` or `archive(member)`, for messages.
    pub name: String,
    pub bytes: &'a [u8],
    pub types: Vec<FuncSig>,
    /// Imported functions: import info and type index.
    pub func_imports: Vec<(Import<'a>, u32)>,
    pub global_imports: Vec<(Import<'a>, wasmparser::GlobalType)>,
    pub table_imports: Vec<(Import<'a>, wasmparser::TableType)>,
    pub tag_imports: u32,
    /// Type index of every defined function.
    pub funcs: Vec<u32>,
    /// Body of every defined function (after its size), relative to the code payload.
    pub bodies: Vec<Range<u32>>,
    pub globals: Vec<GlobalDef>,
    pub tables: Vec<wasmparser::TableType>,
    pub tags: u32,
    /// Absolute range of the code section payload.
    pub code: Range<usize>,
    pub code_section: Option<u32>,
    /// Absolute range of the data section payload.
    pub data: Range<usize>,
    pub data_section: Option<u32>,
    pub segments: Vec<Segment<'a>>,
    pub symbols: Vec<Sym<'a>>,
    pub code_relocs: Vec<Reloc>,
    pub data_relocs: Vec<Reloc>,
    /// Relocations of carried custom sections (DWARF), kept encoded: they
    /// are decoded, checked and applied in one pass when the section is
    /// written, so objects that are not loaded (or `--strip-debug`) never
    /// decode them, and no list is built or sorted (their order is irrelevant).
    pub custom_relocs: Vec<RelocSection<'a>>,
    /// (priority, symbol index).
    pub init_funcs: Vec<(u32, u32)>,
    pub comdats: Vec<Comdat<'a>>,
    /// Export names given in the object (`export_name` attribute), by function index.
    pub export_names: Vec<(u32, &'a str)>,
    pub customs: Vec<Custom<'a>>,
}

/// Whether `bytes` look like a wasm module.
pub fn is_wasm(bytes: &[u8]) -> bool {
    bytes.len() >= 8 && &bytes[..4] == b"\0asm"
}

fn offset_of(base: &[u8], inner: &[u8]) -> usize {
    inner.as_ptr() as usize - base.as_ptr() as usize
}

/// The names of the global symbols an object defines, read from its
/// `linking` section alone (for indexing archive members cheaply).
pub fn scan_defined<'b>(name: &str, bytes: &'b [u8]) -> Result<Vec<&'b str>> {
    let bad = |e: wasmparser::BinaryReaderError| {
        Error::file(name, format!("malformed object: {} (at offset {:#x})", e.message(), e.offset()))
    };
    let mut rd = BinaryReader::new(bytes, 0);
    rd.read_bytes(8).map_err(bad)?;
    let mut out = Vec::new();
    while !rd.eof() {
        let id = rd.read_u8().map_err(bad)?;
        let size = rd.read_var_u32().map_err(bad)? as usize;
        let start = rd.original_position() as usize;
        let body = rd.read_bytes(size).map_err(bad)?;
        if id != 0 {
            continue;
        }
        let mut sec = BinaryReader::new(body, start as u64);
        if sec.read_string().map_err(bad)? != "linking" {
            continue;
        }
        let pos = sec.original_position() as usize;
        let linking = LinkingSectionReader::new(BinaryReader::new(&bytes[pos..start + size], pos as u64)).map_err(bad)?;
        for sub in linking {
            if let Linking::SymbolTable(map) = sub.map_err(bad)? {
                for s in map {
                    let (flags, n) = match s.map_err(bad)? {
                        SymbolInfo::Func { flags, name, .. }
                        | SymbolInfo::Global { flags, name, .. }
                        | SymbolInfo::Table { flags, name, .. }
                        | SymbolInfo::Event { flags, name, .. } => (flags, name),
                        SymbolInfo::Data { flags, name, .. } => (flags, Some(name)),
                        SymbolInfo::Section { .. } => continue,
                    };
                    if flags.intersects(SymbolFlags::UNDEFINED | SymbolFlags::BINDING_LOCAL) {
                        continue;
                    }
                    if let Some(n) = n {
                        out.push(n);
                    }
                }
            }
        }
        return Ok(out);
    }
    Err(Error::file(name, "not a relocatable object (no linking section); was it compiled with -c?"))
}

impl<'a> Object<'a> {
    pub fn num_funcs(&self) -> u32 {
        self.func_imports.len() as u32 + self.funcs.len() as u32
    }
    pub fn num_globals(&self) -> u32 {
        self.global_imports.len() as u32 + self.globals.len() as u32
    }
    pub fn num_tables(&self) -> u32 {
        self.table_imports.len() as u32 + self.tables.len() as u32
    }
    pub fn num_imported_funcs(&self) -> u32 {
        self.func_imports.len() as u32
    }

    /// The type index of function `f` (imported or defined).
    pub fn func_type(&self, f: u32) -> u32 {
        let ni = self.func_imports.len() as u32;
        if f < ni {
            self.func_imports[f as usize].1
        } else {
            self.funcs[(f - ni) as usize]
        }
    }

    /// Parses and checks an object.
    pub fn parse(name: String, bytes: &'a [u8]) -> Result<Object<'a>> {
        let mut obj = Object { name, bytes, ..Default::default() };
        let name_for = obj.name.clone();
        let perr = move |e: wasmparser::BinaryReaderError| {
            Error::file(&name_for, format!("malformed object: {} (at offset {:#x})", e.message(), e.offset()))
        };
        let mut section_index: u32 = 0;
        let mut linking: Option<LinkingSectionReader<'a>> = None;
        let mut relocs: Vec<RelocSection<'a>> = Vec::new();
        let mut memory_seen = false;
        for payload in Parser::new(0).parse_all(bytes) {
            let payload = payload.map_err(&perr)?;
            let is_section = !matches!(
                payload,
                Payload::Version { .. } | Payload::End(_) | Payload::CodeSectionEntry(_)
            );
            match payload {
                Payload::Version { encoding, .. }
                    if encoding != wasmparser::Encoding::Module => {
                        return Err(Error::file(&obj.name, "is a component, not a core module"));
                    }
                Payload::TypeSection(r) => {
                    for rg in r {
                        let rg = rg.map_err(&perr)?;
                        for st in rg.into_types() {
                            match st.composite_type.inner {
                                CompositeInnerType::Func(ft) => obj.types.push(FuncSig {
                                    params: ft.params().into(),
                                    results: ft.results().into(),
                                }),
                                _ => {
                                    return Err(Error::file(&obj.name, "non-function types are not supported"))
                                }
                            }
                        }
                    }
                }
                Payload::ImportSection(r) => {
                    for imp in r.into_imports() {
                        let imp = imp.map_err(&perr)?;
                        let i = Import { module: imp.module, field: imp.name };
                        match imp.ty {
                            TypeRef::Func(t) | TypeRef::FuncExact(t) => obj.func_imports.push((i, t)),
                            TypeRef::Global(g) => obj.global_imports.push((i, g)),
                            TypeRef::Table(t) => obj.table_imports.push((i, t)),
                            TypeRef::Memory(_) => memory_seen = true,
                            TypeRef::Tag(_) => obj.tag_imports += 1,
                        }
                    }
                }
                Payload::FunctionSection(r) => {
                    for t in r {
                        obj.funcs.push(t.map_err(&perr)?);
                    }
                }
                Payload::TableSection(r) => {
                    for t in r {
                        obj.tables.push(t.map_err(&perr)?.ty);
                    }
                }
                Payload::MemorySection(_) => memory_seen = true,
                Payload::TagSection(r) => obj.tags += r.count(),
                Payload::GlobalSection(r) => {
                    for g in r {
                        let g = g.map_err(&perr)?;
                        let mut ops = g.init_expr.get_operators_reader();
                        let init = match ops.read().map_err(&perr)? {
                            Operator::I32Const { value } => GlobalInit::I32(value),
                            Operator::I64Const { value } => GlobalInit::I64(value),
                            Operator::F32Const { value } => GlobalInit::F32(value.bits()),
                            Operator::F64Const { value } => GlobalInit::F64(value.bits()),
                            _ => {
                                return Err(Error::file(&obj.name, "unsupported global initializer (only constants)"))
                            }
                        };
                        obj.globals.push(GlobalDef { ty: g.ty, init });
                    }
                }
                Payload::ExportSection(r) => {
                    for e in r {
                        let e = e.map_err(&perr)?;
                        if e.kind == ExternalKind::Func {
                            obj.export_names.push((e.index, e.name));
                        }
                    }
                }
                Payload::StartSection { .. } => {
                    return Err(Error::file(&obj.name, "start sections are not supported in objects"))
                }
                Payload::ElementSection(_) => {}
                Payload::DataCountSection { .. } => {}
                Payload::DataSection(r) => {
                    let range = r.range();
                    obj.data = range.start as usize..range.end as usize;
                    obj.data_section = Some(section_index);
                    for d in r {
                        let d = d.map_err(&perr)?;
                        match d.kind {
                            DataKind::Active { memory_index: 0, .. } => {}
                            _ => return Err(Error::file(&obj.name, "data segment is not active in memory 0")),
                        }
                        let start = (offset_of(bytes, d.data) - obj.data.start) as u32;
                        obj.segments.push(Segment {
                            range: start..start + d.data.len() as u32,
                            name: "",
                            align: 0,
                            flags: 0,
                        });
                    }
                }
                Payload::CodeSectionStart { unchecked_range, .. } => {
                    obj.code = unchecked_range.start as usize..unchecked_range.end as usize;
                    obj.code_section = Some(section_index);
                }
                Payload::CodeSectionEntry(body) => {
                    let r = body.range();
                    let base = obj.code.start as u64;
                    obj.bodies.push((r.start - base) as u32..(r.end - base) as u32);
                }
                Payload::CustomSection(c) => {
                    let data_offset = c.data_offset();
                    let reader = BinaryReader::new(c.data(), data_offset);
                    match c.name() {
                        "linking" => linking = Some(LinkingSectionReader::new(reader).map_err(&perr)?),
                        n if n.starts_with("reloc.") => {
                            relocs.push(RelocSection::parse(c.data(), data_offset as usize).map_err(|m| malformed(&obj.name, m))?)
                        }
                        name => obj.customs.push(Custom {
                            name,
                            section_index,
                            data: c.data(),
                            data_offset: data_offset as usize,
                        }),
                    }
                }
                Payload::End(_) => {}
                _ => {}
            }
            if is_section {
                section_index += 1;
            }
        }
        let _ = memory_seen;
        if obj.funcs.len() != obj.bodies.len() {
            return Err(Error::file(&obj.name, "function and code section counts differ"));
        }
        let linking = linking.ok_or_else(|| {
            Error::file(&obj.name, "not a relocatable object (no linking section); was it compiled with -c?")
        })?;
        obj.read_linking(linking, &perr)?;
        for r in relocs {
            obj.read_relocs(r)?;
        }
        crate::check::check_object(&obj)?;
        Ok(obj)
    }

    fn read_linking(
        &mut self,
        linking: LinkingSectionReader<'a>,
        perr: &dyn Fn(wasmparser::BinaryReaderError) -> Error,
    ) -> Result<()> {
        for sub in linking {
            match sub.map_err(perr)? {
                Linking::SegmentInfo(map) => {
                    for (i, s) in map.into_iter().enumerate() {
                        let s = s.map_err(perr)?;
                        let seg = self.segments.get_mut(i).ok_or_else(|| {
                            Error::file(&self.name, format!("segment info for missing data segment {i}"))
                        })?;
                        seg.name = s.name;
                        seg.align = s.alignment;
                        seg.flags = s.flags.bits();
                    }
                }
                Linking::InitFuncs(map) => {
                    for f in map {
                        let f = f.map_err(perr)?;
                        self.init_funcs.push((f.priority, f.symbol_index));
                    }
                }
                Linking::ComdatInfo(map) => {
                    for c in map {
                        let c = c.map_err(perr)?;
                        let mut comdat = Comdat { name: c.name, funcs: vec![], segments: vec![] };
                        for m in c.symbols {
                            let m = m.map_err(perr)?;
                            match m.kind {
                                wasmparser::ComdatSymbolKind::Func => comdat.funcs.push(m.index),
                                wasmparser::ComdatSymbolKind::Data => comdat.segments.push(m.index),
                                _ => {}
                            }
                        }
                        self.comdats.push(comdat);
                    }
                }
                Linking::SymbolTable(map) => {
                    for s in map {
                        let s = s.map_err(perr)?;
                        let sym = self.convert_symbol(s)?;
                        self.symbols.push(sym);
                    }
                }
                Linking::TargetArch(_) | Linking::Unknown { .. } => {}
            }
        }
        Ok(())
    }

    fn convert_symbol(&self, s: SymbolInfo<'a>) -> Result<Sym<'a>> {
        let bad = |what: &str| Error::file(&self.name, format!("symbol refers to {what}"));
        let (kind, flags, index, name, offset, size) = match s {
            SymbolInfo::Func { flags, index, name } => (SymKind::Func, flags, index, name, 0, 0),
            SymbolInfo::Global { flags, index, name } => (SymKind::Global, flags, index, name, 0, 0),
            SymbolInfo::Table { flags, index, name } => (SymKind::Table, flags, index, name, 0, 0),
            SymbolInfo::Event { flags, index, name } => (SymKind::Tag, flags, index, name, 0, 0),
            SymbolInfo::Data { flags, name, symbol } => match symbol {
                Some(d) => (SymKind::Data, flags, d.index, Some(name), d.offset, d.size),
                None => (SymKind::Data, flags, 0, Some(name), 0, 0),
            },
            SymbolInfo::Section { flags, section } => (SymKind::Section, flags, section, Some(""), 0, 0),
        };
        // Undefined symbols without an explicit name take their import's field.
        let name = match name {
            Some(n) => n,
            None => {
                let imp = match kind {
                    SymKind::Func => self.func_imports.get(index as usize).map(|i| i.0),
                    SymKind::Global => self.global_imports.get(index as usize).map(|i| i.0),
                    SymKind::Table => self.table_imports.get(index as usize).map(|i| i.0),
                    _ => None,
                };
                imp.ok_or_else(|| bad(&format!("missing {kind} import {index}")))?.field
            }
        };
        Ok(Sym { kind, flags, name, index, offset, size })
    }

    fn read_relocs(&mut self, r: RelocSection<'a>) -> Result<()> {
        let target = r.section;
        if Some(target) != self.code_section
            && Some(target) != self.data_section
            && self.customs.iter().any(|c| c.section_index == target)
        {
            self.custom_relocs.push(r);
            return Ok(());
        }
        let mut list = r.iter().collect::<std::result::Result<Vec<Reloc>, Malformed>>().map_err(|m| malformed(&self.name, m))?;
        if !list.is_sorted_by_key(|r| r.offset) {
            list.sort_by_key(|r| r.offset);
        }
        if Some(target) == self.code_section {
            self.code_relocs = list;
        } else if Some(target) == self.data_section {
            self.data_relocs = list;
        } else {
            return Err(Error::file(
                &self.name,
                format!("relocation section targets section {target}, which cannot be relocated"),
            ));
        }
        Ok(())
    }
}

/// The error for a malformed relocation entry of object `name`.
pub fn malformed(name: &str, m: Malformed) -> Error {
    Error::file(name, format!("malformed object: {} (at offset {:#x})", m.message, m.offset))
}
