"""Public entry points: the ``Extractor`` options object and batch-first extraction."""

from __future__ import annotations

import contextlib
import logging
import math
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal, get_args

import attrs

from quotex import alarm, models, parser, pipeline
from quotex.errors import Errors, ExtractionError, TextTypeError, failure_of
from quotex.records import Document, Engine, Quote, Select

log = logging.getLogger(__name__)

ENGINES: tuple[Engine, ...] = get_args(Engine)
SELECT: tuple[Select, ...] = get_args(Select)
OnError = Literal["raise", "skip", "record"]
ON_ERROR: tuple[OnError, ...] = get_args(OnError)
#: Documents longer than this many characters are refused (the API and ``--max-chars`` alike).
DEFAULT_MAX_CHARS = 2_000_000
#: Seconds one document may take before it is reported as timed out (``--timeout``).
DEFAULT_TIMEOUT = 30.0
#: With the parser, ``extract_many`` parses the open sentences of this many documents at once.
DEFAULT_BATCH_SIZE = 64

# What "auto" chose, per models directory: said once per process, not per document.
_AUTO: dict[tuple[str, bool], str] = {}

#: What ``extract_many`` accepts: plain texts (ids are their positions), ``(id, text)`` pairs, or
#: mappings ``{"id": ..., "text": ..., ...}`` whose other keys become the document's ``meta``.
Item = str | tuple[object, str] | Mapping[str, Any]
# One document on its way through ``extract_many``: its id, its text (anything that is not a
# string fails with its document) and its meta.
_Entry = tuple[str, Any, dict[str, Any] | None]
# The outcome of one document in a parser batch: its quotes, or what stopped it.
_Outcome = pipeline.Finished | Exception


def _path(value: str | os.PathLike[str] | None) -> str | None:
    return None if value is None else os.fspath(value)


