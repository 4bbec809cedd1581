//! S2 percent-encoding: the bytes `A-Z a-z 0-9 - _ . ~` stay, every other
//! byte of the UTF-8 text becomes `%XY` with uppercase hex.
//!
//! Platform URL encoders all differ from this in some character (space as
//! `+`, `*` kept, `~` escaped), which is the most common cause of
//! `SignatureDoesNotMatch`; hence a table of our own.

use crate::Error;
use crate::lanes16;
use crate::sink::{FmtSink, Sink, write_into};
use crate::swar::{first_lanes, reserved_lanes, word};
use core::fmt;

/// `UNRESERVED[b]` is true for the bytes S2 leaves as they are.
const UNRESERVED: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'-' || c == b'_' || c == b'.' || c == b'~';
        b += 1;
    }
    t
};

const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";

/// `ENCODED[b]`: the S2 encoding of byte `b` in the low three bytes
/// (little-endian) and its length in the top byte, for branch-free encoding.
const ENCODED: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if UNRESERVED[b] {
            b as u32 | 1 << 24
        } else {
            let [pct, hi, lo] = escape(b as u8);
            u32::from_le_bytes([pct, hi, lo, 3])
        };
        b += 1;
    }
    t
};

/// Whether S2 leaves `byte` unencoded.
#[inline]
pub const fn is_unreserved(byte: u8) -> bool {
    UNRESERVED[byte as usize]
}

/// Streams the S2 encoding of `bytes` into `sink`: each sink picks its
/// fastest way (see [`Sink::put_encoded`]).
#[inline]
pub(crate) fn encode_to<S: Sink + ?Sized>(bytes: &[u8], sink: &mut S) {
    sink.put_encoded(bytes);
}

/// The portable way, through the sink's `put`s: used by sinks that do not own
/// their memory (a formatter) and near the end of a caller's buffer.
///
/// Whole words of 8 bytes are classified at once (see `swar`): a word of
/// unreserved bytes is stored as one piece, a word holding a reserved byte
/// is written byte by byte from `ENCODED`. The last partial word is read as
/// the final 8 bytes of the text, overlapping what is done.
pub(crate) fn encode_by_pieces<S: Sink + ?Sized>(bytes: &[u8], sink: &mut S) {
    let len = bytes.len();
    if len < 8 {
        for &b in bytes {
            sink.put_entry(ENCODED[b as usize]);
        }
        return;
    }
    let mut i = 0;
    while i < len {
        // The word at `i`, or for the tail the last 8 bytes, of which the
        // first `skip` are already written.
        let start = i.min(len - 8);
        let skip = i - start;
        let chunk = word(&bytes[start..]);
        if reserved_lanes(chunk) & !first_lanes(skip) == 0 {
            sink.put(&chunk[skip..]);
        } else {
            for &b in &chunk[skip..] {
                sink.put_entry(ENCODED[b as usize]);
            }
        }
        i = start + 8;
    }
}

/// The bytes [`encode_within`] may touch past the cursor for `len` input
/// bytes: three per byte plus the window of its last chunk's stores.
pub(crate) const fn room_for(len: usize) -> usize {
    3 * len + WINDOW
}

/// The bytes [`encode_within`] and [`encode_pair_within`] may touch past
/// the cursor when the output's length is known (see [`encoded_len`]):
/// every chunk's stores start within the output and reach [`WINDOW`] bytes
/// from their start at most. Tighter than [`room_for`] near the end of a
/// buffer sized to its text.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) const fn room_for_output(output_len: usize) -> usize {
    output_len + WINDOW
}

/// How far past the output's end the stores may reach: a chunk written lane
/// by lane stores 4 bytes at up to 48 bytes in, wherever its live lanes end
/// (see [`encode_every_lane`]); the other stores reach 16 bytes past a
/// cursor that has advanced three bytes per input byte at most.
const WINDOW: usize = 3 * 16 + 4;

