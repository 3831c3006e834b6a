//! Regex parsing: POSIX BRE/ERE syntax (with the common `\<`, `\>`, `\b`,
//! `\B`, `\w`, `\W`, `\s`, `\S`, `\d`, `\D` extensions) into a node arena.

use super::{REG_EXTENDED, REG_ICASE};
use crate::header::ext;
use core::ffi::{c_int, c_void};

pub(crate) const NONE: u32 = u32::MAX;
/// `max` of an unbounded repetition.
pub(crate) const INF: u32 = u32::MAX;
/// Largest count allowed in `{m,n}` (`RE_DUP_MAX`).
const DUP_MAX: u32 = 255;

const REG_ECTYPE: c_int = 4;
const REG_EESCAPE: c_int = 5;
const REG_EBRACK: c_int = 7;
const REG_EPAREN: c_int = 8;
const REG_BADBR: c_int = 10;
const REG_ERANGE: c_int = 11;
const REG_BADRPT: c_int = 13;

/// What a node matches.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Empty,
    /// One character (already case-folded with `REG_ICASE`).
    Char(u32),
    Any,
    /// A bracket expression: offset and length of its text (after `[`,
    /// including the closing `]`) in the program's pattern copy.
    Set(u32, u32),
    Bol,
    Eol,
    WordBoundary,
    NotWordBoundary,
    WordStart,
    WordEnd,
    /// A class escape: `w`, `W`, `s`, `S`, `d` or `D`.
    ClassEscape(u8),
    Group(u32),
    Concat,
    Alt,
    Repeat(u32, u32),
    Backref(u32),
}

/// An arena node: children are a linked list from `first` through `next`.
#[derive(Clone, Copy)]
pub(crate) struct Node {
    pub kind: Kind,
    pub first: u32,
    pub next: u32,
}

/// A compiled pattern.
pub(crate) struct Program {
    pub nodes: *mut Node,
    pub len: u32,
    pub cap: u32,
    pub root: u32,
    pub nsub: u32,
    pub cflags: c_int,
    /// A copy of the pattern text (bracket expressions refer into it).
    pub pat: *mut u8,
}

impl Program {
    pub(crate) fn node(&self, i: u32) -> &Node {
        // SAFETY: indices come from the parser and are < len.
        unsafe { &*self.nodes.add(i as usize) }
    }
}

/// Parser state.
struct Parser<'a> {
    p: &'a [u8],
    i: usize,
    prog: &'a mut Program,
    ere: bool,
    icase: bool,
    /// Groups opened so far.
    ngroups: u32,
    /// Groups closed so far (valid backreference targets).
    closed: u64,
    /// Current group nesting.
    depth: u32,
}

type Res<T> = Result<T, c_int>;

