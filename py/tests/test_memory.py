"""Memory safety of module set-up under CPython's debug allocator, which
fills freed memory: PyO3 0.30.1's `PyErr::new_type` frees the class dict
before using it unless the caller keeps a reference (see py/src/errors.rs),
which crashed interpreters at import or in a later garbage collection."""

import os
import subprocess
import sys

CODE = """
import gc, mws_sign
for kind in mws_sign.KINDS:
    try:
        raise getattr(mws_sign, kind)("x")
    except mws_sign.MwsSignError as e:
        assert e.kind == kind
for _ in range(200):
    gc.collect()
    mws_sign.Signer("k").sign("GET", "h", "/", {"a": "b"})
print("ok")
"""


def test_import_and_exceptions_under_the_debug_allocator() -> None:
    env = dict(os.environ, PYTHONMALLOC="debug")
    for _ in range(3):
        out = subprocess.run([sys.executable, "-X", "dev", "-c", CODE], env=env,
                             capture_output=True, text=True, check=False)
        assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-2000:]
