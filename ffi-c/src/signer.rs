//! The reusable, pre-keyed signer handle.

use crate::boundary::{self, Out, guard, guard_or, required, store, write_one};
use crate::sign::{write_signature_and_query, write_url};
use crate::status::mws_status;
use crate::types::{RequestText, mws_request, mws_str};
use core::ffi::c_char;
use mws_sign::{SignedRequest, Signer};
use mws_sign_scratch::with_scratch;

/// A signer keyed once with a secret, for any number of requests. Its key
/// state is wiped when it is freed. It is immutable once made, so one
/// signer may be used from several threads at once. Make it with
/// `mws_signer_new`, free it with `mws_signer_free`.
pub struct mws_signer {
    pub(crate) signer: Signer,
}

/// Makes a signer: keys HMAC with `secret` for `signature_method`
/// (`HmacSHA256` or `HmacSHA1`, case-sensitive). On success `*signer_out`
/// receives a new signer, which the caller frees with `mws_signer_free`.
///
/// The library keeps no pointer into `secret`: the caller may wipe its copy
/// right after this call.
///
/// Checks, in order: `EMPTY_SECRET`, `UNSUPPORTED_SIGNATURE_METHOD`.
///
/// # Safety
/// `secret` and `signature_method` valid for their lengths (or NULL with
/// length 0); `signer_out` valid for one pointer write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_signer_new(
    secret: *const c_char,
    secret_len: usize,
    signature_method: *const c_char,
    signature_method_len: usize,
    signer_out: *mut *mut mws_signer,
) -> mws_status {
    guard(|| {
        required(signer_out)?;
        // SAFETY: the caller's contract, stated above.
        let secret = unsafe { boundary::bytes(secret, secret_len) }?;
        // SAFETY: as above.
        let method = unsafe { boundary::text(signature_method, signature_method_len) }?;
        let signer = Signer::from_name(secret, method)?;
        let handle = Box::into_raw(Box::new(mws_signer { signer }));
        // SAFETY: checked non-NULL above; valid by the caller's contract.
        unsafe { store(signer_out, handle) };
        Ok(())
    })
}

/// Frees a signer made by `mws_signer_new`, wiping its key state.
/// `mws_signer_free(NULL)` does nothing.
///
/// # Safety
/// `signer` is NULL or a signer from `mws_signer_new` not freed yet, and no
/// other thread is using it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_signer_free(signer: *mut mws_signer) {
    guard_or((), || {
        if !signer.is_null() {
            // SAFETY: made by `Box::into_raw` in `mws_signer_new` and not
            // freed yet (caller's contract). Dropping the `Signer` wipes it.
            drop(unsafe { Box::from_raw(signer) });
        }
    });
}

/// The algorithm of a signer: `"HmacSHA256"` or `"HmacSHA1"` (static);
/// empty for NULL.
///
/// # Safety
/// `signer` is NULL or a live signer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_signer_signature_method(signer: *const mws_signer) -> mws_str {
    guard_or(mws_str::EMPTY, || {
        // SAFETY: the caller's contract, stated above.
        match unsafe { signer.as_ref() } {
            Some(s) => mws_str::from_static(s.signer.method().name()),
            None => mws_str::EMPTY,
        }
    })
}

/// As `mws_sign`, with a pre-keyed signer instead of a secret and a
/// signature method: writes the signature and the signed query.
///
/// Checks, in order: `INVALID_METHOD`, `INVALID_SCHEME`, `INVALID_HOST`,
/// `INVALID_PATH`, `EMPTY_PARAMETER_NAME`, `DUPLICATE_PARAMETER`,
/// `UNSUPPORTED_SIGNATURE_VERSION`, `UNSUPPORTED_SIGNATURE_METHOD`,
/// `SIGNATURE_METHOD_MISMATCH` (see `mws_sign`).
///
/// # Safety
/// `signer` is a live signer; the rest as in `mws_sign`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_signer_sign(
    signer: *const mws_signer,
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
        let signer = unsafe { boundary::reference(signer) }?;
        // SAFETY: as above.
        let mut r = unsafe { RequestText::from_ptr(request) }?;
        let written = with_scratch(|scratch| {
            let (signed, query) = SignedRequest::with_signer_to_query(
                &signer.signer,
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

/// As `mws_sign_url`, with a pre-keyed signer.
///
/// # Safety
/// `signer` is a live signer; the rest as in `mws_sign_url`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_signer_sign_url(
    signer: *const mws_signer,
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
        let signer = unsafe { boundary::reference(signer) }?;
        // SAFETY: as above.
        let mut r = unsafe { RequestText::from_ptr(request) }?;
        let signed = SignedRequest::with_signer(
            &signer.signer,
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

/// The last stage alone (S9): HMAC and Base64 over a ready string to sign,
/// taken as bytes (not checked for UTF-8). Writes the signature (44 or 28
/// characters). Useful to compare with a server's or another client's
/// string to sign when debugging `SignatureDoesNotMatch`.
///
/// # Safety
/// `signer` is a live signer; `string_to_sign` valid for its length (or NULL
/// with length 0); `out`/`out_len` as in `mws_canonical_query`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_signer_sign_string(
    signer: *const mws_signer,
    string_to_sign: *const c_char,
    string_to_sign_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> mws_status {
    guard(|| {
        // SAFETY: the caller's contract, stated above.
        let out = unsafe { Out::new(out, out_cap, out_len) }?;
        // SAFETY: as above.
        let signer = unsafe { boundary::reference(signer) }?;
        // SAFETY: as above.
        let bytes = unsafe { boundary::bytes(string_to_sign, string_to_sign_len) }?;
        let signature = signer.signer.sign_string(bytes);
        // SAFETY: as above.
        unsafe { write_one(&out, &signature.as_str()) }
    })
}
