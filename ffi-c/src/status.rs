//! The one status enum of the C API, and its names and messages.
//!
//! Kinds 1-19 are the core's error kinds (the kinds of the shared vector
//! format), in the core's order; 100 and up are faults of the call itself.
//! Numbers are never reused: a removed status leaves a hole.

use core::ffi::{CStr, c_char, c_int};
use mws_sign::Error;

/// A NUL-terminated `&'static CStr` copy of a constant `&str`, built at
/// compile time, so the C strings are the core's own texts (no second copy
/// to drift).
macro_rules! static_cstr {
    ($text:expr) => {{
        const TEXT: &str = $text;
        const BYTES: [u8; TEXT.len() + 1] = $crate::status::nul_terminated(TEXT);
        const CSTR: &::core::ffi::CStr = match ::core::ffi::CStr::from_bytes_with_nul(&BYTES) {
            Ok(c) => c,
            // Only an interior NUL could get here; no constant text has one.
            Err(_) => c"",
        };
        CSTR
    }};
}
pub(crate) use static_cstr;

/// `text` followed by a NUL, in an array of exactly `text.len() + 1` bytes.
pub(crate) const fn nul_terminated<const N: usize>(text: &str) -> [u8; N] {
    let mut out = [0u8; N];
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() && i + 1 < N {
        out[i] = bytes[i];
        i += 1;
    }
    out
}

/// The result of every fallible function.
///
/// `MWS_STATUS_OK` is 0; 1-19 are the error kinds of the signer and
/// verifier, named as in every other binding (`mws_status_kind` gives the
/// name, e.g. `"InvalidHost"`); 100 and up are faults of the call itself.
/// The numbers are stable and never reused.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mws_status {
    /// Success: every output was written.
    Ok = 0,
    /// The HTTP method is not 1-16 ASCII letters.
    InvalidMethod = 1,
    /// The scheme is neither `https` nor `http`.
    InvalidScheme = 2,
    /// The host is not a DNS name, IPv4 address or bracketed IPv6 literal
    /// with an optional valid port.
    InvalidHost = 3,
    /// A non-empty path does not start with `/`.
    InvalidPath = 4,
    /// The secret key is empty.
    EmptySecret = 5,
    /// A parameter has an empty name.
    EmptyParameterName = 6,
    /// Two parameters share a name.
    DuplicateParameter = 7,
    /// The `SignatureMethod` parameter names another algorithm than the one used.
    SignatureMethodMismatch = 8,
    /// The signature method is neither `HmacSHA256` nor `HmacSHA1`.
    UnsupportedSignatureMethod = 9,
    /// The `SignatureVersion` parameter is not `2`.
    UnsupportedSignatureVersion = 10,
    /// More parameters than a fixed-capacity call holds (no function of
    /// this library has such a limit; kept so every kind has a number).
    TooManyParameters = 11,
    /// A received query has a bad percent-escape or decodes to bytes that
    /// are not UTF-8.
    MalformedQuery = 12,
    /// A required parameter is missing: of a received request
    /// (`AWSAccessKeyId`, `Signature`, `SignatureMethod`, `SignatureVersion`,
    /// `Timestamp` or `Expires`), or of an MWS call (Access Key ID, seller
    /// ID or action empty).
    MissingParameter = 13,
    /// A received request carries both `Timestamp` and `Expires`.
    TimestampAndExpires = 14,
    /// A timestamp is not one of the accepted ISO 8601 forms, or is out of
    /// range (years 0000-9999, nanoseconds below one second).
    InvalidTimestamp = 15,
    /// The request's `Timestamp` is too old, or its `Expires` has passed.
    RequestExpired = 16,
    /// The request's `Timestamp` is too far in the future.
    TimestampInFuture = 17,
    /// The verifier knows no secret for the request's `AWSAccessKeyId`.
    InvalidAccessKeyId = 18,
    /// The received signature differs from the recomputed one.
    SignatureDoesNotMatch = 19,
    /// A required pointer is NULL, or a NULL pointer came with a non-zero length.
    NullArgument = 100,
    /// A text argument is not valid UTF-8.
    InvalidUtf8 = 101,
    /// An output buffer is too small: nothing was written but the needed
    /// lengths, through the `*_len` out-parameters.
    InsufficientSpace = 102,
    /// The library failed internally (a Rust panic, caught at the boundary).
    /// Please report it.
    Panic = 103,
}

