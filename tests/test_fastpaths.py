"""The engine's shortcuts give what the plain definitions they stand for give.

Each shortcut (a cheap test before a pattern, a pattern rewritten to run faster, a scan limited to
what an article asks) is checked against the straightforward form it replaces, written out here
as the specification, on generated text and on the golden cases.
"""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import quotex
from quotex import attribution, cues, document, marks, mentions, patterns, people, pipeline, relays, segment
from tests.cases import CASES

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _text_of(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=40).map("".join)


def _bounds(text: str, data: st.DataObject | None) -> tuple[int, int]:
    """A start and an end inside ``text`` (the whole of it for an ``@example`` without data)."""
    if data is None:
        return 0, len(text)
    start = data.draw(st.integers(0, len(text)))
    return start, data.draw(st.integers(start, len(text)))


# ------------------------------------------------------------------------------- tokens

# A word: letters, digits and combining marks, joined by inner ’ ' . - &, with a possessive
# apostrophe after an s before a lower-case word; any other non-space character alone.
_WORD = rf"(?:[^\W_]|[{document._MARKS}])+"
PLAIN_TOKEN = re.compile(
    rf"{_WORD}(?:[’'.\-&]{_WORD})*(?:(?<=s)[’'](?=\s+[^\W\d_A-Z]))?|[^\s\w{document._MARKS}]|_"
)
TOKEN_PIECES = ["said", "U.S.", "AT&T", "don't", "China’s", "Smiths'", " union", " Union", "e\u0301", "x_y",
                "3.5", "well-", "-known", ".", ",", " ", "  ", "\n", "\xa0", "\x1c", "\"", "”", "(", ")", "é", "É",
                "٣", "’"]


@FAST
@given(_text_of(TOKEN_PIECES), st.data())
@example("U.S. officials said.", None)
@example("the teachers' union", None)
def test_tokens_are_the_plain_definitions(text: str, data: st.DataObject | None) -> None:
    start, end = _bounds(text, data)
    assert document.tokens(text, start, end) == [m.span() for m in PLAIN_TOKEN.finditer(text, start, end)]


# ------------------------------------------------------------------------- quote marks

# A pair of straight single quotes or of backticks, else any one quote mark.
PLAIN_MARK = re.compile(r"''|``|[\"“”„‟«»‘’‚‛'‹›]")
MARK_PIECES = ["'", "''", "`", "``", "\"", "“", "”", "„", "‘", "’", "«", "»", "‹", "›", "a", " ", "s", "\n"]


@FAST
@given(_text_of(MARK_PIECES), st.data())
@example("``TeX'' and ''news'' style, a lone ` and don't", None)
def test_quote_marks_are_the_plain_definition(text: str, data: st.DataObject | None) -> None:
    start, end = _bounds(text, data)
    assert [m.span() for m in marks.MARK.finditer(text, start, end)] == [
        m.span() for m in PLAIN_MARK.finditer(text, start, end)
    ]


# ----------------------------------------------------------------------- sentence ends

# A break: white space after . ! or ? (and closing marks), before an opening mark, a capital or a
# digit, looked for from each space backwards (which may see before the paragraph).
PLAIN_END = regex.compile(
    r"""(?<=[.!?]|[.!?][\"”’'\)\]]{1,3}|[.!?]\s?[\"”’]|\.\.\.)\s+(?=[\"“‘'(\[]{0,2}[\p{Lu}\p{N}])"""
)
PLAIN_ABBREVIATION = regex.compile(
    r"(?:\b(?:" + "|".join(segment._ABBREVIATED) + r")|\b\p{Lu}|\b(?:\p{L}\.){1,4}\p{L}|a\.m|p\.m)\.$"
)
SENTENCE_PIECES = ["He left", ". ", ".\n", ".\n\n", '." ', '.\n" ', "? ", "!) ", "... ", "Mr. ", "U.S. ",
                   "a.m. ", "Lt.Gov. ", "she", "She", "3", " ", "\n", "\"", "“", "”", "’", "É", "approx. ", "\n \n",
                   "\xa0", "\x1c", "("]


def _plain_sentences(text: str, paras: list[document.Segment]) -> list[tuple[int, int]]:
    out = []
    for para in paras:
        start = para.start
        for m in PLAIN_END.finditer(text, para.start, para.end):
            before = text[max(start, m.start() - 12) : m.start()].rstrip("\"”’')]")
            if before.endswith((".", ".\n")) and PLAIN_ABBREVIATION.search(before):
                continue
            if m.start() > start:
                out.append((start, m.start()))
            start = m.end()
        if para.end > start:
            out.append((start, para.end))
    return out


