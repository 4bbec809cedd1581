//! A whole request signed in one call, every stage kept: what the bindings,
//! the CLI and the vector runners use, so the check order lives here once.

use crate::params::with_sorted;
use crate::sink::Sink;
use crate::{
    CanonicalQuery, Error, MAX_PARAMS, Param, RequestHead, Signature, SignedQuery, Signer,
    SortedParams, StringToSign,
};

/// As [`SignedRequest::new`] — the same checks in the same order — keeping
/// only the signature: all a binding's `sign` returns, without building and
/// moving the whole signed request (several hundred bytes). `params` are
/// left in an unspecified order.
///
/// ```
/// let mut params = [("Action", "GetServiceStatus"), ("SignatureVersion", "2")];
/// let sig = mws_sign::sign_request(
///     b"secret", "HmacSHA256", "POST", "https", "mws.amazonservices.com", "/Sellers/2011-07-01", &mut params,
/// )?;
/// assert_eq!(sig.as_str().len(), 44);
/// # Ok::<(), mws_sign::Error>(())
/// ```
///
/// # Errors
/// The first failing check's kind.
pub fn sign_request<'a>(
    secret: &[u8],
    signature_method: &str,
    method: &'a str,
    scheme: &str,
    host: &'a str,
    path: &'a str,
    params: &mut [Param<'a>],
) -> Result<Signature, Error> {
    let head = RequestHead::new(method, scheme, host, path)?;
    let signer = Signer::from_name(secret, signature_method)?;
    sign_sorted(&signer, &head, params)
}

/// As [`SignedRequest::with_signer`], keeping only the signature (see
/// [`sign_request`]).
///
/// # Errors
/// The first failing check's kind.
pub fn sign_request_with<'a>(
    signer: &Signer,
    method: &'a str,
    scheme: &str,
    host: &'a str,
    path: &'a str,
    params: &mut [Param<'a>],
) -> Result<Signature, Error> {
    let head = RequestHead::new(method, scheme, host, path)?;
    sign_sorted(signer, &head, params)
}

/// Sorts `params` and signs them, using the sorted view where it lies (a
/// `SortedParams` is several hundred bytes; `?` on a sort's result would
/// copy it out first). Up to [`MAX_PARAMS`] they are sorted by an index on
/// the stack and left where they are: nothing here keeps them in order, and
/// moving them there cost more than the index (one call 2–2.5% faster on
/// every workload, in process). Beyond, in place. (Writing the signed query
/// from an index instead gained nothing: `SignedRequest` keeps sorting in
/// place.)
#[inline]
fn sign_sorted(
    signer: &Signer,
    head: &RequestHead<'_>,
    params: &mut [Param<'_>],
) -> Result<Signature, Error> {
    if params.len() <= MAX_PARAMS {
        return with_sorted(params, |sorted| signer.sign(head, sorted));
    }
    match &SortedParams::sort_in_place(params) {
        Ok(sorted) => signer.sign(head, sorted),
        Err(e) => Err(*e),
    }
}

/// A signed request: its head, its sorted parameters and the signature,
/// from which every text stage can be written.
///
/// ```
/// let mut params = [("Action", "GetServiceStatus"), ("SignatureVersion", "2")];
/// let signed = mws_sign::SignedRequest::new(
///     b"secret", "HmacSHA256", "POST", "https", "mws.amazonservices.com", "/Sellers/2011-07-01", &mut params,
/// )?;
/// assert_eq!(signed.canonical_query().to_string(), "Action=GetServiceStatus&SignatureVersion=2");
/// assert!(signed.signed_query().to_string().ends_with(&*mws_sign::PercentEncoded(signed.signature().as_str()).to_string()));
/// # Ok::<(), mws_sign::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct SignedRequest<'p, 'a> {
    head: RequestHead<'a>,
    params: SortedParams<'p, 'a>,
    signature: Signature,
    /// The canonical query's length, counted while signing: the text
    /// stages know their lengths without a measuring pass (the C ABI asks
    /// for them before writing).
    canonical_len: usize,
}