impl mws_status {
    /// Every status, for the reverse mapping from a C `int`.
    const ALL: [mws_status; 24] = [
        mws_status::Ok,
        mws_status::InvalidMethod,
        mws_status::InvalidScheme,
        mws_status::InvalidHost,
        mws_status::InvalidPath,
        mws_status::EmptySecret,
        mws_status::EmptyParameterName,
        mws_status::DuplicateParameter,
        mws_status::SignatureMethodMismatch,
        mws_status::UnsupportedSignatureMethod,
        mws_status::UnsupportedSignatureVersion,
        mws_status::TooManyParameters,
        mws_status::MalformedQuery,
        mws_status::MissingParameter,
        mws_status::TimestampAndExpires,
        mws_status::InvalidTimestamp,
        mws_status::RequestExpired,
        mws_status::TimestampInFuture,
        mws_status::InvalidAccessKeyId,
        mws_status::SignatureDoesNotMatch,
        mws_status::NullArgument,
        mws_status::InvalidUtf8,
        mws_status::InsufficientSpace,
        mws_status::Panic,
    ];

    /// The status of a C `int`, if it is one. A C caller may pass any
    /// number, so the entry points that take a status take an `int`:
    /// turning an unknown number into a Rust enum would be undefined.
    fn from_int(status: c_int) -> Option<mws_status> {
        mws_status::ALL.into_iter().find(|s| *s as c_int == status)
    }

    /// The core error of the kinds 1-19.
    const fn error(self) -> Option<Error> {
        Some(match self {
            mws_status::InvalidMethod => Error::InvalidMethod,
            mws_status::InvalidScheme => Error::InvalidScheme,
            mws_status::InvalidHost => Error::InvalidHost,
            mws_status::InvalidPath => Error::InvalidPath,
            mws_status::EmptySecret => Error::EmptySecret,
            mws_status::EmptyParameterName => Error::EmptyParameterName,
            mws_status::DuplicateParameter => Error::DuplicateParameter,
            mws_status::SignatureMethodMismatch => Error::SignatureMethodMismatch,
            mws_status::UnsupportedSignatureMethod => Error::UnsupportedSignatureMethod,
            mws_status::UnsupportedSignatureVersion => Error::UnsupportedSignatureVersion,
            mws_status::TooManyParameters => Error::TooManyParameters,
            mws_status::MalformedQuery => Error::MalformedQuery,
            mws_status::MissingParameter => Error::MissingParameter,
            mws_status::TimestampAndExpires => Error::TimestampAndExpires,
            mws_status::InvalidTimestamp => Error::InvalidTimestamp,
            mws_status::RequestExpired => Error::RequestExpired,
            mws_status::TimestampInFuture => Error::TimestampInFuture,
            mws_status::InvalidAccessKeyId => Error::InvalidAccessKeyId,
            mws_status::SignatureDoesNotMatch => Error::SignatureDoesNotMatch,
            mws_status::Ok
            | mws_status::NullArgument
            | mws_status::InvalidUtf8
            | mws_status::InsufficientSpace
            | mws_status::Panic => return None,
        })
    }

