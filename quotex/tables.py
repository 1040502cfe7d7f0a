"""Quotes as table rows, for the dataframe engines (``quotex.cluster.spark``, ``quotex.cluster.dask``).

Two tables, both built from ``Quote.to_dict(text)`` so that every value is the one ``quotex
extract --with-text`` writes:

- the *quote table*: one row per quote (``QUOTE_COLUMNS``). A document that failed gets one row
  with its ``doc_id`` and ``error`` and every other column null; a document without quotes gets
  no row (the CSV output's convention).
- the *document table*: one row per input document (``DOCUMENT_COLUMNS``): ``doc_id``, its
  ``quotes`` as a list of structs, and ``error``. Every input document is there, so it is the one
  to count or audit a run with.

Column types are named once here (``QUOTE_COLUMNS``) and mapped to Arrow (``quote_schema``) and
to Spark (in ``quotex.cluster.spark``). This module imports neither engine; pyarrow only when a schema is
asked for.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from quotex.errors import Errors, Failure
from quotex.extractor import Extractor
from quotex.records import Document

if TYPE_CHECKING:
    import pyarrow as pa

#: The columns of the quote table and their types: ``string``, ``int`` (32-bit), ``bool``,
#: ``double``, ``strings`` (list of strings), ``spans`` (list of ``{start, end}``) and ``via``
#: (list of ``{name, source_type, start, end}``). Offsets are character offsets into the text.
QUOTE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc_id", "string"),
    ("quote_index", "int"),
    ("kind", "string"),
    ("content", "spans"),
    ("content_text", "strings"),
    ("cue_start", "int"),
    ("cue_end", "int"),
    ("cue_text", "string"),
    ("source_start", "int"),
    ("source_end", "int"),
    ("source_text", "string"),
    ("speaker", "string"),
    ("speaker_title", "string"),
    ("speaker_affiliation", "string"),
    ("speaker_gender", "string"),
    ("source_type", "string"),
    ("source_id", "int"),
    ("via", "via"),
    ("hedged", "bool"),
    ("confidence", "double"),
    ("rule", "string"),
    ("error", "string"),
)

#: The fields of one element of the document table's ``quotes`` list: the quote columns less
#: ``doc_id``, ``quote_index`` (the position in the list) and ``error``.
QUOTE_STRUCT_FIELDS: tuple[tuple[str, str], ...] = tuple(
    (name, kind) for name, kind in QUOTE_COLUMNS if name not in ("doc_id", "quote_index", "error")
)

#: The fields of one element of the document table's ``sources`` list (``quotex.records.Source``).
SOURCE_STRUCT_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "int"),
    ("name", "string"),
    ("title", "string"),
    ("affiliation", "string"),
    ("gender", "string"),
    ("source_type", "string"),
    ("quotes", "int"),
)

#: The columns of the document table; ``quotes`` is a list of ``QUOTE_STRUCT_FIELDS`` structs,
#: ``sources`` a list of ``SOURCE_STRUCT_FIELDS`` structs.
DOCUMENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc_id", "string"),
    ("quotes", "quotes"),
    ("sources", "sources"),
    ("error", "string"),
)

QUOTE_COLUMN_NAMES = tuple(name for name, _ in QUOTE_COLUMNS)
DOCUMENT_COLUMN_NAMES = tuple(name for name, _ in DOCUMENT_COLUMNS)

#: This process's extractors, by their options; see ``worker_extractor``.
_WORKER_EXTRACTORS: dict[Extractor, Extractor] = {}


def worker_extractor(extractor: Extractor | None = None) -> Extractor:
    """This process's instance of ``extractor`` (default options when ``None``).

    An engine unpickles the extractor it was given once per task; handing every task of a worker
    process the same instance means its lazily loaded resources (the parser's models) are loaded
    once per process, not once per partition.
    """
    key = Extractor() if extractor is None else extractor
    return _WORKER_EXTRACTORS.setdefault(key, key)


def extract_pairs(
    items: Iterable[object], extractor: Extractor | None = None
) -> Iterator[tuple[str | None, Document, str | None]]:
    """Extract from ``(id, text)`` pairs, yielding ``(id, result, text)`` for each, in order.

    The documents go to ``Extractor.extract_many`` ``batch_size`` at a time, so an engine that
    batches (the parser) gets whole batches; it records every document's failure (a document over
    its ``timeout`` included, ``[E303]``: the time limit the stages check holds in a worker's
    threads), so one bad document never stops a partition. An item that is not a pair, a missing
    text (``None``) or one that is not a string gives a result with ``error`` set too. Ids are
    turned into strings (``None`` stays ``None``).
    """
    ex = worker_extractor(extractor)
    entries = map(_entry, items)
    while chunk := list(itertools.islice(entries, ex.batch_size)):
        good = [(key or "", text) for key, text, failure in chunk if failure is None and text is not None]
        found = ex.extract_many(good, on_error="record")
        for key, text, failure in chunk:
            if failure is not None:
                yield key, Document.failed(key or "", failure), None
            elif text is None:
                # what ``quotex extract`` says of a document without text
                yield key, Document.failed(key or "", Errors.E302()), None
            else:
                yield key, next(found), text


def _entry(item: object) -> tuple[str | None, str | None, Failure | None]:
    """``(id, text, failure)`` of one input item; ``failure`` is set when the item cannot be extracted."""
    if not (isinstance(item, (tuple, list)) and len(item) == 2):
        return None, None, Errors.E405(kind=type(item).__name__, item=f"{item!r:.80}")
    doc_id, text = item
    key = None if doc_id is None else str(doc_id)
    if text is not None and not isinstance(text, str):
        return key, None, Errors.E011(kind=type(text).__name__)
    return key, text, None


def quote_rows(doc_id: str | None, document: Document, text: str | None) -> list[dict[str, Any]]:
    """The quote-table rows of one document's result (one per quote, or one error row)."""
    if document.error is not None:
        return [error_row(doc_id, document.error)]
    rows = []
    for index, quote in enumerate(document.quotes):
        row = _quote_fields(quote.to_dict(text))
        rows.append({"doc_id": doc_id, "quote_index": index, **row, "error": None})
    return rows


