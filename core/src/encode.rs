//! S2 percent-encoding: the bytes `A-Z a-z 0-9 - _ . ~` stay, every other
//! byte of the UTF-8 text becomes `%XY` with uppercase hex.
//!
//! Platform URL encoders all differ from this in some character (space as
//! `+`, `*` kept, `~` escaped), which is the most common cause of
//! `SignatureDoesNotMatch`; hence a table of our own.

use crate::Error;
use crate::sink::{FmtSink, Sink, write_into};
use crate::swar::unreserved_prefix;
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

/// Streams the S2 encoding of `bytes` into `sink`.
///
/// Whole words of 8 bytes are classified at once (see `swar`): a word of
/// unreserved bytes is stored as one piece, a word holding a reserved byte
/// is written byte by byte from `ENCODED`. The last partial word is read as
/// the final 8 bytes of the text, overlapping what is done, so only texts
/// under 8 bytes are written byte by byte throughout.
#[inline]
pub(crate) fn encode_to<S: Sink + ?Sized>(bytes: &[u8], sink: &mut S) {
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
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&bytes[start..start + 8]);
        if unreserved_prefix_from(chunk, skip) == 8 {
            if skip == 0 {
                sink.put_prefix8(chunk, 8);
            } else {
                sink.put(&chunk[skip..]);
            }
        } else {
            // A word with an escape: all of it byte by byte, branch-free,
            // rather than one branch (often mispredicted) per escape.
            for &b in &chunk[skip..] {
                sink.put_entry(ENCODED[b as usize]);
            }
        }
        i = start + 8;
    }
}

/// The end of the unreserved run starting at `skip` in `chunk` (8 if it
/// reaches the end of the word).
#[inline(always)]
fn unreserved_prefix_from(chunk: [u8; 8], skip: usize) -> usize {
    if skip == 0 {
        return unreserved_prefix(chunk);
    }
    crate::swar::unreserved_prefix_after(chunk, skip)
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
    text.bytes()
        .map(|b| if is_unreserved(b) { 1 } else { 3 })
        .sum()
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
        // and multi-byte characters, for every length up to 40.
        let pool: Vec<char> = "aZ09-._~ /%+=&*!'()é日😀\t\u{0}".chars().collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let per_length = if cfg!(miri) { 3 } else { 200 };
        for len in 0..40 {
            for _ in 0..per_length {
                let mut text = std::string::String::new();
                for _ in 0..len {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    text.push(pool[(seed % pool.len() as u64) as usize]);
                }
                let mut naive = Vec::new();
                for &b in text.as_bytes() {
                    if is_unreserved(b) {
                        naive.push(b);
                    } else {
                        naive.extend_from_slice(&escape(b));
                    }
                }
                let mut buf = [0u8; 512];
                let fast = percent_encode(&text, &mut buf).map(str::as_bytes);
                assert_eq!(fast, Ok(&naive[..]), "{text:?}");
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
