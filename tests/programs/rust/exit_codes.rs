// Exit paths: main returning Err (status 1, message on stderr) after output.
// args: fail
use std::fmt;

#[derive(Debug)]
struct MyError(&'static str);
impl fmt::Display for MyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "my error: {}", self.0)
    }
}
impl std::error::Error for MyError {}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    print!("partial line without newline, ");
    println!("then a full line");
    if std::env::args().nth(1).as_deref() == Some("fail") {
        return Err(Box::new(MyError("returned from main")));
    }
    Ok(())
}
