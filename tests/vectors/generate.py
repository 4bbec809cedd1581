#!/usr/bin/env python3
"""Build the project's vector files from case *inputs* written below.

Every expected output is computed by the independent reference
(tests/reference/mws_reference.py), never copied from the Rust core. Before
anything is written the reference must reproduce the published vectors
(shared/vectors/published.json) exactly, and each case states the outcome it
was built for, so a case that does not test what its name says fails here.

    python3 tests/vectors/generate.py           # (re)write tests/vectors/*.json
    python3 tests/vectors/generate.py --check   # exit 1 if any file is stale
"""

import base64
import datetime
import hashlib
import json
import re
import sys
from pathlib import Path

VECTORS = Path(__file__).resolve().parent
ROOT = VECTORS.parent.parent                       # the repository root
SHARED_PUBLISHED = ROOT.parent / "shared" / "vectors" / "published.json"
sys.path.insert(0, str(ROOT / "tests" / "reference"))
sys.dont_write_bytecode = True                     # leave no __pycache__ in the tree

import mws_reference as ref                         # noqa: E402
from mws_reference import RefError                  # noqa: E402

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


# ----------------------------------------------------------------- signing.json

def sign_case(name, rule, params, *, secret=SECRET, signature_method="HmacSHA256",
              method="POST", scheme="https", host=US, path="/"):
    out = ref.sign(secret, signature_method, method, scheme, host, path, params)
    return ordered("sign", dict(
        name="sign_" + name, source=source(rule), secret=secret,
        signature_method=signature_method, method=method, scheme=scheme, host=host,
        path=path, params=as_lists(params), **out))


def mac_case(name, rule, string_to_sign, *, secret=SECRET, signature_method="HmacSHA256"):
    return ordered("mac", dict(
        name="mac_" + name, source=source(rule), secret=secret,
        signature_method=signature_method, string_to_sign=string_to_sign,
        signature=ref.mac(secret, signature_method, string_to_sign)))


def with_signature_chars(make_params, wanted, *, start, signature_method="HmacSHA256"):
    """Step the Timestamp one second at a time from `start` (Unix ms) until the
    ListOrders signature contains every character of `wanted` (deterministic)."""
    for step in range(600):
        params = make_params(ref.format_timestamp(start + step * 1000))
        sig = ref.sign(SECRET, signature_method, "POST", "https", US, ORDERS, params)["signature"]
        if all(c in sig for c in wanted):
            return params
    raise AssertionError("no timestamp gives a signature with %r" % wanted)


def s10_params(signature_method, wanted):
    return with_signature_chars(
        lambda ts: mws_params("ListOrders", "2013-09-01", [("MarketplaceId.Id.1", "ATVPDKIKX0DER")],
                              timestamp=ts, signature_method=signature_method),
        wanted, start=ms_of("2021-03-04T05:06:07Z"), signature_method=signature_method)


def long_params(count, seed, *, families):
    stream = byte_stream(seed)
    params = []
    for i in range(1, count + 1):
        family = families[next(stream) % len(families)]
        params.append((family % i, text(stream, next(stream) % 24)))
    return scramble(params, seed)


