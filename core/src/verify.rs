//! Verification (§2): what MWS did on receipt, for mock servers, proxies and
//! test harnesses. Checks run in the spec's order, so a request with one
//! fault gets that fault's kind.

use crate::mac::KeyedMac;
use crate::query::{RawParam, ReceivedParams, parse_query};
use crate::{Error, RequestHead, Signature, SignatureMethod, UnixTime};
use core::fmt;

/// The capacity of [`verify`]'s working space on the stack (40 bytes a
/// parameter); [`verify_in`] takes the caller's space and has no limit.
pub const MAX_VERIFY_PARAMS: usize = 512;

/// The longest `AWSAccessKeyId` handed to the lookup; real ones are 20 characters.
pub const MAX_ACCESS_KEY_ID_LEN: usize = 128;

/// A request as it arrived.
#[derive(Clone, Copy, Debug)]
pub struct ReceivedRequest<'a> {
    /// The HTTP method used.
    pub method: &'a str,
    /// `https` or `http`: decides the default port.
    pub scheme: &'a str,
    /// The `Host` header.
    pub host: &'a str,
    /// The decoded path of the request URI.
    pub path: &'a str,
    /// The raw query string or form body, exactly as received.
    pub query: &'a str,
}

/// The verifier's clock and tolerance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerifyOptions {
    /// Now, on the verifier's clock; the core never reads a clock itself.
    pub now: UnixTime,
    /// The skew allowed for `Timestamp`, each way, in seconds.
    pub window_seconds: u32,
}

impl VerifyOptions {
    /// MWS allowed 15 minutes each way.
    pub const DEFAULT_WINDOW_SECONDS: u32 = 900;

    /// The default window at `now`.
    pub const fn at(now: UnixTime) -> Self {
        VerifyOptions {
            now,
            window_seconds: Self::DEFAULT_WINDOW_SECONDS,
        }
    }
}

/// What a successful verification established.
#[derive(Clone, Copy)]
pub struct Verified {
    key_id: [u8; MAX_ACCESS_KEY_ID_LEN],
    key_id_len: usize,
    method: SignatureMethod,
}

impl Verified {
    /// The Access Key ID that signed the request.
    pub fn access_key_id(&self) -> &str {
        core::str::from_utf8(&self.key_id[..self.key_id_len]).unwrap_or("")
    }

    /// The algorithm it was signed with.
    pub const fn signature_method(&self) -> SignatureMethod {
        self.method
    }
}

impl fmt::Debug for Verified {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verified")
            .field("access_key_id", &self.access_key_id())
            .field("signature_method", &self.method.name())
            .finish()
    }
}

/// Verifies a received request, with working space for up to
/// [`MAX_VERIFY_PARAMS`] parameters on the stack.
///
/// `lookup` maps an Access Key ID to its secret (`None` when unknown).
///
/// # Errors
/// The first failing check, in the order of [`verify_in`].
pub fn verify<K: AsRef<[u8]>>(
    request: &ReceivedRequest<'_>,
    options: &VerifyOptions,
    lookup: impl FnOnce(&str) -> Option<K>,
) -> Result<Verified, Error> {
    let mut space = [RawParam::EMPTY; MAX_VERIFY_PARAMS];
    verify_in(request, options, lookup, &mut space)
}

