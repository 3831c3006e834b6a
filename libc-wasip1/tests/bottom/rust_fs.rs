use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
fn main() {
    let d = std::path::Path::new("/sandbox");
    let f = d.join("a.txt");
    { let mut fh = File::create(&f).unwrap(); fh.write_all(b"hello world\n").unwrap(); }
    { let mut fh = OpenOptions::new().append(true).open(&f).unwrap(); fh.write_all(b"more\n").unwrap(); }
    let s = fs::read_to_string(&f).unwrap(); print!("content: {s}");
    let mut fh = File::open(&f).unwrap(); fh.seek(SeekFrom::Start(6)).unwrap();
    let mut buf = String::new(); fh.read_to_string(&mut buf).unwrap(); print!("after seek: {buf}");
    let md = fs::metadata(&f).unwrap(); println!("len={} file={} dir={}", md.len(), md.is_file(), md.is_dir());
    println!("modified ok: {}", md.modified().is_ok());
    fs::create_dir_all(d.join("x/y/z")).unwrap();
    fs::write(d.join("x/y/z/f"), b"zz").unwrap();
    fs::rename(d.join("x/y/z/f"), d.join("x/g")).unwrap();
    let mut names: Vec<String> = fs::read_dir(d.join("x")).unwrap().map(|e| { let e = e.unwrap(); format!("{}:{}", e.file_name().to_string_lossy(), e.file_type().unwrap().is_dir()) }).collect();
    names.sort(); println!("read_dir: {names:?}");
    fs::hard_link(d.join("x/g"), d.join("x/h")).unwrap();
    #[allow(deprecated)] fs::soft_link("g", d.join("x/s")).unwrap();
    println!("readlink: {:?}", fs::read_link(d.join("x/s")).unwrap());
    println!("canon: {:?}", fs::canonicalize(d.join("x/y/../s")).unwrap());
    println!("symlink_metadata is_symlink: {}", fs::symlink_metadata(d.join("x/s")).unwrap().file_type().is_symlink());
    std::env::set_current_dir("/sandbox/x").unwrap();
    println!("cwd: {:?}", std::env::current_dir().unwrap());
    println!("rel read: {:?}", fs::read_to_string("h").unwrap());
    println!("missing: {:?}", fs::read("nope").map_err(|e| e.kind()));
    println!("remove dir nonempty: {:?}", fs::remove_dir("/sandbox/x/y").map_err(|e| e.kind()));
    fs::remove_dir_all("/sandbox/x").unwrap();
    fs::remove_file(&f).unwrap();
    println!("exists after: {}", f.exists());
    let t0 = std::time::Instant::now(); std::thread::sleep(std::time::Duration::from_millis(20));
    println!("slept >= 20ms: {}", t0.elapsed().as_millis() >= 20);
    println!("systime > 2020: {}", std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() > 1_600_000_000);
    println!("spawn: {:?}", std::thread::Builder::new().spawn(|| 1).map(|_| ()).map_err(|e| e.kind()));
    let r = std::panic::catch_unwind(|| 1); println!("catch: {r:?}");
    let v: Option<u8> = None; v.expect("boom");
}