def signing_cases():
    simple = [("Action", "GetServiceStatus"), ("Version", "2013-09-01")]
    list_orders = mws_params("ListOrders", "2013-09-01")
    cases = [
        # S1: what is signed
        sign_case("s1_stale_signature_first", "S1 a stale Signature parameter (first in the list) is ignored",
                  [("Signature", "c3RhbGU+c2lnbmF0dXJl/w==")] + list_orders, path=ORDERS),
        sign_case("s1_stale_signature_middle", "S1 a stale Signature parameter in the middle of the list is ignored",
                  list_orders[:4] + [("Signature", "old")] + list_orders[4:], path=ORDERS),
        sign_case("s1_every_auth_param_signed", "S1 every auth parameter (incl. MWSAuthToken, Expires) is signed",
                  [("AWSAccessKeyId", KEY_ID), ("Action", "GetServiceStatus"), ("SellerId", SELLER),
                   ("MWSAuthToken", TOKEN), ("SignatureMethod", "HmacSHA256"), ("SignatureVersion", "2"),
                   ("Expires", "2020-06-01T13:00:00Z"), ("Version", "2011-07-01")], path="/Sellers/2011-07-01"),
        sign_case("s1_signature_lookalike_names",
                  "S1 only the exact name Signature is skipped (signature, SignatureX, XSignature are signed)",
                  [("signature", "a"), ("SignatureX", "b"), ("XSignature", "c"), ("Signature", "d"),
                   ("SIGNATURE", "e")] + simple),
        # S2: percent-encoding
        sign_case("s2_unreserved_kept", "S2 unreserved characters A-Z a-z 0-9 - _ . ~ stay as they are",
                  [("Unreserved", "ABCXYZabcxyz0189-_.~"), ("Tilde", "~user")] + simple),
        sign_case("s2_every_printable_ascii_value", "S2 every ASCII byte 0x20-0x7E in one value",
                  [("All", "".join(map(chr, range(0x20, 0x7F))))] + simple),
        sign_case("s2_every_printable_ascii_name", "S2 every ASCII byte 0x20-0x7E in a parameter name (names are encoded too)",
                  [("k" + chr(c), chr(c)) for c in range(0x20, 0x7F)]),
        sign_case("s2_reserved_characters", "S2 reserved characters: space %20, * %2A, !'() , / + = & % # ? : encoded",
                  [("Space", "a b"), ("Star", "a*b"), ("Bang", "!'()"), ("Slash", "a/b"), ("Plus", "a+b"),
                   ("Equals", "a=b"), ("Amp", "a&b"), ("Percent", "100%"), ("Hash", "#frag"),
                   ("Question", "why?"), ("Colon", "12:00"), ("Comma", "a,b"), ("Semicolon", "a;b"),
                   ("At", "a@b"), ("Dollar", "$5"), ("Brackets", "[x]{y}")] + simple),
        sign_case("s2_already_encoded_text", "S2 values are raw text: %20 and %2B in a value are encoded again, never decoded",
                  [("Encoded", "a%20b"), ("Plus", "%2B"), ("Literal", "100%25")] + simple),
        sign_case("s2_control_characters", "S2 control characters: tab, LF, CR, 0x01, 0x1F, DEL",
                  [("Tab", "a\tb"), ("Newline", "line1\nline2"), ("Cr", "a\r\nb"), ("Soh", "\x01"),
                   ("Us", "\x1f"), ("Del", "\x7f")] + simple),
        sign_case("s2_nul_byte", "S2 a NUL byte inside a value is %00",
                  [("Nul", "a\x00b")] + simple),
        sign_case("s2_latin1", "S2 Latin-1 characters as two-byte UTF-8",
                  [("Name", "Müller"), ("City", "Zürich"), ("Street", "Straße"), ("Yuml", "ÿ"),
                   ("Nbsp", "a\u00a0b"), ("Cafe", "café")] + simple),
        sign_case("s2_utf8_boundaries", "S2 UTF-8 length boundaries U+0080 U+07FF U+0800 U+FFFD U+FFFF U+10000 U+10FFFF",
                  [("C1", "\u0080"), ("C2", "\u07ff"), ("C3", "\u0800"), ("C4", "\ufffd"),
                   ("C5", "\uffff"), ("C6", "\U00010000"), ("C7", "\U0010ffff")] + simple),
        sign_case("s2_cjk", "S2 CJK and Hangul text (three-byte UTF-8)",
                  [("Title", "日本語のタイトル"), ("Korean", "한국어"), ("Chinese", "中文商品")] + simple),
        sign_case("s2_emoji", "S2 emoji (four-byte UTF-8), a skin-tone modifier and a ZWJ sequence",
                  [("Emoji", "😀"), ("Thumb", "👍🏽"), ("Family", "👨\u200d👩\u200d👧")] + simple),
        sign_case("s2_combining_marks", "S2 combining marks are not normalized (NFD e+U+0301 differs from NFC é)",
                  [("Nfd", "e\u0301"), ("Nfc", "\u00e9"), ("Zalgo", "a\u0300\u0301\u0302")] + simple),
        sign_case("s2_names_encoded", "S2 names are encoded like values (space, /, =, &, Cyrillic, CJK)",
                  [("Name With Space", "1"), ("a/b", "2"), ("x=y", "3"), ("q&a", "4"), ("Ключ", "5"),
                   ("名前", "6")] + simple),
        # S3: sorting
        sign_case("s3_uppercase_before_lowercase", "S3 byte order: uppercase before lowercase",
                  [("action", "1"), ("Action", "2"), ("ACTION", "3"), ("aCTION", "4"), ("b", "5"),
                   ("B", "6"), ("a", "7"), ("Z", "8"), ("z", "9"), ("0", "10")]),
        sign_case("s3_prefix_order",
                  "S3 a name that is a prefix of another sorts first: ASINList.ASIN.1 < .10 < .100 < .11 < .2",
                  scramble([("ASINList.ASIN.%d" % i, "B00%07d" % i) for i in (1, 2, 10, 11, 100)], "prefix")
                  + [("ASINList", "x"), ("ASINList.ASIN", "y")] + simple),
        sign_case("s3_unencoded_bytes",
                  "S3 sort by unencoded bytes: a < 'a b' < a*b < a+b < a-b < a.b < a_b < ab < a~b < aé (encoded order differs)",
                  scramble([(n, str(i)) for i, n in enumerate(
                      ["a", "a b", "a*b", "a+b", "a-b", "a.b", "a_b", "ab", "a~b", "aé", "aZ", "a0"])], "bytes")),
        sign_case("s3_underscore_vs_letters", "S3 '_' (0x5F) sorts after uppercase and before lowercase letters",
                  scramble([("X_y", "1"), ("Xa", "2"), ("XZ", "3"), ("X0", "4"), ("X-", "5"),
                            ("X.", "6"), ("X~", "7"), ("Xz", "8")], "underscore")),
        sign_case("s3_utf8_not_utf16_order", "S3 UTF-8 byte order, not UTF-16 code units: U+FF61 sorts before U+1F600",
                  [("k\U0001F600", "1"), ("k\uff61", "2"), ("k\u00e9", "3"), ("k\u3042", "4"), ("kz", "5")]),
        sign_case("s3_case_distinct_names", "S3 names differing only in case are distinct parameters",
                  [("Marketplace", "A"), ("marketplace", "B"), ("MARKETPLACE", "C")] + simple),
        # S4
        sign_case("s4_empty_values", "S4 empty values keep the '=' (SellerOrderId=)",
                  mws_params("ListOrders", "2013-09-01", [("SellerOrderId", ""), ("BuyerEmail", ""),
                                                          ("MarketplaceId.Id.1", "ATVPDKIKX0DER")]), path=ORDERS),
        sign_case("s4_all_values_empty", "S4 every value empty",
                  [("B", ""), ("A", ""), ("c", "")]),
    ]

    # S5: host line
    for name, rule, scheme, host in [
        ("host_uppercase", "S5 host lowercased", "https", "MWS.AmazonServices.COM"),
        ("https_443_dropped", "S5 :443 dropped for https", "https", "mws.amazonservices.com:443"),
        ("http_80_dropped", "S5 :80 dropped for http", "http", "mws.amazonservices.com:80"),
        ("https_8443_kept", "S5 :8443 kept", "https", "mws.amazonservices.com:8443"),
        ("http_443_kept", "S5 :443 kept for http (not its default)", "http", "mws.amazonservices.com:443"),
        ("https_80_kept", "S5 :80 kept for https (not its default)", "https", "mws.amazonservices.com:80"),
        ("http_no_port", "S5 http without a port", "http", "mws.amazonservices.com"),
        ("scheme_uppercase", "S5/DECISIONS scheme is ASCII case-insensitive: HTTPS with :443 drops the port", "HTTPS",
         "mws.amazonservices.com:443"),
        ("port_leading_zero_default", "DECISIONS default port compared by value: :0443 dropped for https", "https",
         "mws.amazonservices.com:0443"),
        ("port_leading_zero_kept", "DECISIONS a non-default port is kept exactly as written (:08443)", "https",
         "mws.amazonservices.com:08443"),
        ("ipv4", "S5/DECISIONS IPv4 host", "https", "192.0.2.10"),
        ("ipv4_port", "S5/DECISIONS IPv4 host with a port", "http", "127.0.0.1:8080"),
        ("ipv6", "S5/DECISIONS bracketed IPv6, uppercase hex lowercased", "https", "[2001:DB8::1]"),
        ("ipv6_port", "S5/DECISIONS bracketed IPv6 with a port", "https", "[::1]:8443"),
        ("ipv6_default_port", "S5/DECISIONS bracketed IPv6, :443 dropped for https", "https", "[::1]:443"),
        ("ipv6_full", "S5/DECISIONS IPv6 with eight groups and leading zeros, kept as written", "https",
         "[2001:0DB8:0000:0000:0000:FF00:0042:8329]"),
        ("ipv6_ipv4_tail", "S5/DECISIONS IPv6 with a dotted-quad tail", "https", "[::FFFF:192.0.2.1]"),
        ("trailing_dot", "S5/DECISIONS one trailing dot allowed (kept, lowercased)", "https", "MWS.amazonservices.com."),
        ("underscore_label", "DECISIONS '_' allowed in DNS labels", "http", "mws_mock.internal:8080"),
        ("single_label", "DECISIONS a single-label name", "http", "localhost:8080"),
        ("numeric_label", "DECISIONS numeric labels are fine when not every label is numeric", "https", "123.45.example.com"),
        ("label_63", "DECISIONS a 63-byte label", "https", "a" * 63 + ".example.com"),
        ("name_253", "DECISIONS a 253-byte name", "https", ".".join(["b" * 63] * 3 + ["c" * 61])),
        ("name_253_trailing_dot", "DECISIONS the 253-byte limit excludes the root dot (found by fuzzing)", "https",
         ".".join(["b" * 63] * 3 + ["c" * 61]) + "."),
    ]:
        cases.append(sign_case("s5_" + name, rule, [("Action", "GetServiceStatus")], scheme=scheme, host=host))

    cases += [
        # S6: path line
        sign_case("s6_empty_path", "S6 empty path becomes /", simple, path=""),
        sign_case("s6_special_characters", "S6 segments encoded (space, ü, ?, #, ;, CJK), '/' kept",
                  simple, path="/a b/ü/?x/#y/;z/日本/~._-"),
        sign_case("s6_double_slash", "S6 '//' stays '//', trailing '/' kept", simple, path="//Orders//2013-09-01/"),
        sign_case("s6_percent_in_path", "S6 the path is decoded text: '%' is encoded as %25", simple, path="/a%2Fb/100%"),
        sign_case("s6_mws_products_path", "S6 a real MWS section path", simple, path=PRODUCTS),
        # S7: verb line
        sign_case("s7_post_lowercase", "S7 method signed uppercase (post)", simple, method="post"),
        sign_case("s7_get_mixed_case", "S7 method signed uppercase (Get)", simple, method="Get"),
        sign_case("s7_patch", "S7 any method of letters (PATCH)", simple, method="PATCH"),
        sign_case("s7_sixteen_letters", "S7/DECISIONS a 16-letter method", simple, method="Abcdefghijklmnop"),
        # S8
        sign_case("s8_single_parameter", "S8 string to sign layout, no trailing newline", [("A", "1")], method="GET"),
        # S9: the MAC
        sign_case("s9_hmacsha1", "S9 HmacSHA1 with SignatureMethod=HmacSHA1",
                  mws_params("ListOrders", "2013-09-01", [("MarketplaceId.Id.1", "ATVPDKIKX0DER")],
                             signature_method="HmacSHA1"), signature_method="HmacSHA1", path=ORDERS),
        sign_case("s9_unicode_secret", "S9 the secret is keyed as its UTF-8 bytes", simple,
                  secret="sécret-ключ-秘密-🔑"),
        sign_case("s9_secret_64_bytes", "S9 a secret of exactly one HMAC block (64 bytes)", simple, secret="k" * 64),
        sign_case("s9_secret_65_bytes", "S9 a secret one byte longer than the HMAC block (hashed first)", simple,
                  secret="k" * 65),
        sign_case("s9_long_secret_sha256", "S9 a 200-byte secret, HmacSHA256", simple,
                  secret=text(byte_stream("secret256"), 200)),
        sign_case("s9_long_secret_sha1", "S9 a 100-byte secret, HmacSHA1", simple, signature_method="HmacSHA1",
                  secret="0123456789" * 10),
        sign_case("s9_one_byte_secret", "S9 a one-byte secret", simple, secret="x"),
        sign_case("s9_no_auth_params_sha256", "S9 generic SigV2 use: no auth parameters at all, HmacSHA256",
                  [("Foo", "bar"), ("Baz", "qux quux")], method="GET", host="example.com", path="/api"),
        sign_case("s9_no_auth_params_sha1", "S9 generic SigV2 use: no auth parameters at all, HmacSHA1",
                  [("Foo", "bar"), ("Baz", "qux quux")], method="GET", host="example.com", path="/api",
                  signature_method="HmacSHA1"),
        # S10: Base64 + / = in the signed query
        sign_case("s10_sha256_plus_slash_equals", "S10 a HmacSHA256 signature with + / = sent as %2B %2F %3D",
                  s10_params("HmacSHA256", "+/="), path=ORDERS),
        sign_case("s10_sha1_plus_slash_equals", "S10 a HmacSHA1 signature with + / = sent as %2B %2F %3D",
                  s10_params("HmacSHA1", "+/="), signature_method="HmacSHA1", path=ORDERS),
        # Long lists
        sign_case("long_250_params", "long list: GetMyPriceForSKU with 250 parameters",
                  scramble(mws_params("GetMyPriceForSKU", "2011-10-01", [("MarketplaceId", "ATVPDKIKX0DER")])
                           + [("SellerSKUList.SellerSKU.%d" % i, text(stream, 5 + next(stream) % 26))
                              for stream in [byte_stream("sku250")] for i in range(1, 243)], "250"),
                  path=PRODUCTS),
        sign_case("long_1200_params", "long list: 1,200 parameters of mixed names and values",
                  long_params(1200, "p1200", families=["Item.%d", "item.%d", "Item.%d.Name",
                                                       "A%d", "a.b.%d", "Z_%d", "é%d"]),
                  method="GET", host="sdb.amazonaws.com", path="/"),
    ]

    # Realistic MWS requests
    feed_md5 = ref.content_md5(FEED_XML)
    cases += [
        sign_case("mws_listorders", "MWS Orders ListOrders (SellerId, no MWSAuthToken)",
                  scramble(mws_params("ListOrders", "2013-09-01", [
                      ("MarketplaceId.Id.1", "ATVPDKIKX0DER"), ("MarketplaceId.Id.2", "A2EUQ1WTGCTBG2"),
                      ("CreatedAfter", "2020-05-01T00:00:00Z"), ("OrderStatus.Status.1", "Unshipped"),
                      ("OrderStatus.Status.2", "PartiallyShipped"), ("FulfillmentChannel.Channel.1", "MFN")]),
                      "lo"), path=ORDERS),
        sign_case("mws_listorders_mwsauthtoken", "MWS Orders ListOrders with MWSAuthToken (delegated access)",
                  scramble(mws_params("ListOrders", "2013-09-01", [
                      ("MarketplaceId.Id.1", "ATVPDKIKX0DER"), ("LastUpdatedAfter", "2020-05-31T00:00:00.000Z")],
                      token=TOKEN), "lot"), path=ORDERS),
        sign_case("mws_getmatchingproductforid", "MWS Products GetMatchingProductForId with IdList.Id.1..12",
                  mws_params("GetMatchingProductForId", "2011-10-01",
                             [("MarketplaceId", "ATVPDKIKX0DER"), ("IdType", "ASIN")]
                             + [("IdList.Id.%d" % i, "B0%08d" % (i * 7919)) for i in range(1, 13)]),
                  path=PRODUCTS),
        sign_case("mws_submitfeed", "MWS Feeds SubmitFeed: POST, parameters in the URL query, ContentMD5Value signed",
                  scramble(mws_params("SubmitFeed", "2009-01-01", [
                      ("FeedType", "_POST_PRODUCT_DATA_"), ("MarketplaceIdList.Id.1", "ATVPDKIKX0DER"),
                      ("PurgeAndReplace", "false"), ("ContentMD5Value", feed_md5)],
                      seller=("Merchant", SELLER)), "feed")),
        sign_case("mws_getfeedsubmissionlist_merchant", "MWS Feeds GetFeedSubmissionList with Merchant at /Feeds/2009-01-01",
                  mws_params("GetFeedSubmissionList", "2009-01-01", [
                      ("FeedSubmissionIdList.Id.1", "50001018000"), ("FeedProcessingStatusList.Status.1", "_DONE_"),
                      ("MaxCount", "10")], seller=("Merchant", SELLER)), path="/Feeds/2009-01-01"),
        sign_case("mws_requestreport_merchant", "MWS Reports RequestReport with Merchant at /",
                  mws_params("RequestReport", "2009-01-01", [
                      ("ReportType", "_GET_FLAT_FILE_OPEN_LISTINGS_DATA_"),
                      ("StartDate", "2020-05-01T00:00:00+00:00"), ("ReportOptions", "ShowSalesChannel=true")],
                      seller=("Merchant", SELLER)), host=EU),
        sign_case("mws_createinboundshipmentplan", "MWS FulfillmentInboundShipment nested member lists",
                  scramble(mws_params("CreateInboundShipmentPlan", "2010-10-01", [
                      ("ShipFromAddress.Name", "Müller & Söhne GmbH"), ("ShipFromAddress.AddressLine1", "Hauptstraße 1"),
                      ("ShipFromAddress.City", "München"), ("ShipFromAddress.CountryCode", "DE"),
                      ("ShipFromAddress.PostalCode", "80331"),
                      ("InboundShipmentPlanRequestItems.member.1.SellerSKU", "SKU-001"),
                      ("InboundShipmentPlanRequestItems.member.1.Quantity", "10"),
                      ("InboundShipmentPlanRequestItems.member.2.SellerSKU", "SKU 002/β"),
                      ("InboundShipmentPlanRequestItems.member.2.Quantity", "3"),
                      ("InboundShipmentPlanRequestItems.member.10.SellerSKU", "SKU*010"),
                      ("InboundShipmentPlanRequestItems.member.10.Quantity", "1")]), "isp"),
                  host=EU, path="/FulfillmentInboundShipment/2010-10-01"),
        sign_case("mws_listinboundshipments", "MWS ListInboundShipments with ShipmentStatusList.member.N",
                  mws_params("ListInboundShipments", "2010-10-01",
                             [("ShipmentStatusList.member.%d" % (i + 1), s)
                              for i, s in enumerate(["WORKING", "SHIPPED", "IN_TRANSIT"])]),
                  path="/FulfillmentInboundShipment/2010-10-01"),
        sign_case("mws_listmatchingproducts_query", "MWS Products ListMatchingProducts, a free-text Query, JP host",
                  mws_params("ListMatchingProducts", "2011-10-01", [
                      ("MarketplaceId", "A1VC38T7YXB528"), ("Query", "ハリー・ポッター & the (Cursed) Child*"),
                      ("QueryContextId", "Books")]), host=JP, path=PRODUCTS),
    ]

    macs = [
        mac_case("empty_string_sha256", "S9 HMAC-SHA256 of an empty string to sign", ""),
        mac_case("empty_string_sha1", "S9 HMAC-SHA1 of an empty string to sign", "", signature_method="HmacSHA1"),
        mac_case("empty_host_line", "S9 MAC stage alone: a string to sign with an empty host line",
                 "POST\n\n/\nAction=GetServiceStatus"),
        mac_case("relative_path_line", "S9 MAC stage alone: a relative path the full signer rejects",
                 "POST\nmws-eu.amazonservices.com\nProducts/2011-10-01\nAction=ListMatchingProducts"),
        mac_case("sha1_listorders", "S9 HmacSHA1 over a ListOrders string to sign",
                 "POST\nmws.amazonservices.com\n/Orders/2013-09-01\nAWSAccessKeyId=" + KEY_ID
                 + "&Action=ListOrders&SignatureMethod=HmacSHA1&SignatureVersion=2", signature_method="HmacSHA1"),
        mac_case("unicode_secret", "S9 a secret keyed as UTF-8 bytes", "GET\nexample.com\n/\nA=1",
                 secret="pässwörd-密钥-🔐"),
        mac_case("secret_64_bytes", "S9 a 64-byte secret (exactly one block)", "GET\nexample.com\n/\nA=1",
                 secret="0123456789abcdef" * 4),
        mac_case("long_secret_sha256", "S9 a 300-byte secret, HmacSHA256", "GET\nexample.com\n/\nA=1",
                 secret="L" * 300),
        mac_case("long_secret_sha1", "S9 a 65-byte secret, HmacSHA1", "GET\nexample.com\n/\nA=1",
                 secret="S" * 65, signature_method="HmacSHA1"),
        mac_case("long_string_to_sign", "S9 a 20,000-byte string to sign",
                 ("POST\nmws.amazonservices.com\n/\n" + "&".join("P%d=%d" % (i, i * i) for i in range(1, 2000)))[:20000]),
    ]
    return cases, macs


