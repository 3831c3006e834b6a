// Pure-std work that stresses the allocator and formatting: BTreeMap,
// VecDeque, sorting, string building, float formatting.
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fmt::Write;

fn main() {
    let mut seed = 42u64;
    let mut next = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        seed >> 33
    };
    let mut words: BTreeMap<String, usize> = BTreeMap::new();
    for _ in 0..20000 {
        let len = 1 + next() % 4;
        let w: String = (0..len).map(|_| (b'a' + (next() % 6) as u8) as char).collect();
        *words.entry(w).or_default() += 1;
    }
    println!("distinct words: {}", words.len());
    let top: Vec<_> = {
        let mut v: Vec<_> = words.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        v.into_iter().take(5).collect()
    };
    println!("top: {top:?}");
    let mut q: VecDeque<u64> = (0..1000).collect();
    q.rotate_left(333);
    while q.len() > 10 {
        let a = q.pop_front().unwrap_or(0);
        let b = q.pop_back().unwrap_or(0);
        q.push_back(a ^ b);
    }
    println!("deque: {q:?}");
    let set: BTreeSet<u64> = (0..5000).map(|_| next() % 1000).collect();
    println!("set: {} values, first {:?}, last {:?}", set.len(), set.first(), set.last());
    let mut s = String::new();
    for x in [0.1f64, 1.0 / 3.0, 2.0f64.sqrt(), 1e21, 1e-7, f64::MAX, -0.0] {
        let _ = write!(s, "{x} {x:.3} {x:e} | ");
    }
    println!("floats: {s}");
    println!("ints: {} {:#x} {:o} {:b} {:>8} {:<8}|", i64::MIN, u32::MAX, 8, 5, "r", "l");
}
