"""Time of each stage of the rules engine on the Wikinews set, one stage at a time.

Every stage is given inputs prepared beforehand by the stages before it (outside the timing), and
fresh ones in every round, since later stages extend their inputs in place. The stage functions
are called as the pipeline calls them; ``whole`` is ``run_rules`` for comparison.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from benchmarks.conftest import Corpus, record
from quotex import attribution, continuations, cues, direct, document, indirect, marks, pipeline, rule_merge, segment

ROUNDS = 5
Prepared = list[tuple[Any, ...]]


def _texts(corpus: Corpus) -> Prepared:
    return [(text,) for text in corpus.texts if text.strip()]


def _segment(text: str) -> object:
    paras = segment.paragraphs(text)
    return segment.sentences(text, paras)


def _marks_in(corpus: Corpus) -> Prepared:
    return [(text, segment.paragraphs(text)) for text in corpus.texts if text.strip()]


def _rules_in(corpus: Corpus) -> Prepared:
    # a fresh context per round: the rules add to it
    return [(pipeline.context(text), cues.find_cues(text)) for text in corpus.texts if text.strip()]


def _rules(ctx: document.Context, found: list[document.Cue]) -> object:
    # pipeline.rule_stage after its context and cues: keep in step with it
    ctx.set_cues(found)
    hosts, used, unattributed = direct.direct_quotes(ctx, found)
    hosts, reported = indirect.indirect_quotes(ctx, found, used, hosts)
    return continuations.continuations(ctx, rule_merge.merge(ctx, hosts, reported), unattributed)


def _attribution_in(corpus: Corpus) -> Prepared:
    return [pipeline.analyse(text) for text in corpus.texts if text.strip()]


STAGES: dict[str, tuple[Callable[[Corpus], Prepared], Callable[..., object]]] = {
    "segment": (_texts, _segment),
    "marks": (_marks_in, marks.find_pieces),
    "cues": (_texts, cues.find_cues),
    "rules": (_rules_in, _rules),
    "attribution": (_attribution_in, attribution.finish),
    "whole": (_texts, pipeline.run_rules),
}


@pytest.mark.parametrize("stage", list(STAGES))
def test_stage(benchmark: Any, wikinews: Corpus, stage: str) -> None:
    prepare, fn = STAGES[stage]

    def setup() -> tuple[tuple[Prepared], dict[str, Any]]:
        return (prepare(wikinews),), {}

    def run(prepared: Prepared) -> None:
        for args in prepared:
            fn(*args)

    benchmark.pedantic(run, setup=setup, rounds=ROUNDS, warmup_rounds=1)
    record(benchmark, wikinews, f"stage: {stage}")
