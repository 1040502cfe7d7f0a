"""The scorer: the matching protocol on hand-made cases, and agreement with the reference scorer."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quotex.evaluate import Scored, evaluate, format_report, speaker_matches, strip_marks
from tests.conftest import shared_path

TEXT = (
    'Talks stalled on Monday. "We will not sign this," Foreign Minister Anna Berg said. "Not now." '
    "Officials said the plan had failed. Analysts believe the deal is dead. "
    "The minister denied any wrongdoing."
)


def span(sub: str, text: str = TEXT) -> list[int]:
    """``[start, end]`` of the first occurrence of ``sub``."""
    start = text.index(sub)
    return [start, start + len(sub)]


def gold_doc(quotes: list[dict[str, Any]], doc_id: str = "d1", text: str = TEXT) -> dict[str, Any]:
    return {"id": doc_id, "text": text, "quotes": quotes}


def direct_quote() -> dict[str, Any]:
    parts = [span("We will not sign this,"), span("Not now.")]
    return {"content": [parts[0][0], parts[1][1]], "content_spans": parts, "kind": "direct",
            "cue": span("said"), "cue_text": "said", "source": span("Foreign Minister Anna Berg"),
            "speaker": "Anna Berg", "source_type": "named_person"}


def indirect_quote() -> dict[str, Any]:
    cue_start = TEXT.index("said the plan")
    return {"content": span("the plan had failed"), "kind": "indirect", "cue": [cue_start, cue_start + 4],
            "cue_text": "said", "source": span("Officials"), "speaker": None, "source_type": "unnamed_group"}


GOLD_QUOTES = [direct_quote(), indirect_quote()]


def as_prediction(quote: dict[str, Any]) -> dict[str, Any]:
    """A gold quote in the shape ``quotex extract`` writes."""
    content = quote.get("content_spans") or [quote["content"]]
    keep = ("kind", "cue", "source", "speaker", "source_type")
    return {"content": content, **{k: quote.get(k) for k in keep}}


def score(gold: list[dict[str, Any]], preds: list[dict[str, Any]], **options: Any) -> dict[str, Any]:
    return evaluate([gold_doc(gold)], {"d1": {"id": "d1", "quotes": preds}}, **options).to_dict()


def test_perfect_predictions_score_100() -> None:
    result = score(GOLD_QUOTES, [as_prediction(q) for q in GOLD_QUOTES])
    for threshold in ("0.3", "0.8", "exact"):
        assert result[threshold] == {"P": 100.0, "R": 100.0, "F1": 100.0, "pred": 3, "gold": 3}
    # the split direct quote is two segments; the indirect one has no speaker name to score
    assert result["acc@0.3"] == {"speaker": [100.0, 2], "source_type": [100.0, 3], "kind": [100.0, 3],
                                 "cue": [100.0, 3]}


def test_one_miss_lowers_recall_only() -> None:
    result = score(GOLD_QUOTES, [as_prediction(GOLD_QUOTES[0])])
    assert result["0.3"]["P"] == 100.0
    assert result["0.3"]["R"] == pytest.approx(66.7)
    assert result["0.3"]["F1"] == pytest.approx(80.0)


def test_false_alarm_lowers_precision_only() -> None:
    extra = {"content": [span("Talks stalled on Monday")], "kind": "indirect"}
    result = score(GOLD_QUOTES, [*map(as_prediction, GOLD_QUOTES), extra])
    assert result["exact"]["P"] == 75.0 and result["exact"]["R"] == 100.0


def test_optional_gold_counts_neither_as_miss_nor_as_false_alarm() -> None:
    optional = {"content": span("any wrongdoing"), "kind": "indirect", "cue": span("denied"),
                "source": span("The minister"), "speaker": "Anna Berg", "source_type": "named_person",
                "optional": True}
    gold = [*GOLD_QUOTES, optional]
    found = score(gold, [as_prediction(q) for q in gold])
    missed = score(gold, [as_prediction(q) for q in GOLD_QUOTES])
    for result in (found, missed):
        assert result["exact"] == {"P": 100.0, "R": 100.0, "F1": 100.0, "pred": 3, "gold": 3}


def test_split_content_spans_are_read_before_content() -> None:
    quote = direct_quote()
    both = score([quote], [{"content": quote["content_spans"], "kind": "direct"}])
    assert both["exact"] == {"P": 100.0, "R": 100.0, "F1": 100.0, "pred": 2, "gold": 2}
    # the envelope alone is one segment: it can pair with one part at most
    envelope = score([quote], [{"content": [quote["content"]], "kind": "direct"}])
    assert envelope["exact"]["R"] == 0.0
    assert envelope["0.3"]["R"] == 50.0 and envelope["0.3"]["P"] == 100.0


def test_quote_marks_are_stripped_from_both_sides() -> None:
    with_marks = span('"We will not sign this,"')
    gold = [{"content": with_marks, "kind": "direct", "cue": span("said")}]
    inner = span("We will not sign this,")
    result = score(gold, [{"content": [inner], "kind": "direct"}])
    assert result["exact"]["F1"] == 100.0
    result = score([{**gold[0], "content": inner}], [{"content": [with_marks], "kind": "direct"}])
    assert result["exact"]["F1"] == 100.0


def test_overlap_thresholds() -> None:
    gold = [{"content": span("Officials said the plan had failed"), "kind": "indirect"}]
    start, end = span("the plan had failed")  # 19 of 34 characters: over 0.3, under 0.8
    result = score(gold, [{"content": [[start, end]], "kind": "indirect"}])
    assert (result["0.3"]["F1"], result["0.8"]["F1"], result["exact"]["F1"]) == (100.0, 0.0, 0.0)


def test_each_gold_quote_pairs_with_one_prediction() -> None:
    gold = [{"content": span("the plan had failed"), "kind": "indirect"}]
    twice = [{"content": [span("the plan had failed")]}, {"content": [span("the plan had failed")]}]
    result = score(gold, twice)
    assert result["exact"]["R"] == 100.0 and result["exact"]["P"] == 50.0


def test_speech_slice_counts_recall_over_communication_only() -> None:
    belief = {"content": span("the deal is dead"), "kind": "indirect", "cue": span("believe"),
              "source": span("Analysts"), "source_type": "unnamed_group"}
    gold = [*GOLD_QUOTES, belief]
    preds = [as_prediction(q) for q in GOLD_QUOTES]
    assert score(gold, preds)["0.3"]["R"] == 75.0
    assert score(gold, preds, slice="speech")["0.3"]["R"] == 100.0
    # precision still counts every prediction against every gold quote
    assert score(gold, [as_prediction(belief)], slice="speech")["0.3"]["P"] == 100.0


def test_missing_and_failed_documents() -> None:
    docs = [gold_doc(GOLD_QUOTES, "d1"), gold_doc(GOLD_QUOTES, "d2"), gold_doc(GOLD_QUOTES, "d3")]
    preds = {"d1": {"id": "d1", "quotes": [as_prediction(q) for q in GOLD_QUOTES]},
             "d2": {"id": "d2", "quotes": [], "error": "ExtractionError: too long"}}
    report = evaluate(docs, preds)
    assert (report.docs, report.docs_missing, report.docs_failed) == (3, 1, 1)
    assert report.counts["0.3"].recall == pytest.approx(1 / 3)
    table = format_report(report)
    assert "exact" in table and "speaker" in table


@pytest.mark.parametrize(
    ("gold", "speaker", "source_text", "expected"),
    [
        ("Guo Jiakun", "Guo Jiakun", "", True),
        ("Guo Jiakun", "guo  JIAKUN", "", True),
        ("Guo", "Guo Jiakun", "", True),  # a gold surname matches a predicted full name
        ("Guo Jiakun", "Guo", "", True),
        ("Guo Jiakun", None, "Chinese Foreign Ministry spokesperson Guo Jiakun", True),
        ("Guo Jiakun", "he", "he", False),  # a pronoun names nobody
        ("Guo Jiakun", "Keir Starmer", "", False),
        ("The Foreign Ministry of China", "Foreign Ministry China", "", True),
        (None, "Guo Jiakun", "", None),  # nothing to score
    ],
)
def test_speaker_matching(gold: str | None, speaker: str | None, source_text: str,
                          expected: bool | None) -> None:
    assert speaker_matches(gold, speaker, source_text) is expected


def test_strip_marks() -> None:
    text = ' “‘Yes,’ he said” \n'
    assert text[slice(*strip_marks(text, 0, len(text)))] == "Yes,’ he said"
    start, end = strip_marks('""', 0, 2)
    assert start == end  # nothing but marks: an empty segment


def test_unknown_slice_is_refused() -> None:
    with pytest.raises(ValueError, match="E204"):
        evaluate([], {}, slice="beliefs")


def test_segment_overlap() -> None:
    assert Scored(0, 10).overlap(Scored(5, 20)) == 5
    assert Scored(0, 10).overlap(Scored(10, 20)) == 0


# ---- agreement with the reference scorer -------------------------------------------------------


def perturbed_predictions(gold_path: Path, seed: int) -> list[dict[str, Any]]:
    """Gold quotes with shifted spans, dropped and invented quotes, and wrong attributes."""
    rng = random.Random(seed)
    out = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        text = doc["text"]
        quotes = []
        for quote in doc["quotes"]:
            if rng.random() < 0.15:
                continue
            content = []
            for start, end in quote.get("content_spans") or [quote["content"]]:
                if rng.random() < 0.5:
                    start = max(0, start + rng.randint(-15, 15))
                    end = min(len(text), end + rng.randint(-15, 15))
                if rng.random() < 0.2 and start > 0:
                    start -= 1  # take the opening mark in
                if end > start:
                    content.append([start, end])
            if not content:
                continue
            speaker = quote.get("speaker")
            if speaker and rng.random() < 0.3:
                speaker = speaker.split()[-1]
            elif rng.random() < 0.2:
                speaker = None
            quotes.append({
                "content": content,
                "speaker": speaker,
                "source": quote.get("source") if rng.random() < 0.7 else None,
                "source_type": quote.get("source_type") if rng.random() < 0.8 else "unknown",
                "kind": (quote.get("kind") or quote.get("type")) if rng.random() < 0.8 else "direct",
                "cue": quote.get("cue") if rng.random() < 0.8 else None,
            })
        for _ in range(rng.randint(0, 3)):
            start = rng.randrange(0, max(1, len(text) - 50))
            end = min(len(text), start + rng.randint(5, 80))
            quotes.append({"content": [[start, end]], "kind": "direct"})
        out.append({"id": doc["id"], "quotes": quotes})
    return out


@pytest.mark.parametrize("gold_name", ["seeds.jsonl", "wikinews/gold.jsonl", "polnear/dev.jsonl"])
@pytest.mark.parametrize("slice_name", ["all", "speech"])
def test_agrees_with_reference_scorer(gold_name: str, slice_name: str, tmp_path: Path) -> None:
    scorer = shared_path("tools", "score.py")
    gold_path = shared_path("gold", gold_name)
    pred_path = tmp_path / "pred.jsonl"
    predictions = perturbed_predictions(gold_path, seed=len(gold_name))
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in predictions), encoding="utf-8")
    done = subprocess.run([sys.executable, str(scorer), str(gold_path), str(pred_path), "--slice", slice_name,
                           "--json"], capture_output=True, text=True, check=True, timeout=600)
    reference = json.loads(done.stdout)

    gold_docs = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()]
    ours = evaluate(gold_docs, {p["id"]: p for p in predictions}, slice=slice_name).to_dict()

    for threshold in ("0.3", "0.8", "exact"):
        for figure in ("P", "R", "F1"):
            assert ours[threshold][figure] == pytest.approx(reference[threshold][figure], abs=0.5), \
                (threshold, figure)
    for field, (value, count) in reference["acc@0.3"].items():
        if value is None:
            assert ours["acc@0.3"][field][0] is None
        else:
            assert ours["acc@0.3"][field][0] == pytest.approx(value, abs=0.5), field
        assert ours["acc@0.3"][field][1] == pytest.approx(count, rel=0.01), field
