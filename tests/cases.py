"""The golden list of hand-written cases, shared by the tests and the benchmarks.

Each ``Case`` is a short news-style text and what quotex must find in it, written readably as
substrings of the text rather than offsets. The expectations follow the annotation conventions of
``shared/gold/wikinews/README.md``:

* direct content is what lies inside the marks (punctuation inside the marks kept);
* indirect content is the reported clause without the complementiser ``that`` and without the
  sentence-final period;
* ``"A," he said. "B."`` is one quote whose content has two spans (``content`` plus ``more``);
* the source is the whole subject noun phrase as written, pre-name titles and appositions included;
* relays (``X, citing Y``, ``told Reuters``, ``according to the report``) go in ``via``, outermost
  first, and the speaker is the original source.

``issue_level`` says which stage of the engine a case tests: ``"core"`` (quote marks, cues, content,
kind, cue span, source span) or ``"attribution"`` (speaker resolution, ``speaker_title``,
``source_type``, ``via``, ``hedged``). Core cases only set core fields.

Matching is by content overlap, as in the scoring protocol of ``shared/DESIGN.md``: a predicted quote
matches an expectation when, quote marks and surrounding white space aside, their content shares at
least half of each side (``matches``). Then every field the expectation sets must agree
(``field_errors``); ``case_errors`` checks a whole case.

Content strings may elide their middle with `` ... `` (space, three dots, space): the expected
span then runs from the start of the part before the dots to the end of the part after them.
"""

from __future__ import annotations

import enum
import itertools
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Final

import attrs

from quotex import evaluate
from quotex.records import KINDS, SOURCE_TYPES, Quote, Span

LEVELS: Final = ("core", "attribution")
ELISION: Final = " ... "

#: Every character that may open or close a quote (straight, curly, low-9, guillemets, primes).
QUOTE_MARKS: Final = "\"'“”‘’„‚«»‹›‟‛″′"


class _Null(enum.Enum):
    NULL = "null"

    def __repr__(self) -> str:
        return "NULL"


#: An expected value of ``None``: the field must be null (``None`` in an ``Expect`` means "not checked").
NULL: Final = _Null.NULL

Span2 = tuple[int, int]


@attrs.frozen
class Expect:
    """One quote that must be found; every field left at ``None`` is not checked.

    ``content`` is a substring of the text (its ``occurrence``-th occurrence, from 0) that the
    predicted content must overlap by at least half of each side; ``more`` lists the further content
    spans of the same quote, in order, for a quote split by its attribution. ``cue`` and ``source``
    are the exact text of those spans, ``via`` the names of the relays, outermost first.
    """

    content: str
    kind: str | None = None
    cue: str | _Null | None = None
    source: str | _Null | None = None
    speaker: str | _Null | None = None
    speaker_title: str | _Null | None = None
    source_type: str | None = None
    via: tuple[str, ...] | None = None
    hedged: bool | None = None
    more: tuple[str, ...] = ()
    occurrence: int = 0
    speaker_gender: str | _Null | None = None
    speaker_affiliation: str | _Null | None = None

    def attribution_fields(self) -> list[str]:
        """The names of the attribution-stage fields this expectation sets."""
        names = ("speaker", "speaker_title", "source_type", "via", "hedged", "speaker_gender", "speaker_affiliation")
        return [n for n in names if getattr(self, n) is not None]


@attrs.frozen
class Case:
    """A text and the quotes that must (``expected``) and must not (``not_quotes``) be found in it.

    ``exhaustive``: the expected quotes are all the quotes of the text, so any other reported quote
    is a false alarm. ``not_quotes``: strings (scare quotes, titles, names) that no reported quote
    may have as its whole content.
    """

    id: str
    text: str
    expected: tuple[Expect, ...]
    issue_level: str
    tags: tuple[str, ...]
    not_quotes: tuple[str, ...] = ()
    exhaustive: bool = False
    note: str = ""


# ---------------------------------------------------------------------------------------------
# Locating and comparing spans


def locate(text: str, needle: str, occurrence: int = 0) -> Span2:
    """The ``(start, end)`` of the ``occurrence``-th ``needle`` in ``text``, elision allowed.

    Raises:
        ValueError: the needle (or one of its elided parts) does not occur often enough.
    """
    head, sep, tail = needle.partition(ELISION)
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(head, start + 1)
        if start < 0:
            raise ValueError(f"{head!r} does not occur {occurrence + 1} time(s) in the text")
    end = start + len(head)
    if sep:
        tail_start = text.find(tail, end)
        if tail_start < 0:
            raise ValueError(f"{tail!r} does not occur after {head!r}")
        end = tail_start + len(tail)
    return start, end


def strip_marks(text: str, start: int, end: int) -> Span2:
    """Narrow ``[start, end)`` past quote marks (all of ``QUOTE_MARKS``) and white space at either end."""
    return evaluate.strip_marks(text, start, end, QUOTE_MARKS)


def _merge(spans: Iterable[Span2]) -> list[Span2]:
    out: list[Span2] = []
    for s, e in sorted(sp for sp in spans if sp[1] > sp[0]):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _length(spans: Sequence[Span2]) -> int:
    return sum(e - s for s, e in spans)


def shared_chars(a: Iterable[Span2], b: Iterable[Span2]) -> int:
    """How many characters two sets of spans have in common."""
    ma, mb = _merge(a), _merge(b)
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in ma for s2, e2 in mb)


def overlaps_enough(a: Sequence[Span2], b: Sequence[Span2], share: float) -> bool:
    """Whether ``a`` and ``b`` share at least ``share`` of the characters of each."""
    la, lb = _length(_merge(a)), _length(_merge(b))
    if la == 0 or lb == 0:
        return False
    common = shared_chars(a, b)
    return common >= share * la and common >= share * lb


def content_spans(quote: Quote, text: str) -> list[Span2]:
    """The quote's content spans, each narrowed past quote marks and white space."""
    return [strip_marks(text, sp.start, sp.end) for sp in quote.content]


def expected_spans(text: str, expect: Expect) -> list[Span2]:
    """The spans of ``expect.content`` and ``expect.more``, narrowed like predictions are."""
    first = locate(text, expect.content, expect.occurrence)
    spans = [strip_marks(text, *first)]
    cursor = first[1]
    for part in expect.more:
        start = text.find(part.partition(ELISION)[0], cursor)
        if start < 0:
            raise ValueError(f"continuation {part!r} does not occur after {expect.content!r}")
        s, e = locate(text[start:], part)
        spans.append(strip_marks(text, start + s, start + e))
        cursor = start + e
    return spans


def matches(quote: Quote, text: str, expect: Expect, share: float = 0.5) -> bool:
    """Whether ``quote``'s content is the content ``expect`` describes (overlap >= ``share`` each side)."""
    return overlaps_enough(content_spans(quote, text), expected_spans(text, expect), share)


def is_essentially(quote: Quote, text: str, string: str, share: float = 0.5) -> bool:
    """Whether the quote's content is (nearly) just an occurrence of ``string``, e.g. a scare quote."""
    predicted = content_spans(quote, text)
    start = text.find(string)
    while start >= 0:
        target = [strip_marks(text, start, start + len(string))]
        if overlaps_enough(predicted, target, share):
            return True
        start = text.find(string, start + 1)
    return False


# ---------------------------------------------------------------------------------------------
# Comparing fields


def norm_name(value: str | None) -> str:
    """A name or title compared loosely: case, spacing, a leading article and end punctuation aside."""
    if value is None:
        return ""
    s = " ".join(unicodedata.normalize("NFC", value).casefold().split()).strip(" ,.;:")
    for article in ("the ", "a ", "an "):
        if s.startswith(article):
            s = s[len(article):]
    return s


_HONORIFICS: Final = frozenset(
    "mr mrs ms miss mx dr prof sir dame lady lord king queen prince princess pope sheikh".split()
)


def norm_speaker(value: str | None) -> str:
    """A speaker name compared loosely: as ``norm_name``, and without a leading honorific."""
    s = norm_name(value)
    first, _, rest = s.partition(" ")
    if rest and first.rstrip(".") in _HONORIFICS:
        s = rest
    return s


def _span_text(text: str, span: Span | None) -> str | None:
    return None if span is None else span.text(text)


def _check_text(label: str, want: str | _Null | None, got: str | None) -> list[str]:
    if want is None:
        return []
    if want is NULL:
        return [] if got is None else [f"{label}: want null, got {got!r}"]
    return [] if got == want else [f"{label}: want {want!r}, got {got!r}"]


def _check_name(label: str, want: str | _Null | None, got: str | None,
                norm: Callable[[str | None], str]) -> list[str]:
    if want is None:
        return []
    if want is NULL:
        return [] if got is None else [f"{label}: want null, got {got!r}"]
    ok = got is not None and norm(got) == norm(want)
    return [] if ok else [f"{label}: want {want!r}, got {got!r}"]


def _split_errors(quote: Quote, text: str, expect: Expect) -> list[str]:
    """For a split quote: each part is covered, and the attribution between them is not content."""
    if not expect.more:
        return []
    errors = []
    predicted = content_spans(quote, text)
    parts = expected_spans(text, expect)
    for s, e in parts:
        if shared_chars(predicted, [(s, e)]) < 0.5 * (e - s):
            errors.append(f"content part {text[s:e]!r} is not covered")
    covered = {i for s, e in predicted for i in range(s, e)}
    for (_, gap_start), (gap_end, _) in itertools.pairwise(parts):
        leaked = [i for i in range(gap_start, gap_end) if i in covered and text[i].isalnum()]
        if leaked:
            errors.append(f"the words between parts ({text[gap_start:gap_end]!r}) are taken as content")
    return errors


def field_errors(quote: Quote, text: str, expect: Expect) -> list[str]:
    """What is wrong with ``quote`` as the quote ``expect`` describes (empty when it is right)."""
    errors = _split_errors(quote, text, expect)
    if expect.kind is not None and quote.kind != expect.kind:
        errors.append(f"kind: want {expect.kind!r}, got {quote.kind!r}")
    errors += _check_text("cue", expect.cue, _span_text(text, quote.cue))
    errors += _check_text("source", expect.source, _span_text(text, quote.source))
    errors += _check_name("speaker", expect.speaker, quote.speaker, norm_speaker)
    errors += _check_name("speaker_title", expect.speaker_title, quote.speaker_title, norm_name)
    if expect.source_type is not None and quote.source_type != expect.source_type:
        errors.append(f"source_type: want {expect.source_type!r}, got {quote.source_type!r}")
    if expect.via is not None:
        got_via = [norm_name(v.name) for v in quote.via]
        if got_via != [norm_name(v) for v in expect.via]:
            errors.append(f"via: want {list(expect.via)!r}, got {[v.name for v in quote.via]!r}")
    if expect.hedged is not None and quote.hedged != expect.hedged:
        errors.append(f"hedged: want {expect.hedged}, got {quote.hedged}")
    errors += _check_name("speaker_gender", expect.speaker_gender, quote.speaker_gender, norm_name)
    errors += _check_name("speaker_affiliation", expect.speaker_affiliation, quote.speaker_affiliation, norm_name)
    return errors


