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

/// The code section payload (count, then size-prefixed bodies), and the
/// payload offset of each object function's body (after its size), per
/// object and defined function (`u32::MAX` when dead); debug info
/// relocations (`FUNCTION_OFFSET_I32`) point there. Relocation keeps every
/// width, so each body is as long as its input: the layout is computed
/// first, then the bodies are copied straight into place and relocated
/// there in parallel (synthetic bodies are built first, serially).
pub fn code_section(r: &Resolver<'_>, l: &Layout<'_>) -> Result<(Vec<u8>, Vec<Vec<u32>>)> {
    // Synthetic bodies, and every body's length.
    let mut synthetic: Vec<Option<Vec<u8>>> = Vec::with_capacity(l.funcs.defined.len());
    let mut lens = Vec::with_capacity(l.funcs.defined.len());
    for f in &l.funcs.defined {
        match *f {
            OutFunc::Object(file, i) => {
                let range = &r.objects[file.idx()].bodies[i as usize];
                lens.push((range.end - range.start) as usize);
                synthetic.push(None);
            }
            _ => {
                let b = body(r, l, *f)?;
                lens.push(b.len());
                synthetic.push(Some(b));
            }
        }
    }
    let mut offsets: Vec<Vec<u32>> = r.objects.iter().map(|o| vec![u32::MAX; o.funcs.len()]).collect();
    let mut out = Vec::new();
    push_uleb(&mut out, l.funcs.defined.len() as u64);
    let mut total = out.len();
    let mut starts = Vec::with_capacity(lens.len());
    for (len, f) in lens.iter().zip(&l.funcs.defined) {
        total += uleb_len(*len as u64);
        starts.push(total);
        if let OutFunc::Object(file, i) = *f {
            offsets[file.idx()][i as usize] = total as u32;
        }
        total += len;
    }
    out.reserve_exact(total - out.len());
    let head = out.len();
    // One (size, body) slice per function, in order.
    let mut slices: Vec<&mut [std::mem::MaybeUninit<u8>]> = Vec::with_capacity(lens.len());
    let mut rest = &mut out.spare_capacity_mut()[..total - head];
    let mut at = head;
    for (len, start) in lens.iter().zip(&starts) {
        let (piece, tail) = std::mem::take(&mut rest).split_at_mut(start + len - at);
        slices.push(piece);
        rest = tail;
        at = start + len;
    }
    slices
        .into_par_iter()
        .zip(l.funcs.defined.par_iter())
        .zip(synthetic.par_iter())
        .try_for_each(|((dst, f), synth)| -> Result<()> {
            let mut size = Vec::with_capacity(5);
            let src: &[u8] = match (f, synth) {
                (_, Some(b)) => b,
                (OutFunc::Object(file, i), None) => {
                    let o = &r.objects[file.idx()];
                    let range = &o.bodies[*i as usize];
                    &o.bytes[o.code.start + range.start as usize..o.code.start + range.end as usize]
                }
                _ => &[],
            };
            push_uleb(&mut size, src.len() as u64);
            let (size_dst, body_dst) = dst.split_at_mut(size.len());
            init_from(size_dst, &size);
            let body_dst = init_from(body_dst, src);
            if let (OutFunc::Object(file, i), None) = (f, synth) {
                let o = &r.objects[file.idx()];
                let range = o.bodies[*i as usize].clone();
                let relocs = in_range(&o.code_relocs, range.clone());
                apply(r, l, *file, relocs, &Place { section_offset: range.start, address: None }, body_dst)?;
            }
            Ok(())
        })?;
    // SAFETY: every slice was initialized by `init_from` (size, then body:
    // `split_at_mut` at the size's length, and each slice is exactly size
    // plus body long), and the slices cover `head..total`.
    unsafe { out.set_len(total) };
    Ok((out, offsets))
}

/// Bytes of the unsigned LEB128 encoding of `v`.
fn uleb_len(v: u64) -> usize {
    (64 - (v | 1).leading_zeros() as usize).div_ceil(7)
}

/// Copies `src` into the uninitialized `dst` (same length) and returns it initialized.
pub(crate) fn init_from<'d>(dst: &'d mut [std::mem::MaybeUninit<u8>], src: &[u8]) -> &'d mut [u8] {
    assert_eq!(dst.len(), src.len(), "slice and source differ in length");
    // SAFETY: same length, distinct allocations; after the copy every byte of
    // `dst` is initialized, and `MaybeUninit<u8>` has the layout of `u8`.
    unsafe {
        std::ptr::copy_nonoverlapping(src.as_ptr(), dst.as_mut_ptr().cast::<u8>(), src.len());
        &mut *(dst as *mut [std::mem::MaybeUninit<u8>] as *mut [u8])
    }
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
