//! Pseudo-random generators with musl's exact sequences: `rand`/`srand`
//! (64-bit LCG), `rand_r` (tempered 32-bit LCG), `random` and friends (the
//! BSD additive feedback generator), and the `drand48` family (48-bit LCG).
//! None of them is thread-safe beyond what C requires.

use core::ffi::{c_char, c_int, c_long, c_uint};

const LCG64_MUL: u64 = 6364136223846793005;

static mut RAND_SEED: u64 = 0;

/// C `srand`.
#[no_mangle]
pub unsafe extern "C" fn srand(s: c_uint) {
    RAND_SEED = (s as u64).wrapping_sub(1);
}

/// C `rand`.
#[no_mangle]
pub unsafe extern "C" fn rand() -> c_int {
    RAND_SEED = RAND_SEED.wrapping_mul(LCG64_MUL).wrapping_add(1);
    (RAND_SEED >> 33) as c_int
}

fn temper(mut x: u32) -> u32 {
    x ^= x >> 11;
    x ^= (x << 7) & 0x9D2C_5680;
    x ^= (x << 15) & 0xEFC6_0000;
    x ^= x >> 18;
    x
}

/// C `rand_r`.
#[no_mangle]
pub unsafe extern "C" fn rand_r(seed: *mut c_uint) -> c_int {
    *seed = (*seed).wrapping_mul(1103515245).wrapping_add(12345);
    (temper(*seed) / 2) as c_int
}

/// State of `random()`: `x` points one word past the state header word.
struct Random {
    n: usize,
    i: usize,
    j: usize,
    x: *mut u32,
}

/// The default 31-word state (plus header), as left by `srandom(1)`.
static mut DEFAULT_STATE: [u32; 32] = default_state();
static mut R: Random = Random { n: 31, i: 3, j: 0, x: core::ptr::null_mut() };

const fn default_state() -> [u32; 32] {
    let mut t = [0u32; 32];
    let mut s: u64 = 1;
    let mut k = 1;
    while k < 32 {
        s = s.wrapping_mul(LCG64_MUL).wrapping_add(1);
        t[k] = (s >> 32) as u32;
        k += 1;
    }
    t[1] |= 1;
    t
}

unsafe fn state() -> &'static mut Random {
    let r = &mut *core::ptr::addr_of_mut!(R);
    if r.x.is_null() {
        r.x = (core::ptr::addr_of_mut!(DEFAULT_STATE) as *mut u32).add(1);
    }
    r
}

unsafe fn seed_state(r: &mut Random, seed: u32) {
    let mut s = seed as u64;
    if r.n == 0 {
        *r.x = seed;
        return;
    }
    r.i = if r.n == 31 || r.n == 7 { 3 } else { 1 };
    r.j = 0;
    for k in 0..r.n {
        s = s.wrapping_mul(LCG64_MUL).wrapping_add(1);
        *r.x.add(k) = (s >> 32) as u32;
    }
    *r.x |= 1;
}

unsafe fn save_state(r: &mut Random) -> *mut c_char {
    *r.x.sub(1) = ((r.n as u32) << 16) | ((r.i as u32) << 8) | r.j as u32;
    r.x.sub(1) as *mut c_char
}

/// C `srandom`.
#[no_mangle]
pub unsafe extern "C" fn srandom(seed: c_uint) {
    seed_state(state(), seed);
}

/// C `random`.
#[no_mangle]
pub unsafe extern "C" fn random() -> c_long {
    let r = state();
    if r.n == 0 {
        let v = (*r.x).wrapping_mul(1103515245).wrapping_add(12345) & 0x7fff_ffff;
        *r.x = v;
        return v as c_long;
    }
    let v = (*r.x.add(r.i)).wrapping_add(*r.x.add(r.j));
    *r.x.add(r.i) = v;
    r.i += 1;
    if r.i == r.n {
        r.i = 0;
    }
    r.j += 1;
    if r.j == r.n {
        r.j = 0;
    }
    (v >> 1) as c_long
}

/// C `initstate`.
#[no_mangle]
pub unsafe extern "C" fn initstate(seed: c_uint, st: *mut c_char, size: usize) -> *mut c_char {
    if size < 8 {
        return core::ptr::null_mut();
    }
    let r = state();
    let old = save_state(r);
    r.n = match size {
        0..=31 => 0,
        32..=63 => 7,
        64..=127 => 15,
        128..=255 => 31,
        _ => 63,
    };
    r.x = (st as *mut u32).add(1);
    seed_state(r, seed);
    save_state(r);
    old
}

