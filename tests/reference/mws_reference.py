"""Independent reference implementation of Amazon MWS / AWS Signature Version 2.

Written from ../shared/spec/SIGNING.md and docs/DECISIONS.md only, never from
the Rust core: it is the oracle the project's vector files are computed with
(tests/vectors/generate.py), so an error in the core cannot leak into the
expected values. Standard library only, Python 3.8+. Clarity beats speed here.

Errors are raised as RefError(kind), where kind is one of the error names of
shared/vectors/FORMAT.md; verify() returns the kind instead of raising.
"""

import base64
import hashlib
import hmac
import re

__all__ = [
    "RefError", "encode", "canonical_query", "host_line", "path_line",
    "string_to_sign", "sign", "mac", "parse_query", "verify",
    "parse_timestamp", "format_timestamp", "content_md5",
]

# SignatureMethod name -> hash constructor (S9). Names are case-sensitive.
ALGORITHMS = {"HmacSHA256": hashlib.sha256, "HmacSHA1": hashlib.sha1}


class RefError(Exception):
    """A rejected input; .kind is the FORMAT.md error name."""

    def __init__(self, kind):
        super().__init__(kind)
        self.kind = kind


# ---------------------------------------------------------------- S2: encoding

_UNRESERVED = frozenset(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")


def encode(s):
    """S2: UTF-8 bytes; unreserved bytes kept, all others %XY (uppercase hex).

    Deliberately byte by byte rather than urllib.parse.quote, whose safe set
    and defaults differ between uses (the commonest real-world bug)."""
    return "".join(chr(b) if b in _UNRESERVED else "%%%02X" % b
                   for b in s.encode("utf-8"))


# ------------------------------------------------------------ S1/S3/S4: query

def canonical_query(params):
    """S1/S3/S4: drop `Signature`, sort by the raw UTF-8 bytes of the
    *unencoded* name, join enc(name)=enc(value) with '&' ('=' always kept)."""
    kept = [(n, v) for n, v in params if n != "Signature"]
    # Sorting the bytes (not str, not the encoded form, not "name=value")
    # is the whole point of S3; the sort is stable for equal names.
    kept.sort(key=lambda p: p[0].encode("utf-8"))
    return "&".join(encode(n) + "=" + encode(v) for n, v in kept)


# ------------------------------------------------------------ S7: verb line

def _verb(method):
    # fullmatch, not match+$: '$' would accept a trailing newline.
    if not re.fullmatch(r"[A-Za-z]{1,16}", method):
        raise RefError("InvalidMethod")
    return method.upper()


# ------------------------------------------------------------ S5: host line

def _default_port(scheme):
    # isascii() first: str.lower() also folds non-ASCII letters (e.g. the
    # Kelvin sign 'K' lowers to 'k'), and only ASCII case-folding is meant.
    if scheme.isascii() and scheme.lower() == "https":
        return 443
    if scheme.isascii() and scheme.lower() == "http":
        return 80
    raise RefError("InvalidScheme")


def _is_ipv4(s):
    """Dotted quad: four labels 0-255, no leading zero unless the label is 0."""
    parts = s.split(".")
    return len(parts) == 4 and all(
        re.fullmatch(r"0|[1-9][0-9]{0,2}", p) and int(p) <= 255 for p in parts)


def _is_dns_name(s):
    if s.endswith("."):            # one trailing dot (an absolute name) allowed
        s = s[:-1]
    if not s or len(s) > 253:      # DECISIONS: the name without that dot
        return False
    labels = s.split(".")
    label = r"[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"  # 1-63, no edge '-'
    if not all(re.fullmatch(label, lab) for lab in labels):
        return False
    # An all-numeric name would be read as an address by any resolver, so it
    # has to be a real one ("999.1.1.1" and "1.2.3" are not).
    if all(re.fullmatch(r"[0-9]+", lab) for lab in labels):
        return _is_ipv4(s)
    return True


def _is_ipv6(s):
    """Inside the brackets: 1-4 hex digits per group, at most one '::', eight
    groups in all (a final dotted quad counts two); no zone id."""
    halves = s.split("::")
    if len(halves) > 2:
        return False
    groups = [g for half in halves if half for g in half.split(":")]
    count = 0
    for i, g in enumerate(groups):
        if i == len(groups) - 1 and "." in g and s.endswith(g):
            if not _is_ipv4(g):
                return False
            count += 2
        elif re.fullmatch(r"[0-9A-Fa-f]{1,4}", g):
            count += 1
        else:                       # empty group (':1', '1:'), '%zone', junk
            return False
    # '::' stands for at least one zero group.
    return count < 8 if len(halves) == 2 else count == 8


def _split_host_port(host):
    """'name[:port]' or '[v6][:port]' -> (name, port or None)."""
    if host.startswith("["):
        end = host.find("]")
        if end < 0:
            raise RefError("InvalidHost")
        name, rest = host[:end + 1], host[end + 1:]
        if rest == "":
            return name, None
        if not rest.startswith(":"):
            raise RefError("InvalidHost")
        return name, rest[1:]
    # An unbracketed IPv6 address ends up here with a junk "port": rejected.
    name, sep, port = host.partition(":")
    return name, (port if sep else None)


def host_line(scheme, host):
    """S5: validated host, ASCII-lowercased, default port (by value) dropped,
    any other port kept exactly as written."""
    default = _default_port(scheme)
    if not host.isascii():
        raise RefError("InvalidHost")
    name, port = _split_host_port(host)
    if name.startswith("["):
        ok = _is_ipv6(name[1:-1])
    else:
        ok = _is_dns_name(name)
    if port is not None:
        ok = ok and bool(re.fullmatch(r"[0-9]{1,5}", port)) and 1 <= int(port) <= 65535
    if not ok:
        raise RefError("InvalidHost")
    line = name.lower()             # ASCII only by now
    if port is not None and int(port) != default:
        line += ":" + port
    return line


# ------------------------------------------------------------ S6: path line

def path_line(path):
    """S6: empty -> '/'; otherwise must start with '/'; each segment S2-encoded,
    every '/' kept (so '//' stays '//')."""
    if path == "":
        return "/"
    if not path.startswith("/"):
        raise RefError("InvalidPath")
    return "/".join(encode(segment) for segment in path.split("/"))


# ------------------------------------------------------- S8-S10: signature

def string_to_sign(method, scheme, host, path, params):
    """S8: VERB\\nhost\\npath\\ncanonical-query (no trailing newline).
    Checks method, scheme, host, path in the DECISIONS order."""
    verb = _verb(method)
    host_part = host_line(scheme, host)
    path_part = path_line(path)
    return "\n".join([verb, host_part, path_part, canonical_query(params)])


def mac(secret, signature_method, string_to_sign):
    """S9: Base64(HMAC(secret as UTF-8, string to sign)), standard alphabet, padded."""
    if secret == "":
        raise RefError("EmptySecret")
    if signature_method not in ALGORITHMS:
        raise RefError("UnsupportedSignatureMethod")
    digest = hmac.new(secret.encode("utf-8"), string_to_sign.encode("utf-8"),
                      ALGORITHMS[signature_method]).digest()
    return base64.b64encode(digest).decode("ascii")


def _check_params(signature_method, params):
    """Steps 7-9 of the DECISIONS signing order."""
    names = [n for n, _ in params]
    if any(n == "" for n in names):           # over the whole list first
        raise RefError("EmptyParameterName")
    if len(set(names)) != len(names):         # `Signature` counts here too
        raise RefError("DuplicateParameter")
    values = dict(params)
    if "SignatureVersion" in values and values["SignatureVersion"] != "2":
        raise RefError("UnsupportedSignatureVersion")
    if "SignatureMethod" in values:
        if values["SignatureMethod"] not in ALGORITHMS:
            raise RefError("UnsupportedSignatureMethod")
        if values["SignatureMethod"] != signature_method:
            raise RefError("SignatureMethodMismatch")


def sign(secret, signature_method, method, scheme, host, path, params):
    """The whole request: every stage, checked in the DECISIONS order
    (method, scheme, host, path, secret, algorithm, names, version, method)."""
    verb = _verb(method)
    host_part = host_line(scheme, host)
    path_part = path_line(path)
    if secret == "":
        raise RefError("EmptySecret")
    if signature_method not in ALGORITHMS:
        raise RefError("UnsupportedSignatureMethod")
    params = [(n, v) for n, v in params]
    _check_params(signature_method, params)
    query = canonical_query(params)
    sts = "\n".join([verb, host_part, path_part, query])
    signature = mac(secret, signature_method, sts)
    # S10. With no parameter at all there is nothing to join to; FORMAT.md
    # does not cover that case, so no vector depends on this choice.
    signed = (query + "&" if query else "") + "Signature=" + encode(signature)
    return {"canonical_query": query, "string_to_sign": sts,
            "signature": signature, "signed_query": signed}


# ------------------------------------------------------- §2: verification

_HEX = frozenset("0123456789abcdefABCDEF")


def _percent_decode(text):
    """'+' -> space, %XY (either case) -> byte, other characters -> their UTF-8;
    then a strict UTF-8 decode (rejects overlong forms, surrogates, > U+10FFFF).
    Hand-written: urllib's unquote passes bad escapes through untouched."""
    out = bytearray()
    i = 0
    while i < len(text):
        c = text[i]
        if c == "+":
            out.append(0x20)
            i += 1
        elif c == "%":
            hx = text[i + 1:i + 3]
            if len(hx) != 2 or not set(hx) <= _HEX:
                raise RefError("MalformedQuery")
            out.append(int(hx, 16))
            i += 3
        else:
            try:
                out += c.encode("utf-8")
            except UnicodeEncodeError:        # a lone surrogate in the str
                raise RefError("MalformedQuery")
            i += 1
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        raise RefError("MalformedQuery")


def parse_query(query):
    """DECISIONS §Parsing: the whole query is decoded before names are
    checked, so a bad escape anywhere wins over an empty or duplicate name."""
    pairs = []
    for piece in query.split("&"):
        if piece == "":                      # 'a=1&&b=2', trailing '&', ''
            continue
        name, _, value = piece.partition("=")   # first '='; none -> empty value
        pairs.append((_percent_decode(name), _percent_decode(value)))
    names = [n for n, _ in pairs]
    if any(n == "" for n in names):
        raise RefError("EmptyParameterName")
    if len(set(names)) != len(names):
        raise RefError("DuplicateParameter")
    return pairs


_REQUIRED = ("AWSAccessKeyId", "Signature", "SignatureMethod", "SignatureVersion")


def _nanos(ts):
    seconds, nanos = parse_timestamp(ts)
    return seconds * 10**9 + nanos


def _verify(access_keys, method, scheme, host, path, query, now, window_seconds):
    pairs = parse_query(query)
    p = dict(pairs)
    if any(n not in p for n in _REQUIRED) or ("Timestamp" not in p and "Expires" not in p):
        raise RefError("MissingParameter")
    if "Timestamp" in p and "Expires" in p:
        raise RefError("TimestampAndExpires")
    if p["SignatureVersion"] != "2":
        raise RefError("UnsupportedSignatureVersion")
    if p["SignatureMethod"] not in ALGORITHMS:
        raise RefError("UnsupportedSignatureMethod")
    # Time: exact integer nanoseconds; both edges of the window are accepted.
    now_ns = _nanos(now)
    window_ns = window_seconds * 10**9
    if "Timestamp" in p:
        t = _nanos(p["Timestamp"])
        if t < now_ns - window_ns:
            raise RefError("RequestExpired")
        if t > now_ns + window_ns:
            raise RefError("TimestampInFuture")
    elif _nanos(p["Expires"]) < now_ns:
        raise RefError("RequestExpired")
    secret = access_keys.get(p["AWSAccessKeyId"])
    if secret is None:
        raise RefError("InvalidAccessKeyId")
    # Recompute with the received request line; sign() applies the signing
    # checks to method, scheme, host and path (a bad host -> InvalidHost).
    expected = sign(secret, p["SignatureMethod"], method, scheme, host, path, pairs)
    # Bytes, because compare_digest refuses non-ASCII str.
    if not hmac.compare_digest(expected["signature"].encode("ascii"),
                               p["Signature"].encode("utf-8")):
        raise RefError("SignatureDoesNotMatch")


def verify(access_keys, method, scheme, host, path, query, now, window_seconds):
    """§2 as a server does it: returns "ok" or the error kind."""
    try:
        _verify(access_keys, method, scheme, host, path, query, now, window_seconds)
    except RefError as e:
        return e.kind
    return "ok"


# ------------------------------------------------------------- timestamps

_TIMESTAMP = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})"
    r"(?:\.([0-9]+))?"                              # any number of digits
    r"(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?")            # Z, +HH:MM, +HHMM, +HH


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_in_month(y, m):
    return [31, 29 if _is_leap(y) else 28, 31, 30, 31, 30,
            31, 31, 30, 31, 30, 31][m - 1]


