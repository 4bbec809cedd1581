//! Tests of the formatter sink: its buffer must be invisible. Every kind of
//! piece, of every size around the buffer's edges, comes out as a naive
//! byte-at-a-time writer would have written it, and a formatter's error
//! stops the output.

use super::*;
use crate::encode::naive_encode;
extern crate std;
use core::fmt::Write as _;
use std::string::{String, ToString};
use std::vec::Vec;

/// One call on a sink.
#[derive(Clone, Debug)]
enum Op {
    Put(Vec<u8>),
    Byte(u8),
    Encoded(Vec<u8>),
    Pair(bool, Vec<u8>, Vec<u8>),
}

/// Makes the calls `ops` on `sink`.
fn call(ops: &[Op], sink: &mut impl Sink) {
    for op in ops {
        match op {
            Op::Put(bytes) => sink.put(bytes),
            Op::Byte(b) => sink.put_byte(*b),
            Op::Encoded(bytes) => sink.put_encoded(bytes),
            Op::Pair(separator, name, value) => sink.put_pair(*separator, name, value),
        }
    }
}

/// Shows a list of calls through a [`FmtSink`].
struct Through<'o>(&'o [Op]);

impl fmt::Display for Through<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut sink = FmtSink::new(f);
        call(self.0, &mut sink);
        sink.finish()
    }
}

