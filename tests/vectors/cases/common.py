"""What every vector file shares: the case fields in FORMAT.md's order, fake
credentials and request pieces, and deterministic pseudo-random data."""

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]          # the repository root
sys.path.insert(0, str(ROOT / "tests" / "reference"))

import mws_reference as ref                         # noqa: E402
from mws_reference import RefError                  # noqa: E402,F401 (the case modules use it)

# Field order of every case kind (FORMAT.md), so the output is deterministic.
FIELDS = {
    "sign": ["name", "source", "secret", "signature_method", "method", "scheme",
             "host", "path", "params", "canonical_query", "string_to_sign",
             "signature", "signed_query"],
    "mac": ["name", "source", "secret", "signature_method", "string_to_sign", "signature"],
    "reject": ["name", "source", "secret", "signature_method", "method", "scheme",
               "host", "path", "params", "error"],
    "verify": ["name", "source", "access_keys", "method", "scheme", "host", "path",
               "query", "now", "window_seconds", "result"],
    "content_md5": ["name", "source", "body_base64", "content_md5"],
    "timestamp": ["name", "source", "unix_ms", "formatted"],
}

# Shared fake credentials and request pieces.
KEY_ID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "mwsSignTestSecret/K7MDENG+bPxRfiCYEXAMPLE"
KEY_ID_2 = "AKIDSECONDKEY0000002"
SECRET_2 = "second/secret+for=HmacSHA1"
SELLER = "A2SELLEREXAMPLE1"
TOKEN = "amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE"
US, EU, JP = "mws.amazonservices.com", "mws-eu.amazonservices.com", "mws.amazonservices.jp"
ORDERS, PRODUCTS = "/Orders/2013-09-01", "/Products/2011-10-01"
TS = "2020-06-01T12:34:56.000Z"
FEED_XML = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">\n'
    '<Header><DocumentVersion>1.01</DocumentVersion>'
    '<MerchantIdentifier>A2SELLEREXAMPLE1</MerchantIdentifier></Header>\n'
    '<MessageType>Product</MessageType>\n'
    '<Message><MessageID>1</MessageID><OperationType>Update</OperationType>'
    '<Product><SKU>CAFÉ-日本-42</SKU><DescriptionData>'
    '<Title>Crème brûlée torch — 50 €</Title></DescriptionData></Product></Message>\n'
    '</AmazonEnvelope>\n').encode("utf-8")


def source(rule):
    return "project vector: " + rule


def ordered(kind, case):
    return {k: case[k] for k in FIELDS[kind]}


def as_lists(params):
    return [[n, v] for n, v in params]


# ------------------------------------------------------------ deterministic data

def byte_stream(seed):
    """Endless deterministic bytes: SHA-256 in counter mode (no `random`)."""
    counter = 0
    while True:
        yield from hashlib.sha256(("%s/%d" % (seed, counter)).encode()).digest()
        counter += 1


TEXT_POOL = ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
             " -_.~!*'();:@&=+$,/?#[]%\"<>\\^`{|}\t\né ü ß 日本語 😀")


def text(stream, length):
    return "".join(TEXT_POOL[next(stream) % len(TEXT_POOL)] for _ in range(length))


def scramble(params, salt):
    """A fixed, unsorted order, so that runners really have to sort."""
    return sorted(params, key=lambda p: hashlib.sha256((salt + p[0]).encode()).digest())


def ms_of(iso):
    seconds, nanos = ref.parse_timestamp(iso)
    return seconds * 1000 + nanos // 10**6


def mws_params(action, version, extra=(), *, seller=("SellerId", SELLER), token=None,
               timestamp=TS, signature_method="HmacSHA256", key=KEY_ID):
    params = [("AWSAccessKeyId", key), ("Action", action), seller]
    if token is not None:
        params.append(("MWSAuthToken", token))
    params += [("SignatureMethod", signature_method), ("SignatureVersion", "2"),
               ("Timestamp", timestamp), ("Version", version)]
    return params + list(extra)


def with_signature_chars(make_params, wanted, *, start, signature_method="HmacSHA256"):
    """Step the Timestamp one second at a time from `start` (Unix ms) until the
    ListOrders signature contains every character of `wanted` (deterministic)."""
    for step in range(600):
        params = make_params(ref.format_timestamp(start + step * 1000))
        sig = ref.sign(SECRET, signature_method, "POST", "https", US, ORDERS, params)["signature"]
        if all(c in sig for c in wanted):
            return params
    raise AssertionError("no timestamp gives a signature with %r" % wanted)
