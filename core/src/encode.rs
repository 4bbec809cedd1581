//! S2 percent-encoding: the bytes `A-Z a-z 0-9 - _ . ~` stay, every other
//! byte of the UTF-8 text becomes `%XY` with uppercase hex.
//!
//! Platform URL encoders all differ from this in some character (space as
//! `+`, `*` kept, `~` escaped), which is the most common cause of
//! `SignatureDoesNotMatch`; hence a table of our own.

use crate::Error;
use crate::lanes16;
use crate::sink::{FmtSink, Sink, write_into};
use crate::swar::{count_lanes, first_lanes, load_short, reserved_lanes, word};
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
/// bytes: three per byte plus the window of its last word's stores.
pub(crate) const fn room_for(len: usize) -> usize {
    3 * len + WINDOW
}

/// The output window of one word: 8 lanes of at most 3 bytes, the last
/// stored as 4, end at most 25 bytes in.
const WINDOW: usize = 32;

/// Encodes `src` into `dst` from `at` and returns the end of the output.
///
/// The fast path of the sinks that own their memory: the cursor stays in a
/// register (not in the sink, where every byte would be a store and a
/// reload), 16 bytes are classified at once (`lanes16`; a text of 8–16
/// bytes as two overlapping words), and the tail of a text is one more
/// word (see [`encode_word`]), never a byte loop.
/// Stores are fixed-size, so bytes past the returned end are scratch. The
/// caller guarantees `dst.len() >= at + room_for(src.len())`; with less,
/// stores are dropped (never a panic) and the output is wrong.
// Inlined into each pair writer natively (speed); one shared copy in wasm,
// where the copies cost 12 KB of module size.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
#[cfg_attr(target_arch = "wasm32", inline)]
pub(crate) fn encode_within(src: &[u8], dst: &mut [u8], mut at: usize) -> usize {
    let n = src.len();
    if n < 8 {
        let w = load_short(src);
        let reserved = lanes16::reserved_mask(lanes16::pair(w, [0; 8])) & ((1 << n) - 1);
        return encode_classified(u64::from_le_bytes(w), n, reserved == 0, dst, at);
    }
    let mut rest = src;
    while let Some((chunk, tail)) = rest
        .split_first_chunk::<16>()
        .filter(|(_, t)| !t.is_empty())
    {
        at = encode_chunk(rest, *chunk, dst, at);
        rest = tail;
    }
    // 1–16 bytes are left, and at least 8 bytes of text end here.
    let r = rest.len();
    let last = word(&src[n - 8..]);
    if r < 8 {
        // The last 8 bytes, shifted past the `8 - r` already done.
        return encode_word(u64::from_le_bytes(last) >> (8 * (8 - r)), r, dst, at);
    }
    // 8–16 bytes: the first and the last 8, overlapping, classified as one vector.
    let first = word(rest);
    let reserved = lanes16::reserved_mask(lanes16::pair(first, last));
    if reserved == 0 {
        if let Some(out) = dst.get_mut(at..at + r) {
            out[..8].copy_from_slice(&first);
            out[r - 8..].copy_from_slice(&last);
        }
        return at + r;
    }
    at = encode_classified(u64::from_le_bytes(first), 8, reserved & 0xFF == 0, dst, at);
    // The last word's lanes past the first word's: its top `more` lanes.
    let more = r - 8;
    let last = u64::from_le_bytes(last)
        .checked_shr(8 * (8 - more) as u32)
        .unwrap_or(0);
    encode_classified(last, more, reserved >> (16 - more) == 0, dst, at)
}

/// Encodes `chunk`, the first 16 bytes of `text`, at `at`: one store when
/// none needs escaping.
#[inline(always)]
fn encode_chunk(text: &[u8], chunk: [u8; 16], dst: &mut [u8], at: usize) -> usize {
    let reserved = lanes16::reserved_mask(chunk);
    if reserved == 0 {
        if let Some(out) = dst.get_mut(at..at + 16) {
            out.copy_from_slice(&chunk);
        }
        return at + 16;
    }
    if text.len() >= 32 {
        return encode_around_escapes(text, chunk, reserved, dst, at);
    }
    let (lo, hi) = chunk.split_at(8);
    let at = encode_classified(
        u64::from_le_bytes(word(lo)),
        8,
        reserved & 0xFF == 0,
        dst,
        at,
    );
    encode_classified(u64::from_le_bytes(word(hi)), 8, reserved >> 8 == 0, dst, at)
}