def describe(quote: Quote, text: str) -> str:
    """A one-line, readable rendering of a predicted quote for failure messages."""
    parts = [f"{quote.kind} {quote.content_text(text)!r}",
             f"cue={_span_text(text, quote.cue)!r}", f"source={_span_text(text, quote.source)!r}"]
    if quote.speaker is not None or quote.source_type != "unknown":
        parts.append(f"speaker={quote.speaker!r} ({quote.source_type})")
    if quote.via:
        parts.append(f"via={[v.name for v in quote.via]!r}")
    return " ".join(parts)


def case_errors(case: Case, quotes: Sequence[Quote]) -> list[str]:
    """Everything wrong with ``quotes`` as the output for ``case`` (empty when it passes).

    Each expectation takes one predicted quote, the first whose content matches and whose fields are
    right; the not-quotes must not be reported; an exhaustive case allows no other quote.
    """
    text = case.text
    errors: list[str] = []
    used: set[int] = set()
    for expect in case.expected:
        candidates = [i for i, q in enumerate(quotes) if i not in used and matches(q, text, expect)]
        good = [i for i in candidates if not field_errors(quotes[i], text, expect)]
        if good:
            used.add(good[0])
        elif candidates:
            used.add(candidates[0])
            wrong = "; ".join(field_errors(quotes[candidates[0]], text, expect))
            errors.append(f"{expect.content!r}: found, but {wrong}")
        else:
            errors.append(f"{expect.content!r}: not found")
    for string in case.not_quotes:
        for q in quotes:
            if is_essentially(q, text, string):
                errors.append(f"not a quote, but reported: {string!r} ({describe(q, text)})")
    if case.exhaustive:
        for i, q in enumerate(quotes):
            if i not in used:
                errors.append(f"unexpected quote: {describe(q, text)}")
    return errors


def case_problems(case: Case) -> list[str]:
    """Mistakes in the case itself: substrings that do not occur, unknown values, misplaced fields."""
    problems: list[str] = []
    if case.issue_level not in LEVELS:
        problems.append(f"issue_level {case.issue_level!r} not in {LEVELS}")
    if not case.tags:
        problems.append("no tags")
    for expect in case.expected:
        try:
            expected_spans(case.text, expect)
        except ValueError as exc:
            problems.append(str(exc))
        for label in ("cue", "source"):
            value = getattr(expect, label)
            if isinstance(value, str) and value not in case.text:
                problems.append(f"{label} {value!r} does not occur in the text")
        if expect.kind is not None and expect.kind not in KINDS:
            problems.append(f"kind {expect.kind!r} not in {KINDS}")
        if expect.source_type is not None and expect.source_type not in SOURCE_TYPES:
            problems.append(f"source_type {expect.source_type!r} not in SOURCE_TYPES")
        if case.issue_level == "core" and expect.attribution_fields():
            problems.append(f"core case sets attribution fields {expect.attribution_fields()}")
    for string in case.not_quotes:
        if string not in case.text:
            problems.append(f"not_quote {string!r} does not occur in the text")
    return problems


# ---------------------------------------------------------------------------------------------
# The cases

E = Expect


def core(id: str, text: str, *expected: Expect, tags: Sequence[str], not_quotes: Sequence[str] = (),
         exhaustive: bool = True, note: str = "") -> Case:
    """A core-stage case; exhaustive unless said otherwise."""
    return Case(id, text, tuple(expected), "core", tuple(tags), tuple(not_quotes), exhaustive, note)


def attribution(id: str, text: str, *expected: Expect, tags: Sequence[str],
                not_quotes: Sequence[str] = (), exhaustive: bool = False, note: str = "") -> Case:
    """An attribution-stage case; not exhaustive unless said otherwise."""
    return Case(id, text, tuple(expected), "attribution", tuple(tags), tuple(not_quotes), exhaustive,
                note)


