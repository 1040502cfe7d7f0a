"""quotex's build backend: setuptools' own, which also asks for mypyc for the compiled build.

``pip install .`` compiles the rules engine's modules with mypyc (see ``setup.py``), and falls
back to the pure-Python package where it cannot (no C compiler); ``QUOTEX_COMPILE=0`` asks for
pure Python, and an editable install is always pure Python.  mypyc and the type stubs it reads
are needed only for a compiled build, so they are asked for only then.
"""

from __future__ import annotations

import os
from typing import Any

from setuptools import build_meta
from setuptools.build_meta import *  # noqa: F403 - every other hook as setuptools has it

#: The variable that asks for the pure-Python build instead: ``QUOTEX_COMPILE=0``.
COMPILE_ENV = "QUOTEX_COMPILE"
#: mypyc (part of mypy; the version the compiled build is tested with) and what it type-checks against.
COMPILE_REQUIRES = ["mypy>=2.4,<2.5", "attrs>=23.1", "types-regex", "types-tqdm"]


def compiling() -> bool:
    """Is a compiled build wanted?  Yes, unless ``QUOTEX_COMPILE=0`` says otherwise."""
    return os.environ.get(COMPILE_ENV, "1").strip() != "0"


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    extra = COMPILE_REQUIRES if compiling() else []
    return [*build_meta.get_requires_for_build_wheel(config_settings), *extra]
