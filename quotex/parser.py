"""The parser stage: which sentences to parse, parsing them in bulk, and merging what the trees show.

The rules run first.  A sentence goes to the parser only when the rules leave it open: it holds
a cue word outside quotation marks that no rule used and no rule's content or source covers (a
predicate verb such as "called" only in a verbal form, not "a phone call" or "was called off"),
or a quotation that no rule attributed.  Sentences of many documents are parsed in one Stanza
call (each sentence its own Stanza ``Document``, so Stanza batches them), and the trees' offsets
are shifted back onto the original text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from quotex import cues as cuemod
from quotex import scare
from quotex.document import BELIEF, OBJECT, PHRASE, PREDICATE, REPORT, Context, Cue, Draft, Offsets, Segment
from quotex.errors import Errors
from quotex.models import MAX_SENTENCE_CHARS
from quotex.patterns import PASSIVE
from quotex.tree import Tree
from quotex.tree_verbs import attributions

CUE_CLASSES = frozenset([REPORT, BELIEF, OBJECT, PREDICATE, PHRASE])
#: (rule, tree rule) pairs for one attribution where the tree's content bounds are the better
#: ones (measured on news with attribution annotations: elsewhere the rules' bounds win).
PARSER_BOUNDS_BETTER = frozenset([
    ("mixed:predicate", "parser:obj"),
    ("indirect:subject-cue-clause", "parser:parataxis"),
    ("indirect:object", "parser:parataxis"),
])
#: Rules whose drafts are re-checked against the parse (their bounds are the ones in
#: ``PARSER_BOUNDS_BETTER``).
UNSURE_RULES = frozenset(["mixed:predicate"])
# A capitalised word, as headlines write every word: "Trump Says He Will Win".
TITLE_WORD = re.compile(r"\b[A-Z][a-z’']+\b")
WORD = re.compile(r"\b[A-Za-z][a-z’']*\b")
# The word after a cue: "called| off".
NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
# Before a predicate cue, a passive or a modifier ("was called", "so called"), not a report.
BE_FORMS = PASSIVE | {"am", "so"}


def _headline_cue(text: str, sent: Segment) -> bool:
    """A title-case line with a capitalised reporting verb ("Obama Says ..."), which the cue
    finder leaves alone (mid-sentence capitals are names there)."""
    chunk = text[sent.start : sent.end]
    words = WORD.findall(chunk)
    if len(words) < 3 or len(TITLE_WORD.findall(chunk)) < 0.6 * len(words):
        return False
    table = cuemod.table()
    return any(w[0].isupper() and table.get(w.lower(), ("", frozenset()))[1] & {REPORT, BELIEF} for w in words[1:])


def _predicate_verb(ctx: Context, cue: Cue) -> bool:
    """Is a predicate cue ("called", "dubbing") plausibly an active verb that gives its object a
    predicate ("called the plan unworkable", "called for", "called on")?  Nouns ("a call"), passives
    ("was called") and phrasal verbs ("called off") are not worth a parse."""
    text = ctx.text
    word = text[cue.start : cue.end].lower()
    if not word.endswith(("ed", "ing")):
        return False
    if ctx.word_before(cue.start) in BE_FORMS:
        return False
    after = NEXT_WORD.match(text, cue.end)
    return after is None or after.group(1).lower() not in ("off", "up", "in", "back")


#: Which sentences to parse: those the rules leave open (the cascade), or every one.
SELECT = ("candidates", "all")


def _overlap(a: Offsets, b: Offsets) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def candidates(ctx: Context, found: Sequence[Cue], drafts: Sequence[Draft], *, select: str = "candidates",
               max_chars: int = MAX_SENTENCE_CHARS) -> list[Segment]:
    """The sentences worth parsing, in text order.

    Args:
        ctx: the document.
        found: the cue candidates of the document.
        drafts: what the rules found.
        select: ``"candidates"`` for the sentences the rules leave open, ``"all"`` for every one.
        max_chars: longer sentences are never parsed (the parser's cost grows with length, and
            such "sentences" are mostly lists or run-on text the splitter could not cut).
    """
    sents = [s for s in ctx.sents if s.end - s.start <= max_chars and s.end > s.start]
    if select == "all":
        return sents
    if select != "candidates":
        raise ValueError(Errors.E403.format(value=select, choices=", ".join(SELECT)))
    used = {d.cue[0] for d in drafts if d.cue is not None}
    taken = [s for d in drafts for s in d.spans] + [d.source for d in drafts if d.source is not None]
    reported = [s for d in drafts if d.kind == "indirect" for s in d.spans]
    open_at: set[int] = set()
    for cue in found:
        if cue.start in used or ctx.in_quote(cue.start) or not cue.classes & CUE_CLASSES:
            continue
        # a cue inside reported content: a nested report, or a clause the rules ran on into
        # ("Trump said C, and Pence says D"); the tree tells them apart
        inside = any(a <= cue.start < b for a, b in taken)
        if inside and (REPORT not in cue.classes or not any(a <= cue.start < b for a, b in reported)):
            continue
        if not cue.classes & {REPORT, OBJECT, PREDICATE}:
            continue  # a stance ("believes"), a phrase: the rules' reading stands
        if not cue.classes & {REPORT, OBJECT} and not _predicate_verb(ctx, cue):
            continue  # "a phone call", "was called off", "prison terms": no predicate to find
        open_at.add(ctx.sentence_at(cue.start).index)
    for d in drafts:
        # rules whose bounds the tree measurably improves: check them against the parse
        if d.cue is not None and d.rule.split("+")[0] in UNSURE_RULES:
            open_at.add(ctx.sentence_at(d.cue[0]).index)
    for s in sents:
        if s.index not in open_at and _headline_cue(ctx.text, s):
            open_at.add(s.index)
    for group in ctx.groups.values():
        first = group[0]
        if scare.is_term(ctx, group) or any(_overlap((p.start, p.end), s) > 0 for p in group for s in taken):
            continue
        open_at.add(ctx.sentence_at(first.start).index)
    return [s for s in sents if s.index in open_at]


def parse(nlp: Any, items: Sequence[tuple[str, Segment]]) -> list[list[Tree]]:
    """Parse sentences of many documents in one Stanza call.

    Args:
        nlp: a loaded Stanza pipeline (``models.load_pipeline``).
        items: ``(document text, sentence)`` pairs.

    Returns:
        For each item, the trees Stanza made of it (one, unless it split the sentence further),
        with offsets into that item's document text.
    """
    if not items:
        return []
    from stanza import Document  # heavy: only when the parser actually runs

    docs = [Document([], text=text[s.start : s.end]) for text, s in items]
    done = nlp(docs)
    return [
        [Tree.from_stanza(sentence, text, s.start) for sentence in doc.sentences]
        for doc, (text, s) in zip(done, items)
    ]


def drafts_from(ctx: Context, trees: Sequence[Tree]) -> list[Draft]:
    """The attributions of a document's parsed sentences."""
    out: list[Draft] = []
    for t in trees:
        out.extend(attributions(ctx, t))
    return out


