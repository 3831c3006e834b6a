//! Configuration values: `sysconf`, `pathconf`, `fpathconf` (`<unistd.h>`)
//! and `uname`, `gethostname`, `getdomainname`.
//!
//! The tables hold, index by index, the values wasi-libc returns (musl's
//! tables as configured for WASI); `INVAL` marks names that fail with
//! EINVAL. Regenerate them by printing every name with the reference libc.

use crate::errno::set_errno;
use crate::wasi::EINVAL;
use core::ffi::{c_char, c_int, c_long};

const INVAL: c_long = c_long::MIN;

/// `sysconf` results by name (`_SC_*`).
static SYSCONF: [c_long; 251] = [
    131072, -1, 100, 32, -1, -1, 6, 1, 1, 200809,
    -1, 200809, 200809, -1, -1, 200809, 200809, 200809, 200809, 200809,
    200809, 200809, 200809, -1, -1, 0, 2147483647, INVAL, INVAL, 200809,
    65536, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    2, INVAL, -1, -1, 255, INVAL, 200809, 200809, -1, -1,
    -1, -1, -1, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL,
    1024, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, 200809, 200809, -1,
    -1, 256, 32, -1, -1, -1, -1, 200809, 200809, 200809,
    -1, -1, 200809, 1, 1, -248, -247, -1, -1, 700,
    700, 1, -1, 1, 1, -1, INVAL, -1, -1, -1,
    -1, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, 20,
    INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL,
    INVAL, INVAL, INVAL, INVAL, INVAL, -1, 1, -1, -1, -1,
    -1, -1, 200809, 200809, INVAL, INVAL, INVAL, 200809, 200809, 200809,
    INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, 200809,
    INVAL, INVAL, INVAL, 200809, 200809, 1, INVAL, 1, INVAL, 200809,
    -1, -1, INVAL, INVAL, 200809, -1, INVAL, INVAL, -1, -1,
    -1, -1, -1, 40, 0, -1, -1, 1, -1, -1,
    255, -1, -1, -1, -1, INVAL, INVAL, INVAL, INVAL, INVAL,
    INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL,
    INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL,
    INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL,
    INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL, INVAL,
    INVAL, INVAL, INVAL, INVAL, INVAL, 200809, 200809, -1, 1, -1,
    -1, -1, -1, -1, -1, -1, 0, -1, -1, -244,
    -243
];

/// `fpathconf` results by name (`_PC_*`).
static PATHCONF: [c_long; 21] = [8, 255, 255, 255, 4096, -1, 1, 1, 0, 1, -1, -1, -1, 64, 4096, 4096, 4096, 4096, 4096, -1, 1];

/// `sysconf`.
#[no_mangle]
pub unsafe extern "C" fn sysconf(name: c_int) -> c_long {
    match usize::try_from(name).ok().and_then(|i| SYSCONF.get(i)) {
        Some(&v) if v != INVAL => v,
        _ => {
            set_errno(EINVAL);
            -1
        }
    }
}

/// `fpathconf`: the same answer for every descriptor.
#[no_mangle]
pub unsafe extern "C" fn fpathconf(_fd: c_int, name: c_int) -> c_long {
    match usize::try_from(name).ok().and_then(|i| PATHCONF.get(i)) {
        Some(&v) => v,
        None => {
            set_errno(EINVAL);
            -1
        }
    }
}

/// `pathconf`.
#[no_mangle]
pub unsafe extern "C" fn pathconf(_path: *const c_char, name: c_int) -> c_long {
    fpathconf(-1, name)
}

/// `struct utsname`: six 65-byte strings.
#[repr(C)]
pub struct Utsname {
    pub fields: [[u8; 65]; 6],
}

/// The values wasi-libc reports.
const UTS: [&[u8]; 6] = [b"wasi", b"(none)", b"0.0.0", b"0.0.0", b"wasm32", b"(none)"];

/// `uname`.
#[no_mangle]
pub unsafe extern "C" fn uname(u: *mut Utsname) -> c_int {
    let mut v = Utsname { fields: [[0; 65]; 6] };
    for (f, s) in v.fields.iter_mut().zip(UTS) {
        f[..s.len()].copy_from_slice(s);
    }
    core::ptr::write(u, v);
    0
}

/// `gethostname`: the node name, truncated (and terminated) to `len`.
#[no_mangle]
pub unsafe extern "C" fn gethostname(name: *mut c_char, len: usize) -> c_int {
    let node = UTS[1];
    let mut i = 0;
    while i < len {
        let c = node.get(i).copied().unwrap_or(0);
        *name.add(i) = c as c_char;
        if c == 0 {
            break;
        }
        i += 1;
    }
    if i > 0 && i == len {
        *name.add(i - 1) = 0;
    }
    0
}

/// `getdomainname`.
#[no_mangle]
pub unsafe extern "C" fn getdomainname(name: *mut c_char, len: usize) -> c_int {
    let d = UTS[5];
    if d.len() >= len {
        set_errno(EINVAL);
        return -1;
    }
    core::ptr::copy_nonoverlapping(d.as_ptr() as *const c_char, name, d.len());
    *name.add(d.len()) = 0;
    0
}

/// `confstr`: `_CS_PATH` (0) is "/bin:/usr/bin"; the other names musl
/// knows give ""; unknown names fail with EINVAL (0). Returns the length
/// needed including the NUL; copies what fits into `buf`.
#[no_mangle]
pub unsafe extern "C" fn confstr(name: c_int, buf: *mut c_char, len: usize) -> usize {
    let s: &[u8] = if name == 0 {
        b"/bin:/usr/bin"
    } else if (name as u32 & !4) != 1 && (name as u32).wrapping_sub(1116) > 33 {
        set_errno(EINVAL);
        return 0;
    } else {
        b""
    };
    if len > 0 && !buf.is_null() {
        let n = s.len().min(len - 1);
        core::ptr::copy_nonoverlapping(s.as_ptr() as *const c_char, buf, n);
        *buf.add(n) = 0;
    }
    s.len() + 1
}
