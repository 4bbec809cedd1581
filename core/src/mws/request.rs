//! The MWS request builder: credentials + section + action + parameters +
//! timestamp → the complete signed body (or, for SubmitFeed, URL query).

use crate::params::{OWNED_RUN, SortedParams, with_sorted};
use crate::{
    Error, Marketplace, Param, RequestHead, RequestUrl, Scheme, Section, SignatureMethod,
    SignedRequest, Signer, UnixTime,
};
use core::fmt;

/// Who is calling: the developer's keys, the seller, and the seller's
/// delegation token when a developer acts for a seller.
///
/// `Debug` shows the IDs but never the secret.
#[derive(Clone)]
pub struct Credentials<'a> {
    access_key_id: &'a str,
    seller_id: &'a str,
    auth_token: Option<&'a str>,
    signer: Signer,
}

impl<'a> Credentials<'a> {
    /// Credentials signing with HMAC-SHA256.
    ///
    /// # Errors
    /// [`Error::EmptySecret`].
    pub fn new(access_key_id: &'a str, secret: &[u8], seller_id: &'a str) -> Result<Self, Error> {
        Ok(Self::with_signer(
            access_key_id,
            Signer::new(secret, SignatureMethod::HmacSha256)?,
            seller_id,
        ))
    }

    /// Credentials around an existing (pre-keyed) signer.
    pub fn with_signer(access_key_id: &'a str, signer: Signer, seller_id: &'a str) -> Self {
        Credentials {
            access_key_id,
            seller_id,
            auth_token: None,
            signer,
        }
    }

    /// Adds the seller's `MWSAuthToken`. An empty token means none: the
    /// parameter is then left out, never sent empty.
    #[must_use]
    pub fn auth_token(mut self, token: &'a str) -> Self {
        self.auth_token = (!token.is_empty()).then_some(token);
        self
    }

    /// The signer these credentials use.
    pub fn signer(&self) -> &Signer {
        &self.signer
    }

    /// Signs `request` and writes its signed query — the POST body, or for a
    /// feed (with [`MwsRequest::content_md5`]) the URL query — in one pass
    /// (see [`Credentials::sign_to_query`]).
    ///
    /// The extra parameters are sorted in an index on the stack (at most
    /// [`crate::MAX_PARAMS`]); [`Credentials::sign_request`] has no limit.
    ///
    /// ```
    /// use mws_sign::{Credentials, Marketplace, MwsRequest, Section};
    /// let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", b"secret", "A1B2C3D4E5F6G7")?;
    /// let params = [("CreatedAfter", "2020-05-01T00:00:00Z"), ("MarketplaceId.Id.1", Marketplace::Us.id())];
    /// let request = MwsRequest::new(Marketplace::Us, Section::Orders, "ListOrders", "2020-06-01T12:34:56.000Z")
    ///     .params(&params);
    /// let mut body = [0u8; 1024];
    /// let body = creds.write_signed_query(&request, &mut body)?;
    /// assert!(body.starts_with("AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=ListOrders&CreatedAfter="));
    /// # Ok::<(), mws_sign::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Credentials::sign_request`], [`Error::TooManyParameters`], and
    /// [`Error::BufferTooSmall`] with the needed length. After an error
    /// `buf` may hold part of the query.
    pub fn write_signed_query<'b>(
        &self,
        request: &MwsRequest<'_>,
        buf: &'b mut [u8],
    ) -> Result<&'b str, Error> {
        with_sorted(request.params, |extra| {
            self.sign_to_query(request, *extra, buf)
                .map(|(_, query)| query)
        })
    }

    /// Writes the URL to send to: `https://host/path`, plus `?` and the
    /// signed query for a feed (whose body is the feed itself).
    ///
    /// # Errors
    /// As [`Credentials::write_signed_query`].
    pub fn write_url<'b>(
        &self,
        request: &MwsRequest<'_>,
        buf: &'b mut [u8],
    ) -> Result<&'b str, Error> {
        self.with_signed(request, |signed| request.url(signed).write(buf))
    }

    /// Signs `request` with its own parameters sorted in an index on the
    /// stack, and hands the result to `write`.
    fn with_signed<'b>(
        &self,
        request: &MwsRequest<'_>,
        write: impl FnOnce(&SignedRequest<'_, '_>) -> Result<&'b str, Error>,
    ) -> Result<&'b str, Error> {
        with_sorted(request.params, |extra| {
            write(&self.sign_request(request, *extra)?)
        })
    }

    /// Signs a call: adds `AWSAccessKeyId`, `Action`, `SellerId` or
    /// `Merchant`, `MWSAuthToken` (when set), `SignatureMethod`,
    /// `SignatureVersion`, `Timestamp`, `Version` and, for a feed,
    /// `ContentMD5Value` to `extra` — which replaces `request.params` and may
    /// be of any size — and signs the whole list.
    ///
    /// # Errors
    /// [`Error::MissingParameter`] for an empty Access Key ID, seller ID or
    /// action; [`Error::InvalidTimestamp`] for a timestamp that does not
    /// parse; [`Error::InvalidHost`]; [`Error::DuplicateParameter`] when an
    /// extra parameter repeats one the builder sets (such as `Action`); then
    /// as [`Signer::sign`].
    pub fn sign_request<'p, 'r>(
        &'r self,
        request: &MwsRequest<'r>,
        extra: SortedParams<'p, 'r>,
    ) -> Result<SignedRequest<'p, 'r>, Error> {
        let (head, all) = self.complete(request, extra)?;
        let signed = self.signer.sign_measured(&head, &all)?;
        Ok(SignedRequest::from_parts(head, all, signed))
    }

    /// As [`Credentials::sign_request`], also writing the signed query into
    /// `out` in the same pass (see [`Signer::sign_to_query`]). Returns the
    /// signed request (for the URL) and the signed query.
    ///
    /// # Errors
    /// As [`Credentials::sign_request`], then [`Error::BufferTooSmall`] with
    /// the signed query's length. After an error `out` may hold part of the
    /// query.
    pub fn sign_to_query<'p, 'r, 'b>(
        &'r self,
        request: &MwsRequest<'r>,
        extra: SortedParams<'p, 'r>,
        out: &'b mut [u8],
    ) -> Result<(SignedRequest<'p, 'r>, &'b str), Error> {
        let (head, all) = self.complete(request, extra)?;
        SignedRequest::sign_parts_to_query(&self.signer, head, all, out)
    }

    /// The checks of [`Credentials::sign_request`], its head, and `extra`
    /// merged with the parameters the builder adds.
    fn complete<'p, 'r>(
        &'r self,
        request: &MwsRequest<'r>,
        extra: SortedParams<'p, 'r>,
    ) -> Result<(RequestHead<'r>, SortedParams<'p, 'r>), Error> {
        if self.access_key_id.is_empty() || self.seller_id.is_empty() || request.action.is_empty() {
            return Err(Error::MissingParameter);
        }
        UnixTime::parse_iso8601(request.timestamp)?;
        let head =
            RequestHead::with_scheme("POST", request.scheme, request.host, request.section.path())?;

        let candidates: [Option<Param<'r>>; OWNED_RUN] = [
            Some(("AWSAccessKeyId", self.access_key_id)),
            Some(("Action", request.action)),
            Some((request.section.seller_parameter(), self.seller_id)),
            self.auth_token.map(|token| ("MWSAuthToken", token)),
            Some(("SignatureMethod", self.signer.method().name())),
            Some(("SignatureVersion", "2")),
            Some(("Timestamp", request.timestamp)),
            Some(("Version", request.section.version())),
            request.content_md5.map(|md5| ("ContentMD5Value", md5)),
        ];
        let mut auth: [Param<'r>; OWNED_RUN] = [("", ""); OWNED_RUN];
        let mut n = 0;
        for (slot, p) in auth.iter_mut().zip(candidates.into_iter().flatten()) {
            *slot = p;
            n += 1;
        }
        let all = SortedParams::owned(auth, n)?.merge(extra)?;
        Ok((head, all))
    }
}

