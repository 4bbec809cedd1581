#!/usr/bin/env python3
"""Writes seed inputs for every fuzz target from the vector files.

    fuzz/seed.py [VECTOR_FILE...]     (default: tests/vectors/*.json)

Inputs go to fuzz/corpus/<target>/<sha1 of the input> (the corpus directory
is not committed; scripts/checks/90-fuzz.sh runs this first). The input
format is fuzz/src/checks/input.rs: fields joined by the byte 0xFF, which
never occurs in UTF-8. Keep the two in step.
"""

import base64
import glob
import hashlib
import json
import os
import struct
import sys
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEP = b"\xff"
# Milliseconds of 0000-01-01T00:00:00.000Z: the round trip's `when` is an offset from it.
MIN_MILLIS = -62_167_219_200_000
# Fixed "style" numbers for the verify round trip: the top byte picks the
# change (0-4, see verify_query.rs), the rest the encoding choices and skew.
STYLES = [0, 0x0123456789ABCDEF, 0x02FE00FE00FE00FE, 0x033C5E1D2B4F6A80, 0x0455AA55AA55AA55]


def utf8(text):
    return text.encode("utf-8")


def number(value):
    """8 little-endian bytes; a separator byte becomes 0xFE (the number moves a little)."""
    packed = struct.pack("<Q", value & ((1 << 64) - 1))
    return packed.replace(b"\xff", b"\xfe")


def sign_fields(case):
    fields = [
        utf8(case["signature_method"]),
        utf8(case["secret"]),
        utf8(case["method"]),
        utf8(case["scheme"]),
        utf8(case["host"]),
        utf8(case["path"]),
    ]
    return fields


def pair_fields(case):
    out = []
    for name, value in case["params"]:
        out += [utf8(name), utf8(value)]
    return out


def verify_raw(case):
    params = urllib.parse.parse_qs(case["query"], keep_blank_values=True)
    keys = case["access_keys"]
    key_id = (params.get("AWSAccessKeyId") or [""])[0]
    if key_id not in keys:
        key_id = next(iter(keys), "")
    fields = [b"\x00", utf8(case["method"]), utf8(case["scheme"]), utf8(case["host"]),
              utf8(case["path"]), utf8(case["query"]), utf8(case["now"]),
              utf8(str(case["window_seconds"])), utf8(key_id), utf8(keys.get(key_id, ""))]
    return SEP.join(fields)


def c_abi_extra():
    """The c_abi modes no vector file feeds: tables and User-Agent, the MWS builder."""
    small = [b"\x04", b"DE", b"A1PA6795UKMFR9", b"Orders", number(3), number(7),
             b"MyApp", b"1.0", b"Language", b"C/99", b"Platform", b"x86_64 (Linux)"]
    call = [b"AKIAIOSFODNN7EXAMPLE", b"mwsSignTestSecret/K7MDENG+bPxRfiCYEXAMPLE", b"A2SELLEREXAMPLE1"]
    orders = [b"\x05"] + call + [b"", b"https", b"mws.amazonservices.com", b"Orders", b"ListOrders",
                                  b"2020-06-01T12:00:00.000Z", b"", b"MarketplaceId.Id.1", b"ATVPDKIKX0DER"]
    feed = [b"\x05"] + call + [b"amzn.mws.token", b"https", b"mws-eu.amazonservices.com", b"Feeds",
                                b"SubmitFeed", b"2020-06-01T12:00:00Z", b"mA5nPbh1CSx9M3dbkr3Cyg==",
                                b"FeedType", b"_POST_PRODUCT_DATA_"]
    return [SEP.join(small), SEP.join(orders), SEP.join(feed)]


def seeds(files):
    out = {"sign_differential": [], "verify_query": [], "timestamps": [], "c_abi": []}
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for case in doc.get("sign", []) + doc.get("reject", []):
            fields = sign_fields(case)
            pairs = pair_fields(case)
            out["sign_differential"].append(SEP.join(fields + pairs))
            out["c_abi"].append(SEP.join([b"\x00"] + fields + pairs))
            when = number(1_591_012_800_000 - MIN_MILLIS)  # 2020-06-01T12:00:00Z
            for style in STYLES:
                out["verify_query"].append(
                    SEP.join([b"\x01"] + fields + [when, number(style)] + pairs))
        for case in doc.get("verify", []):
            seed = verify_raw(case)
            out["verify_query"].append(seed)
            out["c_abi"].append(b"\x01" + seed[1:])
        for case in doc.get("timestamp", []):
            out["timestamps"].append(utf8(case["formatted"]))
            out["timestamps"].append(number(case["unix_ms"]))
            out["c_abi"].append(SEP.join([b"\x02", utf8(case["formatted"]), number(case["unix_ms"])]))
        for case in doc.get("content_md5", []):
            body = base64.b64decode(case["body_base64"])
            out["c_abi"].append(SEP.join([b"\x03", body, bytes([3, 1, 60])]))
    out["c_abi"] += c_abi_extra()
    for form in ["2009-02-04T15:03:50Z", "2009-02-04T15:03:50.000Z", "2009-02-04T15:03:50+00:00",
                 "2009-02-04T15:03:50+0000", "2009-02-04T08:03:50-07", "2009-02-04T15:03:50",
                 "2009-02-04T15:03:50.123456789123Z", "0000-01-01T00:00:00.000Z",
                 "9999-12-31T23:59:59.999Z", "2000-02-29T23:59:59.999-23:59"]:
        out["timestamps"].append(utf8(form))
    return out


def main(argv):
    files = argv or sorted(glob.glob(os.path.join(ROOT, "tests", "vectors", "*.json")))
    total = 0
    for target, inputs in seeds(files).items():
        directory = os.path.join(ROOT, "fuzz", "corpus", target)
        os.makedirs(directory, exist_ok=True)
        for data in inputs:
            name = hashlib.sha1(data).hexdigest()
            with open(os.path.join(directory, name), "wb") as f:
                f.write(data)
        total += len(inputs)
        print(f"seed: {len(inputs)} inputs for {target}")
    print(f"seed: {total} inputs from {len(files)} vector files")


if __name__ == "__main__":
    main(sys.argv[1:])
