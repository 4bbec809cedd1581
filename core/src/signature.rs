//! The signature: Base64 of the MAC (S9), in a fixed-size stack value.

use crate::SignatureMethod;
use crate::mac::Tag;
use core::fmt;
use subtle::ConstantTimeEq;

/// The longest signature (HMAC-SHA256 in Base64).
pub const MAX_SIGNATURE_LEN: usize = 44;

/// A Base64 signature: 44 characters for HMAC-SHA256, 28 for HMAC-SHA1.
///
/// Equality is constant-time. A signature is not secret (it travels with the
/// request), so `Debug` and `Display` show it.
#[derive(Clone, Copy)]
#[repr(C)]
pub struct Signature {
    // First, and 48 bytes: the encoder writes three whole 16-byte stores,
    // which a copy of the value then reads back as they were written.
    text: [u8; TEXT_SPACE],
    len: u8,
    method: SignatureMethod,
}

/// The room for the text: the longest signature rounded up to whole
/// 16-byte pieces.
const TEXT_SPACE: usize = MAX_SIGNATURE_LEN.next_multiple_of(16);

impl Signature {
    /// Encodes a finished MAC's tag.
    pub(crate) fn from_tag(method: SignatureMethod, tag: &Tag) -> Signature {
        let mut text = [0u8; TEXT_SPACE];
        // Natively each digest length gets the vector encoder, from the
        // hash words (`encode_tag`; a SHA-256 tag took 270 instructions
        // with the table one). In wasm the one table encoder, for the
        // module's size. At most 32 bytes: at most 44 characters.
        #[cfg(not(target_arch = "wasm32"))]
        let len = match tag {
            Tag::Sha256(words) => crate::base64::encode_tag(words, &mut text),
            Tag::Sha1(words) => crate::base64::encode_tag(words, &mut text),
        };
        #[cfg(target_arch = "wasm32")]
        let len = {
            let (bytes, n) = tag.bytes();
            crate::base64::encode(&bytes[..n], &mut text)
        };
        Signature {
            text,
            len: u8::try_from(len).unwrap_or(0),
            method,
        }
    }

    /// The Base64 text, e.g. `"i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf/Mj6vPxyYIs="`.
    pub fn as_str(&self) -> &str {
        // Base64 output is ASCII.
        core::str::from_utf8(self.as_bytes()).unwrap_or("")
    }

    /// The Base64 text as bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.text[..usize::from(self.len)]
    }

    /// The algorithm that produced it.
    pub const fn method(&self) -> SignatureMethod {
        self.method
    }

    /// Compares with a received signature text in constant time (for equal
    /// lengths; the length of a signature is public).
    pub fn ct_eq_str(&self, received: &str) -> bool {
        let received = received.as_bytes();
        received.len() == self.as_bytes().len() && bool::from(self.as_bytes().ct_eq(received))
    }
}

impl PartialEq for Signature {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq_str(other.as_str())
    }
}

impl Eq for Signature {}

impl fmt::Display for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Signature").field(&self.as_str()).finish()
    }
}

impl AsRef<str> for Signature {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}
