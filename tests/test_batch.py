"""Batch runs: chunking, input order, bounded memory, worker processes, time budgets, summaries."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import sys
import time
import types
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from quotex.alarm import time_budget
from quotex.batch import (
    CHUNK_DOCS,
    REASONS,
    WINDOW_PER_JOB,
    Outcome,
    Tally,
    Task,
    _init_worker,
    chunked,
    process,
    reason,
    run,
)
from quotex.errors import DocumentTimeout
from quotex.extractor import Extractor
from quotex.inputs import InputDoc, iter_inputs
from quotex.outputs import Renderer
from quotex.pipeline import Finished
from tests.conftest import CORPUS, run_quotex

SAY = "“We will not sign this,” Foreign Minister Anna Berg said on Monday. Officials said talks had failed."


class SlowExtractor(Extractor):
    """Sleeps on a text containing "slow"; module-level so worker processes can unpickle it."""

    def _extract_rules(self, text: str) -> Finished:  # (what extract and extract_many both run)
        if "slow" in text:
            time.sleep(30)
        return super()._extract_rules(text)


class DyingExtractor(Extractor):
    """Kills its process on a text containing "die", as a crash in native code would."""

    def _extract_rules(self, text: str) -> Finished:
        if "die" in text:
            os._exit(3)
        return super()._extract_rules(text)


def docs(n: int, text: str = SAY) -> list[InputDoc]:
    return [InputDoc(id=f"d{i}", text=f"{text} ({i})") for i in range(n)]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Real news in a few chunks: 80 Wikinews articles, and the seeds as a JSONL file."""
    root = tmp_path_factory.mktemp("sample")
    for path in sorted((CORPUS / "wikinews" / "docs").glob("*.txt"))[:80]:
        (root / path.name).write_bytes(path.read_bytes())
    return [root, CORPUS / "seeds" / "gold.jsonl"]


def test_chunks_are_bounded_by_documents_and_characters() -> None:
    many = docs(100)
    chunks = list(chunked(many, max_docs=32, max_chars=10**9))
    assert [len(c) for c in chunks] == [32, 32, 32, 4]
    assert list(itertools.chain.from_iterable(chunks)) == many
    big = [InputDoc("a", "x" * 600), InputDoc("b", "y" * 600), InputDoc("bad", error="[E107] binary", code="E107"),
           InputDoc("c", "z" * 2000), InputDoc("d", "w")]
    assert [[d.id for d in c] for c in chunked(big, max_docs=32, max_chars=1000)] == [
        ["a"], ["b", "bad"], ["c"], ["d"],  # a document over the limit makes a chunk on its own
    ]


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_in_input_order_with_every_document_once(jobs: int) -> None:
    inputs = [*docs(150), InputDoc("unread", error="[E107] binary file", code="E107"), *docs(3, "Quiet.")]
    out = list(process(inputs, Extractor(), jobs=jobs))
    assert [doc.id for doc, _ in out] == [d.id for d in inputs]
    assert [result.id for _, result in out] == [d.id for d in inputs]
    assert all(result.quotes for _, result in out[:150])
    assert out[150][1].error == "[E107] binary file" and out[150][1].code == "E107"


def test_jobs_must_be_positive() -> None:
    with pytest.raises(ValueError, match="E301"):
        process([], Extractor(), jobs=0)


def test_two_workers_write_exactly_what_one_writes(sample: list[Path]) -> None:
    task = Task(Extractor(), Renderer("jsonl", with_text=True))
    one = [o.output for _, o in run(task, iter_inputs(sample), jobs=1)]
    two = [o.output for _, o in run(task, iter_inputs(sample), jobs=2)]
    assert len(one) == 82
    assert two == one


def test_the_input_is_read_lazily_in_bounded_chunks() -> None:
    pulled = 0

    def endless() -> Iterator[InputDoc]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield InputDoc(id=str(i), text=SAY)

    results = process(endless(), Extractor(), jobs=2)
    for _ in itertools.islice(results, 5):
        pass
    # what is in flight, plus the chunk being filled: never the whole (here endless) input
    assert pulled <= (2 * WINDOW_PER_JOB + 1) * CHUNK_DOCS
    results.close()


def test_time_budget_interrupts_a_busy_document() -> None:
    started = time.perf_counter()
    with pytest.raises(DocumentTimeout, match="E303"), time_budget(0.05):
        while True:
            pass
    assert time.perf_counter() - started < 5
    with time_budget(0.05):
        pass
    time.sleep(0.1)  # the timer was disarmed: nothing goes off later
    # an inner budget leaves the outer one in charge
    with time_budget(0.05), time_budget(10), pytest.raises(DocumentTimeout):
        while True:
            pass