@FAST
@given(_text_of(SENTENCE_PIECES))
@example('he said.\n" Yes, Mr. Smith left at 9 a.m. Then he went.')
def test_sentences_are_the_plain_definition(text: str) -> None:
    paras = segment.paragraphs(text)
    assert [(s.start, s.end) for s in segment.sentences(text, paras)] == _plain_sentences(text, paras)


@FAST
@given(_text_of(["Mr", "Mrs", "Gov", "Lt.Gov", "LtxGov", "a.m", "p.m", "U.S", "J", "j", "said", "approx",
                 "3", "_", " ", ".", "\n", "É", "x"]).map(lambda s: s + "."))
def test_abbreviation_test_is_the_pattern(before: str) -> None:
    assert segment._abbreviation(before) == (PLAIN_ABBREVIATION.search(before) is not None)


# --------------------------------------------------------------------------------- cues

CUE_PIECES = ["said", "Said", "SAID", "according", " to", "in", " a", " statement", "told", "-", ",", " ",
              "\n", "é", "saidx", "well-said", "’s", "report's", "According", ".", "Told"]


@FAST
@given(_text_of(CUE_PIECES), st.data())
@example("x said that. Said it", None)
def test_cues_from_a_word_on_are_the_cues_of_the_whole_text_there(text: str, data: st.DataObject | None) -> None:
    # from the start of a word (not a capitalised one: at the start it counts as a sentence's)
    starts = [m.start() for m in re.finditer(r"(?<!\S)[^\sA-Z]", text)]
    start = 2 if data is None else data.draw(st.sampled_from([0, *starts]))
    whole = [(c.start, c.end, c.lemma) for c in cues.find_cues(text) if c.start >= start]
    assert [(c.start, c.end, c.lemma) for c in cues.find_cues(text, start)] == whole


# ------------------------------------------------------------------ small pattern tests

ADVERBIAL_PIECES = ["on", "On", "ON", "last", "Monday", "MONDAY", "ſeptember", "weeK", "in", "a", "the",
                    "news", "conference", "blog", "post", ",", ", ", " ", "  ", "\n", "12", "th", "2020",
                    "Fox", "News", "TV", "said", "é", "statement", "Sept", "at", "his", "earlier", "that"]


@FAST
@given(_text_of(ADVERBIAL_PIECES), st.data())
@example("on Monday, 12th, 2020 in a statement", None)
@example(" ON ſeptember 3", None)
@example(", at his news conference", None)
@example(" via a video message", None)
def test_adverbial_is_the_pattern(text: str, data: st.DataObject | None) -> None:
    # any bounds, a start past the end among them (a cue that runs past its sentence's end)
    start = 0 if data is None else data.draw(st.integers(0, len(text) + 2))
    end = len(text) if data is None else data.draw(st.integers(0, len(text) + 2))
    expected = patterns.ADVERBIAL.match(text, start, end)
    found = patterns.adverbial(text, start, end)
    assert (found and found.span()) == (expected and expected.span())


@FAST
@given(_text_of(["Reportedly", "REPORTEDLY", "allegedly", "supposedly", "purportedly", "edly", "ly",
                 "report", "ed", " ", "x", "é", "İ", "-"]))
def test_hedge_words_are_the_pattern(text: str) -> None:
    assert attribution._hedge_before(text, 0, len(text)) == bool(attribution.HEDGE_BEFORE.search(text))


@FAST
@given(_text_of([", ", ",", " ", "the Baltic Times", " reports", " reported", " wrote", " writes", " citing",
                 " quoting", " Interfax", ".", "?", "report", "wr", "x"]))
@example(", the Baltic Times reports, citing Interfax.")
def test_relays_need_their_verbs(text: str) -> None:
    if not relays.may_relay(text, 0, len(text)):
        assert relays.TRAILING_RELAY.search(text) is None


PLAIN_LAST_WORD = re.compile(r"([^\W\d_]+(?:-[^\W\d_]+)*)\W*$")


@FAST
@given(_text_of(["a", "so", "-", "called", " ", "é", "1", "_", ".", "\n", "--", "B"]))
@example("the so-called ")
def test_last_word_is_the_plain_pattern(text: str) -> None:
    found, expected = document.LAST_WORD.search(text), PLAIN_LAST_WORD.search(text)
    assert (found and (found.span(), found.group(1))) == (expected and (expected.span(), expected.group(1)))


