"""Shared set-up of the benchmarks: the corpora, the reference floor, and the closing table.

Run them with ``python -m pytest benchmarks/ --benchmark-only`` (plain ``python -m pytest`` only
collects ``tests/``). Each corpus is read from disk in every round, by the floor and by the
extractor alike, so that every figure can be read as a fraction of the floor: reading the same
files plus one regex pass for quote marks and reporting verbs, the least any quote finder must do.
"""

from __future__ import annotations

import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:  # `pytest benchmarks/` does not put the repository on the path
    sys.path.insert(0, str(REPO_ROOT))

import quotex  # noqa: E402 - after the path is set
from quotex import lexicon  # noqa: E402
from tests.cases import CASES  # noqa: E402 - the one golden list, shared with the tests

CORPUS = REPO_ROOT / "corpus"
#: The corpora on disk: every ``*.txt`` below each directory.
CORPORA = {
    "wikinews": CORPUS / "wikinews" / "docs",
    "senate-1k": CORPUS / "senate-1k" / "docs",
    "seeds": CORPUS / "seeds",
}



_REPORT_FORMS = lexicon.verb_forms("report_verbs")
# The floor's one pass: any quote mark, or any form of a reporting verb as a whole word (also
# capitalised, as at a sentence start).  '"We will," she said.' -> '"', '"', 'said'
FLOOR_PATTERN = re.compile(
    r"[\"'“”‘’„‚«»‹›]|\b"
    + lexicon.trie_pattern(sorted(set(_REPORT_FORMS) | {form.capitalize() for form in _REPORT_FORMS}))
    + r"\b"
)


@attrs.frozen
class Corpus:
    """A benchmark corpus: its files (or in-memory texts for the golden cases) and their size."""

    name: str
    paths: tuple[Path, ...]
    texts: tuple[str, ...]

    @property
    def docs(self) -> int:
        return len(self.texts)

    @property
    def chars(self) -> int:
        return sum(map(len, self.texts))

    def read(self) -> list[str]:
        """The texts, read from disk again (the golden cases have no files: their texts as they are)."""
        if not self.paths:
            return list(self.texts)
        return [path.read_text(encoding="utf-8") for path in self.paths]


def load_corpus(name: str) -> Corpus:
    """One of ``CORPORA``, or ``cases``: the texts of the golden cases in ``tests/cases.py``."""
    if name == "cases":
        return Corpus("cases", (), tuple(case.text for case in CASES))
    paths = tuple(sorted(CORPORA[name].rglob("*.txt")))
    return Corpus(name, paths, tuple(p.read_text(encoding="utf-8") for p in paths))


#: docs/s of every benchmark of the run, by (corpus, what): the closing table is made from it.
RESULTS: dict[tuple[str, str], float] = {}
#: docs/s, F1 and parsed sentences of each parser variant of ``test_cascade.py``, by variant.
CASCADE: dict[str, dict[str, float]] = {}
#: Share of the floor by corpus, from rounds of the floor and of ``extract`` taken in turn.
PAIRED: dict[str, float] = {}


def floor_pass(corpus: Corpus) -> int:
    """The reference floor: read every text and run the one regex pass over it."""
    found = 0
    for text in corpus.read():
        found += len(FLOOR_PATTERN.findall(text))
    return found


def floor_rate(corpus: Corpus) -> float:
    """The floor's docs/s for ``corpus``: from this run's floor benchmark, else timed here (best of 5)."""
    if (corpus.name, "floor") not in RESULTS:
        best = min(_timed(floor_pass, corpus) for _ in range(5))
        RESULTS[(corpus.name, "floor")] = corpus.docs / best
    return RESULTS[(corpus.name, "floor")]


def _timed(fn: Callable[[Corpus], object], corpus: Corpus) -> float:
    started = time.perf_counter()
    fn(corpus)
    return time.perf_counter() - started


def paired_share(corpus: Corpus, run: Callable[[], object], rounds: int = 5) -> float:
    """The share of the floor from rounds of the floor and of ``run`` taken in turn (medians).

    The floor's own benchmark and ``extract``'s run one after the other, and this machine's speed
    drifts by up to a tenth between runs; taken in turn, the drift falls on both alike.
    """
    floor, other = [], []
    for _ in range(rounds):
        floor.append(_timed(floor_pass, corpus))
        started = time.perf_counter()
        run()
        other.append(time.perf_counter() - started)
    share = statistics.median(floor) / statistics.median(other)
    PAIRED[corpus.name] = share
    return share


def record(benchmark: pytest.FixtureRequest, corpus: Corpus, what: str) -> None:
    """Store docs/s (from the median round) and the fraction of the floor in the results and the JSON."""
    median = benchmark.stats.stats.median  # type: ignore[attr-defined]
    rate = corpus.docs / median
    RESULTS[(corpus.name, what)] = rate
    info = benchmark.extra_info  # type: ignore[attr-defined]
    info.update(docs=corpus.docs, chars=corpus.chars, docs_per_s=round(rate, 1),
                mb_per_s=round(corpus.chars / median / 1e6, 3))
    if what != "floor":
        info["fraction_of_floor"] = round(rate / floor_rate(corpus), 4)


@pytest.fixture(scope="session", params=["wikinews", "senate-1k", "seeds", "cases"])
def corpus(request: pytest.FixtureRequest) -> Corpus:
    return load_corpus(request.param)


@pytest.fixture(scope="session")
def wikinews() -> Corpus:
    return load_corpus("wikinews")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """A table of docs/s and fractions of the floor, with the machine noted; then the cascade."""
    write = terminalreporter.write_line
    if CASCADE:
        write("")
        write("parser cascade on the Wikinews gold articles:")
        for name, run in CASCADE.items():
            write(f"  {name:<11} {run['docs_per_s']:8.2f} docs/s   F1@0.3 {100 * run['f1']:5.1f}   "
                  f"parsed sentences {run['sentences']:.0f}")
        if "candidates" in CASCADE and "all" in CASCADE:
            speedup = CASCADE["candidates"]["docs_per_s"] / CASCADE["all"]["docs_per_s"]
            write(f"  cascade speed-up over parsing every sentence: {speedup:.1f}x")
    if not RESULTS:
        return
    cpu = _cpu_name()
    write("")
    build = "compiled build" if quotex.compiled() else "pure-Python build"
    write(f"quotex throughput in docs/s (in brackets: share of the floor's docs/s on the same corpus), {build}, "
          f"{cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    names = sorted({c for c, _ in RESULTS}, key=lambda c: list(CORPORA).index(c) if c in CORPORA else 99)
    whats = sorted({w for _, w in RESULTS}, key=lambda w: (w != "floor", w != "extract", w))
    write(f"{'':28}" + "".join(f"{n:>22}" for n in names))
    for what in whats:
        cells = []
        for name in names:
            rate = RESULTS.get((name, what))
            if rate is None:
                cells.append(f"{'':>22}")
                continue
            floor = RESULTS.get((name, "floor"))
            share = f" ({rate / floor:6.1%})" if floor and what != "floor" else ""
            cells.append(f"{rate:>12,.0f}{share:>10}")
        write(f"{what:28}" + "".join(cells))
    if PAIRED:
        write(f"{'extract, floor beside it':28}" + "".join(
            f"{f'({PAIRED[n]:6.1%})':>22}" if n in PAIRED else f"{'':>22}" for n in names))


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def pytest_benchmark_update_machine_info(config: pytest.Config, machine_info: dict[str, object]) -> None:
    """The build under test goes into the saved JSON with the machine."""
    machine_info["quotex_build"] = "compiled" if quotex.compiled() else "pure Python"
