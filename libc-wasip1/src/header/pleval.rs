//! `__pleval`: evaluates a gettext `Plural-Forms` expression (the part after
//! `plural=`, ending in `;`) for a count `n`, as musl's message catalogs do.
//!
//! The grammar is C's expression subset that gettext allows: `n`, decimal
//! constants, parentheses, `!`, the binary operators `* / %`, `+ -`,
//! `< > <= >=`, `== !=`, `&&`, `||` (in rising binding order from the
//! right), and `c ? a : b`, all on `unsigned long` (32 bits). White space
//! is ignored. A constant of `ULONG_MAX` or more is an error.
//! A malformed expression, a division by zero or nesting deeper than 100
//! gives `(unsigned long)-1`.

use core::ffi::{c_char, c_ulong};

/// Deepest nesting accepted (parentheses, `!`, `?:` and operator levels).
const MAX_DEPTH: u32 = 100;

/// Binary operators, longest spelling first so `<=` wins over `<`, with
/// their binding strength (higher binds tighter).
const OPERATORS: [(&[u8], u8); 13] = [
    (b"||", 1),
    (b"&&", 2),
    (b"==", 3),
    (b"!=", 3),
    (b">=", 4),
    (b"<=", 4),
    (b">", 4),
    (b"<", 4),
    (b"+", 5),
    (b"-", 5),
    (b"*", 6),
    (b"%", 6),
    (b"/", 6),
];

struct Parser<'a> {
    s: &'a [u8],
    at: usize,
    n: c_ulong,
}

impl Parser<'_> {
    fn peek(&mut self) -> u8 {
        while self.s.get(self.at).is_some_and(|c| c.is_ascii_whitespace()) {
            self.at += 1;
        }
        self.s.get(self.at).copied().unwrap_or(0)
    }

    /// `cond := binary [ '?' cond ':' cond ]`.
    fn conditional(&mut self, depth: u32) -> Option<c_ulong> {
        let depth = depth.checked_sub(1)?;
        let c = self.binary(1, depth)?;
        if self.peek() != b'?' {
            return Some(c);
        }
        self.at += 1;
        let yes = self.conditional(depth)?;
        if self.peek() != b':' {
            return None;
        }
        self.at += 1;
        let no = self.conditional(depth)?;
        Some(if c != 0 { yes } else { no })
    }

    /// Operators binding at least as tightly as `min`, left to right.
    fn binary(&mut self, min: u8, depth: u32) -> Option<c_ulong> {
        let depth = depth.checked_sub(1)?;
        let mut left = self.unary(depth)?;
        loop {
            self.peek();
            let rest = &self.s[self.at.min(self.s.len())..];
            let Some(&(op, strength)) = OPERATORS.iter().find(|(op, _)| rest.starts_with(op)) else {
                return Some(left);
            };
            if strength < min {
                return Some(left);
            }
            self.at += op.len();
            let right = self.binary(strength + 1, depth)?;
            left = apply(op, left, right)?;
        }
    }

    /// `unary := '!' unary | 'n' | number | '(' cond ')'`.
    fn unary(&mut self, depth: u32) -> Option<c_ulong> {
        let depth = depth.checked_sub(1)?;
        match self.peek() {
            b'!' => {
                self.at += 1;
                Some((self.unary(depth)? == 0) as c_ulong)
            }
            b'n' => {
                self.at += 1;
                Some(self.n)
            }
            b'(' => {
                self.at += 1;
                let v = self.conditional(depth)?;
                if self.peek() != b')' {
                    return None;
                }
                self.at += 1;
                Some(v)
            }
            c if c.is_ascii_digit() => {
                // As strtoul: saturates at ULONG_MAX, which is rejected
                // (so is an in-range ULONG_MAX: musl cannot tell them apart).
                let mut v: c_ulong = 0;
                while let Some(d) = self.s.get(self.at).filter(|c| c.is_ascii_digit()) {
                    v = v.saturating_mul(10).saturating_add((d - b'0') as c_ulong);
                    self.at += 1;
                }
                (v != c_ulong::MAX).then_some(v)
            }
            _ => None,
        }
    }
}

fn apply(op: &[u8], a: c_ulong, b: c_ulong) -> Option<c_ulong> {
    Some(match op {
        b"||" => (a != 0 || b != 0) as c_ulong,
        b"&&" => (a != 0 && b != 0) as c_ulong,
        b"==" => (a == b) as c_ulong,
        b"!=" => (a != b) as c_ulong,
        b">=" => (a >= b) as c_ulong,
        b"<=" => (a <= b) as c_ulong,
        b">" => (a > b) as c_ulong,
        b"<" => (a < b) as c_ulong,
        b"+" => a.wrapping_add(b),
        b"-" => a.wrapping_sub(b),
        b"*" => a.wrapping_mul(b),
        b"%" => a.checked_rem(b)?,
        _ => a.checked_div(b)?,
    })
}

/// musl's `__pleval(const char *expr, unsigned long n)`: the plural form
/// index for `n`, or `-1` if `expr` is not a valid expression ending in `;`.
#[no_mangle]
pub unsafe extern "C" fn __pleval(expr: *const c_char, n: c_ulong) -> c_ulong {
    if expr.is_null() {
        return c_ulong::MAX;
    }
    let s = core::ffi::CStr::from_ptr(expr).to_bytes();
    let mut p = Parser { s, at: 0, n };
    match p.conditional(MAX_DEPTH) {
        Some(v) if p.peek() == b';' => v,
        _ => c_ulong::MAX,
    }
}
