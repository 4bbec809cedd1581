"""Which mws_sign is under test: the check script sets MWS_SIGN_EXPECT_INSTALLED
when it runs this suite against the built wheel in a fresh venv, so a stray
source tree on sys.path cannot stand in for the wheel."""

import os
import sys
from pathlib import Path

import pytest

import mws_sign
import mws_sign._native


@pytest.mark.skipif(not os.environ.get("MWS_SIGN_EXPECT_INSTALLED"), reason="not testing an installed wheel")
def test_the_installed_wheel_is_under_test() -> None:
    package = Path(mws_sign.__file__).resolve()
    native = Path(mws_sign._native.__file__).resolve()
    assert "site-packages" in package.parts, package
    assert native.parent == package.parent
    assert native.name.endswith(".abi3.so"), native.name
    assert Path(sys.prefix).resolve() in package.parents


def test_typing_files_ship_with_the_package() -> None:
    root = Path(mws_sign.__file__).parent
    assert (root / "py.typed").is_file()
    assert (root / "_native.pyi").is_file()


def test_importing_needs_neither_requests_nor_httpx() -> None:
    import subprocess

    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('requests', 'httpx'):\n"
        "            raise ImportError('blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import mws_sign\n"
        "print(mws_sign.sign('k', 'GET', 'h', '/', {}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert len(out.stdout.strip()) == 44


def test_every_public_name_exists() -> None:
    missing = [name for name in mws_sign.__all__ if not hasattr(mws_sign, name)]
    assert missing == []
    assert mws_sign.__version__ == mws_sign._native.__version__
