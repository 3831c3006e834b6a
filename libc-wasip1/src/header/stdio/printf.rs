//! The printf engine: parses a format, fetches arguments from a [`VaList`]
//! (sequentially, or all positionally with `%n$`), and writes to a [`Sink`].

use super::printf_float;
use crate::header::ext::{errno, get_errno, set_errno};
use crate::header::mem::strlen;
use crate::varargs::VaList;
use core::ffi::c_int;

/// Where formatted output goes.
pub trait Sink {
    /// Emits bytes.
    unsafe fn put(&mut self, b: &[u8]);
    /// Emits bytes that musl would have written as separate pieces
    /// starting at the offsets `starts` (ascending, the first is 0): a
    /// stream sink that cannot take them all into its buffer replays them
    /// one by one, so its buffer is written out at the same byte as musl's.
    unsafe fn put_pieces(&mut self, b: &[u8], _starts: &[u16]) {
        self.put(b)
    }
    /// Whether [`Sink::put_pieces`] uses the piece starts (only streams
    /// do; for the others recording them would be wasted work).
    fn wants_pieces(&self) -> bool {
        false
    }
}

const MINUS: u32 = 1;
const PLUS: u32 = 2;
const SPACE: u32 = 4;
const ALT: u32 = 8;
const ZERO: u32 = 16;

/// Length modifiers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Len {
    None,
    HH,
    H,
    L,
    LL,
    J,
    Z,
    T,
    BigL,
}

/// How an argument is passed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Unused,
    I32,
    I64,
    F64,
    F128,
}

/// A fetched argument.
#[derive(Clone, Copy)]
enum Arg {
    I(i64),
    F(f64),
    Q(u64, u64),
}

/// `NL_ARGMAX`.
const MAX_POS: usize = 9;

/// The argument source: sequential, or the positional table (one per
/// call, on the stack, so the size difference does not matter).
#[allow(clippy::large_enum_variant)]
enum Args {
    Seq(VaList),
    Pos([Arg; MAX_POS + 1]),
}

impl Args {
    unsafe fn get(&mut self, class: Class, pos: usize) -> Arg {
        match self {
            Args::Seq(ap) => match class {
                Class::I64 => Arg::I(ap.arg_i64()),
                Class::F64 => Arg::F(ap.arg_f64()),
                Class::F128 => {
                    let (lo, hi) = ap.arg_long_double();
                    Arg::Q(lo, hi)
                }
                _ => Arg::I(ap.arg_i32() as i64),
            },
            Args::Pos(t) => t[pos.min(MAX_POS)],
        }
    }
}

/// A parsed conversion specification.
#[derive(Clone, Copy)]
struct Spec {
    flags: u32,
    width: Option<Num>,
    prec: Option<Num>,
    len: Len,
    conv: u8,
    /// Argument position (1-based) or 0 for sequential.
    pos: usize,
}

/// A width or precision: literal, `*` (sequential), or `*m$`.
#[derive(Clone, Copy)]
enum Num {
    Lit(usize),
    Star(usize),
}

unsafe fn parse_num(p: &mut *const u8) -> usize {
    let mut n: usize = 0;
    while (**p).is_ascii_digit() {
        n = n.saturating_mul(10).saturating_add((**p - b'0') as usize);
        *p = p.add(1);
    }
    n
}

/// Parses `n$` at `p` if present.
unsafe fn parse_pos(p: &mut *const u8) -> usize {
    let mut q = *p;
    if !(*q).is_ascii_digit() {
        return 0;
    }
    let n = parse_num(&mut q);
    if *q == b'$' {
        *p = q.add(1);
        n
    } else {
        0
    }
}

