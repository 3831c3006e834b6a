// Stdin from a file next to the program (stdin-file directive), read as
// bytes: line count, byte count, UTF-8 validity.
// stdin-file: stdin_file.input
use std::io::Read;

fn main() {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).expect("read stdin");
    let text = String::from_utf8(bytes.clone());
    println!("{} bytes, {} newlines, valid UTF-8: {}", bytes.len(), bytes.iter().filter(|b| **b == b'\n').count(), text.is_ok());
    if let Ok(text) = text {
        for (i, line) in text.lines().enumerate() {
            println!("{i}: {line:?} ({} chars)", line.chars().count());
        }
    }
}
