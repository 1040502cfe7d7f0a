"""Running extraction over a stream of input documents: in parallel, in bounded memory, in order.

The documents are read lazily, cut into small chunks (``CHUNK_DOCS`` documents or
``CHUNK_CHARS`` characters, whichever comes first) and handed to worker processes, with at most
``WINDOW_PER_JOB`` chunks per worker in flight, so memory stays flat however large the corpus.
Results come back in input order. A ``Task`` does everything one document needs (extraction under
a time budget, then rendering the output text), so the writing process only appends strings, and
``--jobs 1`` runs exactly the same code in-process: the output does not depend on the number of
workers.

A failure is recorded on its document, never raised: ``Extractor.extract_many`` records what goes
wrong in a document (its time limit included: the extractor's budget, checked by the stages, and
here also a ``SIGALRM`` timer, since every document runs in the main thread of its process), and a
document whose worker process died (the pool is restarted and the chunk re-run one document at a
time to find the culprit) gets an error like every other bad input. Every failed document carries
its error's code, which the summary counts.
"""

from __future__ import annotations

import collections
import itertools
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import attrs

from quotex import pages
from quotex.errors import REASONS, Errors, Failure
from quotex.extractor import Extractor
from quotex.inputs import InputDoc
from quotex.outputs import Renderer
from quotex.records import Document

#: A chunk holds at most this many documents (each hand-over to a worker costs about a millisecond
#: of pickling and waking up; 64 news articles take a worker some 40 ms) ...
CHUNK_DOCS = 64
#: ... and at most about this many characters (a longer document makes a chunk on its own).
CHUNK_CHARS = 1_000_000
#: Chunks in flight per worker process: enough to keep every worker busy, few enough to bound memory.
WINDOW_PER_JOB = 4

