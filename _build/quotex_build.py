"""quotex's build backend: setuptools' own, which also asks for mypyc when a compiled build is wanted.

``QUOTEX_COMPILE=1 pip install .`` compiles the rules engine's modules with mypyc (see
``setup.py``); without it, or for an editable install, the package is pure Python.  mypyc and the
type stubs it reads are needed only then, so they are asked for only then.
"""

from __future__ import annotations

import os
from typing import Any

from setuptools import build_meta
from setuptools.build_meta import *  # noqa: F403 - every other hook as setuptools has it

#: The variable that asks for a compiled build: ``QUOTEX_COMPILE=1``.
COMPILE_ENV = "QUOTEX_COMPILE"
#: mypyc (part of mypy; the version the compiled build is tested with) and what it type-checks against.
COMPILE_REQUIRES = ["mypy>=2.4,<2.5", "attrs>=23.1", "types-regex", "types-tqdm"]


def compiling() -> bool:
    """Was a compiled build asked for?"""
    return os.environ.get(COMPILE_ENV, "") == "1"


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    extra = COMPILE_REQUIRES if compiling() else []
    return [*build_meta.get_requires_for_build_wheel(config_settings), *extra]