/// Encodes `src` into `dst` from `at` and returns the end of the output.
///
/// The fast path of the sinks that own their memory: the cursor stays in a
/// register (not in the sink, where every byte would be a store and a
/// reload), and every text is cut into 16-lane chunks (see
/// [`encode_lanes`]): whole 16-byte chunks, then the text's last 16 bytes
/// shifted past the lanes already done, or for a text under 16 bytes the
/// text itself, zero-filled. No byte loop and no second width: one kernel
/// for every chunk, so a chunk with escapes costs a step per escape.
/// Stores are fixed-size, so bytes past the returned end are scratch. The
/// caller guarantees `dst.len() >= at + room_for(src.len())`; with less,
/// stores are dropped (never a panic) and the output is wrong.
// Inlined into each pair writer natively (speed); one shared copy in wasm,
// where the copies cost 12 KB of module size.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
#[cfg_attr(target_arch = "wasm32", inline)]
pub(crate) fn encode_within(src: &[u8], dst: &mut [u8], mut at: usize) -> usize {
    let n = src.len();
    let Some(last) = src.last_chunk::<16>() else {
        // 8–15 bytes (names, most values): the first and the last eight as
        // they lie, overlapping, classified together. Clean (the common
        // case), they are stored as two words, with no shift to take out
        // the overlap; with escapes, as every shorter text below.
        if let (Some(head), Some(tail)) = (src.first_chunk::<8>(), src.last_chunk::<8>())
            && lanes16::reserved_mask(lanes16::pair(*head, *tail)) == 0
        {
            if let Some(out) = dst.get_mut(at..at + 16) {
                out[..8].copy_from_slice(head);
                out[n - 8..n].copy_from_slice(tail);
            }
            return at + n;
        }
        let chunk = lanes16::zero_filled(src);
        let reserved = lanes16::reserved_mask(chunk) & ((1 << n) - 1);
        return encode_lanes(chunk, reserved, n, dst, at);
    };
    let mut rest = src;
    while let Some((chunk, tail)) = rest
        .split_first_chunk::<16>()
        .filter(|(_, t)| !t.is_empty())
    {
        at = encode_lanes(*chunk, lanes16::reserved_mask(*chunk), 16, dst, at);
        rest = tail;
    }
    // 1–16 bytes are left: the top lanes of the last 16.
    let done = 16 - rest.len();
    let reserved = lanes16::reserved_mask(*last);
    if reserved == 0 {
        // All 16 plain, also the `done` lanes already written: those came
        // out as themselves just before `at`, so the chunk is stored whole
        // from there (no 128-bit shift).
        store(dst, at - done, last);
        return at + rest.len();
    }
    let moved = (u128::from_le_bytes(*last) >> (8 * done)).to_le_bytes();
    encode_lanes(moved, reserved >> done, rest.len(), dst, at)
}

/// The bytes [`copy_plain_within`] may touch past the cursor for `len`
/// bytes of text: the text and the rest of its last 16-byte store.
pub(crate) const fn room_for_plain(len: usize) -> usize {
    len + 16
}

/// Copies `src`, text that needs no encoding, into `dst` from `at` as
/// [`encode_within`] writes a chunk without escapes: 16-byte stores, the
/// last one ending with the text (or for a text under 16 bytes, the text
/// zero-filled), so no `memcpy` call and no byte loop. Returns the end; the
/// caller leaves [`room_for_plain`] (with less, stores are dropped).
// Inlined natively; one shared copy in wasm, for the module's size.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(crate) fn copy_plain_within(src: &[u8], dst: &mut [u8], at: usize) -> usize {
    let end = at + src.len();
    let Some(last) = src.last_chunk::<16>() else {
        store(dst, at, &lanes16::zero_filled(src));
        return end;
    };
    let (chunks, _) = src.as_chunks::<16>();
    for (i, chunk) in chunks.iter().enumerate() {
        store(dst, at + 16 * i, chunk);
    }
    store(dst, end - 16, last);
    end
}

/// Encodes the first `live` (1–16) lanes of `chunk`, whose reserved lanes
/// are the bits of `reserved` (none at or past `live`), at `at`; returns
/// the new end.
///
/// A chunk without escapes (most of any request) is one 16-byte store.
/// With one or two escapes (and ASCII only), each escape is one step: the
/// plain lanes before it are stored as one 16-byte piece (the cursor
/// advances past them only; the rest is scratch, overwritten next), then
/// its `%XY`, and the chunk is shifted past it.
#[inline(always)]
fn encode_lanes(
    chunk: [u8; 16],
    mut reserved: u32,
    live: usize,
    dst: &mut [u8],
    at: usize,
) -> usize {
    let mut at = at;
    if reserved == 0 {
        store(dst, at, &chunk);
        return at + live;
    }
    // Three escapes or more, or any non-ASCII byte: lane by lane (see
    // there). Without its two lowest bits, `reserved` shows a third.
    let past_first = reserved & (reserved - 1);
    let past_second = past_first & past_first.wrapping_sub(1);
    if past_second != 0 || lanes16::non_ascii_mask(chunk) != 0 {
        return encode_every_lane(chunk, live, dst, at);
    }
    let mut rest = u128::from_le_bytes(chunk);
    // Lanes before `done` are written; lane `done` is byte 0 of `rest`.
    let mut done = 0;
    loop {
        store(dst, at, &rest.to_le_bytes());
        if reserved == 0 {
            return at + live - done;
        }
        let lane = reserved.trailing_zeros() as usize;
        let plain = lane - done;
        at += plain;
        let escaped = rest >> (8 * plain);
        let entry = ENCODED[usize::from(escaped as u8)];
        if let Some(out) = dst.get_mut(at..at + 4) {
            out.copy_from_slice(&entry.to_le_bytes());
        }
        at += 3;
        rest = escaped >> 8;
        done = lane + 1;
        reserved &= reserved - 1;
    }
}