impl Parser<'_> {
    fn peek(&self) -> u8 {
        self.p.get(self.i).copied().unwrap_or(0)
    }
    fn peek2(&self) -> u8 {
        self.p.get(self.i + 1).copied().unwrap_or(0)
    }
    fn at_end(&self) -> bool {
        self.i >= self.p.len()
    }

    fn add(&mut self, kind: Kind) -> Res<u32> {
        if self.prog.len >= self.prog.cap {
            return Err(super::REG_ESPACE);
        }
        let i = self.prog.len;
        // SAFETY: i < cap, the arena's size.
        unsafe { *self.prog.nodes.add(i as usize) = Node { kind, first: NONE, next: NONE } };
        self.prog.len += 1;
        Ok(i)
    }

    fn node(&mut self, i: u32) -> &mut Node {
        // SAFETY: i < len.
        unsafe { &mut *self.prog.nodes.add(i as usize) }
    }

    /// Makes a list node of `kind` from the children chained from `first`.
    fn list(&mut self, kind: Kind, first: u32) -> Res<u32> {
        let n = self.add(kind)?;
        self.node(n).first = first;
        Ok(n)
    }

    /// Is the parser at the end of a branch (`|`, `)` or end of input)?
    fn at_branch_end(&self) -> bool {
        if self.at_end() {
            return true;
        }
        if self.ere {
            self.peek() == b'|' || (self.peek() == b')' && self.depth > 0)
        } else {
            self.peek() == b'\\' && matches!(self.peek2(), b')' | b'|')
        }
    }

    fn alternation(&mut self, depth: u32) -> Res<u32> {
        let first = self.branch(depth)?;
        let mut last = first;
        let mut count = 1;
        loop {
            let bar = if self.ere { self.peek() == b'|' } else { self.peek() == b'\\' && self.peek2() == b'|' };
            if !bar {
                break;
            }
            self.i += if self.ere { 1 } else { 2 };
            let b = self.branch(depth)?;
            self.node(last).next = b;
            last = b;
            count += 1;
        }
        if count == 1 {
            return Ok(first);
        }
        self.list(Kind::Alt, first)
    }

    fn branch(&mut self, depth: u32) -> Res<u32> {
        let mut first = NONE;
        let mut last = NONE;
        let start = self.i;
        while !self.at_branch_end() {
            let Some(atom) = self.piece(start, depth)? else { continue };
            if first == NONE {
                first = atom;
            } else {
                self.node(last).next = atom;
            }
            last = atom;
        }
        if first == NONE {
            return self.add(Kind::Empty);
        }
        if self.node(first).next == NONE {
            return Ok(first);
        }
        self.list(Kind::Concat, first)
    }

    /// Parses an atom and its repetition operators.
    fn piece(&mut self, branch_start: usize, depth: u32) -> Res<Option<u32>> {
        // In a BRE, '*' is literal at the start of a branch, even after '^'.
        let at_start = self.i == branch_start || (self.i == branch_start + 1 && self.p[branch_start] == b'^');
        let mut atom = match self.atom(at_start, depth)? {
            Some(a) => a,
            None => return Ok(None),
        };
        if !self.ere && self.node(atom).kind == Kind::Bol {
            // "^*" in a BRE: the star is a literal (next piece).
            return Ok(Some(atom));
        }
        loop {
            let c = self.peek();
            let (min, max) = if c == b'*' {
                self.i += 1;
                (0, INF)
            } else if self.ere && c == b'+' {
                self.i += 1;
                (1, INF)
            } else if self.ere && c == b'?' {
                self.i += 1;
                (0, 1)
            } else if (self.ere && c == b'{') || (!self.ere && c == b'\\' && self.peek2() == b'{') {
                self.i += if self.ere { 1 } else { 2 };
                self.interval()?
            } else {
                break;
            };
            if matches!(self.node(atom).kind, Kind::Bol | Kind::Eol) && self.ere {
                return Err(REG_BADRPT);
            }
            let r = self.add(Kind::Repeat(min, max))?;
            self.node(r).first = atom;
            atom = r;
        }
        Ok(Some(atom))
    }

    fn number(&mut self) -> Option<u32> {
        let mut v: u32 = 0;
        let mut any = false;
        while self.peek().is_ascii_digit() {
            v = v.saturating_mul(10).saturating_add((self.peek() - b'0') as u32);
            self.i += 1;
            any = true;
        }
        any.then_some(v)
    }

    /// Parses `m}`, `m,}` or `m,n}` (or the `\}` forms in a BRE).
    fn interval(&mut self) -> Res<(u32, u32)> {
        let min = self.number().ok_or(REG_BADBR)?;
        let mut max = min;
        if self.peek() == b',' {
            self.i += 1;
            max = self.number().unwrap_or(INF);
        }
        let close = if self.ere {
            if self.peek() != b'}' {
                return Err(REG_BADBR);
            }
            1
        } else {
            if self.peek() != b'\\' || self.peek2() != b'}' {
                return Err(REG_BADBR);
            }
            2
        };
        self.i += close;
        if min > DUP_MAX || (max != INF && (max > DUP_MAX || max < min)) {
            return Err(REG_BADBR);
        }
        Ok((min, max))
    }

    fn literal(&mut self, c: u32) -> Res<u32> {
        let c = if self.icase { crate::header::wctype::towlower(c) } else { c };
        self.add(Kind::Char(c))
    }

    /// Decodes one (possibly multibyte) literal character.
    fn take_char(&mut self) -> u32 {
        let s = &self.p[self.i..];
        if s[0] < 0x80 {
            self.i += 1;
            return s[0] as u32;
        }
        let mut wc = 0u32;
        // SAFETY: the pattern copy is NUL-terminated.
        let k = unsafe { crate::header::multibyte::mbtowc(&mut wc, s.as_ptr() as *const _, s.len().min(4)) };
        if k <= 0 {
            self.i += 1;
            0xdf00 | s[0] as u32
        } else {
            self.i += k as usize;
            wc
        }
    }

    fn atom(&mut self, at_start: bool, depth: u32) -> Res<Option<u32>> {
        let c = self.peek();
        match c {
            b'(' if self.ere => {
                self.i += 1;
                self.group(depth).map(Some)
            }
            b')' if self.ere => {
                // An unmatched ')' is an ordinary character.
                self.i += 1;
                self.literal(b')' as u32).map(Some)
            }
            b'*' if at_start && !self.ere => {
                self.i += 1;
                self.literal(b'*' as u32).map(Some)
            }
            b'*' | b'+' | b'?' if self.ere => Err(REG_BADRPT),
            b'{' if self.ere => Err(REG_BADRPT),
            b'.' => {
                self.i += 1;
                self.add(Kind::Any).map(Some)
            }
            b'[' => {
                self.i += 1;
                self.bracket().map(Some)
            }
            b'^' if self.ere || at_start => {
                self.i += 1;
                self.add(Kind::Bol).map(Some)
            }
            b'$' if self.ere || self.i + 1 == self.p.len() || (self.peek2() == b'\\' && matches!(self.p.get(self.i + 2), Some(b')') | Some(b'|'))) => {
                self.i += 1;
                self.add(Kind::Eol).map(Some)
            }
            b'\\' => self.escape(depth).map(Some),
            _ => {
                let ch = self.take_char();
                self.literal(ch).map(Some)
            }
        }
    }

    fn group(&mut self, depth: u32) -> Res<u32> {
        if depth > 200 {
            return Err(super::REG_ESPACE);
        }
        self.ngroups += 1;
        let idx = self.ngroups;
        self.depth += 1;
        let inner = self.alternation(depth + 1);
        self.depth -= 1;
        let inner = inner?;
        let closed = if self.ere {
            self.peek() == b')'
        } else {
            self.peek() == b'\\' && self.peek2() == b')'
        };
        if !closed {
            return Err(REG_EPAREN);
        }
        self.i += if self.ere { 1 } else { 2 };
        if idx < 64 {
            self.closed |= 1 << idx;
        }
        let g = self.add(Kind::Group(idx))?;
        self.node(g).first = inner;
        Ok(g)
    }

    fn escape(&mut self, depth: u32) -> Res<u32> {
        self.i += 1;
        if self.at_end() {
            return Err(REG_EESCAPE);
        }
        let c = self.peek();
        if !self.ere {
            match c {
                b'(' => {
                    self.i += 1;
                    return self.group(depth);
                }
                b')' => return Err(REG_EPAREN),
                b'{' => return Err(REG_BADRPT),
                _ => {}
            }
        }
        let kind = match c {
            b'1'..=b'9' => {
                // A reference to a group that does not exist compiles and
                // never matches (as in wasi-libc).
                Kind::Backref((c - b'0') as u32)
            }
            b'<' => Kind::WordStart,
            b'>' => Kind::WordEnd,
            b'b' => Kind::WordBoundary,
            b'B' => Kind::NotWordBoundary,
            b'w' | b'W' | b's' | b'S' | b'd' | b'D' => Kind::ClassEscape(c),
            _ => {
                let ch = self.take_char();
                return self.literal(ch);
            }
        };
        self.i += 1;
        self.add(kind)
    }

    /// Validates a bracket expression and records it as a `Set`.
    fn bracket(&mut self) -> Res<u32> {
        let start = self.i;
        if self.peek() == b'^' {
            self.i += 1;
        }
        if self.peek() == b']' {
            self.i += 1;
        }
        let mut prev: Option<u32> = None;
        loop {
            if self.at_end() {
                return Err(REG_EBRACK);
            }
            let c = self.peek();
            if c == b']' {
                self.i += 1;
                break;
            }
            if c == b'[' && matches!(self.peek2(), b':' | b'.' | b'=') {
                let z = self.peek2();
                let name_start = self.i + 2;
                let mut j = name_start;
                while j + 1 < self.p.len() && !(self.p[j] == z && self.p[j + 1] == b']') {
                    j += 1;
                }
                if j + 1 >= self.p.len() {
                    return Err(REG_EBRACK);
                }
                if z == b':' {
                    let mut name = [0u8; 16];
                    let n = (j - name_start).min(15);
                    name[..n].copy_from_slice(&self.p[name_start..name_start + n]);
                    // SAFETY: NUL-terminated name.
                    if unsafe { crate::header::wctype::wctype(name.as_ptr() as *const _) } == 0 {
                        return Err(REG_ECTYPE);
                    }
                    prev = None;
                } else {
                    prev = self.p.get(name_start).map(|b| *b as u32);
                }
                self.i = j + 2;
                continue;
            }
            if c == b'-' && prev.is_some() && self.peek2() != b']' && self.peek2() != 0 {
                self.i += 1;
                let hi = self.take_char();
                if hi < prev.unwrap_or(0) {
                    return Err(REG_ERANGE);
                }
                prev = None;
                continue;
            }
            prev = Some(self.take_char());
        }
        self.add(Kind::Set(start as u32, (self.i - start) as u32))
    }
}

