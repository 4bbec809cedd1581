"""The cases of reject.json: inputs the signer must refuse, at least two per
error kind, and two-fault cases pinning the order of the checks."""

from .common import RefError, SECRET, US, as_lists, ordered, ref, source


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