/// Parses one specification after `%`; `None` if malformed.
unsafe fn parse_spec(p: &mut *const u8) -> Option<Spec> {
    let pos = parse_pos(p);
    let mut flags = 0;
    loop {
        flags |= match **p {
            b'-' => MINUS,
            b'+' => PLUS,
            b' ' => SPACE,
            b'#' => ALT,
            b'0' => ZERO,
            b'\'' => 0,
            _ => break,
        };
        *p = p.add(1);
    }
    let mut width = None;
    if **p == b'*' {
        *p = p.add(1);
        width = Some(Num::Star(parse_pos(p)));
    } else if (**p).is_ascii_digit() {
        width = Some(Num::Lit(parse_num(p)));
    }
    let mut prec = None;
    if **p == b'.' {
        *p = p.add(1);
        if **p == b'*' {
            *p = p.add(1);
            prec = Some(Num::Star(parse_pos(p)));
        } else {
            prec = Some(Num::Lit(parse_num(p)));
        }
    }
    let mut len = Len::None;
    loop {
        let c = **p;
        let next = match (len, c) {
            (Len::None, b'h') => Len::H,
            (Len::H, b'h') => Len::HH,
            (Len::None, b'l') => Len::L,
            (Len::L, b'l') => Len::LL,
            (Len::None, b'j') => Len::J,
            (Len::None, b'z') => Len::Z,
            (Len::None, b't') => Len::T,
            (Len::None, b'L') => Len::BigL,
            _ => break,
        };
        len = next;
        *p = p.add(1);
    }
    let conv = **p;
    if conv == 0 {
        return None;
    }
    *p = p.add(1);
    Some(Spec { flags, width, prec, len, conv, pos })
}

/// The argument class a conversion consumes; `None` if the conversion is
/// invalid with that length modifier (musl's state table: `h`/`hh`/`ll`/
/// `j`/`z`/`t` only for integers and `%n`, `l` also for `%c %s` and
/// floats, `L` only for floats and `%n`, `%p %m %C %S` bare).
#[inline(always)]
fn conv_class(conv: u8, len: Len) -> Option<Class> {
    let bare = len == Len::None;
    Some(match conv {
        b'd' | b'i' | b'u' | b'o' | b'x' | b'X' => match len {
            Len::BigL => return None,
            Len::LL | Len::J => Class::I64,
            _ => Class::I32,
        },
        b'n' => Class::I32,
        b'c' | b's' if bare || len == Len::L => Class::I32,
        b'p' | b'C' | b'S' if bare => Class::I32,
        b'e' | b'E' | b'f' | b'F' | b'g' | b'G' | b'a' | b'A' => match len {
            Len::BigL => Class::F128,
            Len::None | Len::L => Class::F64,
            _ => return None,
        },
        b'm' if bare => Class::Unused,
        _ => return None,
    })
}

/// Collects positional arguments; `None` if the format is inconsistent.
#[inline(never)]
unsafe fn collect_positional(fmt: *const u8, mut ap: VaList) -> Option<[Arg; MAX_POS + 1]> {
    let mut classes = [Class::Unused; MAX_POS + 1];
    let mut p = fmt;
    let mut set = |n: usize, c: Class| -> Option<()> {
        if n == 0 || n > MAX_POS {
            return None;
        }
        classes[n] = c;
        Some(())
    };
    while *p != 0 {
        if *p != b'%' {
            p = p.add(1);
            continue;
        }
        p = p.add(1);
        if *p == b'%' {
            p = p.add(1);
            continue;
        }
        let s = parse_spec(&mut p)?;
        if let Some(Num::Star(n)) = s.width {
            set(n, Class::I32)?;
        }
        if let Some(Num::Star(n)) = s.prec {
            set(n, Class::I32)?;
        }
        let c = conv_class(s.conv, s.len)?;
        if c != Class::Unused {
            set(s.pos, c)?;
        }
    }
    let mut args = [Arg::I(0); MAX_POS + 1];
    let mut last = 0;
    for (i, c) in classes.iter().enumerate().skip(1) {
        if *c != Class::Unused {
            last = i;
        }
    }
    for i in 1..=last {
        args[i] = match classes[i] {
            Class::Unused => return None,
            Class::I32 => Arg::I(ap.arg_i32() as i64),
            Class::I64 => Arg::I(ap.arg_i64()),
            Class::F64 => Arg::F(ap.arg_f64()),
            Class::F128 => {
                let (lo, hi) = ap.arg_long_double();
                Arg::Q(lo, hi)
            }
        };
    }
    Some(args)
}

/// The first conversions of a format as [`check_format`] parsed them (with
/// where each ends), so that the conversion loop does not parse them again.
struct SpecCache {
    specs: [core::mem::MaybeUninit<(Spec, *const u8)>; CACHED_SPECS],
    len: usize,
}

const CACHED_SPECS: usize = 8;

