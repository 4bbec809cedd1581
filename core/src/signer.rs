//! The signer: a secret keyed once into HMAC state, then any number of requests.

use crate::canonical::AuthParams;
use crate::mac::KeyedMac;
use crate::params::{SortedParams, with_sorted};
use crate::sink::{Sink, SliceWriter, write_len};
use crate::stages::put_signature_field;
use crate::{Error, Param, RequestHead, Signature, SignatureMethod};
use core::fmt;

/// A pre-keyed signer, reusable across requests and threads (`Sync`).
///
/// Keying HMAC hashes the padded key twice; a `Signer` does that once and
/// clones the keyed state per request. The key and the keyed state are wiped
/// when dropped, and `Debug` never shows them.
///
/// ```
/// use mws_sign::{RequestHead, Signer, SignatureMethod, SortedParams};
/// let signer = Signer::new(b"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", SignatureMethod::HmacSha256)?;
/// let head = RequestHead::new("GET", "https", "elasticmapreduce.amazonaws.com", "/")?;
/// let mut params = [
///     ("Action", "DescribeJobFlows"), ("Version", "2009-03-31"),
///     ("AWSAccessKeyId", "AKIAIOSFODNN7EXAMPLE"), ("SignatureVersion", "2"),
///     ("SignatureMethod", "HmacSHA256"), ("Timestamp", "2011-10-03T15:19:30"),
/// ];
/// let params = SortedParams::sort_in_place(&mut params)?;
/// assert_eq!(signer.sign(&head, &params)?.as_str(), "i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf/Mj6vPxyYIs=");
/// # Ok::<(), mws_sign::Error>(())
/// ```
#[derive(Clone)]
pub struct Signer {
    mac: KeyedMac,
    method: SignatureMethod,
}

impl Signer {
    /// Keys a signer with the secret's bytes (the UTF-8 of the Secret Key).
    ///
    /// # Errors
    /// [`Error::EmptySecret`].
    pub fn new(secret: &[u8], method: SignatureMethod) -> Result<Self, Error> {
        Ok(Signer {
            mac: KeyedMac::new(method, secret)?,
            method,
        })
    }

    /// As [`Signer::new`] with the algorithm given by name (`HmacSHA256`, `HmacSHA1`).
    ///
    /// # Errors
    /// [`Error::EmptySecret`], then [`Error::UnsupportedSignatureMethod`].
    pub fn from_name(secret: &[u8], method: &str) -> Result<Self, Error> {
        if secret.is_empty() {
            return Err(Error::EmptySecret);
        }
        Self::new(secret, SignatureMethod::from_name(method)?)
    }

    /// The algorithm this signer uses.
    pub const fn method(&self) -> SignatureMethod {
        self.method
    }

    /// Signs a request: head and sorted parameters (S1–S9).
    ///
    /// # Errors
    /// [`Error::UnsupportedSignatureVersion`] when a `SignatureVersion`
    /// parameter is not `2`; [`Error::UnsupportedSignatureMethod`] or
    /// [`Error::SignatureMethodMismatch`] when a `SignatureMethod` parameter
    /// is unknown or names the other algorithm.
    pub fn sign(
        &self,
        head: &RequestHead<'_>,
        params: &SortedParams<'_, '_>,
    ) -> Result<Signature, Error> {
        self.sign_measured(head, params)
            .map(|(signature, _)| signature)
    }

    /// As [`Signer::sign`], also returning the length of the canonical
    /// query, counted by the MAC stream as it passed: a signed request's
    /// texts then know their lengths without a measuring pass.
    #[inline]
    pub(crate) fn sign_measured(
        &self,
        head: &RequestHead<'_>,
        params: &SortedParams<'_, '_>,
    ) -> Result<(Signature, usize), Error> {
        let mut stream = self.mac.start();
        head.write_to(&mut stream);
        let head_len = stream.message_len();
        // The auth parameters are checked as the canonical query passes them
        // (no lookups); on an error the MAC is simply dropped.
        let auth = params.write_canonical(&mut stream);
        let canonical_len = stream.message_len() - head_len;
        let tag = stream.finish();
        check_auth_params(&auth, self.method)?;
        Ok((Signature::from_tag(self.method, &tag), canonical_len))
    }

