//! `<arpa/inet.h>`: IPv4/IPv6 text conversions (inet_aton, inet_addr,
//! inet_ntoa, inet_pton, inet_ntop ...) with musl's acceptance rules and
//! output format, plus `in6addr_any`/`in6addr_loopback`.

use crate::errno::set_errno;
use core::ffi::{c_char, c_int, c_void};

pub(crate) const AF_INET: c_int = 1;
pub(crate) const AF_INET6: c_int = 2;
pub(crate) const EAFNOSUPPORT: u16 = 5;
pub(crate) const ENOSPC: u16 = 51;

/// `in6addr_any` (`::`).
#[no_mangle]
pub static in6addr_any: [u8; 16] = [0; 16];
/// `in6addr_loopback` (`::1`).
#[no_mangle]
pub static in6addr_loopback: [u8; 16] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];

/// Bytes of a C string including the NUL (so lookahead never runs off).
unsafe fn with_nul<'a>(s: *const c_char) -> &'a [u8] {
    core::slice::from_raw_parts(s as *const u8, crate::cstr::len(s) + 1)
}

/// `strtoul(s, &end, 0)` for a NUL-terminated string that starts with a
/// digit at `i`: (value, saturated at `u32::MAX` like a 32-bit
/// `unsigned long`; index of the first unparsed byte).
fn strtoul0(s: &[u8], mut i: usize) -> (u64, usize) {
    let (base, digits_from) = if s[i] == b'0' && (s[i + 1] | 0x20) == b'x' && s[i + 2].is_ascii_hexdigit() {
        (16u64, i + 2)
    } else if s[i] == b'0' {
        (8u64, i)
    } else {
        (10u64, i)
    };
    let mut v: u64 = 0;
    let mut overflow = false;
    i = digits_from;
    loop {
        let d = match s[i] {
            c @ b'0'..=b'9' => u64::from(c - b'0'),
            c @ (b'a'..=b'f' | b'A'..=b'F') => u64::from((c | 0x20) - b'a' + 10),
            _ => break,
        };
        if d >= base {
            break;
        }
        match v.checked_mul(base).and_then(|x| x.checked_add(d)) {
            // `unsigned long` is 32 bits on wasm32.
            Some(x) if x <= u64::from(u32::MAX) => v = x,
            _ => overflow = true,
        }
        i += 1;
    }
    (if overflow { u64::from(u32::MAX) } else { v }, i)
}

/// `__inet_aton`: accepts a, a.b, a.b.c, a.b.c.d with C integer syntax.
#[no_mangle]
pub unsafe extern "C" fn __inet_aton(s: *const c_char, dest: *mut [u8; 4]) -> c_int {
    let s = with_nul(s);
    let mut a = [0u64; 4];
    let mut i = 0usize;
    let mut pos = 0usize;
    let mut n = 0;
    while n < 4 {
        if !s[pos].is_ascii_digit() {
            return 0;
        }
        let (v, end) = strtoul0(s, pos);
        a[n] = v;
        if end == pos || (s[end] != 0 && s[end] != b'.') {
            return 0;
        }
        if s[end] == 0 {
            i = n;
            break;
        }
        pos = end + 1;
        n += 1;
    }
    if n == 4 {
        return 0;
    }
    if i == 0 {
        a[1] = a[0] & 0xff_ffff;
        a[0] >>= 24;
    }
    if i <= 1 {
        a[2] = a[1] & 0xffff;
        a[1] >>= 16;
    }
    if i <= 2 {
        a[3] = a[2] & 0xff;
        a[2] >>= 8;
    }
    let mut out = [0u8; 4];
    for k in 0..4 {
        if a[k] > 255 {
            return 0;
        }
        out[k] = a[k] as u8;
    }
    *dest = out;
    1
}

/// `inet_aton`.
#[no_mangle]
pub unsafe extern "C" fn inet_aton(s: *const c_char, dest: *mut [u8; 4]) -> c_int {
    __inet_aton(s, dest)
}

/// `inet_addr`: the address in network order, or `INADDR_NONE` (-1).
#[no_mangle]
pub unsafe extern "C" fn inet_addr(s: *const c_char) -> u32 {
    let mut a = [0u8; 4];
    if __inet_aton(s, &mut a) == 0 {
        return u32::MAX;
    }
    u32::from_ne_bytes(a)
}

/// `inet_network`: `inet_addr` in host order.
#[no_mangle]
pub unsafe extern "C" fn inet_network(s: *const c_char) -> u32 {
    u32::from_be(inet_addr(s))
}

