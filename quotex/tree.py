"""Tree rules: attributions read off a dependency parse.

A parsed sentence is a ``Tree`` of ``Word`` records whose offsets point into the caller's
original text; the rules never look at a word's text as the parser returned it (it may be
``<UNK>``).  They find a speech verb (a cue of the lexicons), its subject (``nsubj``, widened
over compounds, modifiers, appositions and flat names so titles stay), and its content: a
clausal complement (``ccomp``), the clause a ``..., he said`` hangs on (``parataxis``), an
``xcomp`` for promises and appeals, the clause around ``according to`` (``case`` + ``obl``), and
``citing`` relays.  Each attribution becomes a ``rules.Draft`` named ``parser:<rule>``, so the
same finishing stage resolves speakers and classifies sources.

``Tree.from_stanza`` reads a Stanza sentence, duck-typed: nothing here imports Stanza.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from quotex import cues as cuemod
from quotex import lexicon
from quotex.cues import BELIEF, OBJECT, REPORT
from quotex.rules import Context, Draft

Span = tuple[int, int]

# Relations that stay inside a source noun phrase: "Chinese Foreign Ministry spokesperson Guo
# Jiakun", "Mike Shields, president of the Congressional Leadership Fund", "the company's chief".
NP_RELATIONS = frozenset(
    "compound amod flat flat:name flat:foreign det det:predet det:poss nmod:poss nummod case fixed appos "
    "nmod nmod:npmod nmod:unmarked conj cc punct compound:prt advmod:emph".split()
)
# Under an adjective inside a noun phrase: "people familiar with the matter".
ADJ_RELATIONS = frozenset(["obl", "case", "det", "compound", "amod"])
RELATIVE_PRONOUNS = frozenset(["who", "which", "that", "whom"])
NEGATIONS = frozenset(["not", "n't", "n’t", "never", "no"])
# Verbs whose open complement is what was said: "promised to cut taxes", "urged voters to stay".
XCOMP_LEMMAS = frozenset("promise vow pledge threaten urge call ask encourage demand appeal".split())
# Subordinators that open a reported clause and are not part of its content.
CLAUSE_MARKS = frozenset(["that"])
MEDIA_HEADS = frozenset(["media", "press", "reporters", "journalists", "newspaper", "television", "radio"])
PUNCT_EDGE = ",;:—–-"


@attrs.frozen
class Word:
    """One syntactic word; ``start``/``end`` are offsets into the original text."""

    index: int  # 1-based position in its sentence
    head: int  # 0 for the root
    deprel: str
    lemma: str
    upos: str
    start: int
    end: int
    text: str  # the original text at [start, end), never the parser's copy

    @property
    def low(self) -> str:
        return self.text.lower()


class Tree:
    """A parsed sentence: words in order, with their children; entities when the models have NER."""

    def __init__(self, words: Sequence[Word], ents: Iterable[tuple[int, int, str]] = ()) -> None:
        self.words = list(words)
        self.ents = list(ents)
        self.children: dict[int, list[int]] = {}
        for w in self.words:
            self.children.setdefault(w.head, []).append(w.index)

    @classmethod
    def from_stanza(cls, sentence: Any, text: str, offset: int = 0) -> Tree:
        """Read a Stanza ``Sentence`` whose character offsets are relative to ``offset`` in ``text``."""
        words = []
        for w in sentence.words:
            start, end = w.start_char, w.end_char
            if start is None or end is None:
                # a word inside a multi-word token without its own offsets: use the token's
                start, end = w.parent.start_char, w.parent.end_char
            start, end = start + offset, end + offset
            words.append(Word(
                index=int(w.id),
                head=int(w.head or 0),
                deprel=w.deprel or "dep",
                lemma=(w.lemma or "").lower(),
                upos=w.upos or "X",
                start=start,
                end=end,
                text=text[start:end],
            ))
        ents = [(e.start_char + offset, e.end_char + offset, e.type) for e in getattr(sentence, "ents", None) or ()]
        return cls(words, ents)

    def word(self, index: int) -> Word:
        return self.words[index - 1]

    def kids(self, index: int, *relations: str) -> list[Word]:
        """Children of a word, optionally only those with one of ``relations`` (subtypes included)."""
        out = [self.word(i) for i in self.children.get(index, ())]
        if relations:
            out = [w for w in out if w.deprel in relations or w.deprel.split(":")[0] in relations]
        return out

    def kid(self, index: int, *relations: str) -> Word | None:
        found = self.kids(index, *relations)
        return found[0] if found else None

    def subtree(self, index: int, keep: frozenset[str] | None = None, skip: Iterable[int] = ()) -> set[int]:
        """Indices of a word and its descendants; with ``keep``, only through those relations."""
        banned = set(skip)
        out: set[int] = set()
        stack = [index]
        while stack:
            i = stack.pop()
            if i in banned or i in out:
                continue
            out.add(i)
            for c in self.children.get(i, ()):
                w = self.word(c)
                if keep is None or w.deprel in keep or (
                    self.word(i).upos == "ADJ" and w.deprel.split(":")[0] in ADJ_RELATIONS
                ):
                    stack.append(c)
        return out

    def run(self, indices: set[int], around: int) -> tuple[int, int]:
        """The contiguous stretch of ``indices`` that holds ``around``, as first and last index."""
        a = b = around
        while a - 1 in indices:
            a -= 1
        while b + 1 in indices:
            b += 1
        return a, b

    def span(self, a: int, b: int) -> Span:
        """Character offsets of words ``a..b`` with punctuation and ``that`` trimmed off the edges."""
        while a < b and (self.word(a).upos == "PUNCT" or self.word(a).text in PUNCT_EDGE):
            a += 1
        while b > a and ((self.word(b).upos == "PUNCT" and self.word(b).text not in "\"”’'?!")
                         or self.word(b).text in PUNCT_EDGE or self.word(b).deprel == "cc"):
            b -= 1
        return self.word(a).start, self.word(b).end


# ---------------------------------------------------------------------------- cue look-up


@functools.cache
def _classes_by_lemma() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for lemma, classes in cuemod._table().values():
        out.setdefault(lemma, set()).update(classes)
    return {k: frozenset(v) for k, v in out.items()}


def cue_of(tree: Tree, w: Word) -> tuple[str, frozenset[str], Span] | None:
    """The cue a verb makes: its lemma, its lexicon classes and its span; ``None`` if it is none."""
    if w.upos not in ("VERB",):
        return None
    table = cuemod._table()
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
    return None


# -------------------------------------------------------------------------------- the rules


def attributions(ctx: Context, tree: Tree) -> list[Draft]:
    """Every attribution the tree shows, outermost only (a cue inside another's content is dropped)."""
    found: list[Draft] = []
    for w in tree.words:
        if ctx.in_quote(w.start):
            continue
        if w.low == "according":
            d = _according_to(ctx, tree, w)
        else:
            d = _speech_verb(ctx, tree, w)
        if d is not None:
            found.append(d)
    out = []
    for d in found:
        assert d.cue is not None
        if any(o is not d and any(a <= d.cue[0] < b for a, b in o.spans) for o in found):
            continue
        out.append(d)
    return out


def _speech_verb(ctx: Context, tree: Tree, w: Word) -> Draft | None:
    cue = cue_of(tree, w)
    if cue is None:
        return None
    lemma, classes, cue_span = cue
    if not classes & {REPORT, BELIEF, OBJECT}:
        return None
    if _negated(tree, w) or _infinitive(tree, w) or tree.kid(w.index, "aux:pass", "nsubj:pass", "expl"):
        return None  # "did not say", "declined to say", "was told": no attribution of content
    if w.deprel in ("amod", "compound", "case", "mark", "nmod", "obl"):
        return None  # "the so-called deal", "alleged": a modifier, not a report
    content, rule, source_word = _content(tree, w, lemma)
    if not content:
        return None
    src, via, src_rule = _source(tree, w, source_word)
    if src is None:
        return None
    if src_rule:
        rule = src_rule
    if any(a < src[1] and src[0] < b for a, b in content):
        return None  # the parse tangled source and content
    belief_only = BELIEF in classes and REPORT not in classes
    conf = 0.6 if belief_only else 0.75
    if rule == "parser:xcomp":
        conf = 0.5
    via.extend(_addressee_media(tree, w))
    kind = _kind(ctx, content)
    return Draft(content, kind, cue_span, src, rule, conf, _para(ctx, w.start), via=via)


def _negated(tree: Tree, w: Word) -> bool:
    return any(k.low in NEGATIONS for k in tree.kids(w.index, "advmod", "aux", "neg", "det"))


def _infinitive(tree: Tree, w: Word) -> bool:
    """ "declined to say", "is expected to announce": the verb is not itself a report."""
    return any(k.low == "to" for k in tree.kids(w.index, "mark")) and w.deprel in ("xcomp", "csubj", "advcl", "acl")


def _content(tree: Tree, w: Word, lemma: str) -> tuple[list[Span], str, Word | None]:
    """The reported content of the verb ``w``, the rule that found it, and a source word found on
    the way (for inverted clauses that the parser misread: "..., said the company's chief")."""
    comp = tree.kid(w.index, "ccomp")
    if comp is not None and not _nominal(comp):
        return [_clause(tree, comp)], "parser:ccomp", None
    head = tree.word(w.head) if w.head else None
    # "C, he said." / "C1, he said, C2": the clause the verb hangs on is the content
    if w.deprel == "parataxis" and head is not None and head.index < w.index and not _nominal(head):
        return _around(tree, head.index, w.index), "parser:parataxis", _right_nominal(tree, w)
    left = [k for k in tree.kids(w.index, "parataxis", "ccomp") if k.index < w.index and not _nominal(k)]
    if left:
        # "C, said X" read with the verb as the root and C hanging on it
        return [_clause(tree, left[0])], "parser:parataxis", _right_nominal(tree, w)
    if lemma in XCOMP_LEMMAS:
        xcomp = tree.kid(w.index, "xcomp")
        if xcomp is not None and xcomp.index > w.index and any(k.low == "to" for k in tree.kids(xcomp.index, "mark")):
            obj = tree.kid(w.index, "obj", "iobj")
            first = obj.index if obj is not None and obj.index < xcomp.index else xcomp.index
            _, last = tree.run(tree.subtree(xcomp.index) | (tree.subtree(obj.index) if obj else set()), first)
            return [tree.span(first, last)], "parser:xcomp", None
    return [], "", None


def _nominal(w: Word) -> bool:
    """A noun phrase rather than a clause (a ``ccomp`` that is really a misread subject)."""
    return w.upos in ("NOUN", "PROPN", "PRON", "NUM", "DET")


def _right_nominal(tree: Tree, w: Word) -> Word | None:
    """A noun phrase right after the verb that runs to the sentence end: an inverted subject."""
    for k in tree.kids(w.index, "nsubj", "obj", "ccomp", "iobj", "appos", "nmod", "obl"):
        if k.index > w.index and _nominal(k):
            sub = tree.subtree(k.index)
            last = max(sub)
            rest = [x for x in tree.words[last:] if x.upos != "PUNCT"]
            if not rest:
                return k
    return None


def _clause(tree: Tree, c: Word) -> Span:
    """The span of a clause headed by ``c``, without a leading ``that`` or trailing attributions."""
    keep = tree.subtree(c.index, skip=_attached_attributions(tree, c))
    a, b = tree.run(keep, c.index)
    while a < b and ((tree.word(a).low in CLAUSE_MARKS and tree.word(a).deprel == "mark") or tree.word(a).upos == "PUNCT"):
        a += 1
    return tree.span(a, b)


def _around(tree: Tree, head: int, verb: int) -> list[Span]:
    """The clause of ``head`` without the attribution of ``verb``: one span, or two around it."""
    inner = tree.subtree(verb)
    keep = tree.subtree(head, skip={verb} | _attached_attributions(tree, tree.word(head)))
    before = sorted(i for i in keep if i < min(inner))
    after = sorted(i for i in keep if i > max(inner))
    spans = []
    if before:
        a, b = tree.run(set(before), before[-1])
        spans.append(tree.span(a, b))
    if after:
        a, b = tree.run(set(after), after[0])
        if b - a >= 2:
            spans.append(tree.span(a, b))
    return [s for s in spans if s[1] - s[0] >= 3]


def _attached_attributions(tree: Tree, c: Word) -> set[int]:
    """Children of a clause that are attributions of their own ("..., according to X", "..., he said")."""
    out = set()
    for k in tree.kids(c.index):
        if (k.deprel.startswith("parataxis") and cue_of(tree, k) is not None) or (k.deprel.startswith("obl") and any(x.low == "according" for x in tree.kids(k.index, "case"))):
            out.add(k.index)
    return out


def _source(tree: Tree, w: Word, inverted: Word | None) -> tuple[Span | None, list[Span], str]:
    """The source of verb ``w``, the relays it came through, and a rule name when that decided it."""
    via: list[Span] = []
    rule = ""
    citing = next((k for k in tree.kids(w.index, "advcl", "xcomp", "conj", "parataxis")
                   if k.lemma in ("cite", "quote") and k.low.endswith("ing")), None)
    subj = tree.kid(w.index, "nsubj")
    if subj is None and inverted is not None:
        subj = inverted
    if subj is not None and subj.low in RELATIVE_PRONOUNS and w.deprel.startswith("acl") and w.head:
        # "officials who said ...": the antecedent is the source
        subj = tree.word(w.head)
        src = _noun_phrase(tree, subj, skip={w.index})
    elif subj is not None:
        src = _noun_phrase(tree, subj)
    else:
        src = _inherited(tree, w)
    if src is None:
        return None, via, rule
    if citing is not None:
        obj = tree.kid(citing.index, "obj")
        if obj is not None:
            via.append(src)
            src = _noun_phrase(tree, obj)
            rule = "parser:citing"
    return src, via, rule


def _inherited(tree: Tree, w: Word) -> Span | None:
    """The subject a verb shares: "... and said", "..., saying", "a statement saying"."""
    cur = w
    for _ in range(4):
        if not cur.head:
            return None
        head = tree.word(cur.head)
        if cur.deprel == "acl" and cur.low.endswith("ing") and _nominal(head):
            return _noun_phrase(tree, head, skip={cur.index})
        if cur.deprel not in ("conj", "advcl", "xcomp"):
            return None
        if cur.deprel == "advcl" and not cur.low.endswith("ing"):
            return None
        subj = tree.kid(head.index, "nsubj")
        if subj is not None and subj.low not in RELATIVE_PRONOUNS:
            return _noun_phrase(tree, subj)
        cur = head
    return None


def _noun_phrase(tree: Tree, head: Word, skip: Iterable[int] = ()) -> Span | None:
    """The source mention around ``head``: modifiers, titles, appositions and flat names kept."""
    if head.upos == "PRON":
        return head.start, head.end
    keep = tree.subtree(head.index, keep=NP_RELATIONS, skip=skip)
    a, b = tree.run(keep, head.index)
    # a coordination or apposition may trail a comma or a conjunction: trim it
    while b > a and (tree.word(b).upos in ("PUNCT", "CCONJ", "ADP", "DET") or tree.word(b).text in PUNCT_EDGE):
        b -= 1
    while a < b and (tree.word(a).upos in ("PUNCT", "CCONJ", "ADP") or tree.word(a).text in PUNCT_EDGE):
        a += 1
    if b - a > 30:
        return None
    return tree.word(a).start, tree.word(b).end


def _addressee_media(tree: Tree, w: Word) -> list[Span]:
    """ "told state media that ...": the outlet told is a relay."""
    if w.lemma not in ("tell", "say"):
        return []
    for k in tree.kids(w.index, "obj", "iobj", "obl"):
        if k.low in MEDIA_HEADS or k.text.lower() in lexicon.words("media_outlets"):
            span = _noun_phrase(tree, k)
            if span is not None:
                return [span]
    return []


def _according_to(ctx: Context, tree: Tree, w: Word) -> Draft | None:
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
    src = _noun_phrase(tree, noun, skip={w.index, to.index})
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
    return Draft(spans, _kind(ctx, spans), (w.start, to.end), src, "parser:according-to", 0.75, _para(ctx, w.start))


# ----------------------------------------------------------------------------------- helpers


def _kind(ctx: Context, spans: list[Span]) -> str:
    """``direct`` when the content is one quotation, ``mixed`` when it carries one, else ``indirect``."""
    for group in ctx.groups.values():
        for p in group:
            if any(a <= p.start and p.end <= b + 1 for a, b in spans) and not ctx.is_term(group):
                inside = sum(min(b, p.end) - max(a, p.start) for a, b in spans if a < p.end and p.start < b)
                total = sum(b - a for a, b in spans)
                return "direct" if inside >= 0.9 * total else "mixed"
    return "indirect"


def _para(ctx: Context, pos: int) -> int:
    starts = [p.start for p in ctx.paras]
    i = max(0, bisect.bisect_right(starts, pos) - 1)
    return ctx.paras[i].index if ctx.paras else 0
