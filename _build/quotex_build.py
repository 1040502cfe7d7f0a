"""quotex's build backend: setuptools' own, which asks for mypyc only when a compiled build is asked for.

``pip install .`` builds pure Python and needs nothing beyond setuptools: no C compiler, no download
at build time.  ``QUOTEX_COMPILE=1 pip install .`` (and the release wheels, see
``[tool.cibuildwheel]`` in pyproject.toml) compiles the rules engine's modules with mypyc (see
``setup.py``); only then are mypyc and the type stubs it reads asked for, for the build only.  An
editable install is always pure Python.
"""

from __future__ import annotations

import os
from typing import Any

from setuptools import build_meta
from setuptools.build_meta import *  # noqa: F403 - every other hook as setuptools has it

#: The variable that asks for the compiled build: ``QUOTEX_COMPILE=1``.
COMPILE_ENV = "QUOTEX_COMPILE"
#: The values of it that ask for the compiled build; anything else (or nothing) is pure Python.
YES = frozenset({"1", "true", "yes", "on"})
#: mypyc (part of mypy; the version the compiled build is tested with) and what it type-checks against.
COMPILE_REQUIRES = ["mypy>=2.4,<2.5", "attrs>=23.1", "types-regex", "types-tqdm"]


def compiling() -> bool:
    """Is a compiled build wanted?  Only when ``QUOTEX_COMPILE=1`` asks for it."""
    return os.environ.get(COMPILE_ENV, "").strip().lower() in YES


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    extra = COMPILE_REQUIRES if compiling() else []
    return [*build_meta.get_requires_for_build_wheel(config_settings), *extra]
