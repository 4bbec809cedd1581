"""Signing an outgoing HTTP request in place: what `mws_sign.requests` and
`mws_sign.httpx` share.

Where the parameters travel decides where the signature goes:

- a body sent as ``application/x-www-form-urlencoded``: its parameters plus
  the auth parameters are signed and the signed query becomes the body (the
  URL must then have no query: SigV2 would sign both, and a verifier reads
  one);
- anything else (a GET, a POST without a body, a feed upload whose body is
  not a form): the URL query's parameters plus the auth parameters are
  signed and the signed query replaces the URL query; the body is untouched.

The outgoing text is parsed and decoded by the core's verifier-side parser
(bad escapes, non-UTF-8, empty or duplicate names raise the errors a server
would), and signed by the core.
"""

from __future__ import annotations

from typing import Callable, Optional, Union
from urllib.parse import unquote, urlsplit, urlunsplit

from . import _native, _time

FORM_CONTENT_TYPE = _native.FORM_CONTENT_TYPE


def is_form(content_type: Optional[str]) -> bool:
    """Whether a ``Content-Type`` header names a form body."""
    if not content_type:
        return False
    return content_type.split(";", 1)[0].strip().lower() == "application/x-www-form-urlencoded"


class OutgoingSigner:
    """Adds the auth parameters to a request's parameters and signs them."""

    def __init__(
        self,
        access_key_id: str,
        secret: Union[str, bytes],
        *,
        seller_id: Optional[str] = None,
        seller_parameter: str = "SellerId",
        auth_token: Optional[str] = None,
        signature_method: str = "HmacSHA256",
        clock: Optional[Callable[[], _time.Instant]] = None,
    ) -> None:
        if not isinstance(access_key_id, str) or not access_key_id:
            raise TypeError("access_key_id must be a non-empty str")
        # Keyed once; the secret itself is not kept.
        self._signer = _native.Signer(secret, signature_method)
        self.access_key_id = access_key_id
        self.seller_id = seller_id
        self.seller_parameter = seller_parameter
        self._auth_token = auth_token or None
        self._clock = clock

    @property
    def signature_method(self) -> str:
        return self._signer.signature_method

    def auth_params(self) -> list[tuple[str, str]]:
        """``AWSAccessKeyId``, ``SignatureMethod``, ``SignatureVersion``,
        ``Timestamp`` (now, or the clock's time) and, when set, the seller
        parameter and ``MWSAuthToken``."""
        when = None if self._clock is None else self._clock()
        params = [
            ("AWSAccessKeyId", self.access_key_id),
            ("SignatureMethod", self._signer.signature_method),
            ("SignatureVersion", "2"),
            ("Timestamp", _native.format_unix(*_time.unix_parts(when, "clock()"))),
        ]
        if self.seller_id:
            params.append((self.seller_parameter, self.seller_id))
        if self._auth_token:
            params.append(("MWSAuthToken", self._auth_token))
        return params

    def sign(
        self,
        method: str,
        url: str,
        content_type: Optional[str],
        body: Optional[bytes],
        host: Optional[str] = None,
    ) -> tuple[str, Optional[bytes]]:
        """Returns the URL to send to and, for a form body, the new body
        (``None``: keep the body as it is)."""
        parts = urlsplit(url)
        if host is None:
            host = parts.netloc.rpartition("@")[2]
        path = unquote(parts.path, encoding="utf-8", errors="strict")
        form = bool(body) and is_form(content_type)
        if form:
            if parts.query:
                raise ValueError(
                    "the request has both a URL query and a form body: put its parameters "
                    "in one of them"
                )
            params = _native.decode_query(body or b"")
        else:
            params = _native.decode_query(parts.query)
        signed = self._signer.signed_query(
            method, host, path, params + self.auth_params(), scheme=parts.scheme
        )
        if form:
            return url, signed.encode("ascii")
        return urlunsplit((parts.scheme, parts.netloc, parts.path, signed, parts.fragment)), None

    def describe(self, cls: str) -> str:
        return "%s(access_key_id=%r, signature_method=%r, secret=<redacted>)" % (
            cls,
            self.access_key_id,
            self._signer.signature_method,
        )


class SigningAuth:
    """The constructor the HTTP-client auth classes share: the options of
    :class:`OutgoingSigner`, keyed once (the secret is not kept)."""

    def __init__(
        self,
        access_key_id: str,
        secret: Union[str, bytes],
        *,
        seller_id: Optional[str] = None,
        seller_parameter: str = "SellerId",
        auth_token: Optional[str] = None,
        signature_method: str = "HmacSHA256",
        clock: Optional[Callable[[], _time.Instant]] = None,
    ) -> None:
        self._outgoing = OutgoingSigner(
            access_key_id,
            secret,
            seller_id=seller_id,
            seller_parameter=seller_parameter,
            auth_token=auth_token,
            signature_method=signature_method,
            clock=clock,
        )
