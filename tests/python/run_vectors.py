"""Runs vector files (shared/vectors/FORMAT.md) through the public API of
the Python package `mws_sign`: one line per failed case naming the stage
that differed, then ``N passed, N failed``; exit status 1 on any failure.
A case kind this runner does not know counts as failed, never skipped.

    python tests/python/run_vectors.py FILE...

`check(kind, case)` is also what the pytest suite (py/tests) runs per case.
"""

from __future__ import annotations

import base64
import json
import sys
from fractions import Fraction
from typing import Any, Callable

try:
    import mws_sign
except ImportError as e:  # pragma: no cover - a set-up problem, not a test result
    sys.exit("run-vectors: cannot import mws_sign (%s); build and install it with "
             "scripts/checks/70-python.sh" % e)

Case = dict[str, Any]


def _params(case: Case) -> list[tuple[str, str]]:
    return [(name, value) for name, value in case["params"]]


def _stage(failures: list[str], stage: str, expected: str, compute: Callable[[], str]) -> None:
    """Compares one stage; an exception is a failure of that stage."""
    try:
        got = compute()
    except Exception as e:  # noqa: BLE001 - any exception is this stage failing
        failures.append("%s: raised %s: %s" % (stage, type(e).__name__, e))
        return
    if got != expected:
        failures.append("%s: expected %r, got %r" % (stage, expected, got))


def check_sign(case: Case) -> list[str]:
    f: list[str] = []
    head = (case["method"], case["host"], case["path"])
    scheme, algo = case["scheme"], case["signature_method"]
    _stage(f, "canonical_query", case["canonical_query"],
           lambda: mws_sign.canonical_query(_params(case)))
    _stage(f, "string_to_sign", case["string_to_sign"],
           lambda: mws_sign.string_to_sign(*head, _params(case), scheme=scheme))
    _stage(f, "signature", case["signature"],
           lambda: mws_sign.sign(case["secret"], *head, _params(case),
                                 signature_method=algo, scheme=scheme))
    _stage(f, "signed_query", case["signed_query"],
           lambda: mws_sign.signed_query(case["secret"], *head, _params(case),
                                         signature_method=algo, scheme=scheme))
    return f


def check_mac(case: Case) -> list[str]:
    f: list[str] = []
    _stage(f, "signature", case["signature"],
           lambda: mws_sign.mac(case["secret"], case["string_to_sign"],
                                signature_method=case["signature_method"]))
    return f


def _kind_of(call: Callable[[], object]) -> str:
    """``ok``, or the error kind a call raised (another exception: its type)."""
    try:
        call()
    except mws_sign.MwsSignError as e:
        return e.kind
    except Exception as e:  # noqa: BLE001 - reported as what was raised instead
        return "%s(%s)" % (type(e).__name__, e)
    return "ok"


def check_reject(case: Case) -> list[str]:
    got = _kind_of(lambda: mws_sign.sign(
        case["secret"], case["method"], case["host"], case["path"], _params(case),
        signature_method=case["signature_method"], scheme=case["scheme"]))
    if got != case["error"]:
        return ["error: expected %s, got %s" % (case["error"], got)]
    return []


def check_verify(case: Case) -> list[str]:
    keys = case["access_keys"]
    signer: list[str] = []

    def call() -> None:
        signer.append(mws_sign.verify(
            keys, case["method"], case["host"], case["path"], case["query"],
            # The ISO 8601 text itself: parsed by the core, to the nanosecond.
            now=case["now"], window_seconds=case["window_seconds"], scheme=case["scheme"]))

    got = _kind_of(call)
    if got != case["result"]:
        return ["result: expected %s, got %s" % (case["result"], got)]
    if got == "ok" and signer[0] not in keys:
        return ["result: verify returned %r, not one of the known Access Key IDs" % signer[0]]
    return []


def check_content_md5(case: Case) -> list[str]:
    f: list[str] = []
    _stage(f, "content_md5", case["content_md5"],
           lambda: mws_sign.content_md5(base64.b64decode(case["body_base64"], validate=True)))
    return f


def check_timestamp(case: Case) -> list[str]:
    f: list[str] = []
    # Exact milliseconds (a Fraction, not a float that may round below them).
    _stage(f, "formatted", case["formatted"],
           lambda: mws_sign.format_timestamp(Fraction(case["unix_ms"], 1000)))
    return f


CHECKS: dict[str, Callable[[Case], list[str]]] = {
    "sign": check_sign,
    "mac": check_mac,
    "reject": check_reject,
    "verify": check_verify,
    "content_md5": check_content_md5,
    "timestamp": check_timestamp,
}


def check(kind: str, case: Case) -> list[str]:
    """The failures of one case (empty: it passed)."""
    run = CHECKS.get(kind)
    if run is None:
        return ["unknown case kind %r: not supported by this runner" % kind]
    try:
        return run(case)
    except Exception as e:  # noqa: BLE001 - a malformed case fails, it does not stop the run
        return ["case: raised %s: %s" % (type(e).__name__, e)]


def cases(doc: dict[str, Any]) -> list[tuple[str, Case]]:
    """Every case of a vector file, with its kind (lists only: `_comment`
    and `version` are not cases)."""
    return [(kind, case) for kind, value in doc.items() if isinstance(value, list) for case in value]


def main(paths: list[str]) -> int:
    if not paths:
        print("usage: run_vectors.py FILE...", file=sys.stderr)
        return 2
    passed = failed = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for kind, case in cases(doc):
            failures = check(kind, case)
            if failures:
                failed += 1
                for failure in failures:
                    print("FAIL %s %s/%s: %s" % (path, kind, case.get("name", "?"), failure))
            else:
                passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
