"""Writing results: JSONL (one line per document) and CSV (one row per quote).

``Renderer`` turns one document's result into the exact text to append to the output, so worker
processes can do that work and the writing process only appends strings, in input order.
"""

from __future__ import annotations

import collections
import csv
import io
import json
import os
from collections.abc import Iterable, Iterator
from typing import IO, Any, Protocol

import attrs

from quotex.errors import Errors
from quotex.records import Document, Quote

FORMATS = ("jsonl", "csv")

#: The CSV header. ``content_start``/``content_end`` bound the whole content (first start, last
#: end); ``content`` lists its spans as JSON, ``via`` is JSON too, and so is ``meta`` (the
#: document's kept fields, ``--keep``; empty without them).
CSV_COLUMNS = (
    "doc_id", "quote_index", "kind", "content_start", "content_end", "content", "content_text",
    "cue_start", "cue_end", "cue_text", "source_start", "source_end", "source_text",
    "speaker", "speaker_title", "speaker_affiliation", "speaker_gender", "source_type", "source_id",
    "via", "hedged", "confidence", "rule", "error", "meta",
)


class Writer(Protocol):
    """Writes the result of one document at a time."""

    def write(self, document: Document, text: str | None, *, encoding: str | None = None) -> None: ...


@attrs.frozen
class Renderer:
    """The output text of one document's result, in format ``fmt``; picklable.

    ``header()`` is what the output starts with (the CSV header; nothing for JSONL), ``render()``
    the text one document adds: exactly one line for JSONL, zero or more rows for CSV.
    """

    fmt: str = attrs.field(default="jsonl")
    with_text: bool = False

    @fmt.validator
    def _check_format(self, attribute: attrs.Attribute[str], value: str) -> None:
        if value not in FORMATS:
            raise ValueError(Errors.E310.format(value=value, choices=", ".join(FORMATS)))

    def header(self) -> str:
        if self.fmt == "csv":
            return _csv_text([dict(zip(CSV_COLUMNS, CSV_COLUMNS))])
        return ""

    def render(
        self, document: Document, text: str | None, *, encoding: str | None = None, extracted: bool = False
    ) -> str:
        """The output of one document; ``encoding`` (a fallback decoding) goes into JSONL only.

        ``extracted`` says that ``text`` is quotex's own (extracted from an HTML page): with
        ``with_text`` the JSONL line then carries it as ``"text"``, since the caller has only the page.
        """
        if self.fmt == "csv":
            out = _csv_text(csv_rows(document, text))
            # a lone surrogate (from a JSON "\ud800" escape) cannot be written as UTF-8
            return out if _encodable(out) else out.encode("utf-8", "replace").decode("utf-8")
        if not self.with_text:
            return jsonl_line(document, encoding=encoding)
        return jsonl_line(document, text, encoding=encoding, full_text=extracted)


def jsonl_line(
    document: Document, text: str | None = None, *, encoding: str | None = None, full_text: bool = False
) -> str:
    """One JSONL line: ``{"id", "quotes"}``, plus ``"error"`` and ``"encoding"`` when set.

    With ``text``, every quote also carries ``content_text``, ``cue_text`` and ``source_text``,
    and with ``full_text`` the line carries ``text`` itself as ``"text"``.
    """
    record = document.to_dict(text)
    if encoding is not None:
        record["encoding"] = encoding
    if full_text and text is not None:
        record["text"] = text
    line = json.dumps(record, ensure_ascii=False)
    if not _encodable(line):
        # a lone surrogate, from a JSON input's "\ud800": JSON can only write it as an escape
        line = json.dumps(record, ensure_ascii=True)
    return line + "\n"


def _encodable(out: str) -> bool:
    """Can ``out`` be written as UTF-8 (no lone surrogates)?"""
    if out.isascii():
        return True
    try:
        out.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _csv_text(rows: Iterable[dict[str, Any]]) -> str:
    buffer = io.StringIO(newline="")
    csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, restval="").writerows(rows)
    return buffer.getvalue()


class JsonlWriter:
    """One line per document: ``{"id", "quotes": [...]}``, plus ``"error"`` for a failed one.

    With ``with_text``, every quote also carries ``content_text``, ``cue_text`` and ``source_text``.
    """

    def __init__(self, stream: IO[str], *, with_text: bool = False) -> None:
        self.stream = stream
        self.renderer = Renderer("jsonl", with_text=with_text)

    def write(self, document: Document, text: str | None, *, encoding: str | None = None) -> None:
        self.stream.write(self.renderer.render(document, text, encoding=encoding))


