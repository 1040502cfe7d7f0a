"""The source of a cue: the noun phrase a cue's words are attributed to, with the relays named on the way."""

from __future__ import annotations

import re
from typing import Final

from quotex import relays
from quotex.document import WORD_CHARS, Context, Cue, Draft, Offsets, Segment, Tok
from quotex.finite import is_verb
from quotex.offsets import after_comma, word
from quotex.phrases import clause_subject, is_head, left_np, loose_np

# The agent of a passive report between commas, before the cue: ", originally reported by X, claimed"
AGENT: Final = re.compile(
    rf",\s*(?:[{WORD_CHARS}]+ly\s+)?(?:first\s+)?(?:reported|published|released|cited|quoted)\s+by\s+([^,]{{2,80}}?)\s*,\s*$"
)


# A passive with a named agent: "were described by Johnson as", "was welcomed by Prime Minister Jane Roe,"
PASSIVE_AGENT: Final = re.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\s+by\s+"
    r"((?:[A-Z][\w’'\-.]*)(?:\s+[A-Z][\w’'\-.]*){0,5})(?=\s+as\b|\s*,)"
)


def find_source(ctx: Context, toks: list[Tok], k: int, cue: Cue, sent: Segment,
                local: list[Draft] | None = None) -> tuple[Offsets | None, list[Offsets], str]:
    """The source of the cue at ``toks[k]``, the relays it came through, and how it was found.

    Tried in turn: a ``citing`` relay ("Welt am Sonntag, citing unnamed EU diplomats, claimed");
    the main clause's subject for an -ing form after a comma; the subject just before the cue;
    the sentence's subject across a long appositive or a coordinated verb; the agent of
    "reported by"; and any plausible noun phrase that opens the sentence.
    """
    text = ctx.text
    via: list[Offsets] = []
    prev = word(text, toks[k - 1]).lower() if k > 0 else ""
    cited = relays.cited_source(ctx, cue, sent)
    if cited is not None:
        return cited[0], cited[1], "citing"
    if cue.participle and prev in ("by", "while"):
        # "He continued by noting that", "experts called this dubious, while noting": the subject
        # of the clause (after any semicolon) that the -ing phrase hangs from
        start = next((x + 1 for x in range(k - 1, -1, -1) if word(text, toks[x]) == ";"), 0)
        sub, _ = clause_subject(text, toks[start:k])
        if sub is None:
            # a subject clause_subject cannot read ("unnamed industry experts"): the phrase before
            # the clause's first verb
            verb = next((x for x in range(start + 1, k) if is_verb(
                word(text, toks[x]), word(text, toks[x - 1]).lower(), word(text, toks[x + 1]))), None)
            sub = left_np(text, toks, verb, toks[start][0]) if verb is not None else None
        return sub, via, "participle"
    if cue.participle and after_comma(text, cue.start):
        # "..., saying": the main clause's subject; after a passive, its named agent ("The
        # results were described by Johnson as a mandate, saying ...")
        agent = PASSIVE_AGENT.search(text, sent.start, cue.start)
        if agent is not None:
            return (agent.start(1), agent.end(1)), via, "participle"
        if local:
            return local[-1].source, list(local[-1].via), "participle"
        sub, _ = clause_subject(text, toks[:k])
        return sub, via, "participle"
    src = left_np(text, toks, k, sent.start)
    if src is not None:
        src = _past_participle_phrase(text, toks, src, sent.start)
        if k >= 2:
            # "X, which had cited unnamed sources alleging that" -> relayed by X
            before = ctx.tokens(sent.start, src[0])
            words = [word(text, t).lower() for t in before[-3:]]
            if words and words[-1] in ("cited", "citing", "quoted", "quoting"):
                rel = relays.relay_subject(ctx, before, sent)
                if rel is not None:
                    via.append(rel)
        return src, via, "source"
    agent = AGENT.search(text, max(sent.start, cue.start - 200), cue.start)
    if agent:
        # "The speculation, originally reported by German outlet Welt am Sonntag, claimed"
        return (agent.start(1), agent.end(1)), via, "agent"
    if prev in ("and", "but", ",", ")"):
        # "she praised Garland and said ...", "Donna Rawlings, 59, of Ashton, said ..."
        sub, _ = clause_subject(text, toks[:k])
        if sub is not None and (prev in ("and", "but") or sub[0] == toks[0][0] or _after_intro(text, toks, sub)):
            return sub, via, "subject"
    return loose_np(text, toks, 0, k), via, "subject"


def _after_intro(text: str, toks: list[Tok], sub: Offsets) -> bool:
    """Does ``sub`` open the main clause, right after an introductory phrase and its comma?"""
    i = next((x for x, t in enumerate(toks) if t[0] == sub[0]), -1)
    return i > 0 and word(text, toks[i - 1]) == ","


def _past_participle_phrase(text: str, toks: list[Tok], src: Offsets, sentence_start: int) -> Offsets:
    """The subject before an -ing phrase that ``src`` ends ("Mitsotakis speaking to the Atlantic
    Council think tank called ..." -> "Mitsotakis"), else ``src``."""
    i = next((x for x, t in enumerate(toks) if t[0] == src[0]), -1)
    if i < 3 or word(text, toks[i - 1]).lower() not in ("to", "with", "at", "on", "before", "about", "for", "from"):
        return src
    ing = word(text, toks[i - 2])
    if not (ing.islower() and ing.endswith("ing") and len(ing) > 5):
        return src
    outer = left_np(text, toks, i - 2, sentence_start)
    return outer if outer is not None and is_head(word(text, toks[i - 3])) else src
