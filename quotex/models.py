"""Where the Stanza models live, whether they are complete, and loading them once per process.

Nothing here imports Stanza or torch until a pipeline is actually loaded (or downloaded), so
``import quotex`` and building an ``Extractor`` stay cheap.  The directory is, in order: the one
the caller passes (``Extractor(models_dir=...)``, ``--models``), ``$QUOTEX_STANZA_DIR``, then
Stanza's own default (``$STANZA_RESOURCES_DIR`` or its cache directory; the older
``~/stanza_resources`` when only that one holds models).
"""

from __future__ import annotations

import functools
import importlib.util
import json
import logging
import os
import threading
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import attrs

from quotex.errors import Errors, QuotexError

log = logging.getLogger(__name__)

#: The environment variable naming the models directory.
ENV_VAR = "QUOTEX_STANZA_DIR"
LANG = "en"
#: What the parser stage needs, in pipeline order; ``ner`` is added when the directory has it.
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
OPTIONAL = ("ner",)
LEGACY_DIR = Path("~/stanza_resources")


class ParserNotInstalledError(QuotexError, ImportError):
    """Stanza (or torch) is not installed, so the parser engine cannot run (``[E402]``)."""

    def __init__(self) -> None:
        super().__init__(Errors.E402())


class ModelsNotFoundError(QuotexError, FileNotFoundError):
    """The models directory, its ``resources.json`` or some model files are missing (``[E401]``)."""

    def __init__(self, directory: Path, missing: Sequence[str]) -> None:
        listed = ", ".join(missing[:8]) + (" ..." if len(missing) > 8 else "")
        super().__init__(Errors.E401(directory=directory, listed=listed, env_var=ENV_VAR))
        self.directory = directory
        self.missing = tuple(missing)


@functools.cache
def stanza_installed() -> bool:
    """Are Stanza and torch importable?  (Checked without importing them, once per process.)"""
    return all(importlib.util.find_spec(name) is not None for name in ("stanza", "torch"))


def require_stanza() -> None:
    """Raise ``ParserNotInstalledError`` unless Stanza and torch can be imported."""
    if not stanza_installed():
        raise ParserNotInstalledError()


def stanza_default_dir() -> Path:
    """Stanza's own default resources directory, computed as Stanza does but without importing it."""
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return Path(env).expanduser()
    try:
        from platformdirs import user_cache_dir  # a dependency of Stanza

        version = metadata.version("stanza")
        cache = Path(user_cache_dir("stanza", "StanfordNLP", version)) / "resources"
    except (ImportError, metadata.PackageNotFoundError):
        cache = None
    legacy = LEGACY_DIR.expanduser()
    if cache is None or (not (cache / "resources.json").exists() and (legacy / "resources.json").exists()):
        return legacy
    return cache


def resolve_dir(models_dir: str | os.PathLike[str] | None = None) -> Path:
    """The models directory to use: the argument, ``$QUOTEX_STANZA_DIR``, or Stanza's default."""
    if models_dir is not None:
        return Path(models_dir).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return stanza_default_dir()


@attrs.frozen
class ModelSet:
    """What a models directory holds for the parser stage."""

    directory: Path
    #: the processors to load, in pipeline order (``ner`` only when its files are all there)
    processors: tuple[str, ...]
    #: the files the processors need, relative to ``directory``
    files: tuple[str, ...]
    #: needed files (or ``resources.json``) that are not there
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def has_ner(self) -> bool:
        return "ner" in self.processors


def _packages(lang_res: dict[str, Any], processor: str) -> list[str]:
    """The default package(s) of a processor, as Stanza picks them for ``package="default"``."""
    chosen = lang_res.get("packages", {}).get("default", {}).get(processor)
    if chosen is None:
        chosen = lang_res.get("default_processors", {}).get(processor)
    if chosen is None:
        return []
    return [chosen] if isinstance(chosen, str) else list(chosen)


def _files_for(lang_res: dict[str, Any], processor: str) -> list[str] | None:
    """Relative paths of the model files of one processor and of what it depends on."""
    packages = _packages(lang_res, processor)
    if not packages:
        return None
    out = []
    for package in packages:
        out.append(f"{LANG}/{processor}/{package}.pt")
        for dep in lang_res.get(processor, {}).get(package, {}).get("dependencies", []) or []:
            out.append(f"{LANG}/{dep['model']}/{dep['package']}.pt")
    return out


