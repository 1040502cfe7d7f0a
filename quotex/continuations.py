"""Quoted pieces with no cue of their own: the second part of a quote, or a floating quote paragraph."""

from __future__ import annotations

import dataclasses

from quotex import scare
from quotex.document import Context, Draft
from quotex.offsets import overlap, trim


def continuations(ctx: Context, drafts: list[Draft], unattributed: set[int]) -> list[Draft]:
    """Attach quoted pieces that carry no cue of their own.

    ``"A," he said. "B."``: B joins A's quote as a second content span (a new draft in A's
    place).  A paragraph that opens with quoted speech and has no cue, right after a paragraph
    with a quote, is a new quote that inherits that speaker (a floating quote).
    """
    text = ctx.text
    if not unattributed:
        return drafts
    covered = [s for d in drafts for s in d.spans]
    out = list(drafts)
    # paragraph -> the indexes in ``out`` of its drafts
    by_para: dict[int, list[int]] = {}
    for i, d in enumerate(out):
        by_para.setdefault(d.para, []).append(i)
    for gid in sorted(unattributed, key=lambda g: ctx.groups[g][0].start):
        group = ctx.groups[gid]
        if scare.is_term(ctx, group):
            continue
        first = group[0]
        if any(overlap((p.start, p.end), s) > 0 for p in group for s in covered):
            continue  # already inside a reported clause (a mixed quote)
        spans = [trim(text, p.start, p.end) for p in group]
        spans = [s for s in spans if s[1] > s[0]]
        if not spans:
            continue
        same = [i for i in by_para.get(first.para, [])
                if out[i].spans[0][0] < first.start and out[i].kind != "indirect"]
        if same and not _continues(ctx, out[same[-1]], first.open_mark):
            if _own_cue(ctx, out[same[-1]], first.open_mark):
                continue  # 'X said "A". Y alleged, by way of example, "B"': not X's, and Y's was not read
            # 'tweeted "A" and offered "B"': B is a quote of its own, by the same speaker
            d = Draft(spans, "direct", None, None, "direct:same-speaker", 0.5, first.para, inherit=True)
            by_para.setdefault(first.para, []).append(len(out))
            out.append(d)
            covered.extend(spans)
            continue
        if same:
            host = out[same[-1]]
            out[same[-1]] = dataclasses.replace(host, spans=sorted([*host.spans, *spans]))
            covered.extend(spans)
            continue
        para_text = text[ctx.paras[first.para].start : first.open_mark]
        if para_text.strip():
            continue
        # the attribution just before, direct or indirect: 'Smith said the plan was dead.' ⏎ '"It will never pass."'
        prev = [out[i] for i in by_para.get(first.para - 1, [])]
        if prev:
            d = Draft(spans, "direct", None, None, "direct:floating", 0.6, first.para, inherit=True)
            by_para.setdefault(first.para, []).append(len(out))
            out.append(d)
            covered.extend(spans)
    out.sort(key=lambda d: d.spans[0][0])
    return out


def _continues(ctx: Context, host: Draft, open_mark: int) -> bool:
    """Does a quotation opening at ``open_mark`` go on with ``host``'s quote: it opens its own
    sentence ('"A," he said. "B."'), or the host's attribution alone stands between them
    ('"A," he said, "B."')?"""
    sent = ctx.sentence_at(open_mark)
    if not ctx.text[sent.start : open_mark].strip(" \t\n\r-—–(["):
        return True
    cue = host.cue
    return cue is not None and host.spans[-1][1] <= cue[0] < open_mark and cue[0] >= sent.start


def _own_cue(ctx: Context, host: Draft, open_mark: int) -> bool:
    """Does the quotation opening at ``open_mark`` stand in a sentence of its own, after the host's,
    with a reporting word of its own outside quotes (whose source is then not the host's)?"""
    sent = ctx.sentence_at(open_mark)
    host_at = host.cue[0] if host.cue is not None else host.spans[-1][1] - 1
    if host_at >= sent.start:
        return False
    return any(not ctx.in_quote(c.start) and c.start < open_mark for c in ctx.cues_in(sent.start, sent.end))
