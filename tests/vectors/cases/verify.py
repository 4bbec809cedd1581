"""The cases of verify.json: every verification result, every accepted
Timestamp form, the window edges and the order of the checks."""

import hashlib
import re

from .common import (EU, KEY_ID, KEY_ID_2, ORDERS, PRODUCTS, SECRET, SECRET_2, SELLER, TOKEN, US,
                     ordered, ref, source, with_signature_chars)


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
