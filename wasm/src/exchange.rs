//! The exchange area: the buffers JavaScript writes a call's strings into and
//! reads its results from, so one call crosses the JS↔wasm boundary once.
//!
//! Passing each string as its own wasm-bindgen argument costs an allocation,
//! a copy and a boundary crossing per string; for a small request that is
//! most of the time spent. Instead JavaScript encodes every string of a call
//! back to back into `input` (UTF-8, with `TextEncoder.encodeInto` or a plain
//! loop for ASCII) and their byte lengths into `lens`, then calls one export
//! with the number of pieces and bytes. Results go to `out`, their lengths to
//! `out_lens`. The addresses of the four buffers are published in [`HEADER`],
//! a static whose own address never changes, so JavaScript finds them again
//! after a buffer grew.
//!
//! After every call the whole input is overwritten with zeros: it held the
//! secret. Growing the input copies it to a new allocation and wipes the old
//! one first, so no copy of a secret is left in freed memory.

use crate::status::Status;
use alloc::vec;
use alloc::vec::Vec;
use core::sync::atomic::{AtomicUsize, Ordering};
use mws_sign::{Error, Param};

/// The header slots, in the order JavaScript reads them (`js/exchange.cjs`).
pub(crate) mod slot {
    /// Address of the input bytes.
    pub const INPUT: usize = 0;
    /// Capacity of the input in bytes.
    pub const INPUT_CAP: usize = 1;
    /// Address of the input lengths (`u32` each).
    pub const LENS: usize = 2;
    /// Capacity of the input lengths, in entries.
    pub const LENS_CAP: usize = 3;
    /// Address of the output bytes.
    pub const OUT: usize = 4;
    /// Address of the output lengths (`u32` each).
    pub const OUT_LENS: usize = 5;
    /// The status of the last call that returns an object (`signer_new`).
    pub const STATUS: usize = 6;
    /// The number of slots.
    pub const COUNT: usize = 7;
}

/// Addresses and sizes JavaScript needs, at a fixed address. wasm32 is
/// single-threaded here; atomics are just a safe way to have a mutable static.
static HEADER: [AtomicUsize; slot::COUNT] = [const { AtomicUsize::new(0) }; slot::COUNT];

/// Starting sizes: enough for an ordinary MWS request without growing.
const INPUT_START: usize = 4096;
const LENS_START: usize = 256;
const OUT_START: usize = 4096;

/// Up to this many parameters are sorted in a stack array, without allocating.
const STACK_PARAMS: usize = 32;

struct Exchange {
    /// Always `len() == capacity()` worth of zeros or caller bytes.
    input: Vec<u8>,
    lens: Vec<u32>,
    out: Vec<u8>,
    out_lens: Vec<u32>,
}

impl Exchange {
    fn new() -> Self {
        Exchange {
            input: vec![0; INPUT_START],
            lens: vec![0; LENS_START],
            out: vec![0; OUT_START],
            out_lens: Vec::with_capacity(8),
        }
    }

    fn publish(&self) {
        let set = |i: usize, v: usize| HEADER[i].store(v, Ordering::Relaxed);
        set(slot::INPUT, self.input.as_ptr() as usize);
        set(slot::INPUT_CAP, self.input.len());
        set(slot::LENS, self.lens.as_ptr() as usize);
        set(slot::LENS_CAP, self.lens.len());
        set(slot::OUT, self.out.as_ptr() as usize);
        set(slot::OUT_LENS, self.out_lens.as_ptr() as usize);
    }
}

/// The buffers, made on first use. The lock is never contended (wasm32 runs
/// one call at a time); it only turns a re-entrant call into [`Status::Busy`].
static EXCHANGE: spin::Mutex<Option<Exchange>> = spin::Mutex::new(None);

/// The address of the header, publishing the current buffers first.
pub(crate) fn header_address() -> usize {
    // Failing means a call is running; the header is current then.
    let _ = with_borrow(|ex| {
        ex.publish();
        Ok(())
    });
    HEADER.as_ptr() as usize
}

/// Records a status for JavaScript to read after a call that returns an object.
pub(crate) fn set_status(code: i32) {
    // Stored as the bits of an i32; JavaScript reads it through an Int32Array.
    HEADER[slot::STATUS].store(code as u32 as usize, Ordering::Relaxed);
}

