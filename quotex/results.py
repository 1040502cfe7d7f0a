"""Results read back: records rebuilt from the JSON shape ``to_dict()`` gives and ``quotex extract`` writes.

The inverse of ``Quote.to_dict``, ``Source.to_dict`` and ``Document.to_dict``: the spanned strings
(``content_text`` and the like) are ignored, and so is any key the records do not have. A value
the records refuse raises, as building the record by hand would.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quotex.records import Document, Quote, Source, Span, Via


def span_from(value: Any) -> Span:
    """``[start, end]`` as a ``Span``.

    Raises:
        TypeError, ValueError: ``value`` is not two offsets, or not a valid span.
    """
    start, end = value
    return Span(_offset(start), _offset(end))


def optional_span(value: Any) -> Span | None:
    """``[start, end]`` as a ``Span``, ``None`` as ``None``."""
    return None if value is None else span_from(value)


def _offset(value: Any) -> int:
    # bool is an int to Python, never an offset
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"an offset is a whole number, not {value!r}")
    return value


def via_from_dict(record: Mapping[str, Any]) -> Via:
    """A ``Via`` from its ``to_dict()`` shape."""
    return Via(name=record["name"], source_type=record["source_type"], span=optional_span(record.get("span")))


def quote_from_dict(record: Mapping[str, Any]) -> Quote:
    """A ``Quote`` from its ``to_dict()`` shape (``confidence`` as written: rounded to 3 places)."""
    content = record["content"]
    if not isinstance(content, list) or not content:
        raise TypeError(f"content is a non-empty list of [start, end], not {content!r}")
    return Quote(
        content=tuple(map(span_from, content)),
        kind=record["kind"],
        cue=optional_span(record.get("cue")),
        source=optional_span(record.get("source")),
        speaker=record.get("speaker"),
        speaker_title=record.get("speaker_title"),
        source_type=record.get("source_type", "unknown"),
        via=tuple(via_from_dict(v) for v in record.get("via") or ()),
        hedged=bool(record.get("hedged", False)),
        confidence=float(record.get("confidence", 0.5)),
        rule=record.get("rule") or "",
        source_id=record.get("source_id"),
        speaker_affiliation=record.get("speaker_affiliation"),
        speaker_gender=record.get("speaker_gender"),
    )


def source_from_dict(record: Mapping[str, Any]) -> Source:
    """A ``Source`` from its ``to_dict()`` shape."""
    return Source(id=record["id"], name=record.get("name"), source_type=record["source_type"],
                  title=record.get("title"), affiliation=record.get("affiliation"),
                  gender=record.get("gender"), quotes=record.get("quotes", 0))


def document_from_dict(record: Mapping[str, Any]) -> Document:
    """A ``Document`` from its ``to_dict()`` shape: one line of ``quotex extract``'s JSONL output.

    Raises:
        KeyError, TypeError, ValueError: ``record`` is not a document's record.
    """
    doc_id, meta = record["id"], record.get("meta")
    if not isinstance(doc_id, str):
        raise TypeError(f"id is a string, not {doc_id!r}")
    if meta is not None and not isinstance(meta, dict):
        raise TypeError(f"meta is an object, not {meta!r:.80}")
    return Document(
        id=doc_id,
        quotes=tuple(quote_from_dict(q) for q in record["quotes"]),
        error=record.get("error"),
        code=record.get("code"),
        sources=tuple(source_from_dict(s) for s in record.get("sources") or ()),
        meta=meta,
    )