impl SpecCache {
    fn new() -> Self {
        SpecCache { specs: [core::mem::MaybeUninit::uninit(); CACHED_SPECS], len: 0 }
    }
    /// The `k`-th conversion, if cached.
    fn get(&self, k: usize) -> Option<(Spec, *const u8)> {
        if k < self.len {
            // SAFETY: the first `len` entries were written by `check_format`.
            Some(unsafe { self.specs[k].assume_init() })
        } else {
            None
        }
    }
}

/// Checks that every conversion in `fmt` is well formed (musl checks the
/// whole format before producing any output): `None` if one is not, else
/// whether the first conversion is positional (`%n$`). The first
/// conversions are kept in `cache`.
unsafe fn check_format(fmt: *const u8, cache: &mut SpecCache) -> Option<bool> {
    let mut p = fmt;
    let mut positional = None;
    loop {
        p = skip_literal(p);
        if *p == 0 {
            return Some(positional.unwrap_or(false));
        }
        p = p.add(1);
        if *p == b'%' {
            p = p.add(1);
            continue;
        }
        let s = parse_spec(&mut p)?;
        conv_class(s.conv, s.len)?;
        positional.get_or_insert(s.pos != 0);
        if cache.len < CACHED_SPECS {
            cache.specs[cache.len] = core::mem::MaybeUninit::new((s, p));
            cache.len += 1;
        }
    }
}

/// The first `%` or NUL at or after `p` (eight bytes at a time once
/// aligned: aligned reads never go past the end of memory).
#[inline(always)]
unsafe fn skip_literal(mut p: *const u8) -> *const u8 {
    const ONES: u64 = u64::MAX / 255;
    const HIGHS: u64 = ONES * 128;
    while (p as usize) & 7 != 0 {
        if *p == 0 || *p == b'%' {
            return p;
        }
        p = p.add(1);
    }
    loop {
        let w = *(p as *const u64);
        let pc = w ^ (ONES * b'%' as u64);
        if (w.wrapping_sub(ONES) & !w | pc.wrapping_sub(ONES) & !pc) & HIGHS != 0 {
            break;
        }
        p = p.add(8);
    }
    while *p != 0 && *p != b'%' {
        p = p.add(1);
    }
    p
}

/// Output with a running count (of bytes, or of characters for the wide
/// printf family). Bytes are staged in a small buffer and handed to the
/// sink in chunks (one call per printf in the common case): the sinks'
/// per-call cost dominated short conversions.
struct Out<'a> {
    sink: &'a mut dyn Sink,
    count: usize,
    wide: bool,
    len: usize,
    buf: [core::mem::MaybeUninit<u8>; STAGE],
    /// Where each staged piece (one musl `out()` call) starts, recorded
    /// only if `track` (the sink wants them).
    starts: [u16; PIECES],
    pieces: usize,
    track: bool,
}

/// Size of [`Out`]'s staging buffer.
const STAGE: usize = 256;
/// Pieces recorded per stage (the stage is handed on when they run out).
const PIECES: usize = 48;

