// The end-to-end program: stdout, stderr, args, env, allocation, exit code.
// args: greet 7 alpha beta
// env: GREETING=hello from env
// env: EXTRA=42
use std::collections::HashMap;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    println!("argc = {}", args.len());
    for (i, a) in args.iter().enumerate() {
        println!("argv[{i}] = {a}");
    }
    let greeting = std::env::var("GREETING").unwrap_or_else(|_| "<unset>".to_string());
    println!("GREETING = {greeting}");
    println!("MISSING = {:?}", std::env::var("MISSING").ok());
    let mut env: Vec<(String, String)> = std::env::vars().collect();
    env.sort();
    println!("env count = {}", env.len());

    // Allocation: Vec, String, HashMap, Box.
    let mut v: Vec<u64> = (1..=1000).collect();
    v.retain(|x| x % 3 == 0);
    let sum: u64 = v.iter().sum();
    println!("sum of multiples of 3 up to 1000 = {sum}");
    let mut s = String::new();
    for word in args.iter().skip(3) {
        s.push_str(&word.to_uppercase());
        s.push('-');
    }
    println!("joined = {s}");
    let mut counts: HashMap<char, usize> = HashMap::new();
    for c in "the quick brown fox jumps over the lazy dog".chars().filter(|c| c.is_alphabetic()) {
        *counts.entry(c).or_default() += 1;
    }
    let mut top: Vec<(char, usize)> = counts.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("most common = {:?}", &top[..3]);
    let boxed: Box<[u8]> = vec![0xAB; 1 << 20].into_boxed_slice();
    println!("boxed len = {}, last = {:#x}", boxed.len(), boxed[boxed.len() - 1]);

    eprintln!("this line goes to stderr");
    let code: i32 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(0);
    std::process::exit(code);
}
