"""The MWS layer: marketplaces, API sections, and complete signed calls.

The enum members are spelled out so that type checkers and editors know
them; every value they carry (MarketplaceId, host, path, Version, ...) comes
from the core's tables, and the tests check that both list the same members.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import Iterable, Mapping, Optional, Sequence, Tuple, Union

from . import _native, _time

_MARKETPLACES = {code: (mid, host, region) for code, mid, host, region in _native.marketplaces()}
_SECTIONS = {name: (path, version, seller) for name, path, version, seller in _native.sections()}

#: Parameters: a mapping or an iterable of ``(name, value)`` pairs.
Params = Union[Mapping[str, str], Iterable[Tuple[str, str]]]


class Marketplace(str, Enum):
    """An Amazon marketplace reachable through MWS; the value is its country code."""

    US = "US"
    CA = "CA"
    MX = "MX"
    BR = "BR"
    DE = "DE"
    ES = "ES"
    FR = "FR"
    GB = "GB"
    IT = "IT"
    NL = "NL"
    SE = "SE"
    PL = "PL"
    BE = "BE"
    TR = "TR"
    EG = "EG"
    SA = "SA"
    AE = "AE"
    IN = "IN"
    JP = "JP"
    AU = "AU"
    SG = "SG"
    CN = "CN"

    @property
    def code(self) -> str:
        """The two-letter country code, e.g. ``"DE"``."""
        return str(self.value)

    @property
    def marketplace_id(self) -> str:
        """The ``MarketplaceId``, e.g. ``"A1PA6795UKMFR9"``."""
        return _MARKETPLACES[self.value][0]

    @property
    def host(self) -> str:
        """The MWS endpoint host, e.g. ``"mws-eu.amazonservices.com"``."""
        return _MARKETPLACES[self.value][1]

    @property
    def region(self) -> str:
        """``"NA"``, ``"EU"``, ``"FE"`` or ``"CN"``."""
        return _MARKETPLACES[self.value][2]

    @classmethod
    def from_code(cls, code: str) -> "Marketplace":
        """The marketplace with this country code (case ignored; ``UK`` is ``GB``)."""
        found = _native.marketplace_from_code(code)
        if found is None:
            raise ValueError("no MWS marketplace has the country code %r" % code)
        return cls(found)

    @classmethod
    def from_id(cls, marketplace_id: str) -> "Marketplace":
        """The marketplace with this ``MarketplaceId``."""
        found = _native.marketplace_from_id(marketplace_id)
        if found is None:
            raise ValueError("no MWS marketplace has the MarketplaceId %r" % marketplace_id)
        return cls(found)


class Section(str, Enum):
    """An MWS API section; the value is its name. Every operation of a
    section shares its path and ``Version``."""

    FEEDS = "Feeds"
    REPORTS = "Reports"
    ORDERS = "Orders"
    PRODUCTS = "Products"
    SELLERS = "Sellers"
    FULFILLMENT_INBOUND_SHIPMENT = "FulfillmentInboundShipment"
    FULFILLMENT_OUTBOUND_SHIPMENT = "FulfillmentOutboundShipment"
    FULFILLMENT_INVENTORY = "FulfillmentInventory"
    RECOMMENDATIONS = "Recommendations"
    SUBSCRIPTIONS = "Subscriptions"
    FINANCES = "Finances"
    MERCHANT_FULFILLMENT = "MerchantFulfillment"
    EASY_SHIP = "EasyShip"
    SHIPMENT_INVOICING = "ShipmentInvoicing"
    CUSTOMER_INFORMATION = "CustomerInformation"
    CART_INFORMATION = "CartInformation"
    OFF_AMAZON_PAYMENTS = "OffAmazonPayments"
    OFF_AMAZON_PAYMENTS_SANDBOX = "OffAmazonPaymentsSandbox"

    @property
    def path(self) -> str:
        """The request path, e.g. ``"/Orders/2013-09-01"``."""
        return _SECTIONS[self.value][0]

    @property
    def version(self) -> str:
        """The ``Version`` parameter, e.g. ``"2013-09-01"``."""
        return _SECTIONS[self.value][1]

    @property
    def seller_parameter(self) -> str:
        """``"Merchant"`` for Feeds and Reports, ``"SellerId"`` elsewhere."""
        return _SECTIONS[self.value][2]


def _default_attributes() -> list[tuple[str, str]]:
    return [
        ("Language", "Python/%s" % platform.python_version()),
        ("Platform", "%s/%s" % (platform.system() or "unknown", platform.machine() or "unknown")),
    ]


def user_agent(
    app_name: str,
    app_version: str,
    attributes: Optional[Sequence[Tuple[str, str]]] = None,
) -> str:
    """The ``User-Agent`` MWS requires, ``AppName/AppVersion (Language=...; Key=Value)``,
    escaped by the core's rules. Without `attributes`: ``Language`` and ``Platform``
    of this interpreter."""
    attrs = _default_attributes() if attributes is None else list(attributes)
    return _native.user_agent(app_name, app_version, attrs)


@dataclass(frozen=True)
class PreparedRequest:
    """A complete signed MWS call, ready for any HTTP client:
    ``client.request(p.method, p.url, headers=p.headers, content=p.body)``."""

    #: Always ``"POST"``.
    method: str
    #: ``https://host/path``; for a feed, followed by ``?`` and the signed query.
    url: str
    #: ``User-Agent``, ``Content-Type`` and, for a feed, ``Content-MD5``.
    headers: Mapping[str, str] = field(repr=True)
    #: The signed query (form-encoded), or the feed's bytes.
    body: bytes = field(repr=False)


def prepare(
    *,
    access_key_id: str,
    secret: Union[str, bytes],
    seller_id: str,
    marketplace: Union[Marketplace, str],
    section: Union[Section, str],
    action: str,
    params: Optional[Params] = None,
    auth_token: Optional[str] = None,
    timestamp: _time.Instant = None,
    feed: Union[bytes, bytearray, memoryview, None] = None,
    feed_content_type: str = "text/xml",
    signature_method: str = "HmacSHA256",
    host: Optional[str] = None,
    scheme: str = "https",
    app_name: str = "mws-sign-python",
    app_version: str = _native.__version__,
    user_agent_attributes: Optional[Sequence[Tuple[str, str]]] = None,
) -> PreparedRequest:
    """Signs a complete MWS call.

    Adds ``AWSAccessKeyId``, ``Action``, ``SellerId`` (``Merchant`` for Feeds
    and Reports), ``MWSAuthToken`` (only when `auth_token` is given and not
    empty), ``SignatureMethod``, ``SignatureVersion``, ``Timestamp``,
    ``Version`` and, for a `feed`, ``ContentMD5Value`` to `params`, and signs
    them. Without a feed the signed query is the POST body; with one, it is
    the URL query and the feed is the body, sent with ``Content-MD5`` and
    `feed_content_type` (``text/xml``; flat files use
    ``text/tab-separated-values; charset=iso-8859-1``).

    `timestamp` is ``None`` (the system clock), a ``datetime``, Unix seconds
    or the exact ``Timestamp`` text to send. `host` and `scheme` override the
    marketplace's endpoint (a mock server, a proxy). Raises the
    :class:`MwsSignError` subclass of the first failing check; an operation
    parameter that repeats one the call sets (e.g. ``Action``) is a
    :class:`DuplicateParameter`.
    """
    market = marketplace if isinstance(marketplace, Marketplace) else Marketplace(marketplace)
    sect = section if isinstance(section, Section) else Section(section)
    if isinstance(timestamp, str):
        stamp = timestamp
    else:
        stamp = _native.format_unix(*_time.unix_parts(timestamp, "timestamp"))
    body_md5: Optional[str] = None
    feed_bytes: Optional[bytes] = None
    if feed is not None:
        feed_bytes = bytes(feed)
        body_md5 = _native.content_md5(feed_bytes)
    url, signed_body = _native.sign_call(
        access_key_id,
        secret,
        seller_id,
        sect.value,
        action,
        [] if params is None else params,
        stamp,
        auth_token=auth_token,
        content_md5=body_md5,
        host=market.host if host is None else host,
        scheme=scheme,
        signature_method=signature_method,
    )
    headers = {"User-Agent": user_agent(app_name, app_version, user_agent_attributes)}
    if signed_body is not None:
        headers["Content-Type"] = _native.FORM_CONTENT_TYPE
        body = signed_body.encode("ascii")
    else:
        # The core put the signed query in the URL: the body is the feed.
        headers["Content-Type"] = feed_content_type
        headers["Content-MD5"] = body_md5 or ""
        body = feed_bytes or b""
    return PreparedRequest("POST", url, MappingProxyType(headers), body)