impl Out<'_> {
    /// Length of `b` in output units: bytes, or characters in wide mode.
    fn units(&self, b: &[u8]) -> usize {
        if self.wide && crate::header::locale::ctype_utf8() {
            b.iter().filter(|c| (**c & 0xc0) != 0x80).count()
        } else {
            b.len()
        }
    }
    /// Appends `b` (the common case inline: bytes that fit the stage).
    #[inline(always)]
    unsafe fn put(&mut self, b: &[u8]) {
        if self.wide || b.len() > STAGE - self.len || (self.track && self.pieces == PIECES) {
            return self.put_slow(b);
        }
        if b.is_empty() {
            return;
        }
        if self.track {
            self.starts[self.pieces] = self.len as u16;
            self.pieces += 1;
        }
        let dst = (self.buf.as_mut_ptr() as *mut u8).add(self.len);
        if b.len() <= 8 {
            for (i, &c) in b.iter().enumerate() {
                *dst.add(i) = c;
            }
        } else {
            core::ptr::copy_nonoverlapping(b.as_ptr(), dst, b.len());
        }
        self.len += b.len();
        self.count += b.len();
    }
    /// Appends `b` to the piece being staged (a new piece if `first`).
    unsafe fn put_joined(&mut self, b: &[u8], first: bool) {
        let pieces = self.pieces;
        self.put(b);
        if !first && self.pieces == pieces + 1 && pieces > 0 {
            self.pieces = pieces;
        }
    }
    /// `put` for wide mode and for bytes that do not fit the stage.
    #[inline(never)]
    unsafe fn put_slow(&mut self, b: &[u8]) {
        if b.is_empty() {
            return;
        }
        self.count += self.units(b);
        if b.len() > STAGE - self.len || self.pieces == PIECES {
            self.flush();
            if b.len() > STAGE {
                self.sink.put(b);
                return;
            }
        }
        if self.track {
            self.starts[self.pieces] = self.len as u16;
            self.pieces += 1;
        }
        core::ptr::copy_nonoverlapping(b.as_ptr(), (self.buf.as_mut_ptr() as *mut u8).add(self.len), b.len());
        self.len += b.len();
    }
    /// Hands the staged bytes to the sink.
    unsafe fn flush(&mut self) {
        if self.len > 0 {
            let (n, pieces) = (self.len, self.pieces);
            self.len = 0;
            self.pieces = 0;
            // SAFETY: the first `n` bytes were written by put/pad.
            let bytes = core::slice::from_raw_parts(self.buf.as_ptr() as *const u8, n);
            self.sink.put_pieces(bytes, &self.starts[..pieces]);
        }
    }
    #[inline(never)]
    unsafe fn pad(&mut self, c: u8, n: usize) {
        // musl pads with pieces of at most 256 bytes.
        let mut n = n;
        while n > 0 {
            let piece = n.min(256);
            if self.len + piece > STAGE || (self.track && self.pieces == PIECES) {
                self.flush();
            }
            if self.track {
                self.starts[self.pieces] = self.len as u16;
                self.pieces += 1;
            }
            let k = piece;
            core::ptr::write_bytes((self.buf.as_mut_ptr() as *mut u8).add(self.len), c, k);
            self.len += k;
            // Pad bytes are ASCII: one unit each in either mode.
            self.count += k;
            n -= k;
        }
    }
}

/// Writes `prefix`, `zeros` zeros and `body`, justified in `width`.
unsafe fn emit(out: &mut Out, flags: u32, width: usize, prefix: &[u8], zeros: usize, body: &[u8]) {
    let total = prefix.len() + zeros + if out.wide { out.units(body) } else { body.len() };
    if total >= width && zeros == 0 {
        out.put(prefix);
        out.put(body);
        return;
    }
    let fill = width.saturating_sub(total);
    if flags & MINUS == 0 && flags & ZERO == 0 {
        out.pad(b' ', fill);
    }
    out.put(prefix);
    if flags & MINUS == 0 && flags & ZERO != 0 {
        out.pad(b'0', fill);
    }
    out.pad(b'0', zeros);
    out.put(body);
    if flags & MINUS != 0 {
        out.pad(b' ', fill);
    }
}

/// Writes `-` (if `neg`) and the digits of `v` (decimal, or hexadecimal
/// with the `hex` digits), right-justified in `width`.
#[inline(always)]
unsafe fn put_number(out: &mut Out, width: usize, neg: bool, mut v: u32, hex: Option<&[u8; 16]>) {
    let mut buf = [core::mem::MaybeUninit::<u8>::uninit(); 11];
    let b = buf.as_mut_ptr() as *mut u8;
    let mut i = 11;
    if let Some(digits) = hex {
        loop {
            i -= 1;
            *b.add(i) = digits[(v & 15) as usize];
            v >>= 4;
            if v == 0 {
                break;
            }
        }
    } else {
        while v >= 100 {
            let r = (v % 100) as usize * 2;
            v /= 100;
            i -= 2;
            *b.add(i) = printf_float::PAIRS[r];
            *b.add(i + 1) = printf_float::PAIRS[r + 1];
        }
        if v >= 10 {
            i -= 2;
            *b.add(i) = printf_float::PAIRS[v as usize * 2];
            *b.add(i + 1) = printf_float::PAIRS[v as usize * 2 + 1];
        } else {
            i -= 1;
            *b.add(i) = b'0' + v as u8;
        }
    }
    let len = 11 - i + neg as usize;
    if width > len {
        out.pad(b' ', width - len);
    }
    // The sign is its own piece, as musl's prefix.
    if neg {
        out.put(b"-");
    }
    out.put(core::slice::from_raw_parts(b.add(i), 11 - i));
}

