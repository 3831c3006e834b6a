//! The scanf engine: reads from an [`Input`] according to a format and
//! stores through the pointers in a [`VaList`] (sequential or `%n$`).

use crate::header::ext;
use crate::header::stdlib::strtod::{scan_float, to_f128, to_f32, to_f64};
use crate::header::stdlib::strtol::{is_space, scan_int};
use crate::varargs::VaList;
use core::ffi::{c_int, c_void};

/// A byte source with one byte of push-back.
pub trait Input {
    /// The next byte, or -1 at end of input.
    unsafe fn getc(&mut self) -> c_int;
    /// Pushes back the byte just read (`-1` is ignored).
    unsafe fn ungetc(&mut self, c: c_int);
}

/// Input with a count of bytes consumed.
struct Src<'a> {
    inp: &'a mut dyn Input,
    count: usize,
}

impl Src<'_> {
    unsafe fn get(&mut self) -> c_int {
        let c = self.inp.getc();
        if c >= 0 {
            self.count += 1;
        }
        c
    }
    unsafe fn unget(&mut self, c: c_int) {
        if c >= 0 {
            self.count -= 1;
            self.inp.ungetc(c);
        }
    }
    unsafe fn peek(&mut self) -> c_int {
        let c = self.get();
        self.unget(c);
        c
    }
    unsafe fn skip_space(&mut self) {
        loop {
            let c = self.get();
            if c < 0 || !is_space(c as u8) {
                self.unget(c);
                return;
            }
        }
    }
}

/// Size classes for stores.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Size {
    HH,
    H,
    Def,
    L,
    LL,
    BigL,
}

/// Collected token text for numeric conversions.
struct Tok {
    b: [u8; 1024],
    n: usize,
    limit: usize,
}

impl Tok {
    fn new(width: usize) -> Tok {
        Tok { b: [0; 1024], n: 0, limit: width.min(1023) }
    }
    fn full(&self) -> bool {
        self.n >= self.limit
    }
    /// Takes the next byte if `ok` accepts it and there is width left.
    unsafe fn take(&mut self, src: &mut Src, ok: impl Fn(u8) -> bool) -> bool {
        if self.full() {
            return false;
        }
        let c = src.get();
        if c >= 0 && ok(c as u8) {
            self.b[self.n] = c as u8;
            self.n += 1;
            true
        } else {
            src.unget(c);
            false
        }
    }
    fn bytes(&self) -> &[u8] {
        &self.b[..self.n]
    }
}

/// Reads an integer token for `base` (0 = auto); returns the base used.
unsafe fn read_int(src: &mut Src, tok: &mut Tok, base: u32) -> u32 {
    tok.take(src, |c| c == b'+' || c == b'-');
    let mut base = base;
    if base == 0 || base == 16 {
        if tok.take(src, |c| c == b'0') {
            if tok.take(src, |c| c | 32 == b'x') {
                base = 16;
            } else if base == 0 {
                base = 8;
            }
        } else if base == 0 {
            base = 10;
        }
    }
    while tok.take(src, |c| crate::header::stdlib::strtol::digit_value(c) < base) {}
    base
}

/// Reads a floating-point token (the longest prefix that can still grow
/// into a number).
unsafe fn read_float(src: &mut Src, tok: &mut Tok) {
    tok.take(src, |c| c == b'+' || c == b'-');
    let word = |tok: &mut Tok, src: &mut Src, w: &[u8]| {
        let mut i = 0;
        while i < w.len() && tok.take(src, |c| c | 32 == w[i]) {
            i += 1;
        }
        i
    };
    match src.peek() {
        c if c >= 0 && (c as u8) | 32 == b'i' => {
            if word(tok, src, b"inf") == 3 {
                word(tok, src, b"inity");
            }
            return;
        }
        c if c >= 0 && (c as u8) | 32 == b'n' => {
            if word(tok, src, b"nan") == 3 && tok.take(src, |c| c == b'(') {
                while tok.take(src, |c| c.is_ascii_alphanumeric() || c == b'_') {}
                tok.take(src, |c| c == b')');
            }
            return;
        }
        _ => {}
    }
    let mut hex = false;
    if tok.take(src, |c| c == b'0') && tok.take(src, |c| c | 32 == b'x') {
        hex = true;
    }
    let digit = move |c: u8| if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() };
    let mut any = hex || tok.bytes().last() == Some(&b'0');
    while tok.take(src, digit) {
        any = true;
    }
    if tok.take(src, |c| c == b'.') {
        while tok.take(src, digit) {
            any = true;
        }
    }
    if !any {
        // No mantissa digits: an exponent letter is not part of a number.
        return;
    }
    let e = if hex { b'p' } else { b'e' };
    if tok.take(src, |c| c | 32 == e) {
        tok.take(src, |c| c == b'+' || c == b'-');
        while tok.take(src, |c| c.is_ascii_digit()) {}
    }
}

