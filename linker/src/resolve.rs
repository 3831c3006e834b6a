//! Symbol resolution: loading objects, lazy archive members, weak/strong,
//! COMDAT groups, and the final classification of undefined symbols.

use crate::args::{Config, Unresolved};
use crate::diag::{describe_symbol, Error, Result};
use crate::input::FileId;
use crate::object::{Object, SymKind};
use crate::symbols::{Def, SymbolId, SymbolTable, Synth, Undefined};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// How one object symbol resolves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymRef {
    /// A local symbol: itself.
    Local,
    /// A global symbol.
    Global(SymbolId),
}

/// An object being loaded: where its symbol walk stopped.
#[derive(Default)]
struct Frame {
    file: FileId,
    /// Next symbol index to process.
    next: usize,
    refs: Vec<SymRef>,
    /// Its functions and segments in losing COMDAT groups.
    discarded_funcs: HashSet<u32>,
    discarded_segs: HashSet<u32>,
}

/// The resolver's state; after `finish`, the result of resolution.
pub struct Resolver<'a> {
    pub objects: Vec<Object<'a>>,
    pub loaded: Vec<bool>,
    /// Loaded objects in load order (the output order).
    pub load_order: Vec<FileId>,
    pub symtab: SymbolTable<'a>,
    /// Per object, per symbol.
    pub refs: Vec<Vec<SymRef>>,
    /// Functions (object function index) and segments dropped with a losing COMDAT group.
    pub discarded_funcs: HashSet<(FileId, u32)>,
    pub discarded_segs: HashSet<(FileId, u32)>,
    comdats: HashMap<&'a str, FileId>,
    duplicates: Vec<String>,
    /// Archive members not parsed yet (parsed when first loaded).
    unparsed: Vec<bool>,
    /// Names a lazy member defines (from a quick scan of its symbol table).
    lazy_names: Vec<Vec<&'a str>>,
    /// `--wrap` renames: undefined `x` -> `__wrap_x`, undefined `__real_x` -> `x`.
    wrap_undef: HashMap<&'a str, &'a str>,
    trace: bool,
}

impl<'a> Resolver<'a> {
    pub fn new(objects: Vec<Object<'a>>, config: &'a Config) -> Self {
        let n = objects.len();
        let mut wrap_undef = HashMap::default();
        for w in &config.wrap {
            // Leaked: a handful of short strings that live as long as the link.
            let wrapped: &'a str = Box::leak(format!("__wrap_{w}").into_boxed_str());
            let real: &'a str = Box::leak(format!("__real_{w}").into_boxed_str());
            wrap_undef.insert(w.as_str(), wrapped);
            wrap_undef.insert(real, w.as_str());
        }
        Resolver {
            objects,
            loaded: vec![false; n],
            load_order: Vec::new(),
            symtab: SymbolTable::default(),
            refs: vec![Vec::new(); n],
            discarded_funcs: HashSet::default(),
            discarded_segs: HashSet::default(),
            comdats: HashMap::default(),
            duplicates: Vec::new(),
            unparsed: vec![false; n],
            lazy_names: vec![Vec::new(); n],
            wrap_undef,
            trace: config.trace,
        }
    }

    /// Adds an object to the link (parsed but not yet loaded); returns its id.
    pub fn add_object(&mut self, o: Object<'a>) -> FileId {
        self.objects.push(o);
        self.loaded.push(false);
        self.refs.push(Vec::new());
        self.unparsed.push(false);
        self.lazy_names.push(Vec::new());
        FileId(self.objects.len() as u32 - 1)
    }

    /// Adds an archive member known only by the names it defines; it is
    /// parsed if and when something needs it.
    pub fn add_lazy_member(&mut self, name: String, bytes: &'a [u8], defines: Vec<&'a str>) -> FileId {
        let id = self.add_object(Object { name, bytes, ..Default::default() });
        self.unparsed[id.idx()] = true;
        self.lazy_names[id.idx()] = defines;
        id
    }

    /// A strong reference from the command line (`-u`, `--export`, the
    /// entry). As wasm-ld, these are handled after all input files: an
    /// archive member defining the name is extracted then.
    pub fn add_root(&mut self, name: &'a str) -> Result<()> {
        let id = self.symtab.intern(name);
        self.symtab.sym_mut(id).strong_ref = true;
        match self.symtab.sym(id).lazy {
            Some(l) if self.symtab.sym(id).def.is_none() => self.load(l),
            _ => Ok(()),
        }
    }

