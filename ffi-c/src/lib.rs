//! The C ABI of the mws-sign signer: `libmws_sign.a` / `libmws_sign.so`
//! with the header `include/mws_sign.h`, generated from this crate by a
//! pinned cbindgen (see `ffi-c/README.md`).
//!
//! Every function converts its arguments, calls the core crate `mws-sign`,
//! and converts the result back: no signing logic lives here. The
//! conventions (names, `(ptr, len)` inputs, outputs written only on success,
//! one status enum, a panic boundary on every entry point) are written down
//! in `ffi-c/README.md` and in the header.

// A C ABI cannot be written without `unsafe`: every entry point receives raw
// pointers from C. The unsafe code is confined to the conversions in
// `boundary.rs` and to the handles' `new`/`free`, each with its SAFETY note.
#![allow(unsafe_code)]
// The C names (`mws_status`, `mws_param`...) are the API; cbindgen copies them.
#![allow(non_camel_case_types)]
// A C function takes each text as a (pointer, length) pair: many arguments.
#![allow(clippy::too_many_arguments)]

// Declared in the order the header presents them (cbindgen follows it; the
// comments between them keep rustfmt from sorting them).
// The status enum, its kind names and messages.
mod status;
// Plain structs: a parameter, a request, a static text.
mod types;
// The signing stages and the one-call signer.
mod sign;
// The pre-keyed signer handle.
mod signer;
// Verification with a key-lookup callback.
mod verify;
// Timestamps out and in.
mod time;
// Content-MD5, one-shot and incremental.
mod md5;
// The marketplace and section tables.
mod tables;
// The MWS request builder.
mod credentials;
// The User-Agent.
mod user_agent;
// Argument conversion, output writing, the panic guard (no entry points).
mod boundary;

pub use credentials::{
    mws_call, mws_credentials, mws_credentials_free, mws_credentials_new,
    mws_credentials_new_with_signer, mws_credentials_sign,
};
pub use md5::{
    mws_content_md5, mws_content_md5_hasher, mws_content_md5_hasher_finish,
    mws_content_md5_hasher_free, mws_content_md5_hasher_new, mws_content_md5_hasher_update,
};
pub use sign::{mws_canonical_query, mws_sign, mws_sign_url, mws_string_to_sign};
pub use signer::{
    mws_signer, mws_signer_free, mws_signer_new, mws_signer_sign, mws_signer_sign_string,
    mws_signer_sign_url, mws_signer_signature_method,
};
pub use status::{mws_status, mws_status_kind, mws_status_str};
pub use tables::{
    mws_form_content_type, mws_marketplace, mws_marketplace_code, mws_marketplace_count,
    mws_marketplace_from_code, mws_marketplace_from_id, mws_marketplace_get, mws_marketplace_host,
    mws_marketplace_id, mws_marketplace_region, mws_section, mws_section_count,
    mws_section_from_name, mws_section_get, mws_section_name, mws_section_path,
    mws_section_seller_parameter, mws_section_version,
};
pub use time::{mws_timestamp_format, mws_timestamp_parse};
pub use types::{mws_param, mws_request, mws_str};
pub use user_agent::mws_user_agent;
pub use verify::{mws_key_lookup, mws_received_request, mws_verify};

/// The major version of this library (semantic versioning).
pub const MWS_SIGN_VERSION_MAJOR: u32 = 0;
/// The minor version of this library.
pub const MWS_SIGN_VERSION_MINOR: u32 = 1;
/// The patch version of this library.
pub const MWS_SIGN_VERSION_PATCH: u32 = 0;

/// The length of an HMAC-SHA256 signature in Base64: the longest signature.
pub const MWS_SIGN_SIGNATURE_LEN: usize = 44;
/// The length of an HMAC-SHA1 signature in Base64.
pub const MWS_SIGN_SHA1_SIGNATURE_LEN: usize = 28;
/// The length of a timestamp written by `mws_timestamp_format`
/// (`YYYY-MM-DDTHH:MM:SS.sssZ`).
pub const MWS_SIGN_TIMESTAMP_LEN: usize = 24;
/// The length of a Content-MD5 value (16 bytes in Base64).
pub const MWS_SIGN_CONTENT_MD5_LEN: usize = 24;
/// The longest `AWSAccessKeyId` that `mws_verify` accepts (and writes back).
pub const MWS_SIGN_MAX_ACCESS_KEY_ID_LEN: usize = 128;
/// The clock skew MWS allowed for `Timestamp`, each way, in seconds.
pub const MWS_SIGN_DEFAULT_WINDOW_SECONDS: u32 = 900;

/// The library's version, e.g. `"0.1.0"`: a static NUL-terminated string.
#[unsafe(no_mangle)]
pub extern "C" fn mws_version() -> *const core::ffi::c_char {
    const VERSION: &core::ffi::CStr = status::static_cstr!(env!("CARGO_PKG_VERSION"));
    VERSION.as_ptr()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> u32 {
        text.parse().unwrap_or(u32::MAX)
    }

    /// The header's macros are literals (cbindgen cannot evaluate calls):
    /// they must equal the package version and the core's constants.
    #[test]
    fn macros_match_the_package_and_the_core() {
        assert_eq!(
            MWS_SIGN_VERSION_MAJOR,
            parse(env!("CARGO_PKG_VERSION_MAJOR"))
        );
        assert_eq!(
            MWS_SIGN_VERSION_MINOR,
            parse(env!("CARGO_PKG_VERSION_MINOR"))
        );
        assert_eq!(
            MWS_SIGN_VERSION_PATCH,
            parse(env!("CARGO_PKG_VERSION_PATCH"))
        );
        assert_eq!(MWS_SIGN_SIGNATURE_LEN, mws_sign::MAX_SIGNATURE_LEN);
        assert_eq!(
            MWS_SIGN_SIGNATURE_LEN,
            mws_sign::SignatureMethod::HmacSha256.signature_len()
        );
        assert_eq!(
            MWS_SIGN_SHA1_SIGNATURE_LEN,
            mws_sign::SignatureMethod::HmacSha1.signature_len()
        );
        assert_eq!(MWS_SIGN_TIMESTAMP_LEN, mws_sign::TIMESTAMP_LEN);
        assert_eq!(MWS_SIGN_CONTENT_MD5_LEN, mws_sign::CONTENT_MD5_LEN);
        assert_eq!(
            MWS_SIGN_MAX_ACCESS_KEY_ID_LEN,
            mws_sign::MAX_ACCESS_KEY_ID_LEN
        );
        assert_eq!(
            MWS_SIGN_DEFAULT_WINDOW_SECONDS,
            mws_sign::VerifyOptions::DEFAULT_WINDOW_SECONDS
        );
        let version = unsafe { core::ffi::CStr::from_ptr(mws_version()) };
        assert_eq!(version.to_str(), Ok(env!("CARGO_PKG_VERSION")));
    }
}
