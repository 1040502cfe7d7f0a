"""Walking the command line's inputs: directories, text, HTML, JSONL, CSV, TSV and Parquet files.

Documents are yielded one at a time, in input order, so a corpus is never held in memory. A bad
input never stops the walk: it becomes an ``InputDoc`` carrying an error instead of a text.

Text files and the lines of JSONL files are decoded by the policy of ``quotex.decoding``
(``InputDoc.encoding`` records the encoding used when it was not UTF-8, and the output line of the
document carries it as ``"encoding"``). A text longer than ``max_chars`` characters is reported
(``[E108]``) and not processed; a file too large to be under the limit is not even read. CSV, TSV
and Parquet files are read by ``quotex.tabular``, HTML pages by ``quotex.pages``.
"""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from quotex import pages, tabular
from quotex.decoding import decode
from quotex.errors import Errors
from quotex.extractor import DEFAULT_MAX_CHARS
from quotex.input_doc import Fields, InputDoc, Keep, read_failure

#: Files read as one JSON object a line.
JSONL_SUFFIXES = (".jsonl",)
#: Plain-text files: picked up when a directory is walked (names that end so).
TEXT_SUFFIX = ".txt"
#: Every file picked up when a directory is walked: text files and HTML pages.
WALKED_SUFFIXES = (TEXT_SUFFIX, *pages.HTML_SUFFIXES)
# The most a character can take in any supported encoding (UTF-8 and UTF-32: 4 bytes).
_MAX_BYTES_PER_CHAR = 4

#: A test on a document id: ``True`` leaves the document out of the walk (``--resume``).
Skip = Callable[[str], bool]


def _keep_all(doc_id: str) -> bool:
    return False


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    skip: Skip | None = None,
    keep: Keep = None,
    id_column: str = "id",
    text_column: str = "text",
    defer_pages: bool = False,
) -> Iterator[InputDoc]:
    """Yield the documents of every path, in the order given.

    Args:
        paths: directories (every ``*.txt``, ``*.html`` and ``*.htm`` below, recursively, in
            sorted order; id = the path relative to the directory, with ``/`` separators),
            ``.jsonl`` files (one ``{"id": ..., "text": ...}`` object a line; id = the line's id),
            ``.csv``, ``.tsv`` and ``.parquet`` files (one document a row; id = the row's id),
            ``.html``/``.htm`` files (one page each, its main text extracted) or other files
            (one plain-text document each); a file's id is its name.
        max_chars: texts longer than this become error documents.
        skip: called with each document's id, in input order; a document it returns ``True``
            for is left out (a text file is then not even read).
        keep: the fields of each record to keep as the document's ``meta`` (``Keep``): the
            other keys of a JSONL line, the other columns of a row, a page's metadata.
        id_column: the key of a JSONL line, or the column of a row, that holds the id (a record
            without one gets ``<file name>:<line or row number>``).
        text_column: the key or column that holds the text.
        defer_pages: leave the extraction of an HTML page's text to where the document is
            processed (``InputDoc.page`` is then set and ``text`` is ``None``; ``quotex.batch.Task``
            extracts it in its worker processes): the reading stays fast. Otherwise a page's
            document comes with its text, as every other one does.

    Yields:
        One ``InputDoc`` per document, with ``error`` set where the document could not be read.
        A path that does not exist yields one error document whose id is the path as given.
    """
    skip = skip or _keep_all
    fields = Fields(id=id_column, text=text_column, keep=keep)
    for raw in paths:
        path = Path(raw)
        suffix = path.suffix.lower()
        if path.is_dir():
            yield from iter_directory(path, max_chars=max_chars, skip=skip, fields=fields, defer_pages=defer_pages)
        elif not path.exists() and not path.is_symlink():
            if not skip(os.fspath(raw)):
                yield InputDoc.failed(os.fspath(raw), Errors.E101(path=os.fspath(raw)))
        elif suffix in JSONL_SUFFIXES:
            yield from (doc for doc in iter_jsonl(path, max_chars=max_chars, fields=fields) if not skip(doc.id))
        elif suffix in tabular.SUFFIXES:
            yield from (doc for doc in tabular.iter_table(path, fields, max_chars=max_chars) if not skip(doc.id))
        elif not skip(path.name):
            yield _read_file(path, path.name, max_chars, fields, defer_pages)


def count_documents(paths: Iterable[str | os.PathLike[str]]) -> int | None:
    """How many documents ``iter_inputs`` yields for ``paths``, without reading any of them.

    ``None`` when a JSONL, CSV, TSV or Parquet file is among them: its documents are known only by
    reading it.
    """
    total = 0
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            total += sum(1 for _ in _text_files(os.fspath(path)))
        elif path.suffix.lower() in (*JSONL_SUFFIXES, *tabular.SUFFIXES) and path.exists():
            return None
        else:
            total += 1  # a text file or a page, or a path that does not exist (one error document)
    return total


def iter_directory(
    root: Path,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    skip: Skip = _keep_all,
    fields: Fields | None = None,
    defer_pages: bool = False,
) -> Iterator[InputDoc]:
    """Yield every ``*.txt``, ``*.html`` and ``*.htm`` file below ``root``, sorted by relative path."""
    fields = fields or Fields()
    # Only the names are listed up front; each text is read when its turn comes.
    relative = sorted(_text_files(os.fspath(root)))
    for rel in relative:
        if not skip(rel):
            yield _read_file(root / rel, rel, max_chars, fields, defer_pages)