/// Formats an integer conversion.
unsafe fn fmt_int(out: &mut Out, s: &Spec, mut flags: u32, width: usize, prec: Option<usize>, raw: i64) {
    let signed = s.conv == b'd' || s.conv == b'i';
    let (neg, mag): (bool, u64) = if signed {
        let v = match s.len {
            Len::HH => raw as i8 as i64,
            Len::H => raw as i16 as i64,
            Len::LL | Len::J | Len::BigL => raw,
            _ => raw as i32 as i64,
        };
        (v < 0, v.unsigned_abs())
    } else {
        let v = match s.len {
            Len::HH => raw as u8 as u64,
            Len::H => raw as u16 as u64,
            Len::LL | Len::J | Len::BigL => raw as u64,
            _ => raw as u32 as u64,
        };
        (false, v)
    };
    let mut buf = [0u8; 24];
    let mut i = buf.len();
    let (base, digits): (u64, &[u8; 16]) = match s.conv {
        b'o' => (8, b"0123456789abcdef"),
        b'x' | b'p' => (16, b"0123456789abcdef"),
        b'X' => (16, b"0123456789ABCDEF"),
        _ => (10, b"0123456789abcdef"),
    };
    // Constant divisors (no 64-bit division by a variable), and 32-bit
    // arithmetic once the value fits.
    let mut v = mag;
    match base {
        10 => {
            while v > u32::MAX as u64 {
                i -= 1;
                buf[i] = b'0' + (v % 10) as u8;
                v /= 10;
            }
            let mut w = v as u32;
            while w != 0 {
                i -= 1;
                buf[i] = b'0' + (w % 10) as u8;
                w /= 10;
            }
        }
        16 => {
            while v != 0 {
                i -= 1;
                buf[i] = digits[(v & 15) as usize];
                v >>= 4;
            }
        }
        _ => {
            while v != 0 {
                i -= 1;
                buf[i] = b'0' + (v & 7) as u8;
                v >>= 3;
            }
        }
    }
    let mut prefix: &[u8] = b"";
    if signed {
        if neg {
            prefix = b"-";
        } else if flags & PLUS != 0 {
            prefix = b"+";
        } else if flags & SPACE != 0 {
            prefix = b" ";
        }
    }
    if flags & ALT != 0 && mag != 0 {
        match s.conv {
            b'x' | b'p' => prefix = b"0x",
            b'X' => prefix = b"0X",
            _ => {}
        }
    }
    let ndig = buf.len() - i;
    let mut zeros = 0;
    if let Some(p) = prec {
        flags &= !ZERO;
        zeros = p.saturating_sub(ndig);
    } else if mag == 0 {
        zeros = 1;
    }
    if s.conv == b'o' && flags & ALT != 0 && zeros == 0 && (ndig == 0 || buf[i] != b'0') {
        zeros = 1;
    }
    emit(out, flags, width, prefix, zeros, &buf[i..]);
}

/// Formats `%ls`/`%lc`: the wide string converted to multibyte (precision
/// counts bytes; a character that would exceed it is dropped). Fails with
/// `EILSEQ` if a character cannot be converted in the current locale.
#[inline(never)]
unsafe fn fmt_wide(out: &mut Out, flags: u32, width: usize, prec: Option<usize>, ws: *const u32) -> Result<(), ()> {
    use crate::header::multibyte::wcrtomb;
    let limit = prec.unwrap_or(c_int::MAX as usize);
    let mut mb = [0u8; 4];
    let mut total = 0usize;
    let mut k = 0;
    while !ws.is_null() && *ws.add(k) != 0 {
        let l = wcrtomb(mb.as_mut_ptr() as *mut _, *ws.add(k), core::ptr::null_mut());
        if l == usize::MAX {
            return Err(());
        }
        // Precision and width count bytes, or characters in wide mode.
        let u = if out.wide { 1 } else { l };
        if total + u > limit {
            break;
        }
        total += u;
        k += 1;
    }
    let fill = width.saturating_sub(total);
    if flags & MINUS == 0 {
        out.pad(b' ', fill);
    }
    for j in 0..k {
        let l = wcrtomb(mb.as_mut_ptr() as *mut _, *ws.add(j), core::ptr::null_mut());
        out.put(&mb[..l]);
    }
    if flags & MINUS != 0 {
        out.pad(b' ', fill);
    }
    Ok(())
}