# ------------------------------------------------------------------ reject.json

def reject_case(name, rule, error, *, secret=SECRET, signature_method="HmacSHA256", method="POST",
                scheme="https", host=US, path="/", params=(("Action", "GetServiceStatus"),)):
    try:
        ref.sign(secret, signature_method, method, scheme, host, path, params)
    except RefError as e:
        assert e.kind == error, (name, e.kind, error)
    else:
        raise AssertionError("%s: expected %s, but it signed" % (name, error))
    return ordered("reject", dict(
        name="reject_" + name, source=source(rule), secret=secret, signature_method=signature_method,
        method=method, scheme=scheme, host=host, path=path, params=as_lists(params), error=error))


def reject_cases():
    cases = []
    for name, method in [("empty", ""), ("digits", "123"), ("space", "GE T"), ("17_letters", "Abcdefghijklmnopq"),
                         ("non_ascii", "GÉT"), ("trailing_newline", "GET\n"), ("hyphen", "M-SEARCH")]:
        cases.append(reject_case("method_" + name, "S7/DECISIONS method must be 1-16 ASCII letters",
                                 "InvalidMethod", method=method))
    for name, scheme in [("ftp", "ftp"), ("empty", ""), ("trailing_space", "https "), ("ws", "wss")]:
        cases.append(reject_case("scheme_" + name, "DECISIONS scheme must be https or http",
                                 "InvalidScheme", scheme=scheme))
    bad_hosts = [
        ("empty", ""), ("space", "mws amazonservices.com"), ("slash", "mws.amazonservices.com/"),
        ("question", "mws.amazonservices.com?a=b"), ("at", "user@mws.amazonservices.com"),
        ("port_0", "mws.amazonservices.com:0"), ("port_65536", "mws.amazonservices.com:65536"),
        ("port_6_digits", "mws.amazonservices.com:000443"), ("port_abc", "mws.amazonservices.com:abc"),
        ("port_empty", "mws.amazonservices.com:"), ("port_only", ":443"),
        ("port_non_ascii_digits", "mws.amazonservices.com:\u0664\u0664\u0663"),
        ("non_ascii", "mws.amazönservices.com"), ("leading_hyphen", "-bad.example.com"),
        ("trailing_hyphen", "bad-.example.com"), ("empty_label", "a..b"), ("leading_dot", ".example.com"),
        ("two_trailing_dots", "example.com.."), ("dot_only", "."), ("label_64", "a" * 64 + ".example.com"),
        ("name_254", ".".join(["b" * 63] * 3 + ["c" * 62])), ("trailing_newline", "example.com\n"),
        ("ipv6_unclosed", "[::1"), ("ipv6_double_double_colon", "[2001:db8::1::2]"),
        ("ipv6_zone_id", "[fe80::1%25eth0]"), ("ipv6_unbracketed", "2001:db8::1"), ("ipv6_empty", "[]"),
        ("ipv6_nine_groups", "[1:2:3:4:5:6:7:8:9]"), ("ipv6_seven_groups", "[1:2:3:4:5:6:7]"),
        ("ipv6_five_hex_digits", "[12345::1]"), ("ipv6_bad_ipv4_tail", "[::ffff:1.2.3.256]"),
        ("ipv6_junk_after_bracket", "[::1]x"), ("ipv6_single_leading_colon", "[:1::2]"),
        ("ipv4_999", "999.1.1.1"), ("ipv4_three_parts", "1.2.3"), ("ipv4_leading_zero", "10.0.0.01"),
        ("ipv4_five_parts", "1.2.3.4.5"), ("all_numeric_single", "12345"),
    ]
    for name, host in bad_hosts:
        cases.append(reject_case("host_" + name, "S5/DECISIONS host grammar", "InvalidHost", host=host))
    for name, path in [("relative", "Orders/2013-09-01"), ("query", "?a=b"), ("space_first", " /")]:
        cases.append(reject_case("path_" + name, "S6/DECISIONS a non-empty path must start with /",
                                 "InvalidPath", path=path))
    cases += [
        reject_case("empty_secret", "S9 an empty secret is rejected", "EmptySecret", secret=""),
        reject_case("empty_secret_sha1", "S9 an empty secret is rejected (HmacSHA1)", "EmptySecret", secret="",
                    signature_method="HmacSHA1"),
        reject_case("empty_name", "S9 an empty parameter name", "EmptyParameterName", params=[("", "x")]),
        reject_case("empty_name_empty_value", "S9 an empty parameter name with an empty value", "EmptyParameterName",
                    params=[("Action", "X"), ("", "")]),
        reject_case("duplicate_same_value", "S9 duplicate names (same value)", "DuplicateParameter",
                    params=[("Action", "X"), ("Action", "X")]),
        reject_case("duplicate_indexed", "S9 duplicate list entry", "DuplicateParameter",
                    params=[("IdList.Id.1", "A"), ("IdList.Id.2", "B"), ("IdList.Id.1", "C")]),
        reject_case("duplicate_signature", "DECISIONS two Signature parameters are duplicates", "DuplicateParameter",
                    params=[("Action", "X"), ("Signature", "a"), ("Signature", "b")]),
        reject_case("mismatch_sha256_arg_sha1_param", "S9 SignatureMethod=HmacSHA1 but signing with HmacSHA256",
                    "SignatureMethodMismatch", params=[("SignatureMethod", "HmacSHA1")]),
        reject_case("mismatch_sha1_arg_sha256_param", "S9 SignatureMethod=HmacSHA256 but signing with HmacSHA1",
                    "SignatureMethodMismatch", signature_method="HmacSHA1", params=[("SignatureMethod", "HmacSHA256")]),
        reject_case("unsupported_method_argument_md5", "DECISIONS signature method argument HmacMD5",
                    "UnsupportedSignatureMethod", signature_method="HmacMD5"),
        reject_case("unsupported_method_argument_lowercase", "DECISIONS the argument is case-sensitive (hmacsha256)",
                    "UnsupportedSignatureMethod", signature_method="hmacsha256"),
        reject_case("unsupported_method_param_sha512", "DECISIONS SignatureMethod parameter HmacSHA512",
                    "UnsupportedSignatureMethod", params=[("SignatureMethod", "HmacSHA512")]),
        reject_case("unsupported_method_param_lowercase", "DECISIONS SignatureMethod parameter hmacsha256",
                    "UnsupportedSignatureMethod", params=[("SignatureMethod", "hmacsha256")]),
        reject_case("unsupported_method_param_empty", "DECISIONS empty SignatureMethod parameter",
                    "UnsupportedSignatureMethod", params=[("SignatureMethod", "")]),
    ]
    for name, version in [("1", "1"), ("02", "02"), ("empty", ""), ("trailing_space", "2 "), ("fullwidth", "\uff12")]:
        cases.append(reject_case("unsupported_version_" + name, "S9 SignatureVersion must be exactly 2",
                                 "UnsupportedSignatureVersion", params=[("SignatureVersion", version)]))
    # Two faults each: the first in the DECISIONS check order wins.
    order = "DECISIONS check order: "
    cases += [
        reject_case("order_method_before_host", order + "method before host", "InvalidMethod",
                    method="GE T", host="bad host"),
        reject_case("order_scheme_before_host", order + "scheme before host", "InvalidScheme",
                    scheme="ftp", host=""),
        reject_case("order_host_before_path", order + "host before path", "InvalidHost",
                    host="", path="Orders/2013-09-01"),
        reject_case("order_path_before_secret", order + "path before secret", "InvalidPath",
                    path="Orders", secret=""),
        reject_case("order_secret_before_duplicate", order + "secret before parameter names", "EmptySecret",
                    secret="", params=[("A", "1"), ("A", "2")]),
        reject_case("order_secret_before_algorithm", order + "secret before the signature method argument",
                    "EmptySecret", secret="", signature_method="HmacMD5"),
        reject_case("order_algorithm_before_names", order + "signature method argument before parameter names",
                    "UnsupportedSignatureMethod", signature_method="HmacMD5", params=[("", "x")]),
        reject_case("order_empty_name_before_duplicate", order + "any empty name before any duplicate",
                    "EmptyParameterName", params=[("A", "1"), ("A", "2"), ("", "3")]),
        reject_case("order_duplicate_before_version", order + "duplicate before SignatureVersion",
                    "DuplicateParameter", params=[("SignatureVersion", "1"), ("B", "1"), ("B", "2")]),
        reject_case("order_version_before_method_param", order + "SignatureVersion before SignatureMethod",
                    "UnsupportedSignatureVersion", params=[("SignatureMethod", "HmacSHA512"), ("SignatureVersion", "3")]),
        reject_case("order_unsupported_before_mismatch", order + "an unknown SignatureMethod is unsupported, not a mismatch",
                    "UnsupportedSignatureMethod", signature_method="HmacSHA1", params=[("SignatureMethod", "HmacSHA512")]),
    ]
    return cases


