#!/usr/bin/env python3
"""Writes a copy of a vector file in which every case expects something wrong.

Used to prove that each runner can fail: run over the output, it must report
every case as failed. `--count FILE` prints how many cases the file has.
"""
import json
import sys

# The output each case kind is judged by; the first one present is changed.
EXPECTED = ["signature", "string_to_sign", "error", "result", "content_md5", "formatted"]


def spoil(case):
    for field in EXPECTED:
        if field in case:
            value = case[field]
            # A different error kind or result, or a changed last character.
            if field in ("error", "result"):
                case[field] = "SignatureDoesNotMatch" if value == "ok" else "ok"
            else:
                case[field] = value[:-1] + ("A" if value[-1:] != "A" else "B")
            return
    raise SystemExit("a case has no expected output: %r" % case.get("name"))


def main(argv):
    count = argv[1:2] == ["--count"]
    path = argv[-1]
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    cases = [c for k, v in doc.items() if isinstance(v, list) for c in v]
    if count:
        print(len(cases))
        return
    for case in cases:
        spoil(case)
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv)