def _plain_cues(text: str) -> list[tuple[int, int, str]]:
    """Every form of the cue table as whole words, the longest at each word, by the rules of
    ``find_cues``: ASCII forms read case-blind, never inside a word or a possessive, and a
    capitalised one only at a sentence's start or as a phrase."""
    forms = cues.table()
    low = text.lower()
    out = []
    for word in re.finditer("[A-Za-z]+", text):
        a = word.start()
        if a > 0 and (text[a - 1].isalnum() or text[a - 1] in "-’'"):
            continue
        found = None
        for form in forms:
            b = a + len(form)
            if low[a:b] != form or (b < len(text) and (
                    text[b].isalnum() or text[b] == "-" or (text[b] in "’'" and text[b + 1 : b + 2] == "s"))):
                continue
            if found is None or len(form) > len(found):
                found = form
        if found is None:
            continue
        lemma, classes = forms[found]
        before = text[max(0, a - 3) : a]
        if text[a].isupper() and cues.PHRASE not in classes and a != 0 and before.strip(" \"“‘'(") and not (
                before.rstrip().endswith((".", "!", "?", "\n", ":"))):
            continue
        out.append((a, a + len(found), lemma))
    return out


@FAST
@given(_text_of([*CUE_PIECES, "in a statement", "in\na statement", "call for", "call-for", "Tell", "called",
                 "calls", " x", "said?", "é", "'s", "\"", "(", ":"]))
@example("He said, in a statement, that; in\na statement: Said. x Told")
def test_cues_are_the_plain_definition(text: str) -> None:
    assert [(c.start, c.end, c.lemma) for c in cues.find_cues(text)] == _plain_cues(text)


# ----------------------------------------------------------------------------- acronyms

ACRONYM_PIECES = ["Federal ", "Security ", "Service ", "of ", "the ", "and ", "(FSB)", "(AB)", "(ab)", "; ",
                  "McDonald ", "x", "\n", " ", "Al-Qaeda ", "O’Neil ", "(", ")", "Éa ", "U.S. "]


@FAST
@given(_text_of(ACRONYM_PIECES))
def test_acronyms_are_those_of_the_whole_text_pattern(text: str) -> None:
    plain = {m.group(2): " ".join(mentions.strip_det(m.group(1).split()))
             for m in people.ACRONYM.finditer(text)}
    assert people._acronyms(text) == plain


# ------------------------------------------------------- speakers with a restricted scan


def _with_scan(text: str, restrict: bool) -> list[quotex.Quote]:
    """The rules engine's quotes, with the restricted scan where it applies or the full scan always."""
    ctx, drafts = pipeline.analyse(text)
    return attribution.finish(ctx, drafts, restrict=restrict)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_restricted_scan_resolves_as_the_full_scan(case: object) -> None:
    text = case.text  # type: ignore[attr-defined]
    restricted = _with_scan(text, restrict=True)
    assert restricted == quotex.extract(text)
    assert _with_scan(text, restrict=False) == restricted


NAME_PIECES = ["Foreign Ministry spokesperson Guo Jiakun ", "Guo ", "Jiakun ", "said ", "he said ", "she said ",
               "Ana Sousa, a nurse, ", "Sousa ", "President Emmanuel Macron ", "Macron ", "Mr. Lee ", "Lee ",
               "told reporters that ", "the plan was off", ". ", ".\n", "\"It is over,\" ", "The minister said ",
               "Ana ", "NATO ", "the North Atlantic Treaty Organization (NATO) "]


@FAST
@given(_text_of(NAME_PIECES))
@example("Foreign Ministry spokesperson Guo Jiakun spoke. Jiakun said the plan was off.")
@example("Ana Sousa, a nurse, spoke.\nLater Sousa said the plan was off.")
def test_restricted_scan_resolves_as_the_full_scan_on_generated_text(text: str) -> None:
    if text.strip():
        assert _with_scan(text, restrict=False) == _with_scan(text, restrict=True)


def test_a_restricted_scan_refuses_questions_it_cannot_answer() -> None:
    ctx = pipeline.context("Foreign Ministry spokesperson Guo Jiakun spoke. Guo said it was false.")
    ents = people.Entities(ctx, frozenset({"Guo"}))
    assert ents.add("Guo", None, 48).name == "Guo Jiakun"
    with pytest.raises(RuntimeError, match="E020"):
        ents.pronoun("he", 60)