# ------------------------------------------------------------------ verify.json

NOW = "2020-06-01T12:00:00Z"
NOW_MS = ref.parse_timestamp(NOW)[0] * 1000
KEYS = {KEY_ID: SECRET, KEY_ID_2: SECRET_2}


def at(offset_ms):
    """A Timestamp offset_ms from NOW, in the signer's own form."""
    return ref.format_timestamp(NOW_MS + offset_ms)


def orders(*, timestamp=None, expires=None, signature_method="HmacSHA256", token=None, key=KEY_ID, extra=()):
    """ListOrders parameters; Timestamp defaults to NOW unless Expires is given."""
    if timestamp is None and expires is None:
        timestamp = NOW
    params = [("AWSAccessKeyId", key), ("Action", "ListOrders"), ("SellerId", SELLER)]
    if token:
        params.append(("MWSAuthToken", token))
    params += [("SignatureMethod", signature_method), ("SignatureVersion", "2")]
    if timestamp is not None:
        params.append(("Timestamp", timestamp))
    if expires is not None:
        params.append(("Expires", expires))
    return params + [("Version", "2013-09-01"), ("MarketplaceId.Id.1", "ATVPDKIKX0DER"),
                     ("CreatedAfter", "2020-05-01T00:00:00Z")] + list(extra)


