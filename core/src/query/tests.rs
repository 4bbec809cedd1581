//! Tests of query parsing and form decoding.

use super::*;

fn parse(q: &str) -> Result<usize, Error> {
    let mut space = [RawParam::EMPTY; 16];
    parse_query(q, &mut space).map(|p| p.len())
}

#[test]
fn splits_and_skips_empty_pieces() {
    assert_eq!(parse(""), Ok(0));
    assert_eq!(parse("a=1&&b&c=&"), Ok(3));
}

#[test]
fn malformed_escapes_and_utf8() {
    for q in [
        "a=%G1",
        "a=%",
        "a=%4",
        "a=%FF",
        "a=%C0%AF",
        "a=%ED%A0%80",
        "%E2%82=x",
        "a=1&b=%",
    ] {
        assert_eq!(parse(q), Err(Error::MalformedQuery), "{q}");
    }
    assert_eq!(parse("a=%e2%82%ac&b=%F0%9F%98%80"), Ok(2));
    // A long value whose multi-byte characters straddle the 64-byte chunks.
    let long = "%E2%82%AC".repeat(70);
    let mut q = [0u8; 700];
    q[..2].copy_from_slice(b"a=");
    q[2..2 + long.len()].copy_from_slice(long.as_bytes());
    let q = core::str::from_utf8(&q[..2 + long.len()]).unwrap_or("");
    assert_eq!(parse(q), Ok(1));
}

#[test]
fn the_escape_check_agrees_with_decoding_everything() {
    extern crate std;
    use std::{string::String, vec::Vec};
    // The plain rule: decode every byte, then the result must be UTF-8.
    fn reference(raw: &str) -> bool {
        let bytes = raw.as_bytes();
        let mut out = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            match decode_at(bytes, at) {
                Some((b, next)) => {
                    out.push(b);
                    at = next;
                }
                None => return false,
            }
        }
        core::str::from_utf8(&out).is_ok()
    }
    let pieces = [
        "a",
        "+",
        "é",
        "日",
        "%41",
        "%2b",
        "%C3",
        "%A9",
        "%E6",
        "%97",
        "%A5",
        "%F0",
        "%9F",
        "%98",
        "%80",
        "%FF",
        "%G1",
        "%4",
        "%",
        "%%",
        "%e2%82%ac",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let rounds = if cfg!(miri) { 200 } else { 20_000 };
    for _ in 0..rounds {
        let mut raw = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        for k in 0..(seed % 9) {
            raw.push_str(pieces[((seed >> (4 * k + 8)) % pieces.len() as u64) as usize]);
        }
        assert_eq!(check_encoded(&raw).is_ok(), reference(&raw), "{raw:?}");
    }
    // Runs longer than the 64-byte buffer, valid and cut short.
    let long = "%E2%82%AC".repeat(70);
    assert_eq!(check_encoded(&long), Ok(false));
    assert!(check_encoded(&long[..long.len() - 3]).is_err());
    assert!(check_encoded(&(String::from(&long[..long.len() - 3]) + "x")).is_err());
}

#[test]
fn check_order_over_whole_query() {
    assert_eq!(parse("=x&a=%G"), Err(Error::MalformedQuery));
    assert_eq!(parse("a=1&a=2&=x"), Err(Error::EmptyParameterName));
    assert_eq!(parse("a+b=1&a%20b=2"), Err(Error::DuplicateParameter));
    let mut small = [RawParam::EMPTY; 1];
    assert_eq!(
        parse_query("a=1&b=2", &mut small).err(),
        Some(Error::TooManyParameters)
    );
}

#[test]
fn reencodes_canonically() {
    extern crate std;
    use std::string::String;
    struct S(String);
    impl Sink for S {
        fn put(&mut self, b: &[u8]) {
            self.0.push_str(core::str::from_utf8(b).unwrap_or("?"));
        }
    }
    let mut space = [RawParam::EMPTY; 4];
    let p = parse_query("b=a+b%2b%7e~*&a%2Ex=%e2%82%ac", &mut space);
    let mut s = S(String::new());
    if let Ok(p) = p {
        p.write_canonical(&mut s);
    }
    assert_eq!(s.0, "a.x=%E2%82%AC&b=a%20b%2B~~%2A");
}