    /// Processes one command-line unit: loads an object, or indexes an
    /// archive member (extracting it at once if it defines a name that is
    /// already strongly referenced, as wasm-ld).
    pub fn add_unit(&mut self, file: FileId, lazy: bool) -> Result<()> {
        if lazy {
            self.register_lazy(file)
        } else {
            self.load(file)
        }
    }

    fn register_lazy(&mut self, file: FileId) -> Result<()> {
        let names = std::mem::take(&mut self.lazy_names[file.idx()]);
        let names = if self.unparsed[file.idx()] {
            names
        } else {
            let o = &self.objects[file.idx()];
            o.symbols
                .iter()
                .filter(|s| !(s.is_local() || s.is_undefined() || s.kind == SymKind::Section))
                .map(|s| s.name)
                .collect()
        };
        for name in names {
            let id = self.symtab.intern(name);
            let g = self.symtab.sym_mut(id);
            if g.def.is_none() && g.lazy.is_none() {
                g.lazy = Some(file);
                if g.strong_ref {
                    // The rest of this member's names are then defined by loading it.
                    return self.load(file);
                }
            }
        }
        Ok(())
    }

    /// Loads `file` as wasm-ld does: its symbols in order, and an archive
    /// member that defines a strongly referenced undefined symbol is
    /// loaded right there, before the rest of the symbols (depth first).
    /// An object enters the load order (the output order) once its own
    /// symbols are done, after the members it pulled in, as wasm-ld's
    /// object list. Iterative (an explicit stack): member chains can be long.
    fn load(&mut self, file: FileId) -> Result<()> {
        if self.loaded[file.idx()] {
            return Ok(());
        }
        let mut stack = vec![self.begin_load(file)?];
        while let Some(frame) = stack.last_mut() {
            match self.step(frame) {
                Some(member) => {
                    let next = self.begin_load(member)?;
                    stack.push(next);
                }
                None => {
                    let done = stack.pop().expect("frame");
                    self.refs[done.file.idx()] = done.refs;
                    self.load_order.push(done.file);
                }
            }
        }
        Ok(())
    }

    /// Starts loading `file`: parses it if it was not yet, applies COMDAT groups.
    fn begin_load(&mut self, file: FileId) -> Result<Frame> {
        if self.unparsed[file.idx()] {
            let o = &self.objects[file.idx()];
            self.objects[file.idx()] = Object::parse(o.name.clone(), o.bytes)?;
            self.unparsed[file.idx()] = false;
        }
        self.loaded[file.idx()] = true;
        if self.trace {
            eprintln!("{}", self.objects[file.idx()].name);
        }
        // COMDAT: the first group of a name wins; later groups are discarded.
        let mut frame = Frame { file, next: 0, refs: Vec::with_capacity(self.objects[file.idx()].symbols.len()), ..Frame::default() };
        for c in &self.objects[file.idx()].comdats {
            match self.comdats.get(c.name) {
                None => {
                    self.comdats.insert(c.name, file);
                }
                Some(_) => {
                    for f in &c.funcs {
                        self.discarded_funcs.insert((file, *f));
                        frame.discarded_funcs.insert(*f);
                    }
                    for s in &c.segments {
                        self.discarded_segs.insert((file, *s));
                        frame.discarded_segs.insert(*s);
                    }
                }
            }
        }
        Ok(frame)
    }

