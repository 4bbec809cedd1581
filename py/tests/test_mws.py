"""The MWS layer: enums on the core's tables, prepare(), the User-Agent."""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import datetime
from urllib.parse import parse_qsl, urlsplit

import pytest

import mws_sign
from conftest import SIGNING_MD, ref_sign


def test_enums_list_exactly_the_cores_tables() -> None:
    assert [m.value for m in mws_sign.Marketplace] == [row[0] for row in mws_sign._native.marketplaces()]
    assert [s.value for s in mws_sign.Section] == [row[0] for row in mws_sign._native.sections()]
    for m in mws_sign.Marketplace:
        assert (m.marketplace_id, m.host, m.region) and m.code == m.value
    for s in mws_sign.Section:
        assert s.path.startswith("/") and s.version and s.seller_parameter in ("SellerId", "Merchant")


@pytest.mark.skipif(not SIGNING_MD.is_file(), reason="shared/spec/SIGNING.md not beside the repo")
def test_marketplaces_match_the_spec_table() -> None:
    rows = re.findall(r"^\| (NA|EU|FE|CN) \| ([A-Z]{2}) \| (\w+) \| ([\w.-]+) \|$",
                      SIGNING_MD.read_text(encoding="utf-8"), re.M)
    assert len(rows) == len(mws_sign.Marketplace)
    for region, code, mid, host in rows:
        m = mws_sign.Marketplace(code)
        assert (m.region, m.marketplace_id, m.host) == (region, mid, host)


def test_lookups() -> None:
    assert mws_sign.Marketplace.from_code("uk") is mws_sign.Marketplace.GB
    assert mws_sign.Marketplace.from_id("A1PA6795UKMFR9") is mws_sign.Marketplace.DE
    with pytest.raises(ValueError):
        mws_sign.Marketplace.from_code("XX")
    with pytest.raises(ValueError):
        mws_sign.Marketplace.from_id("nope")
    assert mws_sign.Section.FEEDS.seller_parameter == "Merchant"
    assert mws_sign.Section.ORDERS.path == "/Orders/2013-09-01"
    assert mws_sign.Section("OffAmazonPaymentsSandbox").path == "/OffAmazonPayments_Sandbox/2013-01-01"


def _orders(**kw: object) -> mws_sign.PreparedRequest:
    args: dict[str, object] = dict(
        access_key_id="AKIAIOSFODNN7EXAMPLE", secret="secret", seller_id="A1B2C3D4E5F6G7",
        marketplace=mws_sign.Marketplace.US, section=mws_sign.Section.ORDERS, action="ListOrders",
        params={"MarketplaceId.Id.1": "ATVPDKIKX0DER", "CreatedAfter": "2020-05-01T00:00:00Z"},
        timestamp="2020-06-01T12:34:56.000Z",
    )
    args.update(kw)
    return mws_sign.prepare(**args)  # type: ignore[arg-type]


def test_prepare_signs_a_form_post() -> None:
    p = _orders(auth_token="amzn.mws.token")
    assert p.method == "POST"
    assert p.url == "https://mws.amazonservices.com/Orders/2013-09-01"
    assert p.headers["Content-Type"] == "application/x-www-form-urlencoded; charset=utf-8"
    assert p.headers["User-Agent"].startswith("mws-sign-python/%s (Language=Python/" % mws_sign.__version__)
    fields = parse_qsl(p.body.decode(), keep_blank_values=True, strict_parsing=True)
    names = [n for n, _ in fields]
    assert names == ["AWSAccessKeyId", "Action", "CreatedAfter", "MWSAuthToken", "MarketplaceId.Id.1",
                     "SellerId", "SignatureMethod", "SignatureVersion", "Timestamp", "Version", "Signature"]
    values = dict(fields)
    assert values["Version"] == "2013-09-01" and values["MWSAuthToken"] == "amzn.mws.token"
    unsigned = [f for f in fields if f[0] != "Signature"]
    assert values["Signature"] == ref_sign("secret", "POST", "mws.amazonservices.com", "/Orders/2013-09-01", unsigned)
    assert mws_sign.verify({"AKIAIOSFODNN7EXAMPLE": "secret"}, "POST", "mws.amazonservices.com",
                           "/Orders/2013-09-01", p.body, now="2020-06-01T12:35:00Z") == "AKIAIOSFODNN7EXAMPLE"


def test_prepare_leaves_out_an_absent_or_empty_token() -> None:
    for token in (None, ""):
        assert b"MWSAuthToken" not in _orders(auth_token=token).body


def test_prepare_timestamp_forms() -> None:
    body = _orders(timestamp=datetime(2020, 6, 1, 12, 34, 56)).body
    assert b"Timestamp=2020-06-01T12%3A34%3A56.000Z" in body
    assert b"Timestamp=1970-01-01T00%3A00%3A00.000Z" in _orders(timestamp=0).body
    with pytest.raises(mws_sign.InvalidTimestamp):
        _orders(timestamp="yesterday")


def test_prepare_a_feed() -> None:
    feed = b"<?xml version=\"1.0\"?><AmazonEnvelope/>"
    md5 = base64.b64encode(hashlib.md5(feed).digest()).decode()
    p = _orders(section="Feeds", action="SubmitFeed", params=[("FeedType", "_POST_PRODUCT_DATA_")],
                feed=bytearray(feed), marketplace="DE")
    assert p.body == feed
    assert p.headers["Content-MD5"] == md5 and p.headers["Content-Type"] == "text/xml"
    url = urlsplit(p.url)
    assert (url.scheme, url.netloc, url.path) == ("https", "mws-eu.amazonservices.com", "/")
    fields = parse_qsl(url.query, keep_blank_values=True, strict_parsing=True)
    values = dict(fields)
    assert values["ContentMD5Value"] == md5 and values["Merchant"] == "A1B2C3D4E5F6G7"
    assert "SellerId" not in values
    unsigned = [f for f in fields if f[0] != "Signature"]
    assert values["Signature"] == ref_sign("secret", "POST", "mws-eu.amazonservices.com", "/", unsigned)


def test_prepare_errors() -> None:
    with pytest.raises(mws_sign.DuplicateParameter):
        _orders(params={"Action": "Other"})
    with pytest.raises(mws_sign.InvalidHost):
        _orders(host="mws.amazonservices.com/x")
    with pytest.raises(mws_sign.EmptySecret):
        _orders(secret=b"")
    with pytest.raises(ValueError):
        _orders(marketplace="XX")


def test_prepare_for_a_mock_server() -> None:
    p = _orders(host="127.0.0.1:8080", scheme="http")
    assert p.url == "http://127.0.0.1:8080/Orders/2013-09-01"
    assert mws_sign.verify({"AKIAIOSFODNN7EXAMPLE": "secret"}, "POST", "127.0.0.1:8080",
                           "/Orders/2013-09-01", p.body, now="2020-06-01T12:35:00Z", scheme="http")


def test_user_agent_escapes_by_the_cores_rules() -> None:
    ua = mws_sign.user_agent("My/Tool", "1.0 (beta)", [("Language", "Python/3.11"), ("Platform", "Linux;  x86_64")])
    assert ua == r"My\/Tool/1.0 \(beta) (Language=Python/3.11; Platform=Linux\; x86_64)"
    assert mws_sign.user_agent("app", "1").startswith("app/1 (Language=Python/")
