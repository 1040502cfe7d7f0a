"""Direct quotes: quoted pieces attributed from the cue beside them (before or after), or a colon paragraph."""

from __future__ import annotations

import dataclasses

from quotex import relays
from quotex.document import BELIEF, FRAME, PHRASE, REPORT, Context, Cue, Draft, Offsets, Piece, Tok
from quotex.offsets import para_of, trim, word
from quotex.patterns import TELL
from quotex.phrases import DETERMINERS, clause_subject, is_capitalised, left_np, loose_np, right_np
from quotex.scare import is_term
from quotex.source_phrase import find_source


def direct_quotes(ctx: Context, found: list[Cue]) -> tuple[list[Draft], set[int], set[int]]:
    """Attribute quoted pieces from the cue beside them.

    Returns the drafts, the cue offsets they used, and the groups left without attribution.
    """
    text = ctx.text
    drafts: list[Draft] = []
    used: set[int] = set()
    unattributed: set[int] = set()
    cue_at = {c.start: c for c in found}
    # the cue of a quote attributed after it -> that draft's index in ``drafts``
    after_cues: dict[int, int] = {}
    for gid, group in ctx.groups.items():
        ctx.check_time()
        if is_term(ctx, group):
            continue
        first, last = group[0], group[-1]
        spans = [trim(text, p.start, p.end) for p in group]
        spans = [s for s in spans if s[1] > s[0]]
        if not spans:
            continue
        draft = _attribute_after(ctx, last, cue_at, spans, first.para)
        before = _attribute_before(ctx, first, cue_at, spans, first.para)
        if before is not None and before.cue is not None and before.cue[0] in after_cues:
            # '"A," said X, "B."': one quote with two content spans
            at = after_cues[before.cue[0]]
            drafts[at] = dataclasses.replace(drafts[at], spans=[*drafts[at].spans, *spans])
            continue
        if before is not None and draft is not None and draft.cue is not None and draft.source is not None:
            relayed = relays.outlet_report(ctx, draft.cue, draft.source)
            if relayed is not None:
                # '"Q," Caliber.Az reports citing Russian media': relays, outermost first
                used.add(draft.cue[0])
                draft = dataclasses.replace(before, via=[*before.via, *relayed])
            elif before.rule.startswith("direct:colon"):
                # 'Democrats were supportive: "Q", wrote Elizabeth Warren': the named writer wins
                before = None
            else:
                draft = before
        elif before is not None:
            draft = before
        if draft is None:
            unattributed.add(gid)
            continue
        if draft.cue is not None:
            used.add(draft.cue[0])
            if before is None:
                after_cues[draft.cue[0]] = len(drafts)
        drafts.append(draft)
    return drafts, used, unattributed


