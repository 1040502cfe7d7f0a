"""The finished records: each draft's speaker, title, source type, relays and hedge, as a ``Quote``."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any, Final

from quotex import lexicon
from quotex.document import Context, Draft
from quotex.mentions import INSTITUTIONS, NOT_NAMES, WORD, Mention, affiliation_of, gender_of, likely_gender, strip_det
from quotex.people import Entities, Person
from quotex.records import Quote, Source, Span, Via

# The hedge words that stand before a cue: "reportedly", "allegedly" (the -ly words of
# data/hedge_words.txt; the others are cues themselves: "claimed").
_HEDGE_ADVERBS: Final = sorted(w for w in lexicon.words("hedge_words") if w.endswith("ly"))
HEDGE_BEFORE: Final = re.compile(r"\b(?:" + "|".join(_HEDGE_ADVERBS) + r")\b", re.IGNORECASE)


def _common_ending(words: list[str]) -> str:
    """The longest ending all ``words`` share: "reportedly", "allegedly" -> "edly"."""
    end = words[0] if words else ""
    for w in words[1:]:
        while not w.endswith(end):
            end = end[1:]
    return end


# What every word of HEDGE_BEFORE ends in, in lower case ("edly"): a test that is cheap, and exact
# while no letter outside ASCII folds to one of its letters (none does to e, d, l or y).
_HEDGE_END: Final = _common_ending(_HEDGE_ADVERBS)


def finish(ctx: Context, drafts: list[Draft], *, restrict: bool = True) -> list[Quote]:
    """Resolve speakers, classify sources and build the quote records (``finish_document``'s quotes)."""
    return finish_document(ctx, drafts, restrict=restrict)[0]


def finish_document(
    ctx: Context, drafts: list[Draft], *, restrict: bool = True
) -> tuple[list[Quote], tuple[Source, ...]]:
    """Resolve speakers, classify sources and build the quote records and the table of their sources.

    The people are resolved once for the whole article: a quote's speaker, title, affiliation
    and gender are those of the person it names, as known at the end of the article (a surname
    first, the full name later: the full name).

    With ``restrict`` (the default), an article whose sources ask nothing but the names of people
    is scanned only for those names (see ``Entities``); without it, every article is scanned in full.
    """
    text = ctx.text
    sources = [Mention.parse(text[d.source[0] : d.source[1]]) if d.source is not None else None for d in drafts]
    ents = Entities(ctx, _names_asked(sources) if restrict else None)
    rows: list[_Row] = []
    prev: _Row | None = None
    last_other: tuple[str | None, str] | None = None  # the last organisation or group, for "they"
    for d, m in zip(drafts, sources):
        row = _Row(d, text)
        if d.source is not None and m is not None:
            if m.pronoun in ("he", "she", "i", "him", "her", "me"):
                row.person = ents.pronoun(_SUBJECT_FORM.get(m.pronoun, m.pronoun), d.source[0])
                if row.person is not None:
                    row.stype = "named_person"
            elif m.pronoun is not None:
                if last_other is not None:
                    row.speaker, row.stype = last_other
                elif m.pronoun in ("they", "them", "we", "us"):
                    row.stype = "unnamed_group"  # a plural source the article does not name
            else:
                row.stype = m.type
                if m.type == "named_person" and m.name:
                    row.person = ents.add(m.name, gender_of(m), d.source[0], m.title, likely=likely_gender(m),
                                          affiliation=affiliation_of(m))
                    row.title = m.title
                elif m.name:
                    row.speaker = ents.acronym(m.name)
                elif m.type == "document" and (issuer := _issuer_noun(m)) is not None:
                    # "a fire service statement" -> issued by the fire service the article named
                    found = ents.body(issuer, d.source[0])
                    if found is not None and found[1] == "named_organization":
                        row.speaker = found[0]
                else:
                    row.speaker, row.stype, row.person = _point_back(ents, m, d.source[0], row.stype)
                if row.stype in ("unnamed_person", "unnamed_group") and row.speaker is None:
                    # "The diplomat added": the anonymous source introduced before stays anonymous
                    earlier = _anonymous_before(rows, text, m)
                    if earlier is not None:
                        row.stype, row.refers = "anonymous", earlier
                if row.stype in ("named_organization", "unnamed_group", "media", "anonymous"):
                    last_other = (row.speaker, row.stype)
                if row.person is None:
                    row.gender = gender_of(m)
                    row.affiliation = affiliation_of(m)
        elif d.inherit and prev is not None:
            row.inherit(prev)
        rows.append(row)
        prev = row
    if any(r.person is not None and r.person.gender is None for r in rows) and ents.only is None:
        ents.learn_genders(r.person for r in rows if r.person is not None)
    _lone_names(rows, sources)
    ids = _number([_key(text, r) for r in rows])
    quotes = [_quote(ctx, r, i) for r, i in zip(rows, ids)]
    return quotes, _table(text, quotes, rows)


# The subject form of an object pronoun: "according to him" is "he".
_SUBJECT_FORM: Final = {"him": "he", "her": "she", "me": "i"}
_GENDERS: Final = {"m": "male", "f": "female"}
# The word just before a name, searched up to the name: "drummer Watts" -> "drummer"
WORD_BEFORE: Final = re.compile(r"([\w’'\-]+)[ \t]+\Z")


class _Row:
    """One draft on its way to a quote: what its source resolves to."""

    def __init__(self, draft: Draft, text: str = "") -> None:
        self.draft = draft
        self.ctx_text = text
        self.person: Person | None = None
        self.speaker: str | None = None
        self.title: str | None = None
        self.stype = "unknown"
        self.gender: str | None = None
        self.affiliation: str | None = None
        self.inherited: _Row | None = None
        self.refers: _Row | None = None  # an earlier mention of the same unnamed source

    def inherit(self, prev: _Row) -> None:
        """A floating quote: the source of the attribution before it."""
        self.person, self.speaker, self.stype = prev.person, prev.speaker, prev.stype
        self.gender, self.affiliation = prev.gender, prev.affiliation
        self.inherited = prev.inherited or prev


def _quote(ctx: Context, row: _Row, source_id: int | None = None) -> Quote:
    text, d = ctx.text, row.draft
    speaker, title, gender, affiliation = row.speaker, row.title, row.gender, row.affiliation
    if row.person is not None:
        # the person's, as the whole article tells it: "he" is Guo Jiakun, of the Foreign Ministry
        speaker, gender, affiliation = row.person.name, row.person.gender, row.person.affiliation
    via = tuple(_via(text, s) for s in d.via if text[s[0] : s[1]].strip())
    cue_text = text[d.cue[0] : d.cue[1]].lower() if d.cue else ""
    sent = ctx.sentence_at(d.cue[0] if d.cue else d.spans[0][0])
    hedged = cue_text in lexicon.words("hedge_words") or _hedge_before(
        text, max(sent.start, (d.cue[0] if d.cue else sent.end) - 120), d.cue[1] if d.cue else sent.end
    )
    return Quote(
        content=tuple(Span(a, b) for a, b in d.spans),
        kind=d.kind,
        cue=Span(*d.cue) if d.cue else None,
        source=Span(*d.source) if d.source else None,
        speaker=speaker,
        speaker_title=title,
        source_type=row.stype,
        via=via,
        hedged=hedged,
        confidence=max(0.0, min(1.0, d.confidence)),
        rule=d.rule,
        speaker_affiliation=affiliation,
        speaker_gender=_GENDERS.get(gender or ""),
        source_id=source_id,
    )


def _key(text: str, row: _Row) -> object:
    """What makes two quotes one source: the same person, the same named body, the same words."""
    row = row.inherited or row
    row = row.refers or row
    if row.person is not None:
        return id(row.person)
    if row.speaker:
        return (row.stype, row.speaker.lower())
    d = row.draft
    if d.source is None or row.stype == "unknown":
        return None  # nobody to count: no source, or a pronoun left unresolved
    words = strip_det(WORD.findall(text[d.source[0] : d.source[1]].lower()))
    return (row.stype, " ".join(words)) if words else None


def _number(keys: list[object]) -> list[int | None]:
    """The ``source_id`` of each quote, from its key: one number per distinct source, in order of
    first quote; ``None`` where the key is (nobody to count)."""
    ids: dict[object, int] = {}
    return [None if key is None else ids.setdefault(key, len(ids)) for key in keys]


def _table(text: str, quotes: Sequence[Quote], rows: Sequence[_Row]) -> tuple[Source, ...]:
    """The distinct sources of one document's quotes, indexed by their ``source_id``.

    A person's entry has what the whole article tells of the person (the first title it gives
    them, also when every quote says only "he"); another source's entry takes the first title,
    affiliation and gender its quotes give, and is named by the words of its first mention
    ("unnamed EU diplomats").
    """
    table: dict[int, dict[str, Any]] = {}
    for q, row in zip(quotes, rows):
        if q.source_id is None:
            continue
        entry = table.get(q.source_id)
        if entry is None:
            name = q.speaker or (" ".join(q.source.text(text).split()) if q.source is not None else None)
            person = (row.inherited or row).person
            entry = table[q.source_id] = {"name": name, "source_type": q.source_type, "quotes": 0,
                                          "title": person.title if person is not None else None,
                                          "affiliation": None, "gender": None}
        entry["quotes"] += 1
        for field, value in (("title", q.speaker_title), ("affiliation", q.speaker_affiliation),
                             ("gender", q.speaker_gender)):
            if entry[field] is None:
                entry[field] = value
    return tuple(Source(id=i, **table[i]) for i in sorted(table))


def _hedge_before(text: str, start: int, end: int) -> bool:
    """Is there a hedge word ("reportedly") in ``text[start:end]``?"""
    return _HEDGE_END in text[start:end].lower() and HEDGE_BEFORE.search(text, start, end) is not None


def _names_asked(sources: list[Mention | None]) -> frozenset[str] | None:
    """The words a scan restricted to names must look for (see ``Entities``), or ``None`` when
    the sources ask more of the article than the names of people: a pronoun to resolve, a
    description that points back ("the minister"), or a person whose gender only the pronouns
    of the article can tell (which needs every person's mentions, see ``Entities.learn_genders``)."""
    words = set()
    for m in sources:
        if m is None or m.pronoun not in (None, "he", "she", "i", "him", "her", "me"):
            continue  # no source, or "they": answered without the scan
        if m.pronoun is not None:
            return None
        if m.type == "named_person" and m.name:
            if gender_of(m) is None:
                return None
            words.add(m.name.split()[-1])
        elif not m.name and ((m.type in _POINTING_BACK and _pointing_noun(m) is not None)
                             or (m.type == "document" and _issuer_noun(m) is not None)):
            return None
    return frozenset(words)


# The source types for which "the <noun>" may point back to somebody named before.
_POINTING_BACK: Final = frozenset({"unnamed_person", "media", "named_organization", "unknown"})


def _pointing_noun(m: Mention) -> str | None:
    """ "the minister" -> "minister": the noun of a short description that may point back."""
    words: list[str] = WORD.findall(m.text)
    if len(words) < 2 or words[0].lower() not in ("the", "this", "his", "her") or len(words) > 4:
        return None
    return words[-1].lower()


def _anonymous_before(rows: list[_Row], text: str, m: Mention) -> _Row | None:
    """The earlier anonymous source that ``the <noun>`` names again ("a diplomat who asked not to
    be named ... the diplomat"), if any."""
    noun = _pointing_noun(m)
    if noun is None:
        return None
    for row in reversed(rows):
        d = row.draft
        if row.stype != "anonymous" or d.source is None or row.refers is not None:
            continue
        words = [w.lower() for w in WORD.findall(text[d.source[0] : d.source[1]])]
        if noun in words or noun.rstrip("s") in words:
            return row
    return None


def _lone_names(rows: list[_Row], sources: list[Mention | None]) -> None:
    """Type as organisations the one-word names the article never shows as a person's: no
    title, honorific or first name, no full name they are short for, no pronoun that points to
    them ("SoCalGas said").  The rows of such a name are then the organisation's."""
    pointed = {id(r.person) for r, m in zip(rows, sources) if r.person is not None and m is not None and m.pronoun}
    shown: dict[str, str] = {}
    for row in rows:
        p = row.person
        if p is None or row.inherited is not None or " " in p.name or p.titles or p.gender is not None \
                or id(p) in pointed or not p.name[:1].isupper():
            continue
        if p.name not in shown:
            shown[p.name] = _shown_as(row.ctx_text, p.name)
        if shown[p.name] != "named_person":
            row.person, row.speaker, row.stype = None, p.name, shown[p.name]
    for row in rows:
        if row.inherited is not None and row.inherited.person is None:
            row.person, row.speaker, row.stype = None, row.inherited.speaker, row.inherited.stype


def _shown_as(text: str, name: str) -> str:
    """What the article shows the one-word ``name`` to be, from the words right before it:
    ``named_person`` for a first name ("Charlie Watts"), a role noun ("drummer Watts") or "named
    Wong"; else ``media`` for a media noun ("daily Népszava", "broadcaster RTL"); else
    ``named_organization``."""
    outlet = False
    # each place the name stands (a plain search), then the word before it: a pattern that opens
    # on the word before would be tried at every position of the article
    for at in _places(text, name):
        m = WORD_BEFORE.search(text, max(0, at - 40), at)
        if m is None:
            continue
        before = m.group(1)
        low = before.lower()
        if low in ("named", "called") or (before.islower() and low in lexicon.words("person_nouns")):
            return "named_person"
        if before[:1].isupper() and low not in NOT_NAMES and low not in lexicon.words("determiners") \
                and not _org_word(low) and low not in lexicon.words("intro_words"):
            return "named_person"
        outlet = outlet or (before.islower() and before in lexicon.words("media_nouns"))
    return "media" if outlet else "named_organization"


def _places(text: str, name: str) -> Iterator[int]:
    """Where ``name`` stands in ``text`` as a whole word at its end ("Watts" not "Wattsville")."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if end >= len(text) or not (text[end].isalnum() or text[end] == "_"):
            yield at
        at = text.find(name, end)


def _org_word(low: str) -> bool:
    return low in lexicon.words("org_nouns") or low in INSTITUTIONS or low in lexicon.words("media_nouns")


def _issuer_noun(m: Mention) -> str | None:
    """ "a fire service statement" -> "service": the lower-case noun before a document's head,
    which may name its issuer."""
    words: list[str] = strip_det(WORD.findall(m.text))
    if len(words) < 2 or not words[-2].islower() or words[-2] in lexicon.words("document_nouns"):
        return None
    return words[-2] if words[-2] in lexicon.words("org_nouns") or words[-2] in INSTITUTIONS else None


def _point_back(ents: Entities, m: Mention, pos: int, stype: str) -> tuple[str | None, str, Person | None]:
    """ "The minister said" -> the minister named earlier; "the agency", "the newspaper" likewise."""
    noun = _pointing_noun(m)
    if noun is None:
        return None, stype, None
    if stype == "unnamed_person":
        person = ents.described(noun, pos)
        if person is not None:
            return person.name, "named_person", person
    elif stype == "media":
        found = ents.body(noun, pos, kind="media")
        if found is not None:
            return found[0], found[1], None
    elif stype in ("named_organization", "unknown"):
        found = ents.body(noun, pos)
        if found is not None:
            return found[0], "named_organization" if found[1] != "media" else "media", None
    return None, stype, None


def _via(text: str, span: tuple[int, int]) -> Via:
    m = Mention.parse(text[span[0] : span[1]])
    stype = m.type if m.type != "unknown" else "media"
    # "The newspaper Le Matin" -> "Le Matin"; unnamed relays keep their words ("Russian media")
    name = m.name if m.name and m.type in ("media", "named_organization") else text[span[0] : span[1]].strip()
    return Via(name=name, source_type=stype, span=Span(*span))
