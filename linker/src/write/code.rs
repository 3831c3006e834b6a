//! The code and data sections: raw bytes copied from the objects with only
//! the relocated spots rewritten, plus the synthetic functions.

use crate::diag::{Error, Result};
use crate::gc::in_range;
use crate::layout::functions::OutFunc;
use crate::layout::Layout;
use crate::relocate::{apply, Place};
use crate::resolve::Resolver;
use crate::target;
use rayon::prelude::*;

fn push_uleb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// The body (without its size) of one output function.
fn body(r: &Resolver<'_>, l: &Layout<'_>, f: OutFunc) -> Result<Vec<u8>> {
    match f {
        OutFunc::Object(file, i) => {
            let o = &r.objects[file.idx()];
            let range = o.bodies[i as usize].clone();
            let mut buf = o.bytes[o.code.start + range.start as usize..o.code.start + range.end as usize].to_vec();
            let relocs = in_range(&o.code_relocs, range.clone());
            apply(r, l, file, relocs, &Place { section_offset: range.start, address: None }, &mut buf)?;
            Ok(buf)
        }
        OutFunc::Stub(_) => Ok(vec![0x00, 0x00, 0x0b]), // no locals; unreachable; end
        OutFunc::CallCtors => call_ctors(r, l),
        // wasm-ld's wrapper: ctors, the export itself, then dtors (stdio flush).
        OutFunc::CommandExport(_, target) => {
            let mut b = vec![0x00];
            if let Some(ctors) = l.funcs.call_ctors {
                b.push(0x10);
                push_uleb(&mut b, ctors as u64);
            }
            let nparams = l.types.list[l.funcs.type_of(target) as usize].params.len();
            for i in 0..nparams {
                b.push(0x20);
                push_uleb(&mut b, i as u64);
            }
            b.push(0x10);
            push_uleb(&mut b, target as u64);
            if let Some(dtors) = l.funcs.call_dtors {
                b.push(0x10);
                push_uleb(&mut b, dtors as u64);
            }
            b.push(0x0b);
            Ok(b)
        }
    }
}

/// `__wasm_call_ctors`: calls every live init function, by priority then input order.
fn call_ctors(r: &Resolver<'_>, l: &Layout<'_>) -> Result<Vec<u8>> {
    let mut inits = Vec::new();
    for &file in &r.load_order {
        let o = &r.objects[file.idx()];
        for &(prio, sym) in &o.init_funcs {
            let t = target::func(r, file, sym);
            let Some(idx) = l.func_index(t) else { continue };
            let ty = &l.types.list[l.funcs.type_of(idx) as usize];
            if !ty.params.is_empty() || !ty.results.is_empty() {
                return Err(Error::file(&o.name, format!("invalid signature for init func {}: {ty}", o.symbols[sym as usize].name)));
            }
            inits.push((prio, idx));
        }
    }
    inits.sort_by_key(|(p, _)| *p);
    let mut b = vec![0x00];
    for (_, idx) in inits {
        b.push(0x10);
        push_uleb(&mut b, idx as u64);
    }
    b.push(0x0b);
    Ok(b)
}

/// The code section payload (count, then size-prefixed bodies), built in
/// parallel, and the payload offset of each object function's body (after
/// its size), per object and defined function (`u32::MAX` when dead); debug
/// info relocations (`FUNCTION_OFFSET_I32`) point there.
pub fn code_section(r: &Resolver<'_>, l: &Layout<'_>) -> Result<(Vec<u8>, Vec<Vec<u32>>)> {
    let bodies: Vec<Result<Vec<u8>>> = l.funcs.defined.par_iter().map(|f| body(r, l, *f)).collect();
    let mut offsets: Vec<Vec<u32>> = r.objects.iter().map(|o| vec![u32::MAX; o.funcs.len()]).collect();
    let mut out = Vec::new();
    push_uleb(&mut out, l.funcs.defined.len() as u64);
    for (b, f) in bodies.into_iter().zip(&l.funcs.defined) {
        let b = b?;
        push_uleb(&mut out, b.len() as u64);
        if let OutFunc::Object(file, i) = *f {
            offsets[file.idx()][i as usize] = out.len() as u32;
        }
        out.extend_from_slice(&b);
    }
    Ok((out, offsets))
}

/// The data segments: (address, bytes) for every output segment that has bytes.
pub fn data_segments(r: &Resolver<'_>, l: &Layout<'_>, emit_bss: bool) -> Result<Vec<(u32, Vec<u8>)>> {
    let segs: Vec<_> = l.memory.segs.iter().filter(|s| emit_bss || !s.is_bss()).collect();
    segs.par_iter()
        .map(|seg| {
            let mut buf = vec![0u8; seg.size as usize];
            for &(file, s, off) in &seg.inputs {
                let o = &r.objects[file.idx()];
                let range = o.segments[s as usize].range.clone();
                let src = &o.bytes[o.data.start + range.start as usize..o.data.start + range.end as usize];
                let dst = &mut buf[off as usize..off as usize + src.len()];
                dst.copy_from_slice(src);
                let relocs = in_range(&o.data_relocs, range.clone());
                let place = Place { section_offset: range.start, address: Some(seg.addr + off) };
                apply(r, l, file, relocs, &place, dst)?;
            }
            for &c in &seg.merged {
                let chunk = &l.memory.merged[c];
                let at = (chunk.offset - seg.addr) as usize;
                buf[at..at + chunk.bytes.len()].copy_from_slice(&chunk.bytes);
            }
            Ok((seg.addr, buf))
        })
        .collect()
}