def inspect(models_dir: str | os.PathLike[str] | None = None) -> ModelSet:
    """Look at a models directory without loading anything: which processors, which files, what is missing."""
    directory = resolve_dir(models_dir)
    resources = directory / "resources.json"
    if not directory.is_dir():
        return ModelSet(directory, PROCESSORS, (), (f"{directory} (no such directory)",))
    try:
        data = json.loads(resources.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ModelSet(directory, PROCESSORS, (), ("resources.json",))
    except (OSError, ValueError) as exc:
        return ModelSet(directory, PROCESSORS, (), (f"resources.json (unreadable: {exc})",))
    lang_res = data.get(LANG, {}) if isinstance(data, dict) else {}
    while isinstance(lang_res, dict) and "alias" in lang_res:
        lang_res = data.get(lang_res["alias"], {})
    files: list[str] = []
    missing: list[str] = []
    for processor in PROCESSORS:
        needed = _files_for(lang_res, processor)
        if needed is None:
            missing.append(f"{LANG}/{processor}/ (not listed in resources.json)")
            continue
        files.extend(f for f in needed if f not in files)
    missing.extend(f for f in files if not (directory / f).is_file())
    processors = list(PROCESSORS)
    for processor in OPTIONAL:
        needed = _files_for(lang_res, processor)
        if needed and all((directory / f).is_file() for f in needed):
            processors.append(processor)
            files.extend(f for f in needed if f not in files)
    return ModelSet(directory, tuple(processors), tuple(files), tuple(missing))


def check(models_dir: str | os.PathLike[str] | None = None) -> ModelSet:
    """The model set of a directory; raises ``ModelsNotFoundError`` naming what is missing."""
    found = inspect(models_dir)
    if found.missing:
        raise ModelsNotFoundError(found.directory, found.missing)
    return found


def available(models_dir: str | os.PathLike[str] | None = None) -> bool:
    """Can the parser engine run: Stanza installed and the models complete?"""
    return stanza_installed() and inspect(models_dir).complete


# --------------------------------------------------------------------------- loading

_PIPELINES: dict[tuple[str, tuple[str, ...]], Any] = {}
_LOCK = threading.Lock()
#: Longest sentence (in characters) handed to the parser; longer ones are left to the rules.
MAX_SENTENCE_CHARS = 400


def load_pipeline(models_dir: str | os.PathLike[str] | None = None) -> Any:
    """The Stanza pipeline for a models directory, built once per process and cached.

    Loads with an explicit processor list and ``download_method=None`` (no network), and sets
    torch to one thread: quotex parallelises across processes, not inside one.

    Raises:
        ParserNotInstalledError: Stanza or torch is not installed.
        ModelsNotFoundError: the directory lacks ``resources.json`` or model files.
    """
    require_stanza()
    found = check(models_dir)
    key = (str(found.directory.resolve()), found.processors)
    with _LOCK:
        nlp = _PIPELINES.get(key)
        if nlp is None:
            import stanza
            import torch

            torch.set_num_threads(1)
            log.info("loading Stanza models from %s (%s)", found.directory, ",".join(found.processors))
            nlp = stanza.Pipeline(
                LANG,
                dir=str(found.directory),
                processors=",".join(found.processors),
                download_method=None,
                tokenize_no_ssplit=True,  # quotex hands over one sentence at a time
                use_gpu=False,
                logging_level="WARN",
            )
            _PIPELINES[key] = nlp
    return nlp


def download(
    models_dir: str | os.PathLike[str] | None = None, *, ner: bool = False
) -> ModelSet:
    """Download Stanza's English models for the parser stage into a directory (needs internet).

    Args:
        models_dir: where to put them; ``None`` uses the same directory that loading would use.
        ner: also fetch the named-entity model (larger); when present, source mentions are
            never cut inside a name it found.

    Returns:
        The model set now in the directory.

    Raises:
        ParserNotInstalledError: Stanza is not installed.
    """
    require_stanza()
    import stanza

    directory = resolve_dir(models_dir)
    processors = ",".join(PROCESSORS + (OPTIONAL if ner else ()))
    stanza.download(LANG, model_dir=str(directory), processors=processors, package="default")
    return inspect(directory)