impl<'p, 'a> SignedRequest<'p, 'a> {
    /// Validates and signs, sorting `params` in place, with the checks in the
    /// project's order: method, scheme, host, path (see [`RequestHead::new`]);
    /// secret and algorithm name ([`Signer::from_name`]); parameter names
    /// ([`SortedParams::sort_in_place`]); the auth parameters ([`Signer::sign`]).
    ///
    /// # Errors
    /// The first failing check's kind.
    // Inlined (here and below) so the large result is built in the caller's
    // frame instead of being copied out through each return.
    #[inline]
    pub fn new(
        secret: &[u8],
        signature_method: &str,
        method: &'a str,
        scheme: &str,
        host: &'a str,
        path: &'a str,
        params: &'p mut [Param<'a>],
    ) -> Result<Self, Error> {
        let head = RequestHead::new(method, scheme, host, path)?;
        let signer = Signer::from_name(secret, signature_method)?;
        Self::finish(&signer, head, params)
    }

    /// As [`SignedRequest::new`] with a pre-keyed signer.
    ///
    /// # Errors
    /// The first failing check's kind.
    #[inline]
    pub fn with_signer(
        signer: &Signer,
        method: &'a str,
        scheme: &str,
        host: &'a str,
        path: &'a str,
        params: &'p mut [Param<'a>],
    ) -> Result<Self, Error> {
        let head = RequestHead::new(method, scheme, host, path)?;
        Self::finish(signer, head, params)
    }

    #[inline]
    fn finish(
        signer: &Signer,
        head: RequestHead<'a>,
        params: &'p mut [Param<'a>],
    ) -> Result<Self, Error> {
        let params = SortedParams::sort_in_place(params)?;
        let (signature, canonical_len) = signer.sign_measured(&head, &params)?;
        Ok(SignedRequest {
            head,
            params,
            signature,
            canonical_len,
        })
    }

    /// As [`SignedRequest::new`] — the same checks in the same order — also
    /// writing the signed query (S10, the POST body) into `out` in the same
    /// pass (see [`Signer::sign_to_query`], which is faster than signing and
    /// then writing it). Returns the signed request and the signed query.
    ///
    /// ```
    /// let mut params = [("Action", "GetServiceStatus"), ("SignatureVersion", "2")];
    /// let mut body = [0u8; 256];
    /// let (signed, query) = mws_sign::SignedRequest::new_to_query(
    ///     b"secret", "HmacSHA256", "POST", "https", "mws.amazonservices.com", "/Sellers/2011-07-01",
    ///     &mut params, &mut body,
    /// )?;
    /// assert_eq!(query, signed.signed_query().to_string());
    /// # Ok::<(), mws_sign::Error>(())
    /// ```
    ///
    /// # Errors
    /// The first failing check's kind; then [`Error::BufferTooSmall`] with
    /// the signed query's length. After an error `out` may hold part of
    /// the query.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    pub fn new_to_query<'b>(
        secret: &[u8],
        signature_method: &str,
        method: &'a str,
        scheme: &str,
        host: &'a str,
        path: &'a str,
        params: &'p mut [Param<'a>],
        out: &'b mut [u8],
    ) -> Result<(Self, &'b str), Error> {
        let head = RequestHead::new(method, scheme, host, path)?;
        let signer = Signer::from_name(secret, signature_method)?;
        Self::finish_to_query(&signer, head, params, out)
    }

    /// As [`SignedRequest::new_to_query`] with a pre-keyed signer.
    ///
    /// # Errors
    /// As [`SignedRequest::new_to_query`].
    #[inline]
    pub fn with_signer_to_query<'b>(
        signer: &Signer,
        method: &'a str,
        scheme: &str,
        host: &'a str,
        path: &'a str,
        params: &'p mut [Param<'a>],
        out: &'b mut [u8],
    ) -> Result<(Self, &'b str), Error> {
        let head = RequestHead::new(method, scheme, host, path)?;
        Self::finish_to_query(signer, head, params, out)
    }

    #[inline]
    fn finish_to_query<'b>(
        signer: &Signer,
        head: RequestHead<'a>,
        params: &'p mut [Param<'a>],
        out: &'b mut [u8],
    ) -> Result<(Self, &'b str), Error> {
        let params = SortedParams::sort_in_place(params)?;
        Self::sign_parts_to_query(signer, head, params, out)
    }

    /// Signs sorted parameters, writing the signed query into `out` in the
    /// same pass (the MWS builder's path too).
    #[inline]
    pub(crate) fn sign_parts_to_query<'b>(
        signer: &Signer,
        head: RequestHead<'a>,
        params: SortedParams<'p, 'a>,
        out: &'b mut [u8],
    ) -> Result<(Self, &'b str), Error> {
        let (signature, canonical_len, query) =
            signer.sign_to_query_measured(&head, &params, out)?;
        let signed = Self::from_parts(head, params, (signature, canonical_len));
        Ok((signed, query))
    }

    pub(crate) fn from_parts(
        head: RequestHead<'a>,
        params: SortedParams<'p, 'a>,
        (signature, canonical_len): (Signature, usize),
    ) -> Self {
        SignedRequest {
            head,
            params,
            signature,
            canonical_len,
        }
    }

    /// The signature.
    pub fn signature(&self) -> &Signature {
        &self.signature
    }

    /// The request head.
    pub fn head(&self) -> &RequestHead<'a> {
        &self.head
    }

    /// The sorted parameters.
    pub fn params(&self) -> &SortedParams<'p, 'a> {
        &self.params
    }

    /// The canonical query (S4).
    pub fn canonical_query(&self) -> CanonicalQuery<'_, 'p, 'a> {
        self.params.canonical_query_of_len(self.canonical_len)
    }

    /// The string to sign (S8).
    pub fn string_to_sign(&self) -> StringToSign<'_, 'p, 'a> {
        self.params.string_to_sign(&self.head)
    }

    /// The signed query (S10).
    pub fn signed_query(&self) -> SignedQuery<'_, 'p, 'a> {
        self.params
            .signed_query_of_len(&self.signature, self.canonical_len)
    }

    /// The URL to send to, `scheme://host/path`, its host and path exactly
    /// as signed (lowercased, default port dropped, path S2-encoded) so the
    /// `Host` header a client derives from it is the signed one. For a POST
    /// the signed query is the body; see [`SignedRequest::url_with_query`].
    pub fn url(&self) -> RequestUrl<'_, 'p, 'a> {
        RequestUrl {
            signed: self,
            with_query: false,
        }
    }

    /// As [`SignedRequest::url`] followed by `?` and the signed query: the
    /// form for GET, and for SubmitFeed (whose body is the feed).
    pub fn url_with_query(&self) -> RequestUrl<'_, 'p, 'a> {
        RequestUrl {
            signed: self,
            with_query: true,
        }
    }
}

/// The URL of a signed request (see [`SignedRequest::url`]).
#[derive(Clone, Copy, Debug)]
pub struct RequestUrl<'s, 'p, 'a> {
    signed: &'s SignedRequest<'p, 'a>,
    with_query: bool,
}

impl RequestUrl<'_, '_, '_> {
    fn known_len(&self) -> Option<usize> {
        None
    }

    pub(crate) fn write_to<S: Sink + ?Sized>(&self, sink: &mut S) {
        let head = &self.signed.head;
        sink.put(head.scheme().as_str().as_bytes());
        sink.put(b"://");
        head.write_host(sink);
        head.write_path(sink);
        if self.with_query {
            sink.put_byte(b'?');
            self.signed.signed_query().write_to(sink);
        }
    }
}
crate::stages::stage_text!(RequestUrl);

#[cfg(test)]
mod tests;
