// A panic: message on stderr, then abort (a trap under wasm32-wasip1).
// args: boom
fn main() {
    let args: Vec<String> = std::env::args().collect();
    println!("about to panic");
    let v: Vec<i32> = Vec::new();
    if args.len() > 1 {
        panic!("deliberate panic with arg {}", args[1]);
    }
    println!("{}", v[0]);
}
