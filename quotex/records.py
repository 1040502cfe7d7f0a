"""Frozen records: spans, relays, quotes and per-document results."""

from __future__ import annotations

from typing import Any

import attrs

#: The values ``Quote.source_type`` and ``Via.source_type`` may take.
SOURCE_TYPES = (
    "named_person",
    "named_organization",
    "unnamed_person",
    "unnamed_group",
    "anonymous",
    "media",
    "document",
    "unknown",
)
KINDS = ("direct", "indirect", "mixed")


def _check_span(instance: Span, attribute: attrs.Attribute[int], value: int) -> None:
    if instance.start < 0 or instance.end < instance.start:
        raise ValueError(f"[E001] bad span ({instance.start}, {instance.end}): need 0 <= start <= end")


@attrs.frozen(order=True)
class Span:
    """Character offsets ``[start, end)`` into the caller's original text."""

    start: int
    end: int = attrs.field(validator=_check_span)

    def text(self, text: str) -> str:
        """The spanned characters of ``text``."""
        return text[self.start : self.end]

    def to_list(self) -> list[int]:
        return [self.start, self.end]

    def __len__(self) -> int:
        return self.end - self.start


@attrs.frozen
class Via:
    """One intermediary through which the content reached the article."""

    name: str
    source_type: str
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "source_type": self.source_type,
                "span": self.span.to_list() if self.span is not None else None}


@attrs.frozen
class Quote:
    """One attribution: a source presented as having communicated some content."""

    content: tuple[Span, ...]
    kind: str
    cue: Span | None = None
    source: Span | None = None
    speaker: str | None = None
    speaker_title: str | None = None
    source_type: str = "unknown"
    via: tuple[Via, ...] = ()
    hedged: bool = False
    confidence: float = 0.5
    rule: str = ""

    @property
    def start(self) -> int:
        return self.content[0].start

    @property
    def end(self) -> int:
        return self.content[-1].end

    def content_text(self, text: str, sep: str = " … ") -> str:
        """The content spans of ``text``, joined by ``sep``."""
        return sep.join(s.text(text) for s in self.content)

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        """The JSON shape of the contract; with ``text``, the spanned strings too."""
        out: dict[str, Any] = {
            "content": [s.to_list() for s in self.content],
            "kind": self.kind,
            "cue": self.cue.to_list() if self.cue is not None else None,
            "source": self.source.to_list() if self.source is not None else None,
            "speaker": self.speaker,
            "speaker_title": self.speaker_title,
            "source_type": self.source_type,
            "via": [v.to_dict() for v in self.via],
            "hedged": self.hedged,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
        }
        if text is not None:
            out["content_text"] = [s.text(text) for s in self.content]
            out["cue_text"] = self.cue.text(text) if self.cue is not None else None
            out["source_text"] = self.source.text(text) if self.source is not None else None
        return out


@attrs.frozen
class Document:
    """The result for one input document: its quotes, or the error that stopped it."""

    id: str
    quotes: tuple[Quote, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "quotes": [q.to_dict(text) for q in self.quotes]}
        if self.error is not None:
            out["error"] = self.error
        return out
