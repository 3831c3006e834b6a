// link: rust
// expect-exit: 0
// A #[link_section] static becomes a custom section, carried like wasm-ld does.
#[link_section = "my_custom_section"]
#[used]
static META: [u8; 8] = *b"metadata";
#[link_section = "my_custom_section"]
#[used]
static MORE: [u8; 4] = *b"more";
fn main() {
    println!("sections carried");
}