def signed(params, *, secret=SECRET, method="POST", scheme="https", host=US, path=ORDERS):
    signature_method = dict(params).get("SignatureMethod", "HmacSHA256")
    return ref.sign(secret, signature_method, method, scheme, host, path, params)["signed_query"]


def pieces(query):
    return query.split("&")


def without(query, name):
    return "&".join(p for p in pieces(query) if p.partition("=")[0] != name)


def set_raw(query, name, raw_value):
    """Replace the raw (still encoded) value of one parameter."""
    return "&".join(name + "=" + raw_value if p.partition("=")[0] == name else p for p in pieces(query))


def verify_cases():
    cases = []

    def case(name, rule, expect, query, *, now=NOW, method="POST", scheme="https", host=US, path=ORDERS,
             keys=None, window=900):
        keys = KEYS if keys is None else keys
        result = ref.verify(keys, method, scheme, host, path, query, now, window)
        assert result == expect, (name, result, expect)
        cases.append(ordered("verify", dict(
            name="verify_" + name, source=source(rule), access_keys=keys, method=method, scheme=scheme,
            host=host, path=path, query=query, now=now, window_seconds=window, result=result)))

    base = signed(orders())
    # A request near NOW whose signature holds '+' and '/', so escapes %2B/%2F occur.
    with_plus_slash = with_signature_chars(lambda ts: orders(timestamp=ts), "+/", start=NOW_MS - 300_000)
    # --- ok
    case("ok_sha256_post", "§2 a valid HmacSHA256 POST", "ok", base)
    case("ok_sha1_get_second_key", "§2 a valid HmacSHA1 GET, secret looked up by a second key", "ok",
         signed(orders(signature_method="HmacSHA1", key=KEY_ID_2), secret=SECRET_2, method="GET", path=PRODUCTS),
         method="GET", path=PRODUCTS)
    case("ok_mwsauthtoken", "§2 MWSAuthToken present and signed", "ok", signed(orders(token=TOKEN)))
    spaced = signed(orders(extra=[("BuyerName", "Johnny Depp & co")]))
    case("ok_plus_for_space", "DECISIONS parsing: '+' in the received query means space", "ok",
         spaced.replace("%20", "+"))
    case("ok_lowercase_escapes", "DECISIONS parsing: %XY accepts lowercase hex (also in the Signature)", "ok",
         re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), signed(with_plus_slash)))
    case("ok_scrambled_order", "§2 parameters received in any order, Signature first", "ok",
         "&".join(sorted(pieces(base), key=lambda p: hashlib.sha256(p.encode()).digest())))
    case("ok_empty_pieces", "DECISIONS parsing: empty pieces (&&, leading and trailing &) are skipped", "ok",
         "&" + base.replace("&", "&&", 2) + "&")
    case("ok_nondefault_port", "S5 a host with a non-default port", "ok",
         signed(orders(), host=US + ":8443"), host=US + ":8443")
    case("ok_default_port_given", "S5 host received with :443 over https", "ok", base, host=US + ":443")
    case("ok_uppercase_host_lowercase_method", "S5/S7 host and method are case-normalized", "ok", base,
         host="MWS.AmazonServices.com", method="post")
    case("ok_unescaped_and_overescaped", "DECISIONS parsing: raw ':' and over-escaped unreserved bytes decode the same",
         "ok", set_raw(base, "Timestamp", NOW).replace("Action=", "%41ction=").replace("SellerId=", "Seller%49d="))
    case("ok_escaped_auth_names", "DECISIONS parsing: the auth parameters' names are judged decoded, as every name is",
         "ok", base.replace("SignatureVersion=", "%53ignatureVersion=").replace("SignatureMethod=", "Signature%4Dethod=")
         .replace("&Signature=", "&Signatur%65=").replace("AWSAccessKeyId=", "AWSAccessKey%49d="))
    case("ok_name_without_equals", "DECISIONS parsing: a piece without '=' is a name with an empty value", "ok",
         signed(orders(extra=[("SellerOrderId", "")])).replace("SellerOrderId=", "SellerOrderId"))
    case("ok_equals_in_value", "DECISIONS parsing: split on the first '=' only", "ok",
         signed(orders(extra=[("ReportOptions", "ShowSalesChannel=true")])).replace("%3D", "=", 1))
    case("ok_unicode_values", "§2 percent-encoded UTF-8 values decode and re-encode", "ok",
         signed(orders(extra=[("BuyerName", "Zoë 日本 😀")])))
    case("ok_path_special_characters", "S6 verification with a path needing encoding", "ok",
         signed(orders(), path="/a b/ü"), path="/a b/ü")
    case("ok_expires_future", "§2 Expires in the future", "ok", signed(orders(expires=at(3600_000))))
    case("ok_expires_far_future", "DECISIONS Expires has no upper bound", "ok",
         signed(orders(expires="2030-01-01T00:00:00Z")))
    case("ok_expires_equal_now", "DECISIONS Expires equal to now is accepted", "ok", signed(orders(expires=NOW)))
    for name, ts in [("z", "2020-06-01T12:00:00Z"), ("plus_00_00", "2020-06-01T12:00:00+00:00"),
                     ("plus_0000", "2020-06-01T12:00:00+0000"), ("plus_00", "2020-06-01T12:00:00+00"),
                     ("minus_07", "2020-06-01T05:00:00-07"), ("plus_05_30", "2020-06-01T17:30:00+05:30"),
                     ("minus_0330", "2020-06-01T08:30:00-0330"), ("zoneless", "2020-06-01T12:00:00"),
                     ("next_day_plus_13", "2020-06-02T01:00:00+13:00"), ("java_millis", at(-1500))]:
        case("ok_timestamp_" + name, "§2/DECISIONS Timestamp form " + ts, "ok", signed(orders(timestamp=ts)))
    for digits in range(1, 13):
        ts = "2020-06-01T12:00:00." + "123456789012"[:digits] + "Z"
        case("ok_timestamp_fraction_%d" % digits, "DECISIONS Timestamp with %d fraction digits" % digits,
             "ok", signed(orders(timestamp=ts)))
    case("ok_timestamp_fraction_60", "§2 any number of fraction digits: 60 (found by fuzzing)", "ok",
         signed(orders(timestamp="2020-06-01T12:00:00." + "0" * 60 + "Z")))
    case("ok_expires_fraction_40", "§2 any number of fraction digits in Expires: 40", "ok",
         signed(orders(expires="2020-06-01T12:10:00." + "9" * 40 + "Z")))
    case("ok_window_past_edge", "DECISIONS Timestamp exactly 900 s old is accepted", "ok",
         signed(orders(timestamp=at(-900_000))))
    case("ok_window_future_edge", "DECISIONS Timestamp exactly 900 s ahead is accepted", "ok",
         signed(orders(timestamp=at(900_000))))
    case("ok_window_edge_tenth_digit_ignored", "DECISIONS fraction digits past the ninth are ignored (900.0000000009 s ahead)",
         "ok", signed(orders(timestamp="2020-06-01T12:15:00.0000000009Z")))
    case("ok_window_edge_fractional_now", "DECISIONS exact edge with a fractional clock", "ok",
         signed(orders(timestamp="2020-06-01T11:45:00.500Z")), now="2020-06-01T12:00:00.500Z")
    case("ok_window_60", "§2 another window: 60 s old with window_seconds 60", "ok",
         signed(orders(timestamp=at(-60_000))), window=60)
    case("ok_window_0_exact", "§2 window_seconds 0: only the exact instant", "ok", base, window=0)

    # --- MalformedQuery
    for name, raw in [("bad_hex_g1", "%G1"), ("lone_percent", "abc%"), ("short_escape", "%4"),
                      ("not_utf8_ff", "%FF"), ("overlong_c0af", "%C0%AF"), ("surrogate_eda080", "%ED%A0%80"),
                      ("above_10ffff", "%F4%90%80%80"), ("truncated_sequence", "%E2%9C"),
                      ("lone_continuation", "%80")]:
        case("malformed_" + name, "§2/DECISIONS parsing: bad escape or non-UTF-8 bytes (%s)" % raw,
             "MalformedQuery", set_raw(base, "CreatedAfter", raw))
    case("malformed_in_name", "DECISIONS parsing: a bad escape in a name", "MalformedQuery", base + "&Bad%ZZ=1")
    case("malformed_short_escape_mid_query", "DECISIONS parsing: %4 followed by '&'", "MalformedQuery",
         "A=%4&" + base)

    # --- EmptyParameterName / DuplicateParameter
    case("empty_name", "DECISIONS parsing: '=x' has an empty name", "EmptyParameterName", base + "&=x")
    case("empty_name_bare_equals", "DECISIONS parsing: a bare '=' piece has an empty name", "EmptyParameterName",
         "=&" + base)
    case("duplicate_timestamp", "§2 a duplicate name", "DuplicateParameter", base + "&Timestamp=" + ref.encode(NOW))
    case("duplicate_after_decoding", "DECISIONS names compared after decoding (%41ction = Action)",
         "DuplicateParameter", base + "&%41ction=ListOrders")
    case("duplicate_signature", "DECISIONS two Signature parameters", "DuplicateParameter", base + "&Signature=x")
    order = "DECISIONS verification order: "
    case("order_malformed_before_empty_name", order + "MalformedQuery over the whole query before EmptyParameterName",
         "MalformedQuery", "=x&" + base + "&Z=%G1")
    case("order_empty_name_before_duplicate", order + "EmptyParameterName before DuplicateParameter",
         "EmptyParameterName", base + "&Action=X&=y")

    # --- MissingParameter / TimestampAndExpires
    for name in ["AWSAccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "Timestamp"]:
        case("missing_" + name, "§2 required parameter %s missing" % name, "MissingParameter", without(base, name))
    case("missing_everything", "§2 an empty query", "MissingParameter", "")
    case("timestamp_and_expires", "§2 both Timestamp and Expires", "TimestampAndExpires",
         signed(orders(timestamp=NOW, expires=at(60_000))))
    case("order_missing_before_both", order + "MissingParameter before TimestampAndExpires", "MissingParameter",
         without(signed(orders(timestamp=NOW, expires=at(60_000))), "AWSAccessKeyId"))
    case("order_duplicate_before_missing", order + "DuplicateParameter before MissingParameter", "DuplicateParameter",
         without(base, "Signature") + "&Action=X")

    # --- version / method
    case("unsupported_version_1", "§2 SignatureVersion 1", "UnsupportedSignatureVersion",
         set_raw(base, "SignatureVersion", "1"))
    case("unsupported_version_02", "DECISIONS SignatureVersion must be exactly 2", "UnsupportedSignatureVersion",
         set_raw(base, "SignatureVersion", "02"))
    case("unsupported_method_sha512", "§2 SignatureMethod HmacSHA512", "UnsupportedSignatureMethod",
         set_raw(base, "SignatureMethod", "HmacSHA512"))
    case("unsupported_method_lowercase", "DECISIONS SignatureMethod is case-sensitive", "UnsupportedSignatureMethod",
         set_raw(base, "SignatureMethod", "hmacsha256"))
    case("order_both_before_version", order + "TimestampAndExpires before SignatureVersion", "TimestampAndExpires",
         set_raw(signed(orders(timestamp=NOW, expires=NOW)), "SignatureVersion", "1"))
    case("order_version_before_method", order + "SignatureVersion before SignatureMethod",
         "UnsupportedSignatureVersion", set_raw(set_raw(base, "SignatureVersion", "3"), "SignatureMethod", "MD5"))
    case("order_method_before_time", order + "SignatureMethod before the time check", "UnsupportedSignatureMethod",
         set_raw(signed(orders(timestamp="2020-13-01T00:00:00Z")), "SignatureMethod", "HmacMD5"))

    # --- InvalidTimestamp
    for name, ts in [("month_13", "2020-13-01T12:00:00Z"), ("feb_30", "2020-02-30T12:00:00Z"),
                     ("feb_29_non_leap", "2019-02-29T12:00:00Z"), ("hour_24", "2020-06-01T24:00:00Z"),
                     ("minute_60", "2020-06-01T12:60:00Z"), ("leap_second", "2020-06-01T12:00:60Z"),
                     ("space_for_t", "2020-06-01 12:00:00Z"), ("lowercase_t", "2020-06-01t12:00:00Z"),
                     ("lowercase_z", "2020-06-01T12:00:00z"), ("short_fields", "2020-6-1T12:00:00Z"),
                     ("no_seconds", "2020-06-01T12:00Z"), ("empty_fraction", "2020-06-01T12:00:00.Z"),
                     ("zone_hour_24", "2020-06-01T12:00:00+24:00"), ("zone_minute_60", "2020-06-01T12:00:00+05:60"),
                     ("zone_one_digit", "2020-06-01T12:00:00+5"), ("zone_utc_word", "2020-06-01T12:00:00UTC"),
                     ("trailing_newline", "2020-06-01T12:00:00Z\n"), ("empty", ""), ("epoch_seconds", "1591012800")]:
        case("invalid_timestamp_" + name, "DECISIONS timestamp grammar: %r" % ts, "InvalidTimestamp",
             signed(orders(timestamp=ts)))
    case("invalid_expires", "DECISIONS an unparseable Expires", "InvalidTimestamp",
         signed(orders(expires="2020-06-31T00:00:00Z")))
    case("order_timestamp_before_key", order + "InvalidTimestamp before InvalidAccessKeyId", "InvalidTimestamp",
         signed(orders(timestamp="2020-06-01T12:00:00z", key="AKIDUNKNOWN")))

    # --- RequestExpired / TimestampInFuture
    case("expired_901s", "§2 Timestamp 901 s old", "RequestExpired", signed(orders(timestamp=at(-901_000))))
    case("expired_900_001s", "DECISIONS exact time: Timestamp 900.001 s old", "RequestExpired",
         signed(orders(timestamp=at(-900_001))))
    case("expired_fractional_now", "DECISIONS exact time with a fractional clock (900.001 s)", "RequestExpired",
         signed(orders(timestamp="2020-06-01T11:45:00.499Z")), now="2020-06-01T12:00:00.500Z")
    case("expired_window_60", "§2 another window: 61 s old with window_seconds 60", "RequestExpired",
         signed(orders(timestamp=at(-61_000))), window=60)
    case("expired_offset_zone", "§2 a zoned Timestamp 16 minutes old", "RequestExpired",
         signed(orders(timestamp="2020-06-01T04:44:00-07:00")))
    case("expires_1ms_past", "DECISIONS Expires 1 ms before now", "RequestExpired",
         signed(orders(expires=at(-1))))
    case("future_901s", "§2 Timestamp 901 s ahead", "TimestampInFuture", signed(orders(timestamp=at(901_000))))
    case("future_1ns_past_edge", "DECISIONS exact time: 900.000000001 s ahead", "TimestampInFuture",
         signed(orders(timestamp="2020-06-01T12:15:00.000000001Z")))
    case("future_zoneless_local_time", "§2 a zone-less local time is read as UTC (here 2 h ahead)",
         "TimestampInFuture", signed(orders(timestamp="2020-06-01T14:00:00")))
    case("order_expired_before_key", order + "RequestExpired before InvalidAccessKeyId", "RequestExpired",
         signed(orders(timestamp=at(-3600_000), key="AKIDUNKNOWN")))

    # --- InvalidAccessKeyId
    case("unknown_key", "§2 an unknown AWSAccessKeyId", "InvalidAccessKeyId", signed(orders(key="AKIDUNKNOWN000000000")))
    case("key_case_differs", "§2 key lookup is exact (case differs)", "InvalidAccessKeyId",
         signed(orders(key=KEY_ID.lower())))
    case("order_key_before_signature", order + "InvalidAccessKeyId before SignatureDoesNotMatch",
         "InvalidAccessKeyId", set_raw(signed(orders(key="AKIDUNKNOWN")), "Signature", "AAAA"))

    # --- signing checks inside verification
    case("invalid_host", "DECISIONS a bad host given to the verifier is InvalidHost", "InvalidHost", base,
         host="mws amazonservices.com")
    case("invalid_path", "DECISIONS a relative path given to the verifier is InvalidPath", "InvalidPath", base,
         path="Orders/2013-09-01")

    # --- SignatureDoesNotMatch
    nope = "SignatureDoesNotMatch"
    case("tampered_value", "§2 a value changed after signing", nope, set_raw(base, "CreatedAfter", "2019-01-01T00%3A00%3A00Z"))
    case("added_parameter", "§2 a parameter added after signing", nope, base + "&MaxResultsPerPage=100")
    case("removed_parameter", "§2 a parameter removed after signing", nope, without(base, "MarketplaceId.Id.1"))
    case("tampered_method", "§2 signed as POST, received as GET", nope, base, method="GET")
    case("tampered_host", "§2 signed for the US host, received at the EU host", nope, base, host=EU)
    case("tampered_path", "§2 signed for /Orders/2013-09-01, received at /", nope, base, path="/")
    case("tampered_scheme_port", "S5 signed over https with :443 (dropped), received over http (kept)", nope,
         signed(orders(), host=US + ":443"), scheme="http", host=US + ":443")
    case("wrong_secret", "§2 signed with a different secret", nope, signed(orders(), secret="not-the-secret"))
    case("other_keys_secret", "§2 signed with the second key's secret under the first key", nope,
         signed(orders(), secret=SECRET_2))
    sts = ref.string_to_sign("POST", "https", US, ORDERS, orders())
    case("signature_of_other_algorithm", "§2 a HmacSHA1 signature while SignatureMethod says HmacSHA256", nope,
         ref.canonical_query(orders()) + "&Signature=" + ref.encode(ref.mac(SECRET, "HmacSHA1", sts)))
    plus = ref.sign(SECRET, "HmacSHA256", "POST", "https", US, ORDERS, with_plus_slash)
    case("signature_plus_unescaped", "S10 a '+' in the signature sent unescaped decodes to a space", nope,
         plus["canonical_query"] + "&Signature=" + plus["signature"])
    case("signature_truncated", "§2 the signature without its padding", nope,
         set_raw(base, "Signature", ref.encode(ref.sign(SECRET, "HmacSHA256", "POST", "https", US, ORDERS,
                                                        orders())["signature"][:-1])))
    case("signature_empty", "§2 an empty Signature value", nope, set_raw(base, "Signature", ""))
    case("double_encoded_value", "§5 a value encoded twice by the client", nope,
         spaced.replace("%20", "%2520"))
    return cases


# --------------------------------------------------------------- timestamps.json

def timestamp_case(name, rule, unix_ms):
    formatted = ref.format_timestamp(unix_ms)
    # Second opinion from datetime where it can express the year (>= 0001).
    if not formatted.startswith("0000"):
        epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
        dt = epoch + datetime.timedelta(milliseconds=unix_ms)
        assert formatted == dt.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (dt.microsecond // 1000) \
            or formatted == "%04d" % dt.year + dt.strftime("-%m-%dT%H:%M:%S.") + "%03dZ" % (dt.microsecond // 1000)
    return ordered("timestamp", dict(name="timestamp_" + name, source=source(rule), unix_ms=unix_ms,
                                     formatted=formatted))


def md5_case(name, rule, body):
    return ordered("content_md5", dict(name="content_md5_" + name, source=source(rule),
                                       body_base64=base64.b64encode(body).decode("ascii"),
                                       content_md5=ref.content_md5(body)))


def timestamp_cases():
    ts = [timestamp_case(n, r, ms) for n, r, ms in [
        ("epoch", "timestamp form at the Unix epoch", 0),
        ("one_ms", "timestamp form: 1 ms", 1),
        ("one_second", "timestamp form: 1000 ms", 1000),
        ("minus_one_ms", "timestamp form: -1 ms is 1969-12-31T23:59:59.999Z", -1),
        ("minus_one_second", "timestamp form: -1000 ms", -1000),
        ("minus_1001_ms", "timestamp form: -1001 ms (floor, not truncation)", -1001),
        ("minus_one_day", "timestamp form: one day before the epoch", -86_400_000),
    ]]
    for name, iso in [("leap_day_2000", "2000-02-29T00:00:00.000Z"), ("leap_day_2024", "2024-02-29T12:34:56.789Z"),
                      ("after_non_leap_1900", "1900-03-01T00:00:00.000Z"),
                      ("after_non_leap_2100", "2100-03-01T00:00:00.000Z"),
                      ("end_of_feb_2100", "2100-02-28T23:59:59.999Z"),
                      ("end_of_year_1999", "1999-12-31T23:59:59.999Z"), ("start_of_2000", "2000-01-01T00:00:00.000Z"),
                      ("end_of_2024", "2024-12-31T23:59:59.999Z"), ("max_9999", "9999-12-31T23:59:59.999Z"),
                      ("min_0000", "0000-01-01T00:00:00.000Z"), ("year_0000_leap_day", "0000-02-29T00:00:00.000Z"),
                      ("year_0001", "0001-01-01T00:00:00.000Z"), ("spec_example", "2009-02-04T15:03:50.000Z"),
                      ("int32_overflow", "2038-01-19T03:14:08.000Z"), ("mws_shutdown", "2024-03-31T23:59:59.999Z"),
                      ("ordinary", "2020-06-01T12:34:56.007Z")]:
        ts.append(timestamp_case(name, "timestamp form: " + iso, ms_of(iso)))
    for case in ts:
        assert ms_of(case["formatted"]) == case["unix_ms"], case   # parse and format agree
    md5 = [
        md5_case("empty", "Content-MD5 of an empty body", b""),
        md5_case("mws", "Content-MD5 of 'mws'", b"mws"),
        md5_case("all_bytes", "Content-MD5 of the 256 byte values 0x00..0xFF", bytes(range(256))),
        md5_case("100kb", "Content-MD5 of a 100 KB deterministic body",
                 bytes(b for b, _ in zip(byte_stream("body"), range(100 * 1024)))),
        md5_case("utf8_xml_feed", "Content-MD5 of a UTF-8 XML feed (the body of sign_mws_submitfeed)", FEED_XML),
    ]
    return ts, md5


# ------------------------------------------------------------------- the runner

def case_failure(kind, c):
    """None when the reference reproduces case `c`, else what differs."""
    try:
        if kind == "sign":
            got = ref.sign(c["secret"], c["signature_method"], c["method"], c["scheme"], c["host"], c["path"],
                           c["params"])
            bad = [k for k in got if got[k] != c[k]]
            return "differs in " + ", ".join(bad) if bad else None
        if kind == "mac":
            return None if ref.mac(c["secret"], c["signature_method"], c["string_to_sign"]) == c["signature"] \
                else "signature differs"
        if kind == "reject":
            try:
                ref.sign(c["secret"], c["signature_method"], c["method"], c["scheme"], c["host"], c["path"],
                         c["params"])
            except RefError as e:
                return None if e.kind == c["error"] else "got " + e.kind
            return "signed instead of " + c["error"]
        if kind == "verify":
            got = ref.verify(c["access_keys"], c["method"], c["scheme"], c["host"], c["path"], c["query"],
                             c["now"], c["window_seconds"])
            return None if got == c["result"] else "got " + got
        if kind == "content_md5":
            return None if ref.content_md5(base64.b64decode(c["body_base64"])) == c["content_md5"] \
                else "digest differs"
        if kind == "timestamp":
            return None if ref.format_timestamp(c["unix_ms"]) == c["formatted"] else "formatted differs"
    except RefError as e:
        return "unexpected " + e.kind
    return "unknown kind " + kind


def failures(doc):
    return ["%s %s: %s" % (kind, c.get("name"), why)
            for kind in FIELDS for c in doc.get(kind, [])
            for why in [case_failure(kind, c)] if why]


# ------------------------------------------------------------------- the files

def document(comment, **lists):
    return dict(_comment=comment, version=1, **lists)


def build(reserved_names):
    sign, mac = signing_cases()
    ts, md5 = timestamp_cases()
    docs = {
        "signing.json": document(
            "Project signing vectors: one or more cases per rule S1-S10 of shared/spec/SIGNING.md and the host/path "
            "decisions of docs/DECISIONS.md, long parameter lists and realistic MWS requests. Expected values computed "
            "by the independent reference tests/reference/mws_reference.py via tests/vectors/generate.py (do not edit "
            "by hand). Format: shared/vectors/FORMAT.md.", sign=sign, mac=mac),
        "reject.json": document(
            "Project reject vectors: inputs the signer must refuse, at least two per error kind, plus two-fault cases "
            "pinning the check order of docs/DECISIONS.md. Generated by tests/vectors/generate.py from the independent "
            "reference; do not edit by hand. Format: shared/vectors/FORMAT.md.", reject=reject_cases()),
        "verify.json": document(
            "Project verification vectors (SIGNING.md section 2 and docs/DECISIONS.md 'Verification'): every result "
            "kind, every accepted Timestamp form, the exact window edges and the check order. Queries are built from "
            "the reference's signed query and then modified. Generated by tests/vectors/generate.py; do not edit by "
            "hand. Format: shared/vectors/FORMAT.md.", verify=verify_cases()),
        "timestamps.json": document(
            "Project vectors for the signer's timestamp form (YYYY-MM-DDTHH:MM:SS.sssZ from Unix ms; years 0000-9999) "
            "and for ContentMD5Value. Generated by tests/vectors/generate.py from the independent reference; do not "
            "edit by hand. Format: shared/vectors/FORMAT.md.", timestamp=ts, content_md5=md5),
    }
    sanity_checks(docs, reserved_names)
    return {name: json.dumps(doc, indent=1, ensure_ascii=False) + "\n" for name, doc in docs.items()}


def case_names(doc):
    return [c["name"] for kind in FIELDS for c in doc.get(kind, [])]


def sanity_checks(docs, reserved_names):
    names = [n for doc in docs.values() for n in case_names(doc)]
    dupes = sorted({n for n in names if names.count(n) > 1 or n in reserved_names})
    assert not dupes, "duplicate case names: %s" % dupes
    seen = {ch for c in docs["signing.json"]["sign"] for n, v in c["params"] for ch in n + v}
    missing = [chr(b) for b in range(0x20, 0x7F) if chr(b) not in seen]
    assert not missing, "S2: printable ASCII not covered: %r" % missing
    kinds = {c["error"] for c in docs["reject.json"]["reject"]}
    assert all(sum(c["error"] == k for c in docs["reject.json"]["reject"]) >= 2 for k in kinds)
    for name, doc in docs.items():                 # the files read back as written
        bad = failures(json.loads(json.dumps(doc)))
        assert not bad, (name, bad[:5])


def main(argv):
    if argv not in ([], ["--check"]):
        sys.stderr.write("usage: generate.py [--check]\n")
        return 2
    check = argv == ["--check"]
    local_published = VECTORS / "published.json"
    published_src = SHARED_PUBLISHED if SHARED_PUBLISHED.exists() else local_published
    published = published_src.read_bytes()
    try:
        published_doc = json.loads(published.decode("utf-8"))
        bad = failures(published_doc)
    except ValueError as e:                      # not UTF-8 / not JSON
        bad = ["cannot read the file: %s" % e]
    if bad:
        sys.stderr.write("the reference does not reproduce %s:\n  %s\n" % (published_src, "\n  ".join(bad)))
        return 2
    outputs = {name: text.encode("utf-8") for name, text in build(set(case_names(published_doc))).items()}
    if SHARED_PUBLISHED.exists():
        outputs["published.json"] = published
    elif not check:
        sys.stderr.write("note: %s absent; tests/vectors/published.json left as it is\n" % SHARED_PUBLISHED)

    if check:
        stale = [name for name, data in outputs.items()
                 if not (VECTORS / name).exists() or (VECTORS / name).read_bytes() != data]
        for name in stale:
            sys.stderr.write("stale: tests/vectors/%s (run python3 tests/vectors/generate.py)\n" % name)
        if not stale:
            print("tests/vectors: %d files up to date" % len(outputs))
        return 1 if stale else 0
    for name, data in outputs.items():
        (VECTORS / name).write_bytes(data)
        print("wrote tests/vectors/%s (%d bytes)" % (name, len(data)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