    /// The kind's name; for 1-19 exactly the core's `Error::kind`.
    fn kind(self) -> &'static CStr {
        /// The core's name of a kind, NUL-terminated at compile time.
        macro_rules! kind {
            ($e:expr) => {
                static_cstr!($e.kind())
            };
        }
        match self.error() {
            Some(e) => match e {
                Error::InvalidMethod => kind!(Error::InvalidMethod),
                Error::InvalidScheme => kind!(Error::InvalidScheme),
                Error::InvalidHost => kind!(Error::InvalidHost),
                Error::InvalidPath => kind!(Error::InvalidPath),
                Error::EmptySecret => kind!(Error::EmptySecret),
                Error::EmptyParameterName => kind!(Error::EmptyParameterName),
                Error::DuplicateParameter => kind!(Error::DuplicateParameter),
                Error::SignatureMethodMismatch => kind!(Error::SignatureMethodMismatch),
                Error::UnsupportedSignatureMethod => kind!(Error::UnsupportedSignatureMethod),
                Error::UnsupportedSignatureVersion => kind!(Error::UnsupportedSignatureVersion),
                Error::TooManyParameters => kind!(Error::TooManyParameters),
                Error::MalformedQuery => kind!(Error::MalformedQuery),
                Error::MissingParameter => kind!(Error::MissingParameter),
                Error::TimestampAndExpires => kind!(Error::TimestampAndExpires),
                Error::InvalidTimestamp => kind!(Error::InvalidTimestamp),
                Error::RequestExpired => kind!(Error::RequestExpired),
                Error::TimestampInFuture => kind!(Error::TimestampInFuture),
                Error::InvalidAccessKeyId => kind!(Error::InvalidAccessKeyId),
                Error::SignatureDoesNotMatch => kind!(Error::SignatureDoesNotMatch),
                _ => c"Unknown",
            },
            None => match self {
                mws_status::Ok => c"Ok",
                mws_status::NullArgument => c"NullArgument",
                mws_status::InvalidUtf8 => c"InvalidUtf8",
                mws_status::InsufficientSpace => c"InsufficientSpace",
                _ => c"Panic",
            },
        }
    }

    /// A one-line message; for 1-19 exactly the core's `Error::message`.
    fn message(self) -> &'static CStr {
        /// The core's message of a kind, NUL-terminated at compile time.
        macro_rules! message {
            ($e:expr) => {
                static_cstr!($e.message())
            };
        }
        match self.error() {
            Some(e) => match e {
                Error::InvalidMethod => message!(Error::InvalidMethod),
                Error::InvalidScheme => message!(Error::InvalidScheme),
                Error::InvalidHost => message!(Error::InvalidHost),
                Error::InvalidPath => message!(Error::InvalidPath),
                Error::EmptySecret => message!(Error::EmptySecret),
                Error::EmptyParameterName => message!(Error::EmptyParameterName),
                Error::DuplicateParameter => message!(Error::DuplicateParameter),
                Error::SignatureMethodMismatch => message!(Error::SignatureMethodMismatch),
                Error::UnsupportedSignatureMethod => message!(Error::UnsupportedSignatureMethod),
                Error::UnsupportedSignatureVersion => {
                    message!(Error::UnsupportedSignatureVersion)
                }
                Error::TooManyParameters => message!(Error::TooManyParameters),
                Error::MalformedQuery => message!(Error::MalformedQuery),
                Error::MissingParameter => message!(Error::MissingParameter),
                Error::TimestampAndExpires => message!(Error::TimestampAndExpires),
                Error::InvalidTimestamp => message!(Error::InvalidTimestamp),
                Error::RequestExpired => message!(Error::RequestExpired),
                Error::TimestampInFuture => message!(Error::TimestampInFuture),
                Error::InvalidAccessKeyId => message!(Error::InvalidAccessKeyId),
                Error::SignatureDoesNotMatch => message!(Error::SignatureDoesNotMatch),
                _ => c"unknown error",
            },
            None => match self {
                mws_status::Ok => c"success",
                mws_status::NullArgument => {
                    c"a required pointer is NULL, or a NULL pointer came with a non-zero length"
                }
                mws_status::InvalidUtf8 => c"a text argument is not valid UTF-8",
                mws_status::InsufficientSpace => {
                    c"an output buffer is too small; the needed length was reported"
                }
                _ => c"internal error in mws_sign (a caught panic); please report it",
            },
        }
    }
}