def default_jobs() -> int:
    """The number of CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def extract_one(extractor: Extractor, doc: InputDoc) -> Document:
    """The result for one input document; a failure is recorded in it (by the extractor), never raised.

    ``doc`` is one ready to extract from (an HTML page's text extracted: ``Task`` does that).
    """
    if doc.text is None:
        if doc.error is not None and doc.code is not None:
            return Document(id=doc.id, error=doc.error, code=doc.code, meta=doc.meta)
        return Document.failed(doc.id, Errors.E302(), doc.meta)
    return _with_meta(next(extractor.extract_many([(doc.id, doc.text)], on_error="record")), doc)


def _with_meta(result: Document, doc: InputDoc) -> Document:
    """``result`` with the kept fields of its input."""
    return result if doc.meta is None else attrs.evolve(result, meta=doc.meta)


@attrs.frozen
class Outcome:
    """What became of one document: its id, error, number of quotes, and the result itself.

    ``output`` is the rendered text to write (when the task has a renderer), ``document`` the
    result (when it has none), and ``source`` then the input as the worker made it ready (an HTML
    page with its text extracted), when that differs from the one given; ``encoding`` is the
    input's fallback encoding, if any; ``code`` is the error's code.
    """

    id: str
    error: str | None = None
    code: str | None = None
    quotes: int = 0
    encoding: str | None = None
    output: str | None = None
    document: Document | None = None
    source: InputDoc | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@attrs.frozen
class Task:
    """What a worker does with a chunk of documents; picklable, so it can be sent to processes.

    Args:
        extractor: the options to extract with (its ``timeout`` is each document's time limit).
        renderer: renders each result into its output text; ``None`` keeps the results instead.
    """

    extractor: Extractor
    renderer: Renderer | None = None

    def __call__(self, chunk: list[InputDoc]) -> list[Outcome]:
        if len(chunk) < 2 or self.extractor.resolved_engine() == "rules":
            return [self.one(doc) for doc in chunk]
        return self._together(chunk)

    def _together(self, chunk: list[InputDoc]) -> list[Outcome]:
        """The parser engine: one ``extract_many`` call for the chunk, so the sentences of all its
        documents go to the parser in batches (each document on its own time budget)."""
        ready = [self._ready(doc) for doc in chunk]
        texts = [doc for doc in ready if doc.text is not None]
        done = self.extractor.extract_many([(d.id, d.text or "") for d in texts], on_error="record")
        outcomes = []
        for given, doc in zip(chunk, ready):
            result = extract_one(self.extractor, doc) if doc.text is None else _with_meta(next(done), doc)
            outcomes.append(self._rendered(doc, result, given=given))
        return outcomes

    def one(self, doc: InputDoc) -> Outcome:
        """The outcome of one document."""
        ready = self._ready(doc)
        return self._rendered(ready, extract_one(self.extractor, ready), given=doc)

    def _ready(self, doc: InputDoc) -> InputDoc:
        """``doc`` ready to extract from: an HTML page's text extracted, on the document's time limit."""
        if doc.page is None:
            return doc
        seconds = self.extractor.timeout if self.extractor.alarm else 0.0
        return pages.ready(doc, max_chars=self.extractor.max_chars, seconds=seconds)

    def _rendered(self, doc: InputDoc, result: Document, *, given: InputDoc | None = None) -> Outcome:
        try:
            return self._outcome(doc, result, given)
        except Exception as exc:  # rendering failed: still one outcome, with an error
            return self.failed(doc, _internal(exc))

    def failed(self, doc: InputDoc, failure: Failure) -> Outcome:
        """The outcome of a document that failed with ``failure``."""
        return self._outcome(doc, Document.failed(doc.id, failure, doc.meta))

    def _outcome(self, doc: InputDoc, result: Document, given: InputDoc | None = None) -> Outcome:
        counts = (result.id, result.error, result.code, len(result.quotes), doc.encoding)
        if self.renderer is None:
            source = doc if given is not None and given is not doc else None
            return Outcome(*counts, document=result, source=source)
        output = self.renderer.render(result, doc.text, encoding=doc.encoding, extracted=doc.extracted)
        return Outcome(*counts, output=output)


def _internal(exc: Exception) -> Failure:
    """A failure of quotex's own code after extraction (rendering a result)."""
    return Errors.E305(name=type(exc).__name__, detail=exc)


def process(
    docs: Iterable[InputDoc],
    extractor: Extractor,
    *,
    jobs: int = 1,
) -> Iterator[tuple[InputDoc, Document]]:
    """Extract from every document, yielding each input with its result, in input order.

    Args:
        docs: the input documents; those that could not be read become failed results.
        extractor: the options to extract with (its ``timeout`` is each document's time limit).
        jobs: worker processes to use (1: this process).

    Yields:
        ``(input, result)`` for every input document; a failed one has ``result.error`` set. An
        HTML page's ``input`` is the document its text was extracted into (``text`` set).

    Raises:
        ValueError: ``jobs`` is less than 1.
    """
    outcomes = run(Task(extractor), docs, jobs=jobs)
    return ((outcome.source or doc, outcome.document) for doc, outcome in outcomes if outcome.document is not None)


def run(task: Task, docs: Iterable[InputDoc], *, jobs: int = 1) -> Iterator[tuple[InputDoc, Outcome]]:
    """Run ``task`` over ``docs`` with ``jobs`` processes; yields ``(input, outcome)`` in input order.

    Raises:
        ValueError: ``jobs`` is less than 1.
    """
    if jobs < 1:
        raise ValueError(Errors.E301.format(value=jobs))
    return _run(task, docs, jobs)


def _run(task: Task, docs: Iterable[InputDoc], jobs: int) -> Iterator[tuple[InputDoc, Outcome]]:
    chunks = chunked(docs)
    if jobs > 1:
        head = list(itertools.islice(chunks, 2))
        if len(head) == 2:
            with _Pool(task, jobs) as pool:
                yield from pool.ordered(itertools.chain(head, chunks))
            return
        chunks = iter(head)  # a single chunk: not worth starting processes for
    for chunk in chunks:
        yield from zip(chunk, task(chunk))


def chunked(
    docs: Iterable[InputDoc], *, max_docs: int = CHUNK_DOCS, max_chars: int = CHUNK_CHARS
) -> Iterator[list[InputDoc]]:
    """Cut ``docs`` into lists of at most ``max_docs`` documents and about ``max_chars`` characters."""
    chunk: list[InputDoc] = []
    size = 0
    for doc in docs:
        length = doc.size
        if chunk and (len(chunk) >= max_docs or size + length > max_chars):
            yield chunk
            chunk, size = [], 0
        chunk.append(doc)
        size += length
    if chunk:
        yield chunk


class _Pool:
    """Worker processes running a task over chunks, with results in input order."""

    def __init__(self, task: Task, jobs: int) -> None:
        self.task = task
        self.jobs = jobs
        self.executor = self._start()

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        # on an error or an interruption, drop the queued chunks instead of waiting for them
        self.executor.shutdown(wait=kind is None, cancel_futures=kind is not None)

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.jobs, initializer=_init_worker, initargs=(os.getpid(),))

    def _restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def _submit(self, chunk: list[InputDoc]) -> Future[list[Outcome]]:
        try:
            return self.executor.submit(self.task, chunk)
        except BrokenProcessPool as exc:  # broken before this chunk could be queued
            future: Future[list[Outcome]] = Future()
            future.set_exception(exc)
            return future

    def ordered(self, chunks: Iterable[list[InputDoc]]) -> Iterator[tuple[InputDoc, Outcome]]:
        """Run every chunk, keeping a bounded window in flight; yield the outcomes in order."""
        window = self.jobs * WINDOW_PER_JOB
        pending: collections.deque[tuple[list[InputDoc], Future[list[Outcome]]]] = collections.deque()
        for chunk in chunks:
            pending.append((chunk, self._submit(chunk)))
            if len(pending) >= window:
                yield from self._collect(pending)
        while pending:
            yield from self._collect(pending)

    def _collect(
        self, pending: collections.deque[tuple[list[InputDoc], Future[list[Outcome]]]]
    ) -> Iterator[tuple[InputDoc, Outcome]]:
        chunk, future = pending.popleft()
        try:
            outcomes = future.result()
        except BrokenProcessPool:
            # A worker died (killed, out of memory, a crash in native code) and took every queued
            # chunk with it. Re-run them one at a time, so the next death names its chunk.
            backlog = [chunk, *(c for c, _ in pending)]
            pending.clear()
            self._restart()
            for lost in backlog:
                yield from self._isolate(lost)
            return
        yield from zip(chunk, outcomes)

    def _isolate(self, chunk: list[InputDoc]) -> Iterator[tuple[InputDoc, Outcome]]:
        """Run ``chunk`` alone; if its worker dies, narrow the death down to one document."""
        try:
            outcomes = self._submit(chunk).result()
        except BrokenProcessPool:
            self._restart()
            if len(chunk) == 1:
                yield chunk[0], self.task.failed(chunk[0], Errors.E304())
                return
            for doc in chunk:
                yield from self._isolate([doc])
            return
        yield from zip(chunk, outcomes)


def _init_worker(parent: int) -> None:
    """Set up a worker process: one thread for numeric libraries, no Ctrl-C, die with the parent."""
    # The workers already use every core between them: numeric libraries (torch, for the stanza
    # engine) get one thread each. The variables cover a later import; set_num_threads an earlier one.
    for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[name] = "1"
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(1)
    # Ctrl-C reaches the whole process group: the parent handles it and stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), name="quotex-parent-watch", daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """Exit when the parent process is gone (killed with SIGKILL, say), instead of waiting forever."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def reason(code: str | None) -> str:
    """A short name for an error code, for the summary: ``"E107"`` -> ``"binary"``, ``"E303"`` -> ``"timeout"``."""
    if code is None:
        return "other"
    return REASONS.get(code, code)


@attrs.define
class Tally:
    """Counts of a run, for its summary: documents, quotes, failures by reason, fallback encodings."""

    documents: int = 0
    quotes: int = 0
    failed: int = 0
    reasons: collections.Counter[str] = attrs.field(factory=collections.Counter)
    encodings: collections.Counter[str] = attrs.field(factory=collections.Counter)
    started: float = attrs.field(factory=time.perf_counter)

    def add(self, outcome: Outcome) -> None:
        self.documents += 1
        self.quotes += outcome.quotes
        if outcome.error is not None:
            self.failed += 1
            self.reasons[reason(outcome.code)] += 1
        if outcome.encoding is not None:
            self.encodings[outcome.encoding] += 1

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def summary(self) -> str:
        """One paragraph: documents, quotes, failures by reason, fallback encodings, time."""
        seconds = self.seconds
        rate = self.documents / seconds if seconds > 0 else 0.0
        lines = [f"{self.documents:,} documents, {self.quotes:,} quotes, {self.failed:,} failed "
                 f"in {seconds:.1f} s ({rate:,.0f} documents/s)"]
        if self.reasons:
            lines.append("failed: " + ", ".join(f"{name} {n:,}" for name, n in self.reasons.most_common()))
        if self.encodings:
            lines.append("decoded with a fallback encoding: "
                         + ", ".join(f"{name} {n:,}" for name, n in self.encodings.most_common()))
        return "\n".join(lines)
