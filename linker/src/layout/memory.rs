//! Linear memory layout: stack, output data segments, heap.
//!
//! Input segments are grouped by output name (`.rodata.*` -> `.rodata`,
//! `.data.*` -> `.data`, `.bss.*` -> `.bss`, `.tdata.*`/`.tbss.*` -> `.tdata`),
//! ordered `.tdata`, `.rodata`, `.data`, others, `.bss` like wasm-ld, each
//! input placed at its alignment in load order.

use crate::args::Config;
use crate::diag::{Error, Result};
use crate::gc::Live;
use crate::input::FileId;
use crate::resolve::Resolver;
use rustc_hash::FxHashMap as HashMap;

pub const PAGE: u64 = 65536;
const STACK_ALIGN: u64 = 16;

/// One output data segment.
#[derive(Debug, Clone)]
pub struct OutSeg<'a> {
    pub name: &'a str,
    pub addr: u32,
    pub size: u32,
    /// log2 alignment.
    pub align: u32,
    /// (object, segment, offset in this output segment).
    pub inputs: Vec<(FileId, u32, u32)>,
    /// Merged string chunks (indices into `Memory::merged`), placed where
    /// the first of their inputs was.
    pub merged: Vec<usize>,
    pub tls: bool,
}

impl OutSeg<'_> {
    /// Zero-initialised segments emit no bytes.
    pub fn is_bss(&self) -> bool {
        self.name == ".bss"
    }
}

/// The memory layout.
#[derive(Debug, Default)]
pub struct Memory<'a> {
    pub segs: Vec<OutSeg<'a>>,
    /// Per object, per segment: absolute address (valid for live segments).
    pub seg_addr: Vec<Vec<u32>>,
    /// Per object, per segment: whether it is in the output.
    pub seg_live: Vec<Vec<bool>>,
    pub global_base: u32,
    pub stack_low: u32,
    pub stack_high: u32,
    pub data_end: u32,
    pub heap_base: u32,
    pub heap_end: u32,
    pub initial_pages: u64,
    pub max_pages: Option<u64>,
    pub tls_base: u32,
    pub tls_size: u32,
    pub tls_align: u32,
    /// Merged string chunks, and which chunk each merged input segment went to.
    pub merged: Vec<super::merge::Merged>,
    pub merged_of: HashMap<(FileId, u32), usize>,
}

/// wasm-ld's output segment name for an input segment name.
fn output_name(name: &str) -> &str {
    for p in [".tdata", ".tbss"] {
        if name.starts_with(p) {
            return ".tdata";
        }
    }
    for p in [".rodata", ".data", ".bss", ".text"] {
        if name == p || name.strip_prefix(p).is_some_and(|r| r.starts_with('.')) {
            return p;
        }
    }
    name
}

fn order(name: &str) -> u32 {
    if name.starts_with(".tdata") {
        0
    } else if name.starts_with(".rodata") {
        1
    } else if name.starts_with(".data") {
        2
    } else if name.starts_with(".bss") {
        4
    } else {
        3
    }
}

/// One part of an output segment, in address order.
#[derive(Clone, Copy)]
enum Part {
    /// An input segment (object, segment index).
    Input(FileId, u32),
    /// The segment's merged strings.
    Merged,
}

fn align_to(v: u64, a: u64) -> u64 {
    v.div_ceil(a) * a
}

