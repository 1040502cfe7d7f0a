"""``According to S, C`` and ``C, according to S[, C2]``: the phrase cue with its source and content."""

from __future__ import annotations

import dataclasses

from quotex import relays
from quotex.document import BELIEF, REPORT, Context, Cue, Draft, Offsets, Segment, Tok
from quotex.finite import clause_at
from quotex.offsets import trim, word
from quotex.patterns import NO_START
from quotex.phrases import left_np
from quotex.verb_clause import cut_clause, verb_clause

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
    while j < n and word(text, toks[j]) not in (",", ";", ".", "!", "?", "\"", "“", "”", "(", ":"):
        if j > k + 1 and word(text, toks[j]).lower() in CLAUSE_SUBJECTS and word(text, toks[j - 1]).lower() \
                not in NO_START and clause_at(text, toks, j):
            bare = j
            break
        j += 1
    if j == k + 1:
        return None
    src: Offsets = (toks[k + 1][0], toks[j - 1][1])
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
    nested = _nested(ctx, spans[0], sent, para) if relays.is_relay(text[src[0] : src[1]]) else None
    if len(spans) == 1 and nested is not None:
        # "According to the report, officials believe that C": the report relays them
        return dataclasses.replace(nested, via=[src, *nested.via], rule="indirect:according-to-relay")
    return Draft(spans, "indirect", cue_span, src, "indirect:according-to", 0.85, para)


def _nested(ctx: Context, span: Offsets, sent: Segment, para: int) -> Draft | None:
    """A clause that is itself an attribution: "officials believe that C"."""
    text = ctx.text
    toks = ctx.tokens(span[0], sent.end)
    for cue in ctx.cues_in(span[0], min(sent.end, span[0] + 120)):
        if ctx.in_quote(cue.start) or not cue.classes & {REPORT, BELIEF} or cue.lemma == "according to":
            continue
        k = next((i for i, t in enumerate(toks) if t[0] == cue.start), None)
        if k is None or k > 10:
            return None
        src = left_np(text, toks, k, span[0])
        if src is None or src[0] != span[0]:
            return None
        d = verb_clause(ctx, toks, k, cue, sent, para, [])
        if d is not None and d.source == src:
            return d
        return None
    return None

