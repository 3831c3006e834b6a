//! The regex matcher: a backtracking search over the node arena with
//! explicit continuations, exploring every path from each start position to
//! find the longest match; among equally long ones the first path found
//! (alternatives in order, repetitions greedy) gives the subexpressions.

use super::parse::{Kind, Program, INF, NONE};
use super::{REG_ICASE, REG_NEWLINE, REG_NOTBOL, REG_NOTEOL};
use crate::header::wctype::{iswalnum, iswctype, iswdigit, iswspace, towlower, towupper, wctype};
use core::ffi::{c_char, c_int};

/// Give up after this many node visits for one `regexec` call.
const STEP_BUDGET: u64 = 20_000_000;

/// What to do after a node matched.
enum Cont<'a> {
    Done,
    /// Match the sibling list starting at this node, then the parent.
    Seq(u32, &'a Cont<'a>),
    /// Close capture group `n` opened at `start`.
    GroupEnd(u32, usize, &'a Cont<'a>),
    /// One iteration of `Repeat` node `node` ended; `count` iterations done
    /// so far (before this one), this one started at `start`.
    Repeat { node: u32, count: u32, start: usize, k: &'a Cont<'a> },
}

struct Ctx<'a> {
    prog: &'a Program,
    s: &'a [u8],
    eflags: c_int,
    caps: *mut isize,
    best: *mut isize,
    ncap: usize,
    best_end: isize,
    steps: u64,
}

