//! The MWS request builder: credentials (a handle holding the IDs and a
//! pre-keyed signer) + one call (section, action, parameters, timestamp)
//! → the signed query and the URL.

use crate::boundary::{self, Out, guard, guard_or, required, store, text, write_all};
use crate::signer::mws_signer;
use crate::status::mws_status;
use crate::tables::mws_section;
use crate::types::mws_param;
use core::ffi::c_char;
use mws_sign::{Credentials, MwsRequest, Scheme, Signer, SortedParams};
use mws_sign_scratch::with_scratch;

/// Who is calling MWS: the developer's Access Key ID and pre-keyed secret,
/// the seller's ID and, when a developer acts for a seller, the seller's
/// `MWSAuthToken`. Holds copies of the IDs; the key state is wiped when it
/// is freed. Immutable once made: usable from several threads at once.
/// Make it with `mws_credentials_new` or `mws_credentials_new_with_signer`,
/// free it with `mws_credentials_free`.
pub struct mws_credentials {
    access_key_id: String,
    seller_id: String,
    auth_token: String,
    signer: Signer,
}

impl mws_credentials {
    /// The core's credentials, borrowing this handle.
    fn core(&self) -> Credentials<'_> {
        Credentials::with_signer(&self.access_key_id, self.signer.clone(), &self.seller_id)
            .auth_token(&self.auth_token)
    }
}

/// One MWS API call. Every text is UTF-8 given as `(pointer, length)`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct mws_call {
    /// `https` for MWS (`http` for a local mock server); required.
    pub scheme: *const c_char,
    /// The scheme's length in bytes.
    pub scheme_len: usize,
    /// The endpoint host, usually `mws_marketplace_host`.
    pub host: *const c_char,
    /// The host's length in bytes.
    pub host_len: usize,
    /// The API section (from `mws_section_from_name` or `mws_section_get`):
    /// decides the path, `Version` and seller parameter. Required.
    pub section: *const mws_section,
    /// The operation, e.g. `ListOrders`.
    pub action: *const c_char,
    /// The action's length in bytes.
    pub action_len: usize,
    /// The operation's own parameters, in any order (lists flattened
    /// 1-based, e.g. `MarketplaceId.Id.1`); no limit on their number.
    pub params: *const mws_param,
    /// The number of parameters.
    pub params_len: usize,
    /// The `Timestamp` parameter, e.g. from `mws_timestamp_format`.
    pub timestamp: *const c_char,
    /// The timestamp's length in bytes.
    pub timestamp_len: usize,
    /// For SubmitFeed: the feed's Content-MD5 (`mws_content_md5`), signed
    /// as `ContentMD5Value`. Length 0 means no feed.
    pub content_md5: *const c_char,
    /// The Content-MD5's length in bytes; 0 for a call without a feed.
    pub content_md5_len: usize,
}

/// Makes credentials signing with HMAC-SHA256. `auth_token` of length 0
/// means none (the parameter is then left out, never sent empty).
/// `*credentials_out` receives the handle, freed with `mws_credentials_free`.
/// The library keeps no pointer into the arguments.
///
/// Checks: `EMPTY_SECRET`. (Empty IDs are reported when signing, as
/// `MISSING_PARAMETER`.)
///
/// # Safety
/// Every text valid for its length (or NULL with 0); `credentials_out`
/// valid for one pointer write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_credentials_new(
    access_key_id: *const c_char,
    access_key_id_len: usize,
    secret: *const c_char,
    secret_len: usize,
    seller_id: *const c_char,
    seller_id_len: usize,
    auth_token: *const c_char,
    auth_token_len: usize,
    credentials_out: *mut *mut mws_credentials,
) -> mws_status {
    guard(|| {
        required(credentials_out)?;
        // SAFETY: the caller's contract, stated above.
        let (access_key_id, seller_id, auth_token) = unsafe {
            (
                text(access_key_id, access_key_id_len)?,
                text(seller_id, seller_id_len)?,
                text(auth_token, auth_token_len)?,
            )
        };
        // SAFETY: as above.
        let secret = unsafe { boundary::bytes(secret, secret_len) }?;
        let signer = Credentials::new(access_key_id, secret, seller_id)?
            .signer()
            .clone();
        let handle = new_handle(access_key_id, seller_id, auth_token, signer);
        // SAFETY: checked non-NULL above; valid by the caller's contract.
        unsafe { store(credentials_out, handle) };
        Ok(())
    })
}

/// As `mws_credentials_new` around an existing signer (for `HmacSHA1`, or
/// to share one keying): the credentials keep their own copy of its key
/// state, so `signer` may be freed afterwards.
///
/// # Safety
/// `signer` is a live signer; the rest as in `mws_credentials_new`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_credentials_new_with_signer(
    signer: *const mws_signer,
    access_key_id: *const c_char,
    access_key_id_len: usize,
    seller_id: *const c_char,
    seller_id_len: usize,
    auth_token: *const c_char,
    auth_token_len: usize,
    credentials_out: *mut *mut mws_credentials,
) -> mws_status {
    guard(|| {
        required(credentials_out)?;
        // SAFETY: the caller's contract, stated above.
        let signer = unsafe { boundary::reference(signer) }?;
        // SAFETY: as above.
        let (access_key_id, seller_id, auth_token) = unsafe {
            (
                text(access_key_id, access_key_id_len)?,
                text(seller_id, seller_id_len)?,
                text(auth_token, auth_token_len)?,
            )
        };
        let handle = new_handle(access_key_id, seller_id, auth_token, signer.signer.clone());
        // SAFETY: checked non-NULL above; valid by the caller's contract.
        unsafe { store(credentials_out, handle) };
        Ok(())
    })
}

