// link: rust rust-own
// args: 7
fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(0);
    let v = vec![1, 2, 3];
    println!("before");
    let r = std::panic::catch_unwind(|| 1);
    println!("{:?}", r.is_ok());
    println!("{}", v[n]);
}
