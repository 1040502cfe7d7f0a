"""The golden cases of ``tests/cases.py`` run through ``quotex.extract``.

Core cases must pass; attribution cases are expected to fail until the attribution stage exists.
"""

from __future__ import annotations

from collections import Counter

import pytest

import quotex
from quotex.records import Quote, Span, Via
from tests.cases import (
    ATTRIBUTION_CASES,
    CASES,
    CORE_CASES,
    NULL,
    Case,
    Expect,
    case_errors,
    case_problems,
    describe,
    field_errors,
    is_essentially,
    locate,
    matches,
)


def _run(case: Case) -> None:
    quotes = quotex.extract(case.text)
    errors = case_errors(case, quotes)
    if errors:
        found = "\n".join(f"    {describe(q, case.text)}" for q in quotes) or "    (none)"
        problems = "\n".join(f"  - {e}" for e in errors)
        pytest.fail(f"case {case.id!r}:\n{problems}\n  reported:\n{found}", pytrace=False)


@pytest.mark.parametrize("case", CORE_CASES, ids=lambda c: c.id)
def test_core_case(case: Case) -> None:
    _run(case)


@pytest.mark.parametrize("case", ATTRIBUTION_CASES, ids=lambda c: c.id)
def test_attribution_case(case: Case) -> None:
    _run(case)


# ---------------------------------------------------------------------------------------------
# The cases themselves


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case_is_well_formed(case: Case) -> None:
    assert case_problems(case) == []


def test_case_ids_are_unique() -> None:
    counts = Counter(c.id for c in CASES)
    assert [i for i, n in counts.items() if n > 1] == []


def test_levels_are_split_as_planned() -> None:
    assert all(c.issue_level == "core" for c in CORE_CASES)
    assert all(c.issue_level == "attribution" for c in ATTRIBUTION_CASES)
    assert 80 <= len(CASES) <= 240  # grows with the constructions of issues 16 and 17, each with its twin
    assert 0.5 <= len(CORE_CASES) / len(CASES) <= 0.75  # the constructions of issue 16 are core


def test_core_cases_cover_the_planned_constructions() -> None:
    tags = Counter(t for c in CORE_CASES for t in c.tags)
    assert tags["negative"] >= 10
    for needed in ("straight-double", "curly-double", "straight-single", "curly-single", "guillemets",
                   "low-high-quotes", "apostrophe", "unbalanced", "multi-paragraph", "split-quote",
                   "mixed", "scare-quotes", "title", "no-attribution", "far-cue", "empty",
                   "only-marks", "dash-attribution", "participial", "colon", "in-a-statement"):
        assert tags[needed] >= 1, needed


# ---------------------------------------------------------------------------------------------
# The matching helpers, on hand-made quotes

TEXT = '"The fire started in the kitchen," the fire chief said. "Within minutes it had reached the roof."'


def _span(text: str, needle: str) -> Span:
    start, end = locate(text, needle)
    return Span(start, end)


def _split_quote(**fields: object) -> Quote:
    return Quote(content=(_span(TEXT, "The fire started in the kitchen,"),
                          _span(TEXT, "Within minutes it had reached the roof.")),
                 kind="direct", cue=_span(TEXT, "said"), source=_span(TEXT, "the fire chief"),
                 **fields)  # type: ignore[arg-type]


SPLIT = Expect("The fire started in the kitchen,", more=("Within minutes it had reached the roof.",),
               kind="direct", cue="said", source="the fire chief")


def test_matches_exact_and_with_marks() -> None:
    q = _split_quote()
    assert matches(q, TEXT, SPLIT)
    with_marks = Quote(content=(Span(0, TEXT.index(" the fire")), Span(TEXT.index('"Within'), len(TEXT))),
                       kind="direct")
    assert matches(with_marks, TEXT, SPLIT)
    assert field_errors(q, TEXT, SPLIT) == []


def test_matches_needs_half_of_each_side() -> None:
    first_only = Quote(content=(_span(TEXT, "The fire started in the kitchen,"),), kind="direct")
    expect_first = Expect("The fire started in the kitchen,")
    assert matches(first_only, TEXT, expect_first)
    assert not matches(first_only, TEXT, SPLIT)  # covers well under half of the two parts
    tiny = Quote(content=(_span(TEXT, "kitchen"),), kind="direct")
    assert not matches(tiny, TEXT, expect_first)
    everything = Quote(content=(Span(0, len(TEXT)),), kind="direct")
    assert not matches(everything, TEXT, expect_first)
    assert matches(everything, TEXT, SPLIT)


def test_split_quote_must_not_swallow_the_attribution() -> None:
    everything = Quote(content=(Span(0, len(TEXT)),), kind="direct")
    errors = field_errors(everything, TEXT, SPLIT)
    assert any("taken as content" in e for e in errors)


def test_field_errors_name_each_wrong_field() -> None:
    q = _split_quote(speaker="Guo Jiakun", source_type="named_person", hedged=True,
                     via=(Via("Reuters", "media"),))
    want = Expect("The fire started in the kitchen,", more=SPLIT.more, kind="indirect", cue="told",
                  source="chief", speaker="Someone Else", source_type="anonymous", via=(),
                  hedged=False, speaker_title="Mayor")
    errors = " | ".join(field_errors(q, TEXT, want))
    for name in ("kind", "cue", "source", "speaker", "speaker_title", "source_type", "via", "hedged"):
        assert f"{name}:" in errors


def test_null_expectations() -> None:
    q = _split_quote()
    assert field_errors(q, TEXT, Expect(SPLIT.content, more=SPLIT.more, speaker=NULL)) == []
    named = _split_quote(speaker="Dan Moyo")
    assert field_errors(named, TEXT, Expect(SPLIT.content, more=SPLIT.more, speaker=NULL)) != []
    assert field_errors(q, TEXT, Expect(SPLIT.content, more=SPLIT.more, cue=NULL)) != []


def test_names_compare_loosely() -> None:
    q = _split_quote(speaker="Queen  Amalia", speaker_title="the Head of the port authority",
                     via=(Via("The Bangkok Herald", "media"),))
    want = Expect(SPLIT.content, more=SPLIT.more, speaker="amalia",
                  speaker_title="Head of the port authority", via=("Bangkok Herald",))
    assert field_errors(q, TEXT, want) == []


def test_occurrence_and_elision() -> None:
    text = "A said x. B said y, and C said it again."
    assert locate(text, "said", 2) == (text.rindex("said"), text.rindex("said") + 4)
    assert locate(text, "B said ... again") == (10, len(text) - 1)
    with pytest.raises(ValueError):
        locate(text, "said", 3)


def test_is_essentially_the_scare_quote() -> None:
    text = 'The so-called "reform" raised fuel taxes, the minister said.'
    scare = Quote(content=(Span(13, 22),), kind="direct")  # '"reform"' with its marks
    clause = Quote(content=(_span(text, 'The so-called "reform" raised fuel taxes'),), kind="indirect")
    assert is_essentially(scare, text, "reform")
    assert not is_essentially(clause, text, "reform")


def test_case_errors_assigns_each_prediction_once() -> None:
    case = CORE_CASES[0]
    expect = case.expected[0]
    good = Quote(content=(_span(case.text, expect.content),), kind="direct",
                 cue=_span(case.text, "said"), source=_span(case.text, "airport director Lena Fischer"))
    assert case_errors(case, [good]) == []
    errors = case_errors(case, [good, good])
    assert len(errors) == 1 and errors[0].startswith("unexpected quote")
    assert case_errors(case, []) == [f"{expect.content!r}: not found"]
