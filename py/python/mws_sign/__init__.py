"""Exact, fast signer and verifier for Amazon MWS requests (AWS Signature Version 2).

Every signature is computed by the project's Rust core (``mws-sign``), the
same code the C and JavaScript bindings use, through the private native
module ``mws_sign._native``; this package only converts Python values.

    >>> import mws_sign
    >>> mws_sign.sign("secret", "POST", "mws.amazonservices.com", "/",
    ...               [("Action", "GetServiceStatus"), ("SignatureVersion", "2")])
    'jdyl/7i4GT4zSeaDObkvjYDa+8tZOqV3A7W6+rlUxcQ='

Conventions: text is ``str`` (secrets may also be ``bytes``); parameters are
a mapping or an iterable of ``(name, value)`` pairs of ``str`` (anything else
is a ``TypeError``, never converted with ``str()``); every signing or
verification failure raises the subclass of :class:`MwsSignError` (a
``ValueError``) named after its kind, e.g. :class:`InvalidHost`, whose
``.kind`` is that name. Secrets never appear in a ``repr``, a message or a
traceback.
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable, Mapping, Union

from . import _native, _time
from ._mws import Marketplace, PreparedRequest, Section, prepare, user_agent
from ._native import (
    FORM_CONTENT_TYPE,
    KINDS,
    ContentMd5Hasher,
    DuplicateParameter,
    EmptyParameterName,
    EmptySecret,
    InvalidAccessKeyId,
    InvalidHost,
    InvalidMethod,
    InvalidPath,
    InvalidScheme,
    InvalidTimestamp,
    MalformedQuery,
    MissingParameter,
    MwsSignError,
    RequestExpired,
    SignatureDoesNotMatch,
    SignatureMethodMismatch,
    Signer,
    TimestampAndExpires,
    TimestampInFuture,
    TooManyParameters,
    UnsupportedSignatureMethod,
    UnsupportedSignatureVersion,
    canonical_query,
    mac,
    sign,
    signed_query,
    string_to_sign,
)
from ._time import Instant

__version__: str = _native.__version__

#: A secret: a ``str`` (signed as its UTF-8) or ``bytes``.
Secret = Union[str, bytes]

#: How `verify` finds a secret: a mapping from Access Key ID to secret, or a
#: callable returning the secret or ``None`` when the ID is unknown.
AccessKeys = Union[Mapping[str, Secret], Callable[[str], Union[Secret, None]]]

#: How many bytes `content_md5` reads from a file object at a time.
CHUNK_SIZE = 1 << 20


def verify(
    access_keys: AccessKeys,
    method: str,
    host: str,
    path: str,
    query: Union[str, bytes],
    *,
    now: Instant = None,
    window_seconds: int = 900,
    scheme: str = "https",
) -> str:
    """Verifies a received request and returns the Access Key ID that signed it.

    `query` is the raw query string or form body exactly as received;
    `host` the ``Host`` header; `path` the decoded path of the request URI.
    `now` is the verifier's clock: a ``datetime`` (naive means UTC), Unix
    seconds, an ISO 8601 ``str``, or ``None`` for the system clock. Raises
    the :class:`MwsSignError` subclass of the first failing check
    (:class:`MalformedQuery`, :class:`MissingParameter`,
    :class:`RequestExpired`, :class:`InvalidAccessKeyId`,
    :class:`SignatureDoesNotMatch`, ...); an exception raised by a lookup
    callable propagates as is.
    """
    secs, nanos = _time.unix_parts(now, "now")
    return _native.verify(
        access_keys, method, host, path, query, secs, nanos, window_seconds, scheme
    )


def content_md5(data: Union[bytes, bytearray, memoryview, _time.BinaryReader]) -> str:
    """Base64 of the MD5 of the exact bytes of a body (SubmitFeed's ``ContentMD5Value``).

    `data` is bytes-like, or a binary file object, read in chunks of
    `CHUNK_SIZE` bytes through the incremental hasher (never whole into
    memory).
    """
    if isinstance(data, bytes):
        return _native.content_md5(data)
    hasher = ContentMd5Hasher()
    if isinstance(data, (bytearray, memoryview)):
        view = memoryview(data).cast("B")
        for start in range(0, len(view), CHUNK_SIZE):
            hasher.update(bytes(view[start : start + CHUNK_SIZE]))
        return hasher.finish()
    read = getattr(data, "read", None)
    if not callable(read):
        raise TypeError(
            "content_md5 needs bytes, bytearray, memoryview or a binary file object, not %s"
            % type(data).__name__
        )
    while True:
        chunk = read(CHUNK_SIZE)
        if not isinstance(chunk, (bytes, bytearray, memoryview)):
            raise TypeError(
                "content_md5 needs a binary file (opened with 'rb'); read() gave %s"
                % type(chunk).__name__
            )
        if not chunk:
            return hasher.finish()
        hasher.update(bytes(chunk))


def format_timestamp(when: Instant = None) -> str:
    """The signer's ``Timestamp`` form, ``YYYY-MM-DDTHH:MM:SS.sssZ`` (UTC).

    `when` is a ``datetime`` (naive means UTC), Unix seconds, or ``None``
    for the system clock; milliseconds are kept, finer digits truncated.
    Raises :class:`InvalidTimestamp` outside the years 0000-9999.
    """
    return _native.format_unix(*_time.unix_parts(when, "when"))


def parse_timestamp(text: str) -> datetime:
    """Parses every ``Timestamp`` form clients sent (``Z``, ``+00:00``,
    ``+0000``, ``-07``, no zone = UTC, any fraction digits) into an aware UTC
    ``datetime`` (microseconds: finer digits are truncated). Raises
    :class:`InvalidTimestamp` for any other text.
    """
    return _time.to_datetime(*_native.parse_unix(text))


__all__ = [
    "AccessKeys",
    "CHUNK_SIZE",
    "ContentMd5Hasher",
    "DuplicateParameter",
    "EmptyParameterName",
    "EmptySecret",
    "FORM_CONTENT_TYPE",
    "Instant",
    "InvalidAccessKeyId",
    "InvalidHost",
    "InvalidMethod",
    "InvalidPath",
    "InvalidScheme",
    "InvalidTimestamp",
    "KINDS",
    "MalformedQuery",
    "Marketplace",
    "MissingParameter",
    "MwsSignError",
    "PreparedRequest",
    "RequestExpired",
    "Secret",
    "Section",
    "SignatureDoesNotMatch",
    "SignatureMethodMismatch",
    "Signer",
    "TimestampAndExpires",
    "TimestampInFuture",
    "TooManyParameters",
    "UnsupportedSignatureMethod",
    "UnsupportedSignatureVersion",
    "__version__",
    "canonical_query",
    "content_md5",
    "format_timestamp",
    "mac",
    "parse_timestamp",
    "prepare",
    "sign",
    "signed_query",
    "string_to_sign",
    "user_agent",
    "verify",
]
