"""The cases of signing.json: one or more per rule S1-S10 of SIGNING.md and per
host/path decision, long parameter lists, realistic MWS requests, and MAC cases."""

from .common import (EU, FEED_XML, JP, KEY_ID, ORDERS, PRODUCTS, SECRET, SELLER, TOKEN, US,
                     as_lists, byte_stream, ms_of, mws_params, ordered, ref, scramble, source,
                     text, with_signature_chars)


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
