//! Verification (§2): what MWS decided on receipt, for mock servers,
//! proxies and test harnesses. Secrets stay in the caller's memory: the
//! library asks for one through a callback and keeps no copy.

use crate::boundary::{self, Out, guard, text, write_one};
use crate::status::mws_status;
use core::ffi::{c_char, c_void};
use mws_sign::{RawParam, ReceivedRequest, UnixTime, VerifyOptions, verify_in};

/// A request as it arrived. Every text is UTF-8 given as `(pointer, length)`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct mws_received_request {
    /// The HTTP method used.
    pub method: *const c_char,
    /// The method's length in bytes.
    pub method_len: usize,
    /// `https` or `http`: decides the default port.
    pub scheme: *const c_char,
    /// The scheme's length in bytes.
    pub scheme_len: usize,
    /// The `Host` header.
    pub host: *const c_char,
    /// The host's length in bytes.
    pub host_len: usize,
    /// The decoded path of the request URI.
    pub path: *const c_char,
    /// The path's length in bytes.
    pub path_len: usize,
    /// The raw query string or form body, exactly as received.
    pub query: *const c_char,
    /// The query's length in bytes.
    pub query_len: usize,
}

/// Looks up the secret of an Access Key ID for `mws_verify`.
///
/// Called at most once per `mws_verify`, on the calling thread, with the
/// caller's `user_data` and the decoded `AWSAccessKeyId` (`key_id_len`
/// bytes of UTF-8, not NUL-terminated, valid only during the call). Returns
/// false when the ID is unknown (`MWS_STATUS_INVALID_ACCESS_KEY_ID`), or
/// true after storing the secret's address and length in `*secret` and
/// `*secret_len`: that memory stays the caller's and must stay valid and
/// unchanged until `mws_verify` returns; the library copies nothing out of
/// it but the keyed HMAC state, which it wipes. The callback must not
/// unwind (no C++ exception, no `longjmp`) out of the call.
pub type mws_key_lookup = Option<
    unsafe extern "C" fn(
        user_data: *mut c_void,
        key_id: *const c_char,
        key_id_len: usize,
        secret: *mut *const c_char,
        secret_len: *mut usize,
    ) -> bool,
>;

/// Verifies a received request at the time `now_secs` + `now_nanos`
/// (Unix time; the library reads no clock), allowing `window_seconds` of
/// clock skew each way (`MWS_SIGN_DEFAULT_WINDOW_SECONDS`, 900, is what MWS
/// allowed). On success writes the `AWSAccessKeyId` that signed it to
/// `key_id_out` (at most `MWS_SIGN_MAX_ACCESS_KEY_ID_LEN` bytes: a buffer
/// that large never gets `MWS_STATUS_INSUFFICIENT_SPACE`).
///
/// Checks, in the spec's order: `MALFORMED_QUERY`, `EMPTY_PARAMETER_NAME`,
/// `DUPLICATE_PARAMETER`; `MISSING_PARAMETER`, `TIMESTAMP_AND_EXPIRES`;
/// `UNSUPPORTED_SIGNATURE_VERSION`, `UNSUPPORTED_SIGNATURE_METHOD`;
/// `INVALID_TIMESTAMP`, `REQUEST_EXPIRED`, `TIMESTAMP_IN_FUTURE`;
/// `INVALID_ACCESS_KEY_ID` (the callback); the request head
/// (`INVALID_METHOD`, `INVALID_SCHEME`, `INVALID_HOST`, `INVALID_PATH`);
/// `EMPTY_SECRET` (the callback's secret); `SIGNATURE_DOES_NOT_MATCH`.
/// `now_nanos` of a second or more is `INVALID_TIMESTAMP`, before all. A
/// callback that returns true with a NULL secret and a non-zero length gets
/// `MWS_STATUS_NULL_ARGUMENT`.
///
/// # Safety
/// `request` points to a valid `mws_received_request` whose texts are valid
/// for their lengths; `lookup` is a function as described at
/// `mws_key_lookup`; `key_id_out` valid for `key_id_cap` bytes and
/// `key_id_len` for one `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_verify(
    request: *const mws_received_request,
    now_secs: i64,
    now_nanos: u32,
    window_seconds: u32,
    lookup: mws_key_lookup,
    user_data: *mut c_void,
    key_id_out: *mut c_char,
    key_id_cap: usize,
    key_id_len: *mut usize,
) -> mws_status {
    guard(|| {
        // SAFETY: the caller's contract, stated above.
        let out = unsafe { Out::new(key_id_out, key_id_cap, key_id_len) }?;
        let lookup = lookup.ok_or(mws_status::NullArgument)?;
        // SAFETY: as above.
        let r = unsafe { boundary::reference(request) }?;
        // SAFETY: as above, for each field.
        let received = unsafe {
            ReceivedRequest {
                method: text(r.method, r.method_len)?,
                scheme: text(r.scheme, r.scheme_len)?,
                host: text(r.host, r.host_len)?,
                path: text(r.path, r.path_len)?,
                query: text(r.query, r.query_len)?,
            }
        };
        let options = VerifyOptions {
            now: UnixTime::from_parts(now_secs, now_nanos)?,
            window_seconds,
        };
        // A callback fault is reported after the core returns: the core
        // only knows "no secret" and would say InvalidAccessKeyId.
        let mut callback_fault = None;
        let find = |id: &str| {
            let (mut secret, mut secret_len) = (core::ptr::null::<c_char>(), 0usize);
            // SAFETY: `lookup` is a valid callback (caller's contract); the
            // ID and the two out-pointers are valid for the call.
            let found = unsafe {
                lookup(
                    user_data,
                    id.as_ptr().cast(),
                    id.len(),
                    &mut secret,
                    &mut secret_len,
                )
            };
            if !found {
                return None;
            }
            // SAFETY: the callback's contract: valid until we return.
            match unsafe { boundary::bytes(secret, secret_len) } {
                Ok(secret) => Some(secret),
                Err(status) => {
                    callback_fault = Some(status);
                    None
                }
            }
        };
        // One slot per `&`-separated piece: the most the query can hold.
        let mut space = vec![RawParam::EMPTY; received.query.split('&').count()];
        let result = verify_in(&received, &options, find, &mut space);
        if let Some(status) = callback_fault {
            return Err(status);
        }
        let verified = result?;
        // SAFETY: as above.
        unsafe { write_one(&out, &verified.access_key_id()) }
    })
}
