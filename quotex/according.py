"""``According to S, C`` and ``C, according to S[, C2]``: the phrase cue with its source and content."""

from __future__ import annotations

import dataclasses

from quotex import lexicon, relays
from quotex.document import Context, Cue, Draft, Offsets, Segment, Tok
from quotex.finite import clause_at
from quotex.offsets import trim, word
from quotex.patterns import NO_START
from quotex.verb_clause import cut_clause, nested_attribution

TIME_WORDS = lexicon.words("time_words")
# Subjects that open the clause after an "according to" phrase without its comma
CLAUSE_SUBJECTS = frozenset({"he", "she", "they", "it", "we", "i", "there", "the", "this"})


def according_source(ctx: Context, toks: list[Tok], k: int, cue: Cue, sent: Segment) -> Offsets:
    """The source after ``according to``, up to the next comma or stop (a relay's name)."""
    text = ctx.text
    j = k
    while j < len(toks) and toks[j][0] < cue.end:
        j += 1
    start = j
    while j < len(toks) and word(text, toks[j]) not in (",", ";", ".", "!", "?", "\"", "“", "”", "(", ":"):
        j += 1
    return (toks[start][0], toks[j - 1][1]) if j > start else (cue.end, cue.end)


def _date_comma(text: str, toks: list[Tok], j: int) -> bool:
    """Is the comma at ``toks[j]`` the one of a date ("a March 14, 2019 NATO press release")?"""
    return (word(text, toks[j]) == "," and 0 < j < len(toks) - 1 and word(text, toks[j - 1]).isdigit()
            and len(word(text, toks[j + 1])) == 4 and word(text, toks[j + 1]).isdigit())


# The words that open a time phrase after a source: "the ministry on Monday", "the center late today"
_TIME_LEADS = frozenset({"on", "late", "last", "this", "early", "earlier", "later"})


def _time_cut(text: str, toks: list[Tok], a: int, b: int) -> int:
    """Where the source ``toks[a:b]`` ends before a trailing time phrase ("... on Friday")."""
    if b - a < 2:
        return b
    last = word(text, toks[b - 1])
    lead = word(text, toks[b - 2]).lower()
    if last.lower() in TIME_WORDS and (lead in _TIME_LEADS or last in ("today", "yesterday")):
        # the time phrase closes the source: "USA Today" and "a tweet on Monday by X" are kept
        return b - 2 if lead in _TIME_LEADS and b - 2 > a else b - 1
    return b


def according_to(ctx: Context, toks: list[Tok], k: int, cue: Cue, sent: Segment, para: int,
                 covered: list[Offsets]) -> Draft | None:
    """``According to S, C`` / ``C, according to S[, C2]``: ``covered`` is what earlier drafts took."""
    text = ctx.text
    n = len(toks)
    k0 = k
    while k + 1 < n and toks[k + 1][0] < cue.end:
        k += 1
    j = k + 1
    bare = -1  # "according to the ministry he died ...": a clause after the source with no comma
    while j < n and (word(text, toks[j]) not in (",", ";", ".", "!", "?", "\"", "“", "”", "(", ":")
                     or _date_comma(text, toks, j)):
        if j > k + 1 and word(text, toks[j]).lower() in CLAUSE_SUBJECTS and word(text, toks[j - 1]).lower() \
                not in NO_START and clause_at(text, toks, j):
            bare = j
            break
        j += 1
    if j == k + 1:
        return None
    src: Offsets = (toks[k + 1][0], toks[_time_cut(text, toks, k + 1, j) - 1][1])
    cue_span = (cue.start, cue.end)
    k = k0
    opens = ("but", "and", "yet", "so", "however", ",")
    starts_clause = all(word(text, t).lower() in opens for t in toks[:k])
    if bare >= 0 and (starts_clause or word(text, toks[k - 1]).lower() in opens):
        # "... and according to the Ministry of Foreign Affairs he died at Gleneagles Hospital"
        span = cut_clause(ctx, toks[bare][0], sent.end, toks)
        return Draft([span], "indirect", cue_span, src, "indirect:according-to", 0.8, para) \
            if span[1] - span[0] >= 8 else None
    after = (toks[j + 1][0] if j + 1 < n else sent.end) if j < n and word(text, toks[j]) == "," else -1
    spans: list[Offsets] = []
    if starts_clause and after >= 0:
        # "According to S, C"
        spans.append(cut_clause(ctx, after, sent.end, toks))
    else:
        # "C, according to S[, C2]"
        begin = sent.start
        for a, b in covered:
            if sent.start <= a < cue.start:
                begin = max(begin, b)
        left_end = toks[k - 1][0] if k > 0 and word(text, toks[k - 1]) == "," else cue.start
        spans.append(trim(text, begin, left_end))
        if after >= 0 and after < sent.end:
            rest = cut_clause(ctx, after, sent.end, toks)
            first_word = text[rest[0] : rest[1]].split(" ", 1)[0].lower()
            # "..., according to Bill McInturff, a Republican pollster who ...": an appositive
            if rest[1] - rest[0] > 10 and first_word not in ("a", "an", "the", "who", "which"):
                spans.append(rest)
    least = 3 if len(spans) > 1 else 8
    spans = [s for s in spans if s[1] - s[0] >= least and text[s[0] : s[1]].strip(" ,.;:\"“”‘’")]
    if not spans:
        return None
    nested = nested_attribution(ctx, spans[0], sent, para) if relays.is_relay(text[src[0] : src[1]]) else None
    if len(spans) == 1 and nested is not None:
        # "According to the report, officials believe that C": the report relays them
        return dataclasses.replace(nested, via=[src, *nested.via], rule="indirect:according-to-relay")
    return Draft(spans, "indirect", cue_span, src, "indirect:according-to", 0.85, para)
