// The system allocator (libc malloc/aligned_alloc/realloc/free under Rust's
// std): aligned layouts, zeroed allocations, realloc growth, many small boxes.
use std::alloc::{alloc, alloc_zeroed, dealloc, realloc, Layout};

fn main() {
    unsafe {
        for align in [1usize, 2, 8, 16, 64, 256, 4096, 65536] {
            for size in [1usize, 7, 100, 5000] {
                let layout = Layout::from_size_align(size, align).expect("layout");
                let p = alloc(layout);
                assert!(!p.is_null(), "alloc failed");
                assert_eq!(p as usize % align, 0, "misaligned for {align}");
                p.write_bytes(0x5a, size);
                let q = realloc(p, layout, size * 3);
                assert!(!q.is_null() && q as usize % align == 0, "realloc lost alignment {align}");
                assert!((0..size).all(|i| *q.add(i) == 0x5a), "realloc lost data");
                dealloc(q, Layout::from_size_align(size * 3, align).expect("layout"));
            }
        }
        let layout = Layout::from_size_align(1 << 20, 16).expect("layout");
        let z = alloc_zeroed(layout);
        println!("zeroed 1 MiB all zero: {}", (0..1 << 20).all(|i| *z.add(i) == 0));
        dealloc(z, layout);
    }
    println!("aligned allocations ok");
    let mut boxes: Vec<Box<[u64]>> = Vec::new();
    for i in 0..5000u64 {
        boxes.push(vec![i; (i % 17) as usize + 1].into_boxed_slice());
        if i % 3 == 0 {
            boxes.swap_remove((i as usize * 7) % boxes.len());
        }
    }
    let total: u64 = boxes.iter().map(|b| b.iter().sum::<u64>()).sum();
    println!("boxes: {}, total: {total}", boxes.len());
    let mut big = Vec::new();
    for i in 0..25 {
        big.push(vec![i as u8; 1 << 20]);
    }
    println!("25 MiB live: {}", big.iter().map(|v| v.len()).sum::<usize>());
}
