"""A canary secret pushed through failing calls never shows up: not in a
repr, a str, an exception's message or args, its chain, or a traceback."""

from __future__ import annotations

import pickle
import traceback
from typing import Any, Callable

import pytest

import mws_sign
import mws_sign.httpx
import mws_sign.requests

CANARY = "CANARY-wJalrXUtnFEMI-K7MDENG-s3cr3t"
FORMS = [CANARY, CANARY.encode(), CANARY[:16], "MDENG-s3cr3t"]


def _assert_clean(text: str) -> None:
    for form in FORMS:
        needle = form if isinstance(form, str) else form.decode()
        assert needle not in text, text
    assert repr(CANARY.encode()) not in text


def _everything_about(e: BaseException) -> str:
    parts = [repr(e), str(e), repr(e.args), "".join(traceback.format_exception(type(e), e, e.__traceback__))]
    for name in ("__cause__", "__context__"):
        linked = getattr(e, name)
        if linked is not None:
            parts.append(_everything_about(linked))
    parts.append(repr(vars(e)) if hasattr(e, "__dict__") else "")
    return "\n".join(parts)


def _lookup_raises(key_id: str) -> str:
    raise RuntimeError("lookup failed for " + key_id)


FAILING: list[tuple[str, Callable[[], Any]]] = [
    ("bad method", lambda: mws_sign.sign(CANARY, "G E T", "h", "/", [])),
    ("bad host", lambda: mws_sign.sign(CANARY, "GET", "h/" + CANARY, "/", [])),
    ("bad path", lambda: mws_sign.signed_query(CANARY, "GET", "h", CANARY, [])),
    ("bad algorithm", lambda: mws_sign.sign(CANARY, "GET", "h", "/", [], signature_method=CANARY)),
    ("duplicate", lambda: mws_sign.sign(CANARY, "GET", "h", "/", [("a", "1"), ("a", "2")])),
    ("bad param type", lambda: mws_sign.sign(CANARY, "GET", "h", "/", [("a", 1)])),
    ("bad params", lambda: mws_sign.sign(CANARY, "GET", "h", "/", 7)),
    ("surrogate secret", lambda: mws_sign.sign(CANARY + "\ud800", "GET", "h", "/", [])),
    ("surrogate signer", lambda: mws_sign.Signer(CANARY + "\udfff")),
    ("signer bad algorithm", lambda: mws_sign.Signer(CANARY, "HmacMD5")),
    ("mac bad algorithm", lambda: mws_sign.mac(CANARY, "x", signature_method="sha256")),
    ("signer bad host", lambda: mws_sign.Signer(CANARY).sign("GET", "", "/", [])),
    ("verify mismatch", lambda: mws_sign.verify(
        {"AKID": CANARY}, "POST", "h", "/",
        mws_sign.signed_query("other", "POST", "h", "/", [
            ("AWSAccessKeyId", "AKID"), ("SignatureMethod", "HmacSHA256"),
            ("SignatureVersion", "2"), ("Timestamp", "2020-06-01T12:00:00Z")]),
        now="2020-06-01T12:00:00Z")),
    ("verify bad head", lambda: mws_sign.verify(
        {"AKID": CANARY}, "POST", "", "/",
        "AWSAccessKeyId=AKID&Signature=x&SignatureMethod=HmacSHA256&SignatureVersion=2"
        "&Timestamp=2020-06-01T12%3A00%3A00Z", now="2020-06-01T12:00:00Z")),
    ("verify surrogate secret", lambda: mws_sign.verify(
        {"AKID": CANARY + "\ud800"}, "POST", "h", "/",
        "AWSAccessKeyId=AKID&Signature=x&SignatureMethod=HmacSHA256&SignatureVersion=2"
        "&Timestamp=2020-06-01T12%3A00%3A00Z", now="2020-06-01T12:00:00Z")),
    ("verify lookup raises", lambda: mws_sign.verify(
        _lookup_raises, "POST", "h", "/",
        "AWSAccessKeyId=AKID&Signature=x&SignatureMethod=HmacSHA256&SignatureVersion=2"
        "&Timestamp=2020-06-01T12%3A00%3A00Z", now="2020-06-01T12:00:00Z")),
    ("prepare bad host", lambda: mws_sign.prepare(
        access_key_id="AKID", secret=CANARY, seller_id="S", marketplace="US",
        section="Orders", action="ListOrders", host="bad host")),
    ("prepare duplicate", lambda: mws_sign.prepare(
        access_key_id="AKID", secret=CANARY, seller_id="S", marketplace="US",
        section="Orders", action="ListOrders", params={"Action": "x"})),
    ("requests auth bad algorithm", lambda: mws_sign.requests.MwsAuth("AKID", CANARY, signature_method="x")),
    ("httpx auth empty key id", lambda: mws_sign.httpx.MwsAuth("", CANARY)),
]


@pytest.mark.parametrize("name,call", FAILING, ids=[n for n, _ in FAILING])
def test_failing_calls_never_show_the_secret(name: str, call: Callable[[], Any]) -> None:
    with pytest.raises(Exception) as info:
        call()
    _assert_clean(_everything_about(info.value))


def test_reprs_never_show_the_secret() -> None:
    signer = mws_sign.Signer(CANARY)
    for obj in [
        signer,
        mws_sign.Signer(CANARY.encode(), "HmacSHA1"),
        mws_sign.requests.MwsAuth("AKID", CANARY, seller_id="S", auth_token="amzn.mws.token"),
        mws_sign.httpx.MwsAuth("AKID", CANARY),
    ]:
        _assert_clean(repr(obj) + str(obj))
        assert "redacted" in repr(obj)
        _assert_clean(repr(getattr(obj, "__dict__", {})))
    assert repr(signer) == "Signer(signature_method='HmacSHA256', secret=<redacted>)"
    prepared = mws_sign.prepare(access_key_id="AKID", secret=CANARY, seller_id="S", marketplace="US",
                                section="Orders", action="ListOrders", timestamp=0)
    _assert_clean(repr(prepared) + prepared.body.decode() + prepared.url + repr(dict(prepared.headers)))


def test_a_signer_cannot_be_pickled_or_read_back() -> None:
    signer = mws_sign.Signer(CANARY)
    with pytest.raises(TypeError):
        pickle.dumps(signer)
    assert not any(CANARY in repr(getattr(signer, name, "")) for name in dir(signer))