    /// Processes the symbols of `frame` from where it stopped; returns an
    /// archive member to load first when a strong undefined reference
    /// needs one, `None` when the object is done.
    fn step(&mut self, frame: &mut Frame) -> Option<FileId> {
        let file = frame.file;
        let n = self.objects[file.idx()].symbols.len();
        while frame.next < n {
            let i = frame.next;
            frame.next += 1;
            let s = self.objects[file.idx()].symbols[i];
            if s.is_local() || s.kind == SymKind::Section {
                frame.refs.push(SymRef::Local);
                continue;
            }
            let discarded = !s.is_undefined()
                && match s.kind {
                    SymKind::Func => frame.discarded_funcs.contains(&s.index),
                    SymKind::Data => frame.discarded_segs.contains(&s.index),
                    _ => false,
                };
            if s.is_undefined() || discarded {
                let name = if s.is_undefined() {
                    self.wrap_undef.get(s.name).copied().unwrap_or(s.name)
                } else {
                    s.name
                };
                let id = self.symtab.intern(name);
                frame.refs.push(SymRef::Global(id));
                let g = self.symtab.sym_mut(id);
                if g.first_ref.is_none() {
                    g.first_ref = Some((file, i as u32));
                }
                if !s.is_weak() && !g.strong_ref {
                    g.strong_ref = true;
                    if g.def.is_none() {
                        if let Some(l) = g.lazy.filter(|l| !self.loaded[l.idx()]) {
                            return Some(l);
                        }
                    }
                }
            } else {
                let id = self.symtab.intern(s.name);
                frame.refs.push(SymRef::Global(id));
                self.add_def(id, Def { file, sym: i as u32, weak: s.is_weak() });
            }
        }
        None
    }

    fn add_def(&mut self, id: SymbolId, new: Def) {
        let old = self.symtab.sym(id).def;
        match old {
            None => self.symtab.sym_mut(id).def = Some(new),
            Some(old) if old.weak && !new.weak => self.symtab.sym_mut(id).def = Some(new),
            Some(old) if !old.weak && !new.weak => {
                let name = self.symtab.sym(id).name;
                self.duplicates.push(format!(
                    "duplicate symbol: {}\n>>> defined in {}\n>>> defined in {}",
                    describe_symbol(name),
                    self.objects[old.file.idx()].name,
                    self.objects[new.file.idx()].name
                ));
            }
            Some(_) => {}
        }
    }

    /// The global definition a reference resolves to: (object, symbol index).
    pub fn definition(&self, file: FileId, sym: u32) -> Option<(FileId, u32)> {
        match self.refs[file.idx()][sym as usize] {
            SymRef::Local => Some((file, sym)),
            SymRef::Global(id) => self.symtab.sym(id).def.map(|d| (d.file, d.sym)),
        }
    }

