//! The standard streams: `stdin` (buffered), `stdout` (line buffered on a
//! terminal, fully buffered otherwise) and `stderr` (unbuffered). `stdin`,
//! `stdout` and `stderr` are data symbols holding `FILE *` values, as in
//! wasi-libc; `__stdin_FILE` etc. are the objects themselves.

use super::file::{File, BUFSIZ, EOF, F_NORD, F_NOWR, F_TTYCHK, SPARE, UNGET};
use core::ptr::addr_of_mut;

static mut STDIN_BUF: [u8; BUFSIZ + UNGET] = [0; BUFSIZ + UNGET];
static mut STDOUT_BUF: [u8; BUFSIZ + UNGET + SPARE] = [0; BUFSIZ + UNGET + SPARE];
static mut STDERR_BUF: [u8; UNGET] = [0; UNGET];

/// The `stdin` object.
#[no_mangle]
pub static mut __stdin_FILE: File =
    File::new(0, F_NOWR, unsafe { (addr_of_mut!(STDIN_BUF) as *mut u8).add(UNGET) }, BUFSIZ, EOF);

/// The `stdout` object.
#[no_mangle]
pub static mut __stdout_FILE: File = File::new(
    1,
    F_NORD | F_TTYCHK,
    unsafe { (addr_of_mut!(STDOUT_BUF) as *mut u8).add(UNGET) },
    BUFSIZ,
    b'\n' as i32,
)
.with_spare(SPARE);

/// The `stderr` object.
#[no_mangle]
pub static mut __stderr_FILE: File =
    File::new(2, F_NORD, unsafe { (addr_of_mut!(STDERR_BUF) as *mut u8).add(UNGET) }, 0, EOF);

/// C `stdin`.
#[no_mangle]
pub static mut stdin: *mut File = addr_of_mut!(__stdin_FILE);
/// C `stdout`.
#[no_mangle]
pub static mut stdout: *mut File = addr_of_mut!(__stdout_FILE);
/// C `stderr`.
#[no_mangle]
pub static mut stderr: *mut File = addr_of_mut!(__stderr_FILE);

/// The `stdin` stream.
pub fn stdin_ptr() -> *mut File {
    addr_of_mut!(__stdin_FILE)
}

/// The `stdout` stream.
pub fn stdout_ptr() -> *mut File {
    addr_of_mut!(__stdout_FILE)
}

/// The `stderr` stream.
pub fn stderr_ptr() -> *mut File {
    addr_of_mut!(__stderr_FILE)
}

/// musl's `__stdin_used` (the same pointer as `stdin`).
#[no_mangle]
pub static mut __stdin_used: *mut File = addr_of_mut!(__stdin_FILE);
/// musl's `__stdout_used`.
#[no_mangle]
pub static mut __stdout_used: *mut File = addr_of_mut!(__stdout_FILE);
/// musl's `__stderr_used`.
#[no_mangle]
pub static mut __stderr_used: *mut File = addr_of_mut!(__stderr_FILE);