def merge(ctx: Context, rule_drafts: list[Draft], parsed: list[Draft]) -> list[Draft]:
    """Add the parser's drafts to the rules' without duplicates, in text order.

    Where both found the same attribution (the same cue, or contents that mostly overlap), the
    rules' draft is kept, with the parser's rule appended to ``rule`` ("indirect:...+parser:ccomp"):
    the rules bound quotations by their marks and clauses by what follows, which the compact
    parser does not beat.  A parser draft whose cue lies inside a kept draft's content is a
    nested attribution, and only the outermost one is reported.  The drafts passed in are not
    changed: a rule draft the parse corrects is handed on as a new draft in its place.
    """
    out = list(rule_drafts)
    for i, r in enumerate(rule_drafts):
        if r.kind != "indirect" or r.cue is None:
            continue
        twin = next((p for p in parsed if p.cue is not None and _overlap(r.cue, p.cue) > 0), None)
        if twin is None:
            continue
        ran_on = [p for p in parsed if p is not twin and p.cue is not None
                  and any(a <= p.cue[0] < b for a, b in r.spans) and not any(a <= p.cue[0] < b for a, b in twin.spans)]
        if ran_on:
            # the rules' content runs on over another attribution the tree keeps apart
            out[i] = dataclasses.replace(r, spans=list(twin.spans), rule=f"{r.rule}+{twin.rule}")
    # the first len(rule_drafts) drafts of ``out`` are the rules' (or what replaced them)
    from_rules = len(rule_drafts)
    for p in parsed:
        at = -1
        for j, r in enumerate(out):
            if r.cue is not None and p.cue is not None and _overlap(r.cue, p.cue) > 0:
                if r.kind != "indirect" and p.rule in ("parser:ccomp", "parser:that-clause") and all(
                        _overlap(a, b) <= 0 for a in r.spans for b in p.spans) and p.spans[0][0] > p.cue[1]:
                    # '... a "bad earpiece," claiming he had disavowed Duke': the rules gave the verb
                    # the quotation before it, the tree the clause it governs; both are kept
                    continue
                at = j
                break
            shared = sum(max(0, _overlap(a, b)) for a in p.spans for b in r.spans)
            size = min(sum(b - a for a, b in p.spans), sum(b - a for a, b in r.spans))
            if size > 0 and shared >= 0.5 * size:
                at = j
                break
        if at >= 0:
            twin = out[at]
            if at < from_rules and p.rule not in twin.rule:
                if (twin.rule, p.rule) in PARSER_BOUNDS_BETTER and twin.cue == p.cue:
                    # the same attribution, where measurement shows the tree bounds it better
                    # (a quoted predicate the rules read as somebody's words stays so: 'described
                    # the crowd as ‘largely peaceful’')
                    kind = twin.kind if twin.kind == "mixed" else p.kind
                    out[at] = dataclasses.replace(twin, spans=list(p.spans), kind=kind, rule=f"{twin.rule}+{p.rule}")
                else:
                    out[at] = dataclasses.replace(twin, rule=f"{twin.rule}+{p.rule}")
            continue
        if p.cue is not None and any(a <= p.cue[0] < b for r in out for a, b in r.spans):
            continue
        if any(_overlap(s, (a, b)) > 0 for r in out if r.kind != "indirect" for a, b in r.spans for s in p.spans):
            continue  # never cut into a quotation the rules attributed
        out.append(p)
    out.sort(key=lambda d: d.spans[0][0])
    return out