CORE_CASES: list[Case] = [
    # --- quote marks ---------------------------------------------------------------------------
    core(
        "straight-double-source-said",
        '"We expect the new terminal to open by October," airport director Lena Fischer said on '
        "Tuesday.",
        E("We expect the new terminal to open by October,", kind="direct", cue="said",
          source="airport director Lena Fischer"),
        tags=("straight-double", "quote-source-said"),
    ),
    core(
        "straight-double-said-source-apposition",
        '"The harvest is the worst in two decades," said Tomas Herrera, head of the growers\' '
        "cooperative in Mendoza.",
        E("The harvest is the worst in two decades,", kind="direct", cue="said",
          source="Tomas Herrera, head of the growers' cooperative in Mendoza"),
        tags=("straight-double", "quote-said-source", "apposition", "apostrophe"),
    ),
    core(
        "curly-double-said-source",
        "“Nobody in this valley has seen the river this high,” said Priya Raman, a volunteer with "
        "the rescue team.",
        E("Nobody in this valley has seen the river this high,", kind="direct", cue="said",
          source="Priya Raman, a volunteer with the rescue team"),
        tags=("curly-double", "quote-said-source", "apposition"),
    ),
    core(
        "curly-single-with-apostrophe",
        "‘We haven’t finished the job yet,’ the chancellor said, as the budget cleared its final "
        "vote.",
        E("We haven’t finished the job yet,", kind="direct", cue="said", source="the chancellor"),
        tags=("curly-single", "apostrophe", "quote-source-said"),
    ),
    core(
        "straight-single-with-apostrophes",
        "'The teachers' union won't sign this,' said spokesperson Ada Mensah.",
        E("The teachers' union won't sign this,", kind="direct", cue="said",
          source="spokesperson Ada Mensah"),
        tags=("straight-single", "apostrophe", "quote-said-source"),
        note="A plural possessive and a contraction inside straight single quotes.",
    ),
    core(
        "guillemets",
        "« We will not accept a second round of cuts », union leader Karim Benali said after the "
        "meeting in Lyon.",
        E("We will not accept a second round of cuts", kind="direct", cue="said",
          source="union leader Karim Benali"),
        tags=("guillemets", "quote-source-said"),
        note="French spacing inside the marks; the spaces are not content.",
    ),
    core(
        "guillemets-reversed",
        "»The ceasefire must hold«, Foreign Minister Aleksander Nowak told reporters in Gdansk.",
        E("The ceasefire must hold", kind="direct", cue="told",
          source="Foreign Minister Aleksander Nowak"),
        tags=("guillemets", "quote-source-said", "verb-told"),
        note="Reversed guillemets, as German and Scandinavian outlets print them.",
    ),
    core(
        "german-low-high",
        "„This agreement protects both economies“, said Trade Minister Heike Brandt.",
        E("This agreement protects both economies", kind="direct", cue="said",
          source="Trade Minister Heike Brandt"),
        tags=("low-high-quotes", "quote-said-source"),
        note="The German closing mark “ is the English opening mark.",
    ),
    core(
        "apostrophes-only",
        "The band's drummer grew up on rock ’n’ roll records from the ’90s, and Jones' old "
        "studio still stands on the corner of Rua Augusta.",
        tags=("apostrophe", "no-attribution", "negative"),
    ),
    core(
        "apostrophes-inside-quote",
        '"We didn\'t rebuild the club for the ’80s crowd," said owner Marcus Hale, adding that '
        "rock ’n’ roll nights would continue on Fridays.",
        E("We didn't rebuild the club for the ’80s crowd,", kind="direct", cue="said",
          source="owner Marcus Hale"),
        E("rock ’n’ roll nights would continue on Fridays", kind="indirect", cue="adding"),
        tags=("apostrophe", "straight-double", "participial"),
        note="The participle's source is the same Marcus Hale; its span is not checked.",
    ),
    core(
        "elided-apostrophe-names",
        "“We’ll get ’em next season,” said coach Dale O’Neill after the 3-1 defeat.",
        E("We’ll get ’em next season,", kind="direct", cue="said", source="coach Dale O’Neill"),
        tags=("curly-double", "apostrophe", "quote-said-source"),
    ),
    core(
        "inch-marks",
        "The 6'2\" forward said he was fit to play in Saturday's derby.",
        E("he was fit to play in Saturday's derby", kind="indirect", cue="said",
          source="The 6'2\" forward"),
        tags=("apostrophe", "primes", "said-no-that"),
        note="Feet and inch marks written with straight quotes are not quote marks.",
    ),
    core(
        "unbalanced-stray-opening",
        'The council voted 7-2 to approve the "budget plan on Monday.\n\n'
        '"Our residents deserve better roads," councillor Joan Pike said.',
        E("Our residents deserve better roads,", kind="direct", cue="said",
          source="councillor Joan Pike"),
        tags=("unbalanced", "straight-double", "quote-source-said"),
        note="The stray mark must not pair with the next paragraph's opening mark.",
    ),
    core(
        "unbalanced-stray-closing",
        'Police said 14 people were detained." The march ended peacefully at dusk, organisers '
        "said.",
        E("14 people were detained", kind="indirect", cue="said", source="Police"),
        E("The march ended peacefully at dusk", kind="indirect", cue="said", source="organisers"),
        tags=("unbalanced", "said-no-that", "content-source-said"),
    ),
    core(
        "unbalanced-unclosed-at-end",
        "Officials said the road would reopen next week.\n\n"
        '"We are working around the clock, and the',
        E("the road would reopen next week", kind="indirect", cue="said", source="Officials"),
        tags=("unbalanced", "said-no-that"),
        exhaustive=False,
        note="A truncated quote at the end of the text: the earlier quote must survive; what is made "
        "of the truncated one is left open.",
    ),
    core("empty-text", "", tags=("empty", "negative")),
    core("only-quote-marks", "\"\"“”‘’«»„“ ' \" ‹›\n\n  \"  \n\"\n", tags=("only-marks", "negative")),
    # --- multi-paragraph and split quotes --------------------------------------------------------
    core(
        "multi-paragraph-colon",
        "Kofi Asante, the district's emergency coordinator, recalled: \"The river rose "
        "faster than any model predicted. We had perhaps forty minutes to move people out of the "
        "lower town.\n\n"
        '"Some refused to leave their livestock, and we could not force them.\n\n'
        '"By midnight the water had reached the church steps."\n\n'
        "The regional government has promised compensation.",
        E("The river rose faster than any model predicted. ... reached the church steps.",
          kind="direct", cue="recalled", source="Kofi Asante, the district's emergency coordinator"),
        tags=("multi-paragraph", "colon", "straight-double"),
        note="Each paragraph reopens the quote and only the last closes it: one quote.",
    ),
    core(
        "multi-paragraph-split",
        "“Our first priority is the children,” said Dr. Halima Osei, who runs the field hospital. "
        "“We see forty cases of malnutrition a day.\n\n"
        "“Without the convoy we will run out of therapeutic food within a week.”",
        E("Our first priority is the children,",
          more=("We see forty cases of malnutrition a day. ... within a week.",),
          kind="direct", cue="said"),
        tags=("multi-paragraph", "split-quote", "curly-double", "quote-said-source"),
        note="Source span left unchecked: it carries a relative clause.",
    ),
    core(
        "split-said-between-sentences",
        '"The fire started in the kitchen," the fire chief said. "Within minutes it had reached '
        'the roof."',
        E("The fire started in the kitchen,", more=("Within minutes it had reached the roof.",),
          kind="direct", cue="said", source="the fire chief"),
        tags=("split-quote", "straight-double", "quote-source-said"),
    ),
    core(
        "split-mid-sentence",
        '"If the rains fail again," said farmer Aminata Diallo, "we will have nothing left to sell."',
        E("If the rains fail again,", more=("we will have nothing left to sell.",), kind="direct",
          cue="said", source="farmer Aminata Diallo"),
        tags=("split-quote", "straight-double", "quote-said-source"),
    ),
    core(
        "split-curly-pronoun",
        "“We are not leaving,” she said. “This is our home.”",
        E("We are not leaving,", more=("This is our home.",), kind="direct", cue="said",
          source="she"),
        tags=("split-quote", "curly-double", "pronoun-source"),
    ),
    core(
        "two-quotes-two-speakers",
        '"We have asked for an independent audit," said union chairman Pavel Novak. Management, '
        "however, said the accounts had already been checked twice.",
        E("We have asked for an independent audit,", kind="direct", cue="said",
          source="union chairman Pavel Novak"),
        E("the accounts had already been checked twice", kind="indirect", cue="said", occurrence=0,
          source="Management"),
        tags=("quote-said-source", "said-no-that", "straight-double"),
    ),
    core(
        "added-second-quote",
        '"The first shipment arrived on Monday," said port manager Luca Bianchi. "More are on the '
        'way," he added.',
        E("The first shipment arrived on Monday,", kind="direct", cue="said",
          source="port manager Luca Bianchi"),
        E("More are on the way,", kind="direct", cue="added", source="he"),
        tags=("verb-added", "quote-said-source", "pronoun-source"),
    ),
    core(
        "floating-paragraph-found",
        '"We have lost three harvests in a row," said Ibrahim Musa, a farmer in Kano state.\n\n'
        '"My sons have gone to the city to find work. There is nothing for them here."',
        E("We have lost three harvests in a row,", kind="direct", cue="said",
          source="Ibrahim Musa, a farmer in Kano state"),
        E("My sons have gone to the city to find work. There is nothing for them here.",
          kind="direct"),
        tags=("floating-quote", "quote-said-source"),
        note="The second paragraph has no cue; it is a quote of the previous speaker (who is checked "
        "in the attribution case 'floating-quote-inherits').",
    ),
    # --- word orders ------------------------------------------------------------------------------
    core(
        "said-colon-quote",
        'The prosecutor, Elena Varga, said: "There is no evidence the files were destroyed."',
        E("There is no evidence the files were destroyed.", kind="direct", cue="said",
          source="The prosecutor, Elena Varga"),
        tags=("source-said-colon", "colon", "apposition"),
    ),
    core(
        "told-colon-quote",
        "Kenya's health minister, Grace Wanjiru, told the assembly: “We have 300 ambulances for 50 "
        "million people.”",
        E("We have 300 ambulances for 50 million people.", kind="direct", cue="told",
          source="Kenya's health minister, Grace Wanjiru"),
        tags=("source-said-colon", "colon", "verb-told", "apposition"),
    ),
    core(
        "said-that",
        "Finance Minister Kwame Boateng said that inflation would fall below 10 percent by the end "
        "of the year.",
        E("inflation would fall below 10 percent by the end of the year", kind="indirect",
          cue="said", source="Finance Minister Kwame Boateng"),
        tags=("said-that",),
    ),
    core(
        "said-no-that",
        "The company said its profits had doubled in the third quarter.",
        E("its profits had doubled in the third quarter", kind="indirect", cue="said",
          source="The company"),
        tags=("said-no-that",),
    ),
    core(
        "says-present",
        "The mayor says the new tram line will carry 50,000 passengers a day once it opens.",
        E("the new tram line will carry 50,000 passengers a day once it opens", kind="indirect",
          cue="says", source="The mayor"),
        tags=("said-no-that", "verb-says"),
    ),
    core(
        "according-to-prefix",
        "According to the coast guard, the ferry was carrying 212 passengers when it ran aground.",
        E("the ferry was carrying 212 passengers when it ran aground", kind="indirect",
          cue="According to", source="the coast guard"),
        tags=("according-to-prefix",),
    ),
    core(
        "according-to-suffix",
        "The strike has cost the port more than $40 million, according to the chamber of commerce.",
        E("The strike has cost the port more than $40 million", kind="indirect",
          cue="according to", source="the chamber of commerce"),
        tags=("according-to-suffix",),
    ),
    core(
        "according-to-interrupting",
        "Rescuers, according to the regional governor, pulled nine people from the rubble overnight.",
        E("Rescuers", more=("pulled nine people from the rubble overnight",), kind="indirect",
          cue="according to", source="the regional governor"),
        tags=("according-to-interrupting", "split-quote"),
        note="An attribution phrase inside the clause splits the content (wikinews README).",
    ),
    core(
        "parenthetical-said-interrupting",
        "The new plant, the company said, will employ 800 people from next spring.",
        E("The new plant", more=("will employ 800 people from next spring",), kind="indirect",
          cue="said", source="the company"),
        tags=("content-source-said", "split-quote"),
    ),
    core(
        "content-source-said",
        "The vote will be held in March, election officials said.",
        E("The vote will be held in March", kind="indirect", cue="said",
          source="election officials"),
        tags=("content-source-said",),
    ),
    core(
        "content-said-source",
        "Turnout was higher than in any previous local election, said Joana Silva, the "
        "commission's spokeswoman.",
        E("Turnout was higher than in any previous local election", kind="indirect", cue="said",
          source="Joana Silva, the commission's spokeswoman"),
        tags=("content-said-source", "apposition"),
    ),
    core(
        "headline-say-scientists",
        "Coral reefs could vanish from the Red Sea by 2070, say scientists",
        E("Coral reefs could vanish from the Red Sea by 2070", kind="indirect", cue="say",
          source="scientists"),
        tags=("content-said-source", "headline", "verb-say"),
    ),
    core(
        "told-that",
        "Defence Minister Ravi Kapoor told parliament that border patrols would be doubled before "
        "the winter.",
        E("border patrols would be doubled before the winter", kind="indirect", cue="told",
          source="Defence Minister Ravi Kapoor"),
        tags=("told-that", "verb-told"),
    ),
    core(
        "citing-claimed",
        "The newspaper Le Matin, citing two people close to the investigation, claimed that the "
        "minister had been questioned twice.",
        E("the minister had been questioned twice", kind="indirect", cue="claimed"),
        tags=("citing", "verb-claimed"),
        note="The source span is the relay question of the attribution case 'relay-citing-claimed'.",
    ),
    core(
        "passive-agent-claimed",
        "The leak, first reported by the Lagos Tribune, claimed that two ministers had resigned "
        "over the contract.",
        E("two ministers had resigned over the contract", kind="indirect", cue="claimed",
          source="the Lagos Tribune"),
        tags=("agent", "verb-claimed"),
        note="The subject is the thing reported; the source is the agent of 'reported by'.",
    ),
    core(
        "in-a-statement-prefix",
        "In a statement, the Interior Ministry said the suspects had been released on bail.",
        E("the suspects had been released on bail", kind="indirect", cue="said",
          source="the Interior Ministry"),
        tags=("in-a-statement", "said-no-that"),
    ),
    core(
        "said-in-a-statement-that",
        "Nordvik Energy said in a statement that the pipeline leak had been contained by Sunday "
        "evening.",
        E("the pipeline leak had been contained by Sunday evening", kind="indirect", cue="said",
          source="Nordvik Energy"),
        tags=("in-a-statement", "said-that"),
    ),
    # --- verbs ------------------------------------------------------------------------------------
    core(
        "verb-warns",
        "The World Meteorological Organization warns that the coming summer could break heat "
        "records across southern Europe.",
        E("the coming summer could break heat records across southern Europe", kind="indirect",
          cue="warns", source="The World Meteorological Organization"),
        tags=("verb-warns", "said-that"),
    ),
    core(
        "verb-warned",
        "Health officials warned that hospitals in the region were running short of oxygen.",
        E("hospitals in the region were running short of oxygen", kind="indirect", cue="warned",
          source="Health officials"),
        tags=("verb-warned", "said-that"),
    ),
    core(
        "verb-insisted",
        "Coach Daniel Ferreira insisted his team had not given up on the title.",
        E("his team had not given up on the title", kind="indirect", cue="insisted",
          source="Coach Daniel Ferreira"),
        tags=("verb-insisted", "said-no-that"),
    ),
    core(
        "verb-denies",
        "The airline denies that its pilots were asked to skip safety checks.",
        E("its pilots were asked to skip safety checks", kind="indirect", cue="denies",
          source="The airline"),
        tags=("verb-denies", "said-that"),
    ),
    core(
        "verb-noted",
        "The report's authors noted that rural areas were underrepresented in the survey.",
        E("rural areas were underrepresented in the survey", kind="indirect", cue="noted",
          source="The report's authors"),
        tags=("verb-noted", "said-that", "apostrophe"),
    ),
    core(
        "verb-argued",
        "Lawyers for the developer argued that the contract had never been legally binding.",
        E("the contract had never been legally binding", kind="indirect", cue="argued",
          source="Lawyers for the developer"),
        tags=("verb-argued", "said-that"),
    ),
    core(
        "verb-acknowledged",
        "The ministry acknowledged that some pension payments had been delayed by up to three "
        "months.",
        E("some pension payments had been delayed by up to three months", kind="indirect",
          cue="acknowledged", source="The ministry"),
        tags=("verb-acknowledged", "said-that"),
    ),
    core(
        "verb-wrote",
        "In a letter to shareholders, chief executive Ingrid Solberg wrote that the company would "
        "cut 1,200 jobs.",
        E("the company would cut 1,200 jobs", kind="indirect", cue="wrote",
          source="chief executive Ingrid Solberg"),
        tags=("verb-wrote", "said-that"),
    ),
    core(
        "verb-tweeted-direct",
        "President Teodoro Vance tweeted \"Our thoughts are with the families of the miners.\"",
        E("Our thoughts are with the families of the miners.", kind="direct", cue="tweeted",
          source="President Teodoro Vance"),
        tags=("verb-tweeted", "source-said-quote"),
        note="A whole complement in marks after the verb, without 'that', is direct (wikinews README).",
    ),
    core(
        "verb-asked-question",
        '"Why should taxpayers pay for a stadium nobody asked for?" asked councillor Ben Adeyemi.',
        E("Why should taxpayers pay for a stadium nobody asked for?", kind="direct", cue="asked",
          source="councillor Ben Adeyemi"),
        tags=("verb-asked", "quote-said-source"),
    ),
    # --- more communication verbs, each with its non-reporting twin ------------------------------
    core(
        "verb-chanted",
        'Protesters chanted "No more cuts!" outside city hall.',
        E('No more cuts!', kind="direct", cue="chanted", source="Protesters"),
        tags=('verb-chanted', 'source-said-quote'),
    ),
    core(
        "verb-chanted-no-content",
        'The choir chanted for an hour during the vigil.',
        tags=('verb-chanted', 'negative'),
    ),
    core(
        "verb-blurted-out",
        '"I did not take the money," the defendant blurted out.',
        E('I did not take the money,', kind="direct", cue="blurted out", source="the defendant"),
        tags=('verb-blurted', 'quote-said-source', 'particle'),
    ),
    core(
        "verb-blurted-nominal",
        'The defendant blurted out an apology.',
        tags=('verb-blurted', 'negative', 'nominal'),
        note='Nominal content: the object noun phrase is not a quote.',
    ),
    core(
        "verb-crowed",
        '"We crushed them," the coach crowed.',
        E('We crushed them,', kind="direct", cue="crowed", source="the coach"),
        tags=('verb-crowed', 'quote-said-source'),
    ),
    core(
        "verb-crowed-bird",
        'A rooster crowed at dawn behind the farmhouse.',
        tags=('verb-crowed', 'negative'),
    ),
    core(
        "verb-sniffed",
        '"Hardly a masterpiece," the critic sniffed.',
        E('Hardly a masterpiece,', kind="direct", cue="sniffed", source="the critic"),
        tags=('verb-sniffed', 'quote-said-source'),
    ),
    core(
        "verb-sniffed-smell",
        'The dog sniffed the suitcase at the border crossing.',
        tags=('verb-sniffed', 'negative'),
    ),
    core(
        "verb-scolded",
        '"Put your phones away," the judge scolded.',
        E('Put your phones away,', kind="direct", cue="scolded", source="the judge"),
        tags=('verb-scolded', 'quote-said-source'),
    ),
    core(
        "verb-scolded-object",
        'The teacher scolded the boys for being late.',
        tags=('verb-scolded', 'negative'),
        note='The object is the addressee, not content.',
    ),
    core(
        "verb-remarked",
        'The ambassador remarked that relations had rarely been warmer.',
        E('relations had rarely been warmer', kind="indirect", cue="remarked", source="The ambassador"),
        tags=('verb-remarked', 'said-that'),
    ),
    core(
        "noun-remarks",
        "The ambassador's remarks were broadcast on state television.",
        tags=('verb-remarked', 'negative', 'noun'),
        note='"remarks" is a noun far more often than a verb: the lexicon leaves that form out.',
    ),
    core(
        "verb-mocked",
        '"Welcome to the real world," the rival campaign mocked.',
        E('Welcome to the real world,', kind="direct", cue="mocked", source="the rival campaign"),
        tags=('verb-mocked', 'quote-said-source'),
    ),
    core(
        "verb-mocked-nominal",
        'Critics mocked the proposal.',
        tags=('verb-mocked', 'negative', 'nominal'),
    ),
    core(
        "verb-voiced-fears-that",
        'Residents voiced fears that the plan would fail.',
        E('the plan would fail', kind="indirect", cue="voiced", source="Residents"),
        tags=('verb-voiced', 'noun-that'),
        note="The stance noun ('fears') is not content; the clause after it is.",
    ),
    core(
        "verb-voiced-nominal",
        'Residents voiced concern at the meeting.',
        tags=('verb-voiced', 'negative', 'nominal'),
    ),
    core(
        "verb-expressed-hope-that",
        'The minister expressed hope that talks would resume next week.',
        E('talks would resume next week', kind="indirect", cue="expressed", source="The minister"),
        tags=('verb-expressed', 'noun-that'),
    ),
    core(
        "verb-expressed-nominal",
        'The minister expressed concern about the delays.',
        tags=('verb-expressed', 'negative', 'nominal'),
    ),
    core(
        "verb-pointed-to-that",
        'Economists pointed to evidence that inflation was easing.',
        E('inflation was easing', kind="indirect", cue="pointed to", source="Economists"),
        tags=('verb-pointed-to', 'noun-that', 'particle'),
    ),
    core(
        "verb-pointed-to-relative",
        'The guide pointed to a statue that was damaged in the war.',
        tags=('verb-pointed-to', 'negative', 'relative-clause'),
        note="'that was damaged' is a relative clause of the object, not what was said.",
    ),
    core(
        "evidence-found-person",
        'The hikers found that the trail had been closed.',
        tags=('evidence-verb', 'negative'),
        note='An evidence verb reports only with a document as its source.',
    ),
    core(
        "evidence-records-show",
        'Court records show the company paid no tax in 2022.',
        E('the company paid no tax in 2022', kind="indirect", cue="show", source="Court records"),
        tags=('evidence-verb', 'document-source', 'said-no-that'),
    ),
    core(
        "evidence-showed-person",
        'The guide showed visitors the room where the treaty was signed.',
        tags=('evidence-verb', 'negative'),
    ),
    # --- participial cues ---------------------------------------------------------------------
    core(
        "participial-saying-that",
        "The union called off the strike on Thursday, saying that management had agreed to most of "
        "its demands.",
        E("management had agreed to most of its demands", kind="indirect", cue="saying",
          source="The union"),
        tags=("participial", "verb-saying"),
    ),
    core(
        "participial-stating-quote",
        'The embassy issued a travel warning, stating, "Citizens should avoid all non-essential '
        'travel to the border provinces."',
        E("Citizens should avoid all non-essential travel to the border provinces.", kind="direct",
          cue="stating", source="The embassy"),
        tags=("participial", "verb-stating"),
    ),
    # --- dash attribution -----------------------------------------------------------------------
    core(
        "dash-attribution-em",
        "“We will not rest until every family has clean water.” — Senator Helen Marsh",
        E("We will not rest until every family has clean water.", kind="direct",
          source="Senator Helen Marsh"),
        tags=("dash-attribution", "curly-double"),
        note="No reporting word: the cue is left unchecked (null or the dash are both defensible).",
    ),
    core(
        "dash-attribution-en",
        '"A city is only as strong as its poorest street." – Mayor Thabo Nkosi, at the opening of '
        "the clinic",
        E("A city is only as strong as its poorest street.", kind="direct"),
        tags=("dash-attribution", "straight-double"),
    ),
    # --- mixed quotes ---------------------------------------------------------------------------
    core(
        "mixed-tweeted-that",
        'Senator Ruth Adler tweeted that the bill "will not pass in its current form."',
        E('the bill "will not pass in its current form."', kind="mixed", cue="tweeted",
          source="Senator Ruth Adler"),
        tags=("mixed", "verb-tweeted", "said-that"),
    ),
    core(
        "mixed-said-fragment",
        "Governor Marta Alves said the outbreak was “under control but far from over” and that "
        "schools would stay closed.",
        E("the outbreak was “under control but far from over” and that schools would stay closed",
          kind="mixed", cue="said", source="Governor Marta Alves"),
        tags=("mixed", "said-no-that", "coordinated-complements"),
        note="Coordinated complements of one cue are one quote (wikinews README).",
    ),
    core(
        "mixed-that-whole-clause",
        'The health minister said that "no patient will be turned away."',
        E("no patient will be turned away.", kind="mixed", cue="said", source="The health minister"),
        tags=("mixed", "said-that"),
        note="A clause wholly inside marks after 'that' is mixed (seed convention).",
    ),
    core(
        "mixed-described-as",
        'The opposition leader described the budget as "a gift to the rich."',
        E("a gift to the rich.", kind="mixed", cue="described", source="The opposition leader"),
        tags=("mixed", "described-as"),
    ),
    core(
        "mixed-called-and-said",
        "Police described the crowd as ‘largely peaceful’ and said 12 arrests had been made.",
        E("largely peaceful", kind="mixed", cue="described", source="Police"),
        E("12 arrests had been made", kind="indirect", cue="said", source="Police"),
        tags=("mixed", "described-as", "said-no-that", "curly-single"),
    ),
    core(
        "mixed-headline-calls",
        "Minister calls pension plan ‘unworkable’",
        E("unworkable", kind="mixed", cue="calls", source="Minister"),
        tags=("mixed", "called", "headline", "curly-single"),
    ),
    # --- scare quotes, titles, no attribution ---------------------------------------------------
    core(
        "scare-so-called",
        'The so-called "reform" raised fuel taxes by 8 percent and cut pension indexation.',
        tags=("scare-quotes", "negative"),
        not_quotes=("reform",),
    ),
    core(
        "scare-single-curly",
        "The government spent the ‘peace dividend’ on roads, schools and a new airport.",
        tags=("scare-quotes", "negative", "curly-single"),
        not_quotes=("peace dividend",),
    ),
    core(
        "title-film",
        'The director\'s new film, "Winter in Lagos", opened in 300 cinemas on Friday.',
        tags=("title", "negative"),
        not_quotes=("Winter in Lagos",),
    ),
    core(
        "title-tv-show-with-attribution",
        'Speaking on "Meet the Press" on Sunday, Senator Carla Reyes said the trade deal was dead.',
        E("the trade deal was dead", kind="indirect", cue="said", source="Senator Carla Reyes"),
        tags=("title", "said-no-that"),
        not_quotes=("Meet the Press",),
    ),
    core(
        "title-inside-indirect",
        'Her memoir, "Salt and Iron", has sold 200,000 copies, her publisher said.',
        E('Her memoir, "Salt and Iron", has sold 200,000 copies', kind="indirect", cue="said",
          source="her publisher"),
        tags=("title", "content-source-said"),
        not_quotes=("Salt and Iron",),
        note="A title in the reported clause does not make the quote mixed.",
    ),
    core(
        "term-inside-indirect",
        'Officials said the new "smart border" system would be running by June.',
        E('the new "smart border" system would be running by June', kind="indirect", cue="said",
          source="Officials"),
        tags=("scare-quotes", "said-no-that"),
        not_quotes=("smart border",),
        note="A quoted name or term is not the speaker's words, so the quote stays indirect "
        "(wikinews README: 'breadbasket', 'outward investment').",
    ),
    core(
        "nickname",
        'Police arrested Mario "The Ghost" Russo at a farmhouse near Caserta.',
        tags=("scare-quotes", "negative", "nickname"),
        not_quotes=("The Ghost",),
    ),
    core(
        "word-mention",
        'The word "sorry" did not appear anywhere in the company\'s 12-page response.',
        tags=("scare-quotes", "negative", "apostrophe"),
        not_quotes=("sorry",),
    ),
    core(
        "sign-text",
        '"Welcome home" banners hung from every balcony in the village.',
        tags=("scare-quotes", "negative"),
        not_quotes=("Welcome home",),
    ),
    core(
        "no-attribution",
        "The bridge was built in 1932 and carries about 40,000 vehicles a day. Repairs are expected "
        "to take two years.",
        tags=("no-attribution", "negative"),
    ),
    core(
        "negated-and-declined",
        "A spokesman for the airline declined to comment, and the company did not say when flights "
        "would resume.",
        tags=("no-attribution", "negative", "negated"),
        note="Negated reports are not quotes (wikinews README, 'Not annotated').",
    ),
    core(
        "perception-not-speech",
        "Satellite images showed thick smoke rising from the refinery on Saturday morning.",
        tags=("no-attribution", "negative"),
    ),
    # --- distance, offsets ------------------------------------------------------------------------
    core(
        "far-cue",
        '"The data were clear. Every model we ran, every sensitivity test and every alternative '
        "assumption pointed the same way: the lake is warming twice as fast as the sea around it, "
        "and the fish stocks will not recover without a fishing ban of at least five years, "
        'whatever the industry would like to hear," the study\'s lead author, Ines Carvalho, said.',
        E("The data were clear. ... would like to hear,", kind="direct", cue="said",
          source="the study's lead author, Ines Carvalho"),
        tags=("far-cue", "quote-source-said", "apposition"),
    ),
    core(
        "far-cue-long-subject",
        "Ines Carvalho, who led the study at the University of Porto and spent six winters "
        "sampling the lake from a rowing boat, said on Monday that the warming had been "
        "underestimated.",
        E("the warming had been underestimated", kind="indirect", cue="said"),
        tags=("far-cue", "said-that"),
        note="Source span unchecked: whether a long relative clause belongs to it is left open.",
    ),
    core(
        "crlf-paragraphs",
        "Officials said on Monday that the dam was safe.\r\n\r\n"
        '"There is no risk of collapse," engineer Omar Saleh said.',
        E("the dam was safe", kind="indirect", cue="said", source="Officials"),
        E("There is no risk of collapse,", kind="direct", cue="said", occurrence=0,
          source="engineer Omar Saleh"),
        tags=("offsets", "said-that", "quote-source-said"),
    ),
    core(
        "astral-characters-before",
        '🔴🇺🇦 "Power has been restored to 80 percent of the city," the utility said.',
        E("Power has been restored to 80 percent of the city,", kind="direct", cue="said",
          source="the utility"),
        tags=("offsets", "quote-source-said"),
        note="Offsets count code points, not UTF-16 units or bytes.",
    ),
    core(
        "nested-single-in-double",
        "\"She told me, 'Don't open the door,' and then the lights went out,\" said neighbour "
        "Tariq Aziz.",
        E("She told me, 'Don't open the door,' and then the lights went out,", kind="direct",
          cue="said", source="neighbour Tariq Aziz"),
        tags=("nested-quote", "straight-double", "straight-single", "quote-said-source"),
        exhaustive=False,
        note="The nested quote is optional, as in the wikinews gold.",
    ),
    # --- issue 16: the open test for a reported clause, nominal content, boundaries, formats ------
    core(
        "bare-clause-past-verb",
        "Officials said police received the call at 9 p.m.",
        E("police received the call at 9 p.m", kind="indirect", cue="said", source="Officials"),
        tags=("bare-clause", "open-test"),
        note="No 'that' and no auxiliary: the past form after a subject makes the clause.",
    ),
    core(
        "bare-clause-relative-in-subject",
        "She said the company, which employs 300 people, would close.",
        E("the company, which employs 300 people, would close", kind="indirect", cue="said", source="She"),
        tags=("bare-clause", "open-test", "relative-clause"),
    ),
    core(
        "bare-clause-present-plural",
        "The researchers speculated the spikes make the frogs dangerous to eat.",
        E("the spikes make the frogs dangerous to eat", kind="indirect", cue="speculated",
          source="The researchers"),
        tags=("bare-clause", "open-test"),
    ),
    core(
        "maintained-neutral-stance",
        "Beijing has long maintained a neutral stance in the conflict.",
        tags=("negative", "nominal", "open-test"),
        note="A verb object noun phrase is no quote (the seeds' false alarm of the parser).",
    ),
    core(
        "proposed-plan-aimed-at",
        "In 2023, Beijing proposed a 12-point peace plan aimed at fostering dialogue.",
        tags=("negative", "nominal", "open-test", "reduced-relative"),
        note="'aimed at' is a participle of the object, not the verb of a clause.",
    ),
    core(
        "proposed-bill-that-would",
        "The government proposed a bill that would have allowed extraditions.",
        tags=("negative", "nominal", "relative-clause"),
    ),
    core(
        "denied-reports-suggesting",
        "The ministry denied media reports suggesting its troops had crossed the border.",
        E("media reports suggesting its troops had crossed the border", kind="indirect", cue="denied",
          source="The ministry"),
        tags=("nominal", "content-noun"),
        note="A noun of what was said with its content after it is a quote.",
    ),
    core(
        "denied-the-reports",
        "The ministry denied the reports.",
        tags=("negative", "nominal"),
    ),
    core(
        "called-the-move-quoted",
        'Critics called the move "political theater of the worst kind."',
        E("political theater of the worst kind.", kind="mixed", cue="called", source="Critics"),
        tags=("nominal", "quoted-fragment", "predicate"),
    ),
    core(
        "told-any-addressee",
        "She told detectives she was at home.",
        E("she was at home", kind="indirect", cue="told", source="She"),
        tags=("told-addressee", "bare-clause"),
    ),
    core(
        "told-news-conference",
        "The mayor told a news conference the bridge would reopen on Friday.",
        E("the bridge would reopen on Friday", kind="indirect", cue="told", source="The mayor"),
        tags=("told-addressee", "bare-clause"),
    ),
    core(
        "told-directive",
        "The mayor told residents to stay indoors.",
        tags=("negative", "told-addressee"),
        note="'told X to do' is a directive, not a report (the rules read no clause).",
        exhaustive=False,
    ),
    core(
        "told-story",
        "He told the story of his escape.",
        tags=("negative", "told-addressee", "nominal"),
    ),
    core(
        "quote-cue-unknown-source",
        'The game ended late. "We will be back," said the rookie defenceman.',
        E("We will be back,", kind="direct", cue="said", source="the rookie defenceman"),
        tags=("cue-after", "any-source"),
        note="A source the phrase reader does not know is still taken as written.",
    ),
    core(
        "content-then-utility-said-in-statement",
        "Power was restored. The plant will close in May, the utility said in a statement.",
        E("The plant will close in May", kind="indirect", cue="said", source="the utility"),
        tags=("cue-after", "any-source", "in-a-statement"),
    ),
    core(
        "content-then-said-smith-party",
        "Debate went on. The bill is unconstitutional, said Smith (R-Utah).",
        E("The bill is unconstitutional", kind="indirect", cue="said", source="Smith"),
        tags=("cue-after", "any-source"),
    ),
    core(
        "content-as-minister-noted",
        "Talks stalled. The deal is dead, as the minister noted.",
        E("The deal is dead", kind="indirect", cue="noted", source="the minister"),
        tags=("cue-after", "as-cue"),
    ),
    core(
        "content-then-told-addressee-adding",
        "A total of 39 are confirmed dead, officials told state media, adding that rescuers had ended "
        "their work.",
        E("A total of 39 are confirmed dead", kind="indirect", cue="told", source="officials"),
        E("rescuers had ended their work", kind="indirect", cue="adding", source="officials"),
        tags=("cue-after", "told-addressee", "participial"),
    ),
    core(
        "two-attributions-while",
        "Smith said the deal was dead, while Jones warned that talks could resume.",
        E("the deal was dead", kind="indirect", cue="said", source="Smith"),
        E("talks could resume", kind="indirect", cue="warned", source="Jones"),
        tags=("boundaries", "two-attributions"),
    ),
    core(
        "coordinated-clauses-one-quote",
        "Smith said the deal was dead and talks would not resume.",
        E("the deal was dead and talks would not resume", kind="indirect", cue="said", source="Smith"),
        tags=("boundaries", "coordinated"),
        note="Coordinated clauses of one cue stay one quote.",
    ),
    core(
        "cue-in-relative-clause",
        "The inquiry lists the failings it said were avoidable.",
        E("were avoidable", kind="indirect", cue="said", source="it"),
        tags=("boundaries", "relative-cue"),
    ),
    core(
        "cue-in-free-relative",
        "Everything he said was wrong.",
        tags=("negative", "relative-cue"),
        note="Here the verb after the cue is the sentence's own: the object of 'said' is the gap.",
    ),
    core(
        "continued-frames-quote",
        'The director spoke first. He continued, "And we have never seen anything like it."',
        E("And we have never seen anything like it.", kind="direct", cue="continued", source="He"),
        tags=("frame-verb", "colon"),
    ),
    core(
        "continued-to-fight",
        "The rebels continued to fight through the night.",
        tags=("negative", "frame-verb"),
    ),
    core(
        "said-aside-then-quote",
        'He said, in remarks published on Monday, "No other virus has spread like this."',
        E("No other virus has spread like this.", kind="direct", cue="said", source="He"),
        tags=("aside", "cue-quote"),
    ),
    core(
        "according-to-without-comma",
        "He was ill for months and according to the ministry he died in the morning.",
        E("he died in the morning", kind="indirect", cue="according to", source="the ministry"),
        tags=("according-to", "boundaries"),
    ),
    core(
        "tweeted-and-offered",
        'The minister tweeted "Deeply saddened by the loss of lives" and offered "condolences to the '
        'families."',
        E("Deeply saddened by the loss of lives", kind="direct", cue="tweeted", source="The minister"),
        E("condolences to the families.", kind="direct"),
        tags=("boundaries", "two-quotes"),
        note="The second quotation has words of its own before it: a quote of its own.",
    ),
    core(
        "dubbed-name",
        'The army launched a program dubbed "Zrinyi 2026" in 2017.',
        tags=("negative", "scare-quotes", "predicate"),
    ),
    core(
        "despite-another-attribution",
        "Rain fell. The committee says it has found no trace of explosives despite the website claiming "
        "an anonymous source saw a depot.",
        E("it has found no trace of explosives", kind="indirect", cue="says", source="The committee"),
        E("an anonymous source saw a depot", kind="indirect", cue="claiming", source="the website"),
        tags=("boundary", "two-attributions"),
        note="A second attribution after 'despite' ends the first content.",
    ),
    core(
        "despite-without-attribution",
        "Rain fell. The committee says it has found no trace of explosives despite a long search.",
        E("it has found no trace of explosives despite a long search", kind="indirect", cue="says",
          source="The committee"),
        tags=("boundary", "negative"),
        note="The twin: 'despite' with no attribution after it is part of the content.",
    ),
    core(
        "noted-bare-clause",
        "Rain fell. The newspaper noted the purchase appeared to bypass the ministry.",
        E("the purchase appeared to bypass the ministry", kind="indirect", cue="noted", source="The newspaper"),
        tags=("bare-clause",),
    ),
    core(
        "noted-object",
        "Rain fell. The newspaper noted the purchase of two helicopters last year.",
        tags=("negative", "nominal"),
        note="The twin: 'noted' with a noun phrase reports no clause.",
    ),
]


