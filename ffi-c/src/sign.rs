//! The signing stages: canonical query and string to sign alone, and the
//! one-call signer with a secret (the reusable handle is in `signer.rs`).

use crate::boundary::{self, Out, Outcome, guard, write_all, write_one};
use crate::status::mws_status;
use crate::types::{RequestText, mws_param, mws_request};
use core::ffi::c_char;
use mws_sign::{RequestHead, SignedRequest, SortedParams};
use mws_sign_scratch::with_scratch;

/// S4, the canonical query of some parameters: sorted by name, each
/// `name=value` percent-encoded, joined by `&`, a `Signature` parameter
/// left out.
///
/// Checks, in order: `EMPTY_PARAMETER_NAME`, `DUPLICATE_PARAMETER`.
///
/// Writes the text to `out` (`out_cap` bytes, no NUL added) and its length
/// to `*out_len`. When it does not fit: `MWS_STATUS_INSUFFICIENT_SPACE`,
/// `*out_len` = the length needed, `out` untouched. So `out` = NULL with
/// `out_cap` = 0 is a size query (`MWS_STATUS_OK` with length 0 when the
/// text is empty). On any other failure nothing is written.
///
/// # Safety
/// `params` points to `params_len` valid `mws_param`s (or is NULL with
/// `params_len` 0), each text valid for its length; `out` is valid for
/// `out_cap` bytes and `out_len` for one `size_t`; outputs overlap no input.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_canonical_query(
    params: *const mws_param,
    params_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> mws_status {
    guard(|| {
        // SAFETY: the caller's contract, stated above.
        let out = unsafe { Out::new(out, out_cap, out_len) }?;
        // SAFETY: as above.
        let mut params = unsafe { boundary::params(params, params_len) }?;
        let sorted = SortedParams::sort_in_place(&mut params)?;
        // SAFETY: as above.
        unsafe { write_one(&out, &sorted.canonical_query()) }
    })
}

/// S8, the string to sign of a request:
/// `METHOD \n host \n path \n canonical-query`.
///
/// Checks, in order: `INVALID_METHOD`, `INVALID_SCHEME`, `INVALID_HOST`,
/// `INVALID_PATH`, `EMPTY_PARAMETER_NAME`, `DUPLICATE_PARAMETER` (no
/// secret is involved, so neither are the checks of the auth parameters).
///
/// Output as `mws_canonical_query`.
///
/// # Safety
/// `request` points to a valid `mws_request` whose texts and parameters are
/// valid for their lengths; `out`/`out_len` as in `mws_canonical_query`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_string_to_sign(
    request: *const mws_request,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> mws_status {
    guard(|| {
        // SAFETY: the caller's contract, stated above.
        let out = unsafe { Out::new(out, out_cap, out_len) }?;
        // SAFETY: as above.
        let mut r = unsafe { RequestText::from_ptr(request) }?;
        let head = RequestHead::new(r.method, r.scheme, r.host, r.path)?;
        let sorted = SortedParams::sort_in_place(&mut r.params)?;
        // SAFETY: as above.
        unsafe { write_one(&out, &sorted.string_to_sign(&head)) }
    })
}

