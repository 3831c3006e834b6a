// Large outputs and files: 2 MB to stdout through BufWriter, a 1 MB file
// written and read back, stderr in many small writes.
use std::io::{BufWriter, Write};

fn main() {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut checksum = 0u64;
    for i in 0..40000u64 {
        let line = format!("line {i:06} {}\n", "x".repeat((i % 40) as usize));
        checksum = checksum.wrapping_mul(31).wrapping_add(line.len() as u64);
        out.write_all(line.as_bytes()).expect("write");
    }
    writeln!(out, "checksum {checksum}").expect("write");
    drop(out);
    let data: Vec<u8> = (0..1_000_000u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write("/sandbox/big.bin", &data).expect("write big");
    let back = std::fs::read("/sandbox/big.bin").expect("read big");
    eprintln!("file roundtrip ok: {}", back == data);
    for i in 0..200 {
        eprint!("{i} ");
    }
    eprintln!();
}