/// What the calls should write.
fn naive(ops: &[Op]) -> String {
    let mut out = Vec::new();
    for op in ops {
        match op {
            Op::Put(bytes) => out.extend_from_slice(bytes),
            Op::Byte(b) => out.push(*b),
            Op::Encoded(bytes) => naive_encode(bytes, &mut out),
            Op::Pair(separator, name, value) => {
                if *separator {
                    out.push(b'&');
                }
                naive_encode(name, &mut out);
                out.push(b'=');
                naive_encode(value, &mut out);
            }
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

/// `len` bytes of whole UTF-8 (plain, reserved and two- and three-byte
/// characters), varied by `seed`.
fn text(len: usize, seed: usize) -> Vec<u8> {
    let pool = ["a", "Z", "9", "-", "~", " ", "/", "%", "&", "=", "é", "–"];
    let mut out = Vec::new();
    let mut i = seed;
    while out.len() < len {
        let piece = pool[i % pool.len()].as_bytes();
        if out.len() + piece.len() > len {
            out.push(b'x');
        } else {
            out.extend_from_slice(piece);
        }
        i = (i * 7 + 3) % 1009;
    }
    out
}

#[test]
fn every_kind_of_piece_around_the_buffer_edges_comes_out_unchanged() {
    // After a lead of every size near the buffer's end, one piece of each
    // kind and of sizes up to past the buffer (a piece that cannot be
    // gathered goes straight through), then a few more to show nothing
    // was lost or reordered. Under Miri (an interpreter), a sample.
    let (leads, sizes): (&[usize], &[usize]) = if cfg!(miri) {
        (&[500], &[0, 600])
    } else {
        (
            &[0, 1, 100, 363, 364, 450, 500, 511, 512],
            &[
                0, 1, 7, 8, 16, 17, 64, 135, 136, 149, 150, 170, 300, 511, 512, 513, 1200,
            ],
        )
    };
    for &lead in leads {
        for &size in sizes {
            let piece = text(size, size + lead);
            let kinds = [
                Op::Put(piece.clone()),
                Op::Byte(b'&'),
                Op::Encoded(piece.clone()),
                Op::Pair(true, text(size / 3, lead), piece.clone()),
                Op::Pair(false, piece.clone(), text(5, size)),
            ];
            for kind in kinds {
                let ops = [
                    Op::Put(text(lead, 1)),
                    kind,
                    Op::Byte(b'\n'),
                    Op::Encoded(text(40, 2)),
                    Op::Pair(true, text(9, 3), text(30, 4)),
                ];
                let shown = Through(&ops).to_string();
                assert_eq!(shown, naive(&ops), "{ops:?}");
            }
        }
    }
}

#[test]
fn many_pairs_come_out_unchanged() {
    // A long query (many flushes) built from pairs of mixed sizes.
    let count = if cfg!(miri) { 12 } else { 400 };
    let ops: Vec<Op> = (0..count)
        .map(|i| Op::Pair(i > 0, text(5 + i % 23, i), text((i * 37) % 190, i + 1)))
        .collect();
    assert_eq!(Through(&ops).to_string(), naive(&ops));
}

/// A destination that accepts `left` bytes, then fails.
struct Fails {
    written: String,
    left: usize,
}

impl fmt::Write for Fails {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if s.len() > self.left {
            return Err(fmt::Error);
        }
        self.left -= s.len();
        self.written.push_str(s);
        Ok(())
    }
}

#[test]
fn a_formatter_error_is_returned_and_stops_the_output() {
    let count = if cfg!(miri) { 20 } else { 50 };
    let ops: Vec<Op> = (0..count)
        .map(|i| Op::Pair(i > 0, text(8, i), text(60, i)))
        .collect();
    let whole = naive(&ops);
    for left in [0, 100, whole.len() / 2, whole.len() - 1] {
        let mut out = Fails {
            written: String::new(),
            left,
        };
        assert!(write!(out, "{}", Through(&ops)).is_err(), "{left}");
        // What got through is a prefix of the text, within what was allowed.
        assert!(whole.starts_with(&out.written), "{left}");
        assert!(out.written.len() <= left);
    }
    // With room for all of it, all of it.
    let mut out = Fails {
        written: String::new(),
        left: whole.len(),
    };
    assert!(write!(out, "{}", Through(&ops)).is_ok());
    assert_eq!(out.written, whole);
}

/// Writes `ops` through a [`SliceWriter`] into a buffer of `len` bytes.
fn into_buffer(ops: &[Op], len: usize) -> (Result<usize, Error>, Vec<u8>) {
    let mut buf = std::vec![0u8; len];
    let mut w = SliceWriter::new(&mut buf);
    call(ops, &mut w);
    let result = w.finish_len();
    (result, buf)
}

#[test]
fn a_buffer_of_any_length_gets_the_whole_text_or_its_length() {
    // Pieces of every kind end at and around the end of buffers of every
    // length near the text's: near its end the writer encodes by other
    // ways (a local buffer, then byte by byte for a piece too large).
    // Under Miri (an interpreter), two sizes, every 41st length and the
    // lengths around the text's.
    let (sizes, step): (&[usize], usize) = if cfg!(miri) {
        (&[3, 60], 41)
    } else {
        (&[0, 1, 9, 20, 45, 60, 135, 136, 200], 1)
    };
    for &size in sizes {
        let piece = text(size, size);
        let ops = [
            Op::Pair(false, text(12, 1), text(30, 2)),
            Op::Pair(true, text(size / 3, 3), piece.clone()),
            Op::Encoded(piece.clone()),
            Op::Byte(b'&'),
            Op::Pair(true, piece.clone(), text(5, 4)),
            Op::Put(piece.clone()),
            Op::Encoded(text(44, 5)),
        ];
        let whole = naive(&ops);
        let needed = whole.len();
        let around = needed.saturating_sub(1)..=needed + 1;
        for len in (needed.saturating_sub(3 * size + 120)..needed + 120)
            .step_by(step)
            .chain(around)
        {
            match into_buffer(&ops, len) {
                (Ok(n), buf) => {
                    assert!(len >= needed, "{size}: {n} bytes into {len}");
                    assert_eq!(&buf[..n], whole.as_bytes(), "{size} into {len}");
                }
                (Err(e), _) => {
                    assert!(len < needed, "{size} into {len}: {e:?}");
                    assert_eq!(e, Error::BufferTooSmall { needed }, "{size} into {len}");
                }
            }
        }
    }
}