class CsvWriter:
    """One row per quote, under the ``CSV_COLUMNS`` header.

    A failed document gets one row with ``doc_id`` and ``error`` and the other columns empty; a
    document without quotes gets no row. The ``*_text`` columns are always filled.
    """

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.renderer = Renderer("csv")
        stream.write(self.renderer.header())

    def write(self, document: Document, text: str | None, *, encoding: str | None = None) -> None:
        self.stream.write(self.renderer.render(document, text))


def make_writer(fmt: str, stream: IO[str], *, with_text: bool = False) -> Writer:
    """A writer of format ``fmt`` (``jsonl`` or ``csv``) on ``stream``.

    Raises:
        ValueError: ``fmt`` is unknown.
    """
    if fmt == "jsonl":
        return JsonlWriter(stream, with_text=with_text)
    if fmt == "csv":
        return CsvWriter(stream)
    raise ValueError(Errors.E310.format(value=fmt, choices=", ".join(FORMATS)))


def csv_rows(document: Document, text: str | None) -> Iterator[dict[str, Any]]:
    """The CSV rows of one document's result."""
    meta = "" if document.meta is None else json.dumps(document.meta, ensure_ascii=False)
    if document.error is not None:
        yield {"doc_id": document.id, "error": document.error, "meta": meta}
        return
    for index, quote in enumerate(document.quotes):
        row = quote_row(document.id, index, quote, text)
        row["meta"] = meta
        yield row


def quote_row(doc_id: str, index: int, quote: Quote, text: str | None) -> dict[str, Any]:
    """One quote as a CSV row; the spanned strings are filled when ``text`` is given."""
    cue, source = quote.cue, quote.source
    return {
        "doc_id": doc_id,
        "quote_index": index,
        "kind": quote.kind,
        "content_start": quote.start if quote.content else "",
        "content_end": quote.end if quote.content else "",
        "content": json.dumps([span.to_list() for span in quote.content]),
        "content_text": quote.content_text(text) if text is not None else "",
        "cue_start": cue.start if cue else "",
        "cue_end": cue.end if cue else "",
        "cue_text": cue.text(text) if cue and text is not None else "",
        "source_start": source.start if source else "",
        "source_end": source.end if source else "",
        "source_text": source.text(text) if source and text is not None else "",
        "speaker": quote.speaker or "",
        "speaker_title": quote.speaker_title or "",
        "speaker_affiliation": quote.speaker_affiliation or "",
        "speaker_gender": quote.speaker_gender or "",
        "source_type": quote.source_type,
        "source_id": "" if quote.source_id is None else quote.source_id,
        "via": json.dumps([v.to_dict() for v in quote.via], ensure_ascii=False),
        "hedged": quote.hedged,
        "confidence": round(quote.confidence, 3),
        "rule": quote.rule,
        "error": "",
    }


#: What ``is_record`` says of a line that fails it.
NOT_A_RECORD = 'not a quotex record ({"id", "quotes"})'


def is_record(record: object) -> bool:
    """Is ``record`` (a parsed JSONL line) a result that ``quotex extract`` writes: an object with
    a string ``id`` and a list of ``quotes``?"""
    return isinstance(record, dict) and isinstance(record.get("id"), str) and isinstance(record.get("quotes"), list)


@attrs.frozen
class Existing:
    """What an earlier run, perhaps killed part-way, left in a JSONL output file.

    ``ids`` counts the documents of its complete lines, ``failed`` those with an ``error``;
    ``valid_bytes`` is where its last complete line ends (anything after it is a torn line).
    """

    ids: collections.Counter[str]
    failed: int
    valid_bytes: int
    size: int


def read_existing(path: str | os.PathLike[str]) -> Existing:
    """Read the complete lines of a JSONL output file, to resume the run that wrote it.

    A last line without its newline is torn (the run was killed while writing it) and is not
    counted. Lines are read as bytes, one at a time, so a large output is never held in memory.

    Raises:
        OSError: the file cannot be read.
        ValueError: a complete line is not a record that ``quotex extract`` writes.
    """
    ids: collections.Counter[str] = collections.Counter()
    failed = valid = 0
    with open(path, "rb") as handle:
        for lineno, raw in enumerate(handle, start=1):
            if not raw.endswith(b"\n"):
                break  # torn: no newline yet
            valid += len(raw)
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except ValueError as exc:  # JSONDecodeError, or bytes that are not UTF-8
                problem = f"not valid JSON ({exc})"
                raise ValueError(Errors.E311.format(lineno=lineno, path=os.fspath(path), problem=problem)) from None
            if not is_record(record):
                problem = NOT_A_RECORD
                raise ValueError(Errors.E311.format(lineno=lineno, path=os.fspath(path), problem=problem))
            ids[record["id"]] += 1
            failed += "error" in record
        size = handle.seek(0, os.SEEK_END)
    return Existing(ids, failed, valid, size)
