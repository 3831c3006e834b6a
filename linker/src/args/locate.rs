//! Finds the words of the (expanded) command line an input or option came
//! from, for `--reproduce` (which swaps input paths for archived copies and
//! drops host-only options).
//!
//! clap's indices give the order of values but count `--opt=value` as two
//! units, so they are not word positions; instead the words are searched
//! forward, in command-line order, for the spelling that produced each
//! value. A match that cannot be found (not expected) yields an empty range,
//! which only means the word is copied unchanged into a reproduce response.

/// A forward-only search over the command-line words.
pub struct Locator<'a> {
    words: &'a [String],
    next: usize,
}

impl<'a> Locator<'a> {
    pub fn new(words: &'a [String]) -> Self {
        Locator { words, next: 0 }
    }

    /// A positional word equal to `value`: `(position, 1)`.
    pub fn word(&mut self, value: &str) -> (usize, usize) {
        self.find(|w, _| (w == value).then_some(1))
    }

    /// An option with `value`, spelt `-Xvalue`, `-X=value`, `-X value`,
    /// `--long=value`, `-long=value`, `--long value` or `-long value`.
    pub fn option(&mut self, shorts: &[char], longs: &[&str], value: &str) -> (usize, usize) {
        self.find(|w, next| {
            let spelt_alone = |flag: &str| w == flag && next == Some(value);
            for s in shorts {
                let flag = format!("-{s}");
                if spelt_alone(&flag) {
                    return Some(2);
                }
                if let Some(rest) = w.strip_prefix(flag.as_str()) {
                    if rest == value || rest.strip_prefix('=') == Some(value) {
                        return Some(1);
                    }
                }
            }
            for l in longs {
                for dashes in ["--", "-"] {
                    let flag = format!("{dashes}{l}");
                    if spelt_alone(&flag) {
                        return Some(2);
                    }
                    if w.strip_prefix(flag.as_str()).and_then(|r| r.strip_prefix('=')) == Some(value) {
                        return Some(1);
                    }
                }
            }
            None
        })
    }

    fn find(&mut self, matches: impl Fn(&str, Option<&str>) -> Option<usize>) -> (usize, usize) {
        for at in self.next..self.words.len() {
            let next = self.words.get(at + 1).map(String::as_str);
            if let Some(n) = matches(&self.words[at], next) {
                self.next = at + n;
                return (at, n);
            }
        }
        (usize::MAX, 0)
    }
}