def test_time_budget_is_reported_on_the_document_not_raised() -> None:
    task = Task(SlowExtractor(timeout=0.2, alarm=True), Renderer("jsonl"))
    inputs = [InputDoc("fast", text=SAY), InputDoc("slow", text="A slow one."), InputDoc("after", text=SAY)]
    started = time.perf_counter()
    outcomes = [o for _, o in run(task, inputs, jobs=1)]
    assert time.perf_counter() - started < 10
    assert [o.id for o in outcomes] == ["fast", "slow", "after"]
    assert outcomes[0].ok and outcomes[2].ok and outcomes[2].quotes
    assert outcomes[1].error is not None and outcomes[1].error.startswith("[E303]")
    assert outcomes[1].code == "E303" and reason(outcomes[1].code) == "timeout"


def test_the_stages_hold_the_budget_without_a_timer() -> None:
    # no SIGALRM: the stages' own checks stop a long document (some 4 s of work compiled, 7 s pure), and the next
    # one (a fraction of a millisecond) runs
    long = " ".join([SAY] * 15000)
    Extractor().extract(SAY)  # the word lists load before any budget starts
    out = list(Extractor(timeout=0.25).extract_many([SAY, long, SAY]))
    assert out[1].code == "E303" and out[1].error is not None and "0.25 s" in out[1].error
    assert out[0].quotes and out[2].quotes and out[0].ok and out[2].ok
    with pytest.raises(DocumentTimeout, match=r"^\[E303\]"):
        Extractor(timeout=1e-6).extract(long)


def test_time_budget_holds_in_worker_processes() -> None:
    inputs = [*docs(40), InputDoc("slow", text="slow"), *docs(40)]
    started = time.perf_counter()
    out = list(process(inputs, SlowExtractor(timeout=0.2, alarm=True), jobs=2))
    assert time.perf_counter() - started < 20
    assert [doc.id for doc, _ in out] == [d.id for d in inputs]
    assert [result.id for _, result in out if result.error] == ["slow"]


def test_a_dying_worker_costs_only_its_document() -> None:
    inputs = [*docs(100), InputDoc("killer", text="I die here."), *docs(100, "Then it goes on.")]
    out = list(process(inputs, DyingExtractor(), jobs=2))
    assert [result.id for _, result in out] == [d.id for d in inputs]
    failed = [result for _, result in out if result.error]
    assert [r.id for r in failed] == ["killer"]
    assert failed[0].code == "E304" and (failed[0].error or "").startswith("[E304]")


class FakeTorch(types.ModuleType):
    """Stands in for an already imported torch (the real one is not imported by quotex's batch code)."""

    threads: int | None = None

    def set_num_threads(self, n: int) -> None:
        self.threads = n


def _worker_state() -> tuple[str | None, object, int | None]:
    torch = sys.modules.get("torch")
    return os.environ.get("OMP_NUM_THREADS"), signal.getsignal(signal.SIGINT), getattr(torch, "threads", None)


def test_workers_get_one_numeric_thread_and_leave_ctrl_c_to_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    if "torch" not in sys.modules:  # a forked worker inherits the modules: pretend torch is loaded
        monkeypatch.setitem(sys.modules, "torch", FakeTorch("torch"))
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(1, mp_context=context, initializer=_init_worker, initargs=(os.getpid(),)) as pool:
        threads, sigint, torch_threads = pool.submit(_worker_state).result()
    assert threads == "1"  # for a torch imported later
    assert sigint == signal.SIG_IGN
    if isinstance(sys.modules["torch"], FakeTorch):
        assert torch_threads == 1  # for a torch imported already


def test_reasons_and_tally() -> None:
    assert reason("E107") == "binary"
    assert reason("E104") == reason("E105") == "bad JSONL line"
    assert reason("E108") == "too long"
    assert reason("E303") == reason("E306") == "timeout"
    assert reason("E305") == "internal error"
    assert reason(None) == "other"
    assert set(REASONS) >= {"E101", "E102", "E103", "E106", "E302", "E304"}
    tally = Tally()
    for outcome in [Outcome("a", quotes=2), Outcome("b", error="[E107] binary", code="E107"),
                    Outcome("c", encoding="cp1252"), Outcome("d", error="[E108] too long", code="E108"),
                    Outcome("e", error="[E107] binary", code="E107")]:
        tally.add(outcome)
    assert (tally.documents, tally.quotes, tally.failed) == (5, 2, 3)
    assert sum(tally.reasons.values()) == tally.failed
    text = tally.summary()
    assert "5 documents, 2 quotes, 3 failed" in text
    assert "binary 2, too long 1" in text and "cp1252 1" in text


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_cli_jobs_two_equals_jobs_one(sample: list[Path], tmp_path: Path, fmt: str) -> None:
    one = run_quotex("extract", *sample, "--jobs", "1", "--format", fmt, "-o", tmp_path / "one")
    two = run_quotex("extract", *sample, "--jobs", "2", "--format", fmt, "-o", tmp_path / "two")
    # (the engine's own failures, if any, are beside the point here: they must merely be the same)
    assert one.returncode == two.returncode and one.returncode in (0, 1), two.stderr
    assert (tmp_path / "one").read_bytes() == (tmp_path / "two").read_bytes()
    assert (tmp_path / "one").read_bytes().count(b"\n") > 80