def _check_engine(instance: Extractor, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in ENGINES:
        raise ValueError(Errors.E010.format(value=value, choices=", ".join(ENGINES)))


def _check_select(instance: Extractor, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in SELECT:
        raise ValueError(Errors.E403.format(value=value, choices=", ".join(SELECT)))


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _check_max_chars(instance: Extractor, attribute: attrs.Attribute[int], value: int) -> None:
    if not _whole(value):
        raise ValueError(Errors.E014.format(value=value))


def _check_batch_size(instance: Extractor, attribute: attrs.Attribute[int], value: int) -> None:
    if not _whole(value):
        raise ValueError(Errors.E016.format(value=value))


def _check_timeout(instance: Extractor, attribute: attrs.Attribute[float], value: float) -> None:
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not number or not 0 <= value < math.inf:
        raise ValueError(Errors.E015.format(value=value))


@attrs.frozen
class Extractor:
    """Every option of a run, validated once; cheap to build, copy and pickle.

    Args:
        engine: ``"rules"`` (fast rules only), ``"stanza"`` (rules plus the parser stage) or
            ``"auto"`` (the parser when Stanza and its models are available, rules otherwise).
        models_dir: directory holding Stanza models; ``None`` uses ``QUOTEX_STANZA_DIR`` or
            Stanza's default resources directory.
        max_chars: documents longer than this are refused with an error (``[E108]``).
        timeout: seconds one document may take (0: no limit); a document over it fails with
            ``[E303]``. The stages check it as they go, so it holds in any thread (a cluster
            worker's too); with the parser it covers each document's rule and finishing stages,
            not the parse its batch shares.
        select: which sentences the parser stage parses: ``"candidates"`` (those the rules leave
            open) or ``"all"``.
        batch_size: with the parser, ``extract_many`` parses the sentences of this many
            documents in one call.
        alarm: also hold ``timeout`` with a ``SIGALRM`` timer, which interrupts one long step
            (a single pattern match, a parser call) as the stages' checks cannot. Only in a
            process's main thread, and off by default: a library does not take over a
            program's ``SIGALRM``. ``quotex extract`` turns it on in its worker processes.

    Raises:
        ValueError: an unknown engine or ``select``, or a ``max_chars``, ``timeout`` or
            ``batch_size`` out of range.
        ParserNotInstalledError: ``engine="stanza"`` without Stanza installed (an ``ImportError``).
        ModelsNotFoundError: ``engine="stanza"`` and the models directory lacks files (a
            ``FileNotFoundError`` naming them and how to get them).
    """

    engine: Engine = attrs.field(default="rules", validator=_check_engine)
    models_dir: str | None = attrs.field(default=None, converter=_path)
    max_chars: int = attrs.field(default=DEFAULT_MAX_CHARS, validator=_check_max_chars)
    timeout: float = attrs.field(default=DEFAULT_TIMEOUT, validator=_check_timeout)
    select: Select = attrs.field(default="candidates", validator=_check_select)
    batch_size: int = attrs.field(default=DEFAULT_BATCH_SIZE, validator=_check_batch_size)
    alarm: bool = False

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
            TypeError: ``text`` is not a string (``TextTypeError``, ``[E011]``).
            ExtractionError: the document is longer than ``max_chars`` (``[E108]``).
            DocumentTimeout: the document took longer than ``timeout`` (``[E303]``).
        """
        if self.resolved_engine() != "rules":
            outcome = self._parse_batch([text])[0]
            if isinstance(outcome, Exception):
                raise outcome
            return outcome[0]
        return self._extract_rules(text)[0]

    def _extract_rules(self, text: str) -> pipeline.Finished:
        self._check_text(text)
        with self._guard(self.timeout):
            return pipeline.run_rules_document(text, self.timeout)

    def extract_many(self, items: Iterable[Item], *, on_error: OnError = "record") -> Iterator[Document]:
        """Extract from many documents, lazily and in input order.

        This is where a document's failure is caught: it becomes a ``Document`` whose ``error``
        says what happened and whose ``code`` is the error's code (see ``quotex.errors``).

        Args:
            items: texts, ``(id, text)`` pairs, or mappings with an ``"id"`` and a ``"text"``
                key whose other keys become the document's ``meta`` (``{"id": "a1", "text": ...,
                "outlet": "Daily News"}``); a bare text, or a mapping without an id (or with a
                ``None`` one), gets its position as id. The forms may be mixed.
            on_error: ``"record"`` yields a ``Document`` with ``error`` set for a document that
                fails, ``"skip"`` leaves it out (and logs it), ``"raise"`` stops the run.

        Yields:
            One ``Document`` per input document (fewer with ``on_error="skip"``).

        Raises:
            ValueError: an unknown ``on_error``.
        """
        if on_error not in ON_ERROR:
            raise ValueError(Errors.E013.format(value=on_error, choices=", ".join(ON_ERROR)))
        return self._many(items, on_error)

    def _many(self, items: Iterable[Item], on_error: OnError) -> Iterator[Document]:
        entries = (_entry(position, item) for position, item in enumerate(items))
        if self.resolved_engine() == "rules":
            for doc_id, text, meta in entries:
                try:
                    with self._guard(self.timeout):
                        finished = self._extract_rules(text)
                except Exception as exc:  # one bad document must never stop a batch
                    failed = _failure(doc_id, exc, on_error, meta)
                    if failed is not None:
                        yield failed
                    continue
                yield _document(doc_id, finished, meta)
            return
        window: list[_Entry] = []
        for entry in entries:
            window.append(entry)
            if len(window) >= self.batch_size:
                yield from self._documents(window, on_error)
                window = []
        if window:
            yield from self._documents(window, on_error)

    def _documents(self, window: list[_Entry], on_error: OnError) -> Iterator[Document]:
        """The documents of one parser batch, in input order."""
        outcomes = self._parse_batch([text for _, text, _ in window])
        for (doc_id, _, meta), outcome in zip(window, outcomes):
            if isinstance(outcome, Exception):
                failed = _failure(doc_id, outcome, on_error, meta)
                if failed is not None:
                    yield failed
                continue
            yield _document(doc_id, outcome, meta)

    def _parse_batch(self, texts: list[str]) -> list[_Outcome]:
        """Rules on each document, one parser call for all their open sentences, then finish each."""
        nlp = models.load_pipeline(self.models_dir)
        opened: list[tuple[pipeline.Open, float] | Exception] = []
        for text in texts:
            try:
                with self._guard(self.timeout):
                    self._check_text(text)
                    doc = pipeline.open_document(text, self.select, self.timeout)
                opened.append((doc, doc.ctx.time_left()))
            except Exception as exc:  # recorded below, in input order
                opened.append(exc)
        good = [item for item in opened if not isinstance(item, Exception)]
        try:
            done = self._close(good, nlp)
        except Exception:
            # something in the batch broke (or outlasted) the parser: one document at a time,
            # so only the document at fault fails
            done = []
            for item in good:
                try:
                    done.extend(self._close([item], nlp))
                except Exception as exc:
                    done.append(exc)
        finished = iter(done)
        return [item if isinstance(item, Exception) else next(finished) for item in opened]

    def _close(self, docs: list[tuple[pipeline.Open, float]], nlp: object) -> list[_Outcome]:
        """Parse the open sentences of ``docs`` in one call, then finish each on its own budget.

        (``pipeline.close_documents`` but for the clocks: a document's budget covers its own
        stages, so its clock stops for the parse its batch shares, with the time it had left.)
        """
        items = [(d.ctx.text, s) for d, _ in docs for s in d.sentences]
        with self._guard(self.timeout * len(docs)):
            trees = parser.parse(nlp, items)
        out: list[_Outcome] = []
        at = 0
        for d, left in docs:
            mine = [t for ts in trees[at : at + len(d.sentences)] for t in ts]
            at += len(d.sentences)
            try:
                with self._guard(self.timeout):
                    d.ctx.resume(left)
                    out.append(pipeline.close_document(d, mine))
            except Exception as exc:
                out.append(exc)
        return out

    def _guard(self, seconds: float) -> contextlib.AbstractContextManager[None]:
        """The ``SIGALRM`` guard of ``seconds`` when ``alarm`` is on (a no-op otherwise)."""
        return alarm.time_budget(seconds if self.alarm else 0.0)

    def _check_text(self, text: object) -> None:
        if not isinstance(text, str):
            raise TextTypeError(Errors.E011(kind=type(text).__name__))
        if len(text) > self.max_chars:
            raise ExtractionError(Errors.E108(what="the document", size=len(text), unit="characters",
                                              limit=self.max_chars))


def _entry(position: int, item: Item) -> _Entry:
    """``(id, text, meta)`` of one item; a text that is not a string fails later, with its document."""
    if isinstance(item, tuple):
        return str(item[0]), item[1], None
    if isinstance(item, str) or not isinstance(item, Mapping):
        return str(position), item, None
    key = item.get("id")
    meta = {name: value for name, value in item.items() if name != "id" and name != "text"}
    return str(position) if key is None else str(key), item.get("text"), meta


def _failure(doc_id: str, exc: Exception, on_error: OnError, meta: dict[str, Any] | None = None) -> Document | None:
    """What a failed document becomes: raised, skipped (``None``, logged) or recorded with its code."""
    if on_error == "raise":
        raise exc
    failure = failure_of(exc)
    if on_error == "skip":
        log.warning("skipped document %s: %s", doc_id, failure.message)
        return None
    return Document.failed(doc_id, failure, meta)


def extract(
    text: str,
    *,
    engine: Engine = "rules",
    models_dir: str | os.PathLike[str] | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    timeout: float = DEFAULT_TIMEOUT,
    select: Select = "candidates",
) -> list[Quote]:
    """Find the quotes in one text; the options are ``Extractor``'s."""
    extractor = Extractor(engine=engine, models_dir=models_dir, max_chars=max_chars,
                          timeout=timeout, select=select)
    return extractor.extract(text)


def extract_many(
    items: Iterable[Item],
    *,
    on_error: OnError = "record",
    engine: Engine = "rules",
    models_dir: str | os.PathLike[str] | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    timeout: float = DEFAULT_TIMEOUT,
    select: Select = "candidates",
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[Document]:
    """Extract from many texts, ``(id, text)`` pairs or ``{"id", "text", ...}`` mappings (other keys:
    ``Document.meta``); the options are ``Extractor``'s, the rest as ``Extractor.extract_many``."""
    extractor = Extractor(engine=engine, models_dir=models_dir, max_chars=max_chars,
                          timeout=timeout, select=select, batch_size=batch_size)
    return extractor.extract_many(items, on_error=on_error)


def _document(doc_id: str, finished: pipeline.Finished, meta: dict[str, Any] | None = None) -> Document:
    """A document's result: its quotes, the table of their sources, and its meta."""
    quotes, sources = finished
    return Document(id=doc_id, quotes=tuple(quotes), sources=sources, meta=meta)
