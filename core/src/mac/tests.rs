//! Tests of the HMAC stream: against the `hmac` crate and the RFC vectors,
//! with pieces and pairs crossing every block and stage edge.

use super::*;
use crate::encode::naive_encode;
extern crate std;
use hmac::{Hmac, KeyInit, Mac};
use std::vec::Vec;

fn ours(method: SignatureMethod, key: &[u8], msg: &[u8]) -> Vec<u8> {
    let Ok(keyed) = KeyedMac::new(method, key) else {
        return Vec::new();
    };
    let mut s = keyed.start();
    // Mixed piece sizes exercise every path of the sink.
    for (i, piece) in msg.chunks(7).enumerate() {
        match i % 3 {
            0 => s.put(piece),
            1 => piece.iter().for_each(|&b| s.put_byte(b)),
            _ => piece
                .iter()
                .for_each(|&b| s.put_entry(u32::from(b) | 1 << 24)),
        }
    }
    let (tag, n) = s.finish().bytes();
    tag[..n].to_vec()
}

fn reference(method: SignatureMethod, key: &[u8], msg: &[u8]) -> Vec<u8> {
    match method {
        SignatureMethod::HmacSha256 => Hmac::<sha2::Sha256>::new_from_slice(key)
            .map(|m| m.chain_update(msg).finalize().into_bytes().to_vec())
            .unwrap_or_default(),
        SignatureMethod::HmacSha1 => Hmac::<sha1::Sha1>::new_from_slice(key)
            .map(|m| m.chain_update(msg).finalize().into_bytes().to_vec())
            .unwrap_or_default(),
    }
}

/// The HMAC-SHA256 tag, keyed with `key`, of `prefix` bytes `p` followed by
/// what `write` puts into the stream. The prefix goes in short pieces, so
/// up to `STAGE - 1` bytes of it are all still staged.
fn tag_after_prefix(prefix: usize, write: impl FnOnce(&mut MacStream)) -> Vec<u8> {
    let Ok(keyed) = KeyedMac::new(SignatureMethod::HmacSha256, b"key") else {
        unreachable!()
    };
    let mut s = keyed.start();
    for piece in std::vec![b'p'; prefix].chunks(BLOCK - 1) {
        s.put(piece);
    }
    write(&mut s);
    let (tag, n) = s.finish().bytes();
    tag[..n].to_vec()
}

#[test]
fn matches_the_hmac_crate_for_every_length_around_block_edges() {
    let data: Vec<u8> = (0..700u32).map(|i| (i * 7 + 3) as u8).collect();
    // Under Miri (an interpreter) a sample of the lengths, still crossing
    // every block and stage edge.
    let step = if cfg!(miri) { 31 } else { 1 };
    for method in [SignatureMethod::HmacSha256, SignatureMethod::HmacSha1] {
        for key_len in [1, 20, 63, 64, 65, 100, 200] {
            for msg_len in (0..600).step_by(step) {
                let (key, msg) = (&data[..key_len], &data[100..100 + msg_len]);
                let expected = reference(method, key, msg);
                assert!(!expected.is_empty());
                assert_eq!(
                    ours(method, key, msg),
                    expected,
                    "{method:?} {key_len} {msg_len}"
                );
            }
        }
    }
}

#[test]
fn long_pieces_split_anywhere_match_the_hmac_crate() {
    // Whole blocks are hashed straight from a long piece: split a
    // message in two at every position (under Miri, a sample).
    let msg: Vec<u8> = (0..300u32).map(|i| (i * 13 + 5) as u8).collect();
    let expected = reference(SignatureMethod::HmacSha256, b"key", &msg);
    let step = if cfg!(miri) { 29 } else { 1 };
    for split in (0..=msg.len()).step_by(step) {
        let Ok(keyed) = KeyedMac::new(SignatureMethod::HmacSha256, b"key") else {
            unreachable!()
        };
        let mut s = keyed.start();
        s.put(&msg[..split]);
        s.put(&msg[split..]);
        let (tag, n) = s.finish().bytes();
        assert_eq!(tag[..n].to_vec(), expected, "split at {split}");
    }
}

#[test]
fn encoding_straight_into_the_stage_matches_encoding_first() {
    // Texts up to 700 bytes, mixing escapes and plain runs, written after
    // a prefix of every length in a block, so pieces cross every block
    // and stage edge; compared with the MAC of the naively encoded text.
    let pool = b"aZ9-._~ /%+=&*\xc3\xa9\x00";
    // Under Miri, an interpreter, a few lengths (each one hashes kilobytes
    // in software twice; 8 lengths took two minutes of CI).
    let step = if cfg!(miri) { 233 } else { 7 };
    for len in (0..700).step_by(step) {
        let text: Vec<u8> = (0..len).map(|i| pool[(i * 7 + len) % pool.len()]).collect();
        let mut naive = Vec::new();
        naive_encode(&text, &mut naive);
        for prefix in [0, 1, BLOCK - 1, STAGE - 1, 200, 255] {
            let tag = tag_after_prefix(prefix, |s| s.put_encoded(&text));
            let mut message = std::vec![b'p'; prefix];
            message.extend_from_slice(&naive);
            assert_eq!(
                tag,
                reference(SignatureMethod::HmacSha256, b"key", &message),
                "{len} after {prefix}"
            );
        }
    }
}

