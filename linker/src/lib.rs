//! wasip1-ld: a WebAssembly static linker for wasm32-wasip1, a drop-in for
//! wasm-ld.
//!
//! Phases, one module each: [`args`] (command line) -> [`input`] (files,
//! archives) -> [`object`] (parse each object once) -> [`resolve`] (symbols,
//! lazy archive members, COMDAT) -> [`exports`] -> [`gc`] (liveness) ->
//! [`layout`] (index spaces, memory) -> [`write`] (encode, relocating with
//! [`relocate`]).

pub mod args;
pub mod check;
pub mod diag;
pub mod exports;
pub mod features;
pub mod gc;
pub mod hugealloc;
pub mod input;
pub mod layout;
pub mod object;
pub mod relocate;
pub mod relocs;
pub mod reproduce;
pub mod resolve;
pub mod strtab;
pub mod symbols;
pub mod units;
pub mod sysroot;
pub mod target;
pub mod write;

use args::Config;
use diag::{Error, Result};
use input::{FileId, LoadedFile};
use object::Object;
use resolve::Resolver;
use rustc_hash::FxHashSet as HashSet;
use sysroot::Sysroot;

/// Set by the `wasip1-ld` binary: the process exits right after the link, so
/// the link's data structures are not freed one by one (as lld, which skips
/// its destructors at exit). Library users keep the default (freed).
static EXIT_AFTER_LINK: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Declares that the process exits right after [`run`] returns: the link's
/// memory (symbol tables, parsed objects, mapped inputs, the output buffer)
/// is then left to the operating system instead of being freed piece by piece.
pub fn set_process_exits_after_link() {
    EXIT_AFTER_LINK.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Drops `value`, or leaks it when the process is about to exit anyway.
fn release<T>(value: T) {
    if EXIT_AFTER_LINK.load(std::sync::atomic::Ordering::Relaxed) {
        std::mem::forget(value);
    } else {
        drop(value);
    }
}

/// Runs the linker with wasm-ld's command line (without the program name).
pub fn run(args: &[String]) -> Result<()> {
    let config = args::parse(args)?;
    if config.fatal_warnings && !config.warnings.is_empty() {
        return Err(Error::many(config.warnings.clone()));
    }
    for w in &config.warnings {
        diag::warn(w);
    }
    if config.help {
        print!("{}", args::HELP);
        return Ok(());
    }
    if config.version {
        println!("wasip1-ld {} (compatible with wasm-ld)", env!("CARGO_PKG_VERSION"));
        if config.inputs.is_empty() {
            return Ok(());
        }
    }
    if let Some(n) = config.threads {
        // Ignore the error if a pool already exists (library use).
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    link(&config)
}

/// Links according to `config` and writes the output file.
pub fn link(config: &Config) -> Result<()> {
    if config.inputs.is_empty() {
        return Err(Error::new("no input files"));
    }
    let sysroot = Sysroot::new(config.sysroot.as_deref());
    let t0 = std::time::Instant::now();
    let files = input::read_inputs(config, &sysroot)?;
    if std::env::var_os("WASIP1_LD_TIME").is_some() {
        eprintln!("wasip1-ld: time: read: {:.1} ms", t0.elapsed().as_secs_f64() * 1e3);
    }
    if let Some(path) = &config.reproduce {
        reproduce::write(config, &files, &sysroot, path)?;
    }
    // crt1-command.o is read up front (if available) and loaded only when nothing defines _start.
    let wants_crt = config.entry.as_deref() == Some("_start");
    let crt: Option<Result<LoadedFile>> = wants_crt.then(|| {
        sysroot.file("crt1-command.o").map(|(name, bytes)| LoadedFile { name, bytes: bytes.into(), whole_archive: false })
    });
    let bytes = link_files(config, &files, crt.as_ref())?;
    let mut t = Timer::new();
    // Only now that the link succeeded: a failed link keeps the old output.
    write::remove_old_output_async(&config.output);
    let pieces: Vec<&[u8]> = bytes.iter().map(|p| p.as_slice()).collect();
    write::write_atomic(&config.output, &pieces)?;
    t.phase("write file");
    release(bytes);
    release(files);
    Ok(())
}

fn read_allow_files(config: &Config) -> Result<HashSet<String>> {
    let mut set = HashSet::default();
    for p in &config.allow_undefined_files {
        let text = std::fs::read_to_string(p)
            .map_err(|e| Error::file(&p.display().to_string(), format!("cannot read: {e}")))?;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if !line.is_empty() {
                set.insert(line.to_string());
            }
        }
    }
    Ok(set)
}

/// Prints phase timings to stderr when `WASIP1_LD_TIME` is set.
pub(crate) struct Timer {
    on: bool,
    last: std::time::Instant,
}

impl Timer {
    pub(crate) fn new() -> Self {
        Timer { on: std::env::var_os("WASIP1_LD_TIME").is_some(), last: std::time::Instant::now() }
    }
    pub(crate) fn phase(&mut self, name: &str) {
        if self.on {
            eprintln!("wasip1-ld: time: {name}: {:.1} ms", self.last.elapsed().as_secs_f64() * 1e3);
            self.last = std::time::Instant::now();
        }
    }
}

/// The link proper, from loaded files to the output's bytes (consecutive pieces).
fn link_files(config: &Config, files: &[LoadedFile], crt: Option<&Result<LoadedFile>>) -> Result<Vec<Vec<u8>>> {
    let mut t = Timer::new();
    let mut r = Resolver::new(Vec::new(), config);
    units::parse_and_add(files, &mut r)?;
    t.phase("parse and add inputs");
    if let Some(crt) = crt {
        // An archive member defining `_start` counts: the entry root below extracts it.
        let start_defined = r.symtab.get("_start").is_some_and(|id| {
            let g = r.symtab.sym(id);
            g.def.is_some() || g.lazy.is_some()
        });
        if !start_defined {
            let crt = crt.as_ref().map_err(|e| e.clone())?;
            let obj = Object::parse(crt.name.clone(), &crt.bytes)?;
            let id: FileId = r.add_object(obj);
            r.add_unit(id, false)?;
        }
    }
    // As wasm-ld: `-u`, then `--export`, then the entry, after all inputs.
    for name in config.undefined.iter().chain(config.exports.iter()).chain(config.entry.iter()) {
        r.add_root(name)?;
    }
    if config.export_all {
        for name in symbols::EXPORT_ALL_SYNTHETIC {
            r.add_root(name)?;
        }
    }
    let allow = read_allow_files(config)?;
    r.finish(config, &allow)?;
    let features = features::resolve(&r, config)?;
    t.phase("resolve");
    let exports = exports::collect(&r, config)?;
    let mut roots: Vec<_> = exports.iter().map(|e| e.sym).collect();
    roots.extend(config.undefined.iter().filter_map(|u| r.symtab.get(u)));
    let wrap = needs_command_wrappers(&r, config);
    if wrap {
        // The wrappers call __wasm_call_dtors (which flushes stdio) when it is defined.
        if let Some(id) = r.symtab.get("__wasm_call_dtors").filter(|id| r.symtab.sym(*id).def.is_some()) {
            roots.push(id);
        }
    }
    // Liveness and layout are serial; meanwhile the carried (DWARF) sections
    // are laid out and copied on the other threads (they need only the
    // loaded objects).
    let (laid_out, carried) = rayon::join(
        || -> Result<_> {
            let mut t = Timer::new();
            // As wasm-ld's wrappers: they call __wasm_call_ctors only when there
            // are init functions, so only then is it live through them.
            let live = gc::mark(&r, config, &roots, wrap && has_init_funcs(&r));
            t.phase("gc");
            if config.print_gc_sections {
                print_gc(&r, &live);
            }
            let layout = layout::Layout::build(&r, &live, config, &exports, wrap)?;
            t.phase("layout");
            Ok((live, layout))
        },
        || {
            let mut t = Timer::new();
            let carried = write::debug::prepare(&r, config);
            t.phase("custom sections copied (in parallel with gc and layout)");
            carried
        },
    );
    let (live, mut layout) = laid_out?;
    let carried = carried?;
    t.phase("gc, layout");
    let out = write::module(&r, &mut layout, config, &exports, &features, carried)?;
    if let Some(map) = &config.map_file {
        write::write_atomic(map, &[write::map::render(&r, &layout).as_bytes()])?;
    }
    t.phase("write");
    release((r, layout, live, exports, features));
    Ok(out)
}

/// wasm-ld wraps a module's exported functions (`_start` included, and a
/// cdylib's exports: there is no entry condition) in functions that
/// call `__wasm_call_ctors` first and `__wasm_call_dtors` (stdio flush)
/// after, when no object calls `__wasm_call_ctors` itself: older crt1.o
/// files (Debian's wasi-libc) rely on this. As wasm-ld, no wrappers when
/// there is nothing to call: no init functions and no `__wasm_call_dtors`
/// (then `__wasm_call_ctors` stays unreferenced and is not emitted).
fn needs_command_wrappers(r: &Resolver<'_>, config: &Config) -> bool {
    let referenced = r.symtab.get("__wasm_call_ctors").is_some_and(|id| {
        let g = r.symtab.sym(id);
        g.first_ref.is_some() || g.def.is_some()
    });
    let has_dtors = r.symtab.get("__wasm_call_dtors").is_some_and(|id| r.symtab.sym(id).def.is_some());
    !referenced
        && !config.exports.iter().any(|e| e == "__wasm_call_ctors")
        && (has_init_funcs(r) || has_dtors)
}

/// Whether any loaded object has init functions (constructors).
fn has_init_funcs(r: &Resolver<'_>) -> bool {
    r.load_order.iter().any(|f| !r.objects[f.idx()].init_funcs.is_empty())
}

/// `--print-gc-sections`: every dropped function and data segment.
fn print_gc(r: &Resolver<'_>, live: &gc::Live) {
    for &file in &r.load_order {
        let o = &r.objects[file.idx()];
        for (i, l) in live.funcs[file.idx()].iter().enumerate() {
            if !*l {
                let idx = i as u32 + o.num_imported_funcs();
                let name = o.symbols.iter().find(|s| s.kind == object::SymKind::Func && !s.is_undefined() && s.index == idx).map(|s| s.name).unwrap_or("");
                eprintln!("removing unused section {}:(function {name})", o.name);
            }
        }
        for (i, l) in live.segs[file.idx()].iter().enumerate() {
            if !*l {
                eprintln!("removing unused section {}:({})", o.name, o.segments[i].name);
            }
        }
    }
}
