"""``according to`` on a tree: "C, according to S" and "According to S, C"."""

from __future__ import annotations

from quotex.document import Context, Draft
from quotex.tree import Tree, Word
from quotex.tree_content import kind_of, para_of
from quotex.tree_source import noun_phrase


def according_to(ctx: Context, tree: Tree, w: Word) -> Draft | None:
    """ "C, according to S" / "According to S, C": ``according`` is the ``case`` of an ``obl``."""
    if w.head == 0:
        return None
    to = tree.words[w.index] if w.index < len(tree.words) else None
    if to is None or to.low != "to":
        return None
    if w.deprel == "case":
        noun = tree.word(w.head)
    else:
        obl = next((k for k in tree.kids(w.index, "obl", "nmod", "obj") if k.index > w.index), None)
        if obl is None:
            return None
        noun = obl
    if not noun.head:
        return None
    pred = tree.word(noun.head) if noun.head != w.index else (tree.word(w.head) if w.head else None)
    if pred is None:
        return None
    src = noun_phrase(tree, noun, skip={w.index, to.index})
    if src is None:
        return None
    src = (max(src[0], to.end + 1), src[1])
    attached = tree.subtree(noun.index) | tree.subtree(w.index) | {w.index, to.index}
    keep = tree.subtree(pred.index, skip=attached)
    if pred.index in attached:
        return None
    before = sorted(i for i in keep if i < min(attached))
    after = sorted(i for i in keep if i > max(attached))
    spans = []
    if before:
        a, b = tree.run(set(before), before[-1])
        if b - a >= 2:
            spans.append(tree.span(a, b))
    if after:
        a, b = tree.run(set(after), after[0])
        if b - a >= 2:
            spans.append(tree.span(a, b))
    spans = [s for s in spans if s[1] - s[0] >= 8]
    if not spans:
        return None
    return Draft(spans, kind_of(ctx, spans), (w.start, to.end), src, "parser:according-to", 0.75, para_of(ctx, w.start))
