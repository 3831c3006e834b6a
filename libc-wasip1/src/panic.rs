//! The crate's one `#[panic_handler]`: a Rust panic inside libc aborts.

#[panic_handler]
fn panic(_info: &core::panic::PanicInfo<'_>) -> ! {
    crate::posix::exit::abort_now()
}