def _read_file(path: Path, doc_id: str, max_chars: int, fields: Fields, defer_pages: bool) -> InputDoc:
    """One file as one document: an HTML page, or a text file (with an empty ``meta`` to keep)."""
    if path.suffix.lower() in pages.HTML_SUFFIXES:
        page = pages.read_page(path, doc_id, keep=fields.keep, max_chars=max_chars)
        return page if defer_pages else pages.ready(page, max_chars=max_chars)
    doc = read_text_file(path, doc_id, max_chars=max_chars)
    if fields.keep is not None and doc.ok:
        # a text file has no fields: its line still has the meta every line of the run has
        return InputDoc(id=doc.id, text=doc.text, encoding=doc.encoding, meta={})
    return doc


def _text_files(root: str, prefix: str = "") -> Iterator[str]:
    """The paths (relative, with ``/``) of the text and HTML files below ``root``, in no set order.

    What ``Path.rglob("*.txt")`` (and ``*.html``, ``*.htm``) finds, less the directories (and
    links to directories) so named, read from one ``os.scandir`` listing a directory instead of a
    ``stat`` call a path (34,016 files: 0.03 s instead of 0.4 s).  Like ``rglob`` it does not
    follow links into directories and passes over a directory it may not read.
    """
    try:
        with os.scandir(root) as listing:
            entries = list(listing)
    except PermissionError:
        return
    for entry in entries:
        if _is_dir(entry, follow_symlinks=False):
            yield from _text_files(entry.path, f"{prefix}{entry.name}/")
        elif entry.name.endswith(WALKED_SUFFIXES) and not _is_dir(entry, follow_symlinks=True):
            yield prefix + entry.name  # a file, a link to one, or a dangling link (an error later)


def _is_dir(entry: os.DirEntry[str], *, follow_symlinks: bool) -> bool:
    try:
        return entry.is_dir(follow_symlinks=follow_symlinks)
    except OSError:
        return False  # a file that cannot be looked at: reading it will say what is wrong


def read_text_file(path: Path, doc_id: str, *, max_chars: int = DEFAULT_MAX_CHARS) -> InputDoc:
    """Read one text file as one document, by the decoding policy (``quotex.decoding``)."""
    try:
        size = path.stat().st_size
        if size > _MAX_BYTES_PER_CHAR * max_chars + len(codecs.BOM_UTF32_LE):
            # certainly over the limit whatever the encoding: do not read it at all
            return InputDoc.failed(doc_id, Errors.E108(what=path, size=size, unit="bytes", limit=max_chars))
        data = path.read_bytes()
    except OSError as exc:
        return InputDoc.unreadable(doc_id, path, exc)
    text, encoding, failure = decode(data, f" in {path}")
    if failure is not None:
        return InputDoc.failed(doc_id, failure)
    if len(text) > max_chars:
        return InputDoc.failed(doc_id, Errors.E108(what=path, size=len(text), unit="characters", limit=max_chars))
    return InputDoc(id=doc_id, text=text, encoding=encoding)


def iter_jsonl(path: Path, *, max_chars: int = DEFAULT_MAX_CHARS, fields: Fields | None = None) -> Iterator[InputDoc]:
    """Yield one document per non-blank line of a JSONL file of ``{"id", "text"}`` objects.

    A line without an ``id`` gets ``<file name>:<line number>``; a line that is not valid JSON,
    not an object, or has no string ``text`` becomes an error document (under its id when it has
    one, else under ``<file name>:<line number>``). ``fields`` names the id and text keys and
    the keys kept as ``meta`` (an object line without a usable text keeps them too).
    """
    fields = fields or Fields()
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputDoc.unreadable(path.name, path, exc)
        return
    with handle:
        lineno = 0
        try:
            for lineno, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                yield _parse_jsonl_line(raw, path, lineno, max_chars, fields)
        except OSError as exc:  # a read error part-way: report it where it happened, then stop
            where = f"{path.name}:{lineno + 1}"
            failure = read_failure(f"line {lineno + 1} of {path}", exc)
            yield InputDoc.failed(where, failure)


def _parse_jsonl_line(raw: bytes, path: Path, lineno: int, max_chars: int, fields: Fields) -> InputDoc:
    where = f"{path.name}:{lineno}"
    line, encoding, failure = decode(raw, f" on line {lineno} of {path}")
    if failure is not None:
        return InputDoc.failed(where, failure)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputDoc.failed(where, Errors.E104(lineno=lineno, path=path, detail=exc))
    if not isinstance(record, dict):
        return InputDoc.failed(where, Errors.E105(lineno=lineno, path=path, kind=type(record).__name__))
    key = fields.text
    doc_id = str(record[fields.id]) if record.get(fields.id) is not None else where
    text = record.get(key)
    meta = fields.meta(record)
    if not isinstance(text, str):
        reason = f"has no \"{key}\"" if text is None else f"has a {type(text).__name__} \"{key}\", not a string"
        return InputDoc.failed(doc_id, Errors.E106(lineno=lineno, path=path, problem=reason, key=key), meta)
    if len(text) > max_chars:
        failure = Errors.E108(what=f"line {lineno} of {path}", size=len(text), unit="characters", limit=max_chars)
        return InputDoc.failed(doc_id, failure, meta)
    return InputDoc(id=doc_id, text=text, encoding=encoding, meta=meta)
