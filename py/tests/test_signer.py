"""The pre-keyed Signer: same results as the one-call functions, shared
safely between threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

import mws_sign
from conftest import EXAMPLE_SECRET, ref_mac, ref_sign


def test_signer_matches_the_one_call_functions() -> None:
    params = [("Action", "GetServiceStatus"), ("SignatureVersion", "2")]
    for algo in ("HmacSHA256", "HmacSHA1"):
        signer = mws_sign.Signer(EXAMPLE_SECRET, algo)
        assert signer.signature_method == algo
        head = ("POST", "mws.amazonservices.com", "/Sellers/2011-07-01")
        assert signer.sign(*head, params) == ref_sign(EXAMPLE_SECRET, *head, params, algo)
        assert signer.sign(*head, params) == mws_sign.sign(EXAMPLE_SECRET, *head, params, signature_method=algo)
        assert signer.signed_query(*head, params) == mws_sign.signed_query(
            EXAMPLE_SECRET, *head, params, signature_method=algo)
        assert signer.mac("x\ny") == ref_mac(EXAMPLE_SECRET, "x\ny", algo)
        assert signer.sign("POST", "h", "/", params, scheme="http") == ref_sign(EXAMPLE_SECRET, "POST", "h", "/", params, algo)


def test_signer_checks_the_auth_parameters_against_its_algorithm() -> None:
    signer = mws_sign.Signer(EXAMPLE_SECRET, "HmacSHA1")
    with pytest.raises(mws_sign.SignatureMethodMismatch):
        signer.sign("GET", "h", "/", {"SignatureMethod": "HmacSHA256"})


def test_signer_keyword_defaults() -> None:
    assert mws_sign.Signer(secret=b"k").signature_method == "HmacSHA256"
    with pytest.raises(TypeError):
        mws_sign.Signer()  # type: ignore[call-arg]


def test_signer_is_safe_to_share_between_threads() -> None:
    signer = mws_sign.Signer(EXAMPLE_SECRET)

    def job(i: int) -> tuple[str, str]:
        params = [("Action", "ListOrders"), ("N", str(i)), ("Value", "v%d é" % i)]
        return signer.sign("POST", "h", "/", params), ref_sign(EXAMPLE_SECRET, "POST", "h", "/", params)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(job, range(4000)))
    assert all(got == expected for got, expected in results)


def test_signer_is_final_and_frozen() -> None:
    signer = mws_sign.Signer(b"k")
    with pytest.raises(AttributeError):
        signer.secret = "x"  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        class Sub(mws_sign.Signer):  # type: ignore[misc]
            pass