ATTRIBUTION_CASES: list[Case] = [
    # --- pronouns and gender ---------------------------------------------------------------------
    attribution(
        "pronoun-she-mrs",
        "Mrs. Folake Adeyemi has run a bakery on the high street for 30 years. Her landlord, Peter "
        "Kowalski, bought the building last spring.\n\n"
        '"The rent has tripled since he arrived," she said.',
        E("The rent has tripled since he arrived,", kind="direct", cue="said", source="she",
          speaker="Folake Adeyemi", speaker_title=NULL, source_type="named_person"),
        tags=("pronoun", "gender", "honorific"),
    ),
    attribution(
        "pronoun-she-queen",
        "Queen Amalia opened the new wing of the national museum on Thursday, accompanied by "
        "Culture Minister Jonas Berg. “Art belongs to everyone,” she said.",
        E("Art belongs to everyone,", kind="direct", cue="said", source="she",
          speaker="Queen Amalia", source_type="named_person"),
        tags=("pronoun", "gender", "royal-title"),
        note="Speakers compare without a leading honorific, so 'Amalia' and 'Queen Amalia' both pass.",
    ),
    attribution(
        "pronoun-he-not-nearest",
        "Interior Minister Tomasz Wrona met Senator Alicia Mendez in Warsaw on Friday. \"We agreed "
        'on a joint patrol scheme," he said.',
        E("We agreed on a joint patrol scheme,", kind="direct", cue="said", source="he",
          speaker="Tomasz Wrona", source_type="named_person"),
        tags=("pronoun", "gender", "negative-nearest"),
        note="The nearest person is a woman; 'he' must skip her.",
    ),
    attribution(
        "pronoun-she-not-nearest",
        "Amina Yusuf, who chairs the water board, inspected the reservoir with engineer Carlos "
        "Mendes on Monday. She said the repairs would cost $3 million.",
        E("the repairs would cost $3 million", kind="indirect", cue="said", source="She",
          speaker="Amina Yusuf", source_type="named_person"),
        tags=("pronoun", "gender", "negative-nearest"),
    ),
    attribution(
        "pronoun-he-after-paragraph",
        "Opposition leader Viktor Halas spent the morning touring flooded villages along the "
        "Tisza.\n\n"
        "Later, at a press conference in Szeged, he said the government had ignored warnings for a "
        "decade.",
        E("the government had ignored warnings for a decade", kind="indirect", cue="said",
          source="he", speaker="Viktor Halas", speaker_title=NULL, source_type="named_person",
          via=()),
        tags=("pronoun", "cross-paragraph"),
        note="'a press conference' is the speaker's own channel, not a relay.",
    ),
    attribution(
        "pronoun-it-organisation",
        "Volta Motors said it would recall 20,000 cars over a faulty brake sensor. It added that no "
        "injuries had been reported.",
        E("it would recall 20,000 cars over a faulty brake sensor", kind="indirect", cue="said",
          source="Volta Motors", speaker="Volta Motors", source_type="named_organization"),
        E("no injuries had been reported", kind="indirect", cue="added", source="It",
          speaker="Volta Motors", source_type="named_organization"),
        tags=("pronoun", "organization"),
    ),
    # --- short forms and descriptions -------------------------------------------------------------
    attribution(
        "surname-short-form",
        "Oluwaseun Bakare, chief economist at the Lagos Commodity Exchange, said grain prices would "
        "keep rising until the harvest. Bakare said the naira's fall had made imports costlier.",
        E("grain prices would keep rising until the harvest", kind="indirect", cue="said",
          source="Oluwaseun Bakare, chief economist at the Lagos Commodity Exchange",
          speaker="Oluwaseun Bakare", speaker_title="chief economist at the Lagos Commodity Exchange",
          source_type="named_person"),
        E("the naira's fall had made imports costlier", kind="indirect", cue="said",
          source="Bakare", speaker="Oluwaseun Bakare", speaker_title=NULL,
          source_type="named_person", via=(), hedged=False),
        tags=("surname", "apposition-title"),
    ),
    attribution(
        "honorific-surname-short-form",
        "Dr. Mei Lin, an epidemiologist at Chiang Mai University, warned that cases could double "
        'within weeks. "We are not testing enough," Dr. Lin said.',
        E("cases could double within weeks", kind="indirect", cue="warned",
          source="Dr. Mei Lin, an epidemiologist at Chiang Mai University", speaker="Mei Lin",
          source_type="named_person"),
        E("We are not testing enough,", kind="direct", cue="said", source="Dr. Lin",
          speaker="Mei Lin", source_type="named_person"),
        tags=("surname", "honorific", "apposition-title"),
        note="Whether 'Dr.' belongs to speaker_title of the first mention is left unchecked there.",
    ),
    attribution(
        "description-the-minister",
        "Agriculture Minister Halima Yusuf visited the drought-hit north on Wednesday. The minister "
        "said emergency feed would reach herders within days.",
        E("emergency feed would reach herders within days", kind="indirect", cue="said",
          source="The minister", speaker="Halima Yusuf", source_type="named_person"),
        tags=("description", "coreference"),
    ),
    attribution(
        "description-the-agency",
        "The National Weather Agency issued a flood warning for six provinces on Tuesday. The "
        "agency said rivers in the east could burst their banks by the weekend.",
        E("rivers in the east could burst their banks by the weekend", kind="indirect", cue="said",
          source="The agency", speaker="National Weather Agency",
          source_type="named_organization"),
        tags=("description", "coreference", "organization"),
    ),
    attribution(
        "acronym-short-form",
        "The Federation of Kenya Employers (FKE) has opposed the new payroll levy. FKE said the levy "
        "would cost small firms about 4 percent of their wage bill.",
        E("the levy would cost small firms about 4 percent of their wage bill", kind="indirect",
          cue="said", source="FKE", speaker="Federation of Kenya Employers",
          source_type="named_organization"),
        tags=("acronym", "coreference", "organization"),
    ),
    attribution(
        "floating-quote-inherits",
        '"We have lost three harvests in a row," said Ibrahim Musa, a farmer in Kano state.\n\n'
        '"My sons have gone to the city to find work. There is nothing for them here."',
        E("We have lost three harvests in a row,", speaker="Ibrahim Musa",
          speaker_title="a farmer in Kano state", source_type="named_person"),
        E("My sons have gone to the city to find work. There is nothing for them here.",
          kind="direct", speaker="Ibrahim Musa", source_type="named_person"),
        tags=("floating-quote", "apposition-title"),
    ),
    attribution(
        "floating-quote-after-two-speakers",
        'Tenants\' leader Rosa Marin said the evictions were illegal. "We will see them in court," '
        "said the landlord's lawyer, Paul Dumont.\n\n"
        '"The leases expired in June. My client has been more than patient."',
        E("the evictions were illegal", speaker="Rosa Marin", speaker_title="Tenants' leader"),
        E("We will see them in court,", speaker="Paul Dumont",
          speaker_title="the landlord's lawyer"),
        E("The leases expired in June. My client has been more than patient.", kind="direct",
          speaker="Paul Dumont"),
        tags=("floating-quote", "apposition-title", "title-before-name"),
        note="The floating paragraph inherits the latest speaker, not the first.",
    ),
    # --- titles -------------------------------------------------------------------------------
    attribution(
        "title-before-name",
        "Health Secretary Daniel Okoro said the vaccination campaign would be extended to "
        "teenagers in September.",
        E("the vaccination campaign would be extended to teenagers in September", kind="indirect",
          cue="said", source="Health Secretary Daniel Okoro", speaker="Daniel Okoro",
          speaker_title="Health Secretary", source_type="named_person", via=(), hedged=False),
        tags=("title-before-name", "named-person"),
    ),
    attribution(
        "title-apposition-after",
        "Ana Sousa, a nurse at the Santa Luzia clinic, said staff had worked 16-hour shifts for a "
        "week.",
        E("staff had worked 16-hour shifts for a week", kind="indirect", cue="said",
          source="Ana Sousa, a nurse at the Santa Luzia clinic", speaker="Ana Sousa",
          speaker_title="a nurse at the Santa Luzia clinic", source_type="named_person"),
        tags=("apposition-title", "named-person"),
    ),
    attribution(
        "title-apposition-before",
        "The head of the port authority, Hamid Rahimi, said cargo traffic had fallen by a third "
        "since the blockade began.",
        E("cargo traffic had fallen by a third since the blockade began", kind="indirect",
          cue="said", source="The head of the port authority, Hamid Rahimi", speaker="Hamid Rahimi",
          speaker_title="The head of the port authority", source_type="named_person"),
        tags=("apposition-title", "named-person"),
    ),
    # --- source types ---------------------------------------------------------------------------
    attribution(
        "state-as-actor",
        "Brazil said it would not recognise the result of the election until observers had "
        "published their report.",
        E("it would not recognise the result of the election until observers had published their "
          "report", kind="indirect", cue="said", source="Brazil", speaker="Brazil",
          source_type="named_organization"),
        tags=("named-organization", "state"),
    ),
    attribution(
        "organizations-as-actors",
        "The Interior Ministry said 40 people had been detained after the clashes in the capital. "
        "The White House said the president would sign the sanctions bill on Friday.",
        E("40 people had been detained after the clashes in the capital", kind="indirect",
          cue="said", source="The Interior Ministry", speaker="Interior Ministry",
          source_type="named_organization"),
        E("the president would sign the sanctions bill on Friday", kind="indirect", cue="said",
          source="The White House", speaker="White House", source_type="named_organization"),
        tags=("named-organization", "ministry"),
    ),
    attribution(
        "police-definite-institution",
        "Police said the driver had been arrested on suspicion of dangerous driving.",
        E("the driver had been arrested on suspicion of dangerous driving", kind="indirect",
          cue="said", source="Police", source_type="named_organization"),
        tags=("named-organization", "definite-institution"),
        note="Unique institutions under a definite description are organisations (wikinews README); "
        "the canonical name is not checked.",
    ),
    attribution(
        "unnamed-persons",
        "A senior official at the finance ministry said the deficit figure would be revised upward "
        "next month.\n\n"
        "“The consulate remains open for emergencies,” a spokesperson for the foreign ministry said.",
        E("the deficit figure would be revised upward next month", kind="indirect", cue="said",
          source="A senior official at the finance ministry", speaker=NULL,
          source_type="unnamed_person"),
        E("The consulate remains open for emergencies,", kind="direct", cue="said",
          source="a spokesperson for the foreign ministry", speaker=NULL,
          source_type="unnamed_person"),
        tags=("unnamed-person",),
    ),
    attribution(
        "unnamed-groups",
        "Local officials said at least 12 homes had been destroyed and 300 people moved to "
        "schools. The water rose within an hour, residents said.",
        E("at least 12 homes had been destroyed and 300 people moved to schools", kind="indirect",
          cue="said", source="Local officials", speaker=NULL, source_type="unnamed_group"),
        E("The water rose within an hour", kind="indirect", cue="said", source="residents",
          speaker=NULL, source_type="unnamed_group"),
        tags=("unnamed-group",),
    ),
    attribution(
        "anonymous-people-familiar",
        "The company is preparing to sell its shipping unit, people familiar with the matter said.",
        E("The company is preparing to sell its shipping unit", kind="indirect", cue="said",
          source="people familiar with the matter", speaker=NULL, source_type="anonymous"),
        tags=("anonymous",),
    ),
    attribution(
        "anonymous-condition-of-anonymity",
        "An official who spoke on condition of anonymity said the talks had collapsed over the "
        "question of prisoner releases.",
        E("the talks had collapsed over the question of prisoner releases", kind="indirect",
          cue="said", speaker=NULL, source_type="anonymous"),
        tags=("anonymous",),
    ),
    attribution(
        "anonymous-unnamed-sources",
        "The striker has agreed a two-year contract with the club, according to unnamed sources.",
        E("The striker has agreed a two-year contract with the club", kind="indirect",
          cue="according to", source="unnamed sources", speaker=NULL, source_type="anonymous"),
        tags=("anonymous", "according-to-suffix"),
    ),
    attribution(
        "media-outlets",
        "State media reported that the president had appointed a new prime minister overnight. Le "
        "Soleil reported that the outgoing prime minister had offered to resign twice in a week.",
        E("the president had appointed a new prime minister overnight", kind="indirect",
          cue="reported", source="State media", source_type="media", via=()),
        E("the outgoing prime minister had offered to resign twice in a week", kind="indirect",
          cue="reported", source="Le Soleil", speaker="Le Soleil", source_type="media", via=()),
        tags=("media", "unnamed-outlet", "named-outlet"),
    ),
    attribution(
        "media-the-newspaper",
        "The Daily Courier first published the leaked emails on Monday. The newspaper said the "
        "mayor had known about the contracts since 2021.",
        E("the mayor had known about the contracts since 2021", kind="indirect", cue="said",
          source="The newspaper", speaker="The Daily Courier", source_type="media"),
        tags=("media", "coreference", "description"),
    ),
    attribution(
        "document-the-report",
        "The report said that one in four schools in the province had no running water.",
        E("one in four schools in the province had no running water", kind="indirect", cue="said",
          source="The report", speaker=NULL, source_type="document"),
        tags=("document",),
    ),
    attribution(
        "document-statement-issuer",
        "A statement from Harlow Mining said the mine would remain closed while inspectors examined "
        "the shaft.",
        E("the mine would remain closed while inspectors examined the shaft", kind="indirect",
          cue="said", source="A statement from Harlow Mining", speaker="Harlow Mining",
          source_type="document"),
        tags=("document", "issuer"),
        note="Documents take the issuer as speaker when the mention names it (wikinews README).",
    ),
    attribution(
        "document-poll",
        "A poll by the Institute for Public Opinion suggests that most voters oppose the merger of "
        "the two regions.",
        E("most voters oppose the merger of the two regions", kind="indirect", cue="suggests",
          source_type="document", speaker="Institute for Public Opinion"),
        tags=("document", "poll", "issuer"),
    ),
    attribution(
        "document-according-to-unicef-report",
        "According to a UNICEF report published on Monday, 30 percent of schools in the region lack "
        "toilets.",
        E("30 percent of schools in the region lack toilets", kind="indirect", cue="According to",
          source_type="document", speaker="UNICEF"),
        tags=("document", "issuer", "according-to-prefix"),
    ),
    attribution(
        "evidence-poll-found",
        "A Reuters poll found that most voters opposed the tax.",
        E("most voters opposed the tax", kind="indirect", cue="found", source="A Reuters poll",
          source_type="document"),
        tags=("evidence-verb", "document-source", "said-that"),
        note="An evidence verb ('found', 'show') is a cue only with a document as its source; its "
             "twin is evidence-found-person.",
    ),
    # --- relays -------------------------------------------------------------------------------
    attribution(
        "relay-citing-reported",
        "The Bangkok Herald, citing police sources, reported that the suspect had fled across the "
        "border into Laos.",
        E("the suspect had fled across the border into Laos", kind="indirect", cue="reported",
          source="police sources", speaker=NULL, source_type="anonymous",
          via=("The Bangkok Herald",)),
        tags=("relay", "citing", "anonymous"),
    ),
    attribution(
        "relay-citing-named-person",
        "Radio Kinshasa, citing Deputy Mines Minister Joseph Ilunga, reported that cobalt exports "
        "would be suspended for three months.",
        E("cobalt exports would be suspended for three months", kind="indirect", cue="reported",
          source="Deputy Mines Minister Joseph Ilunga", speaker="Joseph Ilunga",
          speaker_title="Deputy Mines Minister", source_type="named_person",
          via=("Radio Kinshasa",)),
        tags=("relay", "citing", "title-before-name"),
    ),
    attribution(
        "relay-citing-claimed",
        "The newspaper Le Matin, citing two people close to the investigation, claimed that the "
        "minister had been questioned twice.",
        E("the minister had been questioned twice", kind="indirect", cue="claimed",
          source="two people close to the investigation", speaker=NULL, source_type="anonymous",
          via=("Le Matin",), hedged=True),
        tags=("relay", "citing", "hedged"),
        note="Unnamed people cited by an outlet are anonymous sourcing; the outlet's name is Le Matin, "
        "not 'The newspaper Le Matin'.",
    ),
    attribution(
        "relay-told-reuters",
        "Finance Minister Lars Holm told Reuters that the central bank would not intervene to "
        "support the krone.",
        E("the central bank would not intervene to support the krone", kind="indirect", cue="told",
          source="Finance Minister Lars Holm", speaker="Lars Holm", speaker_title="Finance Minister",
          source_type="named_person", via=("Reuters",)),
        tags=("relay", "told-media"),
    ),
    attribution(
        "relay-told-reporters",
        '"We were never consulted," fisherman Jomo Otieno told reporters.',
        E("We were never consulted,", kind="direct", cue="told",
          source="fisherman Jomo Otieno", speaker="Jomo Otieno", speaker_title="fisherman",
          source_type="named_person", via=("reporters",)),
        tags=("relay", "told-media"),
    ),
    attribution(
        "relay-speaking-to-radio",
        "Speaking to Radio Sahel, Colonel Idrissa Kone said the army had retaken the town of Dori.",
        E("the army had retaken the town of Dori", kind="indirect", cue="said",
          source="Colonel Idrissa Kone", speaker="Idrissa Kone", speaker_title="Colonel",
          source_type="named_person", via=("Radio Sahel",)),
        tags=("relay", "speaking-to-media"),
    ),
    attribution(
        "relay-according-to-report-officials-believe",
        "According to the report, officials believe the shortfall could reach $2 billion by the end "
        "of the year.",
        E("the shortfall could reach $2 billion by the end of the year", kind="indirect",
          cue="believe", source="officials", speaker=NULL, source_type="unnamed_group",
          via=("the report",)),
        tags=("relay", "according-to-prefix", "unnamed-group"),
        note="As in the seeds ('According to the report, some European officials believe').",
    ),
    attribution(
        "relay-outlet-only-reports",
        '"We will not negotiate under fire," army spokesman Ali Farouk said, according to Radio '
        "Sahel.",
        E("We will not negotiate under fire,", kind="direct", cue="said",
          source="army spokesman Ali Farouk", speaker="Ali Farouk", source_type="named_person",
          via=("Radio Sahel",)),
        tags=("relay", "according-to-suffix", "outlet-in-via"),
        note="The outlet only relays: it is in via, never the speaker.",
    ),
    attribution(
        "relay-two-outlets-following",
        'Deputy Foreign Minister Anton Vasiliev said Moscow had "no interest" in the proposal, the '
        "Baltic Times reports, citing Interfax.",
        E('Moscow had "no interest" in the proposal', kind="mixed", cue="said",
          source="Deputy Foreign Minister Anton Vasiliev", speaker="Anton Vasiliev",
          source_type="named_person", via=("Baltic Times", "Interfax")),
        tags=("relay", "citing", "mixed", "outlet-in-via"),
        note="Outermost first: the article relies on the Baltic Times, which relies on Interfax.",
    ),
    attribution(
        "relay-according-to-prosecutors",
        "Governor Paul Mbeki admitted that he had received the payments, according to prosecutors.",
        E("he had received the payments", kind="indirect", cue="admitted",
          source="Governor Paul Mbeki", speaker="Paul Mbeki", source_type="named_person",
          via=("prosecutors",)),
        tags=("relay", "according-to-suffix"),
        note="As the wikinews README's 'Trump has admitted ..., according to prosecutors'.",
    ),
    attribution(
        "own-channel-not-relay",
        "In a statement posted on its website, the Red Crescent said 40 volunteers had been sent to "
        "the flooded districts.",
        E("40 volunteers had been sent to the flooded districts", kind="indirect", cue="said",
          source="the Red Crescent", speaker="Red Crescent", source_type="named_organization",
          via=()),
        tags=("own-channel", "named-organization", "in-a-statement"),
    ),
    # --- hedging --------------------------------------------------------------------------------
    attribution(
        "hedged-claimed",
        "Opposition leader Victor Anan claimed that the ballots had been tampered with in three "
        "districts.",
        E("the ballots had been tampered with in three districts", kind="indirect", cue="claimed",
          speaker="Victor Anan", source_type="named_person", hedged=True),
        tags=("hedged", "verb-claimed"),
    ),
    attribution(
        "hedged-allegedly",
        "The Azure Brigade allegedly told villagers that they had 24 hours to leave their homes.",
        E("they had 24 hours to leave their homes", kind="indirect", cue="told",
          source="The Azure Brigade", speaker="Azure Brigade", source_type="named_organization",
          hedged=True),
        tags=("hedged", "allegedly"),
    ),
    attribution(
        "hedged-reportedly",
        "Coach Marta Ruiz reportedly told the players that she would step down after the final.",
        E("she would step down after the final", kind="indirect", speaker="Marta Ruiz",
          source_type="named_person", hedged=True),
        tags=("hedged", "reportedly"),
        note="The cue is left unchecked: 'told' (the attribution) or 'reportedly' (the hedge).",
    ),
    # --- the article's people: gender, affiliation, descriptions --------------------------------
    attribution(
        "gender-he-passes-over-a-woman",
        "Mayor Sarah Okafor met Police Chief Daniel Brandt on Monday. He said the curfew would be lifted "
        "by the weekend.",
        E("the curfew would be lifted by the weekend", speaker="Daniel Brandt", source_type="named_person",
          speaker_gender="male"),
        tags=("pronoun", "gender"),
    ),
    attribution(
        "gender-she-passes-over-a-man",
        "Police Chief Daniel Brandt met Mayor Sarah Okafor on Monday. She said the curfew would be lifted "
        "by the weekend.",
        E("the curfew would be lifted by the weekend", speaker="Sarah Okafor", source_type="named_person",
          speaker_gender="female"),
        tags=("pronoun", "gender", "negative-twin"),
    ),
    attribution(
        "gender-never-from-a-first-name",
        "Rain fell all week. Maria Lopez, who runs the shelter, said 40 families had arrived.",
        E("40 families had arrived", speaker="Maria Lopez", source_type="named_person", speaker_gender=NULL),
        tags=("gender", "negative"),
        note="'Maria' suggests a woman, but nothing in the article says so: the gender stays null.",
    ),
    attribution(
        "gender-from-a-possessive",
        "Rain fell all week. Mayor Tomas Berg said the shelter was full. Berg added that his staff had "
        "opened a second hall.",
        E("the shelter was full", speaker="Tomas Berg", speaker_gender="male"),
        tags=("gender", "possessive"),
    ),
    attribution(
        "affiliation-from-the-title",
        "Rain fell all week. Environment Ministry spokesperson Lena Park said the river had peaked.",
        E("the river had peaked", speaker="Lena Park", speaker_affiliation="Environment Ministry"),
        tags=("affiliation", "title"),
    ),
    attribution(
        "affiliation-from-an-apposition",
        "Rain fell all week. Jane Roe, chief economist at Acme Bank, said rates would rise in June.",
        E("rates would rise in June", speaker="Jane Roe", speaker_affiliation="Acme Bank"),
        tags=("affiliation", "apposition"),
    ),
    attribution(
        "affiliation-not-a-portfolio",
        "Rain fell all week. Secretary of State Anne Vale said the talks would resume.",
        E("the talks would resume", speaker="Anne Vale", speaker_affiliation=NULL),
        tags=("affiliation", "negative"),
        note="'of State' names the office, not an organisation the person speaks for.",
    ),
    attribution(
        "description-points-back",
        "The paper interviewed Gábor Kiss, the government commissioner for housing, on Monday. The "
        "commissioner stated the new flats were financed by a loan.",
        E("the new flats were financed by a loan", source="The commissioner", speaker="Gábor Kiss",
          source_type="named_person"),
        tags=("description", "apposition"),
    ),
    attribution(
        "description-without-antecedent",
        "Rain fell all week. The commissioner stated the new flats were financed by a loan.",
        E("the new flats were financed by a loan", speaker=NULL, source_type="unnamed_person"),
        tags=("description", "negative"),
    ),
    attribution(
        "according-to-him",
        "Rain fell all week. Army spokesman Yahya Omar said ten drones were used. According to him, it "
        "was the largest raid this year.",
        E("it was the largest raid this year", source="him", speaker="Yahya Omar",
          source_type="named_person", speaker_gender="male"),
        tags=("pronoun", "object-pronoun"),
    ),
    attribution(
        "name-inside-the-quote-is-not-the-speaker",
        "Rain fell all week. Mayor Ana Ruiz spoke after the vote. \"Governor Paul Hart has let this city "
        "down for years,\" she said.",
        E("Governor Paul Hart has let this city down for years,", speaker="Ana Ruiz"),
        tags=("pronoun", "name-in-quote", "negative"),
    ),
    attribution(
        "group-located-by-a-place",
        "Rain fell all week. Officials in Kyiv said the bridge would reopen on Friday.",
        E("the bridge would reopen on Friday", source="Officials in Kyiv", source_type="unnamed_group",
          speaker=NULL),
        tags=("group", "located"),
    ),
    attribution(
        "state-named-after-a-group-noun",
        "Rain fell all week. Kyiv said the bridge would reopen on Friday.",
        E("the bridge would reopen on Friday", source="Kyiv", source_type="named_organization"),
        tags=("group", "located", "negative-twin"),
    ),
    attribution(
        "group-located-by-an-institution",
        "Rain fell all week. Doctors at the city hospital said three patients were in a serious condition.",
        E("three patients were in a serious condition", source="Doctors at the city hospital",
          source_type="unnamed_group"),
        tags=("group", "located"),
    ),
    attribution(
        "website-is-media",
        "Rain fell all week. Znak.com claimed the fire had been set on purpose.",
        E("the fire had been set on purpose", speaker="Znak.com", source_type="media"),
        tags=("media", "web-name"),
    ),
    attribution(
        "outlet-relays-its-source",
        "Rain fell all week. The website further reported its anonymous source claimed a fourth man "
        "had escaped.",
        E("a fourth man had escaped", source="its anonymous source", source_type="anonymous",
          via=("The website",)),
        tags=("relay", "anonymous", "nested"),
    ),
    attribution(
        "person-reports-what-others-said",
        "Rain fell all week. Senator Ann Lee reported that officials said the dam was safe.",
        E("officials said the dam was safe", speaker="Ann Lee", source_type="named_person", via=()),
        tags=("relay", "nested", "negative-twin"),
        note="A person who reports what others said is the source; only outlets and documents relay.",
    ),
    attribution(
        "time-after-the-source",
        "Rain fell all week. The dam held, according to regional governor Ivan Petrov on Friday.",
        E("The dam held", source="regional governor Ivan Petrov", speaker="Ivan Petrov"),
        tags=("according-to", "time", "open-vocabulary"),
    ),
    attribution(
        "time-word-inside-a-name",
        "Rain fell all week. The dam held, according to USA Today.",
        E("The dam held", source="USA Today", source_type="media"),
        tags=("according-to", "time", "negative-twin"),
    ),
    attribution(
        "abbreviation-ends-the-source",
        "Rain fell all week. The U.S. said the sanctions would stay in place.",
        E("the sanctions would stay in place", source="The U.S.", source_type="named_organization",
          speaker="U.S."),
        tags=("abbreviation", "open-vocabulary"),
    ),
    attribution(
        "intro-clause-is-not-an-apposition",
        "Before he left to attend the United Nations General Assembly, President Zelensky told "
        "reporters, \"Nobody can put pressure on me.\"",
        E("Nobody can put pressure on me.", source="President Zelensky", speaker="Zelensky"),
        tags=("apposition", "intro-clause"),
    ),
    attribution(
        "anonymity-holds-for-later-mentions",
        "Rain fell all week. A diplomat who asked not to be named said the talks had stalled. The "
        "diplomat added that a deal was unlikely before June.",
        E("the talks had stalled", source="A diplomat who asked not to be named", source_type="anonymous"),
        E("a deal was unlikely before June", source="The diplomat", source_type="anonymous"),
        tags=("anonymous", "later-mention"),
    ),
    attribution(
        "description-without-anonymity",
        "Rain fell all week. A diplomat said the talks had stalled. The diplomat added that a deal was "
        "unlikely before June.",
        E("a deal was unlikely before June", source="The diplomat", source_type="unnamed_person"),
        tags=("anonymous", "later-mention", "negative-twin"),
    ),
    attribution(
        "unknown-capitalised-name-is-an-organisation",
        "Rain fell all week. SoCalGas said the leak at the storage field had been sealed.",
        E("the leak at the storage field had been sealed", speaker="SoCalGas", source_type="named_organization"),
        tags=("organisation", "open-vocabulary"),
    ),
    attribution(
        "one-word-name-of-a-person-the-article-shows",
        "Rain fell all week. Drummer Charlie Watts left the band in May. Watts said the tour had been "
        "cancelled.",
        E("the tour had been cancelled", speaker="Watts", source_type="named_person"),
        tags=("organisation", "open-vocabulary", "negative-twin"),
    ),
    attribution(
        "report-published-by-an-organisation",
        "Rain fell all week. A report published by Human Rights Watch said the prisons were full.",
        E("the prisons were full", source="A report published by Human Rights Watch", source_type="document",
          speaker="Human Rights Watch"),
        tags=("document", "issuer"),
    ),
    attribution(
        "floating-quote-after-indirect",
        "Rain fell all week. Mayor Ana Ruiz said the plan was dead.\n\n\"It will never pass, not in this "
        "city and not this year.\"",
        E("It will never pass, not in this city and not this year.", kind="direct", speaker="Ana Ruiz",
          source_type="named_person"),
        tags=("floating", "indirect"),
    ),
    attribution(
        "participle-after-a-passive-agent",
        "Rain fell all week. The results were described by Johnson as a \"historic mandate\", saying he "
        "intends to leave the union by January.",
        E("he intends to leave the union by January", cue="saying", source="Johnson", speaker="Johnson"),
        tags=("participle", "passive"),
    ),
    attribution(
        "by-gerund-takes-the-subject",
        "Rain fell all week. Minister Eva Holm ended the meeting by saying \"we are ready to take more "
        "steps towards peace\".",
        E("we are ready to take more steps towards peace", cue="saying", source="Minister Eva Holm",
          speaker="Eva Holm"),
        tags=("participle", "by-gerund"),
    ),
    attribution(
        "relative-clause-is-no-title",
        "Rain fell all week. Paul Reyes, who voted against the bill, said the tax cut would not "
        "create jobs.",
        E("the tax cut would not create jobs", cue="said", speaker="Paul Reyes", speaker_title=NULL),
        tags=("title", "apposition", "negative"),
        note="A relative clause after the name says what the person did, not who they are.",
    ),
    attribution(
        "apposition-is-a-title",
        "Rain fell all week. Paul Reyes, a senator from Ohio, said the tax cut would not create jobs.",
        E("the tax cut would not create jobs", cue="said", speaker="Paul Reyes",
          speaker_title="a senator from Ohio"),
        tags=("title", "apposition"),
    ),
    attribution(
        "lone-name-shown-as-outlet",
        "Rain fell. The daily Kurir broke the story on Monday. Kurir noted the contract had never been "
        "signed.",
        E("the contract had never been signed", cue="noted", speaker="Kurir", source_type="media"),
        tags=("lone-name", "media"),
        note="A one-word name the article introduces with a media noun is an outlet.",
    ),
    attribution(
        "lone-name-without-outlet-noun",
        "Rain fell. The firm Kurir won the contract on Monday. Kurir noted the contract had never been "
        "signed.",
        E("the contract had never been signed", cue="noted", speaker="Kurir", source_type="named_organization"),
        tags=("lone-name", "organisation", "negative"),
    ),
    attribution(
        "passive-predicate-with-an-agent",
        'Rain fell. The vote was described by Prime Minister Lena Dahl as a "historic mandate" for reform.',
        E("historic mandate", kind="mixed", cue="described", source="Prime Minister Lena Dahl",
          speaker="Lena Dahl"),
        tags=("passive", "predicate", "mixed"),
    ),
    attribution(
        "passive-predicate-without-quoted-words",
        "Rain fell. The vote was described by Prime Minister Lena Dahl as a historic mandate for reform.",
        tags=("passive", "predicate", "negative", "nominal"),
        note="The twin: with no quoted words the predicate is the writer's paraphrase of a label, not a quote.",
    ),
]

CASES: list[Case] = CORE_CASES + ATTRIBUTION_CASES
