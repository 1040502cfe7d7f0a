"""Public entry points: the ``Extractor`` options object and batch-first extraction."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from typing import Literal

import attrs

from quotex import models, pipeline
from quotex.records import Document, Quote

log = logging.getLogger(__name__)

ENGINES = ("rules", "stanza", "auto")
ON_ERROR = ("raise", "skip", "record")
#: With the parser, ``extract_many`` parses the open sentences of this many documents at once.
WINDOW = 64

# What "auto" chose, per models directory: said once per process, not per document.
_AUTO: dict[tuple[str, bool], str] = {}

#: What ``extract_many`` accepts: plain texts (ids are their positions) or ``(id, text)`` pairs.
Item = str | tuple[object, str]


class ExtractionError(ValueError):
    """A document could not be processed."""


def _check_engine(instance: Extractor, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in ENGINES:
        raise ValueError(f"[E010] unknown engine {value!r}: choose one of {', '.join(ENGINES)}")


@attrs.frozen
class Extractor:
    """Options for extraction, validated once; cheap to build, copy and pickle.

    Args:
        engine: ``"rules"`` (fast rules only), ``"stanza"`` (rules plus the parser stage) or
            ``"auto"`` (the parser when Stanza and its models are available, rules otherwise).
        models_dir: directory holding Stanza models; ``None`` uses ``QUOTEX_STANZA_DIR`` or
            Stanza's default resources directory.
        max_chars: documents longer than this are refused with an error.

    Raises:
        ValueError: an unknown engine.
        ParserNotInstalledError: ``engine="stanza"`` without Stanza installed (an ``ImportError``).
        ModelsNotFoundError: ``engine="stanza"`` and the models directory lacks files (a
            ``FileNotFoundError`` naming them and how to get them).
    """

    engine: str = attrs.field(default="rules", validator=_check_engine)
    models_dir: str | None = attrs.field(default=None, converter=attrs.converters.optional(os.fspath))
    max_chars: int = 5_000_000

    def __attrs_post_init__(self) -> None:
        if self.engine == "stanza":
            # a configuration error shows now, not at the first document
            models.require_stanza()
            models.check(self.models_dir)

    def resolved_engine(self) -> str:
        """The engine that runs: ``"rules"`` or ``"stanza"`` (what ``"auto"`` chose).

        ``"auto"`` picks the parser when Stanza is installed and the models directory is
        complete, and logs its choice once per process.
        """
        if self.engine != "auto":
            return self.engine
        key = (str(models.resolve_dir(self.models_dir)), models.stanza_installed())
        chosen = _AUTO.get(key)
        if chosen is None:
            found = models.inspect(self.models_dir)
            if not key[1]:
                chosen, why = "rules", "Stanza is not installed"
            elif not found.complete:
                chosen, why = "rules", f"models missing in {found.directory}: {', '.join(found.missing[:3])}"
            else:
                chosen, why = "stanza", f"models in {found.directory}"
            log.info("engine auto: using %s (%s)", chosen, why)
            _AUTO[key] = chosen
        return chosen

    def warm_up(self) -> Extractor:
        """Load what the engine needs (the Stanza models) now rather than at the first document.

        Worth calling before timing documents or forking workers, which then share the loaded
        models.  Returns the extractor itself.
        """
        if self.resolved_engine() == "stanza":
            models.load_pipeline(self.models_dir)
        return self

    def extract(self, text: str) -> list[Quote]:
        """Find the quotes of one document.

        Args:
            text: the article text.

        Returns:
            The quotes, ordered by where their content starts.

        Raises:
            TypeError: ``text`` is not a string.
            ExtractionError: the document is longer than ``max_chars``.
        """
        self._check_text(text)
        if self.resolved_engine() == "rules":
            return pipeline.run_rules(text)
        return pipeline.run_parsed([text], models.load_pipeline(self.models_dir))[0]

    def extract_many(
        self,
        items: Iterable[Item],
        *,
        on_error: Literal["raise", "skip", "record"] = "record",
    ) -> Iterator[Document]:
        """Extract from many documents, lazily and in input order.

        Args:
            items: texts, or ``(id, text)`` pairs; a bare text gets its position as id.
            on_error: ``"record"`` yields a ``Document`` with ``error`` set for a document that
                fails, ``"skip"`` leaves it out (and logs it), ``"raise"`` stops the run.

        Yields:
            One ``Document`` per input document (fewer with ``on_error="skip"``).
        """
        if on_error not in ON_ERROR:
            raise ValueError(f"[E013] on_error must be one of {', '.join(ON_ERROR)}, not {on_error!r}")
        pairs = (_pair(position, item) for position, item in enumerate(items))
        if self.resolved_engine() == "rules":
            for doc_id, text in pairs:
                try:
                    quotes = self.extract(text)
                except Exception as exc:  # one bad document must never stop a batch
                    failed = _failure(doc_id, exc, on_error)
                    if failed is not None:
                        yield failed
                    continue
                yield Document(id=doc_id, quotes=tuple(quotes))
            return
        window: list[tuple[str, str]] = []
        for pair in pairs:
            window.append(pair)
            if len(window) >= WINDOW:
                yield from self._parse_window(window, on_error)
                window = []
        if window:
            yield from self._parse_window(window, on_error)

    def _parse_window(self, window: list[tuple[str, str]], on_error: str) -> Iterator[Document]:
        """Rules on each document, one parser call for all their open sentences, then finish each."""
        nlp = models.load_pipeline(self.models_dir)
        opened: list[pipeline.Open | Exception] = []
        for _, text in window:
            try:
                self._check_text(text)
                opened.append(pipeline.open_document(text))
            except Exception as exc:  # recorded below, in input order
                opened.append(exc)
        good = [d for d in opened if isinstance(d, pipeline.Open)]
        results: dict[int, list[Quote] | Exception] = {}
        try:
            done = pipeline.close_documents(good, nlp)
            for d, quotes in zip(good, done):
                results[id(d)] = quotes
        except Exception:
            # something in the batch broke the parser: retry one document at a time, so only
            # the document at fault fails
            for d in good:
                try:
                    results[id(d)] = pipeline.close_documents([d], nlp)[0]
                except Exception as exc:
                    results[id(d)] = exc
        for (doc_id, _), item in zip(window, opened):
            outcome = item if isinstance(item, Exception) else results[id(item)]
            if isinstance(outcome, Exception):
                failed = _failure(doc_id, outcome, on_error)
                if failed is not None:
                    yield failed
                continue
            yield Document(id=doc_id, quotes=tuple(outcome))

    def _check_text(self, text: object) -> None:
        if not isinstance(text, str):
            raise TypeError(f"[E011] expected str, got {type(text).__name__}")
        if len(text) > self.max_chars:
            raise ExtractionError(
                f"[E012] document has {len(text):,} characters, over max_chars={self.max_chars:,}"
            )


def _pair(position: int, item: Item) -> tuple[str, str]:
    if isinstance(item, tuple):
        return str(item[0]), item[1]
    return str(position), item


def _failure(doc_id: str, exc: Exception, on_error: str) -> Document | None:
    """What a failed document becomes: raised, skipped (``None``, logged) or recorded."""
    if on_error == "raise":
        raise exc
    reason = f"{type(exc).__name__}: {exc}"
    if on_error == "skip":
        log.warning("skipped document %s: %s", doc_id, reason)
        return None
    return Document(id=doc_id, error=reason)


def extract(text: str, **options: object) -> list[Quote]:
    """Find the quotes in one text; ``options`` are ``Extractor``'s."""
    return Extractor(**options).extract(text)  # type: ignore[arg-type]


def extract_many(
    items: Iterable[Item],
    *,
    on_error: Literal["raise", "skip", "record"] = "record",
    **options: object,
) -> Iterator[Document]:
    """Extract from many texts or ``(id, text)`` pairs; see ``Extractor.extract_many``."""
    return Extractor(**options).extract_many(items, on_error=on_error)  # type: ignore[arg-type]
