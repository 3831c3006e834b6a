// link: rust rust-own
// args: a b
// env: HOME=/root
// expect-exit: 3
use std::collections::HashMap;
fn main() {
    println!("hello, world");
    eprintln!("to stderr");
    let args: Vec<String> = std::env::args().collect();
    println!("args: {:?}", args);
    println!("HOME={:?}", std::env::var("HOME"));
    let mut m = HashMap::new();
    for i in 0..1000 { m.insert(format!("k{i}"), vec![i; 10]); }
    let s: usize = m.values().map(|v| v.iter().sum::<usize>()).sum();
    println!("sum {s}");
    let code = if args.len() > 1 { 3 } else { 0 };
    std::process::exit(code);
}
