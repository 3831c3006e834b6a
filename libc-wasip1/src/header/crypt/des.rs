//! DES-based crypt: the traditional scheme (2 salt characters, 8 key
//! characters, 25 encryptions of a zero block) and the BSDi extended one
//! (`_` + 4 characters of count + 4 of salt, keys of any length), both
//! with the salt swapping bits of the expansion E as in Unix V7; plus the
//! bit-array interface `setkey`/`encrypt`, and musl's internal
//! `__des_setkey`/`__do_des` which all of them share.
//!
//! An expanded key (`struct expanded_key`, 128 bytes) holds the 16 round
//! keys, each as two 24-bit halves (`l[i]`: bits 1-24 of the 48, `r[i]`:
//! bits 25-48). The salt is a 24-bit mask over those halves: where a bit
//! is set, the two E-output bits at that position of each half swap.

use super::base64::{Out, ALPHABET};
use super::des_tables::{IP, P, PC1, PC2, S, SHIFTS};
use super::{cbytes, emit};
use core::ffi::{c_char, c_int};
use core::ptr::addr_of_mut;

/// musl's `struct expanded_key`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct ExpandedKey {
    pub l: [u32; 16],
    pub r: [u32; 16],
}

/// Applies a bit permutation: output bit `i` (from the most significant
/// of `table.len()` bits) is input bit `table[i]` of `width` bits.
fn permute(input: u64, width: u32, table: &[u8]) -> u64 {
    let mut out = 0u64;
    for &pos in table {
        out = out << 1 | (input >> (width - pos as u32)) & 1;
    }
    out
}

/// The inverse of IP (the final permutation).
const FP: [u8; 64] = {
    let mut t = [0u8; 64];
    let mut i = 0;
    while i < 64 {
        t[IP[i] as usize - 1] = i as u8 + 1;
        i += 1;
    }
    t
};

/// For each S-box and 6-bit input: its 4-bit output, placed at the box's
/// position and passed through P.
const SP: [[u32; 64]; 8] = {
    let mut t = [[0u32; 64]; 8];
    let mut b = 0;
    while b < 8 {
        let mut x = 0;
        while x < 64 {
            let row = ((x >> 4) & 2) | (x & 1);
            let col = (x >> 1) & 15;
            let v = S[b][row][col] as u32;
            let placed = v << (28 - 4 * b);
            let mut out = 0u32;
            let mut i = 0;
            while i < 32 {
                out = out << 1 | (placed >> (32 - P[i] as u32)) & 1;
                i += 1;
            }
            t[b][x] = out;
            x += 1;
        }
        b += 1;
    }
    t
};

/// The key schedule of an 8-byte key (the low bit of each byte, parity,
/// is ignored by PC1).
pub fn set_key(key: [u8; 8]) -> ExpandedKey {
    let k = u64::from_be_bytes(key);
    let cd = permute(k, 64, &PC1);
    let (mut c, mut d) = ((cd >> 28) as u32, (cd & 0x0fff_ffff) as u32);
    let mut ek = ExpandedKey { l: [0; 16], r: [0; 16] };
    for round in 0..16 {
        let s = SHIFTS[round] as u32;
        c = ((c << s) | (c >> (28 - s))) & 0x0fff_ffff;
        d = ((d << s) | (d >> (28 - s))) & 0x0fff_ffff;
        let sub = permute((c as u64) << 28 | d as u64, 56, &PC2);
        ek.l[round] = (sub >> 24) as u32;
        ek.r[round] = (sub & 0xff_ffff) as u32;
    }
    ek
}

/// The round function with the salt swap.
fn feistel(r: u32, kl: u32, kr: u32, saltbits: u32) -> u32 {
    // E: eight overlapping 6-bit groups, group j starting at bit 4j (1-based,
    // bit 0 meaning 32).
    let group = |j: u32| (r.rotate_left((4 * j + 31) % 32) >> 26) & 63;
    let mut el = group(0) << 18 | group(1) << 12 | group(2) << 6 | group(3);
    let mut er = group(4) << 18 | group(5) << 12 | group(6) << 6 | group(7);
    let swap = (el ^ er) & saltbits;
    el ^= swap ^ kl;
    er ^= swap ^ kr;
    SP[0][(el >> 18) as usize & 63]
        | SP[1][(el >> 12) as usize & 63]
        | SP[2][(el >> 6) as usize & 63]
        | SP[3][el as usize & 63]
        | SP[4][(er >> 18) as usize & 63]
        | SP[5][(er >> 12) as usize & 63]
        | SP[6][(er >> 6) as usize & 63]
        | SP[7][er as usize & 63]
}

