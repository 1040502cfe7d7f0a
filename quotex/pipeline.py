"""The chain of stages that turns a text into quotes.

find quote marks -> find cues -> direct rules -> indirect rules -> continuations and floating
quotes -> merge -> [parser stage: parse the sentences the rules left open, read attributions off
the trees, merge] -> resolve speakers and classify sources.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence
from typing import Any, Final

from quotex import attribution, cues, marks, parser, rules, scare, segment
from quotex.document import Context, Cue, Draft, Segment
from quotex.records import Quote
from quotex.tree import Tree

# (a constant for the compiled build, as in rules.py)
_bisect_left: Final = bisect.bisect_left


def context(text: str, budget: float = 0.0) -> Context:
    """A document's paragraphs, sentences and quoted pieces; ``budget``: its time limit in seconds (0: none)."""
    paras = segment.paragraphs(text)
    sents = segment.sentences(text, paras)
    pieces = marks.find_pieces(text, paras)
    return Context(text, paras, sents, pieces, budget)


def rule_stage(text: str, budget: float = 0.0) -> tuple[Context, list[Cue], list[Draft]]:
    """Run the rule stages; returns the document context, its cues and the merged drafts."""
    ctx = context(text, budget)
    found = cues.find_cues(text)
    ctx.set_cues(found)
    ctx.check_time()
    direct, used, unattributed = rules.direct_quotes(ctx, found)
    ctx.check_time()
    indirect = rules.indirect_quotes(ctx, found, used, direct)
    ctx.check_time()
    drafts = merge(ctx, direct, indirect)
    drafts = continuations(ctx, drafts, unattributed)
    ctx.check_time()
    return ctx, found, drafts


def analyse(text: str, budget: float = 0.0) -> tuple[Context, list[Draft]]:
    """Run the rule stages; returns the document context and the merged drafts."""
    ctx, _, drafts = rule_stage(text, budget)
    return ctx, drafts


def run_rules(text: str, budget: float = 0.0) -> list[Quote]:
    """Run the rules engine over one document within ``budget`` seconds (0: no limit)."""
    if not text.strip():
        return []
    ctx, drafts = analyse(text, budget)
    return attribution.finish(ctx, drafts)


# (a dataclass, not attrs: the compiled build makes it a native class; see setup.py)
@dataclasses.dataclass
class Open:
    """A document between the rules and the parser: what the rules found, what is left to parse."""

    ctx: Context
    drafts: list[Draft]
    sentences: list[Segment]


def open_document(text: str, select: str = "candidates", budget: float = 0.0) -> Open:
    """Run the rules and pick the sentences for the parser (see ``parser.candidates``)."""
    if not text.strip():
        return Open(context(""), [], [])
    ctx, found, drafts = rule_stage(text, budget)
    return Open(ctx, drafts, parser.candidates(ctx, found, drafts, select=select))


def close_document(doc: Open, trees: Sequence[Tree]) -> list[Quote]:
    """Merge the attributions of the parsed sentences into the rules' and build the quotes."""
    drafts = parser.merge(doc.ctx, doc.drafts, parser.drafts_from(doc.ctx, trees))
    doc.ctx.check_time()
    return attribution.finish(doc.ctx, drafts)


def run_parsed(texts: Sequence[str], nlp: Any, select: str = "candidates") -> list[list[Quote]]:
    """Run rules plus the parser stage over several documents, parsing their sentences in one call."""
    docs = [open_document(t, select) for t in texts]
    return close_documents(docs, nlp)


def close_documents(docs: Sequence[Open], nlp: Any) -> list[list[Quote]]:
    """Parse the open sentences of several documents in one call, then finish each document."""
    items = [(d.ctx.text, s) for d in docs for s in d.sentences]
    trees = parser.parse(nlp, items)
    out = []
    at = 0
    for d in docs:
        mine = [t for ts in trees[at : at + len(d.sentences)] for t in ts]
        at += len(d.sentences)
        out.append(close_document(d, mine))
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def merge(ctx: Context, direct: list[Draft], indirect: list[Draft]) -> list[Draft]:
    """Drop indirect drafts that restate a direct quote; keep the rest in text order."""
    out = list(direct)
    quoted = sorted((b, q.kind) for q in direct for b in q.spans)
    starts = [b[0] for b, _ in quoted]
    longest = max((b[1] - b[0] for b, _ in quoted), default=0)
    for d in indirect:
        dup = False
        for a in d.spans:
            # only direct spans that start before this one ends, and not too far before it
            i = _bisect_left(starts, a[1])
            lo = _bisect_left(starts, a[0] - longest, hi=i)
            for b, _ in quoted[lo:i]:
                ov = _overlap(a, b)
                if ov > 0 and (ov >= 0.5 * (a[1] - a[0]) or (ov >= 0.8 * (b[1] - b[0]) and d.kind != "mixed")):
                    dup = True
        if not dup:
            out.append(d)
    out.sort(key=lambda d: d.spans[0][0])
    return out


def continuations(ctx: Context, drafts: list[Draft], unattributed: set[int]) -> list[Draft]:
    """Attach quoted pieces that carry no cue of their own.

    ``"A," he said. "B."``: B joins A's quote as a second content span.  A paragraph that
    opens with quoted speech and has no cue, right after a paragraph with a quote, is a new
    quote that inherits that speaker (a floating quote).
    """
    text = ctx.text
    if not unattributed:
        return drafts
    covered = [s for d in drafts for s in d.spans]
    by_para: dict[int, list[Draft]] = {}
    for d in drafts:
        by_para.setdefault(d.para, []).append(d)
    out = list(drafts)
    for gid in sorted(unattributed, key=lambda g: ctx.groups[g][0].start):
        group = ctx.groups[gid]
        if scare.is_term(ctx, group):
            continue
        first = group[0]
        if any(_overlap((p.start, p.end), s) > 0 for p in group for s in covered):
            continue  # already inside a reported clause (a mixed quote)
        spans = [rules._trim(text, p.start, p.end) for p in group]
        spans = [s for s in spans if s[1] > s[0]]
        if not spans:
            continue
        same = [d for d in by_para.get(first.para, []) if d.spans[0][0] < first.start and d.kind != "indirect"]
        if same:
            host = same[-1]
            host.spans.extend(spans)
            host.spans.sort()
            covered.extend(spans)
            continue
        para_text = text[ctx.paras[first.para].start : first.open_mark]
        if para_text.strip():
            continue
        prev = by_para.get(first.para - 1, [])
        prev = [d for d in prev if d.kind in ("direct", "mixed")]
        if prev:
            d = Draft(spans, "direct", None, None, "direct:floating", 0.6, first.para, inherit=True)
            out.append(d)
            by_para.setdefault(first.para, []).append(d)
            covered.extend(spans)
    out.sort(key=lambda d: d.spans[0][0])
    return out
