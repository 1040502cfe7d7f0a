"""Relays and outlets that passed a source's words on: ``citing``, ``X reports``, ``told reporters``, ...

Also ``Speaking to CNN``, and a trailing ``according to X`` after an attribution; relays go in
``Draft.via``, outermost first.
"""

from __future__ import annotations

import re
from typing import Final

from quotex import lexicon
from quotex.document import WORD_CHARS, Context, Cue, Draft, Offsets, Segment, Tok
from quotex.offsets import trim, word
from quotex.phrases import clause_subject, left_np

# "S, citing T, claimed" -> the source is T, relayed by S.
CITING: Final = re.compile(r",\s*(?:citing|quoting)\s+([^,]{2,80}?)\s*,\s*$", re.IGNORECASE)
# A relay closing the sentence: ", the Baltic Times reports, citing Interfax."
TRAILING_RELAY: Final = re.compile(
    r"\s*,\s*([^,]{2,60}?)\s+(?:reports|reported|writes|wrote)(?:\s*,?\s*(?:citing|quoting)\s+([^,.;]{2,60}))?"
    r"\s*[.!?]?\s*$"
)
# An outlet named in an opening phrase: "Speaking to Radio Sahel, ...", "In an interview with CNN, ..."
INTRO_RELAY: Final = re.compile(
    rf"(?:Speaking|Talking|Writing)\s+(?:to|with|on|in)\s+([^,]{{2,60}}),|In\s+an?\s+(?:[{WORD_CHARS}]+\s+)?interview\s+"
    r"(?:with|on)\s+([^,]{2,60}),"
)
# After a relay's cue: "reports citing Russian media".
CITED_BY: Final = re.compile(r",?\s*(?:citing|quoting)\s+([^,.;]{2,60})", re.IGNORECASE)


def is_relay(phrase: str) -> bool:
    """A document or outlet, which passes on what others said."""
    words = phrase.lower().split()
    return lexicon.is_media(phrase) or (bool(words) and (
        words[-1] in lexicon.words("document_nouns") or words[-1] in lexicon.words("media_nouns")
    ))


def cited_source(ctx: Context, cue: Cue, sent: Segment) -> tuple[Offsets, list[Offsets]] | None:
    """ "Welt am Sonntag, citing unnamed EU diplomats, claimed": the cited source, and its relay."""
    text = ctx.text
    m = CITING.search(text, max(sent.start, cue.start - 200), cue.start)
    if not m:
        return None
    via: list[Offsets] = []
    cited: Offsets = (m.start(1), m.end(1))
    htoks = ctx.tokens(sent.start, m.start())
    relay = left_np(text, [*htoks, (m.start(), m.start())], len(htoks), sent.start)
    if relay is not None and relay[1] <= m.start():
        via.append(relay)
    elif text[sent.start : m.start()].strip():
        via.append(trim(text, *_last_phrase(text, sent.start, m.start())))
    return cited, via


def _last_phrase(text: str, start: int, end: int) -> Offsets:
    seg = text[start:end]
    cut = max(seg.rfind(","), -1)
    return start + cut + 1, end


def relay_subject(ctx: Context, before: list[Tok], sent: Segment) -> Offsets | None:
    """The outlet that cited a source: "a report by German media, which had cited ..."."""
    text = ctx.text
    words = [word(text, t).lower() for t in before]
    for i in range(len(words) - 1, -1, -1):
        if words[i] in ("which", "who") and i >= 2 and words[i - 1] == ",":
            return left_np(text, before, i - 1, sent.start)
        if words[i] == ",":
            sub, _ = clause_subject(text, before[:i])
            return sub
    sub, _ = clause_subject(text, before)
    return sub


def outlet_report(ctx: Context, cue: Offsets, source: Offsets) -> list[Offsets] | None:
    """ '"Q," Caliber.Az reports citing Russian media': when the attribution after a quote is an
    outlet's report, the relays it names, outermost first; None when it is not."""
    text = ctx.text
    if not (lexicon.is_media(text[source[0] : source[1]]) or text[cue[0] : cue[1]].lower() in ("reports", "reported")):
        return None
    via = [source]
    m = CITED_BY.match(text, cue[1], ctx.sentence_at(cue[0]).end)
    if m:
        via.append(trim(text, m.start(1), m.end(1)))
    return via


def addressee_relay(text: str, toks: list[Tok], k: int, cue: Cue) -> list[Offsets]:
    """ '"Q," fisherman Jomo Otieno told reporters': the press is a relay."""
    if cue.lemma != "tell" or k + 1 >= len(toks):
        return []
    j = k + 1
    while j < len(toks) and word(text, toks[j]) not in (",", ".", ";", ":", "!", "?", "that", "\"", "“") and j - k <= 5:
        j += 1
    phrase = (toks[k + 1][0], toks[j - 1][1])
    return [phrase] if lexicon.is_media(text[phrase[0] : phrase[1]]) else []


def intro_relay(ctx: Context, sent: Segment) -> list[Offsets]:
    """ "Speaking to Radio Sahel, ...", "In an interview with CNN, ...": the outlet is a relay."""
    m = INTRO_RELAY.match(ctx.text, sent.start, sent.end)
    group = 0 if m is None else (1 if m.group(1) else 2)
    if m and lexicon.is_media(m.group(group)):
        return [m.span(group)]
    return []


def may_relay(text: str, start: int, end: int) -> bool:
    """Can TRAILING_RELAY match in ``text[start:end]``?  Not without one of its verbs."""
    return text.find("report", start, end) >= 0 or text.find("wr", start, end) >= 0


def trailing_relays(text: str, start: int, end: int) -> list[Offsets]:
    """ "..., the Baltic Times reports, citing Interfax.": the outlet and whom it cites."""
    m = TRAILING_RELAY.match(text, start, end) if may_relay(text, start, end) else None
    if m and lexicon.is_media(m.group(1)):
        return [trim(text, g[0], g[1]) for g in (m.span(1), m.span(2)) if g[0] >= 0]
    return []


def trailing_relay_at(text: str, start: int, end: int) -> int:
    """Where a trailing relay (", the Baltic Times reports.") begins in ``text[start:end]``; -1: none."""
    m = TRAILING_RELAY.search(text, start, end) if may_relay(text, start, end) else None
    return m.start() if m and lexicon.is_media(m.group(1)) else -1


def relay_host(ctx: Context, cue: Cue, sent: Segment, drafts: list[Draft]) -> Draft | None:
    """The attribution that a trailing "according to X" relays, if one ends right before it."""
    text = ctx.text
    before = text[sent.start : cue.start].rstrip()
    if not before.endswith(","):
        return None
    for d in reversed(drafts):
        if d.cue is None or not (sent.start <= d.cue[0] < cue.start):
            continue
        gap = text[max(d.cue[1], d.spans[-1][1]) : cue.start]
        if len(gap.split()) <= 8 and "." not in gap.strip(" ,\"”’'"):
            return d
    return None