/// Encodes a chunk with escapes (`reserved`, a lane mask) whose text goes
/// on for at least 16 more bytes: the plain bytes before each escape are
/// copied 16 at a time straight from the text, and the cursor advances
/// past the plain ones only (the rest is scratch, overwritten next). One
/// step per escape instead of one per byte of the 8-byte words holding one.
#[inline]
fn encode_around_escapes(
    text: &[u8],
    chunk: [u8; 16],
    mut reserved: u32,
    dst: &mut [u8],
    mut at: usize,
) -> usize {
    let mut start = 0;
    loop {
        let lane = if reserved == 0 {
            16
        } else {
            reserved.trailing_zeros() as usize
        };
        if let (Some(from), Some(to)) = (text.get(start..start + 16), dst.get_mut(at..at + 16)) {
            to.copy_from_slice(from);
        }
        at += lane - start;
        let Some(&byte) = chunk.get(lane) else {
            return at;
        };
        if let Some(to) = dst.get_mut(at..at + 4) {
            to.copy_from_slice(&ENCODED[usize::from(byte)].to_le_bytes());
        }
        at += 3;
        start = lane + 1;
        reserved &= reserved - 1;
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

/// Encodes the first `live` (1–8) bytes of `word` at `at`; returns the new end.
///
/// A word of unreserved bytes (most of any request) is one 8-byte store. A
/// word with an escape is written lane by lane from `ENCODED`, all 8 lanes
/// without a branch: dead lanes are stored but do not advance.
#[inline(always)]
fn encode_word(word: u64, live: usize, dst: &mut [u8], at: usize) -> usize {
    let clean = reserved_lanes(word.to_le_bytes()) & first_lanes(live) == 0;
    encode_classified(word, live, clean, dst, at)
}

/// [`encode_word`] for a word already classified: `clean` when none of its
/// `live` lanes needs escaping.
#[inline(always)]
fn encode_classified(word: u64, live: usize, clean: bool, dst: &mut [u8], at: usize) -> usize {
    let Some(window) = dst
        .get_mut(at..)
        .and_then(|d| d.first_chunk_mut::<WINDOW>())
    else {
        return at; // not reached: callers leave `room_for` (see `encode_within`)
    };
    if clean {
        window[..8].copy_from_slice(&word.to_le_bytes());
        return at + live;
    }
    let mut o = 0;
    for (i, byte) in word.to_le_bytes().into_iter().enumerate() {
        let entry = ENCODED[usize::from(byte)];
        let at = o.min(WINDOW - 4);
        window[at..at + 4].copy_from_slice(&entry.to_le_bytes());
        o += usize::from(i < live) * (entry >> 24) as usize;
    }
    at + o
}

/// The length of the S2 encoding of `bytes`: each reserved byte adds two.
#[inline]
pub(crate) fn encoded_len(bytes: &[u8]) -> usize {
    let mut words = bytes.chunks_exact(8);
    let mut escapes = 0;
    for w in words.by_ref() {
        escapes += count_lanes(reserved_lanes(word(w)));
    }
    let rest = words.remainder();
    escapes += count_lanes(reserved_lanes(load_short(rest)) & first_lanes(rest.len()));
    bytes.len() + 2 * escapes
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
mod tests {
    use super::*;
    use crate::sink::measure;

    fn enc(s: &str) -> ([u8; 256], usize) {
        let mut buf = [0u8; 256];
        let n = percent_encode(s, &mut buf)
            .map(str::len)
            .unwrap_or(usize::MAX);
        (buf, n)
    }

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
        let per_length = if cfg!(miri) { 3 } else { 200 };
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
    fn short_buffer_reports_needed_length() {
        let mut buf = [0u8; 4];
        assert_eq!(
            percent_encode("a b c", &mut buf),
            Err(Error::BufferTooSmall { needed: 9 })
        );
        assert_eq!(measure(|c| encode_to(b"a b c", c)), 9);
    }
}
