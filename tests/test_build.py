"""The two builds: compiled with mypyc (the default), and pure Python when ``QUOTEX_COMPILE=0`` asks for it."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

import quotex

BACKEND = Path(__file__).resolve().parent.parent / "_build" / "quotex_build.py"


def _backend() -> ModuleType:
    pytest.importorskip("setuptools", reason="the build backend is setuptools' own, and setuptools is not installed")
    spec = importlib.util.spec_from_file_location("quotex_build", BACKEND)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_in_use_is_the_one_asked_for() -> None:
    """CI sets QUOTEX_EXPECT_BUILD for each of its runs, so a run cannot test the wrong build."""
    expected = os.environ.get("QUOTEX_EXPECT_BUILD")
    if expected is None:
        pytest.skip("QUOTEX_EXPECT_BUILD is not set: the tests run against whichever build is imported")
    assert expected in ("pure", "compiled")
    assert ("compiled" if quotex.compiled() else "pure") == expected


# (older setuptools call their pyproject.toml support a beta, with a warning that is no concern here)
@pytest.mark.filterwarnings("ignore:Support for `\\[tool.setuptools\\]`")
def test_mypyc_is_asked_for_only_for_a_compiled_build(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = _backend()
    monkeypatch.chdir(BACKEND.parent.parent)  # the backend reads setup.py from where it runs
    monkeypatch.delenv("QUOTEX_COMPILE", raising=False)
    default = backend.get_requires_for_build_wheel()
    assert any(r.startswith("mypy") for r in default)
    monkeypatch.setenv("QUOTEX_COMPILE", "0")
    pure = backend.get_requires_for_build_wheel()
    assert not any(r.startswith("mypy") for r in pure)
    assert set(pure) < set(default)
    monkeypatch.setenv("QUOTEX_COMPILE", "1")
    assert backend.get_requires_for_build_wheel() == default
