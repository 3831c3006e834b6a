//! Debug helper: prints the symbols, segments and relocation counts of
//! wasm objects (and archive members) as wasip1-ld sees them.
//! `cargo run --release -p wasip1-ld --example objdump -- FILE...`

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let file = wasip1_ld::input::LoadedFile { name: path.clone(), bytes: bytes.into(), whole_archive: true };
        let units = match wasip1_ld::input::units(&file) {
            Ok(u) => u,
            Err(e) => {
                eprintln!("{e}");
                continue;
            }
        };
        for u in units {
            match wasip1_ld::object::Object::parse(u.name.clone(), u.bytes) {
                Err(e) => eprintln!("{e}"),
                Ok(o) => {
                    let custom: u32 = o.custom_relocs.iter().map(|c| c.count).sum();
                    println!("== {} ({} funcs, {} segments, {} code relocs, {} data relocs, {} custom section relocs)", o.name, o.funcs.len(), o.segments.len(), o.code_relocs.len(), o.data_relocs.len(), custom);
                    for (i, s) in o.symbols.iter().enumerate() {
                        println!("  sym {i}: {} {:?} {} index={} off={} size={}", s.kind, s.flags, s.name, s.index, s.offset, s.size);
                    }
                    for (i, s) in o.segments.iter().enumerate() {
                        println!("  seg {i}: {} align={} flags={} size={}", s.name, s.align, s.flags, s.range.end - s.range.start);
                    }
                    for (p, s) in &o.init_funcs {
                        println!("  init prio={p} sym={s}");
                    }
                }
            }
        }
    }
}
