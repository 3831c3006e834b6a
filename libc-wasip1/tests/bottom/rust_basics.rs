use std::collections::HashMap;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    println!("args: {:?}", args);
    eprintln!("to stderr");
    println!("FOO={:?}", std::env::var("FOO"));
    let mut m = HashMap::new();
    for i in 0..1000 { m.insert(i, format!("v{i}")); }
    let v: Vec<u64> = (0..100000).collect();
    println!("sum={} len={} m[7]={}", v.iter().sum::<u64>(), m.len(), m[&7]);
    let vars: Vec<(String,String)> = std::env::vars().collect();
    println!("nvars={}", vars.len());
    std::process::exit(3);
}
