"""Every case of every project vector file, through the public API (by the
same checks as tests/python/run-vectors), one test per case."""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

import pytest

from conftest import VECTORS, load_runner

_runner = load_runner()


def _all_cases() -> list[Any]:
    found = []
    for path in sorted(VECTORS.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for kind, case in _runner.cases(doc):
            found.append(pytest.param(kind, case, id="%s:%s:%s" % (path.stem, kind, case.get("name"))))
    return found


CASES = _all_cases()


def test_the_vector_files_are_there() -> None:
    # 355 cases when this was written; far fewer means the files went missing.
    assert len(CASES) >= 300


@pytest.mark.parametrize("kind,case", CASES)
def test_vector(runner: ModuleType, kind: str, case: dict[str, Any]) -> None:
    assert runner.check(kind, case) == []


def test_an_unknown_case_kind_fails(runner: ModuleType) -> None:
    assert runner.check("sign_v4", {"name": "x"}) != []


def test_a_wrong_expectation_fails_at_its_stage(runner: ModuleType) -> None:
    doc = json.loads((VECTORS / "signing.json").read_text(encoding="utf-8"))
    case = dict(doc["sign"][0])
    case["string_to_sign"] += "x"
    failures = runner.check("sign", case)
    assert len(failures) == 1 and failures[0].startswith("string_to_sign:")