def _days_from_civil(y, m, d):
    """Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
    'days_from_civil', which counts in 400-year eras starting in March)."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil_from_days(z):
    """Inverse of _days_from_civil."""
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (m <= 2), m, d


def parse_timestamp(s):
    """DECISIONS §Timestamps -> (Unix seconds, nanoseconds 0..999999999).
    No zone means UTC; fraction digits past the ninth are ignored."""
    m = re.fullmatch(_TIMESTAMP, s)
    if not m:
        raise RefError("InvalidTimestamp")
    year, month, day, hour, minute, second = (int(g) for g in m.groups()[:6])
    fraction, zone = m.group(7), m.group(8)
    if not (1 <= month <= 12 and 1 <= day <= _days_in_month(year, month)
            and hour <= 23 and minute <= 59 and second <= 59):
        raise RefError("InvalidTimestamp")
    offset = 0
    if zone and zone != "Z":
        zh, zm = int(zone[1:3]), int(zone[3:].lstrip(":") or "0")
        if zh > 23 or zm > 59:
            raise RefError("InvalidTimestamp")
        offset = (zh * 3600 + zm * 60) * (-1 if zone[0] == "-" else 1)
    seconds = (_days_from_civil(year, month, day) * 86400
               + hour * 3600 + minute * 60 + second - offset)   # local -> UTC
    nanos = int((fraction or "")[:9].ljust(9, "0"))
    return seconds, nanos


def format_timestamp(unix_ms):
    """YYYY-MM-DDTHH:MM:SS.sssZ (UTC) from Unix milliseconds, years 0000-9999."""
    seconds, ms = divmod(unix_ms, 1000)     # floor division: -1 ms -> ...59.999
    days, sod = divmod(seconds, 86400)
    y, m, d = _civil_from_days(days)
    if not 0 <= y <= 9999:
        raise RefError("InvalidTimestamp")
    return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (
        y, m, d, sod // 3600, sod // 60 % 60, sod % 60, ms)


# ------------------------------------------------------------ MWS Content-MD5

def content_md5(body):
    """ContentMD5Value: Base64 of the raw 16-byte MD5 of the exact body bytes."""
    return base64.b64encode(hashlib.md5(body).digest()).decode("ascii")
