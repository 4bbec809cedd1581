"""Shared helpers: where the project's files are, and an independent
reference signer (a few lines of the standard library) for expected values
that do not come from the code under test."""

from __future__ import annotations

import base64
import hashlib
import hmac
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Iterable
from urllib.parse import quote

import pytest

REPO = Path(__file__).resolve().parents[2]
VECTORS = REPO / "tests" / "vectors"
FORMAT_MD = Path(os.environ.get("MWS_SIGN_FORMAT_MD", REPO.parent / "shared" / "vectors" / "FORMAT.md"))
SIGNING_MD = REPO.parent / "shared" / "spec" / "SIGNING.md"

EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
EXAMPLE_KEY_ID = "AKIAIOSFODNN7EXAMPLE"


def load_runner() -> ModuleType:
    """tests/python/run_vectors.py, the vector runner, as a module."""
    path = REPO / "tests" / "python" / "run_vectors.py"
    spec = importlib.util.spec_from_file_location("run_vectors", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("run_vectors", module)
    spec.loader.exec_module(module)
    return module


def s2(text: str) -> str:
    """S2 percent-encoding by the standard library."""
    return quote(text.encode("utf-8"), safe="-_.~")


def ref_canonical(params: Iterable[tuple[str, str]]) -> str:
    ordered = sorted(params, key=lambda p: p[0].encode("utf-8"))
    return "&".join("%s=%s" % (s2(n), s2(v)) for n, v in ordered if n != "Signature")


def ref_mac(secret: str | bytes, string_to_sign: str, method: str = "HmacSHA256") -> str:
    key = secret.encode("utf-8") if isinstance(secret, str) else secret
    digest = hashlib.sha256 if method == "HmacSHA256" else hashlib.sha1
    return base64.b64encode(hmac.new(key, string_to_sign.encode("utf-8"), digest).digest()).decode()


def ref_sign(
    secret: str | bytes,
    method: str,
    host: str,
    path: str,
    params: Iterable[tuple[str, str]],
    signature_method: str = "HmacSHA256",
) -> str:
    """The signature of an already-normalised request (uppercase method,
    lowercase host without default port, S2-safe path)."""
    sts = "%s\n%s\n%s\n%s" % (method, host, path, ref_canonical(params))
    return ref_mac(secret, sts, signature_method)


@pytest.fixture(scope="session")
def runner() -> ModuleType:
    return load_runner()
