"""End to end: requests and httpx clients, signed by mws_sign's auth classes
or by prepare(), call a local MWS-like server (127.0.0.1, ephemeral port)
that verifies every request with mws_sign.verify and answers MWS-style XML."""

from __future__ import annotations

import asyncio
import threading
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest

import mws_sign

httpx = pytest.importorskip("httpx")
requests = pytest.importorskip("requests")
import mws_sign.httpx  # noqa: E402
import mws_sign.requests  # noqa: E402

KEY_ID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
NS = "{http://mws.amazonaws.com/doc/2009-01-01/}"
# Codes MWS used; other verification failures are InvalidParameterValue.
MWS_CODES = {"SignatureDoesNotMatch": 403, "InvalidAccessKeyId": 403, "RequestExpired": 400,
             "MissingParameter": 400}


class MwsHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        url = urlsplit(self.path)
        form = (self.headers.get("Content-Type") or "").startswith("application/x-www-form-urlencoded")
        query: bytes | str = body if form else url.query
        try:
            key_id = mws_sign.verify({KEY_ID: SECRET}, self.command, self.headers["Host"],
                                     unquote(url.path), query, scheme="http")
        except mws_sign.MwsSignError as e:
            code = e.kind if e.kind in MWS_CODES else "InvalidParameterValue"
            return self._error(MWS_CODES.get(code, 400), code, str(e))
        params = dict(parse_qsl(query if isinstance(query, str) else query.decode(), keep_blank_values=True))
        if "ContentMD5Value" in params and params["ContentMD5Value"] != mws_sign.content_md5(body):
            return self._error(400, "ContentMD5DoesNotMatch", "the Content-MD5 does not match the body")
        self.server.seen.append((self.command, self.headers.get("User-Agent"), params))  # type: ignore[attr-defined]
        self._send(200, "<%sResponse xmlns=\"%s\"><AccessKeyId>%s</AccessKeyId></%sResponse>"
                   % (params.get("Action", "Unknown"), NS[1:-1], key_id, params.get("Action", "Unknown")))

    def _error(self, status: int, code: str, message: str) -> None:
        self._send(status, "<ErrorResponse xmlns=\"%s\"><Error><Type>Sender</Type><Code>%s</Code>"
                   "<Message>%s</Message></Error><RequestID>%s</RequestID></ErrorResponse>"
                   % (NS[1:-1], code, message, uuid.uuid4()))

    def _send(self, status: int, xml: str) -> None:
        data = xml.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def server() -> Iterator[ThreadingHTTPServer]:
    srv = ThreadingHTTPServer(("127.0.0.1", 0), MwsHandler)
    srv.seen = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(5)


def base(server: ThreadingHTTPServer) -> str:
    return "http://127.0.0.1:%d" % server.server_address[1]


def error_code(text: str) -> str:
    root = ET.fromstring(text)
    assert root.tag == NS + "ErrorResponse"
    assert root.find(NS + "Error/" + NS + "Type").text == "Sender"  # type: ignore[union-attr]
    assert root.find(NS + "RequestID") is not None
    return root.find(NS + "Error/" + NS + "Code").text or ""  # type: ignore[union-attr]


ORDERS = {"Action": "ListOrders", "Version": "2013-09-01", "MarketplaceId.Id.1": "ATVPDKIKX0DER",
          "CreatedAfter": "2020-05-01T00:00:00Z", "Note": "a b+c/é~*'()"}


def test_requests_post_form(server: ThreadingHTTPServer) -> None:
    auth = mws_sign.requests.MwsAuth(KEY_ID, SECRET, seller_id="A1B2C3D4E5F6G7", auth_token="amzn.mws.t")
    r = requests.post(base(server) + "/Orders/2013-09-01", data=ORDERS, auth=auth, timeout=10)
    assert r.status_code == 200, r.text
    assert "<AccessKeyId>%s</AccessKeyId>" % KEY_ID in r.text
    method, _, params = server.seen[-1]  # type: ignore[attr-defined]
    assert method == "POST"
    assert params["Note"] == ORDERS["Note"] and params["SellerId"] == "A1B2C3D4E5F6G7"
    assert params["MWSAuthToken"] == "amzn.mws.t" and params["SignatureVersion"] == "2"


def test_requests_get_query(server: ThreadingHTTPServer) -> None:
    auth = mws_sign.requests.MwsAuth(KEY_ID, SECRET, signature_method="HmacSHA1")
    r = requests.get(base(server) + "/Sellers/2011-07-01", params={"Action": "GetServiceStatus"},
                     auth=auth, timeout=10)
    assert r.status_code == 200, r.text
    assert server.seen[-1][2]["SignatureMethod"] == "HmacSHA1"  # type: ignore[attr-defined]


def test_requests_tampered_body_is_rejected(server: ThreadingHTTPServer) -> None:
    auth = mws_sign.requests.MwsAuth(KEY_ID, SECRET)
    with requests.Session() as session:
        prepped = session.prepare_request(
            requests.Request("POST", base(server) + "/Orders/2013-09-01", data=ORDERS, auth=auth))
        assert isinstance(prepped.body, bytes)
        prepped.body = prepped.body.replace(b"ListOrders", b"ListOrderz")
        r = session.send(prepped, timeout=10)
    assert r.status_code == 403
    assert error_code(r.text) == "SignatureDoesNotMatch"


