"""10,000 parameters: no capacity limit in the binding (the core sorts the
caller's own list in place), identical to the reference, and verifiable."""

from __future__ import annotations

import random

import mws_sign
from conftest import ref_canonical, ref_sign, s2

N = 10_000


def _params() -> list[tuple[str, str]]:
    rng = random.Random(1234)
    params = [("SKUList.SKU.%d" % i, "sku-%d %s/é" % (rng.randrange(10**9), "x" * (i % 7))) for i in range(1, N + 1)]
    rng.shuffle(params)
    return params


def test_ten_thousand_parameters_sign_like_the_reference() -> None:
    params = _params()
    expected = ref_sign("secret", "POST", "mws.amazonservices.com", "/Products/2011-10-01", params)
    assert mws_sign.sign("secret", "POST", "mws.amazonservices.com", "/Products/2011-10-01", params) == expected
    assert mws_sign.Signer("secret").sign("POST", "mws.amazonservices.com", "/Products/2011-10-01", dict(params)) == expected
    assert mws_sign.canonical_query(params) == ref_canonical(params)
    # The signed query (~300 KB) is written in one pass into a buffer that
    # must grow on the way; the pre-keyed signer's takes the same path.
    signed = ref_canonical(params) + "&Signature=" + s2(expected)
    head = ("POST", "mws.amazonservices.com", "/Products/2011-10-01")
    assert mws_sign.signed_query("secret", *head, params) == signed
    assert mws_sign.Signer("secret").signed_query(*head, params) == signed


def test_ten_thousand_parameters_verify() -> None:
    params = _params() + [("AWSAccessKeyId", "AKID"), ("SignatureMethod", "HmacSHA256"),
                          ("SignatureVersion", "2"), ("Timestamp", "2020-06-01T12:00:00Z")]
    query = mws_sign.signed_query("secret", "POST", "h", "/", params)
    assert query.count("&") == len(params)
    assert mws_sign.verify({"AKID": "secret"}, "POST", "h", "/", query, now="2020-06-01T12:00:00Z") == "AKID"


def test_the_callers_list_is_not_reordered() -> None:
    params = _params()
    before = list(params)
    mws_sign.sign("secret", "POST", "h", "/", params)
    assert params == before
