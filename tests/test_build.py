"""The two builds: pure Python (the default), and compiled with mypyc when ``QUOTEX_COMPILE=1`` asks for it."""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

import quotex

BACKEND = Path(__file__).resolve().parent.parent / "_build" / "quotex_build.py"
#: What a build from source reads.
BUILD_INPUTS = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "_build", "quotex")


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
    assert not any(r.startswith("mypy") for r in default)
    for value in ("0", "", "no"):
        monkeypatch.setenv("QUOTEX_COMPILE", value)
        assert backend.get_requires_for_build_wheel() == default
    monkeypatch.setenv("QUOTEX_COMPILE", "1")
    compiled = backend.get_requires_for_build_wheel()
    assert any(r.startswith("mypy") for r in compiled)
    assert set(default) < set(compiled)


def test_the_compiled_modules_exist() -> None:
    """setup.py stops a compiled build on a module in COMPILED that is not there; this finds it sooner."""
    root = BACKEND.parent.parent
    listed = re.search(r"^COMPILED = (\[.*?\])$", (root / "setup.py").read_text(encoding="utf-8"), re.M | re.S)
    assert listed is not None, "setup.py has no COMPILED list"
    names = ast.literal_eval(listed.group(1))
    assert names and len(set(names)) == len(names)
    missing = [name for name in names if not (root / "quotex" / f"{name.replace('.', '/')}.py").is_file()]
    assert not missing, f"setup.py's COMPILED lists modules that do not exist: {missing}"


def _setuptools_builds_wheels() -> bool:
    """Can the setuptools installed here build a wheel by itself (70.1 and later; before, with ``wheel``)?"""
    try:
        version = importlib.metadata.version("setuptools")
    except importlib.metadata.PackageNotFoundError:
        return False
    major, minor = (int(part) if part.isdigit() else 0 for part in [*version.split("."), "0"][:2])
    return (major, minor) >= (70, 1) or importlib.util.find_spec("wheel") is not None


def test_a_build_from_source_is_pure_python_without_a_compiler_or_an_index(tmp_path: Path) -> None:
    """``pip install .`` needs no C compiler and nothing from a package index, and says nothing of it."""
    if not _setuptools_builds_wheels():
        pytest.skip("needs setuptools 70.1 or later here to build without isolation (pip install '.[test]')")
    root = BACKEND.parent.parent
    source = tmp_path / "src"
    for name in BUILD_INPUTS:
        if (root / name).is_dir():
            shutil.copytree(root / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.so"))
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(root / name, source / name)
    env = {key: value for key, value in os.environ.items() if key != "QUOTEX_COMPILE"}
    env.update(CC="/bin/false", CXX="/bin/false", PIP_NO_INDEX="1")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-v", "--no-build-isolation", "--no-deps", "-w", str(tmp_path / "out"),
         str(source)],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    log = built.stdout + built.stderr
    assert built.returncode == 0, log[-3000:]
    assert "quotex: building pure" not in log  # pure Python is what was asked for: no warning
    (wheel,) = (tmp_path / "out").glob("quotex-*.whl")
    assert wheel.name.endswith("-py3-none-any.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert not [name for name in names if name.endswith((".so", ".pyd"))]
    assert "quotex/py.typed" in names and "quotex/data/report_verbs.txt" in names