impl<'a> Memory<'a> {
    pub fn build(r: &Resolver<'a>, live: &Live, config: &Config) -> Result<Self> {
        let mut m = Memory {
            seg_addr: r.objects.iter().map(|o| vec![0; o.segments.len()]).collect(),
            seg_live: live.segs.clone(),
            ..Default::default()
        };
        let mut by_name: HashMap<&str, usize> = HashMap::default();
        // Per output segment, its parts in order; the merged strings go
        // where the first mergeable input was (as wasm-ld's synthetic chunk).
        let mut parts: Vec<Vec<Part>> = Vec::new();
        let mut to_merge: Vec<Vec<(FileId, u32)>> = Vec::new();
        for &file in &r.load_order {
            let o = &r.objects[file.idx()];
            for (i, seg) in o.segments.iter().enumerate() {
                if !live.segs[file.idx()][i] {
                    continue;
                }
                let name = output_name(seg.name);
                let idx = *by_name.entry(name).or_insert_with(|| {
                    m.segs.push(OutSeg {
                        name,
                        addr: 0,
                        size: 0,
                        align: 0,
                        inputs: vec![],
                        merged: vec![],
                        tls: name == ".tdata",
                    });
                    parts.push(Vec::new());
                    to_merge.push(Vec::new());
                    m.segs.len() - 1
                });
                if seg.align > 31 {
                    return Err(Error::file(&o.name, format!("segment {} has alignment 2^{}", seg.name, seg.align)));
                }
                // Only 1-byte strings: wide strings (align > 0) are not split correctly at a single NUL.
                if config.opt_level >= 1 && seg.align == 0 && super::merge::mergeable(o, i) {
                    if to_merge[idx].is_empty() {
                        parts[idx].push(Part::Merged);
                    }
                    to_merge[idx].push((file, i as u32));
                } else {
                    parts[idx].push(Part::Input(file, i as u32));
                }
            }
        }
        for (idx, (seg_parts, inputs)) in parts.iter().zip(&to_merge).enumerate() {
            let mut chunk = (!inputs.is_empty()).then(|| super::merge::Merged::build(&r.objects, inputs));
            let out = &mut m.segs[idx];
            for part in seg_parts {
                let (align, size) = match *part {
                    Part::Input(f, i) => {
                        let seg = &r.objects[f.idx()].segments[i as usize];
                        (seg.align, seg.range.end - seg.range.start)
                    }
                    Part::Merged => chunk.as_ref().map_or((0, 0), |c| (c.align, c.size())),
                };
                out.align = out.align.max(align);
                let off = align_to(out.size as u64, 1u64 << align);
                let end = off + size as u64;
                if end > u32::MAX as u64 {
                    return Err(Error::new("data does not fit in 4 GiB of memory"));
                }
                match *part {
                    Part::Input(f, i) => out.inputs.push((f, i, off as u32)),
                    Part::Merged => {
                        if let Some(c) = chunk.as_mut() {
                            c.offset = off as u32;
                        }
                    }
                }
                out.size = end as u32;
            }
            if let Some(chunk) = chunk {
                out.merged.push(m.merged.len());
                for &(f, s) in inputs {
                    m.merged_of.insert((f, s), m.merged.len());
                }
                m.merged.push(chunk);
            }
        }
        m.segs.sort_by_key(|s| order(s.name));
        let mut ptr: u64 = 0;
        let stack_size = config.stack_size;
        if !stack_size.is_multiple_of(STACK_ALIGN) {
            return Err(Error::new(format!("stack size must be {STACK_ALIGN}-byte aligned: {stack_size}")));
        }
        let place_stack = |ptr: &mut u64, m: &mut Memory| {
            *ptr = align_to(*ptr, STACK_ALIGN);
            m.stack_low = *ptr as u32;
            *ptr += stack_size;
            m.stack_high = *ptr as u32;
        };
        if config.stack_first {
            place_stack(&mut ptr, &mut m);
            if let Some(gb) = config.global_base {
                if gb < ptr {
                    return Err(Error::new("--global-base cannot be less than the stack size when --stack-first is used"));
                }
                ptr = gb;
            }
        } else {
            ptr = config.global_base.unwrap_or(1024);
        }
        m.global_base = ptr as u32;
        for seg in &mut m.segs {
            ptr = align_to(ptr, 1u64 << seg.align);
            seg.addr = ptr as u32;
            if seg.tls {
                m.tls_base = ptr as u32;
                m.tls_size = seg.size;
                m.tls_align = 1 << seg.align;
            }
            ptr += seg.size as u64;
            for &(f, s, off) in &seg.inputs {
                m.seg_addr[f.idx()][s as usize] = seg.addr + off;
            }
            for &c in &seg.merged {
                m.merged[c].offset += seg.addr;
            }
        }
        if m.tls_align == 0 {
            m.tls_align = 1;
        }
        m.data_end = ptr as u32;
        if !config.stack_first {
            place_stack(&mut ptr, &mut m);
        }
        ptr = align_to(ptr, 16);
        m.heap_base = ptr as u32;
        if let Some(h) = config.initial_heap {
            ptr += h;
        }
        if let Some(im) = config.initial_memory {
            if im % PAGE != 0 {
                return Err(Error::new(format!("initial memory must be {PAGE}-byte aligned")));
            }
            if im < ptr {
                return Err(Error::new(format!("initial memory too small, {ptr} bytes needed")));
            }
            ptr = im;
        }
        ptr = align_to(ptr, PAGE);
        if ptr > (1u64 << 32) {
            return Err(Error::new("memory does not fit in 4 GiB"));
        }
        m.initial_pages = ptr / PAGE;
        if let Some(max) = config.max_memory {
            if max % PAGE != 0 {
                return Err(Error::new(format!("maximum memory must be {PAGE}-byte aligned")));
            }
            if max < ptr {
                return Err(Error::new(format!("maximum memory too small, {ptr} bytes needed")));
            }
            m.max_pages = Some(max / PAGE);
        }
        if config.no_growable_memory {
            if config.max_memory.is_some() {
                return Err(Error::new("--max-memory is incompatible with --no-growable-memory"));
            }
            m.max_pages = Some(m.initial_pages);
        }
        m.heap_end = match m.max_pages {
            Some(p) => (p * PAGE).min(u32::MAX as u64) as u32,
            None => (m.initial_pages * PAGE).min(u32::MAX as u64) as u32,
        };
        Ok(m)
    }

    /// Address of byte `off` of input segment (f, s), merged or not.
    pub fn addr_of(&self, f: FileId, s: u32, off: u32) -> u32 {
        match self.merged_of.get(&(f, s)) {
            Some(&c) => {
                let chunk = &self.merged[c];
                chunk.offset + chunk.map(f, s, off).unwrap_or(0)
            }
            None => self.seg_addr[f.idx()][s as usize] + off,
        }
    }

    /// Start and end address of the output segment `name` (`__start_`/`__stop_`).
    pub fn section_bounds(&self, name: &str) -> Option<(u32, u32)> {
        self.segs.iter().find(|s| s.name == name).map(|s| (s.addr, s.addr + s.size))
    }
}
