//! Drives zlib (C, built from source) through flate2 and libz-sys: deflate
//! and inflate at several levels, gzip framing, checksums, and the version.
use flate2::{read::GzDecoder, write::GzEncoder, write::ZlibEncoder, read::ZlibDecoder, Compression};
use std::ffi::CStr;
use std::io::{Read, Write};

fn corpus() -> Vec<u8> {
    let mut text = Vec::new();
    for i in 0..4000u32 {
        writeln!(text, "line {i:05}: the quick brown fox {} jumps over {} lazy dogs", i % 7, i * 31 % 97).unwrap();
    }
    let mut state = 0x2545_F491u32;
    text.extend((0..20_000).map(|_| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        (state >> 24) as u8
    }));
    text
}

fn main() {
    let version = unsafe { CStr::from_ptr(libz_sys::zlibVersion()) };
    println!("zlib version {}", version.to_string_lossy());
    let data = corpus();
    let adler = unsafe { libz_sys::adler32(1, data.as_ptr(), data.len() as u32) };
    let crc = unsafe { libz_sys::crc32(0, data.as_ptr(), data.len() as u32) };
    println!("input {} bytes, adler32 {adler:08x}, crc32 {crc:08x}", data.len());
    for level in [0, 1, 6, 9] {
        let mut enc = ZlibEncoder::new(Vec::new(), Compression::new(level));
        enc.write_all(&data).unwrap();
        let packed = enc.finish().unwrap();
        let mut back = Vec::new();
        ZlibDecoder::new(&packed[..]).read_to_end(&mut back).unwrap();
        assert_eq!(back, data, "zlib round trip at level {level}");
        println!("zlib level {level}: {} bytes", packed.len());
    }
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(&data).unwrap();
    let packed = gz.finish().unwrap();
    let mut back = Vec::new();
    GzDecoder::new(&packed[..]).read_to_end(&mut back).unwrap();
    assert_eq!(back, data);
    println!("gzip best: {} bytes, round trip ok", packed.len());
    let bad = ZlibDecoder::new(&b"not zlib data at all"[..]).read_to_end(&mut Vec::new());
    println!("corrupt input: {}", if bad.is_err() { "rejected" } else { "accepted?!" });
}
