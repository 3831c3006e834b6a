// std's threading surface on single-threaded wasm32-wasip1: spawn fails
// the same way (pthread_create's errno), thread::current, available_parallelism,
// sleep, Mutex/RwLock/Condvar (wait_timeout), OnceLock, thread_local,
// catch_unwind without a panic, and drop order at the end of main.
use std::cell::RefCell;
use std::sync::{Condvar, Mutex, OnceLock, RwLock};
use std::time::{Duration, Instant};

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

thread_local! {
    static COUNTER: RefCell<u32> = const { RefCell::new(0) };
}

fn main() {
    let r = std::thread::Builder::new().name("worker".into()).spawn(|| 1);
    match r {
        Ok(h) => println!("spawn ok: {:?}", h.join().ok()),
        Err(e) => println!("spawn error: kind={:?} raw={:?} msg={e}", e.kind(), e.raw_os_error()),
    }
    let big = std::thread::Builder::new().stack_size(1 << 30).spawn(|| 2);
    println!("spawn with 1 GiB stack: {:?}", big.map(|_| ()).map_err(|e| e.kind()));
    let t = std::thread::current();
    println!("current: name={:?}", t.name());
    println!("available_parallelism: {:?}", std::thread::available_parallelism().map(|n| n.get()).map_err(|e| e.kind()));
    let start = Instant::now();
    std::thread::sleep(Duration::from_millis(5));
    println!("slept >= 5ms: {}", start.elapsed() >= Duration::from_millis(5));
    std::thread::yield_now();

    let m = Mutex::new(5);
    *m.lock().unwrap() += 1;
    let value = *m.lock().unwrap();
    let held_try = {
        let _g = m.lock().unwrap();
        m.try_lock().is_err()
    };
    println!("mutex: {value} try_lock while held fails: {held_try}");
    let rw = RwLock::new(vec![1]);
    {
        let a = rw.read().unwrap();
        let b = rw.read().unwrap();
        println!("two readers: {} {} try_write: {}", a.len(), b.len(), rw.try_write().is_err());
    }
    rw.write().unwrap().push(2);
    println!("rwlock: {:?}", *rw.read().unwrap());
    let cv = Condvar::new();
    let g = m.lock().unwrap();
    let start = Instant::now();
    let (g, res) = cv.wait_timeout(g, Duration::from_millis(3)).unwrap();
    println!("condvar timed out: {} after >= 3ms: {} value {}", res.timed_out(), start.elapsed() >= Duration::from_millis(3), *g);
    drop(g);
    cv.notify_all();

    static CELL: OnceLock<String> = OnceLock::new();
    println!("oncelock: {} {}", CELL.get_or_init(|| "first".into()), CELL.get_or_init(|| "second".into()));
    COUNTER.with(|c| *c.borrow_mut() += 3);
    println!("thread_local: {}", COUNTER.with(|c| *c.borrow()));

    let caught = std::panic::catch_unwind(|| {
        let _n = Noisy("in the catch_unwind closure");
        1
    });
    println!("catch_unwind without panic: {:?}", caught.ok());
    let _keep = Noisy("at end of main");
}
