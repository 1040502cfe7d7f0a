"""Indirect speech: the stage that reads each sentence's cues as reported speech.

The trailing attribution first (``C, officials said``), then each cue with its clause
(``S said that C``: verb_clause.py; ``According to S, C``: according.py).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Final

from quotex import relays
from quotex.according import according_source, according_to
from quotex.document import BELIEF, FRAME_ONLY, PHRASE, REPORT, Context, Cue, Draft, Offsets, Segment, Tok
from quotex.offsets import para_of, token_at, trim, word
from quotex.patterns import APPOSITIVE_AFTER, FINITE, TELL, past_adverbials
from quotex.phrases import DETERMINERS, left_np, right_np, skippable
from quotex.scare import is_term
from quotex.verb_clause import verb_clause

# After a trailing "told": its addressee and what follows ("..., officials told state media, adding
# that ...", "..., he told reporters.")
TELL_ADDRESSEE: Final = re.compile(r"\s+(?:[\w’'\-.]+\s+){0,4}?[\w’'\-.]+\s*(?:,\s+[a-z]+ing\b|[.!?\"”’]*\s*$)")
# A parenthesis after a name: "Smith (R-Utah)"
PARENTHESIS: Final = re.compile(r"\s*\([^()]{1,40}\)")
# (a constant for the compiled build, as in offsets.py)
_bisect_left: Final = bisect.bisect_left


def indirect_quotes(ctx: Context, found: list[Cue], used: set[int],
                    direct: list[Draft]) -> tuple[list[Draft], list[Draft]]:
    """Reported speech: ``S said (that) C``, ``According to S, C``, ``C, S said``, and kin.

    ``used``: the cues the direct quotes took.  Returns the direct drafts, with the relays that a
    trailing "according to X" adds to them (new drafts in their places), and the indirect drafts.
    """
    direct = list(direct)
    taken = [s for d in direct for s in d.spans]
    drafts: list[Draft] = []
    by_sent: dict[int, list[Cue]] = {}
    for cue in found:
        if cue.start in used or ctx.in_quote(cue.start) or cue.classes == FRAME_ONLY:
            continue  # (a verb that only frames a quotation reports no speech: "continued to fight")
        by_sent.setdefault(ctx.sentence_at(cue.start).index, []).append(cue)
    for s_index, sent_cues in by_sent.items():
        ctx.check_time()
        sent = ctx.sents[s_index]
        toks, starts = ctx.sentence_tokens(sent)
        para = para_of(ctx, sent.start)
        local: list[Draft] = []
        covered = [s for s in taken if sent.start <= s[0] < sent.end]
        # the last cue first: a trailing attribution ("C, officials said.") owns what precedes it
        # (the cues come in text order, as find_cues returns them)
        # (a phrase after the verb is the verb's: "C, the utility said in a statement.")
        # The trailing cue is the last one but for a phrase ("C, the utility said in a
        # statement.") and a participle after it ("C, officials told state media, adding that D"),
        # and for words of its addressee.
        order = sent_cues
        last = len(order) - 1
        while last > 0 and ((PHRASE in order[last].classes and order[last].lemma != "according to")
                            or order[last].participle or order[last].start < order[last - 1].end + 16):
            last -= 1
        trailing = _trailing(ctx, toks, starts, order[last], sent, para)
        if trailing is None and last != len(order) - 1:
            last = len(order) - 1
            trailing = _trailing(ctx, toks, starts, order[last], sent, para)
        if trailing is not None:
            local.append(trailing)
            covered.extend(trailing.spans)
            order = order[:last] + order[last + 1 :]
        for cue in order:
            at = cue.start
            if any(a <= at < b for a, b in covered) or any(d.cue is not None and d.cue[0] == at for d in local):
                continue
            k = token_at(starts, at)
            if k is None:
                continue
            if cue.lemma == "according to":
                earlier = local + [x for x in direct if x.cue and sent.start <= x.cue[0]]
                host = relays.relay_host(ctx, cue, sent, earlier)
                if host is not None:
                    # "Trump admitted to the payments, according to prosecutors": a relay
                    relayed = dataclasses.replace(host, via=[*host.via, according_source(ctx, toks, k, cue, sent)])
                    if not _substitute(local, host, relayed):
                        _substitute(direct, host, relayed)
                    continue
                d = according_to(ctx, toks, k, cue, sent, para, covered)
            else:
                d = verb_clause(ctx, toks, k, cue, sent, para, local)
            if d is None:
                continue
            local.append(d)
            covered.extend(d.spans)
        drafts.extend(local)
    return direct, [_with_kind(ctx, d) for d in drafts]


def _substitute(drafts: list[Draft], old: Draft, new: Draft) -> bool:
    """Put ``new`` in the place of ``old`` (that very draft) in ``drafts``; False if it is not there."""
    for i, d in enumerate(drafts):
        if d is old:
            drafts[i] = new
            return True
    return False


def _trailing(ctx: Context, toks: list[Tok], starts: list[int], cue: Cue, sent: Segment,
              para: int) -> Draft | None:
    """``C, officials said.`` / ``C, said Smith.`` / ``C, he added``."""
    text = ctx.text
    if not cue.classes & {REPORT, BELIEF} or cue.participle:
        return None
    k = token_at(starts, cue.start)
    if k is None or k < 3:
        return None
    rest = len(toks) - k - 1
    # nothing but a short adverbial may follow: "said on Monday.", "said in a statement."
    tail = text[past_adverbials(text, cue.end, sent.end) : sent.end]
    tail_stripped = tail.strip(" .!?\"”’")
    inverted = False
    src: Offsets | None = None
    comma_k = -1
    if not tail_stripped or (TELL_ADDRESSEE.match(tail) and cue.lemma in TELL):
        # "C, officials told state media, adding that ...": an addressee, then the rest
        src = left_np(text, toks, k, sent.start)
        comma_k = (token_at(starts, src[0]) or 0) - 1 if src is not None else -1
        if comma_k >= 1 and word(text, toks[comma_k]).lower() == "as":
            comma_k -= 1  # "C, as the minister noted."
        if comma_k < 1 or word(text, toks[comma_k]) != ",":
            # a source the phrase reader does not know, or took too much of: "died of
            # COVID-19, the government announced."
            src = _plain_subject(text, toks, k)
            if src is None:
                return None
            comma_k = (token_at(starts, src[0]) or 0) - 1
    else:
        # "C, said John Smith, a spokesman."
        if k >= 1 and word(text, toks[k - 1]) == "," and rest <= 40:
            src = right_np(text, toks, k + 1, len(toks))
            tail_text = text[src[1] : sent.end] if src is not None else ""
            party = PARENTHESIS.match(tail_text) if src is not None else None
            if party is not None:
                tail_text = tail_text[party.end() :]  # "C, said Smith (R-Utah)."
            if src is not None and APPOSITIVE_AFTER.match(tail_text):
                # "C, said Mark Kantrowitz, a national student loan debt expert who has ..."
                src = trim(text, src[0], sent.end)
                while src[1] > src[0] and text[src[1] - 1] in ".!?\"”’":
                    src = (src[0], src[1] - 1)
            elif src is None or rest > 16 or tail_text.strip(" .!?\"”’"):
                return None
            inverted = True
            comma_k = k - 1
        else:
            return None
    if comma_k < 1 or word(text, toks[comma_k]) != ",":
        return None
    a, b = trim(text, sent.start, toks[comma_k][0])
    if b - a < 8:
        return None
    rule = "indirect:content-cue-source" if inverted else "indirect:content-source-cue"
    return Draft([(a, b)], "indirect", (cue.start, cue.end), src, rule, 0.8, para)


def _plain_subject(text: str, toks: list[Tok], k: int) -> Offsets | None:
    """The words between the last comma and the cue at ``toks[k]`` as a source the phrase reader
    does not know ("C, the utility said"), when they look like a short noun phrase: a determiner,
    a name, a number or a plural noun first, and no verb among them."""
    i = k - 1
    while i >= 0 and skippable(word(text, toks[i])):
        i -= 1
    last = i
    while i >= 0 and word(text, toks[i]) != "," and last - i < 7:
        i -= 1
    if i < 1 or word(text, toks[i]) != "," or i == last:
        return None
    words = [word(text, t) for t in toks[i + 1 : last + 1]]
    first = words[0]
    if not (first[:1].isupper() or first.lower() in DETERMINERS or first[:1].isdigit()
            or (len(words) == 1 and first.endswith("s"))):
        return None
    if any(not w[:1].isalnum() and w not in ("-", "’s", "'s") for w in words) or any(
            w.lower() in FINITE or w.lower() in ("and", "but", "that", "who", "which") for w in words):
        return None
    return toks[i + 1][0], toks[last][1]


def _with_kind(ctx: Context, d: Draft) -> Draft:
    """``d``, or a ``mixed`` copy of it when its content carries somebody's verbatim words."""
    for a, b in d.spans:
        i = _bisect_left(ctx.quoted_starts, a)
        while i < len(ctx.quoted) and ctx.quoted[i][0] < b:
            p = ctx.piece_at[ctx.quoted[i]]
            if p.end <= b + 1 and not is_term(ctx, ctx.groups[p.group]):
                return dataclasses.replace(d, kind="mixed")
            i += 1
    return d
