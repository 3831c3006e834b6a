//! wasip1-ld: a WebAssembly static linker for wasm32-wasip1.
//! Thin wrapper: parse the command line, link, print errors, exit 1 on failure.

/// Large blocks on transparent huge pages (fewer page faults; see the module).
#[global_allocator]
static ALLOC: wasip1_ld::hugealloc::HugePageAlloc = wasip1_ld::hugealloc::HugePageAlloc;

fn main() {
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    wasip1_ld::set_process_exits_after_link();
    if let Err(e) = wasip1_ld::run(&args) {
        for line in e.to_string().lines() {
            if line.starts_with(">>>") {
                eprintln!("{line}");
            } else {
                eprintln!("wasip1-ld: error: {line}");
            }
        }
        std::process::exit(1);
    }
}