#[test]
fn pairs_of_every_size_around_the_one_go_bound_match_the_naive_mac() {
    // A pair of up to 135 bytes of text is written whole into the stage,
    // a longer one piece by piece: both, after prefixes that leave the
    // stage empty, nearly full and in between.
    // Under Miri, an interpreter, a sample: the bound is crossed either way.
    let (step, names, prefixes): (usize, &[usize], &[(usize, bool)]) = if cfg!(miri) {
        (97, &[25], &[(STAGE - 1, true)])
    } else {
        (
            3,
            &[1, 25, 60],
            &[
                (0, false),
                (1, true),
                (40, true),
                (BLOCK - 1, true),
                (STAGE - 1, true),
            ],
        )
    };
    // Mixed text, and text that is all escapes (the most output per byte).
    for pool in [&b"aZ9-._~ /%+=&*\xc3\xa9"[..], b" /%+=&*"] {
        for &name_len in names {
            for value_len in (0..200).step_by(step) {
                let name: Vec<u8> = (0..name_len).map(|i| pool[(i * 5) % pool.len()]).collect();
                let value: Vec<u8> = (0..value_len)
                    .map(|i| pool[(i * 3 + 1) % pool.len()])
                    .collect();
                for &(prefix, separator) in prefixes {
                    let tag = tag_after_prefix(prefix, |s| s.put_pair(separator, &name, &value));
                    let mut message = std::vec![b'p'; prefix];
                    if separator {
                        message.push(b'&');
                    }
                    naive_encode(&name, &mut message);
                    message.push(b'=');
                    naive_encode(&value, &mut message);
                    assert_eq!(
                        tag,
                        reference(SignatureMethod::HmacSha256, b"key", &message),
                        "{name_len} {value_len} after {prefix}"
                    );
                }
            }
        }
    }
}

#[test]
fn head_lines_in_one_go_match_the_naive_mac() {
    // Three lines are staged whole when they fit the stage's room, and go
    // piece by piece otherwise: lengths on both sides of that bound, after
    // prefixes that leave the stage empty, nearly full and in between.
    let text: Vec<u8> = (0..300u32).map(|i| b'a' + (i % 26) as u8).collect();
    // Under Miri, an interpreter, a sample that still crosses the bound
    // (each case hashes a few hundred bytes in software).
    type Sample = (usize, &'static [usize], &'static [usize], &'static [usize]);
    let (step, firsts, thirds, prefixes): Sample = if cfg!(miri) {
        (97, &[4], &[16, 200], &[STAGE - 1])
    } else {
        (
            5,
            &[0, 4, 17],
            &[1, 16, 200],
            &[0, 1, 40, BLOCK - 1, STAGE - 1],
        )
    };
    for &first in firsts {
        for second in (0..300).step_by(step) {
            for &third in thirds {
                let lines = [&text[..first], &text[..second], &text[..third]];
                for &prefix in prefixes {
                    let tag = tag_after_prefix(prefix, |s| s.put_lines(&lines));
                    let mut message = std::vec![b'p'; prefix];
                    for line in lines {
                        message.extend_from_slice(line);
                        message.push(b'\n');
                    }
                    assert_eq!(
                        tag,
                        reference(SignatureMethod::HmacSha256, b"key", &message),
                        "{first} {second} {third} after {prefix}"
                    );
                }
            }
        }
    }
}

#[test]
fn rfc4231_and_rfc2202_vectors() {
    fn hex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap_or(0))
            .collect()
    }
    // RFC 4231 test case 2 and RFC 2202 test case 2 ("Jefe").
    assert_eq!(
        ours(
            SignatureMethod::HmacSha256,
            b"Jefe",
            b"what do ya want for nothing?"
        ),
        hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    );
    assert_eq!(
        ours(
            SignatureMethod::HmacSha1,
            b"Jefe",
            b"what do ya want for nothing?"
        ),
        hex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
    );
    // RFC 4231 test case 6: a 131-byte key, hashed first.
    assert_eq!(
        ours(
            SignatureMethod::HmacSha256,
            &[0xaa; 131],
            b"Test Using Larger Than Block-Size Key - Hash Key First"
        ),
        hex("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    );
}

#[test]
fn keyed_state_is_wiped_on_drop() {
    // Observable through the wipe that drop performs.
    let mut k =
        KeyedMac::new(SignatureMethod::HmacSha256, b"key").unwrap_or_else(|_| unreachable!());
    k.inner.wipe();
    k.outer.wipe();
    assert!(matches!(k.inner, State::Sha256(s) if s == [0; 8]));
    assert!(matches!(k.outer, State::Sha256(s) if s == [0; 8]));
}
