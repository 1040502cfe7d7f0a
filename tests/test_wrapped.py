"""Hard-wrapped text: the gold wrapper keeps every span's words, and the engine reads a wrapped
article as it reads its unwrapped twin."""

from __future__ import annotations

import json

import pytest

import quotex
from quotex import segment
from tests.conftest import CORPUS
from tests.wrapping import wrap_document, wrap_text

GOLD = CORPUS / "wikinews" / "gold.jsonl"


def _words(s: str) -> str:
    return " ".join(s.split())


def _spans(quote: dict[str, object]) -> list[list[int]]:
    out: list[list[int]] = []
    for key in ("content", "cue", "source"):
        value = quote.get(key)
        if isinstance(value, list) and value:
            out.extend(value if isinstance(value[0], list) else [value])  # type: ignore[list-item]
    for part in quote.get("content_spans") or []:  # type: ignore[attr-defined]
        out.append(part)
    for via in quote.get("via") or []:  # type: ignore[attr-defined]
        if isinstance(via, dict) and via.get("span"):
            out.append(via["span"])
    return out


@pytest.mark.parametrize("width", [72, 40])
def test_wrapped_gold_spans_cover_the_same_words(width: int) -> None:
    docs = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    checked = 0
    for doc in docs:
        wrapped = wrap_document(doc, width)
        assert _words(wrapped["text"]) == _words(doc["text"])
        assert all(len(line) <= width or " " not in line for line in wrapped["text"].split("\n"))
        for old, new in zip(doc["quotes"], wrapped["quotes"], strict=True):
            for (a, b), (c, d) in zip(_spans(old), _spans(new), strict=True):
                assert _words(wrapped["text"][c:d]) == _words(doc["text"][a:b]), (doc["id"], a, b)
                checked += 1
    assert checked > 500  # (1,000 spans in the gold of now)


def test_wrap_text_keeps_lengths_inside_paragraphs() -> None:
    text = "One two three four.\nFive six seven."
    wrapped, where = wrap_text(text, 10)
    assert wrapped == "One two\nthree\nfour.\n\nFive six\nseven."
    assert wrapped[where[20] : where[35]] == "Five six\nseven."


ARTICLE = (
    "Council approves new budget\n"
    "\n"
    "The city council approved the budget on Tuesday after a long debate\n"
    "that ran late into the evening. \"We have made the hard choices that\n"
    "this city needed for years,\" Mayor Jane Holt told reporters after\n"
    "the vote.\n"
    "\n"
    "Opponents said the cuts to the library service would hurt families\n"
    "in the poorest districts of the city for many years to come.\n"
)


def test_wrapped_article_is_detected() -> None:
    assert segment.is_wrapped(ARTICLE)
    assert not segment.is_wrapped(ARTICLE.replace("\n\n", "\0").replace("\n", " ").replace("\0", "\n\n"))
    assert len(segment.paragraphs(ARTICLE)) == 3


def test_wrapped_quote_across_a_line_break() -> None:
    unwrapped = ARTICLE.replace("\n\n", "\0").replace("\n", " ").replace("\0", "\n\n")
    assert len(unwrapped) == len(ARTICLE)  # one space for one newline: the same offsets
    wrapped_quotes = quotex.extract(ARTICLE)
    plain_quotes = quotex.extract(unwrapped)
    content = "We have made the hard choices that\nthis city needed for years,"
    start = ARTICLE.index(content)
    direct = [q for q in wrapped_quotes if q.kind == "direct"]
    assert len(direct) == 1
    quote = direct[0]
    assert [(s.start, s.end) for s in quote.content] == [(start, start + len(content))]
    assert quote.speaker == "Jane Holt"
    assert ARTICLE[quote.cue.start : quote.cue.end] == "told"
    assert [q.to_dict() for q in wrapped_quotes] == [q.to_dict() for q in plain_quotes]