def _attribute_after(ctx: Context, last: Piece, cue_at: dict[int, Cue], spans: list[Offsets],
                     para: int) -> Draft | None:
    """``"Q," he said`` / ``"Q," said Smith`` / ``"Q" — Senator X``."""
    if last.close_mark < 0:
        return None
    text = ctx.text
    sent = ctx.sentence_at(last.close_mark)
    end = sent.end
    toks = ctx.tokens(last.close_mark + 1, end)
    # a sentence that the splitter ended at the closing mark ('"... okay?" Trump said.'): the
    # next sentence attributes it when it is short and holds a cue near its start
    if not toks:
        nxt = ctx.sentence_at(end + 1) if end + 1 < len(text) else None
        if nxt is None or nxt.start <= sent.start or nxt.start - end > 3 or para_of(ctx, nxt.start) != para:
            return None
        toks = ctx.tokens(nxt.start, nxt.end)
        ks = [i for i, t in enumerate(toks[:8]) if t[0] in cue_at]
        if not toks or not ks or len(toks) - ks[0] > 9 or any(
            word(text, t).lower() in ("that", "\"", "“", ":") for t in toks[ks[0] :]
        ):
            return None
        sent = nxt
    i = 0
    while i < len(toks) and word(text, toks[i]) in (",", "\"", "”", "’", "'"):
        i += 1
    if i >= len(toks):
        return None
    w = word(text, toks[i])
    if w in ("—", "–") or (w == "-" and i + 1 < len(toks) and word(text, toks[i + 1]) == "-"):
        j = i + 1
        while j < len(toks) and word(text, toks[j]) in ("-", "—", "–"):
            j += 1
        src = right_np(text, toks, j, len(toks))
        if src is None or not is_capitalised(text[src[0] : src[1]]):
            return None
        return Draft(spans, "direct", toks[i], src, "direct:dash", 0.8, para)
    for k in range(i, min(len(toks), i + 30)):
        cue = cue_at.get(toks[k][0])
        if cue is not None and cue.lemma == "according to":
            return None  # '"Q," according to NBC': a relay of whatever attribution the sentence has
        if cue is None or not (cue.classes & {REPORT, BELIEF, FRAME}):
            continue
        if k - i > 14 and word(text, toks[k - 1]) != ",":
            return None  # far from the quote, only after a long appositive: '"Q," Jane Roe, ..., said
        if k == i:
            src = right_np(text, toks, k + 1, len(toks)) or _plain_np(text, toks, k + 1)
            # a source the phrase reader cannot make out leaves the quote without one, never
            # without the quote: '"Q," said the rookie defenceman'; but '"playing dumb," arguing
            # that C' is a participle with its own clause
            if src is None and (cue.participle or len(toks) - k > 10 or any(
                    word(text, t).lower() in ("that", "\"", "“", ":") for t in toks[k + 1 :])):
                return None
            return Draft(spans, "direct", (cue.start, cue.end), src, "direct:quote-cue-source",
                         0.9 if src is not None else 0.6, para)
        src = left_np(text, toks, k, sent.start)
        if (src is None or src[0] != toks[i][0]) and k - i >= 3 and word(text, toks[k - 1]) == "," \
                and is_capitalised(word(text, toks[i])) and k - i <= 30:
            # '"Q," Melanne Verveer, who served as chief of staff, told CBS News.'
            src = (toks[i][0], toks[k - 2][1])
        if src is None or src[0] != toks[i][0]:
            src = loose_np(text, toks, i, k)
        if src is None or src[0] != toks[i][0]:
            return None
        via = relays.addressee_relay(text, toks, k, cue)
        lead = text[ctx.sentence_at(spans[0][0]).start : spans[0][0] - 1].strip()
        if lead and not lead.endswith((",", ":")) and len(lead.split()) >= 2 and spans[0][0] > sent.start:
            # 'the plan was "a disaster," he said': the quote is a fragment of his clause
            a, _ = trim(text, ctx.sentence_at(spans[0][0]).start, spans[0][0])
            return Draft([(a, spans[-1][1])], "mixed", (cue.start, cue.end), src, "mixed:clause-source-cue", 0.8, para)
        return Draft(spans, "direct", (cue.start, cue.end), src, "direct:quote-source-cue", 0.95, para, via=via)
    return None


def _plain_np(text: str, toks: list[Tok], start: int) -> Offsets | None:
    """A short noun phrase from ``toks[start]`` to the end of the sentence, for a source the phrase
    reader does not know: "said the rookie defenceman", "said Smith (R-Utah)"."""
    words = [word(text, t) for t in toks[start:]]
    while words and words[-1] in (".", "!", "?", "\"", "”", "’"):
        words.pop()
    if not words or len(words) > 8 or not words[0][:1].isalnum():
        return None
    if not (is_capitalised(words[0]) or words[0].lower() in DETERMINERS):
        return None
    if any(w in (",", ";", ":", "\"", "“") or w.lower() in ("that", "to") for w in words):
        return None
    return toks[start][0], toks[start + len(words) - 1][1]