impl fmt::Debug for Credentials<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("seller_id", &self.seller_id)
            .field("auth_token", &self.auth_token.map(|_| "<set>"))
            .field("signer", &self.signer)
            .finish()
    }
}

/// One MWS call: where it goes, what it does, and when it was made.
#[derive(Clone, Copy, Debug)]
pub struct MwsRequest<'a> {
    /// `https` for MWS; `http` for a local mock server.
    pub scheme: Scheme,
    /// The endpoint host, usually [`Marketplace::host`].
    pub host: &'a str,
    /// The API section: decides the path, `Version` and seller parameter.
    pub section: Section,
    /// The operation, e.g. `ListOrders`.
    pub action: &'a str,
    /// The operation's own parameters (lists flattened 1-based, e.g. `MarketplaceId.Id.1`).
    pub params: &'a [Param<'a>],
    /// The `Timestamp` parameter, e.g. a [`crate::Timestamp`]'s text.
    pub timestamp: &'a str,
    /// For SubmitFeed: the feed body's [`crate::ContentMd5`], signed as `ContentMD5Value`.
    pub content_md5: Option<&'a str>,
}

impl<'a> MwsRequest<'a> {
    /// A call to `marketplace`'s endpoint over https, without extra parameters.
    pub fn new(
        marketplace: Marketplace,
        section: Section,
        action: &'a str,
        timestamp: &'a str,
    ) -> Self {
        MwsRequest {
            scheme: Scheme::Https,
            host: marketplace.host(),
            section,
            action,
            params: &[],
            timestamp,
            content_md5: None,
        }
    }

    /// The same call with the operation's own parameters.
    #[must_use]
    pub fn params(mut self, params: &'a [Param<'a>]) -> Self {
        self.params = params;
        self
    }

    /// The same call as a feed upload whose body has this Content-MD5.
    #[must_use]
    pub fn content_md5(mut self, content_md5: &'a str) -> Self {
        self.content_md5 = Some(content_md5);
        self
    }

    /// Whether the signed query travels in the URL: for a feed (the body is
    /// the feed itself); every other MWS call sends it as the POST body.
    pub const fn query_in_url(&self) -> bool {
        self.content_md5.is_some()
    }

    /// The URL to send this call's signed request to: with the signed query
    /// for a feed, without it otherwise (see [`MwsRequest::query_in_url`]).
    pub fn url<'s, 'p, 'r>(&self, signed: &'s SignedRequest<'p, 'r>) -> RequestUrl<'s, 'p, 'r> {
        if self.query_in_url() {
            signed.url_with_query()
        } else {
            signed.url()
        }
    }
}

/// The `Content-Type` of an MWS POST whose body is the signed query.
pub const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded; charset=utf-8";