def test_requests_unknown_key_and_old_clock(server: ThreadingHTTPServer) -> None:
    r = requests.post(base(server) + "/", data={"Action": "X"},
                      auth=mws_sign.requests.MwsAuth("AKIDUNKNOWN", SECRET), timeout=10)
    assert (r.status_code, error_code(r.text)) == (403, "InvalidAccessKeyId")
    old = mws_sign.requests.MwsAuth(KEY_ID, SECRET, clock=lambda: "2020-06-01T12:00:00Z")
    r = requests.post(base(server) + "/", data={"Action": "X"}, auth=old, timeout=10)
    assert (r.status_code, error_code(r.text)) == (400, "RequestExpired")


def test_requests_sends_a_prepared_feed(server: ThreadingHTTPServer) -> None:
    feed = b"<?xml version=\"1.0\"?><AmazonEnvelope><Message/></AmazonEnvelope>"
    p = mws_sign.prepare(access_key_id=KEY_ID, secret=SECRET, seller_id="S1", marketplace="US",
                         section="Feeds", action="SubmitFeed", feed=feed, host=base(server)[7:],
                         scheme="http", params={"FeedType": "_POST_PRODUCT_DATA_"})
    r = requests.request(p.method, p.url, headers=dict(p.headers), data=p.body, timeout=10)
    assert r.status_code == 200, r.text
    _, user_agent, params = server.seen[-1]  # type: ignore[attr-defined]
    assert user_agent == p.headers["User-Agent"] and params["Merchant"] == "S1"
    r = requests.request(p.method, p.url, headers=dict(p.headers), data=feed + b" ", timeout=10)
    assert (r.status_code, error_code(r.text)) == (400, "ContentMD5DoesNotMatch")


def test_httpx_post_get_and_prepared(server: ThreadingHTTPServer) -> None:
    auth = mws_sign.httpx.MwsAuth(KEY_ID, SECRET, seller_id="A1B2C3D4E5F6G7")
    with httpx.Client(auth=auth, base_url=base(server), timeout=10) as client:
        r = client.post("/Orders/2013-09-01", data=ORDERS)
        assert r.status_code == 200, r.text
        assert server.seen[-1][2]["Note"] == ORDERS["Note"]  # type: ignore[attr-defined]
        r = client.get("/Products/2011-10-01", params={"Action": "GetServiceStatus", "Q": "x y"})
        assert r.status_code == 200, r.text
    p = mws_sign.prepare(access_key_id=KEY_ID, secret=SECRET, seller_id="S1", marketplace="US",
                         section="Orders", action="ListOrders", host=base(server)[7:], scheme="http",
                         params={"MarketplaceId.Id.1": "ATVPDKIKX0DER"})
    r = httpx.request(p.method, p.url, headers=dict(p.headers), content=p.body, timeout=10)
    assert r.status_code == 200, r.text


def test_httpx_tampered_query_is_rejected(server: ThreadingHTTPServer) -> None:
    def tamper(request: Any) -> None:
        request.url = request.url.copy_with(query=request.url.query.replace(b"Q=1", b"Q=2"))

    auth = mws_sign.httpx.MwsAuth(KEY_ID, SECRET)
    with httpx.Client(auth=auth, event_hooks={"request": [tamper]}, timeout=10) as client:
        r = client.get(base(server) + "/", params={"Action": "X", "Q": "1"})
    assert r.status_code == 403
    assert error_code(r.text) == "SignatureDoesNotMatch"


def test_httpx_async_client(server: ThreadingHTTPServer) -> None:
    async def call() -> Any:
        auth = mws_sign.httpx.MwsAuth(KEY_ID, SECRET)
        async with httpx.AsyncClient(auth=auth, timeout=10) as client:
            return await client.post(base(server) + "/", data={"Action": "GetServiceStatus"})

    r = asyncio.run(call())
    assert r.status_code == 200, r.text


def test_auth_refuses_parameters_in_both_places() -> None:
    auth = mws_sign.requests.MwsAuth(KEY_ID, SECRET)
    req = requests.Request("POST", "http://127.0.0.1:9/?a=1", data={"b": "2"}, auth=auth)
    with pytest.raises(ValueError, match="both a URL query and a form body"):
        req.prepare()


def test_auth_reports_a_malformed_body_as_the_server_would() -> None:
    auth = mws_sign.requests.MwsAuth(KEY_ID, SECRET)
    req = requests.Request("POST", "http://127.0.0.1:9/", data="a=%G1", auth=auth,
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(mws_sign.MalformedQuery):
        req.prepare()
    dup = requests.Request("GET", "http://127.0.0.1:9/", params=[("AWSAccessKeyId", "x")], auth=auth)
    with pytest.raises(mws_sign.DuplicateParameter):
        dup.prepare()


def test_outgoing_text_is_decoded_by_the_core() -> None:
    from mws_sign import _native

    assert _native.decode_query("b=x+y%2B&&a=%C3%A9&c") == [("a", "é"), ("b", "x y+"), ("c", "")]
    assert _native.decode_query(b"") == []
    for bad, kind in [("a=%G1", "MalformedQuery"), (b"a=\xff", "MalformedQuery"), ("=x", "EmptyParameterName"),
                      ("a=1&a=2", "DuplicateParameter")]:
        with pytest.raises(mws_sign.MwsSignError) as info:
            _native.decode_query(bad)
        assert info.value.kind == kind
