"""Walking the command line's inputs: directories of ``.txt`` files, ``.txt`` files, JSONL files.

Documents are yielded one at a time, in input order, so a corpus is never held in memory. A bad
input (an unreadable file, a file that is not UTF-8, a broken JSONL line) becomes an
``InputDoc`` carrying an error instead of a text, and the walk goes on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

#: Files read as one JSON object a line; every other file is read as one plain-text document.
JSONL_SUFFIXES = (".jsonl",)
#: Files picked up when a directory is walked.
TEXT_GLOB = "*.txt"


@attrs.frozen
class InputDoc:
    """One input document: its id and either its text or the reason it could not be read."""

    id: str
    text: str | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def iter_inputs(paths: Iterable[str | os.PathLike[str]]) -> Iterator[InputDoc]:
    """Yield the documents of every path, in the order given.

    Args:
        paths: directories (every ``*.txt`` below, recursively, in sorted order; id = the path
            relative to the directory, with ``/`` separators), ``.jsonl`` files (one
            ``{"id": ..., "text": ...}`` object a line, other keys ignored; id = the line's id)
            or other files (one plain-text document each; id = the file name).

    Yields:
        One ``InputDoc`` per document, with ``error`` set where the document could not be read.
        A path that does not exist yields one error document whose id is the path as given.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from iter_directory(path)
        elif not path.exists() and not path.is_symlink():
            yield InputDoc(id=os.fspath(raw), error=f"[E101] no such file or directory: {os.fspath(raw)}")
        elif path.suffix.lower() in JSONL_SUFFIXES:
            yield from iter_jsonl(path)
        else:
            yield read_text_file(path, path.name)


def iter_directory(root: Path) -> Iterator[InputDoc]:
    """Yield every ``*.txt`` file below ``root``, sorted by relative path."""
    # Only the names are listed up front; each text is read when its turn comes.
    relative = sorted(p.relative_to(root).as_posix() for p in root.rglob(TEXT_GLOB) if not p.is_dir())
    for rel in relative:
        yield read_text_file(root / rel, rel)


def read_text_file(path: Path, doc_id: str) -> InputDoc:
    """Read one UTF-8 text file (a leading byte-order mark is dropped) as one document."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return InputDoc(id=doc_id, error=f"[E102] cannot read {path}: {exc.strerror or exc}")
    text, error = _decode(data)
    if error is not None:
        return InputDoc(id=doc_id, error=f"{error} in {path}")
    return InputDoc(id=doc_id, text=text)


def iter_jsonl(path: Path) -> Iterator[InputDoc]:
    """Yield one document per non-blank line of a JSONL file of ``{"id", "text"}`` objects.

    A line without an ``id`` gets ``<file name>:<line number>``; a line that is not valid JSON,
    not an object, or has no string ``text`` becomes an error document (under its id when it has
    one, else under ``<file name>:<line number>``).
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputDoc(id=path.name, error=f"[E102] cannot read {path}: {exc.strerror or exc}")
        return
    with handle:
        for lineno, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            yield _parse_jsonl_line(raw, path, lineno)


def _parse_jsonl_line(raw: bytes, path: Path, lineno: int) -> InputDoc:
    where = f"{path.name}:{lineno}"
    line, error = _decode(raw)
    if error is not None:
        return InputDoc(id=where, error=f"{error} on line {lineno} of {path}")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputDoc(id=where, error=f"[E104] line {lineno} of {path} is not valid JSON: {exc}")
    if not isinstance(record, dict):
        kind = type(record).__name__
        return InputDoc(id=where, error=f"[E105] line {lineno} of {path} is a JSON {kind}, not an object")
    doc_id = str(record["id"]) if record.get("id") is not None else where
    text = record.get("text")
    if not isinstance(text, str):
        reason = "has no \"text\"" if text is None else f"has a {type(text).__name__} \"text\", not a string"
        return InputDoc(id=doc_id, error=f"[E106] line {lineno} of {path} {reason}")
    return InputDoc(id=doc_id, text=text)


def _decode(data: bytes) -> tuple[str, str | None]:
    """``data`` as UTF-8 text without a byte-order mark, or an error saying where it is not UTF-8."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        return "", f"[E103] not UTF-8 (byte 0x{bad} at offset {exc.start})"