/// Bytes of the multibyte string `p` covering at most `chars` characters.
#[inline(never)]
unsafe fn mb_prefix_len(p: *const u8, chars: usize) -> usize {
    let mut i = 0;
    let mut k = 0;
    while k < chars && *p.add(i) != 0 {
        let mut wc = 0u32;
        let l = crate::header::multibyte::mbtowc(&mut wc, p.add(i) as *const _, 4);
        i += if l > 0 { l as usize } else { 1 };
        k += 1;
    }
    i
}

/// Formats a floating-point conversion.
#[inline(never)]
unsafe fn fmt_float(out: &mut Out, conv: u8, flags: u32, width: usize, prec: Option<usize>, x: f64) {
    let sign: &[u8] = if x.is_sign_negative() {
        b"-"
    } else if flags & PLUS != 0 {
        b"+"
    } else if flags & SPACE != 0 {
        b" "
    } else {
        b""
    };
    let left = flags & MINUS != 0;
    printf_float::format(out, x, conv, prec, flags & ALT != 0, sign, width, left, flags & ZERO != 0);
}

impl printf_float::Emit for Out<'_> {
    fn put(&mut self, b: &[u8]) {
        // SAFETY: `Out` is only alive inside `format_mode`, whose sink is
        // valid for the whole call.
        unsafe { Out::put(self, b) }
    }
    fn fill(&mut self, c: u8, n: usize) {
        // SAFETY: as `put`.
        unsafe { Out::pad(self, c, n) }
    }
    fn put_pieces(&mut self, b: &[u8], starts: &[u8]) {
        // The common case: the whole chunk fits the stage, copied at once,
        // its piece starts recorded shifted to where it lands.
        if !self.track {
            // SAFETY: as `put`.
            return unsafe { Out::put(self, b) };
        }
        if !self.wide && !b.is_empty() && b.len() <= STAGE - self.len && self.pieces + starts.len() + 1 <= PIECES {
            let base = self.len;
            if starts.first() != Some(&0) {
                self.starts[self.pieces] = base as u16;
                self.pieces += 1;
            }
            for &st in starts {
                self.starts[self.pieces] = (base + st as usize) as u16;
                self.pieces += 1;
            }
            // SAFETY: b.len() <= STAGE - len.
            unsafe {
                core::ptr::copy_nonoverlapping(b.as_ptr(), (self.buf.as_mut_ptr() as *mut u8).add(base), b.len());
            }
            self.len += b.len();
            self.count += b.len();
            return;
        }
        // Otherwise each piece is staged as its own.
        let mut from = 0;
        for &start in starts.iter().chain(core::iter::once(&(b.len() as u8))) {
            let to = (start as usize).min(b.len());
            if to > from {
                // SAFETY: as `put`.
                unsafe { Out::put(self, &b[from..to]) }
                from = to;
            }
        }
        if from < b.len() {
            // SAFETY: as `put`.
            unsafe { Out::put(self, &b[from..]) }
        }
    }
}

/// Formats a `long double` (binary128 `bits`) conversion exactly
/// (`header::ld128::print`); NaN and infinity as [`fmt_float`] prints them.
#[inline(never)]
unsafe fn fmt_long_double(out: &mut Out, conv: u8, mut flags: u32, width: usize, prec: Option<usize>, bits: u128) {
    if (bits >> 112) & 0x7fff == 0x7fff {
        let x = if bits & ((1u128 << 112) - 1) != 0 { f64::NAN } else { f64::INFINITY };
        fmt_float(out, conv, flags, width, prec, if bits >> 127 != 0 { -x } else { x });
        return;
    }
    let prefix: &[u8] = if bits >> 127 != 0 {
        b"-"
    } else if flags & PLUS != 0 {
        b"+"
    } else if flags & SPACE != 0 {
        b" "
    } else {
        b""
    };
    let body = crate::header::ld128::print::render(bits, conv, prec, flags & ALT != 0);
    if flags & MINUS != 0 {
        flags &= !ZERO;
    }
    let fill = width.saturating_sub(prefix.len() + body.len());
    if flags & MINUS == 0 && flags & ZERO == 0 {
        out.pad(b' ', fill);
    }
    out.put(prefix);
    // For %La the body's first piece is "0x": one piece with the sign (musl's
    // prefix), before any zero padding.
    let hex = conv | 32 == b'a';
    let mut first = true;
    body.write(&mut |piece: &[u8]| {
        if first && hex {
            out.put_joined(piece, prefix.is_empty());
            if flags & ZERO != 0 {
                out.pad(b'0', fill);
            }
        } else {
            if first && flags & ZERO != 0 {
                out.pad(b'0', fill);
            }
            out.put(piece);
        }
        first = false;
    });
    if flags & MINUS != 0 {
        out.pad(b' ', fill);
    }
}

