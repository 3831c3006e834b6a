//! The indirect function table: slot 0 is empty, then every function whose
//! address is taken, in the order the relocations are met.

use rustc_hash::FxHashMap as HashMap;

/// Table slots.
#[derive(Debug, Default)]
pub struct Table {
    /// Output function index of slots 1..; slot 0 is reserved (null).
    pub funcs: Vec<u32>,
    slot: HashMap<u32, u32>,
}

impl Table {
    /// The slot of output function `f`, allocated if new.
    pub fn slot(&mut self, f: u32) -> u32 {
        if let Some(s) = self.slot.get(&f) {
            return *s;
        }
        let s = self.funcs.len() as u32 + 1;
        self.funcs.push(f);
        self.slot.insert(f, s);
        s
    }

    /// The slot of output function `f`, if it has one.
    pub fn get(&self, f: u32) -> Option<u32> {
        self.slot.get(&f).copied()
    }

    /// Number of table elements (slot 0 included).
    pub fn size(&self) -> u32 {
        self.funcs.len() as u32 + 1
    }
}
