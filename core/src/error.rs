//! The one error type of the crate.
//!
//! Every variant but [`Error::BufferTooSmall`] is one of the error *kinds* of
//! the shared vector format, spelled the same in every language binding.

use core::fmt;

/// Why a request could not be signed or did not verify.
///
/// Messages never contain the secret, parameter values or any other request
/// data: only the kind of fault. Callers that need detail compare the stages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Error {
    /// The HTTP method is not 1–16 ASCII letters.
    InvalidMethod,
    /// The scheme is neither `https` nor `http`.
    InvalidScheme,
    /// The host is not a DNS name, IPv4 address or bracketed IPv6 literal with an optional valid port.
    InvalidHost,
    /// A non-empty path does not start with `/`.
    InvalidPath,
    /// The secret key is empty.
    EmptySecret,
    /// A parameter has an empty name.
    EmptyParameterName,
    /// Two parameters share a name.
    DuplicateParameter,
    /// The `SignatureMethod` parameter names another algorithm than the one used.
    SignatureMethodMismatch,
    /// The signature method is neither `HmacSHA256` nor `HmacSHA1`.
    UnsupportedSignatureMethod,
    /// The `SignatureVersion` parameter is not `2`.
    UnsupportedSignatureVersion,
    /// More parameters than a fixed-capacity convenience API holds ([`crate::MAX_PARAMS`]).
    TooManyParameters,
    /// A received query has a bad percent-escape or decodes to bytes that are not UTF-8.
    MalformedQuery,
    /// A received request lacks a required parameter.
    MissingParameter,
    /// A received request carries both `Timestamp` and `Expires`.
    TimestampAndExpires,
    /// A timestamp is not one of the accepted ISO 8601 forms, or is out of range.
    InvalidTimestamp,
    /// The request's `Timestamp` is too old, or its `Expires` has passed.
    RequestExpired,
    /// The request's `Timestamp` is too far in the future.
    TimestampInFuture,
    /// The verifier knows no secret for the request's `AWSAccessKeyId`.
    InvalidAccessKeyId,
    /// The received signature differs from the recomputed one.
    SignatureDoesNotMatch,
    /// The caller's output buffer is too small; `needed` bytes would fit the whole output.
    BufferTooSmall {
        /// The length of the complete output.
        needed: usize,
    },
}

impl Error {
    /// Every kind of the shared vector format, in declaration order (not [`Error::BufferTooSmall`]).
    pub const KINDS: [Error; 19] = [
        Error::InvalidMethod,
        Error::InvalidScheme,
        Error::InvalidHost,
        Error::InvalidPath,
        Error::EmptySecret,
        Error::EmptyParameterName,
        Error::DuplicateParameter,
        Error::SignatureMethodMismatch,
        Error::UnsupportedSignatureMethod,
        Error::UnsupportedSignatureVersion,
        Error::TooManyParameters,
        Error::MalformedQuery,
        Error::MissingParameter,
        Error::TimestampAndExpires,
        Error::InvalidTimestamp,
        Error::RequestExpired,
        Error::TimestampInFuture,
        Error::InvalidAccessKeyId,
        Error::SignatureDoesNotMatch,
    ];

    /// The kind's name as the vector files and every binding spell it, e.g. `"InvalidHost"`.
    pub const fn kind(&self) -> &'static str {
        match self {
            Error::InvalidMethod => "InvalidMethod",
            Error::InvalidScheme => "InvalidScheme",
            Error::InvalidHost => "InvalidHost",
            Error::InvalidPath => "InvalidPath",
            Error::EmptySecret => "EmptySecret",
            Error::EmptyParameterName => "EmptyParameterName",
            Error::DuplicateParameter => "DuplicateParameter",
            Error::SignatureMethodMismatch => "SignatureMethodMismatch",
            Error::UnsupportedSignatureMethod => "UnsupportedSignatureMethod",
            Error::UnsupportedSignatureVersion => "UnsupportedSignatureVersion",
            Error::TooManyParameters => "TooManyParameters",
            Error::MalformedQuery => "MalformedQuery",
            Error::MissingParameter => "MissingParameter",
            Error::TimestampAndExpires => "TimestampAndExpires",
            Error::InvalidTimestamp => "InvalidTimestamp",
            Error::RequestExpired => "RequestExpired",
            Error::TimestampInFuture => "TimestampInFuture",
            Error::InvalidAccessKeyId => "InvalidAccessKeyId",
            Error::SignatureDoesNotMatch => "SignatureDoesNotMatch",
            Error::BufferTooSmall { .. } => "BufferTooSmall",
        }
    }

    /// The kind whose name is `kind`, if any (the inverse of [`Error::kind`] for the vector kinds).
    pub fn from_kind(kind: &str) -> Option<Error> {
        Error::KINDS.into_iter().find(|e| e.kind() == kind)
    }

    /// A one-line explanation for people; static, and free of request data.
    pub const fn message(&self) -> &'static str {
        match self {
            Error::InvalidMethod => "the HTTP method must be 1-16 ASCII letters",
            Error::InvalidScheme => "the scheme must be https or http",
            Error::InvalidHost => {
                "the host must be a DNS name, IPv4 address or [IPv6] literal, optionally with :port (1-65535)"
            }
            Error::InvalidPath => "a non-empty path must start with '/'",
            Error::EmptySecret => "the secret key is empty",
            Error::EmptyParameterName => "a parameter has an empty name",
            Error::DuplicateParameter => "two parameters have the same name",
            Error::SignatureMethodMismatch => {
                "the SignatureMethod parameter names another algorithm than the one used to sign"
            }
            Error::UnsupportedSignatureMethod => {
                "the signature method must be HmacSHA256 or HmacSHA1"
            }
            Error::UnsupportedSignatureVersion => "SignatureVersion must be 2",
            Error::TooManyParameters => "more parameters than this fixed-capacity call holds",
            Error::MalformedQuery => {
                "the query has a bad percent-escape or is not UTF-8 once decoded"
            }
            Error::MissingParameter => {
                "a required parameter is missing or empty (AWSAccessKeyId, Signature, SignatureMethod, SignatureVersion, Timestamp or Expires when verifying; the access key, seller id or action when building an MWS call)"
            }
            Error::TimestampAndExpires => "the request carries both Timestamp and Expires",
            Error::InvalidTimestamp => "the timestamp is not an accepted ISO 8601 form",
            Error::RequestExpired => {
                "the request has expired (Timestamp too old or Expires passed)"
            }
            Error::TimestampInFuture => "the request's Timestamp is too far in the future",
            Error::InvalidAccessKeyId => "no secret is known for this AWSAccessKeyId",
            Error::SignatureDoesNotMatch => "the signature does not match the request",
            Error::BufferTooSmall { .. } => "the output buffer is too small",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::BufferTooSmall { needed } => {
                write!(f, "{}: {} bytes needed", self.kind(), needed)
            }
            _ => write!(f, "{}: {}", self.kind(), self.message()),
        }
    }
}

impl core::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_are_unique() {
        for (i, e) in Error::KINDS.iter().enumerate() {
            assert_eq!(Error::from_kind(e.kind()), Some(*e));
            assert!(Error::KINDS[..i].iter().all(|o| o.kind() != e.kind()));
        }
        assert_eq!(Error::from_kind("BufferTooSmall"), None);
    }
}