def document_row(doc_id: str | None, document: Document, text: str | None) -> dict[str, Any]:
    """The document-table row of one document's result."""
    return {
        "doc_id": doc_id,
        "quotes": [_quote_fields(q.to_dict(text)) for q in document.quotes],
        "sources": [s.to_dict() for s in document.sources],
        "error": document.error,
    }


def error_row(doc_id: str | None, error: str) -> dict[str, Any]:
    """A quote-table row that records a failed document."""
    row: dict[str, Any] = dict.fromkeys(QUOTE_COLUMN_NAMES)
    row["doc_id"], row["error"] = doc_id, error
    return row


def quote_table_rows(
    items: Iterable[object], extractor: Extractor | None = None
) -> list[dict[str, Any]]:
    """The quote-table rows of ``(id, text)`` pairs (see ``extract_pairs``), in input order."""
    rows: list[dict[str, Any]] = []
    for doc_id, document, text in extract_pairs(items, extractor):
        try:
            rows.extend(quote_rows(doc_id, document, text))
        except Exception as exc:  # a document whose rows cannot be built is recorded, not lost
            rows.append(error_row(doc_id, _row_error(exc)))
    return rows


def document_table_rows(
    items: Iterable[object], extractor: Extractor | None = None
) -> list[dict[str, Any]]:
    """The document-table rows of ``(id, text)`` pairs (see ``extract_pairs``), one per item, in order."""
    rows: list[dict[str, Any]] = []
    for doc_id, document, text in extract_pairs(items, extractor):
        try:
            rows.append(document_row(doc_id, document, text))
        except Exception as exc:  # a document whose row cannot be built is recorded, not lost
            rows.append({"doc_id": doc_id, "quotes": [], "sources": [], "error": _row_error(exc)})
    return rows


def _row_error(exc: Exception) -> str:
    return Errors.E404.format(name=type(exc).__name__, detail=exc)


def _quote_fields(record: dict[str, Any]) -> dict[str, Any]:
    """One quote's JSON shape (``Quote.to_dict`` with text) as the flat quote-struct fields."""
    cue, source = record["cue"], record["source"]
    return {
        "kind": record["kind"],
        "content": [{"start": start, "end": end} for start, end in record["content"]],
        "content_text": record.get("content_text"),
        "cue_start": cue[0] if cue else None,
        "cue_end": cue[1] if cue else None,
        "cue_text": record.get("cue_text"),
        "source_start": source[0] if source else None,
        "source_end": source[1] if source else None,
        "source_text": record.get("source_text"),
        "speaker": record["speaker"],
        "speaker_title": record["speaker_title"],
        "speaker_affiliation": record["speaker_affiliation"],
        "speaker_gender": record["speaker_gender"],
        "source_type": record["source_type"],
        "source_id": record["source_id"],
        "via": [
            {
                "name": via["name"],
                "source_type": via["source_type"],
                "start": via["span"][0] if via["span"] else None,
                "end": via["span"][1] if via["span"] else None,
            }
            for via in record["via"]
        ],
        "hedged": record["hedged"],
        "confidence": record["confidence"],
        "rule": record["rule"],
    }


def arrow_type(kind: str) -> pa.DataType:
    """The Arrow type of a column type named in ``QUOTE_COLUMNS`` or ``DOCUMENT_COLUMNS``."""
    import pyarrow as pa

    if kind == "quotes":
        return pa.list_(pa.struct([pa.field(n, arrow_type(k)) for n, k in QUOTE_STRUCT_FIELDS]))
    if kind == "sources":
        return pa.list_(pa.struct([pa.field(n, arrow_type(k)) for n, k in SOURCE_STRUCT_FIELDS]))
    simple = {"string": pa.string(), "int": pa.int32(), "bool": pa.bool_(), "double": pa.float64()}
    if kind in simple:
        return simple[kind]
    if kind == "strings":
        return pa.list_(pa.string())
    if kind == "spans":
        return pa.list_(pa.struct([("start", pa.int32()), ("end", pa.int32())]))
    if kind == "via":
        return pa.list_(pa.struct([
            ("name", pa.string()), ("source_type", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
        ]))
    raise ValueError(f"unknown column type {kind!r}")


def quote_schema() -> pa.Schema:
    """The Arrow schema of the quote table."""
    import pyarrow as pa

    return pa.schema([pa.field(name, arrow_type(kind)) for name, kind in QUOTE_COLUMNS])


def document_schema() -> pa.Schema:
    """The Arrow schema of the document table."""
    import pyarrow as pa

    return pa.schema([pa.field(name, arrow_type(kind)) for name, kind in DOCUMENT_COLUMNS])
