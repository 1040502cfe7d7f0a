"""The spaCy pipeline component: ``nlp.add_pipe("quotex")`` puts quotex's quotes on ``doc._.quotes``.

spaCy finds the factory through the ``spacy_factories`` entry point, so this module is imported by
spaCy (or by the user), never by ``import quotex``. The component needs no trained spaCy model:
``spacy.blank("en")`` is enough, as quotex reads the text itself and only maps its character
offsets onto the Doc's tokens.

What the component stores on a Doc is plain data (``doc._.quotex_data``: the document's record,
``Document.to_dict()``), so the Doc still serialises (``Doc.to_bytes``, ``DocBin``,
``nlp.pipe(n_process=...)``); every other attribute is a getter that reads it.

Doc attributes:
    quotes: one ``Span`` per quote, over its content (first start to last end), labelled with its
        kind; empty when the document failed.
    quote_sources: the document's sources table (``quotex.Source`` records).
    quotex_error, quotex_code: why quotex failed on the document (the message and its registry
        code), or ``None``.
    quotex_document: the ``quotex.Document`` record.

Span attributes (of the spans in ``doc._.quotes``):
    quote: the ``quotex.Quote`` record.
    content: the content's pieces as Spans (two for a quote interrupted by its attribution).
    cue, source: the reporting words and the source mention as Spans, or ``None``.
    kind, speaker, speaker_title, speaker_affiliation, speaker_gender, source_type, source_id,
    via, hedged, confidence, rule: the record's fields.
    quote_source: the quote's entry in ``doc._.quote_sources``, or ``None``.
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from quotex.errors import failure_of
from quotex.extractor import DEFAULT_BATCH_SIZE, DEFAULT_MAX_CHARS, DEFAULT_TIMEOUT, Extractor
from quotex.records import Document, Quote, Source, Via
from quotex.results import document_from_dict, quote_from_dict, source_from_dict, span_from, via_from_dict

#: The factory's options and their defaults: ``quotex.Extractor``'s.
DEFAULT_CONFIG: dict[str, Any] = {
    "engine": "rules",
    "models_dir": None,
    "max_chars": DEFAULT_MAX_CHARS,
    "timeout": DEFAULT_TIMEOUT,
    "select": "candidates",
    "batch_size": DEFAULT_BATCH_SIZE,
}
# A quote's Span carries its position in the document's quotes as its id: "quotex:3".
_ID_PREFIX = "quotex:"


@Language.factory(
    "quotex",
    default_config=DEFAULT_CONFIG,
    assigns=["doc._.quotes", "doc._.quote_sources", "doc._.quotex_error"],
)
def make_quotex(
    nlp: Language,
    name: str,
    engine: str,
    models_dir: str | None,
    max_chars: int,
    timeout: float,
    select: str,
    batch_size: int,
) -> QuotexComponent:
    """The ``quotex`` component; its options are ``quotex.Extractor``'s, checked here."""
    extractor = Extractor(engine=engine, models_dir=models_dir, max_chars=max_chars,  # type: ignore[arg-type]
                          timeout=timeout, select=select, batch_size=batch_size)  # type: ignore[arg-type]
    return QuotexComponent(extractor, name=name)


class QuotexComponent:
    """Finds the quotes of each Doc with one ``quotex.Extractor``; a failed document is recorded, never raised."""

    def __init__(self, extractor: Extractor, name: str = "quotex") -> None:
        self.extractor = extractor
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, stream: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        """The Docs of ``stream``, in order, each with its quotes.

        The texts go through ``Extractor.extract_many`` as one lazy stream, so the stanza engine
        parses ``batch_size`` documents (the component's option) in one call; ``nlp.pipe``'s own
        ``batch_size`` is how many texts spaCy buffers and does not change that.
        """
        waiting: collections.deque[Doc] = collections.deque()

        def texts() -> Iterator[str]:
            for doc in stream:
                waiting.append(doc)
                yield doc.text

        for document in self.extractor.extract_many(texts(), on_error="record"):
            doc = waiting.popleft()
            try:
                record = document.to_dict()
                for quote, data in zip(document.quotes, record["quotes"]):
                    data["confidence"] = quote.confidence  # unrounded, so the record reads back equal
            except Exception as exc:  # one bad document must never stop nlp.pipe
                record = Document.failed(document.id, failure_of(exc)).to_dict()
            doc._.quotex_data = record
            yield doc


# ---------------------------------------------------------------- the attributes' getters


def _data(doc: Doc) -> dict[str, Any] | None:
    data: dict[str, Any] | None = doc._.quotex_data
    return data


def _quotes(doc: Doc) -> list[Span]:
    data = _data(doc)
    if data is None:
        return []
    spans = []
    for index, quote in enumerate(data["quotes"]):
        start, end = quote["content"][0][0], quote["content"][-1][1]
        spans.append(char_span(doc, start, end, label=quote["kind"], span_id=f"{_ID_PREFIX}{index}"))
    return spans


def _quote_sources(doc: Doc) -> tuple[Source, ...]:
    data = _data(doc)
    return () if data is None else tuple(source_from_dict(s) for s in data["sources"])