impl Ctx<'_> {
    fn icase(&self) -> bool {
        self.prog.cflags & REG_ICASE != 0
    }
    fn newline(&self) -> bool {
        self.prog.cflags & REG_NEWLINE != 0
    }
    fn cap(&self, i: usize) -> isize {
        // SAFETY: i < 2 * ncap.
        unsafe { *self.caps.add(i) }
    }
    fn set_cap(&mut self, i: usize, v: isize) {
        // SAFETY: as above.
        unsafe { *self.caps.add(i) = v }
    }

    /// The character at `pos` and its length in bytes.
    fn char_at(&self, pos: usize) -> (u32, usize) {
        let b = self.s[pos];
        if b < 0x80 {
            return (b as u32, 1);
        }
        let mut wc = 0u32;
        // SAFETY: the subject is NUL-terminated beyond `s`.
        let k = unsafe {
            crate::header::multibyte::mbtowc(&mut wc, self.s[pos..].as_ptr() as *const c_char, (self.s.len() - pos).min(4))
        };
        if k <= 0 {
            (0xdf00 | b as u32, 1)
        } else {
            (wc, k as usize)
        }
    }

    fn is_word(&self, pos: usize) -> bool {
        pos < self.s.len() && {
            let c = self.char_at(pos).0;
            c == b'_' as u32 || iswalnum(c) != 0
        }
    }

    fn word_before(&self, pos: usize) -> bool {
        pos > 0 && {
            let b = self.s[pos - 1];
            b == b'_' || iswalnum(b as u32) != 0
        }
    }

    /// Records a complete match ending at `pos` if it is longer than the best.
    fn candidate(&mut self, pos: usize) {
        // The first path (in priority order) reaching the longest end wins,
        // as with wasi-libc's TRE.
        let better = (pos as isize) > self.best_end;
        if better {
            self.best_end = pos as isize;
            // SAFETY: both arrays hold 2 * ncap entries.
            unsafe { core::ptr::copy_nonoverlapping(self.caps, self.best, 2 * self.ncap) };
        }
    }

    fn cont(&mut self, pos: usize, k: &Cont) -> bool {
        match *k {
            Cont::Done => {
                self.candidate(pos);
                false
            }
            Cont::Seq(n, parent) => {
                if n == NONE {
                    self.cont(pos, parent)
                } else {
                    let next = self.prog.node(n).next;
                    self.run(n, pos, &Cont::Seq(next, parent))
                }
            }
            Cont::GroupEnd(g, start, parent) => {
                let (os, oe) = (self.cap(2 * g as usize), self.cap(2 * g as usize + 1));
                self.set_cap(2 * g as usize, start as isize);
                self.set_cap(2 * g as usize + 1, pos as isize);
                let r = self.cont(pos, parent);
                self.set_cap(2 * g as usize, os);
                self.set_cap(2 * g as usize + 1, oe);
                r
            }
            Cont::Repeat { node, count, start, k } => {
                let Kind::Repeat(min, max) = self.prog.node(node).kind else { return false };
                let c = count + 1;
                if pos == start && count >= 1 && count >= min {
                    // A further empty iteration adds nothing; the shorter
                    // path already covers it.
                    return false;
                }
                // Another iteration first (greedy), unless this one was empty.
                if pos != start && (max == INF || c < max) {
                    let child = self.prog.node(node).first;
                    if self.run(child, pos, &Cont::Repeat { node, count: c, start: pos, k }) {
                        return true;
                    }
                }
                if c >= min || pos == start {
                    return self.cont(pos, k);
                }
                false
            }
        }
    }

    fn class_escape(&self, e: u8, c: u32) -> bool {
        let r = match e | 32 {
            b'w' => c == b'_' as u32 || iswalnum(c) != 0,
            b's' => iswspace(c) != 0,
            _ => iswdigit(c) != 0,
        };
        r == e.is_ascii_lowercase()
    }

    /// Evaluates bracket text `set` (after `[`, up to and including `]`).
    fn in_set(&self, set: &[u8], c: u32) -> bool {
        let mut i = 0;
        let neg = set.first() == Some(&b'^');
        if neg {
            i += 1;
        }
        let icase = self.icase();
        let (k, kf) = if icase { (towlower(c), towupper(c)) } else { (c, c) };
        let mut hit = false;
        let mut first = true;
        let mut prev: Option<u32> = None;
        let dec = |j: usize| -> (u32, usize) {
            let b = set[j];
            if b < 0x80 {
                return (b as u32, 1);
            }
            let mut wc = 0u32;
            // SAFETY: the pattern copy is NUL-terminated.
            let n = unsafe { crate::header::multibyte::mbtowc(&mut wc, set[j..].as_ptr() as *const c_char, (set.len() - j).min(4)) };
            if n <= 0 {
                (0xdf00 | b as u32, 1)
            } else {
                (wc, n as usize)
            }
        };
        while i < set.len() {
            let b = set[i];
            if b == b']' && !first {
                break;
            }
            first = false;
            if b == b'[' && i + 1 < set.len() && matches!(set[i + 1], b':' | b'.' | b'=') {
                let z = set[i + 1];
                let mut j = i + 2;
                while j + 1 < set.len() && !(set[j] == z && set[j + 1] == b']') {
                    j += 1;
                }
                if z == b':' {
                    let mut name = [0u8; 16];
                    let n = (j - i - 2).min(15);
                    name[..n].copy_from_slice(&set[i + 2..i + 2 + n]);
                    // SAFETY: NUL-terminated name.
                    let t = unsafe { wctype(name.as_ptr() as *const c_char) };
                    if iswctype(c, t) != 0 || iswctype(k, t) != 0 || iswctype(kf, t) != 0 {
                        hit = true;
                    }
                    prev = None;
                } else {
                    let (v, _) = dec(i + 2);
                    if v == c || v == k || v == kf {
                        hit = true;
                    }
                    prev = Some(v);
                }
                i = j + 2;
                continue;
            }
            if b == b'-' && prev.is_some() && i + 1 < set.len() && set[i + 1] != b']' {
                let lo = prev.unwrap_or(0);
                let (hi, n) = dec(i + 1);
                if (lo..=hi).contains(&c) || (lo..=hi).contains(&k) || (lo..=hi).contains(&kf) {
                    hit = true;
                }
                i += 1 + n;
                prev = None;
                continue;
            }
            let (v, n) = dec(i);
            if v == c || v == k || v == kf {
                hit = true;
            }
            prev = Some(v);
            i += n;
        }
        hit != neg
    }

    /// Matches node `n` at `pos`, then `k`. Returns true to stop searching.
    fn run(&mut self, n: u32, pos: usize, k: &Cont) -> bool {
        self.steps += 1;
        if self.steps > STEP_BUDGET {
            return true;
        }
        let node = *self.prog.node(n);
        let len = self.s.len();
        match node.kind {
            Kind::Empty => self.cont(pos, k),
            Kind::Char(c) => {
                if pos >= len {
                    return false;
                }
                let (sc, l) = self.char_at(pos);
                let sc = if self.icase() { towlower(sc) } else { sc };
                sc == c && self.cont(pos + l, k)
            }
            Kind::Any => {
                if pos >= len {
                    return false;
                }
                let (sc, l) = self.char_at(pos);
                !(self.newline() && sc == b'\n' as u32) && self.cont(pos + l, k)
            }
            Kind::Set(off, slen) => {
                if pos >= len {
                    return false;
                }
                let (sc, l) = self.char_at(pos);
                // SAFETY: off/slen lie within the pattern copy.
                let set = unsafe { core::slice::from_raw_parts(self.prog.pat.add(off as usize), slen as usize) };
                let ok = self.in_set(set, sc) && !(self.newline() && sc == b'\n' as u32 && set.first() == Some(&b'^'));
                ok && self.cont(pos + l, k)
            }
            Kind::ClassEscape(e) => {
                if pos >= len {
                    return false;
                }
                let (sc, l) = self.char_at(pos);
                self.class_escape(e, sc) && self.cont(pos + l, k)
            }
            Kind::Bol => {
                let ok = (pos == 0 && self.eflags & REG_NOTBOL == 0) || (self.newline() && pos > 0 && self.s[pos - 1] == b'\n');
                ok && self.cont(pos, k)
            }
            Kind::Eol => {
                let ok = (pos == len && self.eflags & REG_NOTEOL == 0) || (self.newline() && pos < len && self.s[pos] == b'\n');
                ok && self.cont(pos, k)
            }
            Kind::WordBoundary | Kind::NotWordBoundary | Kind::WordStart | Kind::WordEnd => {
                let (b, a) = (self.word_before(pos), self.is_word(pos));
                let ok = match node.kind {
                    Kind::WordBoundary => b != a,
                    Kind::NotWordBoundary => b == a,
                    Kind::WordStart => !b && a,
                    _ => b && !a,
                };
                ok && self.cont(pos, k)
            }
            Kind::Group(g) => self.run(node.first, pos, &Cont::GroupEnd(g, pos, k)),
            Kind::Concat => {
                let next = self.prog.node(node.first).next;
                self.run(node.first, pos, &Cont::Seq(next, k))
            }
            Kind::Alt => {
                let mut c = node.first;
                while c != NONE {
                    if self.run(c, pos, k) {
                        return true;
                    }
                    c = self.prog.node(c).next;
                }
                false
            }
            Kind::Repeat(min, max) => {
                if max > 0 && self.run(node.first, pos, &Cont::Repeat { node: n, count: 0, start: pos, k }) {
                    return true;
                }
                min == 0 && self.cont(pos, k)
            }
            Kind::Backref(g) => {
                let (so, eo) = (self.cap(2 * g as usize), self.cap(2 * g as usize + 1));
                if so < 0 {
                    return false;
                }
                let l = (eo - so) as usize;
                if pos + l > len {
                    return false;
                }
                let icase = self.icase();
                let same = (0..l).all(|j| {
                    let (x, y) = (self.s[so as usize + j] as u32, self.s[pos + j] as u32);
                    x == y || (icase && towlower(x) == towlower(y))
                });
                same && self.cont(pos + l, k)
            }
        }
    }
}

/// Searches `s` for the leftmost-longest match. On success the best
/// captures are in `caps[2 * ncap..4 * ncap]` (unset groups are -1).
pub(crate) unsafe fn search(prog: &Program, s: *const u8, eflags: c_int, caps: *mut isize, ncap: usize) -> bool {
    let n = crate::header::mem::strlen(s);
    let subject = core::slice::from_raw_parts(s, n);
    let mut ctx = Ctx { prog, s: subject, eflags, caps, best: caps.add(2 * ncap), ncap, best_end: -1, steps: 0 };
    let mut start = 0;
    loop {
        for i in 0..4 * ncap {
            *caps.add(i) = -1;
        }
        ctx.best_end = -1;
        ctx.run(prog.root, start, &Cont::Done);
        if ctx.best_end >= 0 {
            *ctx.best = start as isize;
            *ctx.best.add(1) = ctx.best_end;
            return true;
        }
        if start >= n || ctx.steps > STEP_BUDGET {
            return false;
        }
        start += ctx.char_at(start).1;
    }
}
