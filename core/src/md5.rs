//! Content-MD5 (`ContentMD5Value` of SubmitFeed): Base64 of the raw 16-byte
//! MD5 of the exact body bytes — not of a decoded or re-encoded string.

use core::fmt;
use md5::{Digest, Md5};

/// The length of a Content-MD5 value (16 bytes in Base64).
pub const CONTENT_MD5_LEN: usize = 24;

/// A Content-MD5 value, e.g. `mA5nPbh1CSx9M3dbkr3Cyg==` for the body `mws`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ContentMd5 {
    text: [u8; CONTENT_MD5_LEN],
}

impl ContentMd5 {
    /// The Content-MD5 of a whole body.
    ///
    /// ```
    /// assert_eq!(mws_sign::ContentMd5::of(b"mws").as_str(), "mA5nPbh1CSx9M3dbkr3Cyg==");
    /// ```
    pub fn of(body: &[u8]) -> ContentMd5 {
        let mut hasher = ContentMd5Hasher::new();
        hasher.update(body);
        hasher.finish()
    }

    /// The Base64 text.
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(&self.text).unwrap_or("")
    }
}

impl fmt::Display for ContentMd5 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for ContentMd5 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ContentMd5").field(&self.as_str()).finish()
    }
}

impl AsRef<str> for ContentMd5 {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

/// Content-MD5 of a body fed in pieces (a feed file streamed from disk).
#[derive(Clone, Default)]
pub struct ContentMd5Hasher {
    md5: Md5,
}

impl ContentMd5Hasher {
    /// A hasher over no bytes yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the next bytes of the body.
    pub fn update(&mut self, bytes: &[u8]) {
        self.md5.update(bytes);
    }

    /// The Content-MD5 of everything added.
    pub fn finish(self) -> ContentMd5 {
        let digest = self.md5.finalize();
        let mut text = [0u8; CONTENT_MD5_LEN];
        // 16 bytes always encode to exactly 24 characters.
        crate::base64::encode(&digest, &mut text);
        ContentMd5 { text }
    }
}

impl fmt::Debug for ContentMd5Hasher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ContentMd5Hasher")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_equal_whole() {
        let body = b"<?xml version=\"1.0\"?><AmazonEnvelope/>";
        let mut h = ContentMd5Hasher::new();
        for piece in body.chunks(7) {
            h.update(piece);
        }
        assert_eq!(h.finish(), ContentMd5::of(body));
        // RFC 1321's test suite: MD5("") = d41d8cd98f00b204e9800998ecf8427e.
        assert_eq!(ContentMd5::of(b"").as_str(), "1B2M2Y8AsgTpgAmY7PhCfg==");
    }
}
