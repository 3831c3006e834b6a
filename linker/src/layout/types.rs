//! The output type section: function signatures, deduplicated.

use crate::object::FuncSig;
use rustc_hash::FxHashMap as HashMap;

/// Output type index space.
#[derive(Debug, Default)]
pub struct Types {
    pub list: Vec<FuncSig>,
    map: HashMap<FuncSig, u32>,
}

impl Types {
    /// The output index of `sig`, adding it if new.
    pub fn intern(&mut self, sig: &FuncSig) -> u32 {
        if let Some(i) = self.map.get(sig) {
            return *i;
        }
        let i = self.list.len() as u32;
        self.list.push(sig.clone());
        self.map.insert(sig.clone(), i);
        i
    }
}