/// Signs a request in one call with a secret key: writes the signature
/// (`MWS_SIGN_SIGNATURE_LEN` = 44 characters for `HmacSHA256`,
/// `MWS_SIGN_SHA1_SIGNATURE_LEN` = 28 for `HmacSHA1`) and the signed query
/// (the canonical query, `&Signature=` and the encoded signature: the POST
/// body, or the URL query of a GET).
///
/// `secret` is the Secret Key's bytes (any bytes; not NUL-terminated).
/// `signature_method` is `HmacSHA256` or `HmacSHA1` (case-sensitive).
///
/// Checks, in the project's order: `INVALID_METHOD`, `INVALID_SCHEME`,
/// `INVALID_HOST`, `INVALID_PATH`, `EMPTY_SECRET`,
/// `UNSUPPORTED_SIGNATURE_METHOD`, `EMPTY_PARAMETER_NAME`,
/// `DUPLICATE_PARAMETER`, then a `SignatureVersion` parameter other than `2`
/// (`UNSUPPORTED_SIGNATURE_VERSION`) and a `SignatureMethod` parameter that
/// is unknown (`UNSUPPORTED_SIGNATURE_METHOD`) or names the other algorithm
/// (`SIGNATURE_METHOD_MISMATCH`).
///
/// Both outputs are written, or neither: when either does not fit, both
/// lengths receive the lengths needed and `MWS_STATUS_INSUFFICIENT_SPACE`
/// is returned.
///
/// # Safety
/// `secret`, `signature_method` valid for their lengths (or NULL with
/// length 0); `request` as in `mws_string_to_sign`; each output buffer valid
/// for its capacity and each length pointer for one `size_t`; outputs
/// overlap no input and each other.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_sign(
    secret: *const c_char,
    secret_len: usize,
    signature_method: *const c_char,
    signature_method_len: usize,
    request: *const mws_request,
    signature_out: *mut c_char,
    signature_cap: usize,
    signature_len: *mut usize,
    query_out: *mut c_char,
    query_cap: usize,
    query_len: *mut usize,
) -> mws_status {
    guard(|| {
        // SAFETY: the caller's contract, stated above.
        let (sig_out, query_out) = unsafe {
            (
                Out::new(signature_out, signature_cap, signature_len)?,
                Out::new(query_out, query_cap, query_len)?,
            )
        };
        // SAFETY: as above.
        let secret = unsafe { boundary::bytes(secret, secret_len) }?;
        // SAFETY: as above.
        let method = unsafe { boundary::text(signature_method, signature_method_len) }?;
        // SAFETY: as above.
        let mut r = unsafe { RequestText::from_ptr(request) }?;
        let written = with_scratch(|scratch| {
            let (signed, query) = SignedRequest::new_to_query(
                secret,
                method,
                r.method,
                r.scheme,
                r.host,
                r.path,
                &mut r.params,
                scratch,
            )?;
            // SAFETY: as above.
            Ok(unsafe { write_signature_and_query(&signed, query, &sig_out, &query_out) })
        });
        written.map_err(mws_status::from)?
    })
}

/// Signs a request in one call and writes the URL to send it to:
/// `scheme://host/path` with the host and path exactly as signed (host
/// lowercased, default port dropped, path encoded), followed by `?` and the
/// signed query when `with_query` is true (a GET, or a SubmitFeed whose body
/// is the feed).
///
/// Arguments and checks as `mws_sign`; output as `mws_canonical_query`.
///
/// # Safety
/// As `mws_sign`, with one output.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_sign_url(
    secret: *const c_char,
    secret_len: usize,
    signature_method: *const c_char,
    signature_method_len: usize,
    request: *const mws_request,
    with_query: bool,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> mws_status {
    guard(|| {
        // SAFETY: the caller's contract, stated above.
        let out = unsafe { Out::new(out, out_cap, out_len) }?;
        // SAFETY: as above.
        let secret = unsafe { boundary::bytes(secret, secret_len) }?;
        // SAFETY: as above.
        let method = unsafe { boundary::text(signature_method, signature_method_len) }?;
        // SAFETY: as above.
        let mut r = unsafe { RequestText::from_ptr(request) }?;
        let signed = SignedRequest::new(
            secret,
            method,
            r.method,
            r.scheme,
            r.host,
            r.path,
            &mut r.params,
        )?;
        // SAFETY: as above.
        unsafe { write_url(&signed, with_query, &out) }
    })
}

/// Writes what `mws_sign` and `mws_signer_sign` return: the signature and
/// the signed query (written by the core into the scratch buffer, see
/// `mws_sign_scratch`), both or neither.
///
/// # Safety
/// The outputs are as their `Out::new` was promised.
pub(crate) unsafe fn write_signature_and_query(
    signed: &SignedRequest<'_, '_>,
    query: &str,
    signature_out: &Out,
    query_out: &Out,
) -> Outcome {
    // SAFETY: the caller's promise.
    unsafe {
        write_all(&[
            (signature_out, &signed.signature().as_str()),
            (query_out, &query),
        ])
    }
}

/// Writes what `mws_sign_url` and `mws_signer_sign_url` return: the URL,
/// with the signed query when `with_query`.
///
/// # Safety
/// As [`write_signature_and_query`].
pub(crate) unsafe fn write_url(
    signed: &SignedRequest<'_, '_>,
    with_query: bool,
    out: &Out,
) -> Outcome {
    let url = if with_query {
        signed.url_with_query()
    } else {
        signed.url()
    };
    // SAFETY: the caller's promise.
    unsafe { write_one(out, &url) }
}