/// Verifies a received request, parsing it into the caller's `space` (one
/// slot a parameter).
///
/// ```
/// use mws_sign::{ReceivedRequest, UnixTime, VerifyOptions, RawParam};
/// let query = "AWSAccessKeyId=AKID&Action=GetServiceStatus&SignatureMethod=HmacSHA256\
///              &SignatureVersion=2&Timestamp=2020-06-01T12%3A00%3A00Z\
///              &Signature=xfm2LuSz4pmYfZGvlU2LV6IJrFyXuSvXkGnANMPaJdI%3D";
/// let request = ReceivedRequest { method: "POST", scheme: "https", host: "mws.amazonservices.com", path: "/", query };
/// let options = VerifyOptions::at(UnixTime::parse_iso8601("2020-06-01T12:05:00Z")?);
/// let mut space = [RawParam::EMPTY; 16];
/// let lookup = |id: &str| (id == "AKID").then_some("secret");
/// let verified = mws_sign::verify_in(&request, &options, lookup, &mut space)?;
/// assert_eq!(verified.access_key_id(), "AKID");
/// # Ok::<(), mws_sign::Error>(())
/// ```
///
/// # Errors
/// In order: parsing ([`Error::MalformedQuery`], [`Error::TooManyParameters`],
/// [`Error::EmptyParameterName`], [`Error::DuplicateParameter`]); required
/// parameters ([`Error::MissingParameter`], [`Error::TimestampAndExpires`]);
/// [`Error::UnsupportedSignatureVersion`], [`Error::UnsupportedSignatureMethod`];
/// time ([`Error::InvalidTimestamp`], [`Error::RequestExpired`],
/// [`Error::TimestampInFuture`]); [`Error::InvalidAccessKeyId`] (also for an
/// ID longer than [`MAX_ACCESS_KEY_ID_LEN`]); the request head
/// ([`Error::InvalidMethod`], [`Error::InvalidScheme`], [`Error::InvalidHost`],
/// [`Error::InvalidPath`]); [`Error::EmptySecret`] from the lookup;
/// [`Error::SignatureDoesNotMatch`].
pub fn verify_in<'q, K: AsRef<[u8]>>(
    request: &ReceivedRequest<'q>,
    options: &VerifyOptions,
    lookup: impl FnOnce(&str) -> Option<K>,
    space: &mut [RawParam<'q>],
) -> Result<Verified, Error> {
    let params = parse_query(request.query, space)?;
    let required = Required::find(&params)?;

    if !required.version.value_is("2") {
        return Err(Error::UnsupportedSignatureVersion);
    }
    let method = if required.method.value_is("HmacSHA256") {
        SignatureMethod::HmacSha256
    } else if required.method.value_is("HmacSHA1") {
        SignatureMethod::HmacSha1
    } else {
        return Err(Error::UnsupportedSignatureMethod);
    };

    check_time(&required.time, options)?;

    let mut key_id = [0u8; MAX_ACCESS_KEY_ID_LEN];
    let key_id_len = required
        .key_id
        .decode_value(&mut key_id)
        .map_err(|_| Error::InvalidAccessKeyId)?
        .len();
    let id = core::str::from_utf8(&key_id[..key_id_len]).map_err(|_| Error::InvalidAccessKeyId)?;
    let secret = lookup(id).ok_or(Error::InvalidAccessKeyId)?;

    let head = RequestHead::new(request.method, request.scheme, request.host, request.path)?;
    let mut stream = KeyedMac::new(method, secret.as_ref())?.start();
    head.write_to(&mut stream);
    params.write_canonical(&mut stream);
    let tag = stream.finish();
    let expected = Signature::from_tag(method, &tag);

    // A longer received value cannot match: a signature is at most 44 characters.
    let mut received = [0u8; 64];
    let matches = required
        .signature
        .decode_value(&mut received)
        .is_ok_and(|text| expected.ct_eq_str(text));
    if !matches {
        return Err(Error::SignatureDoesNotMatch);
    }
    Ok(Verified {
        key_id,
        key_id_len,
        method,
    })
}

/// Which time parameter the request carries.
enum TimeParam<'s, 'q> {
    Timestamp(&'s RawParam<'q>),
    Expires(&'s RawParam<'q>),
}

/// The parameters every SigV2 request must carry (§2 step 2).
struct Required<'s, 'q> {
    key_id: &'s RawParam<'q>,
    signature: &'s RawParam<'q>,
    method: &'s RawParam<'q>,
    version: &'s RawParam<'q>,
    time: TimeParam<'s, 'q>,
}

impl<'s, 'q> Required<'s, 'q> {
    fn find(params: &ReceivedParams<'s, 'q>) -> Result<Self, Error> {
        let get = |name| params.get(name).ok_or(Error::MissingParameter);
        let key_id = get("AWSAccessKeyId")?;
        let signature = get("Signature")?;
        let method = get("SignatureMethod")?;
        let version = get("SignatureVersion")?;
        let time = match (params.get("Timestamp"), params.get("Expires")) {
            (Some(_), Some(_)) => return Err(Error::TimestampAndExpires),
            (Some(t), None) => TimeParam::Timestamp(t),
            (None, Some(e)) => TimeParam::Expires(e),
            (None, None) => return Err(Error::MissingParameter),
        };
        Ok(Required {
            key_id,
            signature,
            method,
            version,
            time,
        })
    }
}

/// §2 step 4: the window for `Timestamp`, the deadline for `Expires`.
fn check_time(time: &TimeParam<'_, '_>, options: &VerifyOptions) -> Result<(), Error> {
    let parse = |p: &RawParam<'_>| {
        let mut buf = [0u8; 64];
        UnixTime::parse_iso8601(p.decode_timestamp(&mut buf)?)
    };
    let now = options.now.total_nanos();
    match time {
        TimeParam::Timestamp(p) => {
            let at = parse(p)?.total_nanos();
            let window = i128::from(options.window_seconds) * 1_000_000_000;
            if at < now - window {
                Err(Error::RequestExpired)
            } else if at > now + window {
                Err(Error::TimestampInFuture)
            } else {
                Ok(())
            }
        }
        TimeParam::Expires(p) => {
            if parse(p)?.total_nanos() < now {
                Err(Error::RequestExpired)
            } else {
                Ok(())
            }
        }
    }
}
