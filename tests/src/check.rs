//! Static checks on a built module: it validates, and it imports nothing but
//! `wasi_snapshot_preview1` functions.

use wasmparser::{Parser, Payload, TypeRef, Validator};

/// The only import module a wasm32-wasip1 command may use.
pub const WASI_MODULE: &str = "wasi_snapshot_preview1";

/// Validates `bytes` with wasmparser's default features.
pub fn validate(bytes: &[u8]) -> Result<(), String> {
    Validator::new().validate_all(bytes).map(|_| ()).map_err(|e| format!("invalid wasm: {e}"))
}

/// Imports other than `wasi_snapshot_preview1` functions, as
/// `module.name (kind)` strings; an error if the module can't be parsed.
pub fn foreign_imports(bytes: &[u8]) -> Result<Vec<String>, String> {
    let mut foreign = Vec::new();
    for payload in Parser::new(0).parse_all(bytes) {
        let payload = payload.map_err(|e| format!("unparsable wasm: {e}"))?;
        if let Payload::ImportSection(reader) = payload {
            for import in reader.into_imports() {
                let import = import.map_err(|e| format!("bad import section: {e}"))?;
                let is_func = matches!(import.ty, TypeRef::Func(_));
                if import.module != WASI_MODULE || !is_func {
                    let kind = match import.ty {
                        TypeRef::Func(_) => "function",
                        TypeRef::Table(_) => "table",
                        TypeRef::Memory(_) => "memory",
                        TypeRef::Global(_) => "global",
                        _ => "other",
                    };
                    foreign.push(format!("{}.{} ({kind})", import.module, import.name));
                }
            }
        }
    }
    Ok(foreign)
}

/// Both checks; `Err` carries the short reason.
pub fn check_module(bytes: &[u8]) -> Result<(), String> {
    validate(bytes)?;
    let foreign = foreign_imports(bytes)?;
    if let Some(first) = foreign.first() {
        let more = if foreign.len() > 1 { format!(" (+{} more)", foreign.len() - 1) } else { String::new() };
        return Err(format!("imports non-WASI {first}{more}"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    // Hand-assembled: (module (import "env" "f" (func))) and the same with
    // "wasi_snapshot_preview1" "proc_exit" (func (param i32)).
    fn module_importing(module: &str, name: &str) -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.extend_from_slice(&[1, 5, 1, 0x60, 1, 0x7f, 0]); // type section: (i32) -> ()
        let mut body = vec![1u8];
        body.push(module.len() as u8);
        body.extend_from_slice(module.as_bytes());
        body.push(name.len() as u8);
        body.extend_from_slice(name.as_bytes());
        body.extend_from_slice(&[0, 0]); // func, type 0
        m.push(2);
        m.push(body.len() as u8);
        m.extend_from_slice(&body);
        m
    }

    #[test]
    fn accepts_wasi_imports() {
        let m = module_importing(WASI_MODULE, "proc_exit");
        assert_eq!(check_module(&m), Ok(()));
    }

    #[test]
    fn rejects_foreign_imports_and_garbage() {
        let m = module_importing("env", "undefined_symbol");
        assert_eq!(check_module(&m), Err("imports non-WASI env.undefined_symbol (function)".to_string()));
        assert!(check_module(b"not wasm").unwrap_err().starts_with("invalid wasm"));
    }
}