/// Grows the input to at least `bytes` bytes (keeping its first `used`) and
/// the lengths to at least `pieces` entries.
pub(crate) fn reserve(used: usize, bytes: usize, pieces: usize) -> Result<(), Status> {
    with_borrow(|ex| {
        if bytes > ex.input.len() {
            let mut grown = vec![0; bytes];
            let keep = used.min(ex.input.len());
            grown[..keep].copy_from_slice(&ex.input[..keep]);
            ex.input.fill(0);
            ex.input = grown;
        }
        if pieces > ex.lens.len() {
            ex.lens.resize(pieces, 0);
        }
        ex.publish();
        Ok(())
    })
}

fn with_borrow<R>(f: impl FnOnce(&mut Exchange) -> Result<R, Status>) -> Result<R, Status> {
    let mut guard = EXCHANGE.try_lock().ok_or(Status::Busy)?;
    f(guard.get_or_insert_with(Exchange::new))
}

/// Runs one call: `op` reads the `pieces` strings (`bytes` bytes in all) the
/// caller wrote and writes its results. Returns the number of results, or a
/// negative status code. The input is wiped afterwards whatever happened.
pub(crate) fn call(
    pieces: u32,
    bytes: u32,
    op: impl FnOnce(&mut Inputs<'_>, &mut Output<'_>) -> Result<(), Status>,
) -> i32 {
    let result = with_borrow(|ex| {
        let Exchange {
            input,
            lens,
            out,
            out_lens,
        } = ex;
        let (pieces, bytes) = (pieces as usize, bytes as usize);
        let outcome = match (input.get(..bytes), lens.get(..pieces)) {
            (Some(data), Some(lens)) => {
                let mut inputs = Inputs::new(data, lens);
                out_lens.clear();
                let mut output = Output {
                    out,
                    lens: out_lens,
                    used: 0,
                };
                op(&mut inputs, &mut output).and_then(|()| inputs.finish())
            }
            _ => Err(Status::BadInput),
        };
        let wipe = bytes.min(input.len());
        input[..wipe].fill(0);
        ex.publish();
        outcome.map(|()| ex.out_lens.len())
    });
    match result {
        Ok(count) => i32::try_from(count).unwrap_or(i32::MAX),
        Err(status) => status.code(),
    }
}

/// The pieces of a call, read in order.
pub(crate) struct Inputs<'a> {
    data: &'a [u8],
    lens: core::slice::Iter<'a, u32>,
    pos: usize,
    /// Input already checked as UTF-8, from `checked_from` (see [`Inputs::text`]).
    checked: &'a str,
    checked_from: usize,
}

impl<'a> Inputs<'a> {
    /// Pieces from `data`, cut at the byte lengths `lens`.
    pub(crate) fn new(data: &'a [u8], lens: &'a [u32]) -> Self {
        Inputs {
            data,
            lens: lens.iter(),
            pos: 0,
            checked: "",
            checked_from: 0,
        }
    }

    /// How many pieces are left.
    pub(crate) fn remaining(&self) -> usize {
        self.lens.len()
    }

