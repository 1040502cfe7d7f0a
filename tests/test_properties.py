"""Invariants of ``quotex.extract`` that must hold for any input string (hypothesis)."""

from __future__ import annotations

import itertools
import math

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import quotex
from quotex import KINDS, SOURCE_TYPES, Quote, Span

MARKS = ['"', "'", "“", "”", "‘", "’", "„", "‚", "«", "»", "‹", "›", "‟", "″", "′", "`", "``", "''"]
WORDS = [
    "the", "minister", "said", "says", "told", "reporters", "that", "according", "to", "he", "she",
    "they", "it", "warned", "added", "claimed", "reportedly", "allegedly", "citing", "Reuters",
    "Mr.", "Mrs.", "Dr.", "Guo", "Jiakun", "Ana", "Sousa", "police", "officials", "sources",
    "unnamed", "a", "senior", "official", "the report", "statement", "in", "a", "don't", "Jones'",
    "’90s", "rock ’n’ roll", "O’Neill", "6'2\"", "so-called", "tweeted", "wrote", "saying",
    "stating", "—", "–", "-", "...", "…", "ç", "ß", "🇺🇦", "\u00a0", "\u200b",
]
PUNCT = [",", ".", ":", ";", "?", "!", "(", ")", "[", "]", " ", " ", " ", "\n", "\n\n", "\r\n", "\t"]

# Text that looks like news: words, every kind of quote mark, apostrophes, line breaks, punctuation.
newsish = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS), st.sampled_from(PUNCT),
              st.text(max_size=6)),
    max_size=80,
).map(lambda parts: " ".join(parts) if len(parts) % 2 else "".join(parts))

any_text = st.one_of(newsish, st.text(max_size=300))

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _spans(q: Quote) -> list[tuple[str, Span | None]]:
    out: list[tuple[str, Span | None]] = [("content", s) for s in q.content]
    out += [("cue", q.cue), ("source", q.source)]
    out += [(f"via {v.name!r}", v.span) for v in q.via]
    return out


def _check(text: str, quotes: list[Quote]) -> None:
    assert isinstance(quotes, list)
    for q in quotes:
        assert isinstance(q, Quote)
        assert q.content, "a quote needs at least one content span"
        for label, span in _spans(q):
            if span is None:
                continue
            assert 0 <= span.start < span.end <= len(text), f"{label} span {span} outside text or empty"
        for a, b in itertools.pairwise(q.content):
            assert a.end <= b.start, f"content spans {a} and {b} out of order or overlapping"
        assert q.kind in KINDS
        assert q.source_type in SOURCE_TYPES
        assert all(v.source_type in SOURCE_TYPES for v in q.via)
        assert isinstance(q.confidence, float | int) and not math.isnan(q.confidence)
        assert 0.0 <= q.confidence <= 1.0
        assert isinstance(q.hedged, bool)
        assert isinstance(q.rule, str)
    starts = [q.start for q in quotes]
    assert starts == sorted(starts), "quotes are returned in order of where their content starts"


@FAST
@given(any_text)
@example("")
@example('"')
@example("“”")
@example('""')
@example("'")
@example('\n\n"\n\n"')
@example('"A," he said. "B."')
@example('"Unclosed quote, said the minister')
@example("«»„“‘’")
@example('"\u00a0"\u200b said she')
def test_extract_never_raises_and_spans_are_sound(text: str) -> None:
    _check(text, quotex.extract(text))


@FAST
@given(any_text)
def test_cue_and_source_lie_outside_the_content(text: str) -> None:
    for q in quotex.extract(text):
        for label, span in (("cue", q.cue), ("source", q.source)):
            if span is None:
                continue
            for c in q.content:
                assert span.end <= c.start or c.end <= span.start, f"{label} {span} overlaps content {c}"


@FAST
@given(any_text)
def test_extract_is_deterministic(text: str) -> None:
    assert quotex.extract(text) == quotex.extract(text)


def test_relay_with_nothing_after_it_gives_no_empty_span() -> None:
    # found by the long fuzz run: "according to" at the very end once made an empty via span
    text = "he add'’e,according to"
    _check(text, quotex.extract(text))
