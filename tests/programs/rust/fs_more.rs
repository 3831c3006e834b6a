// More std::fs: nested create_dir_all, copy, metadata lengths, seek/read,
// File::set_len, remove_dir_all, canonical error kinds.
// dir: in/data.bin=0123456789
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};

fn main() {
    let r = "/sandbox";
    fs::create_dir_all(format!("{r}/a/b/c")).expect("create_dir_all");
    let copied = fs::copy(format!("{r}/in/data.bin"), format!("{r}/a/b/c/copy.bin")).expect("copy");
    println!("copied {copied} bytes");
    let mut f = File::open(format!("{r}/a/b/c/copy.bin")).expect("open");
    f.seek(SeekFrom::Start(4)).expect("seek");
    let mut buf = [0u8; 3];
    f.read_exact(&mut buf).expect("read_exact");
    println!("bytes 4..7: {}", String::from_utf8_lossy(&buf));
    let end = f.seek(SeekFrom::End(-2)).expect("seek end");
    println!("seek end-2 = {end}");
    drop(f);
    let mut f = OpenOptions::new().read(true).write(true).open(format!("{r}/a/b/c/copy.bin")).expect("open rw");
    f.set_len(5).expect("set_len");
    f.seek(SeekFrom::End(0)).expect("seek");
    f.write_all(b"XY").expect("write");
    drop(f);
    println!("after set_len+append: {}", fs::read_to_string(format!("{r}/a/b/c/copy.bin")).expect("read"));
    fs::write(format!("{r}/a/b/x.txt"), "x").expect("write x");
    fs::remove_dir_all(format!("{r}/a/b")).expect("remove_dir_all");
    println!("a/b exists: {}", fs::metadata(format!("{r}/a/b")).is_ok());
    println!("a is dir: {}", fs::metadata(format!("{r}/a")).map(|m| m.is_dir()).unwrap_or(false));
    let kinds: Vec<String> = [
        fs::create_dir(format!("{r}/a")).err(),
        fs::remove_dir(format!("{r}/in")).err(),
        File::open(format!("{r}/nope")).err(),
        fs::read_dir(format!("{r}/in/data.bin")).err(),
    ]
    .into_iter()
    .map(|e| e.map(|e| format!("{:?}", e.kind())).unwrap_or_else(|| "ok".into()))
    .collect();
    println!("error kinds: {kinds:?}");
}
