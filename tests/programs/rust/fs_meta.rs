// std::fs metadata and options: create_new, set_permissions(readonly),
// set_modified, symlink_metadata, io::copy, sync_all, file_type checks.
// dir: src.txt=source text\n
use std::fs::{self, File, FileTimes, OpenOptions};
use std::time::{Duration, UNIX_EPOCH};

fn main() {
    let r = "/sandbox";
    let first = OpenOptions::new().write(true).create_new(true).open(format!("{r}/new.txt")).is_ok();
    let second = OpenOptions::new().write(true).create_new(true).open(format!("{r}/new.txt")).map_err(|e| e.kind());
    println!("create_new: {first}, again: {second:?}");
    let mut src = File::open(format!("{r}/src.txt")).expect("open src");
    let mut dst = File::create(format!("{r}/dst.txt")).expect("create dst");
    let copied = std::io::copy(&mut src, &mut dst).expect("copy");
    dst.sync_all().expect("sync_all");
    let when = UNIX_EPOCH + Duration::from_secs(1_234_567_890);
    dst.set_times(FileTimes::new().set_modified(when).set_accessed(when)).expect("set_times");
    drop(dst);
    println!("io::copy {copied} bytes");
    let meta = fs::metadata(format!("{r}/dst.txt")).expect("metadata");
    println!("dst: len {}, file {}, dir {}, modified {:?}", meta.len(), meta.is_file(), meta.is_dir(),
        meta.modified().ok().and_then(|m| m.duration_since(UNIX_EPOCH).ok()).map(|d| d.as_secs()));
    let mut perms = meta.permissions();
    println!("readonly before: {}", perms.readonly());
    perms.set_readonly(true);
    println!("set_permissions readonly: {:?}", fs::set_permissions(format!("{r}/dst.txt"), perms).map_err(|e| e.kind()));
    let dir_meta = fs::symlink_metadata(r).expect("symlink_metadata");
    println!("sandbox is dir: {}, symlink: {}", dir_meta.is_dir(), dir_meta.file_type().is_symlink());
    let mut entries: Vec<(String, bool)> = fs::read_dir(r)
        .expect("read_dir")
        .map(|e| e.expect("entry"))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.file_type().map(|t| t.is_file()).unwrap_or(false)))
        .collect();
    entries.sort();
    println!("entries: {entries:?}");
}
