// link: rust rust-own
// expect-exit: 0
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;
trait Shape { fn area(&self) -> f64; }
struct Sq(f64);
struct Circ(f64);
impl Shape for Sq { fn area(&self) -> f64 { self.0 * self.0 } }
impl Shape for Circ { fn area(&self) -> f64 { 3.0 * self.0 * self.0 } }
fn main() {
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Sq(2.0)), Box::new(Circ(1.0))];
    let total: f64 = shapes.iter().map(|s| s.area()).sum();
    let mut b = BTreeMap::new();
    for w in "the quick brown fox jumps over the lazy dog the end".split(' ') { *b.entry(w).or_insert(0) += 1; }
    let h: HashSet<_> = (0..100).map(|i| i % 7).collect();
    let mut m: HashMap<String, usize> = HashMap::new();
    m.insert("x".into(), 1);
    let mut s = String::new();
    write!(s, "{total} {:?} {} {}", b, h.len(), m["x"]).unwrap();
    println!("{s}");
    let r = std::panic::catch_unwind(|| 1);
    println!("{:?}", r.is_ok());
    let v: Vec<u64> = (1..=20).map(|i| (1..=i).product()).collect();
    println!("{:?}", &v[15..]);
    eprintln!("done");
}