/// Formats `fmt` with the arguments in `ap`; returns the number of bytes
/// produced, or -1 with `errno` set (`EINVAL` for a bad format,
/// `EOVERFLOW` if the count exceeds `INT_MAX`, `EILSEQ` for unencodable
/// wide characters).
pub unsafe fn format(sink: &mut dyn Sink, fmt: *const u8, ap: VaList) -> c_int {
    format_mode(sink, fmt, ap, false)
}

/// `format` for the wide printf family (`wide`): the format has already
/// been converted to multibyte; widths, precisions and the returned count
/// are in characters, `%c` takes a byte converted with `btowc`, and `%s`
/// precision counts characters.
pub unsafe fn format_mode(sink: &mut dyn Sink, fmt: *const u8, ap: VaList, wide: bool) -> c_int {
    // Positional mode if the first conversion uses `n$`.
    let mut cache = SpecCache::new();
    let Some(positional) = check_format(fmt, &mut cache) else {
        set_errno(errno::EINVAL);
        return -1;
    };
    let mut args = Args::Seq(ap);
    if positional {
        match collect_positional(fmt, ap) {
            Some(t) => args = Args::Pos(t),
            None => {
                set_errno(errno::EINVAL);
                return -1;
            }
        }
    }
    let mut out = Out {
        sink,
        count: 0,
        wide,
        len: 0,
        buf: [core::mem::MaybeUninit::uninit(); STAGE],
        starts: [0; PIECES],
        pieces: 0,
        track: false,
    };
    out.track = out.sink.wants_pieces();
    let r = convert_all(&mut out, fmt, &mut args, &cache);
    out.flush();
    r
}

