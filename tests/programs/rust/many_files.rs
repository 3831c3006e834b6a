// Hundreds of files through std::fs: create, keep many File handles open,
// read_dir with metadata, rename half, remove a third.
use std::fs::{self, File};
use std::io::{Read, Write};

fn main() {
    let dir = "/sandbox/many";
    fs::create_dir(dir).expect("mkdir");
    let mut handles = Vec::new();
    for i in 0..300 {
        let mut f = File::create(format!("{dir}/n{i:03}.txt")).expect("create");
        write!(f, "{}", "#".repeat(i % 50)).expect("write");
        handles.push(f);
    }
    drop(handles);
    let mut total = 0u64;
    let mut count = 0;
    for entry in fs::read_dir(dir).expect("read_dir") {
        let entry = entry.expect("entry");
        total += entry.metadata().expect("metadata").len();
        count += 1;
    }
    println!("{count} files, {total} bytes");
    for i in (0..300).step_by(2) {
        fs::rename(format!("{dir}/n{i:03}.txt"), format!("{dir}/r{i:03}.txt")).expect("rename");
    }
    for i in (0..300).step_by(3) {
        let name = if i % 2 == 0 { format!("{dir}/r{i:03}.txt") } else { format!("{dir}/n{i:03}.txt") };
        fs::remove_file(name).expect("remove");
    }
    let mut s = String::new();
    File::open(format!("{dir}/r298.txt")).expect("open").read_to_string(&mut s).expect("read");
    println!("r298 has {} bytes", s.len());
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().into_string().unwrap_or_default())
        .collect();
    names.sort();
    println!("{} left, first {:?}, last {:?}", names.len(), names.first(), names.last());
}