/// Encodes the first `live` lanes of `chunk` lane by lane from `ENCODED`,
/// all 16 without a branch: dead lanes are stored but do not advance.
///
/// A chunk holding non-ASCII text (Latin-1, CJK: every byte of it an
/// escape) goes this way, and so does one with three escapes or more: a
/// step per escape is ~30 instructions, a 128-bit shift by a variable
/// count among them, and this path ~100 for the whole chunk. `products`
/// signs 2% faster with its values of many escapes (`x:y/z+w=v&u?t`)
/// here; with one or two escapes a chunk is cheaper step by step.
#[inline(always)]
fn encode_every_lane(chunk: [u8; 16], live: usize, dst: &mut [u8], at: usize) -> usize {
    let Some(window) = dst
        .get_mut(at..)
        .and_then(|d| d.first_chunk_mut::<WINDOW>())
    else {
        return at; // not reached: callers leave `room_for` (see `encode_within`)
    };
    let mut o = 0;
    for (i, byte) in chunk.into_iter().enumerate() {
        let entry = ENCODED[usize::from(byte)];
        window[o..o + 4].copy_from_slice(&entry.to_le_bytes());
        // A length is 1 or 3: masked to two bits, the compiler sees every
        // store within the window and drops a bounds check a lane.
        o += usize::from(i < live) * (entry >> 24 & 3) as usize;
    }
    at + o
}

/// Stores 16 bytes at `at` (dropped without room, as in [`encode_within`]).
#[inline(always)]
fn store(dst: &mut [u8], at: usize, bytes: &[u8; 16]) {
    if let Some(out) = dst.get_mut(at..at + 16) {
        out.copy_from_slice(bytes);
    }
}

/// The room [`encode_pair_within`] needs for a name and value of these lengths.
pub(crate) const fn room_for_pair(name_len: usize, value_len: usize) -> usize {
    2 + room_for(name_len) + room_for(value_len)
}

/// Writes one canonical pair, `&` (when `separator`) `enc(name)=enc(value)`,
/// at `at`, as [`encode_within`] does (needs [`room_for_pair`]).
#[inline(always)]
pub(crate) fn encode_pair_within(
    separator: bool,
    name: &[u8],
    value: &[u8],
    dst: &mut [u8],
    at: usize,
) -> usize {
    let mut at = at;
    if separator {
        at = byte_within(b'&', dst, at);
    }
    at = encode_within(name, dst, at);
    at = byte_within(b'=', dst, at);
    encode_within(value, dst, at)
}

/// Writes one byte at `at` (dropped without room, as in [`encode_within`]).
#[inline(always)]
fn byte_within(byte: u8, dst: &mut [u8], at: usize) -> usize {
    if let Some(d) = dst.get_mut(at) {
        *d = byte;
    }
    at + 1
}

/// The length of the S2 encoding of `bytes`: each reserved byte adds two.
/// Sixteen bytes a step, with the encoder's own classifier.
// One shared copy in wasm, for the module's size (inlined, 2.5 KB).
#[cfg_attr(not(target_arch = "wasm32"), inline)]
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(crate) fn encoded_len(bytes: &[u8]) -> usize {
    let (chunks, rest) = bytes.as_chunks::<16>();
    let mut escapes = 0;
    for chunk in chunks {
        escapes += lanes16::reserved_mask(*chunk).count_ones();
    }
    // The zero fill is reserved: only the text's own lanes count.
    let live = (1u32 << rest.len()) - 1;
    escapes += (lanes16::reserved_mask(lanes16::zero_filled(rest)) & live).count_ones();
    bytes.len() + 2 * escapes as usize
}

/// `%XY` for one byte.
#[inline]
pub(crate) const fn escape(b: u8) -> [u8; 3] {
    [
        b'%',
        HEX_UPPER[(b >> 4) as usize],
        HEX_UPPER[(b & 0x0f) as usize],
    ]
}

/// The length of the S2 encoding of `text`.
pub fn percent_encoded_len(text: &str) -> usize {
    encoded_len(text.as_bytes())
}

/// Writes the S2 encoding of `text` into `buf` and returns it.
///
/// ```
/// let mut buf = [0u8; 64];
/// assert_eq!(mws_sign::percent_encode("a b*~/é", &mut buf), Ok("a%20b%2A~%2F%C3%A9"));
/// ```
///
/// # Errors
/// [`Error::BufferTooSmall`] with the needed length when `buf` is too short
/// (see [`percent_encoded_len`]).
pub fn percent_encode<'b>(text: &str, buf: &'b mut [u8]) -> Result<&'b str, Error> {
    write_into(buf, |w| encode_to(text.as_bytes(), w))
}

/// The S2 encoding of a text, as a value that implements `Display`.
///
/// ```
/// assert_eq!(mws_sign::PercentEncoded("Café & Crème").to_string(), "Caf%C3%A9%20%26%20Cr%C3%A8me");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct PercentEncoded<'a>(pub &'a str);

impl fmt::Display for PercentEncoded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut sink = FmtSink::new(f);
        encode_to(self.0.as_bytes(), &mut sink);
        sink.finish()
    }
}

/// S2 encoding a byte at a time from the table's two answers: the
/// reference the fast encoders and the sinks are tested against.
#[cfg(test)]
pub(crate) fn naive_encode(text: &[u8], out: &mut impl Extend<u8>) {
    for &b in text {
        if is_unreserved(b) {
            out.extend([b]);
        } else {
            out.extend(escape(b));
        }
    }
}

#[cfg(test)]
mod tests;
