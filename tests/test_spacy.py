"""The spaCy component: the same quotes as ``quotex.extract``, as Spans with their fields, on a blank pipeline."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import quotex
from quotex import pipeline
from tests.conftest import REPO_ROOT, shared_path

spacy = pytest.importorskip("spacy", reason="the component needs spaCy: pip install 'quotex[spacy]'")

from spacy.tokens import Doc, DocBin, Span  # noqa: E402  (only once spaCy is known to be there)

from quotex import spacy_component  # noqa: E402

TEXT = ('"We will not sign this," Foreign Minister Anna Berg said on Monday. "It is too early," '
        'she said, "and the terms are wrong." Officials reportedly said the bridge would reopen, '
        'according to Reuters.')


@functools.cache
def gold() -> list[dict[str, Any]]:
    path = shared_path("gold", "wikinews", "gold.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def blank(**config: Any) -> Any:
    nlp = spacy.blank("en")
    nlp.add_pipe("quotex", config=config)
    return nlp


def assert_covers(span: Span, start: int, end: int) -> None:
    """``span``'s tokens cover the characters ``[start, end)``, and no whole token more on either side."""
    assert span.start_char <= start and end <= span.end_char, (span, start, end)
    assert span[0].idx + len(span[0]) > start and span[-1].idx < end


def test_the_same_quotes_as_quotex_extract_on_the_wikinews_gold() -> None:
    docs = gold()
    nlp = blank()
    found = 0
    for record, doc in zip(docs, nlp.pipe(d["text"] for d in docs)):
        text = record["text"]
        expected = quotex.extract(text)
        spans = doc._.quotes
        assert [span._.quote for span in spans] == expected, record["id"]
        for span, quote in zip(spans, expected):
            assert_covers(span, quote.start, quote.end)
            assert span.label_ == quote.kind
            assert len(span._.content) == len(quote.content)
            for piece, part in zip(span._.content, quote.content):
                assert_covers(piece, part.start, part.end)
            for field in ("cue", "source"):
                mention, offsets = getattr(span._, field), getattr(quote, field)
                assert (mention is None) == (offsets is None)
                if mention is not None:
                    assert_covers(mention, offsets.start, offsets.end)
        (document,) = quotex.extract_many([text])
        assert doc._.quote_sources == document.sources and doc._.quotex_error is None
        found += len(spans)
    assert found > 200  # (the gold set has 241 quotes; the rules find most)


def test_the_extension_attributes() -> None:
    doc = blank()(TEXT)
    expected = quotex.extract(TEXT)
    assert len(doc._.quotes) == len(expected) == 3
    first, second, third = doc._.quotes
    assert first.text == "We will not sign this,"
    assert (first._.speaker, first._.speaker_title, first._.source_type, first._.kind) == (
        "Anna Berg", "Foreign Minister", "named_person", "direct")
    assert first._.cue.text == "said" and first._.source.text == "Foreign Minister Anna Berg"
    assert first._.speaker_gender == "female" and first._.speaker_affiliation is None
    assert first._.hedged is False and first._.via == () and first._.confidence == expected[0].confidence
    assert first._.rule == expected[0].rule and first._.source_id == 0
    assert first._.quote_source == doc._.quote_sources[0] and doc._.quote_sources[0].name == "Anna Berg"
    # a quote interrupted by its attribution: one span over both pieces, and the pieces apart
    assert second.text == 'It is too early," she said, "and the terms are wrong'
    assert [piece.text for piece in second._.content] == ["It is too early,", "and the terms are wrong"]
    assert second._.source.text == "she" and second._.speaker == "Anna Berg"
    assert third._.kind == "indirect" and third._.hedged is True
    assert third._.source_type == "unnamed_group" and third._.speaker is None and third._.source.text == "Officials"
    assert third.text == "the bridge would reopen" and third._.quote_source.name == "Officials"
    assert [(v.name, v.source_type) for v in third._.via] == [("Reuters", "media")]
    assert doc._.quotex_error is None and doc._.quotex_code is None
    document = doc._.quotex_document
    assert document.quotes == tuple(expected) and document.sources == doc._.quote_sources


def test_a_span_made_another_way_finds_its_quote() -> None:
    doc = blank()(TEXT)
    first = doc._.quotes[0]
    assert doc[first.start : first.end]._.quote == first._.quote
    assert doc[0:1]._.quote is None and doc[0:1]._.speaker is None and doc[0:1]._.content == []
    assert spacy.blank("en")(TEXT)._.quotes == []  # a Doc the component has not seen


def test_pipe_records_the_documents_quotex_fails_on() -> None:
    texts = [TEXT, "Officials said the bridge would reopen.", "x" * 5000, TEXT, "No quote here.", "BREAK " + TEXT]
    real = pipeline.run_rules_document

    def broken(text: str, timeout: float) -> pipeline.Finished:
        if text.startswith("BREAK"):
            raise RuntimeError("a bug")
        return real(text, timeout)

    nlp = blank(max_chars=1000)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "run_rules_document", broken)
        docs = list(nlp.pipe(texts * 10, batch_size=4))
    assert [doc.text for doc in docs] == texts * 10
    for doc in docs:
        if doc.text.startswith("x"):
            assert doc._.quotes == [] and doc._.quotex_code == "E108"
            assert doc._.quotex_error.startswith("[E108] the document has 5,000 characters")
        elif doc.text.startswith("BREAK"):
            assert doc._.quotes == [] and doc._.quotex_code == "E305" and "RuntimeError" in doc._.quotex_error
        else:
            assert [s._.quote for s in doc._.quotes] == quotex.extract(doc.text) and doc._.quotex_error is None
    assert nlp(texts[2])._.quotex_code == "E108"  # nlp(text) as nlp.pipe


def test_options_are_quotex_extractors_and_checked_when_added() -> None:
    nlp = blank(engine="rules", timeout=5, max_chars=100_000, batch_size=8)
    component = nlp.get_pipe("quotex")
    assert component.extractor == quotex.Extractor(engine="rules", timeout=5, max_chars=100_000, batch_size=8)
    assert set(nlp.config["components"]["quotex"]) == {"factory", *spacy_component.DEFAULT_CONFIG}
    with pytest.raises(ValueError, match=r"\[E010\] unknown engine 'spacy'"):
        blank(engine="spacy")
    with pytest.raises(ValueError, match=r"\[E015\]"):
        blank(timeout=-1)


def test_docs_serialise_with_their_quotes(tmp_path: Path) -> None:
    nlp = blank()
    doc = nlp(TEXT)
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [s._.quote for s in again._.quotes] == [s._.quote for s in doc._.quotes]
    docs = DocBin(store_user_data=True, docs=[doc]).get_docs(nlp.vocab)
    assert [s.text for s in next(docs)._.quotes] == [s.text for s in doc._.quotes]
    # a saved pipeline loads again: spaCy finds the factory by its entry point
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["quotex"]
    assert [s._.quote for s in loaded(TEXT)._.quotes] == quotex.extract(TEXT)


def test_extensions_register_once_and_again_by_force() -> None:
    blank()
    blank()  # a second pipeline registers nothing twice
    spacy_component.register_extensions()
    Span.set_extension("speaker", default="someone else's", force=True)
    doc = blank()(TEXT)  # the component's own attribute is back
    assert doc._.quotes[0]._.speaker == "Anna Berg"


def test_importing_quotex_imports_neither_spacy_nor_pandas() -> None:
    code = ("import sys, quotex; "
            "print(sorted(m for m in ('spacy', 'pandas', 'quotex.spacy_component') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