/// C `setstate`.
#[no_mangle]
pub unsafe extern "C" fn setstate(st: *mut c_char) -> *mut c_char {
    let r = state();
    let old = save_state(r);
    r.x = (st as *mut u32).add(1);
    let h = *r.x.sub(1);
    r.n = (h >> 16) as usize;
    r.i = ((h >> 8) & 0xff) as usize;
    r.j = (h & 0xff) as usize;
    old
}

/// The `drand48` state: `Xi` (3 words), then `a` (3 words) and `c`.
#[no_mangle]
pub static mut __seed48: [u16; 7] = [0, 0, 0, 0xe66d, 0xdeec, 0x5, 0xb];

unsafe fn seed48_ptr() -> *mut u16 {
    core::ptr::addr_of_mut!(__seed48) as *mut u16
}

/// C `__rand48_step`: advances the 48-bit state `xi` with the parameters
/// `lc` (`a` in three words, then `c`) and returns the new state.
#[no_mangle]
pub unsafe extern "C" fn __rand48_step(xi: *mut u16, lc: *mut u16) -> u64 {
    let x = *xi as u64 | (*xi.add(1) as u64) << 16 | (*xi.add(2) as u64) << 32;
    let a = *lc as u64 | (*lc.add(1) as u64) << 16 | (*lc.add(2) as u64) << 32;
    let x = a.wrapping_mul(x).wrapping_add(*lc.add(3) as u64) & 0xffff_ffff_ffff;
    *xi = x as u16;
    *xi.add(1) = (x >> 16) as u16;
    *xi.add(2) = (x >> 32) as u16;
    x
}

/// C `erand48`.
#[no_mangle]
pub unsafe extern "C" fn erand48(s: *mut u16) -> f64 {
    let x = __rand48_step(s, seed48_ptr().add(3));
    f64::from_bits(0x3ff0_0000_0000_0000 | x << 4) - 1.0
}

/// C `drand48`.
#[no_mangle]
pub unsafe extern "C" fn drand48() -> f64 {
    erand48(seed48_ptr())
}

/// C `nrand48`.
#[no_mangle]
pub unsafe extern "C" fn nrand48(s: *mut u16) -> c_long {
    (__rand48_step(s, seed48_ptr().add(3)) >> 17) as c_long
}

/// C `lrand48`.
#[no_mangle]
pub unsafe extern "C" fn lrand48() -> c_long {
    nrand48(seed48_ptr())
}

/// C `jrand48`.
#[no_mangle]
pub unsafe extern "C" fn jrand48(s: *mut u16) -> c_long {
    (__rand48_step(s, seed48_ptr().add(3)) >> 16) as u32 as i32 as c_long
}

/// C `mrand48`.
#[no_mangle]
pub unsafe extern "C" fn mrand48() -> c_long {
    jrand48(seed48_ptr())
}

static mut SEED48_OLD: [u16; 3] = [0; 3];

/// C `seed48`: sets `Xi`, restores the default `a` and `c`, and returns the
/// previous `Xi`.
#[no_mangle]
pub unsafe extern "C" fn seed48(s: *mut u16) -> *mut u16 {
    let p = seed48_ptr();
    let old = core::ptr::addr_of_mut!(SEED48_OLD) as *mut u16;
    core::ptr::copy_nonoverlapping(p, old, 3);
    core::ptr::copy_nonoverlapping(s, p, 3);
    let dflt = [0xe66d, 0xdeec, 0x5, 0xb];
    core::ptr::copy_nonoverlapping(dflt.as_ptr(), p.add(3), 4);
    old
}

/// C `srand48`.
#[no_mangle]
pub unsafe extern "C" fn srand48(seed: c_long) {
    let mut s = [0x330e, seed as u16, (seed as u32 >> 16) as u16];
    seed48(s.as_mut_ptr());
}

/// C `lcong48`: sets `Xi`, `a` and `c` from seven words.
#[no_mangle]
pub unsafe extern "C" fn lcong48(p: *mut u16) {
    core::ptr::copy_nonoverlapping(p, seed48_ptr(), 7);
}
