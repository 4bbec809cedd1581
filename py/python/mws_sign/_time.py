"""Instants as the core takes them: Unix seconds and nanoseconds.

The core never reads a clock and knows no `datetime`: this module converts
what Python callers have (a `datetime`, a number of seconds, an ISO 8601
text, or `None` for the system clock) without losing precision.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from typing import Protocol, Union

from . import _native

class BinaryReader(Protocol):
    """A binary file object: ``read(size)`` returns bytes, empty at the end."""

    def read(self, size: int = ..., /) -> bytes: ...


#: What `now` / `when` / `timestamp` accept.
Instant = Union[datetime, int, float, Decimal, Fraction, str, None]

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_NANOS = 1_000_000_000


def unix_parts(when: Instant, what: str) -> tuple[int, int]:
    """`(seconds, nanoseconds)` since the Unix epoch; `None` is now.

    A naive `datetime` is UTC and an aware one is converted; numbers are
    Unix seconds (a float rounded to the microsecond like
    `datetime.fromtimestamp`; a `Decimal` or `Fraction` exactly, to the
    nanosecond); a `str` is parsed by the core (every accepted ISO 8601 form).
    """
    if when is None:
        return divmod(time.time_ns(), _NANOS)
    if isinstance(when, datetime):
        if when.tzinfo is None or when.utcoffset() is None:
            when = when.replace(tzinfo=timezone.utc)
        delta = when - _EPOCH
        return delta.days * 86_400 + delta.seconds, delta.microseconds * 1_000
    if isinstance(when, bool):
        raise TypeError("%s must be a datetime, Unix seconds or None, not bool" % what)
    if isinstance(when, int):
        return int(when), 0
    if isinstance(when, (float, Decimal, Fraction)):
        try:
            exact = Fraction(when)
        except (ValueError, OverflowError):
            raise ValueError("%s must be a finite number of seconds" % what) from None
        if isinstance(when, float):
            # A float is about 0.2 us coarse today: round to the microsecond,
            # as datetime.fromtimestamp does, so 1591014896.007 is .007.
            secs, micros = divmod(round(exact * 1_000_000), 1_000_000)
            return secs, micros * 1_000
        return divmod(round(exact * _NANOS), _NANOS)
    if isinstance(when, str):
        return _native.parse_unix(when)
    raise TypeError(
        "%s must be a datetime, Unix seconds (int, float, Decimal, Fraction), an ISO 8601 str "
        "or None, not %s" % (what, type(when).__name__)
    )


def to_datetime(secs: int, nanos: int) -> datetime:
    """An aware UTC `datetime` (microseconds: finer digits are truncated)."""
    return _EPOCH + timedelta(seconds=secs, microseconds=nanos // 1_000)
