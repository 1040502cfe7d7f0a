"""Which words of a tree are cues: the lexicons' reporting verbs, unless negated or left undone."""

from __future__ import annotations

import functools
from typing import Final

from quotex import cues as cuemod
from quotex import lexicon
from quotex.document import FRAME_ONLY, REPORT, Offsets
from quotex.tree import Tree, Word

# Words that negate a verb: "did not say", "never said".
NEGATIONS: Final = lexicon.words("negations") | lexicon.words("negating_determiners")
# Verbs that leave the report they govern undone or to come: "declined to say", "wants to tell".
UNREALISED: Final = lexicon.words("unrealised_verbs")


@functools.cache
def _classes_by_lemma() -> dict[str, frozenset[str]]:
    """Every lexicon class of a lemma, over all its forms."""
    out: dict[str, set[str]] = {}
    for lemma, classes in cuemod.table().values():
        out.setdefault(lemma, set()).update(classes)
    return {k: frozenset(v) for k, v in out.items()}


def cue_of(tree: Tree, w: Word) -> tuple[str, frozenset[str], Offsets] | None:
    """The cue a verb makes: its lemma, its lexicon classes and its span; ``None`` if it is none.

    A verb that only frames a quotation ("He continued, "..."") is left to the rules.
    """
    found = _cue_of(tree, w)
    return None if found is None or found[1] == FRAME_ONLY else found



def _cue_of(tree: Tree, w: Word) -> tuple[str, frozenset[str], Offsets] | None:
    if w.upos not in ("VERB",):
        return None
    table = cuemod.table()
    prt = tree.kid(w.index, "compound:prt")
    if prt is not None and prt.index == w.index + 1:
        hit = table.get(f"{w.low} {prt.low}")
        if hit is not None:
            return hit[0], hit[1], (w.start, prt.end)
    hit = table.get(w.low)
    if hit is not None and " " not in hit[0]:
        return hit[0], hit[1], (w.start, w.end)
    classes = _classes_by_lemma().get(w.lemma)
    if classes is not None:
        return w.lemma, classes, (w.start, w.end)
    it = tree.kid(w.index, "obj")
    if w.lemma == "put" and it is not None and it.low == "it":
        return "put", frozenset([REPORT]), (w.start, it.end)  # "as the Post's Ruth Marcus puts it"
    return None


def negated(tree: Tree, w: Word) -> bool:
    """Is the verb negated ("did not say", "never said")?"""
    return any(k.low in NEGATIONS for k in tree.kids(w.index, "advmod", "aux", "neg", "det"))


def infinitive(tree: Tree, w: Word) -> bool:
    """ "declined to say", "is expected to announce": the verb is not itself a report ("went on to
    say", "took to Twitter to say" are)."""
    if not (any(k.low == "to" for k in tree.kids(w.index, "mark")) and w.deprel in ("xcomp", "csubj", "advcl", "acl")):
        return False
    head = tree.word(w.head) if w.head else None
    return not (head is not None and w.deprel in ("xcomp", "advcl") and head.upos == "VERB"
                and head.lemma not in UNREALISED and not negated(tree, head))