/// `count` DES encryptions of the block `(l, r)` under `ek` with the salt
/// mask `saltbits`.
pub fn des(l: u32, r: u32, count: u32, saltbits: u32, ek: &ExpandedKey) -> (u32, u32) {
    let b = permute((l as u64) << 32 | r as u64, 64, &IP);
    let (mut l, mut r) = ((b >> 32) as u32, b as u32);
    for _ in 0..count {
        for round in 0..16 {
            let f = feistel(r, ek.l[round], ek.r[round], saltbits);
            (l, r) = (r, l ^ f);
        }
        (l, r) = (r, l);
    }
    let out = permute((l as u64) << 32 | r as u64, 64, &FP);
    ((out >> 32) as u32, out as u32)
}

/// The salt mask of a 12- or 24-bit salt value: salt bit `i` (from the
/// least significant) selects position `i` of the halves (from the most
/// significant).
fn salt_mask(salt: u32) -> u32 {
    (0..24).filter(|i| salt >> i & 1 != 0).fold(0, |m, i| m | 0x80_0000 >> i)
}

/// C `__des_setkey`: the key schedule of the 8 bytes at `key`.
#[no_mangle]
pub unsafe extern "C" fn __des_setkey(key: *const u8, ekey: *mut ExpandedKey) {
    let mut k = [0u8; 8];
    core::ptr::copy_nonoverlapping(key, k.as_mut_ptr(), 8);
    *ekey = set_key(k);
}

/// C `__do_des`: `count` encryptions of the block (`l_in`, `r_in`, big-
/// endian halves) under `ekey` with the salt mask `saltbits`.
#[no_mangle]
pub unsafe extern "C" fn __do_des(
    l_in: u32,
    r_in: u32,
    l_out: *mut u32,
    r_out: *mut u32,
    count: u32,
    saltbits: u32,
    ekey: *const ExpandedKey,
) {
    let (l, r) = des(l_in, r_in, count, saltbits, &*ekey);
    *l_out = l;
    *r_out = r;
}

/// The value of a salt or count character: the crypt alphabet's index for
/// its characters, and for any other byte the same arithmetic on it (as a
/// signed char), kept to 6 bits, as the traditional implementations do.
fn ascii_to_bin(c: u8) -> u32 {
    let s = c as i8 as i32;
    let v = if s >= b'a' as i32 {
        s - (b'a' as i32 - 38)
    } else if s >= b'A' as i32 {
        s - (b'A' as i32 - 12)
    } else {
        s - b'.' as i32
    };
    (v & 0x3f) as u32
}

/// Characters that end a salt or cannot be stored in a password file.
fn unsafe_char(c: u8) -> bool {
    c == 0 || c == b'\n' || c == b':'
}

/// Pushes 64 bits as 11 characters, most significant first (the last one
/// carries 4 bits and two zero bits).
fn push_block(out: &mut Out<32>, l: u32, r: u32) {
    let v = (l as u64) << 32 | r as u64;
    for i in 0..11 {
        let shift = 58i32 - 6 * i;
        let c = if shift >= 0 { (v >> shift) & 63 } else { (v << 2) & 63 };
        out.push(ALPHABET[c as usize]);
    }
}

/// Key bytes (each shifted left one bit), zero-padded to 8.
fn key_block(key: &[u8]) -> [u8; 8] {
    let mut k = [0u8; 8];
    for (d, s) in k.iter_mut().zip(key) {
        *d = s << 1;
    }
    k
}

