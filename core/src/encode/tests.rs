//! Tests of S2 percent-encoding: the spec's examples, the fast encoders
//! against byte-wise encoding, the room they need.

use super::*;
use crate::sink::measure;

fn enc(s: &str) -> ([u8; 256], usize) {
    let mut buf = [0u8; 256];
    let n = percent_encode(s, &mut buf)
        .map(str::len)
        .unwrap_or(usize::MAX);
    (buf, n)
}

/// Forty bytes that need no encoding: letters, digits and `-._~` in turn.
const CLEAN: [u8; 40] = {
    let mut text = [0u8; 40];
    let mut i = 0;
    while i < text.len() {
        text[i] = b"aZ09-._~Qx"[i % 10];
        i += 1;
    }
    text
};

fn check(input: &str, expected: &str) {
    let (buf, n) = enc(input);
    assert_eq!(&buf[..n], expected.as_bytes(), "{input:?}");
    assert_eq!(percent_encoded_len(input), expected.len());
}

#[test]
fn spec_examples() {
    check(" ", "%20");
    check("*", "%2A");
    check("~", "~");
    check("/", "%2F");
    check("!'()", "%21%27%28%29");
    check("é", "%C3%A9");
    check("😀", "%F0%9F%98%80");
    check("AZaz09-_.", "AZaz09-_.");
    check("", "");
}

#[test]
fn only_unreserved_bytes_survive() {
    let unreserved = (0u8..=255).filter(|&b| is_unreserved(b)).count();
    assert_eq!(unreserved, 26 + 26 + 10 + 4);
}

#[test]
fn word_wise_encoding_equals_byte_wise() {
    extern crate std;
    use std::vec::Vec;
    // A deterministic generator over a pool mixing unreserved, reserved
    // and multi-byte characters, for every length up to 80 (several
    // 16-byte chunks, with and without 16 more bytes after them).
    let pool: Vec<char> = "aZ09-._~ /%+=&*!'()é日😀\t\u{0}".chars().collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let per_length = if cfg!(miri) { 1 } else { 200 };
    for len in 0..80 {
        for _ in 0..per_length {
            let mut text = std::string::String::new();
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push(pool[(seed % pool.len() as u64) as usize]);
            }
            let mut naive = Vec::new();
            naive_encode(text.as_bytes(), &mut naive);
            let mut buf = [0u8; 512];
            let fast = percent_encode(&text, &mut buf).map(str::as_bytes);
            assert_eq!(fast, Ok(&naive[..]), "{text:?}");
            // A buffer of exactly the needed size takes the exact path.
            let mut exact = std::vec![0u8; naive.len()];
            let exact = percent_encode(&text, &mut exact).map(str::as_bytes);
            assert_eq!(exact, Ok(&naive[..]), "{text:?}");
            assert_eq!(percent_encoded_len(&text), naive.len());
        }
    }
}

#[test]
fn clean_texts_and_one_escape_at_each_place_encode_as_byte_wise() {
    extern crate std;
    use std::vec::Vec;
    // Random texts rarely come out clean; these are, or hold one
    // reserved byte at each place, at every length around the word
    // and chunk sizes, written at several offsets.
    // Under Miri, an interpreter, the lengths at the edges only.
    let edges = [0, 8, 15, 16, 17];
    for len in (0..CLEAN.len()).filter(|len| !cfg!(miri) || edges.contains(len)) {
        for escape_at in core::iter::once(None).chain((0..len).map(Some)) {
            let mut text = CLEAN[..len].to_vec();
            if let Some(i) = escape_at {
                text[i] = b'/';
            }
            let mut naive = Vec::new();
            naive_encode(&text, &mut naive);
            for at in [3, 0, 16].into_iter().take(if cfg!(miri) { 1 } else { 3 }) {
                let mut space = [b'#'; 256];
                let dst = &mut space[..at + room_for(len)];
                let end = encode_within(&text, dst, at);
                assert_eq!(&dst[at..end], &naive[..], "{len} {escape_at:?} at {at}");
                assert!(dst[..at].iter().all(|&b| b == b'#'));
            }
        }
    }
}

#[test]
fn two_and_three_escapes_encode_as_byte_wise() {
    extern crate std;
    use std::vec::Vec;
    // A chunk with two escapes is encoded a step per escape, one with
    // three lane by lane: both sides of that choice, with the escapes
    // next to each other or spread, across the chunk sizes.
    // Under Miri, an interpreter, one length across a chunk's end and
    // the escapes next to each other or one byte apart.
    let (lengths, gaps): (&[usize], _) = if cfg!(miri) {
        (&[17], 1..3)
    } else {
        (&[3, 8, 15, 16, 17, 24, 31, 32, 33, 40], 1..5)
    };
    for &len in lengths {
        for count in 2..=3 {
            for gap in gaps.clone() {
                for first in 0..len.saturating_sub((count - 1) * gap) {
                    let mut text = CLEAN[..len].to_vec();
                    for k in 0..count {
                        text[first + k * gap] = b" /:"[k];
                    }
                    let mut naive = Vec::new();
                    naive_encode(&text, &mut naive);
                    let mut space = [b'#'; 256];
                    let dst = &mut space[..3 + room_for(len)];
                    let end = encode_within(&text, dst, 3);
                    let place = (len, count, gap, first);
                    assert_eq!(&dst[3..end], &naive[..], "{place:?}");
                }
            }
        }
    }
}

#[test]
fn plain_copies_write_the_text_and_nothing_before_it() {
    let text: [u8; 70] = core::array::from_fn(|i| b'a' + (i % 26) as u8);
    for len in 0..text.len() {
        for at in [0, 1, 15, 16, 40] {
            // Exactly the room promised: a store past it would be
            // dropped, and the text would come out wrong.
            let mut space = [b'#'; 160];
            let dst = &mut space[..at + room_for_plain(len)];
            let end = copy_plain_within(&text[..len], dst, at);
            assert_eq!(end, at + len);
            assert_eq!(&dst[at..end], &text[..len], "{len} at {at}");
            assert!(dst[..at].iter().all(|&b| b == b'#'), "{len} at {at}");
        }
    }
}

#[test]
fn short_buffer_reports_needed_length() {
    let mut buf = [0u8; 4];
    assert_eq!(
        percent_encode("a b c", &mut buf),
        Err(Error::BufferTooSmall { needed: 9 })
    );
    assert_eq!(measure(|c| encode_to(b"a b c", c)), 9);
}
