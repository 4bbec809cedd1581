"""`httpx` authentication that signs MWS / SigV2 requests with mws_sign.

    import httpx
    from mws_sign.httpx import MwsAuth

    auth = MwsAuth("AKIAIOSFODNN7EXAMPLE", secret, seller_id="A1B2C3D4E5F6G7")
    with httpx.Client(auth=auth) as client:
        client.post("https://mws.amazonservices.com/Orders/2013-09-01",
                    data={"Action": "ListOrders", "Version": "2013-09-01"})

Works with `httpx.Client` and `httpx.AsyncClient`. Needs the ``httpx`` extra
(``pip install mws-sign[httpx]``). Which parameters are signed and where the
signature goes: see `mws_sign.requests` and `mws_sign._outgoing`.
"""

from __future__ import annotations

from typing import Generator

import httpx

from . import _outgoing

__all__ = ["MwsAuth"]


class MwsAuth(_outgoing.SigningAuth, httpx.Auth):
    """Signs each request; pre-keyed once, safe to share between threads.
    The secret is not kept and never shown."""

    # The form body is part of what is signed: httpx must read it first.
    requires_request_body = True

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        content_type = request.headers.get("Content-Type")
        url, new_body = self._outgoing.sign(
            request.method,
            str(request.url),
            content_type,
            request.content,
            host=request.headers.get("Host"),
        )
        headers = httpx.Headers(request.headers)
        if new_body is None:
            yield httpx.Request(
                request.method,
                url,
                headers=headers,
                stream=request.stream,
                extensions=request.extensions,
            )
            return
        # A new body: httpx recomputes Content-Length from it.
        headers.pop("Content-Length", None)
        headers["Content-Type"] = _outgoing.FORM_CONTENT_TYPE
        yield httpx.Request(
            request.method, url, headers=headers, content=new_body, extensions=request.extensions
        )

    def __repr__(self) -> str:
        return self._outgoing.describe("MwsAuth")
