"""Frozen records: spans, relays, quotes and per-document results."""

from __future__ import annotations

from typing import Any, Literal, get_args

import attrs

from quotex.errors import Errors, Failure

#: The engines an ``Extractor`` may run.
Engine = Literal["rules", "stanza", "auto"]
#: What a quote is: verbatim in quote marks, reported speech, or reported speech with a verbatim fragment.
Kind = Literal["direct", "indirect", "mixed"]
#: How a quote's source is attributed (see the project's contract).
SourceType = Literal[
    "named_person",
    "named_organization",
    "unnamed_person",
    "unnamed_group",
    "anonymous",
    "media",
    "document",
    "unknown",
]
#: A speaker's gender, from evidence in the article only (never from a first name).
Gender = Literal["female", "male"]
#: Which sentences the parser stage parses: those the rules leave open, or every one.
Select = Literal["candidates", "all"]

#: The values ``Quote.source_type`` and ``Via.source_type`` may take.
SOURCE_TYPES: tuple[SourceType, ...] = get_args(SourceType)
KINDS: tuple[Kind, ...] = get_args(Kind)
GENDERS: tuple[Gender, ...] = get_args(Gender)
_SOURCE_TYPE_SET = frozenset(SOURCE_TYPES)
_KIND_SET = frozenset(KINDS)


def _gender(value: str | None) -> Gender | None:
    """``value`` as a gender or ``None``; a ``ValueError`` for anything else."""
    if value is not None and value not in GENDERS:
        raise ValueError(Errors.E004.format(value=value, choices=", ".join(GENDERS)))
    return value


def _check_span(instance: Span, attribute: attrs.Attribute[int], value: int) -> None:
    if instance.start < 0 or instance.end < instance.start:
        raise ValueError(Errors.E001.format(start=instance.start, end=instance.end))


def _kind(value: str) -> Kind:
    """``value`` as a quote kind; a ``ValueError`` for anything else."""
    if value not in _KIND_SET:
        raise ValueError(Errors.E002.format(value=value, choices=", ".join(KINDS)))
    return value


def _source_type(value: str) -> SourceType:
    """``value`` as a source type; a ``ValueError`` for anything else."""
    if value not in _SOURCE_TYPE_SET:
        raise ValueError(Errors.E003.format(value=value, choices=", ".join(SOURCE_TYPES)))
    return value


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
    source_type: SourceType = attrs.field(converter=_source_type)
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "source_type": self.source_type,
                "span": self.span.to_list() if self.span is not None else None}


@attrs.frozen
class Quote:
    """One attribution: a source presented as having communicated some content."""

    content: tuple[Span, ...]
    kind: Kind = attrs.field(converter=_kind)
    cue: Span | None = None
    source: Span | None = None
    speaker: str | None = None
    speaker_title: str | None = None
    source_type: SourceType = attrs.field(default="unknown", converter=_source_type)
    via: tuple[Via, ...] = ()
    hedged: bool = False
    confidence: float = 0.5
    rule: str = ""
    #: the quote's entry in its document's ``sources`` (``Source.id``), or ``None`` without a source
    source_id: int | None = None
    speaker_affiliation: str | None = None
    speaker_gender: Gender | None = attrs.field(default=None, converter=_gender)

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
            "source_id": self.source_id,
            "speaker_affiliation": self.speaker_affiliation,
            "speaker_gender": self.speaker_gender,
        }
        if text is not None:
            out["content_text"] = [s.text(text) for s in self.content]
            out["cue_text"] = self.cue.text(text) if self.cue is not None else None
            out["source_text"] = self.source.text(text) if self.source is not None else None
        return out


@attrs.frozen
class Source:
    """One distinct source an article quotes, with how many of its quotes are that source's.

    ``name`` is the speaker's canonical name, or for an unnamed source the words the article
    uses ("unnamed EU diplomats").
    """

    id: int
    name: str | None
    source_type: SourceType = attrs.field(converter=_source_type)
    title: str | None = None
    affiliation: str | None = None
    gender: Gender | None = attrs.field(default=None, converter=_gender)
    quotes: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "title": self.title, "affiliation": self.affiliation,
                "gender": self.gender, "source_type": self.source_type, "quotes": self.quotes}


@attrs.frozen
class Document:
    """The result for one input document: its quotes, or the error that stopped it.

    ``code`` is the registry code of ``error`` (``"E303"``, see ``quotex.errors``), for counting
    failures by kind without reading their messages. ``meta`` holds the fields the input record
    carried besides its id and text (a mapping's other keys, ``quotex extract --keep``), or
    ``None``.
    """

    id: str
    quotes: tuple[Quote, ...] = ()
    error: str | None = None
    code: str | None = None
    #: the distinct sources the quotes cite, indexed by ``Quote.source_id``
    sources: tuple[Source, ...] = ()
    # (a dict is not hashable: equality compares it, the hash leaves it out)
    meta: dict[str, Any] | None = attrs.field(default=None, hash=False)

    @classmethod
    def failed(cls, doc_id: str, failure: Failure, meta: dict[str, Any] | None = None) -> Document:
        """The result of a document that failed with ``failure``."""
        return cls(id=doc_id, error=failure.message, code=failure.code, meta=meta)

    @property
    def ok(self) -> bool:
        return self.error is None

    def _repr_html_(self) -> str:
        """A table of the quotes, for Jupyter; ``quotex.show.Article`` also shows them in their text."""
        from quotex.show import document_table  # (the view is loaded only when asked for)

        return document_table(self)

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "quotes": [q.to_dict(text) for q in self.quotes],
                               "sources": [s.to_dict() for s in self.sources]}
        if self.meta is not None:
            out["meta"] = self.meta
        if self.error is not None:
            out["error"] = self.error
            if self.code is not None:
                out["code"] = self.code
        return out
