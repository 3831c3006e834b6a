// std::io::stdin: lines, parsing, sums; BufRead and read_to_string.
// stdin: 10
// stdin: 20
// stdin: not a number
// stdin: 30
use std::io::{self, BufRead};

fn main() {
    let stdin = io::stdin();
    let mut total = 0i64;
    let mut bad = Vec::new();
    for (i, line) in stdin.lock().lines().enumerate() {
        let line = line.expect("read line");
        match line.trim().parse::<i64>() {
            Ok(n) => total += n,
            Err(_) => bad.push((i + 1, line)),
        }
    }
    println!("total = {total}");
    println!("unparsable = {bad:?}");
    let mut rest = String::new();
    let n = io::Read::read_to_string(&mut io::stdin(), &mut rest).expect("read rest");
    println!("after EOF read {n} bytes");
}
