// More of Rust std over the bottom half; output must match wasi-libc.
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, Read, Write};

fn main() {
    let mut input = String::new();
    println!("stdin read: {:?}", io::stdin().read_to_string(&mut input).map(|n| n));
    println!("stdin lines: {}", io::stdin().lock().lines().count());
    let mut vars: Vec<(String, String)> = std::env::vars().collect();
    vars.sort();
    println!("vars: {vars:?}");
    println!("args: {:?}", std::env::args().skip(1).collect::<Vec<_>>());
    std::env::set_var("NEW", "v");
    std::env::remove_var("FOO");
    println!("NEW={:?} FOO={:?}", std::env::var("NEW"), std::env::var("FOO"));
    let p = "/sandbox/data.bin";
    let mut f = OpenOptions::new().create_new(true).write(true).open(p).unwrap();
    f.write_all(&[7u8; 100_000]).unwrap();
    f.sync_all().unwrap();
    f.set_len(12345).unwrap();
    drop(f);
    println!("create_new again: {:?}", OpenOptions::new().create_new(true).write(true).open(p).map_err(|e| e.kind()));
    println!("copy: {:?}", fs::copy(p, "/sandbox/copy.bin"));
    let md = fs::metadata("/sandbox/copy.bin").unwrap();
    println!("len={} readonly={} accessed_ok={}", md.len(), md.permissions().readonly(), md.accessed().is_ok());
    let mut perms = md.permissions();
    perms.set_readonly(true);
    println!("set_permissions: {:?}", fs::set_permissions("/sandbox/copy.bin", perms).map_err(|e| e.kind()));
    let f = File::open("/sandbox/copy.bin").unwrap();
    println!("set_modified: {:?}", f.set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000)).map_err(|e| e.kind()));
    println!("mtime now: {:?}", fs::metadata("/sandbox/copy.bin").unwrap().modified().unwrap().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs());
    let mut buf = Vec::new();
    File::open(p).unwrap().take(10).read_to_end(&mut buf).unwrap();
    println!("take: {buf:?}");
    println!("open dir as file write: {:?}", OpenOptions::new().write(true).open("/sandbox").map_err(|e| e.kind()));
    println!("read_dir missing: {:?}", fs::read_dir("/sandbox/nope").map(|_| ()).map_err(|e| e.kind()));
    println!("outside preopen: {:?}", fs::read("/etc/passwd").map(|_| ()).map_err(|e| e.kind()));
    println!("relative before chdir: {:?}", fs::metadata("data.bin").map(|m| m.len()).map_err(|e| e.kind()));
    println!("current_dir: {:?}", std::env::current_dir());
    println!("temp_dir: {:?}", std::env::temp_dir());
    println!("available_parallelism: {:?}", std::thread::available_parallelism().map_err(|e| e.kind()));
    thread_local!(static T: std::cell::Cell<u32> = const { std::cell::Cell::new(5) });
    T.with(|t| t.set(t.get() + 1));
    println!("tls: {}", T.with(|t| t.get()));
    let big: Vec<u8> = vec![1; 50 << 20];
    println!("big alloc: {}", big.len());
    drop(big);
    let mut v: Vec<String> = Vec::new();
    for i in 0..200_000 { v.push(i.to_string()); }
    v.retain(|s| s.ends_with('7'));
    println!("strings kept: {}", v.len());
    let r = std::panic::catch_unwind(|| { let x: Vec<u8> = Vec::new(); x[1] });
    println!("catch_unwind of index panic is_err: {}", r.is_err());
}