    /// After all inputs: reports duplicates, kind and signature mismatches,
    /// defines synthetic symbols and classifies undefined ones.
    pub fn finish(&mut self, config: &Config, allow_list: &HashSet<String>) -> Result<()> {
        let mut errors = std::mem::take(&mut self.duplicates);
        // Kind and signature checks, per object in parallel, reported in load order.
        use rayon::prelude::*;
        let per_file: Vec<Vec<String>> = self.load_order.par_iter().map(|&file| self.check_uses(file)).collect();
        errors.extend(per_file.into_iter().flatten());
        let mut undefined: Vec<(SymbolId, String)> = Vec::new();
        for idx in 0..self.symtab.syms.len() {
            let id = SymbolId(idx as u32);
            let g = self.symtab.sym(id);
            if g.def.is_some() || (g.first_ref.is_none() && !g.strong_ref) {
                continue;
            }
            let kind = g.first_ref.map(|(f, s)| self.objects[f.idx()].symbols[s as usize].kind);
            if let Some(synth) = Synth::from_name(g.name) {
                let fits = match (synth, kind) {
                    (_, None) => true,
                    (Synth::StackPointer | Synth::TlsBase | Synth::TlsSize | Synth::TlsAlign, Some(k)) => {
                        k == SymKind::Global
                    }
                    (Synth::IndirectTable, Some(k)) => k == SymKind::Table,
                    (Synth::MemoryBase | Synth::TableBase, Some(k)) => k == SymKind::Global || k == SymKind::Data,
                    (Synth::CallCtors, Some(k)) => k == SymKind::Func,
                    (_, Some(k)) => k == SymKind::Data,
                };
                if fits {
                    self.symtab.sym_mut(id).synth = Some(synth);
                    continue;
                }
            }
            let g = self.symtab.sym(id);
            // Functions with an explicit import name (`import_module`/`import_name`
            // attributes, e.g. WASI calls) may always stay undefined, as in wasm-ld.
            let explicit_import = g.first_ref.is_some_and(|(f, s)| {
                let sym = &self.objects[f.idx()].symbols[s as usize];
                sym.kind == SymKind::Func && sym.flags.contains(wasmparser::SymbolFlags::EXPLICIT_NAME)
            });
            let is_func = kind == Some(SymKind::Func);
            let is_global = kind == Some(SymKind::Global);
            let import_ok = allow_list.contains(g.name)
                || config.import_undefined
                || config.unresolved == Unresolved::ImportFunctions;
            // `-u NAME` only asks for archive members; nothing to report if none defines it.
            let only_dash_u = g.first_ref.is_none()
                && config.entry.as_deref() != Some(g.name)
                && !config.exports.iter().any(|e| e == g.name);
            let how = if !g.strong_ref || only_dash_u {
                Some(Undefined::Zero)
            } else if explicit_import || ((is_func || is_global) && import_ok) {
                Some(Undefined::Import)
            } else if config.unresolved != Unresolved::ReportAll {
                Some(Undefined::Zero)
            } else {
                None
            };
            match how {
                Some(h) => self.symtab.sym_mut(id).undefined = Some(h),
                None => undefined.push((id, self.undefined_message(id, config))),
            }
        }
        errors.extend(undefined.into_iter().map(|(_, m)| m));
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Error::many(errors))
        }
    }

    /// The kind and signature mismatches of the symbols of loaded object `file`.
    fn check_uses(&self, file: FileId) -> Vec<String> {
        let mut errors = Vec::new();
        let o = &self.objects[file.idx()];
        for (i, s) in o.symbols.iter().enumerate() {
            let SymRef::Global(id) = self.refs[file.idx()][i] else { continue };
            let Some(d) = self.symtab.sym(id).def else {
                // Undefined: every reference must agree with the first one (the import's type).
                if let (SymKind::Func, Some((rf, rs))) = (s.kind, self.symtab.sym(id).first_ref) {
                    let ro = &self.objects[rf.idx()];
                    let rsym = &ro.symbols[rs as usize];
                    if rsym.kind == SymKind::Func && rf != file {
                        let a = &o.types[o.func_type(s.index) as usize];
                        let b = &ro.types[ro.func_type(rsym.index) as usize];
                        if a != b {
                            errors.push(format!(
                                "function signature mismatch: {}\n>>> {} uses it as {a}\n>>> {} uses it as {b}",
                                describe_symbol(s.name),
                                o.name,
                                ro.name
                            ));
                        }
                    }
                }
                continue;
            };
            let dobj = &self.objects[d.file.idx()];
            let ds = &dobj.symbols[d.sym as usize];
            if ds.kind != s.kind {
                errors.push(format!(
                    "symbol type mismatch: {}\n>>> defined as {} in {}\n>>> defined as {} in {}",
                    describe_symbol(s.name),
                    s.kind,
                    o.name,
                    ds.kind,
                    dobj.name
                ));
            } else if s.kind == SymKind::Func && (d.file, d.sym) != (file, i as u32) {
                let a = &o.types[o.func_type(s.index) as usize];
                let b = &dobj.types[dobj.func_type(ds.index) as usize];
                if a != b {
                    errors.push(format!(
                        "function signature mismatch: {}\n>>> {} uses it as {a}\n>>> {} defines it as {b}",
                        describe_symbol(s.name),
                        o.name,
                        dobj.name
                    ));
                }
            }
        }
        errors
    }

    fn undefined_message(&self, id: SymbolId, config: &Config) -> String {
        let g = self.symtab.sym(id);
        if g.first_ref.is_none() && config.entry.as_deref() == Some(g.name) {
            return format!("entry symbol not defined (pass --no-entry to suppress): {}", describe_symbol(g.name));
        }
        let mut msg = format!("undefined symbol: {}", describe_symbol(g.name));
        let mut seen = HashSet::default();
        for &file in &self.load_order {
            let o = &self.objects[file.idx()];
            let uses = self.refs[file.idx()].iter().enumerate().any(|(i, r)| {
                *r == SymRef::Global(id) && o.symbols[i].is_undefined()
            });
            if uses && seen.insert(file) {
                msg.push_str(&format!("\n>>> referenced by {}", o.name));
            }
        }
        if seen.is_empty() {
            msg.push_str("\n>>> required by the command line (entry, -u or --export)");
        }
        msg
    }
}
