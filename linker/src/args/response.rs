//! `@file` response files, expanded before the command line is parsed.

use crate::diag::{Error, Result};

/// Expands `@file` response files (whitespace separated, quotes honoured).
pub fn expand_response_files(args: &[String], depth: u32) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for a in args {
        if let Some(path) = a.strip_prefix('@') {
            if depth > 16 {
                return Err(Error::new(format!("{path}: response files nested too deeply")));
            }
            let text = std::fs::read_to_string(path)
                .map_err(|e| Error::file(path, format!("cannot read response file: {e}")))?;
            let words = split_response(&text);
            out.extend(expand_response_files(&words, depth + 1)?);
        } else {
            out.push(a.clone());
        }
    }
    Ok(out)
}

/// Splits response-file text into words, GNU style (quotes and backslashes).
fn split_response(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (_, '\\') => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
                in_word = true;
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => cur.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            (None, c) => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    words
}