/// The conversion loop of [`format_mode`] over a validated format.
unsafe fn convert_all(out: &mut Out, fmt: *const u8, args: &mut Args, cache: &SpecCache) -> c_int {
    let mut p = fmt;
    let mut k = 0;
    loop {
        // Literal text up to the next '%', and one '%' for each "%%" after
        // it: one piece, as musl writes it.
        let start = p;
        p = skip_literal(p);
        let mut percents = 0;
        while *p == b'%' && *p.add(1) == b'%' {
            percents += 1;
            p = p.add(2);
        }
        if p > start {
            let literal = p as usize - start as usize - 2 * percents;
            out.put(core::slice::from_raw_parts(start, literal));
            for i in 0..percents {
                out.put_joined(b"%", literal == 0 && i == 0);
            }
            if percents > 0 {
                continue;
            }
        }
        if *p == 0 {
            break;
        }
        p = p.add(1);
        let s = match cache.get(k) {
            Some((s, end)) => {
                p = end;
                s
            }
            None => {
                let Some(s) = parse_spec(&mut p) else {
                    set_errno(errno::EINVAL);
                    return -1;
                };
                s
            }
        };
        k += 1;
        // Plain %d %i %u %x %X %s (no flags, precision or size other than
        // `l`, at most a literal width): the common case, without the
        // general machinery.
        if s.flags == 0 && s.prec.is_none() && matches!(s.len, Len::None | Len::L) {
            if let (Args::Seq(ap), None | Some(Num::Lit(_))) = (&mut *args, s.width) {
                let width = match s.width {
                    Some(Num::Lit(n)) => n,
                    _ => 0,
                };
                match s.conv {
                    b'd' | b'i' => {
                        let v = ap.arg_i32();
                        put_number(out, width, v < 0, v.unsigned_abs(), None);
                        continue;
                    }
                    b'u' => {
                        put_number(out, width, false, ap.arg_i32() as u32, None);
                        continue;
                    }
                    b'x' => {
                        put_number(out, width, false, ap.arg_i32() as u32, Some(b"0123456789abcdef"));
                        continue;
                    }
                    b'X' => {
                        put_number(out, width, false, ap.arg_i32() as u32, Some(b"0123456789ABCDEF"));
                        continue;
                    }
                    b's' if s.len == Len::None && width == 0 => {
                        let v = ap.arg_i32() as u32 as usize as *const u8;
                        let ptr = if v.is_null() { c"(null)".as_ptr() as *const u8 } else { v };
                        out.put(core::slice::from_raw_parts(ptr, strlen(ptr)));
                        continue;
                    }
                    _ => {}
                }
            }
        }
        let mut flags = s.flags;
        let width = match s.width {
            None => 0,
            Some(Num::Lit(n)) => n,
            Some(Num::Star(n)) => {
                let Arg::I(w) = args.get(Class::I32, n) else { return -1 };
                let w = w as i32;
                if w < 0 {
                    flags |= MINUS;
                }
                w.unsigned_abs() as usize
            }
        };
        let prec = match s.prec {
            None => None,
            Some(Num::Lit(n)) => Some(n),
            Some(Num::Star(n)) => {
                let Arg::I(v) = args.get(Class::I32, n) else { return -1 };
                let v = v as i32;
                if v < 0 {
                    None
                } else {
                    Some(v as usize)
                }
            }
        };
        let Some(class) = conv_class(s.conv, s.len) else {
            set_errno(errno::EINVAL);
            return -1;
        };
        let arg = if class == Class::Unused { Arg::I(0) } else { args.get(class, s.pos) };
        let ival = match arg {
            Arg::I(v) => v,
            _ => 0,
        };
        match s.conv {
            b'd' | b'i' | b'u' | b'o' | b'x' | b'X' => fmt_int(out, &s, flags, width, prec, ival),
            b'p' => {
                let ps = Spec { flags, width: None, prec: None, len: Len::None, conv: b'p', pos: 0 };
                // With an explicit precision wasi-libc pads to 8 digits.
                let pr = prec.map(|p| p.max(8));
                fmt_int(out, &ps, flags | ALT, width, pr, ival as u32 as i64);
            }
            b'c' if s.len != Len::L && !out.wide => {
                emit(out, flags & !ZERO, width, b"", 0, &[ival as u8]);
            }
            b'c' if s.len != Len::L => {
                let wc = [crate::header::multibyte::btowc(ival as i32), 0];
                if fmt_wide(out, flags, width, None, wc.as_ptr()).is_err() {
                    return -1;
                }
            }
            b'c' | b'C' if ival as u32 == 0 => {
                // musl prints a wide NUL as the narrow %c does.
                emit(out, flags & !ZERO, width, b"", 0, &[0]);
            }
            b'c' | b'C' => {
                let wc = [ival as u32, 0];
                if fmt_wide(out, flags, width, None, wc.as_ptr()).is_err() {
                    return -1;
                }
            }
            b's' if s.len != Len::L => {
                let ptr = if ival == 0 { c"(null)".as_ptr() as *const u8 } else { ival as u32 as usize as *const u8 };
                let n = match prec {
                    Some(pr) if out.wide => mb_prefix_len(ptr, pr),
                    Some(pr) => crate::header::string::strnlen(ptr as *const _, pr),
                    None => strlen(ptr),
                };
                emit(out, flags & !ZERO, width, b"", 0, core::slice::from_raw_parts(ptr, n));
            }
            b's' | b'S' => {
                let ws = ival as u32 as usize as *const u32;
                if fmt_wide(out, flags, width, prec, ws).is_err() {
                    return -1;
                }
            }
            b'm' => {
                let m = crate::header::strerror::message(get_errno()).to_bytes();
                let n = prec.map_or(m.len(), |pr| pr.min(m.len()));
                emit(out, flags & !ZERO, width, b"", 0, &m[..n]);
            }
            b'n' => {
                let ptr = ival as u32 as usize;
                let c = out.count;
                match s.len {
                    Len::HH => *(ptr as *mut i8) = c as i8,
                    Len::H => *(ptr as *mut i16) = c as i16,
                    Len::LL | Len::J => *(ptr as *mut i64) = c as i64,
                    // musl stores nothing for %Ln.
                    Len::BigL => {}
                    _ => *(ptr as *mut i32) = c as i32,
                }
            }
            _ => match arg {
                Arg::F(x) => fmt_float(out, s.conv, flags, width, prec, x),
                Arg::Q(lo, hi) => fmt_long_double(out, s.conv, flags, width, prec, (hi as u128) << 64 | lo as u128),
                Arg::I(_) => fmt_float(out, s.conv, flags, width, prec, 0.0),
            },
        }
    }
    if out.count > c_int::MAX as usize {
        set_errno(errno::EOVERFLOW);
        return -1;
    }
    out.count as c_int
}
