//! The input units (objects and archive members), parsed on the thread pool
//! while symbol resolution takes them in command-line order on the calling
//! thread: resolution of unit `i` only needs units `..=i`, so it overlaps
//! with the parsing of the rest instead of waiting for all of it.

use crate::diag::{Error, Result};
use crate::input::{self, LoadedFile, Unit};
use crate::object::{self, Object};
use crate::resolve::Resolver;
use rayon::prelude::*;

/// An input unit after the first pass: objects and archive members parsed
/// (members that fail to parse only scanned for the names they define).
enum Prepared<'a> {
    Object(Box<Object<'a>>),
    Lazy(String, &'a [u8], Vec<&'a str>),
    /// An archive member already parsed, loaded only if needed.
    LazyParsed(Box<Object<'a>>),
}

/// Parses one unit. Archive members are parsed speculatively (in
/// parallel: fetching members one at a time would parse them serially); a
/// member that does not parse stays lazy and is an error only if the link
/// needs it (as with wasm-ld).
fn prepare(u: Unit<'_>) -> Result<Prepared<'_>> {
    if u.lazy {
        match Object::parse(u.name.clone(), u.bytes) {
            Ok(o) => Ok(Prepared::LazyParsed(Box::new(o))),
            Err(_) => object::scan_defined(&u.name, u.bytes).map(|names| Prepared::Lazy(u.name, u.bytes, names)),
        }
    } else {
        Object::parse(u.name, u.bytes).map(|o| Prepared::Object(Box::new(o)))
    }
}

/// Hands one prepared unit to the resolver.
fn add<'a>(r: &mut Resolver<'a>, unit: Prepared<'a>) -> Result<()> {
    match unit {
        Prepared::Object(obj) => {
            let id = r.add_object(*obj);
            r.add_unit(id, false)
        }
        Prepared::LazyParsed(obj) => {
            let id = r.add_object(*obj);
            r.add_unit(id, true)
        }
        Prepared::Lazy(name, bytes, names) => {
            let id = r.add_lazy_member(name, bytes, names);
            r.add_unit(id, true)
        }
    }
}

/// Parses every unit of `files` (in parallel, on the pool) and adds them to
/// `r` in order as they become ready. The first error in unit order wins.
pub fn parse_and_add<'a>(files: &'a [LoadedFile], r: &mut Resolver<'a>) -> Result<()> {
    let mut units = Vec::new();
    for f in files {
        units.extend(input::units(f)?);
    }
    let n = units.len();
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Result<Prepared<'a>>)>();
    std::thread::scope(|s| {
        s.spawn(move || {
            // Lower indices first on each thread (rayon splits left to right).
            units.into_par_iter().enumerate().for_each_with(tx, |tx, (i, u)| {
                // The receiver is gone only after an error: nothing to do then.
                let _ = tx.send((i, prepare(u)));
            });
        });
        // Units that arrived ahead of their turn.
        let mut pending: Vec<Option<Result<Prepared<'a>>>> = (0..n).map(|_| None).collect();
        for i in 0..n {
            while pending[i].is_none() {
                let (j, p) = rx.recv().map_err(|_| Error::new("internal error: input parsing stopped early"))?;
                pending[j] = Some(p);
            }
            let Some(unit) = pending[i].take() else {
                return Err(Error::new("internal error: input unit missing"));
            };
            add(r, unit?)?;
        }
        Ok(())
    })
}
