//! Host tests of libc-wasip1's binary128 conversions: the module is plain
//! `core` code, so it is compiled here from the libc's own source files and
//! its unit tests run with the rest of `cargo test`.

#[path = "../../libc-wasip1/src/header/ld128/mod.rs"]
#[allow(dead_code)]
mod ld128;

use ld128::{parse, print};

fn show(bits: u128, conv: u8, prec: Option<usize>) -> String {
    let r = print::render(bits, conv, prec, false);
    let mut out = Vec::new();
    r.write(&mut |b: &[u8]| out.extend_from_slice(b));
    assert_eq!(out.len(), r.len(), "len() agrees with write()");
    String::from_utf8(out).unwrap()
}

fn parse_dec(s: &str) -> u128 {
    parse::decimal(s.as_bytes()).bits
}

#[test]
fn third_prints_like_musl() {
    let third = parse_dec("0.33333333333333333333333333333333333333333");
    assert_eq!(show(third, b'f', Some(30)), "0.333333333333333333333333333333");
    assert_eq!(show(third, b'e', Some(20)), "3.33333333333333333333e-01");
    assert_eq!(show(third, b'a', None), "0x1.5555555555555555555555555555p-2");
}

#[test]
fn extremes() {
    let max = (0x7ffe_u128 << 112) | ((1u128 << 112) - 1);
    assert_eq!(show(max, b'g', None), "1.18973e+4932");
    let min_sub = 1u128;
    assert_eq!(show(min_sub, b'e', Some(3)), "6.475e-4966");
    assert_eq!(show(min_sub, b'a', None), "0x1p-16494");
    assert_eq!(parse_dec("6.4751751194380251109244389582276465525e-4966"), 1);
    assert_eq!(parse_dec("1.18973149535723176508575932662800702e4932"), max);
    assert_eq!(show(1u128 << 112 | 7, b'f', Some(0)), "0");
    // Round trip through 36 significant digits is exact for binary128.
    for bits in [0x3ffb_9999_9999_9999_9999_9999_9999_999a_u128, 0x4034_1234_5678_9abc_def0_1234_5678_9abc, 0x0123_4567_89ab_cdef_0123_4567_89ab_cdef] {
        let text = show(bits, b'e', Some(35));
        assert_eq!(parse_dec(&text), bits, "{text}");
    }
}

#[test]
fn large_precision_pads_with_zeros() {
    let one = 0x3fff_u128 << 112;
    let s = show(one, b'f', Some(5000));
    assert_eq!(s.len(), 5002);
    assert!(s.starts_with("1.000") && s.ends_with("000"));
    let s = show(parse_dec("1e4000"), b'f', Some(2));
    assert_eq!(s.len(), 4001 + 3);
}
