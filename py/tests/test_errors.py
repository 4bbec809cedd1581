"""The exception hierarchy: one class per error kind of the core, all under
MwsSignError (a ValueError), each raised where the core says."""

from __future__ import annotations

import pickle
import re

import pytest

import mws_sign
from conftest import FORMAT_MD


def _kinds_in_format_md() -> set[str]:
    """The kinds FORMAT.md names (the shared, language-neutral list)."""
    text = FORMAT_MD.read_text(encoding="utf-8")
    reject = text.split("## `reject`", 1)[1].split("## ", 1)[0]
    verify = text.split("## `verify`", 1)[1].split("## ", 1)[0]
    names = set(re.findall(r"`([A-Z][A-Za-z]+)`", reject + verify))
    return names - {"HmacSHA256", "HmacSHA1"}


def test_every_kind_of_the_core_has_its_class() -> None:
    assert len(mws_sign.KINDS) == 19
    for kind in mws_sign.KINDS:
        cls = getattr(mws_sign, kind)
        assert issubclass(cls, mws_sign.MwsSignError)
        assert cls.kind == kind
        assert cls.__name__ == kind
        assert cls.__module__ == "mws_sign"
        assert kind in mws_sign.__all__
        assert cls.__doc__


@pytest.mark.skipif(not FORMAT_MD.is_file(), reason="shared/vectors/FORMAT.md not beside the repo")
def test_every_kind_of_format_md_has_its_class() -> None:
    kinds = _kinds_in_format_md()
    assert len(kinds) >= 18, kinds
    missing = sorted(k for k in kinds if not isinstance(getattr(mws_sign, k, None), type))
    assert missing == []
    assert kinds <= set(mws_sign.KINDS)


def test_the_root_is_a_value_error() -> None:
    assert issubclass(mws_sign.MwsSignError, ValueError)
    with pytest.raises(ValueError):
        mws_sign.sign("k", "GET", "", "/", [])


def test_raised_errors_carry_kind_and_a_static_message() -> None:
    with pytest.raises(mws_sign.InvalidHost) as info:
        mws_sign.sign("k", "GET", "exa mple.com", "/", [])
    e = info.value
    assert type(e) is mws_sign.InvalidHost
    assert e.kind == "InvalidHost"
    assert "host" in str(e)
    assert "exa mple" not in str(e)  # no request data in messages


@pytest.mark.parametrize(
    "kind,call",
    [
        ("InvalidMethod", lambda: mws_sign.sign("k", "G3T", "h", "/", [])),
        ("InvalidScheme", lambda: mws_sign.sign("k", "GET", "h", "/", [], scheme="ftp")),
        ("InvalidHost", lambda: mws_sign.sign("k", "GET", "h:0", "/", [])),
        ("InvalidPath", lambda: mws_sign.sign("k", "GET", "h", "x", [])),
        ("EmptySecret", lambda: mws_sign.sign("", "GET", "h", "/", [])),
        ("EmptySecret", lambda: mws_sign.Signer(b"")),
        ("EmptyParameterName", lambda: mws_sign.canonical_query([("", "x")])),
        ("DuplicateParameter", lambda: mws_sign.canonical_query([("a", "1"), ("a", "2")])),
        ("SignatureMethodMismatch",
         lambda: mws_sign.sign("k", "GET", "h", "/", {"SignatureMethod": "HmacSHA1"})),
        ("UnsupportedSignatureMethod",
         lambda: mws_sign.sign("k", "GET", "h", "/", [], signature_method="hmacsha256")),
        ("UnsupportedSignatureVersion",
         lambda: mws_sign.sign("k", "GET", "h", "/", {"SignatureVersion": "1"})),
        ("MalformedQuery", lambda: mws_sign.verify({}, "GET", "h", "/", "a=%G1")),
        ("MalformedQuery", lambda: mws_sign.verify({}, "GET", "h", "/", b"a=\xff")),
        ("MissingParameter", lambda: mws_sign.verify({}, "GET", "h", "/", "a=1")),
        ("TimestampAndExpires", lambda: mws_sign.verify(
            {}, "GET", "h", "/",
            "AWSAccessKeyId=a&Signature=s&SignatureMethod=HmacSHA256&SignatureVersion=2"
            "&Timestamp=2020-01-01T00:00:00Z&Expires=2020-01-01T00:00:00Z")),
        ("InvalidTimestamp", lambda: mws_sign.parse_timestamp("2020-02-30T00:00:00Z")),
        ("InvalidTimestamp", lambda: mws_sign.format_timestamp(253402300800)),
        ("MissingParameter", lambda: mws_sign.prepare(
            access_key_id="", secret="k", seller_id="S", marketplace="US",
            section="Orders", action="ListOrders")),
    ],
)
def test_each_kind_is_raised_as_its_class(kind: str, call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(mws_sign.MwsSignError) as info:
        call()
    assert type(info.value) is getattr(mws_sign, kind)
    assert info.value.kind == kind


def test_exceptions_survive_pickling() -> None:
    # multiprocessing and logging handlers pickle exceptions.
    e = mws_sign.SignatureDoesNotMatch("the signature does not match the request")
    back = pickle.loads(pickle.dumps(e))
    assert type(back) is mws_sign.SignatureDoesNotMatch and back.args == e.args


def test_type_errors_are_not_value_errors() -> None:
    with pytest.raises(TypeError):
        mws_sign.sign(42, "GET", "h", "/", [])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        mws_sign.sign("k", "GET", "h", "/", [("a", 1)])  # type: ignore[list-item]
