# Stub of the native module built from py/src (checked against the compiled
# module with `python -m mypy.stubtest mws_sign._native`). Private: the public
# API is the package `mws_sign`, which re-exports most of this.
from typing import Callable, Final, Iterable, Mapping, Optional, Tuple, Union, final

_Params = Union[Mapping[str, str], Iterable[Tuple[str, str]]]
_Secret = Union[str, bytes]

__all__ = [
    "MwsSignError",
    "InvalidMethod",
    "InvalidScheme",
    "InvalidHost",
    "InvalidPath",
    "EmptySecret",
    "EmptyParameterName",
    "DuplicateParameter",
    "SignatureMethodMismatch",
    "UnsupportedSignatureMethod",
    "UnsupportedSignatureVersion",
    "TooManyParameters",
    "MalformedQuery",
    "MissingParameter",
    "TimestampAndExpires",
    "InvalidTimestamp",
    "RequestExpired",
    "TimestampInFuture",
    "InvalidAccessKeyId",
    "SignatureDoesNotMatch",
    "KINDS",
    "sign",
    "signed_query",
    "canonical_query",
    "string_to_sign",
    "mac",
    "Signer",
    "verify",
    "decode_query",
    "content_md5",
    "ContentMd5Hasher",
    "format_unix",
    "parse_unix",
    "marketplaces",
    "marketplace_from_code",
    "marketplace_from_id",
    "sections",
    "user_agent",
    "sign_call",
    "FORM_CONTENT_TYPE",
    "__version__",
]

__version__: Final[str]
FORM_CONTENT_TYPE: Final[str]
KINDS: Final[Tuple[str, ...]]

class MwsSignError(ValueError):
    kind: str

class InvalidMethod(MwsSignError): ...
class InvalidScheme(MwsSignError): ...
class InvalidHost(MwsSignError): ...
class InvalidPath(MwsSignError): ...
class EmptySecret(MwsSignError): ...
class EmptyParameterName(MwsSignError): ...
class DuplicateParameter(MwsSignError): ...
class SignatureMethodMismatch(MwsSignError): ...
class UnsupportedSignatureMethod(MwsSignError): ...
class UnsupportedSignatureVersion(MwsSignError): ...
class TooManyParameters(MwsSignError): ...
class MalformedQuery(MwsSignError): ...
class MissingParameter(MwsSignError): ...
class TimestampAndExpires(MwsSignError): ...
class InvalidTimestamp(MwsSignError): ...
class RequestExpired(MwsSignError): ...
class TimestampInFuture(MwsSignError): ...
class InvalidAccessKeyId(MwsSignError): ...
class SignatureDoesNotMatch(MwsSignError): ...

def sign(
    secret: _Secret,
    method: str,
    host: str,
    path: str,
    params: _Params,
    *,
    signature_method: str = "HmacSHA256",
    scheme: str = "https",
) -> str: ...
def signed_query(
    secret: _Secret,
    method: str,
    host: str,
    path: str,
    params: _Params,
    *,
    signature_method: str = "HmacSHA256",
    scheme: str = "https",
) -> str: ...
def canonical_query(params: _Params) -> str: ...
def string_to_sign(
    method: str, host: str, path: str, params: _Params, *, scheme: str = "https"
) -> str: ...
def mac(secret: _Secret, string_to_sign: str, *, signature_method: str = "HmacSHA256") -> str: ...
@final
class Signer:
    def __new__(cls, secret: _Secret, signature_method: str = "HmacSHA256") -> Signer: ...
    @property
    def signature_method(self) -> str: ...
    def sign(
        self, method: str, host: str, path: str, params: _Params, *, scheme: str = "https"
    ) -> str: ...
    def signed_query(
        self, method: str, host: str, path: str, params: _Params, *, scheme: str = "https"
    ) -> str: ...
    def mac(self, string_to_sign: str) -> str: ...

def verify(
    access_keys: Union[Mapping[str, _Secret], Callable[[str], Optional[_Secret]]],
    method: str,
    host: str,
    path: str,
    query: Union[str, bytes],
    now_secs: int,
    now_nanos: int,
    window_seconds: int,
    scheme: str,
) -> str: ...
def decode_query(query: Union[str, bytes]) -> list[Tuple[str, str]]: ...
def content_md5(data: bytes) -> str: ...
@final
class ContentMd5Hasher:
    def __new__(cls) -> ContentMd5Hasher: ...
    def update(self, data: bytes) -> None: ...
    def finish(self) -> str: ...

def format_unix(secs: int, nanos: int) -> str: ...
def parse_unix(text: str) -> Tuple[int, int]: ...
def marketplaces() -> list[Tuple[str, str, str, str]]: ...
def marketplace_from_code(code: str) -> Optional[str]: ...
def marketplace_from_id(id: str) -> Optional[str]: ...
def sections() -> list[Tuple[str, str, str, str]]: ...
def user_agent(app_name: str, app_version: str, attributes: Iterable[Tuple[str, str]]) -> str: ...
def sign_call(
    access_key_id: str,
    secret: _Secret,
    seller_id: str,
    section: str,
    action: str,
    params: _Params,
    timestamp: str,
    *,
    auth_token: Optional[str],
    content_md5: Optional[str],
    host: str,
    scheme: str,
    signature_method: str,
) -> Tuple[str, Optional[str]]: ...
