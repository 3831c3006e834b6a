//! A plain Rust program: std I/O, arguments, environment, allocation, exit status.
use std::collections::HashMap;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    println!("hello from Rust on wasm32-wasip1, linked by wasip1-ld");
    println!("arguments: {args:?}");
    let greeting = std::env::var("GREETING").unwrap_or_else(|_| "(GREETING not set)".into());
    println!("GREETING = {greeting}");

    let mut counts: HashMap<char, usize> = HashMap::new();
    for c in args.join(" ").chars().filter(|c| c.is_alphabetic()) {
        *counts.entry(c).or_default() += 1;
    }
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts.sort();
    println!("letter counts: {counts:?}");
    eprintln!("(this line goes to stderr)");
}