/// The DES hash of `key` with `setting`, or `None` for an invalid
/// setting.
pub(crate) fn hash(key: &[u8], setting: &[u8]) -> Option<Out<32>> {
    let at = |i: usize| setting.get(i).copied().unwrap_or(0);
    let mut out = Out::new();
    let mut kb = key_block(key);
    let mut ek = set_key(kb);
    let (count, salt) = if at(0) == b'_' {
        let mut count = 0;
        for i in 1..5 {
            let v = ascii_to_bin(at(i));
            if ALPHABET[v as usize] != at(i) {
                return None;
            }
            count |= v << ((i - 1) * 6);
        }
        if count == 0 {
            return None;
        }
        let mut salt = 0;
        for i in 5..9 {
            let v = ascii_to_bin(at(i));
            if ALPHABET[v as usize] != at(i) {
                return None;
            }
            salt |= v << ((i - 5) * 6);
        }
        // Longer keys: encrypt the key block with itself and fold in the
        // next 8 characters, until the key is used up.
        let mut rest = &key[key.len().min(8)..];
        while !rest.is_empty() {
            let l = u32::from_be_bytes([kb[0], kb[1], kb[2], kb[3]]);
            let r = u32::from_be_bytes([kb[4], kb[5], kb[6], kb[7]]);
            let (l, r) = des(l, r, 1, 0, &ek);
            kb[..4].copy_from_slice(&l.to_be_bytes());
            kb[4..].copy_from_slice(&r.to_be_bytes());
            let n = rest.len().min(8);
            for (d, s) in kb.iter_mut().zip(&rest[..n]) {
                *d ^= s << 1;
            }
            rest = &rest[n..];
            ek = set_key(kb);
        }
        out.extend(&setting[..9]);
        (count, salt)
    } else {
        if unsafe_char(at(0)) || unsafe_char(at(1)) {
            return None;
        }
        out.push(at(0));
        out.push(at(1));
        (25, ascii_to_bin(at(1)) << 6 | ascii_to_bin(at(0)))
    };
    let (l, r) = des(0, 0, count, salt_mask(salt), &ek);
    push_block(&mut out, l, r);
    Some(out)
}

/// C `__crypt_des`: the DES hash of `key` with `setting` into `output`
/// (at least 21 bytes). An invalid setting gives "*", or "x" when the
/// setting starts with '*' (so the result never equals the setting).
#[no_mangle]
pub unsafe extern "C" fn __crypt_des(key: *const c_char, setting: *const c_char, output: *mut c_char) -> *mut c_char {
    let s = cbytes(setting);
    match hash(cbytes(key), s) {
        Some(h) => emit(output, h.as_bytes()),
        None if s.first() == Some(&b'*') => b"x\0".as_ptr() as *mut c_char,
        None => b"*\0".as_ptr() as *mut c_char,
    }
}

/// The key `setkey` set, for `encrypt`.
static mut ENCRYPT_KEY: ExpandedKey = ExpandedKey { l: [0; 16], r: [0; 16] };

/// C `setkey`: sets `encrypt`'s key from 64 bytes, one key bit each (the
/// low bit of each byte is used).
#[no_mangle]
pub unsafe extern "C" fn setkey(key: *const c_char) {
    let mut k = [0u8; 8];
    for (i, byte) in k.iter_mut().enumerate() {
        for j in 0..8 {
            *byte |= ((*key.add(8 * i + j) as u8) & 1) << (7 - j);
        }
    }
    *addr_of_mut!(ENCRYPT_KEY) = set_key(k);
}

/// C `encrypt`: encrypts (`edflag` 0) or decrypts (otherwise) in place the
/// 64-byte block of bits `block` (one bit per byte, low bit used) with the
/// key of `setkey`.
#[no_mangle]
pub unsafe extern "C" fn encrypt(block: *mut c_char, edflag: c_int) {
    let mut half = [0u32; 2];
    for (i, h) in half.iter_mut().enumerate() {
        for j in 0..32 {
            *h |= ((*block.add(32 * i + j) as u8 as u32) & 1) << (31 - j);
        }
    }
    let mut key = *addr_of_mut!(ENCRYPT_KEY);
    if edflag != 0 {
        key.l.reverse();
        key.r.reverse();
    }
    let (l, r) = des(half[0], half[1], 1, 0, &key);
    for (i, h) in [l, r].iter().enumerate() {
        for j in 0..32 {
            *block.add(32 * i + j) = ((h >> (31 - j)) & 1) as c_char;
        }
    }
}