/// Stores an integer through `dest` at `size`.
unsafe fn store_int(dest: *mut c_void, size: Size, v: u64) {
    match size {
        Size::HH => *(dest as *mut u8) = v as u8,
        Size::H => *(dest as *mut u16) = v as u16,
        Size::Def | Size::L => *(dest as *mut u32) = v as u32,
        Size::LL | Size::BigL => *(dest as *mut u64) = v,
    }
}

/// A parsed scanset: 256 bits.
struct Set([u32; 8]);

impl Set {
    fn has(&self, c: u8) -> bool {
        self.0[(c >> 5) as usize] & (1 << (c & 31)) != 0
    }
    fn add(&mut self, c: u8) {
        self.0[(c >> 5) as usize] |= 1 << (c & 31);
    }
}

/// Parses `[...]` after the `[`; advances `p` past the `]`.
unsafe fn parse_set(p: &mut *const u8) -> Set {
    let mut set = Set([0; 8]);
    let invert = **p == b'^';
    if invert {
        *p = p.add(1);
    }
    let mut first = true;
    while **p != 0 && (first || **p != b']') {
        let c = **p;
        if c == b'-' && !first && *p.add(1) != b']' && *p.add(1) != 0 {
            let lo = *p.sub(1);
            let hi = *p.add(1);
            let mut x = lo;
            while x < hi {
                x += 1;
                set.add(x);
            }
            *p = p.add(2);
            first = false;
            continue;
        }
        set.add(c);
        *p = p.add(1);
        first = false;
    }
    if **p == b']' {
        *p = p.add(1);
    }
    if invert {
        for w in set.0.iter_mut() {
            *w = !*w;
        }
    }
    set
}

/// Text-conversion output: fixed destination or a growing `malloc` buffer
/// (`%m`), bytes or wide (`wchar_t`) units.
struct TextOut {
    dest: *mut u8,
    alloc: bool,
    wide: bool,
    cap: usize,
    n: usize,
    failed: bool,
}

impl TextOut {
    unsafe fn push(&mut self, c: u8) {
        let unit = if self.wide { 4 } else { 1 };
        if self.alloc {
            if (self.n + 2) * unit > self.cap {
                let cap = ((self.n + 2) * unit).max(self.cap * 2).max(32);
                let p = ext::realloc(self.dest as *mut c_void, cap) as *mut u8;
                if p.is_null() {
                    self.failed = true;
                    return;
                }
                self.dest = p;
                self.cap = cap;
            }
        } else if self.dest.is_null() {
            self.n += 1;
            return;
        }
        if self.wide {
            (self.dest as *mut u32).add(self.n).write_unaligned(c as u32);
        } else {
            *self.dest.add(self.n) = c;
        }
        self.n += 1;
    }
    unsafe fn terminate(&mut self) {
        let n = self.n;
        self.push(0);
        self.n = n;
    }
}

