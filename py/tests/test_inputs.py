"""The forms each argument may take: parameters as a mapping or as pairs,
secrets as str or bytes, time as datetime/number/text/None, bodies as bytes
or file objects. Expected values come from the standard library."""

from __future__ import annotations

import base64
import collections
import hashlib
import io
import time
import types
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Iterator

import pytest

import mws_sign
from conftest import EXAMPLE_SECRET, ref_canonical, ref_sign

PAIRS = [("Timestamp", "2020-06-01T12:34:56.000Z"), ("Action", "ListOrders"), ("b", "x y/é~*")]
HEAD = ("POST", "mws.amazonservices.com", "/Orders/2013-09-01")
EXPECTED = ref_sign(EXAMPLE_SECRET, *HEAD, PAIRS)


class Params(collections.abc.Mapping):  # type: ignore[type-arg]
    """A Mapping that is not a dict."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self._d = dict(pairs)

    def __getitem__(self, key: str) -> str:
        return self._d[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._d)

    def __len__(self) -> int:
        return len(self._d)


def _gen() -> Iterator[tuple[str, str]]:
    yield from PAIRS


@pytest.mark.parametrize(
    "params",
    [
        PAIRS,
        tuple(PAIRS),
        [list(p) for p in PAIRS],
        dict(PAIRS),
        collections.OrderedDict(PAIRS),
        types.MappingProxyType(dict(PAIRS)),
        Params(PAIRS),
        _gen(),
        iter(PAIRS),
        [PAIRS[0], list(PAIRS[1]), PAIRS[2]],  # mixed pair types
    ],
    ids=["list", "tuple", "lists", "dict", "ordereddict", "mappingproxy", "mapping", "generator",
         "iterator", "mixed"],
)
def test_every_params_form_signs_the_same(params: Any) -> None:
    assert mws_sign.sign(EXAMPLE_SECRET, *HEAD, params) == EXPECTED


def test_str_subclasses_are_text() -> None:
    class Name(str):
        pass

    assert mws_sign.canonical_query([(Name("a"), Name("b c"))]) == "a=b%20c"


def test_secret_as_str_or_bytes() -> None:
    assert mws_sign.sign(EXAMPLE_SECRET.encode(), *HEAD, PAIRS) == EXPECTED
    assert mws_sign.Signer(EXAMPLE_SECRET.encode()).sign(*HEAD, PAIRS) == EXPECTED
    non_ascii = "clé-secrète"
    assert mws_sign.sign(non_ascii, *HEAD, PAIRS) == mws_sign.sign(non_ascii.encode("utf-8"), *HEAD, PAIRS)
    assert mws_sign.sign(b"\xff\x00binary", *HEAD, PAIRS) == ref_sign(b"\xff\x00binary", *HEAD, PAIRS)


@pytest.mark.parametrize("secret", [bytearray(b"k"), memoryview(b"k"), 1, None])
def test_other_secret_types_are_type_errors(secret: Any) -> None:
    with pytest.raises(TypeError, match="secret must be str or bytes"):
        mws_sign.sign(secret, *HEAD, PAIRS)


@pytest.mark.parametrize(
    "params,message",
    [
        ([("a", 1)], "must be str, not int"),
        ([(1, "a")], "must be str, not int"),
        ([("a", b"b")], "must be str, not bytes"),
        ([("a", None)], "must be str, not NoneType"),
        ({"a": 1.5}, "must be str, not float"),
        ([("a", "b", "c")], "pair"),
        (["ab"], "pair"),
        ([b"ab"], "pair"),
        ([1], "pair"),
        ("a=b", "mapping or an iterable"),
        (b"a=b", "mapping or an iterable"),
        (42, "mapping or an iterable"),
    ],
)
def test_non_text_parameters_are_type_errors(params: Any, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        mws_sign.sign("k", *HEAD, params)
    with pytest.raises(TypeError, match=message):
        mws_sign.canonical_query(params)


def test_a_lone_surrogate_in_a_value_is_a_unicode_error() -> None:
    with pytest.raises(UnicodeEncodeError):
        mws_sign.canonical_query([("a", "\ud800")])


def test_head_arguments_must_be_str() -> None:
    with pytest.raises(TypeError, match="must be str, not bytes"):
        mws_sign.sign("k", b"GET", "h", "/", [])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be str, not NoneType"):
        mws_sign.string_to_sign("GET", "h", None, [])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be str, not int"):
        mws_sign.Signer("k").sign("GET", 1, "/", [])  # type: ignore[arg-type]
    with pytest.raises(UnicodeEncodeError):
        mws_sign.sign("k", "GET", "h", "/\ud800", [])


def test_stages_match_the_reference() -> None:
    assert mws_sign.canonical_query(PAIRS) == ref_canonical(PAIRS)
    sts = mws_sign.string_to_sign(*HEAD, PAIRS)
    assert sts == "%s\n%s\n%s\n%s" % (*HEAD, ref_canonical(PAIRS))
    assert mws_sign.mac(EXAMPLE_SECRET, sts) == EXPECTED
    signed = mws_sign.signed_query(EXAMPLE_SECRET, *HEAD, PAIRS)
    assert signed == ref_canonical(PAIRS) + "&Signature=" + base64_s2(EXPECTED)


def base64_s2(sig: str) -> str:
    return sig.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")


def test_sha1_and_schemes() -> None:
    sig = mws_sign.sign("k", "get", "EXAMPLE.com:80", "", PAIRS, signature_method="HmacSHA1", scheme="HTTP")
    assert sig == ref_sign("k", "GET", "example.com", "/", PAIRS, "HmacSHA1")
    assert len(sig) == 28


# --- time -------------------------------------------------------------------

MS = 1_591_014_896_007  # 2020-06-01T12:34:56.007Z
TEXT = "2020-06-01T12:34:56.007Z"


@pytest.mark.parametrize(
    "when",
    [
        datetime(2020, 6, 1, 12, 34, 56, 7000),
        datetime(2020, 6, 1, 12, 34, 56, 7000, tzinfo=timezone.utc),
        datetime(2020, 6, 1, 14, 34, 56, 7000, tzinfo=timezone(timedelta(hours=2))),
        MS / 1000,
        Decimal(MS) / 1000,
        Fraction(MS, 1000),
        "2020-06-01T14:34:56.007+02:00",
    ],
    ids=["naive", "utc", "aware", "float", "decimal", "fraction", "text"],
)
def test_format_timestamp_forms(when: Any) -> None:
    assert mws_sign.format_timestamp(when) == TEXT


def test_format_timestamp_int_and_now() -> None:
    assert mws_sign.format_timestamp(0) == "1970-01-01T00:00:00.000Z"
    assert mws_sign.format_timestamp(-1) == "1969-12-31T23:59:59.000Z"
    before = time.time()
    now = mws_sign.parse_timestamp(mws_sign.format_timestamp())
    assert before - 1 <= now.timestamp() <= time.time() + 1


@pytest.mark.parametrize("when", [True, "", [], object()])
def test_format_timestamp_rejects_other_types(when: Any) -> None:
    with pytest.raises((TypeError, mws_sign.InvalidTimestamp)):
        mws_sign.format_timestamp(when)


@pytest.mark.parametrize("when", [float("nan"), float("inf"), Decimal("NaN")])
def test_non_finite_times_are_value_errors(when: Any) -> None:
    with pytest.raises(ValueError, match="finite"):
        mws_sign.format_timestamp(when)


def test_parse_timestamp_forms() -> None:
    expected = datetime(2009, 2, 4, 15, 3, 50, tzinfo=timezone.utc)
    for text in ["2009-02-04T15:03:50Z", "2009-02-04T15:03:50.000Z", "2009-02-04T15:03:50+00:00",
                 "2009-02-04T15:03:50+0000", "2009-02-04T08:03:50-07", "2009-02-04T15:03:50"]:
        assert mws_sign.parse_timestamp(text) == expected


def _signed_query_at(stamp: str) -> str:
    params = [("AWSAccessKeyId", "AKID"), ("Action", "GetServiceStatus"),
              ("SignatureMethod", "HmacSHA256"), ("SignatureVersion", "2"), ("Timestamp", stamp)]
    return mws_sign.signed_query("secret", "POST", "h", "/", params)


@pytest.mark.parametrize(
    "now",
    [
        datetime(2020, 6, 1, 12, 10),
        datetime(2020, 6, 1, 14, 10, tzinfo=timezone(timedelta(hours=2))),
        1_591_013_400,
        1_591_013_400.5,
        Decimal("1591013400.25"),
        "2020-06-01T12:10:00Z",
    ],
    ids=["naive", "aware", "int", "float", "decimal", "text"],
)
def test_verify_now_forms(now: Any) -> None:
    query = _signed_query_at("2020-06-01T12:00:00Z")
    assert mws_sign.verify({"AKID": "secret"}, "POST", "h", "/", query, now=now) == "AKID"


def test_verify_now_defaults_to_the_clock() -> None:
    query = _signed_query_at(mws_sign.format_timestamp())
    assert mws_sign.verify({"AKID": "secret"}, "POST", "h", "/", query) == "AKID"
    old = _signed_query_at("2020-06-01T12:00:00Z")
    with pytest.raises(mws_sign.RequestExpired):
        mws_sign.verify({"AKID": "secret"}, "POST", "h", "/", old)


def test_verify_window_edges_are_exact() -> None:
    query = _signed_query_at("2020-06-01T12:00:00Z")
    keys = {"AKID": "secret"}
    at = datetime(2020, 6, 1, 12, 15)
    assert mws_sign.verify(keys, "POST", "h", "/", query, now=at) == "AKID"
    with pytest.raises(mws_sign.RequestExpired):
        mws_sign.verify(keys, "POST", "h", "/", query, now=at + timedelta(microseconds=1))
    with pytest.raises(mws_sign.TimestampInFuture):
        mws_sign.verify(keys, "POST", "h", "/", query, now=datetime(2020, 6, 1, 11, 59), window_seconds=59)


def test_verify_query_as_bytes_and_lookup_forms() -> None:
    query = _signed_query_at("2020-06-01T12:00:00Z")
    now = "2020-06-01T12:00:00Z"
    for keys in [{"AKID": "secret"}, {"AKID": b"secret"}, types.MappingProxyType({"AKID": "secret"}),
                 Params([("AKID", "secret")]), lambda key_id: "secret" if key_id == "AKID" else None]:
        assert mws_sign.verify(keys, "POST", "h", "/", query.encode(), now=now) == "AKID"
    with pytest.raises(mws_sign.InvalidAccessKeyId):
        mws_sign.verify(lambda key_id: None, "POST", "h", "/", query, now=now)
    with pytest.raises(mws_sign.InvalidAccessKeyId):
        mws_sign.verify({}, "POST", "h", "/", query, now=now)
    with pytest.raises(TypeError, match="str or bytes secrets"):
        mws_sign.verify({"AKID": 7}, "POST", "h", "/", query, now=now)
    with pytest.raises(TypeError, match="query must be str or bytes"):
        mws_sign.verify({}, "POST", "h", "/", 7, now=now)  # type: ignore[arg-type]


def test_a_lookup_exception_propagates() -> None:
    def lookup(key_id: str) -> str:
        raise KeyError("vault unreachable")

    query = _signed_query_at("2020-06-01T12:00:00Z")
    with pytest.raises(KeyError, match="vault unreachable"):
        mws_sign.verify(lookup, "POST", "h", "/", query, now="2020-06-01T12:00:00Z")


# --- Content-MD5 ------------------------------------------------------------

BODY = b"<?xml version=\"1.0\"?><AmazonEnvelope>" + bytes(range(256)) * 50 + b"</AmazonEnvelope>"
BODY_MD5 = base64.b64encode(hashlib.md5(BODY).digest()).decode()


def test_content_md5_of_bytes_like() -> None:
    assert mws_sign.content_md5(b"mws") == "mA5nPbh1CSx9M3dbkr3Cyg=="
    assert mws_sign.content_md5(BODY) == BODY_MD5
    assert mws_sign.content_md5(bytearray(BODY)) == BODY_MD5
    assert mws_sign.content_md5(memoryview(BODY)) == BODY_MD5
    import array

    words = array.array("H", [1, 2, 3])
    assert mws_sign.content_md5(memoryview(words)) == base64.b64encode(hashlib.md5(words.tobytes()).digest()).decode()


def test_content_md5_of_files_reads_in_chunks(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(mws_sign, "CHUNK_SIZE", 1000)
    reads: list[int] = []

    class Recording(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            reads.append(-1 if size is None else size)
            return super().read(size)

    assert mws_sign.content_md5(Recording(BODY)) == BODY_MD5
    assert reads and all(size == 1000 for size in reads)
    assert len(reads) == len(BODY) // 1000 + 2  # the last read returns b""
    path = tmp_path / "feed.xml"
    path.write_bytes(BODY)
    with path.open("rb") as f:
        assert mws_sign.content_md5(f) == BODY_MD5
    with path.open("rb", buffering=0) as raw:
        assert mws_sign.content_md5(raw) == BODY_MD5
    assert mws_sign.content_md5(io.BytesIO(b"")) == "1B2M2Y8AsgTpgAmY7PhCfg=="


def test_content_md5_rejects_text(tmp_path: Path) -> None:
    path = tmp_path / "feed.txt"
    path.write_text("text")
    with path.open("r") as f, pytest.raises(TypeError, match="binary file"):
        mws_sign.content_md5(f)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        mws_sign.content_md5("text")  # type: ignore[arg-type]


def test_content_md5_hasher() -> None:
    hasher = mws_sign.ContentMd5Hasher()
    hasher.update(BODY[:10])
    partial = hasher.finish()
    hasher.update(BODY[10:])
    assert partial == base64.b64encode(hashlib.md5(BODY[:10]).digest()).decode()
    assert hasher.finish() == BODY_MD5


def test_access_keys_of_another_type_are_a_type_error() -> None:
    query = _signed_query_at("2020-06-01T12:00:00Z")
    with pytest.raises(TypeError, match="mapping or a callable"):
        mws_sign.verify([("AKID", "secret")], "POST", "h", "/", query, now="2020-06-01T12:00:00Z")  # type: ignore[arg-type]
