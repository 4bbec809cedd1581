//! The two MAC algorithms of SigV2.

use crate::Error;

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