/// Appends `v` in decimal.
fn push_dec(buf: &mut [u8], len: &mut usize, v: u32) {
    let mut tmp = [0u8; 10];
    let mut n = 0;
    let mut x = v;
    loop {
        tmp[n] = b'0' + (x % 10) as u8;
        n += 1;
        x /= 10;
        if x == 0 {
            break;
        }
    }
    for k in (0..n).rev() {
        if *len < buf.len() {
            buf[*len] = tmp[k];
        }
        *len += 1;
    }
}

/// Appends `v` in lower-case hex without leading zeros.
fn push_hex(buf: &mut [u8], len: &mut usize, v: u32) {
    let mut started = false;
    for shift in (0..8).rev() {
        let d = (v >> (shift * 4)) & 0xf;
        if d != 0 || started || shift == 0 {
            started = true;
            if *len < buf.len() {
                buf[*len] = b"0123456789abcdef"[d as usize];
            }
            *len += 1;
        }
    }
}

fn push(buf: &mut [u8], len: &mut usize, c: u8) {
    if *len < buf.len() {
        buf[*len] = c;
    }
    *len += 1;
}

/// Dotted quad of 4 bytes.
fn format_v4(a: &[u8], buf: &mut [u8], len: &mut usize) {
    for (k, b) in a.iter().enumerate() {
        if k > 0 {
            push(buf, len, b'.');
        }
        push_dec(buf, len, u32::from(*b));
    }
}

static mut NTOA: [u8; 16] = [0; 16];

/// `inet_ntoa`: dotted quad in a static buffer.
#[no_mangle]
pub unsafe extern "C" fn inet_ntoa(addr: u32) -> *mut c_char {
    let buf = &mut *core::ptr::addr_of_mut!(NTOA);
    let mut len = 0;
    format_v4(&addr.to_ne_bytes(), &mut buf[..15], &mut len);
    buf[len.min(15)] = 0;
    buf.as_mut_ptr() as *mut c_char
}

/// `inet_makeaddr`: network and host parts joined by address class.
#[no_mangle]
pub extern "C" fn inet_makeaddr(n: u32, mut h: u32) -> u32 {
    if n < 256 {
        h |= n << 24;
    } else if n < 65536 {
        h |= n << 16;
    } else {
        h |= n << 8;
    }
    h
}

/// `inet_lnaof`: the host part by address class.
#[no_mangle]
pub extern "C" fn inet_lnaof(addr: u32) -> u32 {
    let h = addr;
    if h >> 24 < 128 {
        h & 0xff_ffff
    } else if h >> 24 < 192 {
        h & 0xffff
    } else {
        h & 0xff
    }
}

/// `inet_netof`: the network part by address class.
#[no_mangle]
pub extern "C" fn inet_netof(addr: u32) -> u32 {
    let h = addr;
    if h >> 24 < 128 {
        h >> 24
    } else if h >> 24 < 192 {
        h >> 16
    } else {
        h >> 8
    }
}

/// Strict dotted-decimal IPv4 (no leading zeros, four parts).
fn pton4(s: &[u8], out: &mut [u8]) -> bool {
    let mut pos = 0;
    for (i, slot) in out.iter_mut().enumerate().take(4) {
        let mut v = 0u32;
        let mut j = 0;
        while j < 3 && s[pos + j].is_ascii_digit() {
            v = v * 10 + u32::from(s[pos + j] - b'0');
            j += 1;
        }
        if j == 0 || (j > 1 && s[pos] == b'0') || v > 255 {
            return false;
        }
        *slot = v as u8;
        if s[pos + j] == 0 && i == 3 {
            return true;
        }
        if s[pos + j] != b'.' {
            return false;
        }
        pos += j + 1;
    }
    false
}

fn hexval(c: u8) -> Option<u16> {
    match c {
        b'0'..=b'9' => Some(u16::from(c - b'0')),
        b'a'..=b'f' => Some(u16::from(c - b'a' + 10)),
        b'A'..=b'F' => Some(u16::from(c - b'A' + 10)),
        _ => None,
    }
}

