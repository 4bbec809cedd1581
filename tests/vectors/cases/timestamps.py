"""The cases of timestamps.json: the signer's timestamp form and ContentMD5Value."""

import base64
import datetime

from .common import FEED_XML, byte_stream, ms_of, ordered, ref, source


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
