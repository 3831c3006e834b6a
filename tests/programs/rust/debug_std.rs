// A Rust debug-info build (-Cdebuginfo=2) with std: DWARF sections go
// through the linker; the module must validate, keep the same structure,
// and run the same.
// debug: yes
fn fib(n: u32) -> u64 {
    if n < 2 { n as u64 } else { fib(n - 1) + fib(n - 2) }
}

fn main() {
    let v: Vec<u64> = (0..20).map(fib).collect();
    println!("{:?}", &v[15..]);
    let s: String = ["debug", "info", "works"].join(" ");
    println!("{s} ({} bytes)", s.len());
}