    /// Signs and writes the signed query (S10: the canonical query, then
    /// `Signature=` and the encoded signature; the POST body) into `out` in
    /// one pass over the parameters. The canonical query is encoded once,
    /// straight into `out`, and MACed from there; [`Signer::sign`] followed
    /// by [`SortedParams::signed_query`] encodes every parameter twice and
    /// takes 10–15% longer (BENCHMARKS.md). Returns the signature and the
    /// signed query.
    ///
    /// ```
    /// use mws_sign::{RequestHead, SignatureMethod, Signer, SortedParams};
    /// let signer = Signer::new(b"secret", SignatureMethod::HmacSha256)?;
    /// let head = RequestHead::new("POST", "https", "mws.amazonservices.com", "/")?;
    /// let mut params = [("Action", "GetServiceStatus"), ("Version", "2011-07-01")];
    /// let sorted = SortedParams::sort_in_place(&mut params)?;
    /// let mut body = [0u8; 256];
    /// let (signature, query) = signer.sign_to_query(&head, &sorted, &mut body)?;
    /// assert_eq!(signature, signer.sign(&head, &sorted)?);
    /// assert_eq!(query, sorted.signed_query(&signature).to_string());
    /// # Ok::<(), mws_sign::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Signer::sign`]; then [`Error::BufferTooSmall`] with the signed
    /// query's length. After an error `out` may hold part of the query
    /// (check [`SignedQuery::len`](crate::SignedQuery::len) first where it
    /// must stay untouched).
    pub fn sign_to_query<'b>(
        &self,
        head: &RequestHead<'_>,
        params: &SortedParams<'_, '_>,
        out: &'b mut [u8],
    ) -> Result<(Signature, &'b str), Error> {
        self.sign_to_query_measured(head, params, out)
            .map(|(signature, _, query)| (signature, query))
    }

    /// As [`Signer::sign_to_query`], also returning the canonical query's
    /// length (the signed query's prefix), which a [`crate::SignedRequest`]
    /// keeps.
    pub(crate) fn sign_to_query_measured<'b>(
        &self,
        head: &RequestHead<'_>,
        params: &SortedParams<'_, '_>,
        out: &'b mut [u8],
    ) -> Result<(Signature, usize, &'b str), Error> {
        let mut canonical = SliceWriter::new(out);
        let auth = params.write_canonical(&mut canonical);
        check_auth_params(&auth, self.method)?;
        let Ok(canonical_len) = canonical.finish_len() else {
            // Too small for the canonical query alone: sign as usual, only
            // to report the whole length.
            let (signature, canonical_len) = self.sign_measured(head, params)?;
            let needed = params.signed_query_of_len(&signature, canonical_len).len();
            return Err(Error::BufferTooSmall { needed });
        };
        let signature = self.mac_with(|stream| {
            head.write_to(stream);
            stream.put(&out[..canonical_len]);
        });
        let appended = write_len(&mut out[canonical_len..], |tail| {
            put_signature_field(canonical_len > 0, &signature, tail);
        });
        let len = match appended {
            Ok(n) => canonical_len + n,
            Err(Error::BufferTooSmall { needed }) => {
                return Err(Error::BufferTooSmall {
                    needed: canonical_len + needed,
                });
            }
            Err(e) => return Err(e),
        };
        // Whole encoded pieces are ASCII: this check cannot fail.
        let query =
            core::str::from_utf8(&out[..len]).map_err(|_| Error::BufferTooSmall { needed: len })?;
        Ok((signature, canonical_len, query))
    }

    /// Signs a request whose parameters are in any order, sorting them in an
    /// index on the stack (at most [`crate::MAX_PARAMS`]).
    ///
    /// # Errors
    /// As [`SortedParams::sort_indexed`] and [`Signer::sign`].
    pub fn sign_params(
        &self,
        head: &RequestHead<'_>,
        params: &[Param<'_>],
    ) -> Result<Signature, Error> {
        with_sorted(params, |sorted| self.sign(head, sorted))
    }

    /// The last stage alone: HMAC and Base64 over a ready string to sign.
    pub fn sign_string(&self, string_to_sign: &[u8]) -> Signature {
        self.mac_with(|sink| sink.put(string_to_sign))
    }

    fn mac_with(&self, write: impl FnOnce(&mut crate::mac::MacStream)) -> Signature {
        let mut stream = self.mac.start();
        write(&mut stream);
        let tag = stream.finish();
        Signature::from_tag(self.method, &tag)
    }
}

/// S9 decisions: the auth parameters, when present, must agree with the signer.
fn check_auth_params(
    auth: &AuthParams<'_, Param<'_>>,
    method: SignatureMethod,
) -> Result<(), Error> {
    if let Some((_, version)) = auth.version
        && *version != "2"
    {
        return Err(Error::UnsupportedSignatureVersion);
    }
    if let Some((_, name)) = auth.method
        && SignatureMethod::from_name(name)? != method
    {
        return Err(Error::SignatureMethodMismatch);
    }
    Ok(())
}

impl fmt::Debug for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signer")
            .field("method", &self.method.name())
            .field("key", &"<redacted>")
            .finish()
    }
}

/// Signs in one call: keys an HMAC with `secret`, sorts `params` in an index
/// on the stack and signs.
///
/// ```
/// use mws_sign::{RequestHead, SignatureMethod};
/// let head = RequestHead::new("POST", "https", "mws.amazonservices.com", "/")?;
/// let sig = mws_sign::sign(b"secret", SignatureMethod::HmacSha1, &head, &[("Action", "GetServiceStatus")])?;
/// assert_eq!(sig.as_str().len(), 28);
/// # Ok::<(), mws_sign::Error>(())
/// ```
///
/// # Errors
/// [`Error::EmptySecret`], then as [`Signer::sign_params`].
pub fn sign(
    secret: &[u8],
    method: SignatureMethod,
    head: &RequestHead<'_>,
    params: &[Param<'_>],
) -> Result<Signature, Error> {
    if secret.is_empty() {
        return Err(Error::EmptySecret);
    }
    let signer = Signer {
        mac: KeyedMac::keyed(method, secret),
        method,
    };
    signer.sign_params(head, params)
}
