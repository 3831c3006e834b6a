//! Structural comparison of two linked modules built from the same inputs
//! by different linkers (reference wasm-ld / rust-lld vs wasip1-ld):
//! imports (module, name, type), exports (name, kind, function type), and
//! the set of live (defined) function names from the `name` section.
//!
//! Everything is compared as sets of strings, so index order and layout
//! may differ freely; only *what* is linked in must agree.

use std::collections::BTreeSet;
use wasmparser::{ExternalKind, FuncType, KnownCustom, Name, Parser, Payload, TypeRef};

/// How many differing names a failure message lists.
const SHOWN: usize = 3;

/// The linker-visible shape of a module.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Structure {
    /// `module.name: func (params) -> (results)` / `memory` / `global` / `table`.
    pub imports: BTreeSet<String>,
    /// `name: func (params) -> (results)` / `memory` / `global` / `table` / `tag`.
    pub exports: BTreeSet<String>,
    /// Names of the functions the module defines (not imports), from the
    /// `name` section's function subsection.
    pub functions: BTreeSet<String>,
    /// Whether the module had a function-name subsection at all.
    pub has_names: bool,
}

/// Reads the structure of `bytes`; an error if it does not parse.
pub fn read(bytes: &[u8]) -> Result<Structure, String> {
    let mut types: Vec<String> = Vec::new();
    let mut func_types: Vec<u32> = Vec::new(); // imported functions first, then defined ones
    let mut imported_funcs = 0u32;
    let mut exports: Vec<(String, ExternalKind, u32)> = Vec::new();
    let mut names: Vec<(u32, String)> = Vec::new();
    let mut s = Structure::default();
    for payload in Parser::new(0).parse_all(bytes) {
        let payload = payload.map_err(|e| format!("unparsable wasm: {e}"))?;
        match payload {
            Payload::TypeSection(reader) => {
                for ty in reader.into_iter_err_on_gc_types() {
                    types.push(func_sig(&ty.map_err(|e| format!("bad type section: {e}"))?));
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import.map_err(|e| format!("bad import section: {e}"))?;
                    let kind = match import.ty {
                        TypeRef::Func(t) => {
                            func_types.push(t);
                            imported_funcs += 1;
                            format!("func {}", type_name(&types, t))
                        }
                        TypeRef::Memory(_) => "memory".into(),
                        TypeRef::Global(g) => format!("global {:?}{}", g.content_type, if g.mutable { " mut" } else { "" }),
                        TypeRef::Table(_) => "table".into(),
                        _ => "other".into(),
                    };
                    s.imports.insert(format!("{}.{}: {kind}", import.module, import.name));
                }
            }
            Payload::FunctionSection(reader) => {
                for t in reader {
                    func_types.push(t.map_err(|e| format!("bad function section: {e}"))?);
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export.map_err(|e| format!("bad export section: {e}"))?;
                    exports.push((export.name.to_string(), export.kind, export.index));
                }
            }
            Payload::CustomSection(reader) => {
                if let KnownCustom::Name(names_reader) = reader.as_known() {
                    // A malformed name section is not a structural property
                    // we judge here (validation is elsewhere): stop at the first error.
                    for name in names_reader.into_iter().map_while(Result::ok) {
                        if let Name::Function(map) = name {
                            s.has_names = true;
                            for naming in map.into_iter().map_while(Result::ok) {
                                names.push((naming.index, naming.name.to_string()));
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    for (name, kind, index) in exports {
        let shown = match kind {
            ExternalKind::Func | ExternalKind::FuncExact => {
                let ty = func_types.get(index as usize).map(|t| type_name(&types, *t)).unwrap_or_else(|| "?".into());
                format!("func {ty}")
            }
            ExternalKind::Memory => "memory".into(),
            ExternalKind::Global => "global".into(),
            ExternalKind::Table => "table".into(),
            ExternalKind::Tag => "tag".into(),
        };
        s.exports.insert(format!("{name}: {shown}"));
    }
    s.functions = names.into_iter().filter(|(i, _)| *i >= imported_funcs).map(|(_, n)| n).collect();
    Ok(s)
}

fn func_sig(ft: &FuncType) -> String {
    let list = |v: &[wasmparser::ValType]| v.iter().map(|t| format!("{t}")).collect::<Vec<_>>().join(", ");
    format!("({}) -> ({})", list(ft.params()), list(ft.results()))
}

fn type_name(types: &[String], index: u32) -> String {
    types.get(index as usize).cloned().unwrap_or_else(|| format!("<bad type {index}>"))
}

/// One structural difference: short line for the table, detail for `-v`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub short: String,
    pub detail: String,
}

/// Differences of `got` from `reference` (empty if structurally equal).
pub fn compare(reference: &Structure, got: &Structure) -> Vec<Difference> {
    let mut out = Vec::new();
    set_diff("imports", &reference.imports, &got.imports, &mut out);
    set_diff("exports", &reference.exports, &got.exports, &mut out);
    if reference.has_names != got.has_names {
        let which = if got.has_names { "reference" } else { "output" };
        out.push(Difference { short: format!("{which} has no function name section"), detail: String::new() });
    } else if reference.functions != got.functions {
        // Tell "other functions are live" apart from "the same functions
        // carry other names" (e.g. a mangled symbol name vs the demangled
        // debug name wasm-ld takes from the objects' name sections).
        let (r, g) = (canonical_set(&reference.functions), canonical_set(&got.functions));
        if r == g {
            let mut named = Vec::new();
            set_diff("function names", &reference.functions, &got.functions, &mut named);
            for d in named {
                out.push(Difference { short: format!("{} (same functions once demangled)", d.short), detail: d.detail });
            }
        } else {
            set_diff("live functions", &r, &g, &mut out);
        }
    }
    out
}

/// `name` with Rust and C++ symbols demangled and Rust's `::h<hash>`
/// suffix dropped, so a mangled symbol name and the demangled name wasm-ld
/// writes (it demangles unless `--no-demangle`) compare equal.
pub fn canonical(name: &str) -> String {
    // LLVM's demangler prints a `.suffix` of a mangled name as ` (.suffix)`.
    if let Some((base, suffix)) = name.strip_suffix(')').and_then(|n| n.rsplit_once(" (.")) {
        return format!("{}.{suffix}", canonical(base));
    }
    let cpp = || cpp_demangle::Symbol::new(name).ok().and_then(|s| s.demangle().ok());
    let text = match rustc_demangle::try_demangle(name) {
        Ok(d) => format!("{d:#}"),
        Err(_) if name.starts_with("_Z") => cpp().unwrap_or_else(|| name.to_string()),
        Err(_) if name.contains('$') || (name.contains("..") && !name.contains("...")) => unescape_legacy(name),
        Err(_) => name.to_string(),
    };
    // C++ demanglers differ on closing template brackets (`> >` vs `>>`),
    // and cpp_demangle drops some `&&` of forwarding references that LLVM's
    // demangler prints: ignore both for the comparison.
    let mut text = text.replace("&&", "");
    while text.contains("> >") {
        text = text.replace("> >", ">>");
    }
    match text.rsplit_once("::h") {
        Some((head, hash)) if hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()) => head.to_string(),
        _ => text,
    }
}

/// Undoes Rust's legacy-mangling escapes, which LLVM leaves in the debug
/// names of legacy-mangled symbols (`_$LT$a..B$u20$as$u20$c..D$GT$::f`).
fn unescape_legacy(name: &str) -> String {
    const ESCAPES: [(&str, &str); 11] = [
        ("$LT$", "<"),
        ("$GT$", ">"),
        ("$RF$", "&"),
        ("$BP$", "*"),
        ("$C$", ","),
        ("$SP$", "@"),
        ("$LP$", "("),
        ("$RP$", ")"),
        ("$u20$", " "),
        ("$u7b$", "{"),
        ("$u7d$", "}"),
    ];
    let mut out = name.replace("..", "::");
    for (from, to) in ESCAPES {
        out = out.replace(from, to);
    }
    // A leading `_` protects a path segment starting with `$`.
    out.split("::").map(|seg| if seg.starts_with("_<") || seg.starts_with("_{") { &seg[1..] } else { seg }).collect::<Vec<_>>().join("::")
}

fn canonical_set(names: &BTreeSet<String>) -> BTreeSet<String> {
    names.iter().map(|n| canonical(n)).collect()
}

fn set_diff(what: &str, reference: &BTreeSet<String>, got: &BTreeSet<String>, out: &mut Vec<Difference>) {
    let extra: Vec<&String> = got.difference(reference).collect();
    let missing: Vec<&String> = reference.difference(got).collect();
    if extra.is_empty() && missing.is_empty() {
        return;
    }
    let show = |v: &[&String]| {
        let head = v.iter().take(SHOWN).map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
        if v.len() > SHOWN { format!("{head}, +{} more", v.len() - SHOWN) } else { head }
    };
    let mut parts = Vec::new();
    if !extra.is_empty() {
        parts.push(format!("extra {}: {}", extra.len(), show(&extra)));
    }
    if !missing.is_empty() {
        parts.push(format!("missing {}: {}", missing.len(), show(&missing)));
    }
    let all = |label: &str, v: &[&String]| v.iter().map(|s| format!("{what}: {label} {s}")).collect::<Vec<_>>();
    let mut detail = all("extra", &extra);
    detail.extend(all("missing", &missing));
    out.push(Difference { short: format!("{what} differ: {}", parts.join("; ")), detail: detail.join("\n") });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(v: &[&str]) -> BTreeSet<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn reads_imports_exports_and_names() {
        // (module (type (func (param i32))) (import "m" "f" (func (type 0)))
        //  (func (type 0)) (export "g" (func 1)) + name section naming func 1 "g")
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.extend_from_slice(&[1, 5, 1, 0x60, 1, 0x7f, 0]);
        m.extend_from_slice(&[2, 7, 1, 1, b'm', 1, b'f', 0, 0]);
        m.extend_from_slice(&[3, 2, 1, 0]);
        m.extend_from_slice(&[7, 5, 1, 1, b'g', 0, 1]);
        m.extend_from_slice(&[10, 4, 1, 2, 0, 0x0b]);
        let names = [1u8, 4, 1, 1, 1, b'g'];
        let mut custom = vec![4u8, b'n', b'a', b'm', b'e'];
        custom.extend_from_slice(&names);
        m.push(0);
        m.push(custom.len() as u8);
        m.extend_from_slice(&custom);
        let s = read(&m).unwrap();
        assert_eq!(s.imports, set(&["m.f: func (i32) -> ()"]));
        assert_eq!(s.exports, set(&["g: func (i32) -> ()"]));
        assert_eq!(s.functions, set(&["g"]));
        assert!(s.has_names);
        assert!(read(b"junk").is_err());
    }

    #[test]
    fn reports_differences() {
        let a = Structure { functions: set(&["a", "b", "c"]), has_names: true, ..Default::default() };
        let b = Structure { functions: set(&["a", "d"]), has_names: true, ..Default::default() };
        assert!(compare(&a, &a).is_empty());
        let d = compare(&a, &b);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].short, "live functions differ: extra 1: d; missing 2: b, c");
    }

    #[test]
    fn tells_renamed_functions_from_other_functions() {
        assert_eq!(canonical("_ZN1c6header5stdio4file5flush17h4cf4aabbf82804acE"), "c::header::stdio::file::flush");
        assert_eq!(canonical("c::header::stdio::file::flush::h4cf4aabbf82804ac"), "c::header::stdio::file::flush");
        assert_eq!(canonical("main"), "main");
        assert_eq!(canonical("_Znwm"), "operator new(unsigned long)");
        assert_eq!(canonical("f(char const*, ...)"), "f(char const*, ...)");
        assert_eq!(canonical("a<b<c<int> > >"), "a<b<c<int>>>");
        assert_eq!(canonical("c::scan::h35556603f2d2d38a (.specialized.1)"), "c::scan.specialized.1");
        assert_eq!(canonical("_ZN1c4scan17h35556603f2d2d38aE.specialized.1"), "c::scan.specialized.1");
        assert_eq!(
            canonical("_$LT$c..header..Buf$LT$_$GT$$u20$as$u20$core..fmt..Write$GT$::write_str"),
            "<c::header::Buf<_> as core::fmt::Write>::write_str"
        );
        assert_eq!(canonical("c::sort::qsort::_$u7b$$u7b$closure$u7d$$u7d$"), "c::sort::qsort::{{closure}}");
        let a = Structure { functions: set(&["c::f::h0123456789abcdef", "g"]), has_names: true, ..Default::default() };
        let b = Structure { functions: set(&["_ZN1c1f17h0123456789abcdefE", "g"]), has_names: true, ..Default::default() };
        let d = compare(&a, &b);
        assert_eq!(d.len(), 1);
        assert!(d[0].short.starts_with("function names differ") && d[0].short.ends_with("(same functions once demangled)"));
    }
}
