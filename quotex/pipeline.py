"""The chain of stages that turns a text into quotes.

find quote marks (marks) -> find cues (cues) -> direct quotes (direct) -> indirect speech
(indirect, according, verb_clause) -> merge (rule_merge) -> continuations and floating quotes
(continuations) -> [parser stage: parse the sentences the rules left open, read attributions off
the trees, merge] -> resolve speakers and classify sources (attribution).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from quotex import attribution, cues, marks, parser, segment
from quotex.continuations import continuations
from quotex.direct import direct_quotes
from quotex.document import Context, Cue, Draft, Segment
from quotex.indirect import indirect_quotes
from quotex.records import Quote, Source
from quotex.rule_merge import merge
from quotex.tree import Tree

#: A finished document: its quotes, and the table of their sources.
Finished = tuple[list[Quote], tuple[Source, ...]]


def context(text: str, budget: float = 0.0) -> Context:
    """A document's paragraphs, sentences and quoted pieces; ``budget``: its time limit in seconds (0: none)."""
    wrapped = segment.is_wrapped(text)
    paras = segment.paragraphs(text, wrapped)
    sents = segment.sentences(text, paras)
    pieces = marks.find_pieces(text, paras)
    return Context(text, paras, sents, pieces, budget, wrapped)


def rule_stage(text: str, budget: float = 0.0) -> tuple[Context, list[Cue], list[Draft]]:
    """Run the rule stages; returns the document context, its cues and the merged drafts."""
    ctx = context(text, budget)
    found = cues.find_cues(text, wrapped=ctx.wrapped)
    ctx.set_cues(found)
    ctx.check_time()
    direct, used, unattributed = direct_quotes(ctx, found)
    ctx.check_time()
    direct, indirect = indirect_quotes(ctx, found, used, direct)
    direct, indirect = cues.document_sourced(text, found, direct), cues.document_sourced(text, found, indirect)
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
    return run_rules_document(text, budget)[0]


def run_rules_document(text: str, budget: float = 0.0) -> Finished:
    """``run_rules``, with the table of the quotes' sources."""
    if not text.strip():
        return [], ()
    ctx, drafts = analyse(text, budget)
    return attribution.finish_document(ctx, drafts)


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


def close_document(doc: Open, trees: Sequence[Tree]) -> Finished:
    """Merge the attributions of the parsed sentences into the rules' and build the quotes and sources."""
    parsed = cues.document_sourced(doc.ctx.text, doc.ctx.cues, parser.drafts_from(doc.ctx, trees))
    drafts = parser.merge(doc.ctx, doc.drafts, parsed)
    doc.ctx.check_time()
    return attribution.finish_document(doc.ctx, drafts)


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
        out.append(close_document(d, mine)[0])
    return out
