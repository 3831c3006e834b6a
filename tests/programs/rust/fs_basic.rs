// std::fs in the preopened directory: create, write, read, append,
// read_dir, rename, remove, create_dir.
// dir: seed.txt=seeded contents\n
use std::fs;
use std::io::Write;

fn main() {
    let root = "/sandbox";
    let seed = fs::read_to_string(format!("{root}/seed.txt")).expect("read seed");
    print!("seed: {seed}");

    fs::write(format!("{root}/a.txt"), b"first line\n").expect("write a");
    let mut f = fs::OpenOptions::new().append(true).open(format!("{root}/a.txt")).expect("open append");
    f.write_all(b"second line\n").expect("append");
    drop(f);
    print!("a.txt: {}", fs::read_to_string(format!("{root}/a.txt")).expect("read a"));

    fs::create_dir(format!("{root}/sub")).expect("mkdir");
    fs::write(format!("{root}/sub/b.bin"), [0u8, 1, 2, 255]).expect("write b");
    fs::rename(format!("{root}/a.txt"), format!("{root}/sub/renamed.txt")).expect("rename");
    fs::write(format!("{root}/gone.txt"), b"x").expect("write gone");
    fs::remove_file(format!("{root}/gone.txt")).expect("remove");
    println!("gone exists: {}", fs::metadata(format!("{root}/gone.txt")).is_ok());
    let meta = fs::metadata(format!("{root}/sub/renamed.txt")).expect("stat");
    println!("renamed len: {}, is_file: {}", meta.len(), meta.is_file());

    let mut names: Vec<String> = fs::read_dir(format!("{root}/sub"))
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    println!("sub: {names:?}");
    match fs::read(format!("{root}/does-not-exist")) {
        Ok(_) => println!("unexpected success"),
        Err(e) => println!("missing file error kind: {:?}", e.kind()),
    }
}