    /// The next piece as bytes.
    pub(crate) fn bytes(&mut self) -> Result<&'a [u8], Status> {
        let len = *self.lens.next().ok_or(Status::BadInput)? as usize;
        let end = self.pos.checked_add(len).ok_or(Status::BadInput)?;
        let piece = self.data.get(self.pos..end).ok_or(Status::BadInput)?;
        self.pos = end;
        Ok(piece)
    }

    /// The next piece as text. `TextEncoder` only writes UTF-8, so failing
    /// here means the lengths were wrong: a bug, reported as such.
    ///
    /// The texts of a call lie back to back, so the input is checked as
    /// UTF-8 once, from the first text to its end (or up to its first
    /// invalid byte), and each text is cut from that at char boundaries:
    /// one pass instead of a validator call per text, most of them a few
    /// bytes long. A piece read as bytes (a secret) may hold anything; a
    /// text past what was checked starts a new check.
    pub(crate) fn text(&mut self) -> Result<&'a str, Status> {
        let start = self.pos;
        let end = start + self.bytes()?.len();
        // Pieces are read in order: only the end can lie past the check.
        if end > self.checked_from + self.checked.len() {
            let rest = self.data.get(start..).unwrap_or(&[]);
            let valid = match core::str::from_utf8(rest) {
                Ok(text) => text,
                Err(e) => core::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or(""),
            };
            (self.checked, self.checked_from) = (valid, start);
        }
        // A piece whose end is no char boundary cuts a character in two.
        self.checked
            .get(start - self.checked_from..end - self.checked_from)
            .ok_or(Status::BadInput)
    }

    /// The next piece, or `None` when it is empty.
    pub(crate) fn optional_text(&mut self) -> Result<Option<&'a str>, Status> {
        self.text().map(|t| (!t.is_empty()).then_some(t))
    }

    /// Reads `count` `(name, value)` pairs and hands them to `f` as a mutable
    /// slice (the core sorts it in place), with the pieces still unread.
    /// Small lists live on the stack.
    pub(crate) fn with_params<R>(
        &mut self,
        count: usize,
        f: impl FnOnce(&mut [Param<'a>], &mut Self) -> Result<R, Status>,
    ) -> Result<R, Status> {
        if count <= STACK_PARAMS {
            let mut stack: [Param<'a>; STACK_PARAMS] = [("", ""); STACK_PARAMS];
            for slot in &mut stack[..count] {
                *slot = (self.text()?, self.text()?);
            }
            f(&mut stack[..count], self)
        } else {
            let mut heap = Vec::with_capacity(count);
            for _ in 0..count {
                heap.push((self.text()?, self.text()?));
            }
            f(&mut heap, self)
        }
    }

    /// Checks that every piece and byte was read: a call that wrote more
    /// than the operation takes is a bug in the JavaScript layer.
    fn finish(&self) -> Result<(), Status> {
        if self.lens.len() == 0 && self.pos == self.data.len() {
            Ok(())
        } else {
            Err(Status::BadInput)
        }
    }
}

/// Where a call writes its results, one piece after another.
pub(crate) struct Output<'o> {
    out: &'o mut Vec<u8>,
    lens: &'o mut Vec<u32>,
    used: usize,
}

impl Output<'_> {
    /// Appends a piece written by `write` (a core stage's `write`, which
    /// reports the length it needs when the buffer is short).
    pub(crate) fn put_with(
        &mut self,
        mut write: impl FnMut(&mut [u8]) -> Result<usize, Error>,
    ) -> Result<(), Status> {
        let len = match write(&mut self.out[self.used..]) {
            Ok(len) => len,
            Err(Error::BufferTooSmall { needed }) => {
                let size = (self.used + needed).max(self.out.len() * 2);
                self.out.resize(size, 0);
                write(&mut self.out[self.used..]).map_err(Status::from)?
            }
            Err(e) => return Err(e.into()),
        };
        self.push_len(len)
    }

    /// Appends a piece.
    pub(crate) fn put(&mut self, piece: &[u8]) -> Result<(), Status> {
        self.put_with(|buf| {
            let dst = buf.get_mut(..piece.len()).ok_or(Error::BufferTooSmall {
                needed: piece.len(),
            })?;
            dst.copy_from_slice(piece);
            Ok(piece.len())
        })
    }

    fn push_len(&mut self, len: usize) -> Result<(), Status> {
        self.used += len;
        self.lens
            .push(u32::try_from(len).map_err(|_| Status::Internal)?);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::string::String;

    fn pieces(list: &[&str]) -> (Vec<u8>, Vec<u32>) {
        let data = list.concat().into_bytes();
        let lens = list.iter().map(|s| s.len() as u32).collect();
        (data, lens)
    }

    #[test]
    fn inputs_cut_at_lengths_and_check_utf8() {
        let (data, lens) = pieces(&["héllo", "", "a=b"]);
        let mut inputs = Inputs::new(&data, &lens);
        assert_eq!(inputs.text(), Ok("héllo"));
        assert_eq!(inputs.optional_text(), Ok(None));
        assert_eq!(inputs.remaining(), 1);
        assert_eq!(inputs.text(), Ok("a=b"));
        assert_eq!(inputs.finish(), Ok(()));
        assert_eq!(inputs.text(), Err(Status::BadInput));

        // A length that cuts a character in two is a bug, never a fix-up.
        let data = "é".as_bytes();
        assert_eq!(Inputs::new(data, &[1, 1]).text(), Err(Status::BadInput));
        let mut cut = Inputs::new(data, &[1, 1]);
        assert_eq!(cut.bytes(), Ok(&data[..1]));
        assert_eq!(cut.text(), Err(Status::BadInput));
        // Lengths beyond the data, or data left over, are bugs too.
        assert_eq!(Inputs::new(b"ab", &[3]).bytes(), Err(Status::BadInput));
        assert_eq!(Inputs::new(b"ab", &[1]).finish(), Err(Status::BadInput));
    }

    #[test]
    fn texts_are_checked_as_utf8_each_on_its_own() {
        // Bytes that are no UTF-8 (a secret) before, between and after
        // texts: each text reads as itself, and invalid bytes never pass
        // as text, wherever the one check of the input stopped.
        let mut data = vec![0xFF, 0xC3];
        data.extend_from_slice("é=a".as_bytes());
        data.extend_from_slice(&[0xE2, 0x82]);
        data.extend_from_slice("ü".as_bytes());
        data.push(0xBC);
        let lens = [2, 2, 1, 2, 2, 1];
        let mut inputs = Inputs::new(&data, &lens);
        assert_eq!(inputs.bytes(), Ok(&[0xFF, 0xC3][..]));
        assert_eq!(inputs.text(), Ok("é"));
        assert_eq!(inputs.text(), Ok("="));
        assert_eq!(inputs.text(), Err(Status::BadInput)); // "a" + 0xE2
        assert_eq!(inputs.text(), Err(Status::BadInput)); // 0x82 + half of "ü"
        assert_eq!(inputs.text(), Err(Status::BadInput)); // the rest of "ü"
        assert_eq!(inputs.finish(), Err(Status::BadInput)); // 0xBC is left
        // A text after bytes the check stopped at starts a new check.
        let data = b"a\xFFb";
        let mut inputs = Inputs::new(data, &[1, 1, 1]);
        assert_eq!(inputs.text(), Ok("a"));
        assert_eq!(inputs.bytes(), Ok(&b"\xFF"[..]));
        assert_eq!(inputs.text(), Ok("b"));
        // Each text agrees with checking it alone, whatever follows it.
        let texts = ["", "a", "é", "日本", "x y"];
        for first in texts {
            for then in [&b"\xFF"[..], b"\x80", b"b", b"\xC3\xA9"] {
                let mut data = first.as_bytes().to_vec();
                data.extend_from_slice(then);
                let lens = [first.len() as u32, then.len() as u32];
                let mut inputs = Inputs::new(&data, &lens);
                assert_eq!(inputs.text(), Ok(first));
                assert_eq!(
                    inputs.text().ok(),
                    core::str::from_utf8(then).ok(),
                    "{first:?} {then:?}"
                );
            }
        }
    }

    #[test]
    fn params_on_stack_and_heap_read_the_same() {
        for count in [0, 3, STACK_PARAMS, STACK_PARAMS + 1, 500] {
            let names: Vec<String> = (0..count).map(|i| format!("n{i}")).collect();
            let list: Vec<&str> = names.iter().flat_map(|n| [n.as_str(), "v"]).collect();
            let (data, lens) = pieces(&list);
            let mut inputs = Inputs::new(&data, &lens);
            let seen = inputs.with_params(count, |p, _| Ok(p.to_vec()));
            let expected: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "v")).collect();
            assert_eq!(seen, Ok(expected));
        }
    }

    #[test]
    fn output_grows_and_records_lengths() {
        let mut out = vec![0; 4];
        let mut lens = Vec::new();
        let mut output = Output {
            out: &mut out,
            lens: &mut lens,
            used: 0,
        };
        assert_eq!(output.put(b"abc"), Ok(()));
        assert_eq!(output.put(b"defghij"), Ok(()));
        assert_eq!(&out[..10], b"abcdefghij");
        assert_eq!(lens, [3, 7]);
    }

    #[test]
    fn a_call_wipes_its_input() {
        let secret = b"s3cret";
        assert_eq!(reserve(0, 16, 2), Ok(()));
        with_borrow(|ex| {
            ex.input[..secret.len()].copy_from_slice(secret);
            ex.lens[0] = secret.len() as u32;
            Ok(())
        })
        .ok();
        let n = call(1, secret.len() as u32, |inputs, out| {
            out.put(inputs.bytes()?)
        });
        assert_eq!(n, 1);
        let wiped = with_borrow(|ex| Ok(ex.input.iter().all(|&b| b == 0)));
        assert_eq!(wiped, Ok(true));
    }
}