/// Frees a program.
pub(crate) unsafe fn free_program(p: *mut Program) {
    ext::free((*p).nodes as *mut c_void);
    ext::free((*p).pat as *mut c_void);
    ext::free(p as *mut c_void);
}

/// Compiles `pattern` with `cflags`.
pub(crate) unsafe fn compile(pattern: *const u8, cflags: c_int) -> Result<*mut Program, c_int> {
    let n = crate::header::mem::strlen(pattern);
    let p = ext::calloc(1, core::mem::size_of::<Program>()) as *mut Program;
    let pat = ext::malloc(n + 1) as *mut u8;
    let cap = 2 * n as u32 + 8;
    let nodes = ext::malloc(cap as usize * core::mem::size_of::<Node>()) as *mut Node;
    if p.is_null() || pat.is_null() || nodes.is_null() {
        ext::free(p as *mut c_void);
        ext::free(pat as *mut c_void);
        ext::free(nodes as *mut c_void);
        return Err(super::REG_ESPACE);
    }
    core::ptr::copy_nonoverlapping(pattern, pat, n + 1);
    p.write(Program { nodes, len: 0, cap, root: NONE, nsub: 0, cflags, pat });
    let text = core::slice::from_raw_parts(pat, n);
    let mut parser = Parser {
        p: text,
        i: 0,
        prog: &mut *p,
        ere: cflags & REG_EXTENDED != 0,
        icase: cflags & REG_ICASE != 0,
        ngroups: 0,
        closed: 0,
        depth: 0,
    };
    let r = parser.alternation(0);
    let ngroups = parser.ngroups;
    let done = parser.at_end();
    match r {
        Ok(root) if done => {
            (*p).root = root;
            (*p).nsub = ngroups;
            Ok(p)
        }
        Ok(_) => {
            free_program(p);
            Err(REG_EPAREN)
        }
        Err(e) => {
            free_program(p);
            Err(e)
        }
    }
}
