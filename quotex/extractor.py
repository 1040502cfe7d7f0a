"""Public entry points: the ``Extractor`` options object and batch-first extraction."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Literal

import attrs

from quotex.pipeline import run_rules
from quotex.records import Document, Quote

log = logging.getLogger(__name__)

ENGINES = ("rules", "stanza", "auto")
ON_ERROR = ("raise", "skip", "record")

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
    """

    engine: str = attrs.field(default="rules", validator=_check_engine)
    models_dir: str | None = None
    max_chars: int = 5_000_000

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
        if not isinstance(text, str):
            raise TypeError(f"[E011] expected str, got {type(text).__name__}")
        if len(text) > self.max_chars:
            raise ExtractionError(
                f"[E012] document has {len(text):,} characters, over max_chars={self.max_chars:,}"
            )
        return run_rules(text)

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
        for position, item in enumerate(items):
            if isinstance(item, tuple):
                doc_id, text = str(item[0]), item[1]
            else:
                doc_id, text = str(position), item
            try:
                quotes = self.extract(text)
            except Exception as exc:  # one bad document must never stop a batch
                if on_error == "raise":
                    raise
                reason = f"{type(exc).__name__}: {exc}"
                if on_error == "skip":
                    log.warning("skipped document %s: %s", doc_id, reason)
                    continue
                yield Document(id=doc_id, error=reason)
                continue
            yield Document(id=doc_id, quotes=tuple(quotes))


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