fn new_handle(
    access_key_id: &str,
    seller_id: &str,
    auth_token: &str,
    signer: Signer,
) -> *mut mws_credentials {
    Box::into_raw(Box::new(mws_credentials {
        access_key_id: access_key_id.to_owned(),
        seller_id: seller_id.to_owned(),
        auth_token: auth_token.to_owned(),
        signer,
    }))
}

/// Frees credentials, wiping their key state. `mws_credentials_free(NULL)`
/// does nothing.
///
/// # Safety
/// `credentials` is NULL or a handle from `mws_credentials_new*` not freed
/// yet, and no other thread is using it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_credentials_free(credentials: *mut mws_credentials) {
    guard_or((), || {
        if !credentials.is_null() {
            // SAFETY: made by `Box::into_raw` in `new_handle` and not freed
            // yet (caller's contract). Dropping the `Signer` wipes it.
            drop(unsafe { Box::from_raw(credentials) });
        }
    });
}

/// Signs one MWS call: adds `AWSAccessKeyId`, `Action`, `SellerId` or
/// `Merchant`, `MWSAuthToken` (when set), `SignatureMethod`,
/// `SignatureVersion`, `Timestamp`, `Version` and, for a feed,
/// `ContentMD5Value` to the call's parameters and signs them all.
///
/// Writes the URL to POST to (`https://host/path`, followed by `?` and the
/// signed query for a feed, whose body is the feed itself) and the signed
/// query (the POST body of every call but a feed; send it with
/// `Content-Type: ` `mws_form_content_type()`). Both outputs are written, or
/// neither, as in `mws_sign`.
///
/// Checks, in order: `INVALID_SCHEME`; the call's own parameters
/// (`EMPTY_PARAMETER_NAME`, `DUPLICATE_PARAMETER`); `MISSING_PARAMETER` for
/// an empty Access Key ID, seller ID or action; `INVALID_TIMESTAMP` for a
/// timestamp that does not parse; `INVALID_HOST`; `DUPLICATE_PARAMETER`
/// when a parameter repeats one the builder sets (such as `Action`); then
/// the checks of the auth parameters, as in `mws_signer_sign`.
///
/// # Safety
/// `credentials` is a live handle; `call` points to a valid `mws_call`
/// whose texts and parameters are valid for their lengths and whose
/// `section` is an entry returned by this library; each output buffer valid
/// for its capacity and each length pointer for one `size_t`; outputs
/// overlap no input and each other.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mws_credentials_sign(
    credentials: *const mws_credentials,
    call: *const mws_call,
    url_out: *mut c_char,
    url_cap: usize,
    url_len: *mut usize,
    query_out: *mut c_char,
    query_cap: usize,
    query_len: *mut usize,
) -> mws_status {
    guard(|| {
        // SAFETY: the caller's contract, stated above.
        let (url_out, query_out) = unsafe {
            (
                Out::new(url_out, url_cap, url_len)?,
                Out::new(query_out, query_cap, query_len)?,
            )
        };
        // SAFETY: as above.
        let credentials = unsafe { boundary::reference(credentials) }?;
        // SAFETY: as above.
        let c = unsafe { boundary::reference(call) }?;
        // SAFETY: as above, for each field of the call.
        let (scheme, host, section, action, mut params, timestamp, content_md5) = unsafe {
            (
                text(c.scheme, c.scheme_len)?,
                text(c.host, c.host_len)?,
                boundary::reference(c.section)?.section,
                text(c.action, c.action_len)?,
                boundary::params(c.params, c.params_len)?,
                text(c.timestamp, c.timestamp_len)?,
                text(c.content_md5, c.content_md5_len)?,
            )
        };
        let request = MwsRequest {
            scheme: Scheme::parse(scheme)?,
            host,
            section,
            action,
            params: &[],
            timestamp,
            // In C an empty text and a NULL one are the same: both mean no feed.
            content_md5: (!content_md5.is_empty()).then_some(content_md5),
        };
        let creds = credentials.core();
        let written = with_scratch(|scratch| {
            let extra = SortedParams::sort_in_place(&mut params)?;
            let (signed, query) = creds.sign_to_query(&request, extra, scratch)?;
            // A feed's parameters go in the URL, everything else's in the body.
            let url = request.url(&signed);
            // SAFETY: as above.
            Ok(unsafe { write_all(&[(&url_out, &url), (&query_out, &query)]) })
        });
        written.map_err(mws_status::from)?
    })
}
