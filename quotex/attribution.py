"""The finished records: each draft's speaker, title, source type, relays and hedge, as a ``Quote``."""

from __future__ import annotations

import re
from typing import Final

from quotex import lexicon
from quotex.document import Context, Draft
from quotex.mentions import WORD, Mention, gender_of
from quotex.people import Entities
from quotex.records import Quote, Span, Via

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
    """Resolve speakers, classify sources and build the quote records.

    With ``restrict`` (the default), an article whose sources ask nothing but the names of people
    is scanned only for those names (see ``Entities``); without it, every article is scanned in full.
    """
    text = ctx.text
    sources = [Mention.parse(text[d.source[0] : d.source[1]]) if d.source is not None else None for d in drafts]
    ents = Entities(ctx, _names_asked(sources) if restrict else None)
    out: list[Quote] = []
    prev: Quote | None = None
    last_other: tuple[str | None, str] | None = None  # the last organisation or group, for "they"
    for d, m in zip(drafts, sources):
        speaker: str | None = None
        title: str | None = None
        stype = "unknown"
        if d.source is not None and m is not None:
            if m.pronoun in ("he", "she", "i"):
                person = ents.pronoun(m.pronoun, d.source[0])
                if person is not None:
                    speaker, stype = person.name, "named_person"
            elif m.pronoun is not None:
                if last_other is not None:
                    speaker, stype = last_other
            else:
                stype = m.type
                if m.type == "named_person" and m.name:
                    person = ents.add(m.name, gender_of(m), d.source[0], m.title)
                    speaker = person.name
                    title = m.title
                elif m.name:
                    speaker = ents.acronym(m.name)
                else:
                    speaker, stype = _point_back(ents, m, d.source[0], stype)
                if stype in ("named_organization", "unnamed_group", "media", "anonymous"):
                    last_other = (speaker, stype)
        elif d.inherit and prev is not None:
            speaker, stype = prev.speaker, prev.source_type
        via = tuple(_via(text, s) for s in d.via if text[s[0] : s[1]].strip())
        cue_text = text[d.cue[0] : d.cue[1]].lower() if d.cue else ""
        sent = ctx.sentence_at(d.cue[0] if d.cue else d.spans[0][0])
        hedged = cue_text in lexicon.words("hedge_words") or _hedge_before(
            text, max(sent.start, (d.cue[0] if d.cue else sent.end) - 120), d.cue[1] if d.cue else sent.end
        )
        q = Quote(
            content=tuple(Span(a, b) for a, b in d.spans),
            kind=d.kind,
            cue=Span(*d.cue) if d.cue else None,
            source=Span(*d.source) if d.source else None,
            speaker=speaker,
            speaker_title=title,
            source_type=stype,
            via=via,
            hedged=hedged,
            confidence=max(0.0, min(1.0, d.confidence)),
            rule=d.rule,
        )
        out.append(q)
        prev = q
    return out


def _hedge_before(text: str, start: int, end: int) -> bool:
    """Is there a hedge word ("reportedly") in ``text[start:end]``?"""
    return _HEDGE_END in text[start:end].lower() and HEDGE_BEFORE.search(text, start, end) is not None


def _names_asked(sources: list[Mention | None]) -> frozenset[str] | None:
    """The words a scan restricted to names must look for (see ``Entities``), or ``None`` when
    the sources ask more of the article than the names of people: a pronoun to resolve, or a
    description that points back ("the minister")."""
    words = set()
    for m in sources:
        if m is None or m.pronoun not in (None, "he", "she", "i"):
            continue  # no source, or "they": answered without the scan
        if m.pronoun is not None:
            return None
        if m.type == "named_person" and m.name:
            words.add(m.name.split()[-1])
        elif not m.name and m.type in _POINTING_BACK and _pointing_noun(m) is not None:
            return None
    return frozenset(words)


# The source types for which "the <noun>" may point back to somebody named before.
_POINTING_BACK: Final = frozenset({"unnamed_person", "media", "named_organization", "unknown"})


def _pointing_noun(m: Mention) -> str | None:
    """ "the minister" -> "minister": the noun of a short description that may point back."""
    words: list[str] = WORD.findall(m.text)
    if len(words) < 2 or words[0].lower() not in ("the", "this") or len(words) > 4:
        return None
    return words[-1].lower()


def _point_back(ents: Entities, m: Mention, pos: int, stype: str) -> tuple[str | None, str]:
    """ "The minister said" -> the minister named earlier; "the agency", "the newspaper" likewise."""
    noun = _pointing_noun(m)
    if noun is None:
        return None, stype
    if stype == "unnamed_person":
        person = ents.described(noun, pos)
        if person is not None:
            return person.name, "named_person"
    elif stype == "media":
        found = ents.body(noun, pos, kind="media")
        if found is not None:
            return found
    elif stype in ("named_organization", "unknown"):
        found = ents.body(noun, pos)
        if found is not None:
            return found[0], "named_organization" if found[1] != "media" else "media"
    return None, stype


def _via(text: str, span: tuple[int, int]) -> Via:
    m = Mention.parse(text[span[0] : span[1]])
    stype = m.type if m.type != "unknown" else "media"
    # "The newspaper Le Matin" -> "Le Matin"; unnamed relays keep their words ("Russian media")
    name = m.name if m.name and m.type in ("media", "named_organization") else text[span[0] : span[1]].strip()
    return Via(name=name, source_type=stype, span=Span(*span))
