"""The two seed articles, annotated by hand with every field: the acceptance smoke test.

Matching follows the scoring protocol of ``shared/DESIGN.md``: quotes are flattened to content
segments, quote marks stripped, and paired one-to-one, best overlap first, when the shared characters
are at least 0.3 of each segment. Optional gold quotes need not be found.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

import quotex
from quotex import Quote
from tests.cases import is_essentially, norm_name, norm_speaker, strip_marks

ROOT = Path(__file__).resolve().parent.parent
CANDIDATES = (ROOT / "corpus" / "seeds" / "gold.jsonl", ROOT.parent / "shared" / "gold" / "seeds.jsonl")
GOLD_PATH = next((p for p in CANDIDATES if p.is_file()), None)
if GOLD_PATH is None:
    pytest.skip(f"no seeds gold: looked for {', '.join(str(p) for p in CANDIDATES)}",
                allow_module_level=True)

DOCS: dict[str, dict[str, Any]] = {}
for line in GOLD_PATH.read_text(encoding="utf-8").splitlines():
    if line.strip():
        doc = json.loads(line)
        DOCS[doc["id"]] = doc

THRESHOLD = 0.3

# (doc id, index of the quote in the doc's gold list), required quotes only
REQUIRED = [(doc_id, i) for doc_id, doc in DOCS.items() for i, q in enumerate(doc["quotes"])
            if not q.get("optional")]
NOT_QUOTES = [(doc_id, s) for doc_id, doc in DOCS.items() for s in doc.get("not_quotes", [])]


def _gold_segments(q: dict[str, Any]) -> list[tuple[int, int]]:
    spans = q.get("content_spans") or [q["content"]]
    return [(s, e) for s, e in spans if e > s]


@functools.cache
def _predict(doc_id: str) -> tuple[Quote, ...]:
    return tuple(quotex.extract(DOCS[doc_id]["text"]))


@functools.cache
def _pairs(doc_id: str) -> dict[tuple[int, int], int]:
    """Gold segment ``(quote index, segment index)`` -> index of the predicted quote it is paired with."""
    text = DOCS[doc_id]["text"]
    gold = [((qi, si), strip_marks(text, s, e)) for qi, q in enumerate(DOCS[doc_id]["quotes"])
            for si, (s, e) in enumerate(_gold_segments(q))]
    pred = [(pi, strip_marks(text, sp.start, sp.end)) for pi, p in enumerate(_predict(doc_id))
            for sp in p.content]
    scored = []
    for gi, (_, (gs, ge)) in enumerate(gold):
        for pj, (_, (ps, pe)) in enumerate(pred):
            shared = min(ge, pe) - max(gs, ps)
            if shared > 0 and shared >= THRESHOLD * (ge - gs) and shared >= THRESHOLD * (pe - ps):
                scored.append((shared / ((ge - gs) + (pe - ps) - shared), gi, pj))
    scored.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: dict[tuple[int, int], int] = {}
    for _, gi, pj in scored:
        if gi in used_g or pj in used_p:
            continue
        used_g.add(gi)
        used_p.add(pj)
        out[gold[gi][0]] = pred[pj][0]
    return out


def _matched(doc_id: str, qi: int) -> Quote:
    """The predicted quote paired with gold quote ``qi``; fails when a segment has no partner."""
    doc = DOCS[doc_id]
    gold = doc["quotes"][qi]
    pairs = _pairs(doc_id)
    n_segments = len(_gold_segments(gold))
    partners = [pairs[(qi, si)] for si in range(n_segments) if (qi, si) in pairs]
    if len(partners) < n_segments:
        found = [p.content_text(doc["text"])[:80] for p in _predict(doc_id)]
        pytest.fail(f"not found: {gold['content_text'][:100]!r}\n  predictions: {found}", pytrace=False)
    if len(set(partners)) > 1:
        pytest.fail(f"one gold quote split over several predictions: {gold['content_text'][:100]!r}",
                    pytrace=False)
    return _predict(doc_id)[partners[0]]


def _cue_text(text: str, q: Quote) -> str | None:
    return q.cue.text(text) if q.cue else None


def _ids(item: tuple[str, Any]) -> str:
    return f"{item[0][:3]}-{item[1]}"


@pytest.mark.parametrize("item", REQUIRED, ids=[_ids(x) for x in REQUIRED])
def test_seed_quote_found_with_kind_and_cue(item: tuple[str, int]) -> None:
    doc_id, qi = item
    gold = DOCS[doc_id]["quotes"][qi]
    pred = _matched(doc_id, qi)
    text = DOCS[doc_id]["text"]
    assert pred.kind == gold["kind"], f"kind of {gold['content_text'][:60]!r}"
    assert _cue_text(text, pred) == gold["cue_text"], f"cue of {gold['content_text'][:60]!r}"


@pytest.mark.parametrize("item", NOT_QUOTES, ids=[f"{d[:3]}-{s[:20]}" for d, s in NOT_QUOTES])
def test_seed_not_quote_not_reported(item: tuple[str, str]) -> None:
    doc_id, string = item
    text = DOCS[doc_id]["text"]
    wrong = [p.content_text(text) for p in _predict(doc_id) if is_essentially(p, text, string)]
    assert wrong == [], f"{string!r} reported as a quote"


@pytest.mark.parametrize("item", REQUIRED, ids=[_ids(x) for x in REQUIRED])
def test_seed_quote_attribution(item: tuple[str, int]) -> None:
    doc_id, qi = item
    gold = DOCS[doc_id]["quotes"][qi]
    pred = _matched(doc_id, qi)
    assert norm_speaker(pred.speaker) == norm_speaker(gold["speaker"]), "speaker"
    assert norm_name(pred.speaker_title) == norm_name(gold["speaker_title"]), "speaker_title"
    assert pred.source_type == gold["source_type"], "source_type"
    want_via = [(norm_name(v["name"]), v["source_type"]) for v in gold.get("via", [])]
    got_via = [(norm_name(v.name), v.source_type) for v in pred.via]
    assert got_via == want_via, "via"


def test_seeds_gold_is_consistent() -> None:
    """Every gold span is what its text field says (guards a hand-edited copy in corpus/)."""
    for doc in DOCS.values():
        text = doc["text"]
        for q in doc["quotes"]:
            s, e = q["content"]
            assert text[s:e] == q["content_text"]
            if q.get("cue"):
                assert text[q["cue"][0]:q["cue"][1]] == q["cue_text"]


# ---------------------------------------------------------------------------------------------
# The sources table: one entry per distinct source, each quote pointing to its own


def _document(doc_id: str) -> quotex.Document:
    return next(quotex.Extractor().extract_many([(doc_id, DOCS[doc_id]["text"])]))


def _gold_count(doc_id: str, speaker: str) -> int:
    return sum(1 for q in DOCS[doc_id]["quotes"] if q.get("speaker") == speaker and not q.get("optional"))


@pytest.mark.parametrize("doc_id", sorted(DOCS))
def test_seed_sources_table_indexes_its_quotes(doc_id: str) -> None:
    doc = _document(doc_id)
    assert [s.id for s in doc.sources] == list(range(len(doc.sources)))
    for source in doc.sources:
        mine = [q for q in doc.quotes if q.source_id == source.id]
        assert len(mine) == source.quotes > 0
        assert {q.source_type for q in mine} == {source.source_type}
    # every quote with a known source has an entry; names are not repeated
    assert all(q.source_id is not None for q in doc.quotes if q.source_type != "unknown")
    named = [s.name for s in doc.sources if s.source_type == "named_person"]
    assert len(named) == len(set(named))


def test_seed_guo_jiakun_entry() -> None:
    doc_id = next(d for d in DOCS if d.startswith("000"))
    guo = next(s for s in _document(doc_id).sources if s.name == "Guo Jiakun")
    assert guo.source_type == "named_person"
    assert guo.gender == "male"  # "..., he said": a pronoun resolved to him
    assert guo.affiliation == "Chinese Foreign Ministry"
    assert guo.title == "Chinese Foreign Ministry spokesperson"
    assert guo.quotes == _gold_count(doc_id, "Guo Jiakun") == 3


def test_seed_people_entries() -> None:
    first, second = (_document(d) for d in sorted(DOCS))
    starmer = next(s for s in first.sources if s.name == "Keir Starmer")
    assert (starmer.title, starmer.source_type, starmer.quotes) == ("UK Prime Minister", "named_person", 1)
    medvedev = next(s for s in second.sources if s.name == "Dmitry Medvedev")
    assert medvedev.title == "Former Russian President"
    assert medvedev.quotes == _gold_count(second.id, "Dmitry Medvedev") == 3
    assert medvedev.gender is None  # no pronoun, honorific or gendered noun says it
    macron = next(s for s in second.sources if s.name == "Emmanuel Macron")
    assert macron.gender == "male" and macron.title == "French President"
    # in the second article nothing tells Guo Jiakun's gender
    assert next(s for s in second.sources if s.name == "Guo Jiakun").gender is None


def test_seed_anonymous_sources_keep_their_relays() -> None:
    first, second = (_document(d) for d in sorted(DOCS))
    for doc, name, relays in ((first, "unnamed sources", ["German media"]),
                              (second, "unnamed EU diplomats", ["Welt am Sonntag"]),
                              (second, "Sources", ["Telegraph"])):
        entry = next(s for s in doc.sources if s.name == name)
        assert entry.source_type == "anonymous"
        quotes = [q for q in doc.quotes if q.source_id == entry.id]
        assert [[norm_name(v.name) for v in q.via] for q in quotes] == [[norm_name(r) for r in relays]]