def _doc_error(doc: Doc) -> str | None:
    data = _data(doc)
    return None if data is None else data.get("error")


def _doc_code(doc: Doc) -> str | None:
    data = _data(doc)
    return None if data is None else data.get("code")


def _doc_document(doc: Doc) -> Document | None:
    data = _data(doc)
    return None if data is None else document_from_dict(data)


def _quote_data(span: Span) -> dict[str, Any] | None:
    """The stored record of the quote ``span`` stands for, or ``None`` when it is no quote's span."""
    data = _data(span.doc)
    if data is None:
        return None
    quotes: list[dict[str, Any]] = data["quotes"]
    span_id = span.id_
    if span_id.startswith(_ID_PREFIX) and span_id[len(_ID_PREFIX):].isdigit():
        index = int(span_id[len(_ID_PREFIX):])
        if index < len(quotes):
            return quotes[index]
    # a span made another way (doc[i:j], a copy): the quote whose tokens it covers
    for quote in quotes:
        found = char_span(span.doc, quote["content"][0][0], quote["content"][-1][1])
        if (found.start, found.end) == (span.start, span.end):
            return quote
    return None


def _field(name: str) -> Callable[[Span], Any]:
    def getter(span: Span) -> Any:
        quote = _quote_data(span)
        return None if quote is None else quote[name]

    getter.__name__ = f"_quote_{name}"
    return getter


def _offsets(name: str) -> Callable[[Span], Span | None]:
    def getter(span: Span) -> Span | None:
        quote = _quote_data(span)
        if quote is None or quote[name] is None:
            return None
        start, end = quote[name]
        return char_span(span.doc, start, end)

    getter.__name__ = f"_quote_{name}"
    return getter


def _span_quote(span: Span) -> Quote | None:
    quote = _quote_data(span)
    return None if quote is None else quote_from_dict(quote)


def _span_content(span: Span) -> list[Span]:
    quote = _quote_data(span)
    return [] if quote is None else [char_span(span.doc, s.start, s.end) for s in map(span_from, quote["content"])]


def _span_via(span: Span) -> tuple[Via, ...]:
    quote = _quote_data(span)
    return () if quote is None else tuple(via_from_dict(v) for v in quote["via"])


def _span_quote_source(span: Span) -> Source | None:
    quote, data = _quote_data(span), _data(span.doc)
    if quote is None or data is None or quote["source_id"] is None:
        return None
    return source_from_dict(data["sources"][quote["source_id"]])


_FIELDS = ("kind", "speaker", "speaker_title", "speaker_affiliation", "speaker_gender", "source_type",
           "source_id", "hedged", "confidence", "rule")

#: Every Doc extension the component sets: a default (writable) or a getter.
DOC_EXTENSIONS: dict[str, dict[str, Any]] = {
    "quotex_data": {"default": None},
    "quotes": {"getter": _quotes},
    "quote_sources": {"getter": _quote_sources},
    "quotex_error": {"getter": _doc_error},
    "quotex_code": {"getter": _doc_code},
    "quotex_document": {"getter": _doc_document},
}
#: Every Span extension the component sets, all getters.
SPAN_EXTENSIONS: dict[str, dict[str, Any]] = {
    "quote": {"getter": _span_quote},
    "content": {"getter": _span_content},
    "cue": {"getter": _offsets("cue")},
    "source": {"getter": _offsets("source")},
    "via": {"getter": _span_via},
    "quote_source": {"getter": _span_quote_source},
    **{name: {"getter": _field(name)} for name in _FIELDS},
}


def register_extensions() -> None:
    """Register the component's attributes on ``Doc`` and ``Span``; safe to call again.

    An attribute already registered as the component's is left alone; one of the same name
    registered by something else is replaced (spaCy's ``force=True``).
    """
    for cls, extensions in ((Doc, DOC_EXTENSIONS), (Span, SPAN_EXTENSIONS)):
        for name, spec in extensions.items():
            wanted = (spec.get("default"), None, spec.get("getter"), None)
            if cls.get_extension(name) != wanted:
                cls.set_extension(name, force=True, **spec)


def char_span(doc: Doc, start: int, end: int, *, label: str = "", span_id: str = "") -> Span:
    """The tokens of ``doc`` that cover the characters ``[start, end)``.

    ``doc.char_span`` in ``expand`` mode, but never ``None``: where a range begins or ends in the
    whitespace spaCy keeps outside its tokens, the span is widened to the tokens around it.
    """
    span = doc.char_span(start, end, label=label, alignment_mode="expand", span_id=span_id)
    if span is not None and span.start_char <= start and end <= span.end_char and (len(span) or start == end):
        return span
    first = 0
    for token in doc:
        if token.idx > start:
            break
        first = token.i
    last = first
    for token in doc[first:]:
        last = token.i
        if token.idx + len(token) >= end:
            break
    stop = last + 1 if len(doc) else 0
    return Span(doc, first, max(stop, first), label=label, span_id=span_id)
