// std::time and std::env bits with deterministic output: sleep, Instant,
// SystemTime, current_dir, vars_os, args_os.
// args: x y
// env: ONE=1
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn main() {
    let start = Instant::now();
    std::thread::sleep(Duration::from_millis(20));
    let slept = start.elapsed();
    println!("slept at least 20ms: {}", slept >= Duration::from_millis(20));
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    println!("system time after 2023: {}", now > 1_700_000_000);
    println!("current_dir: {:?}", std::env::current_dir().map(|p| p.display().to_string()).map_err(|e| e.kind()));
    println!("args_os: {:?}", std::env::args_os().skip(1).collect::<Vec<_>>());
    let mut vars: Vec<_> = std::env::vars_os().collect();
    vars.sort();
    println!("vars_os: {vars:?}");
}