/// Runs the scanf engine. Returns the number of assignments, or -1 if input
/// ended before the first conversion.
pub unsafe fn scan(inp: &mut dyn Input, fmt: *const u8, ap: VaList) -> c_int {
    let mut src = Src { inp, count: 0 };
    let mut seq = ap;
    let mut matches: c_int = 0;
    let mut p = fmt;
    macro_rules! input_fail {
        () => {
            return if matches == 0 { -1 } else { matches }
        };
    }
    while *p != 0 {
        let fc = *p;
        if is_space(fc) {
            while is_space(*p) {
                p = p.add(1);
            }
            src.skip_space();
            continue;
        }
        if fc != b'%' || *p.add(1) == b'%' {
            if fc == b'%' {
                p = p.add(1);
                src.skip_space();
            }
            p = p.add(1);
            let c = src.get();
            if c != fc as c_int {
                src.unget(c);
                if c < 0 {
                    input_fail!();
                }
                return matches;
            }
            continue;
        }
        p = p.add(1);
        // Assignment target: `*` (none), `n$`, or the next argument.
        let mut suppress = false;
        let mut pos = 0usize;
        if *p == b'*' {
            suppress = true;
            p = p.add(1);
        } else if (*p).is_ascii_digit() && {
            let mut q = p;
            while (*q).is_ascii_digit() {
                q = q.add(1);
            }
            *q == b'$'
        } {
            while (*p).is_ascii_digit() {
                pos = pos * 10 + (*p - b'0') as usize;
                p = p.add(1);
            }
            p = p.add(1);
        }
        let mut width = 0usize;
        while (*p).is_ascii_digit() {
            width = width.saturating_mul(10).saturating_add((*p - b'0') as usize);
            p = p.add(1);
        }
        let alloc = *p == b'm';
        if alloc {
            p = p.add(1);
        }
        let mut size = Size::Def;
        loop {
            size = match (size, *p) {
                (Size::Def, b'h') => Size::H,
                (Size::H, b'h') => Size::HH,
                (Size::Def, b'l') => Size::L,
                (Size::L, b'l') => Size::LL,
                (Size::Def, b'j' | b'q') => Size::LL,
                (Size::Def, b'z' | b't') => Size::Def,
                (Size::Def, b'L') => Size::BigL,
                _ => break,
            };
            p = p.add(1);
        }
        let conv = *p;
        if conv == 0 {
            return matches;
        }
        p = p.add(1);
        let dest: *mut c_void = if suppress {
            core::ptr::null_mut()
        } else if pos > 0 {
            let mut a = ap;
            for _ in 1..pos {
                a.arg_i32();
            }
            a.arg_ptr()
        } else {
            seq.arg_ptr()
        };
        if conv == b'n' {
            if !dest.is_null() {
                store_int(dest, size, src.count as u64);
            }
            continue;
        }
        if conv != b'[' && conv != b'c' {
            src.skip_space();
        }
        if src.peek() < 0 {
            input_fail!();
        }
        match conv {
            b's' | b'c' | b'[' | b'S' | b'C' => {
                let wide = size == Size::L || conv == b'S' || conv == b'C';
                let set = if conv == b'[' { Some(parse_set(&mut p)) } else { None };
                let limit = if width == 0 {
                    if conv == b'c' || conv == b'C' {
                        1
                    } else {
                        usize::MAX
                    }
                } else {
                    width
                };
                let mut out = TextOut { dest: dest as *mut u8, alloc: alloc && !dest.is_null(), wide, cap: 0, n: 0, failed: false };
                if out.alloc {
                    out.dest = core::ptr::null_mut();
                }
                let mut got = 0usize;
                while got < limit {
                    let c = src.get();
                    if c < 0 {
                        break;
                    }
                    let b = c as u8;
                    let ok = match (&set, conv) {
                        (Some(s), _) => s.has(b),
                        (None, b'c' | b'C') => true,
                        _ => !is_space(b),
                    };
                    if !ok {
                        src.unget(c);
                        break;
                    }
                    out.push(b);
                    got += 1;
                }
                if got == 0 || ((conv == b'c' || conv == b'C') && got < limit) {
                    if alloc {
                        ext::free(out.dest as *mut c_void);
                    }
                    if src.peek() < 0 && got < limit && got == 0 {
                        input_fail!();
                    }
                    return matches;
                }
                if conv != b'c' && conv != b'C' {
                    out.terminate();
                }
                if out.failed {
                    return matches;
                }
                if alloc && !dest.is_null() {
                    *(dest as *mut *mut u8) = out.dest;
                }
            }
            b'd' | b'i' | b'u' | b'o' | b'x' | b'X' | b'p' => {
                let base = match conv {
                    b'd' | b'u' => 10,
                    b'i' => 0,
                    b'o' => 8,
                    _ => 16,
                };
                let mut tok = Tok::new(if width == 0 { usize::MAX } else { width });
                let used = read_int(&mut src, &mut tok, base);
                let b = tok.bytes();
                let digits = b.iter().any(|c| crate::header::stdlib::strtol::digit_value(*c) < used)
                    || b.contains(&b'0');
                // A "0x" prefix without a hex digit after it is a matching
                // failure (as in wasi-libc), not the number 0.
                if !digits || b.last().is_some_and(|c| *c | 32 == b'x') {
                    return matches;
                }
                let mut z = [0u8; 1025];
                z[..b.len()].copy_from_slice(b);
                let Some(r) = scan_int(z.as_ptr(), used as c_int) else { return matches };
                let v = if r.overflow {
                    u64::MAX
                } else if r.neg {
                    r.mag.wrapping_neg()
                } else {
                    r.mag
                };
                if !dest.is_null() {
                    store_int(dest, if conv == b'p' { Size::Def } else { size }, v);
                }
            }
            b'e' | b'E' | b'f' | b'F' | b'g' | b'G' | b'a' | b'A' => {
                let mut tok = Tok::new(if width == 0 { usize::MAX } else { width });
                read_float(&mut src, &mut tok);
                let b = tok.bytes();
                let r = scan_float(b);
                if r.len == 0 || r.len != b.len() {
                    return matches;
                }
                if !dest.is_null() {
                    match size {
                        Size::Def | Size::HH | Size::H => *(dest as *mut f32) = to_f32(b, &r),
                        Size::L | Size::LL => *(dest as *mut f64) = to_f64(b, &r),
                        Size::BigL => {
                            let bits = to_f128(b, &r);
                            (dest as *mut u64).write_unaligned(bits as u64);
                            (dest as *mut u64).add(1).write_unaligned((bits >> 64) as u64);
                        }
                    }
                }
            }
            _ => return matches,
        }
        if !dest.is_null() {
            matches += 1;
        }
    }
    matches
}
