// std::io::Error for each errno: provokes as many errno values as std's
// fs/env/io/net APIs can reach in a WASI sandbox and prints kind() and
// raw_os_error() of each; then, for every errno value 0..=76, the kind and
// Display of io::Error::from_raw_os_error(n) (Display goes through the
// libc's strerror_r, so every message must be wasi-libc's).
// dir: file.txt=hello
// dir: full/a.txt=a
// mkdir: empty
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::os::fd::FromRawFd;

#[allow(deprecated)]
fn soft_link(target: &str, link: String) -> io::Result<()> {
    fs::soft_link(target, link)
}

fn show<T>(what: &str, r: io::Result<T>) {
    match r {
        Ok(_) => println!("{what}: ok"),
        Err(e) => println!("{what}: kind={:?} raw={:?}", e.kind(), e.raw_os_error()),
    }
}

fn main() {
    let r = "/sandbox";
    let p = |s: &str| format!("{r}/{s}");
    show("ENOENT open missing", File::open(p("missing")));
    show("ENOENT create_dir in missing", fs::create_dir(p("missing/sub")));
    show("ENOENT remove_file missing", fs::remove_file(p("missing")));
    show("ENOENT metadata missing", fs::metadata(p("missing/x")));
    show("EEXIST create_dir existing", fs::create_dir(p("empty")));
    show("EEXIST create_new existing", OpenOptions::new().write(true).create_new(true).open(p("file.txt")));
    show("EEXIST hard_link onto existing", fs::hard_link(p("file.txt"), p("full/a.txt")));
    show("EEXIST symlink onto existing", soft_link("x", p("file.txt")));
    show("ENOTDIR read_dir of file", fs::read_dir(p("file.txt")));
    show("ENOTDIR open through file", File::open(p("file.txt/x")));
    show("ENOTDIR remove_dir of file", fs::remove_dir(p("file.txt")));
    show("ENOTDIR metadata file/", fs::metadata(p("file.txt/")));
    show("ENOTDIR rename dir onto file", fs::rename(p("empty"), p("file.txt")));
    show("EISDIR write-open a dir", OpenOptions::new().write(true).open(p("empty")));
    show("EISDIR rename file onto dir", fs::rename(p("file.txt"), p("empty")));
    show("EISDIR remove_file of dir", fs::remove_file(p("empty")));
    show("read of a dir", File::open(p("empty")).and_then(|mut f| f.read(&mut [0u8; 4])));
    show("ENOTEMPTY remove_dir", fs::remove_dir(p("full")));
    show("ENOTEMPTY rename onto non-empty dir", fs::rename(p("empty"), p("full")));
    show("EINVAL read_link of file", fs::read_link(p("file.txt")));
    show("EINVAL rename dir into itself", fs::rename(p("full"), p("full/inner")));
    show("EINVAL seek before start", File::open(p("file.txt")).and_then(|mut f| f.seek(SeekFrom::Current(-10))));
    show("ENAMETOOLONG", File::open(p(&"n".repeat(300))));
    let _ = soft_link("loop2", p("loop1"));
    let _ = soft_link("loop1", p("loop2"));
    show("ELOOP open symlink loop", File::open(p("loop1")));
    show("ELOOP metadata symlink loop", fs::metadata(p("loop1")));
    show("EBADF write to read-only", File::open(p("file.txt")).and_then(|mut f| f.write(b"x")));
    show("EBADF read from write-only", OpenOptions::new().write(true).open(p("file.txt")).and_then(|mut f| f.read(&mut [0u8; 4])));
    show("EBADF set_len read-only", File::open(p("file.txt")).and_then(|f| f.set_len(1)));
    let mut bad = unsafe { File::from_raw_fd(1234) };
    show("EBADF read bad fd", bad.read(&mut [0u8; 4]));
    show("EBADF metadata bad fd", bad.metadata());
    std::mem::forget(bad);
    show("outside preopen open /etc/passwd", File::open("/etc/passwd"));
    show("outside preopen create /x", File::create("/x"));
    show("escape with .. open", File::open(p("../escape")));
    show("escape with .. create_dir", fs::create_dir(p("empty/../../escape")));
    show("relative path without cwd preopen", File::open("relative.txt"));
    let mut stdout_file = std::mem::ManuallyDrop::new(unsafe { File::from_raw_fd(1) });
    io::stdout().flush().unwrap();
    show("ESPIPE seek stdout", stdout_file.seek(SeekFrom::Start(3)));
    show("set_current_dir missing", std::env::set_current_dir(p("missing")));
    show("set_current_dir file", std::env::set_current_dir(p("file.txt")));
    show("InvalidInput nul in path", File::open("/sandbox/a\0b"));
    show("InvalidInput no access mode", OpenOptions::new().open(p("file.txt")));
    show("Unsupported process spawn", std::process::Command::new("ls").output());
    show("Unsupported tcp bind", std::net::TcpListener::bind("127.0.0.1:0"));
    show("Unsupported set_permissions", fs::metadata(p("file.txt")).and_then(|m| { let mut perm = m.permissions(); perm.set_readonly(true); fs::set_permissions(p("file.txt"), perm) }));
    println!("file.txt still: {:?}", fs::read_to_string(p("file.txt")).ok());
    for n in 0..=76 {
        let e = io::Error::from_raw_os_error(n);
        println!("{n}: {:?}: {e}", e.kind());
    }
}
