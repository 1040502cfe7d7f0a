"""Running extraction over a stream of input documents: in parallel, in bounded memory, in order.

The documents are read lazily, cut into small chunks (``CHUNK_DOCS`` documents or
``CHUNK_CHARS`` characters, whichever comes first) and handed to worker processes, with at most
``WINDOW_PER_JOB`` chunks per worker in flight, so memory stays flat however large the corpus.
Results come back in input order. A ``Task`` does everything one document needs (extraction under
a time budget, then rendering the output text), so the writing process only appends strings, and
``--jobs 1`` runs exactly the same code in-process: the output does not depend on the number of
workers.

A failure is recorded on its document, never raised: a document over its time budget (a
``SIGALRM`` timer in the process running it) and a document whose worker process died (the pool is
restarted and the chunk re-run one document at a time to find the culprit) get an error like
every other bad input.
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import FrameType

import attrs

from quotex.extractor import Extractor
from quotex.inputs import InputDoc
from quotex.outputs import Renderer
from quotex.records import Document

#: Seconds one document may take before it is reported as timed out.
DEFAULT_TIMEOUT = 30.0
#: A chunk holds at most this many documents (each hand-over to a worker costs about a millisecond
#: of pickling and waking up; 64 news articles take a worker some 40 ms) ...
CHUNK_DOCS = 64
#: ... and at most about this many characters (a longer document makes a chunk on its own).
CHUNK_CHARS = 1_000_000
#: Chunks in flight per worker process: enough to keep every worker busy, few enough to bound memory.
WINDOW_PER_JOB = 4

#: Short names of the error codes, for the summary of a run.
REASONS = {
    "E101": "missing",
    "E102": "unreadable",
    "E103": "undecodable",
    "E104": "bad JSONL line",
    "E105": "bad JSONL line",
    "E106": "no text",
    "E107": "binary",
    "E108": "too long",
    "E012": "too long",
    "E302": "no text",
    "E303": "timeout",
    "E304": "worker died",
    "E305": "internal error",
}
# The error code of an error message.  "[E107] binary file (NUL byte at offset 3) in x.txt"
ERROR_CODE = re.compile(r"\[(E\d{3})\]")
# The exception type heading a recorded exception.  "TimeoutError: regex timed out"
EXCEPTION_NAME = re.compile(r"^([A-Z]\w*(?:Error|Exception|Timeout))\b")


class DocumentTimeout(TimeoutError):
    """A document took longer than its time budget."""


def default_jobs() -> int:
    """The number of CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@contextlib.contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise ``DocumentTimeout`` in the block when it runs longer than ``seconds``.

    A ``SIGALRM`` interval timer: it interrupts Python code and ``regex`` matching alike. Where
    timers cannot be used (no ``setitimer``, or not the main thread) the block runs unbounded;
    the patterns that read whole documents are linear in them or carry their own ``timeout=``
    (see ``segment.TIMEOUT``), and the rest read one sentence or one mention at a time.
    """
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout(f"[E303] the document took longer than its time budget of {seconds:g} s (--timeout)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)


def extract_one(extractor: Extractor, doc: InputDoc, *, timeout: float | None = None) -> Document:
    """The result for one input document; a failure is recorded in it, never raised."""
    if doc.text is None:
        return Document(id=doc.id, error=doc.error or "[E302] no text")
    try:
        with time_budget(timeout):
            return next(extractor.extract_many([(doc.id, doc.text)], on_error="record"))
    except DocumentTimeout as exc:  # the timer went off outside the extractor's own error handling
        return Document(id=doc.id, error=f"{type(exc).__name__}: {exc}")


@attrs.frozen
class Outcome:
    """What became of one document: its id, error, number of quotes, and the result itself.

    ``output`` is the rendered text to write (when the task has a renderer), ``document`` the
    result (when it has none); ``encoding`` is the input's fallback encoding, if any.
    """

    id: str
    error: str | None = None
    quotes: int = 0
    encoding: str | None = None
    output: str | None = None
    document: Document | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@attrs.frozen
class Task:
    """What a worker does with a chunk of documents; picklable, so it can be sent to processes.

    Args:
        extractor: the options to extract with.
        renderer: renders each result into its output text; ``None`` keeps the results instead.
        timeout: seconds each document may take (``None`` or 0: no limit).
    """

    extractor: Extractor
    renderer: Renderer | None = None
    timeout: float | None = DEFAULT_TIMEOUT

    def __call__(self, chunk: list[InputDoc]) -> list[Outcome]:
        if len(chunk) < 2 or self.extractor.resolved_engine() == "rules":
            return [self.one(doc) for doc in chunk]
        return self._together(chunk)

    def _together(self, chunk: list[InputDoc]) -> list[Outcome]:
        """The parser engine: one ``extract_many`` call for the chunk, so the sentences of all its
        documents go to the parser in one batch.  The chunk's budget is the documents' budgets
        summed; when it runs out, each document is run again on its own budget."""
        ready = [doc for doc in chunk if doc.text is not None]
        budget = self.timeout * len(ready) if self.timeout else None
        try:
            with time_budget(budget):
                results = list(self.extractor.extract_many([(d.id, d.text or "") for d in ready], on_error="record"))
        except DocumentTimeout:
            return [self.one(doc) for doc in chunk]
        if len(results) != len(ready) or any(r.error and "DocumentTimeout" in r.error for r in results):
            return [self.one(doc) for doc in chunk]
        done = iter(results)
        out = []
        for doc in chunk:
            if doc.text is None:
                out.append(self.one(doc))
                continue
            try:
                out.append(self._outcome(doc, next(done)))
            except Exception as exc:  # rendering failed: still one outcome, with an error
                out.append(self.failed(doc, f"[E305] internal error: {type(exc).__name__}: {exc}"))
        return out

    def one(self, doc: InputDoc) -> Outcome:
        """The outcome of one document."""
        try:
            result = extract_one(self.extractor, doc, timeout=self.timeout)
            return self._outcome(doc, result)
        except Exception as exc:  # rendering failed: still one outcome, with an error
            return self.failed(doc, f"[E305] internal error: {type(exc).__name__}: {exc}")

    def failed(self, doc: InputDoc, error: str) -> Outcome:
        """The outcome of a document that failed with ``error``."""
        return self._outcome(doc, Document(id=doc.id, error=error))

    def _outcome(self, doc: InputDoc, result: Document) -> Outcome:
        if self.renderer is None:
            return Outcome(result.id, result.error, len(result.quotes), doc.encoding, document=result)
        output = self.renderer.render(result, doc.text, encoding=doc.encoding)
        return Outcome(result.id, result.error, len(result.quotes), doc.encoding, output=output)


def process(
    docs: Iterable[InputDoc],
    extractor: Extractor,
    *,
    jobs: int = 1,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Iterator[tuple[InputDoc, Document]]:
    """Extract from every document, yielding each input with its result, in input order.

    Args:
        docs: the input documents; those that could not be read become failed results.
        extractor: the options to extract with.
        jobs: worker processes to use (1: this process).
        timeout: seconds each document may take before it is reported as failed.

    Yields:
        ``(input, result)`` for every input document; a failed one has ``result.error`` set.

    Raises:
        ValueError: ``jobs`` is less than 1.
    """
    outcomes = run(Task(extractor, timeout=timeout), docs, jobs=jobs)
    return ((doc, outcome.document) for doc, outcome in outcomes if outcome.document is not None)


def run(task: Task, docs: Iterable[InputDoc], *, jobs: int = 1) -> Iterator[tuple[InputDoc, Outcome]]:
    """Run ``task`` over ``docs`` with ``jobs`` processes; yields ``(input, outcome)`` in input order.

    Raises:
        ValueError: ``jobs`` is less than 1.
    """
    if jobs < 1:
        raise ValueError(f"[E301] jobs must be at least 1, not {jobs}")
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
        length = len(doc.text) if doc.text is not None else 0
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
                error = "[E304] the worker process died while processing this document"
                yield chunk[0], self.task.failed(chunk[0], error)
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


def reason(error: str) -> str:
    """A short name for why a document failed, for the summary: ``binary``, ``timeout``, ..."""
    code = ERROR_CODE.search(error)
    if code is not None:
        return REASONS.get(code.group(1), code.group(1))
    name = EXCEPTION_NAME.match(error)
    if name is not None:
        return "timeout" if name.group(1) == "TimeoutError" else name.group(1)
    return "other"


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
            self.reasons[reason(outcome.error)] += 1
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
