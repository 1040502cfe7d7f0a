"""Throughput of ``extract`` on each corpus, next to the reference floor measured in the same run.

Both read every file from disk in every round. pytest runs the two tests of a corpus one after the
other (the corpus fixture is one per session, so the tests are grouped by it), and the fraction
compares their medians; each ``extract`` test then measures its share once more, from rounds of
the floor and of ``extract`` taken in turn, which a drift of the machine's speed between the two
tests cannot tilt.
"""

from __future__ import annotations

from typing import Any

from benchmarks.conftest import Corpus, floor_pass, paired_share, record
from quotex import Extractor

ROUNDS = 5


def test_floor(benchmark: Any, corpus: Corpus) -> None:
    found = benchmark.pedantic(floor_pass, args=(corpus,), rounds=ROUNDS, warmup_rounds=1)
    assert found > 0
    record(benchmark, corpus, "floor")


def test_extract(benchmark: Any, corpus: Corpus) -> None:
    extractor = Extractor(engine="rules")

    def run() -> int:
        return sum(len(extractor.extract(text)) for text in corpus.read())

    quotes = benchmark.pedantic(run, rounds=ROUNDS, warmup_rounds=1)
    assert quotes > 0
    benchmark.extra_info["quotes"] = quotes
    record(benchmark, corpus, "extract")
    # the same share again, from rounds of the floor and of extract taken in turn
    benchmark.extra_info["fraction_of_floor_paired"] = round(paired_share(corpus, run, ROUNDS), 4)
