//! S2 percent-encoding: the bytes `A-Z a-z 0-9 - _ . ~` stay, every other
//! byte of the UTF-8 text becomes `%XY` with uppercase hex.
//!
//! Platform URL encoders all differ from this in some character (space as
//! `+`, `*` kept, `~` escaped), which is the most common cause of
//! `SignatureDoesNotMatch`; hence a table of our own.

use crate::Error;
use crate::sink::{FmtSink, Sink, write_into};
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

/// Whether S2 leaves `byte` unencoded.
#[inline]
pub const fn is_unreserved(byte: u8) -> bool {
    UNRESERVED[byte as usize]
}

/// Streams the S2 encoding of `bytes` into `sink`, a run of unreserved bytes at a time.
#[inline]
pub(crate) fn encode_to<S: Sink + ?Sized>(bytes: &[u8], sink: &mut S) {
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !UNRESERVED[b as usize] {
            if start < i {
                sink.put(&bytes[start..i]);
            }
            sink.put(&escape(b));
            start = i + 1;
        }
    }
    if start < bytes.len() {
        sink.put(&bytes[start..]);
    }
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
    fn short_buffer_reports_needed_length() {
        let mut buf = [0u8; 4];
        assert_eq!(
            percent_encode("a b c", &mut buf),
            Err(Error::BufferTooSmall { needed: 9 })
        );
        assert_eq!(measure(|c| encode_to(b"a b c", c)), 9);
    }
}
