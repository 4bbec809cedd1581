"""`requests` authentication that signs MWS / SigV2 requests with mws_sign.

    import requests
    from mws_sign.requests import MwsAuth

    auth = MwsAuth("AKIAIOSFODNN7EXAMPLE", secret, seller_id="A1B2C3D4E5F6G7")
    requests.post("https://mws.amazonservices.com/Orders/2013-09-01",
                  data={"Action": "ListOrders", "Version": "2013-09-01",
                        "MarketplaceId.Id.1": "ATVPDKIKX0DER",
                        "CreatedAfter": "2020-05-01T00:00:00Z"},
                  auth=auth)

Needs the ``requests`` extra (``pip install mws-sign[requests]``). The
auth parameters (``AWSAccessKeyId``, ``SignatureMethod``,
``SignatureVersion``, ``Timestamp`` and, when given, the seller parameter
and ``MWSAuthToken``) are added to the form body of a form-encoded request
or else to the URL query, and the whole is signed by the core; see
`mws_sign._outgoing` for the rule.
"""

from __future__ import annotations


import requests

from . import _outgoing

__all__ = ["MwsAuth"]


class MwsAuth(_outgoing.SigningAuth, requests.auth.AuthBase):
    """Signs each request; pre-keyed once, safe to share between threads.
    The secret is not kept and never shown."""

    def __call__(self, r: requests.PreparedRequest) -> requests.PreparedRequest:
        body = r.body
        if isinstance(body, str):
            body = body.encode("utf-8")
        content_type = r.headers.get("Content-Type")
        if body is not None and not isinstance(body, bytes):
            if _outgoing.is_form(content_type):
                raise TypeError("MwsAuth cannot sign a streamed form body: pass it as str or bytes")
            body = None  # a streamed non-form body (a feed) is not signed
        url, new_body = self._outgoing.sign(
            r.method or "GET", r.url or "", content_type, body, host=r.headers.get("Host")
        )
        r.url = url
        if new_body is not None:
            r.body = new_body
            r.headers["Content-Type"] = _outgoing.FORM_CONTENT_TYPE
            r.headers["Content-Length"] = str(len(new_body))
        return r

    def __repr__(self) -> str:
        return self._outgoing.describe("MwsAuth")
