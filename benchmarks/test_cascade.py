"""The parser cascade against parsing every sentence: documents/s and F1 on the Wikinews gold.

Both variants run the rules, parse sentences in one bulk Stanza call and merge the trees'
attributions the same way; they differ only in which sentences go to the parser: the ones the
rules leave open (the cascade) or all of them.  The rules engine alone is the third row.  F1 is
the project's scorer at overlap 0.3 (which agrees with the reference scorer).

Needs Stanza and models: ``$QUOTEX_STANZA_DIR``, else the compact models in
``../shared/stanza/en-compact``.  Run with ``python -m pytest benchmarks/test_cascade.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from benchmarks.conftest import CASCADE, REPO_ROOT
from quotex import evaluate, models, pipeline

pytest.importorskip("stanza", reason="Stanza is not installed (pip install '.[stanza]')")

GOLD = REPO_ROOT / "corpus" / "wikinews" / "gold.jsonl"
MODELS = Path(os.environ.get(models.ENV_VAR) or REPO_ROOT.parent / "shared" / "stanza" / "en-compact")
ROUNDS = 3
#: docs/s, F1 and parsed sentences of each variant, for the closing comparison (printed at the
#: end of the run by ``conftest.pytest_terminal_summary``).
RUNS = CASCADE


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def nlp() -> Any:
    if not models.inspect(MODELS).complete:
        pytest.skip(f"no complete Stanza models in {MODELS} (set ${models.ENV_VAR})")
    loaded = models.load_pipeline(MODELS)
    pipeline.run_parsed(["Officials said the bridge would reopen."], loaded)  # warm up
    return loaded


def _score(gold: list[dict[str, Any]], results: list[list[Any]]) -> float:
    predictions = {doc["id"]: {"quotes": [q.to_dict() for q in quotes]} for doc, quotes in zip(gold, results)}
    return evaluate.evaluate(gold, predictions).counts["0.3"].f1


@pytest.mark.parametrize("select", ["rules", "candidates", "all"])
def test_engine(benchmark: Any, gold: list[dict[str, Any]], nlp: Any, select: str) -> None:
    texts = [doc["text"] for doc in gold]
    if select == "rules":
        results = benchmark.pedantic(lambda: [pipeline.run_rules(t) for t in texts], rounds=ROUNDS)
        parsed = 0
    else:
        results = benchmark.pedantic(pipeline.run_parsed, args=(texts, nlp, select), rounds=ROUNDS)
        parsed = sum(len(pipeline.open_document(t, select).sentences) for t in texts)
    rate = len(texts) / benchmark.stats.stats.median
    f1 = _score(gold, results)
    RUNS[select] = {"docs_per_s": rate, "f1": f1, "sentences": parsed}
    benchmark.extra_info.update(docs=len(texts), docs_per_s=round(rate, 2), f1_at_0_3=round(100 * f1, 1),
                                parsed_sentences=parsed,
                                sentences=sum(len(pipeline.context(t).sents) for t in texts))


def test_cascade_is_faster_at_equal_f1() -> None:
    if "candidates" not in RUNS or "all" not in RUNS:
        pytest.skip("runs after test_engine[candidates] and test_engine[all]")
    cascade, full = RUNS["candidates"], RUNS["all"]
    speedup = cascade["docs_per_s"] / full["docs_per_s"]
    assert speedup >= 3, speedup
    assert cascade["f1"] >= full["f1"], (cascade["f1"], full["f1"])
