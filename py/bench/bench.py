"""Times mws_sign against the Python SigV2 signers people use for MWS.

On the three requests of shared/bench/workloads.json (orders: 10 parameters;
products: values that need encoding; bulk: 200 long SKUs), in one process,
interleaved (round-robin over the implementations, several rounds, median):

- ``mws_sign.sign(...)`` and a pre-keyed ``mws_sign.Signer(...).sign(...)``;
- botocore's ``SigV2Auth.calc_signature`` (the generic SigV2 signer of the
  AWS SDK) on an ``AWSRequest``;
- python-amazon-mws 0.6 (the ``python-amazon-mws`` package on PyPI): its
  signing lines, see ``amazon_mws_signer`` below;
- the standard library's ``hmac.new(key, string_to_sign, sha256).digest()``
  of the ready-made string to sign: the floor for any Python code that does
  the canonicalization itself.

Every implementation's output is checked against the workload's expected
signature before it is timed. Install the pinned requirements first
(``py/bench/run`` does it all in a fresh venv):

    python py/bench/bench.py [--rounds N] [--workloads FILE]
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import statistics
import sys
import timeit
from pathlib import Path
from typing import Any, Callable
from urllib.parse import quote

import mws_sign

REPO = Path(__file__).resolve().parents[2]
DEFAULT_WORKLOADS = REPO.parent / "shared" / "bench" / "workloads.json"

# Each factory takes a workload case and returns (call, check): `call` runs
# one signature; `check` tells whether its result is the expected one.
Factory = Callable[[dict[str, Any]], tuple[Callable[[], object], Callable[[object], bool]]]


def pairs(case: dict[str, Any]) -> list[tuple[str, str]]:
    return [(name, value) for name, value in case["params"]]


def mws_sign_sign(case: dict[str, Any]) -> tuple[Callable[[], object], Callable[[object], bool]]:
    sign = mws_sign.sign
    args = (case["secret"], case["method"], case["host"], case["path"], pairs(case))
    return (lambda: sign(*args)), (lambda out: out == case["signature"])


def mws_sign_signer(case: dict[str, Any]) -> tuple[Callable[[], object], Callable[[object], bool]]:
    sign = mws_sign.Signer(case["secret"]).sign
    args = (case["method"], case["host"], case["path"], pairs(case))
    return (lambda: sign(*args)), (lambda out: out == case["signature"])


def botocore_sigv2(case: dict[str, Any]) -> tuple[Callable[[], object], Callable[[object], bool]]:
    from botocore.auth import SigV2Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    auth = SigV2Auth(Credentials("AKIAIOSFODNN7EXAMPLE", case["secret"]))
    request = AWSRequest(
        method=case["method"], url="https://%s%s" % (case["host"], case["path"])
    )
    params = dict(pairs(case))
    calc = auth.calc_signature
    return (lambda: calc(request, params)), (lambda out: out[1] == case["signature"])  # type: ignore[index]


# python-amazon-mws 0.6, the latest release on PyPI, is Python 2 code (`except
# HTTPError, e:`), so it cannot be imported here. What it does to sign is
# these lines of mws/mws.py (MWS.make_request and MWS.calc_signature); the
# function below runs them on Python 3 with only the Python 2 idioms
# replaced (urllib.quote -> urllib.parse.quote, str -> bytes for hmac).
# `amazon_mws_source_check` makes sure the installed package still has them.
AMAZON_MWS_LINES = [
    "request_description = '&'.join(['%s=%s' % (k, urllib.quote(params[k], safe='-_.~')"
    ".encode('utf-8')) for k in sorted(params)])",
    "sig_data = method + '\\n' + self.domain.replace('https://', '').lower() + '\\n' "
    "+ self.uri + '\\n' + request_description",
    "return base64.b64encode(hmac.new(str(self.secret_key), sig_data, hashlib.sha256).digest())",
]


def amazon_mws_source_check() -> str:
    """The installed python-amazon-mws version, after checking its signing lines."""
    import importlib.metadata
    import importlib.util

    spec = importlib.util.find_spec("mws")
    if spec is None or spec.origin is None:
        raise SystemExit("python-amazon-mws is not installed (pip install -r py/bench/requirements.txt)")
    source = (Path(spec.origin).parent / "mws.py").read_text(encoding="utf-8")
    for line in AMAZON_MWS_LINES:
        if line not in source:
            raise SystemExit("python-amazon-mws no longer has the line: " + line)
    return importlib.metadata.version("python-amazon-mws")


def amazon_mws_signer(case: dict[str, Any]) -> tuple[Callable[[], object], Callable[[object], bool]]:
    secret_key = case["secret"]
    domain = "https://" + case["host"]
    uri = case["path"]
    method = case["method"]
    params = dict(pairs(case))

    def calc() -> str:
        request_description = "&".join(
            ["%s=%s" % (k, quote(params[k], safe="-_.~")) for k in sorted(params)]
        )
        sig_data = method + "\n" + domain.replace("https://", "").lower() + "\n" + uri + "\n" + request_description
        return base64.b64encode(
            hmac.new(secret_key.encode("utf-8"), sig_data.encode("utf-8"), hashlib.sha256).digest()
        ).decode("ascii")

    return calc, (lambda out: out == case["signature"])


def stdlib_hmac(case: dict[str, Any]) -> tuple[Callable[[], object], Callable[[object], bool]]:
    key = case["secret"].encode("utf-8")
    message = case["string_to_sign"].encode("utf-8")
    new, sha256 = hmac.new, hashlib.sha256
    expected = base64.b64decode(case["signature"])
    return (lambda: new(key, message, sha256).digest()), (lambda out: out == expected)


IMPLEMENTATIONS: list[tuple[str, Factory]] = [
    ("mws_sign", mws_sign_sign),
    ("mws_sign.Signer", mws_sign_signer),
    ("botocore", botocore_sigv2),
    ("python-amazon-mws", amazon_mws_signer),
    ("stdlib hmac", stdlib_hmac),
]


def calibrate(call: Callable[[], object], seconds: float) -> int:
    """A call count that takes about `seconds`."""
    number = 1
    while True:
        elapsed = timeit.timeit(call, number=number)
        if elapsed >= seconds / 10 or number >= 1 << 24:
            return max(1, int(number * seconds / max(elapsed, 1e-9)))
        number *= 10


def run(workloads: Path, rounds: int, seconds: float) -> int:
    cases = json.loads(workloads.read_text(encoding="utf-8"))["sign"]
    print("python %s, mws_sign %s, botocore %s, python-amazon-mws %s"
          % (sys.version.split()[0], mws_sign.__version__, botocore_version(), amazon_mws_source_check()))
    print("%d interleaved rounds; ns per signature: median; x mws_sign: median of the per-round ratios" % rounds)
    print()
    header = "%-9s %-19s %12s %9s" % ("workload", "implementation", "ns/call", "x mws_sign")
    print(header)
    print("-" * len(header))
    ratios: list[str] = []
    wrong = 0
    for case in cases:
        calls = []
        for name, factory in IMPLEMENTATIONS:
            call, check = factory(case)
            if not check(call()):
                print("%-9s %-19s gives a WRONG signature" % (case["name"], name))
                wrong += 1
                continue
            calls.append((name, call, calibrate(call, seconds)))
        samples: dict[str, list[float]] = {name: [] for name, _, _ in calls}
        for _ in range(rounds):
            for name, call, number in calls:
                samples[name].append(timeit.timeit(call, number=number) / number * 1e9)
        medians = {name: statistics.median(values) for name, values in samples.items()}
        base = samples.get("mws_sign")
        for name, ns in medians.items():
            # The ratio is the median of the per-round ratios: each round
            # times every implementation back to back, so a machine whose
            # load drifts during the run (a shared one) skews both sides alike.
            factor = statistics.median(a / b for a, b in zip(samples[name], base)) if base else None
            print("%-9s %-19s %12.0f %9s" % (case["name"], name, ns, "-" if factor is None else "%.1f" % factor))
            if factor is not None and name != "mws_sign":
                ratios.append("ratio %s %s/mws_sign = %.1f" % (case["name"], name, factor))
        print()
    for line in ratios:
        print(line)
    return 1 if wrong else 0


def botocore_version() -> str:
    import botocore

    return str(botocore.__version__)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=31)
    parser.add_argument("--seconds", type=float, default=0.005, help="time per measurement")
    parser.add_argument("--workloads", type=Path, default=DEFAULT_WORKLOADS)
    args = parser.parse_args()
    return run(args.workloads, args.rounds, args.seconds)


if __name__ == "__main__":
    sys.exit(main())
