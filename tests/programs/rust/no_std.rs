// A `#![no_std]`, `#![no_main]` command: no Rust std, C's crt1 and libc
// call our `__main_argc_argv`; output goes through libc's `write`.
// args: one two
#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[link(name = "c")]
extern "C" {
    fn write(fd: i32, buf: *const u8, n: usize) -> isize;
    fn strlen(s: *const u8) -> usize;
}

#[panic_handler]
fn panic(_: &PanicInfo) -> ! {
    loop {}
}

fn out(bytes: &[u8]) {
    unsafe {
        write(1, bytes.as_ptr(), bytes.len());
    }
}

/// # Safety
/// Called by libc's `__main_void` with a valid argv.
#[no_mangle]
pub unsafe extern "C" fn __main_argc_argv(argc: i32, argv: *const *const u8) -> i32 {
    out(b"hello from no_std\n");
    for i in 0..argc as usize {
        let arg = *argv.add(i);
        out(b"arg: ");
        out(core::slice::from_raw_parts(arg, strlen(arg)));
        out(b"\n");
    }
    let mut digits = [0u8; 12];
    let mut n = 1234567u32;
    let mut at = digits.len();
    while n > 0 {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    out(&digits[at..]);
    out(b"\n");
    argc + 10
}
