"""Shared test helpers: where the repository and the shared material are, and how to run the CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

#: The repository root (the directory holding ``pyproject.toml``).
REPO_ROOT = Path(__file__).resolve().parent.parent
#: The shared material (gold sets, reference scorer, news corpora): ``../shared`` next to the
#: repository, or wherever ``QUOTEX_SHARED`` points.
SHARED = Path(os.environ.get("QUOTEX_SHARED") or REPO_ROOT.parent / "shared")
#: The bundled corpus.
CORPUS = REPO_ROOT / "corpus"


def shared_path(*parts: str) -> Path:
    """A path under the shared material; the calling test is skipped when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared material next to the repository, or $QUOTEX_SHARED)")
    return path


def quotex_command() -> list[str]:
    """The installed ``quotex`` command; ``python -m quotex`` when no console script is installed."""
    script = Path(sys.executable).with_name("quotex")
    if script.exists():
        return [str(script)]
    found = shutil.which("quotex")
    if found and Path(found).parent == Path(sys.executable).parent:
        return [found]
    return [sys.executable, "-m", "quotex"]


def run_quotex(*args: str | os.PathLike[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the ``quotex`` command in a subprocess and capture its output as text."""
    env = dict(os.environ)
    command = quotex_command()
    if command[0] == sys.executable:
        # not installed: run the package from this checkout
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return subprocess.run(
        [*command, *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


@pytest.fixture
def quotex_cli():
    """``run_quotex``, as a fixture."""
    return run_quotex
