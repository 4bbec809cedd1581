//! The two MAC algorithms of SigV2 and a sink that streams into them.

use crate::Error;
use crate::sink::Sink;
use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;
use sha2::Sha256;

/// The HMAC algorithm a request is signed with (S9).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum SignatureMethod {
    /// `HmacSHA256`: 44-character signatures; what MWS recommends.
    #[default]
    HmacSha256,
    /// `HmacSHA1`: 28-character signatures; still accepted by SigV2 services.
    HmacSha1,
}

impl SignatureMethod {
    /// The name as sent in the `SignatureMethod` parameter.
    pub const fn name(self) -> &'static str {
        match self {
            SignatureMethod::HmacSha256 => "HmacSHA256",
            SignatureMethod::HmacSha1 => "HmacSHA1",
        }
    }

    /// Parses `HmacSHA256` or `HmacSHA1` (exactly; the parameter is case-sensitive).
    ///
    /// # Errors
    /// [`Error::UnsupportedSignatureMethod`] for any other name.
    pub fn from_name(name: &str) -> Result<Self, Error> {
        match name {
            "HmacSHA256" => Ok(SignatureMethod::HmacSha256),
            "HmacSHA1" => Ok(SignatureMethod::HmacSha1),
            _ => Err(Error::UnsupportedSignatureMethod),
        }
    }

    /// The length of a Base64 signature: 44 for SHA-256, 28 for SHA-1.
    pub const fn signature_len(self) -> usize {
        match self {
            SignatureMethod::HmacSha256 => 44,
            SignatureMethod::HmacSha1 => 28,
        }
    }
}

/// An HMAC keyed once; cloned for every message so the key schedule is not
/// redone. The `zeroize` feature of `hmac`/`sha2`/`sha1` wipes both the keyed
/// state and every clone of it on drop.
#[derive(Clone)]
pub(crate) enum KeyedMac {
    Sha256(Hmac<Sha256>),
    Sha1(Hmac<Sha1>),
}

impl KeyedMac {
    /// Keys the MAC. HMAC accepts any key length, so this cannot fail for a non-empty key.
    pub(crate) fn new(method: SignatureMethod, key: &[u8]) -> Result<Self, Error> {
        if key.is_empty() {
            return Err(Error::EmptySecret);
        }
        let keyed = match method {
            SignatureMethod::HmacSha256 => {
                KeyedMac::Sha256(Hmac::new_from_slice(key).map_err(|_| Error::EmptySecret)?)
            }
            SignatureMethod::HmacSha1 => {
                KeyedMac::Sha1(Hmac::new_from_slice(key).map_err(|_| Error::EmptySecret)?)
            }
        };
        Ok(keyed)
    }

    /// Starts a message: a clone of the keyed state plus a staging buffer.
    pub(crate) fn start(&self) -> MacStream {
        MacStream {
            mac: self.clone(),
            buf: [0; STAGE + SLACK],
            len: 0,
        }
    }
}

/// Bytes staged before they reach the hash: many small pieces (a `%XY`
/// escape, a `=`) cost one `update` per few hundred bytes instead of one
/// each, and the algorithm is dispatched per flush, not per piece.
const STAGE: usize = 256;
/// Room past the stage for one fixed-size 8-byte store.
const SLACK: usize = 8;

/// A message being MACed; the [`Sink`] every signing stage streams into.
/// Invariant between calls: `len < STAGE`.
pub(crate) struct MacStream {
    mac: KeyedMac,
    buf: [u8; STAGE + SLACK],
    len: usize,
}

impl MacStream {
    fn update(&mut self, bytes: &[u8]) {
        match &mut self.mac {
            KeyedMac::Sha256(m) => m.update(bytes),
            KeyedMac::Sha1(m) => m.update(bytes),
        }
    }

    fn flush(&mut self) {
        if self.len > 0 {
            // Field-level borrows: the MAC and the staging buffer are disjoint.
            let staged = &self.buf[..self.len];
            match &mut self.mac {
                KeyedMac::Sha256(m) => m.update(staged),
                KeyedMac::Sha1(m) => m.update(staged),
            }
            self.len = 0;
        }
    }

    /// The raw tag (32 bytes for SHA-256, the first 20 for SHA-1) and its length.
    pub(crate) fn finish(mut self) -> ([u8; 32], usize) {
        self.flush();
        let mut out = [0u8; 32];
        let n = match self.mac {
            KeyedMac::Sha256(m) => copy_tag(&m.finalize().into_bytes(), &mut out),
            KeyedMac::Sha1(m) => copy_tag(&m.finalize().into_bytes(), &mut out),
        };
        (out, n)
    }
}

fn copy_tag(tag: &[u8], out: &mut [u8; 32]) -> usize {
    let n = tag.len().min(out.len());
    out[..n].copy_from_slice(&tag[..n]);
    n
}

impl Sink for MacStream {
    #[inline]
    fn put(&mut self, bytes: &[u8]) {
        let end = self.len + bytes.len();
        if end < STAGE {
            crate::sink::copy_small(&mut self.buf[self.len..end], bytes);
            self.len = end;
        } else {
            self.flush();
            if bytes.len() >= STAGE {
                self.update(bytes);
            } else {
                crate::sink::copy_small(&mut self.buf[..bytes.len()], bytes);
                self.len = bytes.len();
            }
        }
    }

    #[inline]
    fn put_byte(&mut self, byte: u8) {
        self.buf[self.len] = byte;
        self.len += 1;
        if self.len == STAGE {
            self.flush();
        }
    }

    #[inline]
    fn put_prefix8(&mut self, chunk: [u8; 8], n: usize) {
        // One fixed-size store into the slack; only `n` bytes are kept.
        self.buf[self.len..self.len + 8].copy_from_slice(&chunk);
        self.len += n.min(8);
        if self.len >= STAGE {
            self.flush_full();
        }
    }

    #[inline]
    fn put3(&mut self, bytes: [u8; 3]) {
        self.buf[self.len..self.len + 3].copy_from_slice(&bytes);
        self.len += 3;
        if self.len >= STAGE {
            self.flush_full();
        }
    }
}

impl MacStream {
    /// Hashes the full stage and keeps what spilled into the slack.
    fn flush_full(&mut self) {
        let spill = self.len - STAGE;
        let staged = &self.buf[..STAGE];
        match &mut self.mac {
            KeyedMac::Sha256(m) => m.update(staged),
            KeyedMac::Sha1(m) => m.update(staged),
        }
        self.buf.copy_within(STAGE..STAGE + spill, 0);
        self.len = spill;
    }
}