/// IPv6 text (with `::` and a trailing dotted quad) to 16 bytes.
fn pton6(s: &[u8], out: &mut [u8]) -> bool {
    let mut groups = [0u16; 8];
    let mut pos = 0;
    // A leading ':' must be the start of "::".
    if s[0] == b':' {
        if s[1] != b':' {
            return false;
        }
        pos = 1;
    }
    let mut gap: Option<usize> = None;
    let mut n = 0usize; // groups written
    let mut v4_at: Option<usize> = None;
    loop {
        if s[pos] == b':' && gap.is_none() {
            gap = Some(n);
            pos += 1;
            if s[pos] == 0 {
                break;
            }
            if n == 7 {
                return false;
            }
            continue;
        }
        let mut v = 0u16;
        let mut j = 0;
        while j < 4 {
            match hexval(s[pos + j]) {
                Some(d) => v = v * 16 + d,
                None => break,
            }
            j += 1;
        }
        if j == 0 || n >= 8 {
            return false;
        }
        let end = s[pos + j];
        if end == b'.' {
            // Embedded IPv4: needs room for two groups.
            if n > 6 || (n < 6 && gap.is_none()) {
                return false;
            }
            v4_at = Some(pos);
            n += 2;
            break;
        }
        groups[n] = v;
        n += 1;
        if end == 0 {
            if gap.is_none() && n != 8 {
                return false;
            }
            break;
        }
        if end != b':' || n == 8 {
            return false;
        }
        pos += j + 1;
    }
    if let Some(g) = gap {
        if n > 7 {
            return false;
        }
        let tail = n - g;
        let mut full = [0u16; 8];
        full[..g].copy_from_slice(&groups[..g]);
        for k in 0..tail {
            full[8 - tail + k] = groups[g + k];
        }
        groups = full;
    } else if n != 8 {
        return false;
    }
    for (k, g) in groups.iter().enumerate() {
        out[2 * k] = (g >> 8) as u8;
        out[2 * k + 1] = *g as u8;
    }
    match v4_at {
        Some(p) => pton4(&s[p..], &mut out[12..16]),
        None => true,
    }
}

/// `inet_pton`: 1 on success, 0 for bad text, -1 (EAFNOSUPPORT) for a bad family.
#[no_mangle]
pub unsafe extern "C" fn inet_pton(af: c_int, src: *const c_char, dst: *mut c_void) -> c_int {
    let s = with_nul(src);
    match af {
        // Like musl, bytes are stored as they are parsed, so a failed
        // conversion may leave part of `dst` written.
        AF_INET => c_int::from(pton4(s, core::slice::from_raw_parts_mut(dst as *mut u8, 4))),
        AF_INET6 => c_int::from(pton6(s, core::slice::from_raw_parts_mut(dst as *mut u8, 16))),
        _ => {
            set_errno(EAFNOSUPPORT);
            -1
        }
    }
}

/// `inet_ntop`: text form into `dst` (`size` bytes) or NULL with ENOSPC /
/// EAFNOSUPPORT. IPv6 uses musl's formatting: all groups in hex, the
/// v4-mapped form for ::ffff:a.b.c.d, then the longest run of zero groups
/// (at least two) becomes "::".
#[no_mangle]
pub unsafe extern "C" fn inet_ntop(af: c_int, src: *const c_void, dst: *mut c_char, size: u32) -> *const c_char {
    let mut buf = [0u8; 100];
    let mut len = 0usize;
    match af {
        AF_INET => format_v4(core::slice::from_raw_parts(src as *const u8, 4), &mut buf, &mut len),
        AF_INET6 => {
            let a = core::slice::from_raw_parts(src as *const u8, 16);
            let mapped = a[..10].iter().all(|&b| b == 0) && a[10] == 0xff && a[11] == 0xff;
            let groups = if mapped { 6 } else { 8 };
            for k in 0..groups {
                if k > 0 {
                    push(&mut buf, &mut len, b':');
                }
                push_hex(&mut buf, &mut len, u32::from(a[2 * k]) * 256 + u32::from(a[2 * k + 1]));
            }
            if mapped {
                push(&mut buf, &mut len, b':');
                format_v4(&a[12..], &mut buf, &mut len);
            }
            // Longest span of ":0" characters starting at 0 or at a ':'.
            let (mut best, mut max) = (0usize, 2usize);
            for i in 0..len {
                if i != 0 && buf[i] != b':' {
                    continue;
                }
                let j = buf[i..len].iter().take_while(|&&c| c == b':' || c == b'0').count();
                if j > max {
                    best = i;
                    max = j;
                }
            }
            if max > 3 {
                buf[best] = b':';
                buf[best + 1] = b':';
                buf.copy_within(best + max..len, best + 2);
                len -= max - 2;
            }
        }
        _ => {
            set_errno(EAFNOSUPPORT);
            return core::ptr::null();
        }
    }
    if len < size as usize {
        core::ptr::copy_nonoverlapping(buf.as_ptr() as *const c_char, dst, len);
        *dst.add(len) = 0;
        return dst;
    }
    set_errno(ENOSPC);
    core::ptr::null()
}