impl From<Error> for mws_status {
    fn from(error: Error) -> mws_status {
        match error {
            Error::InvalidMethod => mws_status::InvalidMethod,
            Error::InvalidScheme => mws_status::InvalidScheme,
            Error::InvalidHost => mws_status::InvalidHost,
            Error::InvalidPath => mws_status::InvalidPath,
            Error::EmptySecret => mws_status::EmptySecret,
            Error::EmptyParameterName => mws_status::EmptyParameterName,
            Error::DuplicateParameter => mws_status::DuplicateParameter,
            Error::SignatureMethodMismatch => mws_status::SignatureMethodMismatch,
            Error::UnsupportedSignatureMethod => mws_status::UnsupportedSignatureMethod,
            Error::UnsupportedSignatureVersion => mws_status::UnsupportedSignatureVersion,
            Error::TooManyParameters => mws_status::TooManyParameters,
            Error::MalformedQuery => mws_status::MalformedQuery,
            Error::MissingParameter => mws_status::MissingParameter,
            Error::TimestampAndExpires => mws_status::TimestampAndExpires,
            Error::InvalidTimestamp => mws_status::InvalidTimestamp,
            Error::RequestExpired => mws_status::RequestExpired,
            Error::TimestampInFuture => mws_status::TimestampInFuture,
            Error::InvalidAccessKeyId => mws_status::InvalidAccessKeyId,
            Error::SignatureDoesNotMatch => mws_status::SignatureDoesNotMatch,
            Error::BufferTooSmall { .. } => mws_status::InsufficientSpace,
            // A kind added to the core after this binding: the test
            // `every_core_kind_has_its_own_status` fails until it is mapped.
            _ => mws_status::Panic,
        }
    }
}

/// A static, NUL-terminated, one-line message for a status: what kind of
/// fault it is, never any request data. An unknown number gives
/// `"unknown status"`. Never NULL; never free it.
#[unsafe(no_mangle)]
pub extern "C" fn mws_status_str(status: c_int) -> *const c_char {
    mws_status::from_int(status)
        .map_or(c"unknown status", mws_status::message)
        .as_ptr()
}

/// The static, NUL-terminated name of a status's kind, spelled as in the
/// vector files and every other binding: `"InvalidHost"` for
/// `MWS_STATUS_INVALID_HOST`; `"Ok"`, `"NullArgument"`, `"InvalidUtf8"`,
/// `"InsufficientSpace"`, `"Panic"` for the others; `"Unknown"` for a
/// number that is no status. Never NULL; never free it.
#[unsafe(no_mangle)]
pub extern "C" fn mws_status_kind(status: c_int) -> *const c_char {
    mws_status::from_int(status)
        .map_or(c"Unknown", mws_status::kind)
        .as_ptr()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(ptr: *const c_char) -> &'static str {
        // SAFETY: both functions return pointers to static NUL-terminated strings.
        unsafe { CStr::from_ptr(ptr) }
            .to_str()
            .unwrap_or("<not UTF-8>")
    }

    #[test]
    fn every_core_kind_has_its_own_status() {
        for (i, error) in Error::KINDS.into_iter().enumerate() {
            let status = mws_status::from(error);
            assert_eq!(status as c_int, i as c_int + 1, "{}", error.kind());
            assert_eq!(status.error(), Some(error));
            assert_eq!(text(mws_status_kind(status as c_int)), error.kind());
            assert_eq!(text(mws_status_str(status as c_int)), error.message());
        }
    }

    #[test]
    fn numbers_are_unique_and_round_trip() {
        for (i, s) in mws_status::ALL.iter().enumerate() {
            assert_eq!(mws_status::from_int(*s as c_int), Some(*s));
            assert!(
                mws_status::ALL[..i]
                    .iter()
                    .all(|o| *o as c_int != *s as c_int)
            );
            let kind = text(mws_status_kind(*s as c_int));
            assert!(!kind.is_empty() && kind != "Unknown");
            assert!(!text(mws_status_str(*s as c_int)).is_empty());
        }
        for unknown in [-1, 20, 99, 104, c_int::MAX, c_int::MIN] {
            assert_eq!(text(mws_status_kind(unknown)), "Unknown");
            assert_eq!(text(mws_status_str(unknown)), "unknown status");
        }
    }
}