def _attribute_before(ctx: Context, first: Piece, cue_at: dict[int, Cue], spans: list[Offsets],
                      para: int) -> Draft | None:
    """``He said: "Q"`` / ``stating, "Q"`` / ``According to S, "Q"`` / ``Smith: "Q"``."""
    text = ctx.text
    sent = ctx.sentence_at(first.open_mark)
    if sent.start >= first.open_mark:
        return _attribute_colon_paragraph(ctx, first, cue_at, spans, para)
    toks = ctx.tokens(sent.start, first.open_mark)
    if not toks:
        return None
    n = len(toks)
    # only the last few words can hold the cue: look no further back
    tail_words = [""] * max(0, n - 12) + [word(text, t) for t in toks[-12:]]
    kind = "direct"
    j = n - 1
    colon = False
    if tail_words[j] in (",", ":"):
        colon = tail_words[j] == ":"
        j -= 1
    if j >= 0 and tail_words[j].lower() == "that":
        kind = "mixed"
        j -= 1
    # the cue is within a few words of the mark ("told reporters on Monday:"), or further back
    # before an aside between commas ('He said, in remarks published by CNN in February, "Q"')
    phrase_at = -1
    reach = 7
    if tail_words[-1] == ",":
        aside = next((x for x in range(j - 1, max(-1, j - 12), -1) if tail_words[x] == ","), -1)
        if aside > 0:
            reach = max(reach, j - aside + 2)
    for k in range(j, max(-1, j - reach), -1):
        cue = cue_at.get(toks[k][0])
        if cue is None or ctx.in_quote(cue.start):
            continue
        if PHRASE in cue.classes and cue.lemma != "according to" and phrase_at < 0:
            phrase_at = k  # "said in a statement:": the verb before the phrase is the cue
            continue
        if any(w in (".", "!", "?", ";") for w in tail_words[k + 1 : j + 1]):
            return None  # the cue belongs to an earlier sentence
        if cue.lemma == "according to":
            after = next((x for x in range(k, j + 1) if toks[x][0] >= cue.end), j + 1)
            src = (toks[after][0], toks[j][1]) if after <= j else None
            return Draft(spans, kind, (cue.start, cue.end), src, "direct:according-to", 0.9, para)
        if not (cue.classes & {REPORT, BELIEF, PHRASE, FRAME}):
            continue
        between = tail_words[k + 1 : j + 1]
        if between and not (colon or tail_words[-1] == "," or kind == "mixed" or _addressee(cue, between, spans, text)):
            return None
        if any(w in (".", ";", "\"", "“", "”") for w in between):
            return None
        src, via, _ = find_source(ctx, toks, k, cue, sent)
        via = via + relays.addressee_relay(text, toks, k, cue) + relays.intro_relay(ctx, sent)
        conf = 0.9 if src is not None else 0.6
        return Draft(spans, kind, (cue.start, cue.end), src, "direct:cue-quote", conf, para, via=via)
    if phrase_at >= 0:
        cue = cue_at[toks[phrase_at][0]]
        src, _, _ = find_source(ctx, toks, phrase_at, cue, sent)
        return Draft(spans, kind, (cue.start, cue.end), src, "direct:cue-quote", 0.7, para)
    if colon:
        # "Smith: "Q"" / "The statement read: "Q""
        src, _ = clause_subject(text, toks[:j + 1])
        colon_tok = toks[n - 1]
        if src is not None and src[1] == toks[j][1] and j < 6:
            return Draft(spans, kind, colon_tok, src, "direct:colon-label", 0.7, para)
        if src is not None:
            return Draft(spans, kind, colon_tok, src, "direct:colon", 0.6, para)
    return None


def _addressee(cue: Cue, between: list[str], spans: list[Offsets], text: str) -> bool:
    """'told Reuters "Q"', 'told reporters "Q"': a short addressee between a telling cue and a
    quotation that is a sentence of speech (four words or more), with no comma or colon."""
    return (cue.lemma in TELL and 1 <= len(between) <= 3 and all(w[:1].isalpha() for w in between)
            and len(text[spans[0][0] : spans[-1][1]].split()) >= 4)


def _attribute_colon_paragraph(ctx: Context, first: Piece, cue_at: dict[int, Cue], spans: list[Offsets],
                               para: int) -> Draft | None:
    """A quotation that opens a paragraph after one ending in a cue and a colon."""
    text = ctx.text
    if para == 0:
        return None
    prev = ctx.paras[para - 1]
    if text[ctx.paras[para].start : first.open_mark].strip():
        return None
    if not text[prev.start : prev.end].rstrip().endswith(":"):
        return None
    sent = ctx.sentence_at(prev.end - 1)
    toks = ctx.tokens(sent.start, prev.end)
    for k in range(len(toks) - 2, max(-1, len(toks) - 9), -1):
        cue = cue_at.get(toks[k][0])
        if cue is not None and cue.classes & {REPORT, BELIEF, PHRASE}:
            src, _, _ = find_source(ctx, toks, k, cue, sent)
            return Draft(spans, "direct", (cue.start, cue.end), src, "direct:colon-paragraph", 0.8, para)
    return None
