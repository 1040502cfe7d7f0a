"""Tree rules: attributions read off a dependency parse.

A parsed sentence is a ``Tree`` of ``Word`` records whose offsets point into the caller's
original text; the rules never look at a word's text as the parser returned it (it may be
``<UNK>``).  They find a speech verb (a cue of the lexicons), its subject (``nsubj``, widened
over compounds, modifiers, appositions and flat names so titles stay), and its content: a
clausal complement (``ccomp``), the clause a ``..., he said`` hangs on (``parataxis``), an
``xcomp`` for promises, appeals and orders, the clause around ``according to`` (``case`` + ``obl``),
``as X reported``, the object of verbs that report a thing ("denied the reports", "accused him of
lying"), an object with its predicate ("called the plan unworkable"), passives with their agent,
and ``citing`` relays.  Where the compact
parser is known to go wrong, the word order backs it up: a ``that`` after the verb's adverbials,
a bare clause with a finite verb, an inverted ``..., said X`` at the sentence end, a quotation
before its source, a question after "asked", a relative clause "which X said was ...", a long
subject the parser broke up.  Each attribution becomes a
``rules.Draft`` named ``parser:<rule>``, so the same finishing stage resolves speakers and
classifies sources.

``Tree.from_stanza`` reads a Stanza sentence, duck-typed: nothing here imports Stanza.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from quotex import cues as cuemod
from quotex import document, lexicon, phrases, scare
from quotex.document import BARE, BELIEF, OBJECT, PREDICATE, REPORT, Context, Draft, Offsets

# Relations that stay inside a source noun phrase: "Chinese Foreign Ministry spokesperson Guo
# Jiakun", "Mike Shields, president of the Congressional Leadership Fund", "the company's chief".
NP_RELATIONS = frozenset(
    "compound amod flat flat:name flat:foreign det det:predet det:poss nmod:poss nummod case fixed appos "
    "nmod nmod:npmod nmod:unmarked conj cc punct compound:prt advmod:emph".split()
)
# Under an adjective inside a noun phrase: "people familiar with the matter".
ADJ_RELATIONS = frozenset(["obl", "case", "det", "compound", "amod"])
RELATIVE_PRONOUNS = frozenset(["who", "which", "that", "whom"])
# Words that open a relative clause and may stand for part of what was reported.
RELATIVE_LEADS = RELATIVE_PRONOUNS | {"what"}
NEGATIONS = frozenset(["not", "n't", "n’t", "never", "no"])
# Verbs whose open complement is what was said: "promised to cut taxes", "urged voters to stay".
XCOMP_LEMMAS = frozenset(
    "promise vow pledge threaten urge call ask encourage demand appeal agree tell warn caution advise remind "
    "order instruct implore beg".split()
)
# Words that open an adverbial clause or phrase, never a reported one.
ADVERBIAL_MARKS = frozenset(
    "as because while when whenever after before since until although though during despite unless once "
    "where so".split()
)
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

    def span(self, a: int, b: int) -> Offsets:
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
    for lemma, classes in cuemod.table().values():
        out.setdefault(lemma, set()).update(classes)
    return {k: frozenset(v) for k, v in out.items()}


def cue_of(tree: Tree, w: Word) -> tuple[str, frozenset[str], Offsets] | None:
    """The cue a verb makes: its lemma, its lexicon classes and its span; ``None`` if it is none."""
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
    if not classes & {REPORT, BELIEF, OBJECT, PREDICATE}:
        return None
    if _negated(tree, w) or _infinitive(tree, w):
        return None  # "did not say", "declined to say": no attribution of content
    if w.deprel in ("amod", "compound", "case", "mark", "nmod", "obl"):
        return None  # "the so-called deal", "alleged": a modifier, not a report
    reports = bool(classes & {REPORT, BELIEF, OBJECT})  # else a predicate verb only ("called it X")
    if tree.kid(w.index, "aux:pass", "nsubj:pass", "expl"):
        return _passive(ctx, tree, w, lemma, classes, cue_span) if reports else None
    if not reports:
        return _predicate(ctx, tree, w, lemma, cue_span)
    relative = _relative_gap(ctx, tree, w)
    if relative is not None:
        spans, speaker = relative
        return Draft(spans, _kind(ctx, spans), cue_span, speaker, "parser:relative", 0.7, _para(ctx, w.start))
    content, rule, source_word = _content(ctx, tree, w, lemma, classes)
    if not content:
        return _quote_source_cue(ctx, tree, w, cue_span)
    via: list[Offsets] = []
    if rule == "parser:inverted" and source_word is not None:
        src, src_rule = _noun_phrase(tree, source_word), ""
    else:
        src, via, src_rule = _source(ctx, tree, w, source_word)
    if src is None:
        if lemma == "ask" and w.low == "asked" and tree.kid(w.index, "nsubj") is None:
            # "Asked whether C, Smith said ...": the question is reported, its asker unnamed
            return Draft(content, _kind(ctx, content), cue_span, None, "parser:asked", 0.45, _para(ctx, w.start))
        return None
    first = tree.kid(w.index, "nsubj")
    if rule == "parser:ccomp" and len(content) == 1 and first is not None and first.index < w.index \
            and first.low not in RELATIVE_LEADS and first.start < src[0] and _stranded(tree, first, w) \
            and not ctx.in_quote(first.start):
        # "The nostalgia, he noted, may be ...": the misread subject opens the content
        lead = _noun_phrase(tree, first)
        if lead is not None and lead[1] < src[0]:
            content = [lead, *content]
    if src_rule:
        rule = src_rule
    if any(a < src[1] and src[0] < b for a, b in content):
        return None  # the parse tangled source and content
    belief_only = BELIEF in classes and REPORT not in classes
    conf = 0.6 if belief_only else 0.75
    if rule in ("parser:xcomp", "parser:obj", "parser:obl"):
        conf = 0.5
    via.extend(_addressee_media(tree, w))
    kind = _kind(ctx, content)
    return Draft(content, kind, cue_span, src, rule, conf, _para(ctx, w.start), via=via)


def _predicate(ctx: Context, tree: Tree, w: Word, lemma: str, cue_span: Offsets) -> Draft | None:
    """ "called the plan unworkable", "dubbed him 'the fixer'", "what she called a farce":
    a verb that only reports when it gives its object a predicate; the content is both (the
    predicate alone after a relative pronoun)."""
    objects = [k for k in tree.kids(w.index, "obj") if not ctx.in_quote(k.start) or k.index > w.index]
    obj = objects[0] if objects else None
    if obj is None:
        if lemma in XCOMP_LEMMAS or lemma in OBL_CONTENT:
            # "called for a ban", "called on Congress to act": the rules for those verbs apply
            content, rule, _ = _content(ctx, tree, w, lemma, frozenset([REPORT]))
            if rule in ("parser:xcomp", "parser:obl"):
                src, via, _ = _source(ctx, tree, w, None)
                if src is not None and not any(a < src[1] and src[0] < b for a, b in content):
                    return Draft(content, _kind(ctx, content), cue_span, src, rule, 0.5, _para(ctx, w.start), via=via)
        return None
    pred = next((k for k in tree.kids(w.index, "xcomp", "obl", "advcl")
                 if k.index > max(obj.index, w.index) and k.upos != "VERB"
                 and (k.deprel == "xcomp" or _case_of(tree, k) in ("as", "of", "for"))), None)
    if pred is None:
        return None
    pred_words = tree.subtree(pred.index, skip=_attached_attributions(tree, pred))
    if obj.index > w.index:
        keep = tree.subtree(obj.index) | pred_words
        a, b = tree.run(keep, obj.index)
        if b < pred.index:
            return None
        content = [tree.span(a, b)]
    elif obj.low in RELATIVE_LEADS and obj.index < w.index:
        # "what she called a farce": the pronoun stands for something outside what was said
        a, b = tree.run(pred_words, pred.index)
        content = [tree.span(a, b)]
    else:
        return None
    src, via, _ = _source(ctx, tree, w, None)
    if src is None or any(a < src[1] and src[0] < b for a, b in content):
        return None
    return Draft(content, _kind(ctx, content), cue_span, src, "parser:predicate", 0.5, _para(ctx, w.start), via=via)


def _passive(ctx: Context, tree: Tree, w: Word, lemma: str, classes: frozenset[str], cue_span: Offsets) -> Draft | None:
    """ "was first reported by the Post", "was charged with fraud", "was asked whether C": the
    agent, when there is one, is the source; the content is the clause, the prepositional object
    or the subject of the passive."""
    if tree.kid(w.index, "expl") is not None:
        return None  # "it is said that": nobody is named
    head = tree.word(w.head) if w.head else None
    agent_first = next((k for k in tree.kids(w.index, "obl") if k.deprel == "obl:agent" or _case_of(tree, k) == "by"),
                       None)
    if w.deprel == "advcl" and head is not None and agent_first is not None \
            and any(m.low == "as" for m in tree.kids(w.index, "mark")):
        # "As reported by Western Journalism, C"
        spans = _around(tree, head.index, w.index)
        src = _noun_phrase(tree, agent_first, skip={c.index for c in tree.kids(agent_first.index, "case")})
        if spans and src is not None:
            return Draft(spans, _kind(ctx, spans), cue_span, src, "parser:as-clause", 0.6, _para(ctx, w.start))
    agent = next((k for k in tree.kids(w.index, "obl") if k.deprel == "obl:agent" or _case_of(tree, k) == "by"), None)
    src = _noun_phrase(tree, agent, skip={c.index for c in tree.kids(agent.index, "case")}) if agent else None
    content: list[Offsets] = []
    rule = "parser:passive"
    asked = [k for k in tree.kids(w.index, "ccomp", "advcl")
             if k.index > w.index and ((k.deprel == "ccomp" and _clausal(tree, k))
                                       or any(m.low in ("if", "whether") for m in tree.kids(k.index, "mark")))]
    if asked:
        content = [_clause(tree, asked[:1], after=w.index, keep_marks=True)]
    else:
        preps = {"charge": ("with",), "accuse": ("of",), "ask": ("about",), "criticize": ("for",),
                 "criticise": ("for",), "call": ("for",), "describe": ("as",), "mention": ("as",)}.get(lemma, ())
        obl = next((k for k in tree.kids(w.index, "obl", "advcl", "xcomp") if k.index > w.index
                    and (_case_of(tree, k) in preps or (k.deprel == "xcomp" and lemma in ("call", "name", "dub")))),
                   None)
        subj = tree.kid(w.index, "nsubj:pass")
        if obl is not None:
            keep = tree.subtree(obl.index, skip=_attached_attributions(tree, obl))
            keep -= {c.index for c in tree.kids(obl.index, "case", "mark") if c.index < obl.index}
            a, b = tree.run(keep, obl.index)
            content = [tree.span(a, b)]
        elif subj is not None and src is not None and (classes & {OBJECT} or lemma in NP_CONTENT_LEMMAS) \
                and subj.low not in RELATIVE_PRONOUNS and subj.upos != "PRON":
            # "The compromise had been reported by the Post": the subject is what was reported
            sub = _noun_phrase(tree, subj)
            content = [sub] if sub is not None else []
    if not content or any(b - a < 3 for a, b in content):
        return None
    if src is not None and any(a < src[1] and src[0] < b for a, b in content):
        return None
    return Draft(content, _kind(ctx, content), cue_span, src, rule, 0.45, _para(ctx, w.start))


def _quote_source_cue(ctx: Context, tree: Tree, w: Word, cue_span: Offsets) -> Draft | None:
    """'"Q," Trump, the front-runner in South Carolina by a wide margin, said': the parse of a
    long source after a quotation is often a tangle, but the word order is plain."""
    first = tree.words[0].start
    pieces = [p for g in ctx.groups.values() for p in g if first <= p.close_mark < w.start and not p.nested]
    if not pieces:
        return None
    piece = max(pieces, key=lambda p: p.close_mark)
    group = ctx.groups[piece.group]
    if scare.is_term(ctx, group):
        return None
    between = [x for x in tree.words if piece.close_mark < x.start < w.start]
    while between and (between[0].upos == "PUNCT" or between[0].text in PUNCT_EDGE):
        between = between[1:]
    while between and (between[-1].upos in ("PUNCT", "ADV", "AUX") or between[-1].text in PUNCT_EDGE):
        between = between[:-1]
    if not between or len(between) > 40 or any(x.upos == "VERB" and x.deprel not in ("amod", "acl", "compound")
                                                and x.index > between[0].index + 1 for x in between[:3]):
        return None
    lead = between[0]
    if not (lead.text[:1].isupper() or lead.upos in ("PRON", "DET")):
        return None
    if any(x.text in (".", ";", "“", "\"") for x in between):
        return None
    src = (lead.start, between[-1].end)
    spans = [(p.start, p.end) for p in group if p.end <= w.start and p.start >= first]
    if not spans:
        return None
    return Draft(spans, "direct", cue_span, src, "parser:quote-source-cue", 0.7, _para(ctx, w.start))


def _negated(tree: Tree, w: Word) -> bool:
    return any(k.low in NEGATIONS for k in tree.kids(w.index, "advmod", "aux", "neg", "det"))


def _infinitive(tree: Tree, w: Word) -> bool:
    """ "declined to say", "is expected to announce": the verb is not itself a report ("went on to
    say", "took to Twitter to say" are)."""
    if not (any(k.low == "to" for k in tree.kids(w.index, "mark")) and w.deprel in ("xcomp", "csubj", "advcl", "acl")):
        return False
    head = tree.word(w.head) if w.head else None
    return not (head is not None and w.deprel in ("xcomp", "advcl") and head.upos == "VERB"
                and head.lemma not in UNREALISED and not _negated(tree, head))


# Verbs that leave the report they govern undone or to come: "declined to say", "wants to
# tell", "is expected to announce" ("went on to say", "took to Twitter to say", "tried to argue"
# report what was said).
UNREALISED = frozenset(
    "decline refuse fail expect plan want hope intend need wish seek prepare have ought like love hate "
    "prefer aim forget neglect hesitate promise vow pledge threaten agree offer ask urge tell order".split()
)
# Verbs that hand their subject on to a report in a purpose clause: "used his speech to call for".
CHAIN_LEMMAS = frozenset("go take continue appear seem use begin start rush hasten proceed move turn try".split())


def _content(ctx: Context, tree: Tree, w: Word, lemma: str,
             classes: frozenset[str]) -> tuple[list[Offsets], str, Word | None]:
    """The reported content of the verb ``w``, the rule that found it, and a source word found on
    the way (for inverted clauses that the parser misread: "..., said the company's chief")."""
    right = [k for k in tree.kids(w.index, "ccomp") if k.index > w.index]
    if right and any(tree.word(i).text in (";", ".") for i in range(w.index + 1, min(tree.subtree(right[0].index)))):
        right = []  # "..., analysts say; in 2012 Romney stumbled": the next clause is the writer's
    if any(_clausal(tree, k) for k in right):
        # the parser may split one clause into several ccomps: take them together
        spans = [_clause(tree, right, after=w.index)]
        lead = _interrupted_lead(tree, w, right)
        return ([lead] if lead else []) + spans, "parser:ccomp", None
    asked = [k for k in tree.kids(w.index, "advcl", "ccomp", "obj")
             if k.index > w.index and any(m.low in ("if", "whether") for m in tree.kids(k.index, "mark"))]
    if asked:
        # "asked the senator whether C", "questioned whether C"
        return [_clause(tree, asked[:1], after=w.index, keep_marks=True)], "parser:ccomp", None
    question = _question_after(tree, w) if lemma in QUESTION_LEMMAS else None
    if question is not None:
        return [question], "parser:question", None
    head = tree.word(w.head) if w.head else None
    # "C, he said." / "C1, he said, C2": the clause the verb hangs on is the content
    if w.deprel == "parataxis" and head is not None and _clausal(tree, head):
        return _around(tree, head.index, w.index), "parser:parataxis", _right_nominal(tree, w)
    # '"The harbour will reopen," said ...': the quotation is no subject; "C-subject ... C-verb, the
    # newspaper reported": of two subjects, the one next to the verb is its own
    subjects = [k for k in tree.kids(w.index, "nsubj") if not ctx.in_quote(k.start)]
    left_subjects = [k for k in subjects if k.index < w.index]
    subj = left_subjects[-1] if left_subjects else (subjects[0] if subjects else None)
    before = subj.index if subj is not None and subj.index < w.index else w.index
    left = [k for k in tree.kids(w.index, "parataxis", "ccomp") if k.index < before and _clausal(tree, k)]
    last = max((i for k in left[-1:] for i in tree.subtree(k.index) if i < before and tree.word(i).upos != "PUNCT"),
               default=0)
    if left and last and _comma_between(tree, last, before):
        # "C, said X" read with the verb as the root and C hanging on it
        keep: set[int] = set()
        for k in left:
            keep |= {i for i in tree.subtree(k.index) if i < before}
        for k in left_subjects[:-1]:
            if k.index < min(keep):
                keep |= tree.subtree(k.index)  # the clause's own subject, hung on the verb
        a, b = min(keep), max(keep)
        while b > a and tree.word(b).upos == "PUNCT":
            b -= 1
        return [tree.span(a, b)], "parser:parataxis", _right_nominal(tree, w) or _right_phrase(tree, w)
    inverted = _inverted_trailing(ctx, tree, w)
    if inverted is not None:
        return [inverted[0]], "parser:inverted", inverted[1]
    as_mark = next((m for m in tree.kids(w.index, "mark") if m.low == "as"), None)
    objects = [k for k in tree.kids(w.index, "obj", "xcomp", "ccomp", "iobj") if k.low != "it" or lemma != "put"]
    if w.deprel == "advcl" and head is not None and as_mark is not None and (REPORT in classes or lemma == "put") \
            and not objects \
            and not (as_mark.index > 1 and tree.word(as_mark.index - 1).low in ("even", "just")):
        # "As the Post reported, C" / "C, as Smith noted"
        spans = _around(tree, head.index, w.index)
        if spans:
            return spans, "parser:as-clause", None
    that = _that_after(tree, w)
    if that is not None:
        # "said in a statement on Monday that C": the parse lost the clause, the word order keeps it
        end = _sentence_end(tree, that)
        if end > that.index + 1:
            return [tree.span(that.index + 1, end)], "parser:that-clause", None
    if lemma in XCOMP_LEMMAS:
        xcomp = next((k for k in tree.kids(w.index, "xcomp", "advcl") if k.index > w.index), None)
        if xcomp is not None and any(k.low == "to" for k in tree.kids(xcomp.index, "mark")):
            obj = tree.kid(w.index, "obj", "iobj")
            first = min(tree.subtree(obj.index)) if obj is not None and obj.index < xcomp.index else xcomp.index
            keep = tree.subtree(xcomp.index, skip=_attached_attributions(tree, xcomp))
            last = max(keep)
            return [tree.span(first, last)], "parser:xcomp", None
    bare = _bare_clause(tree, w, lemma, classes)
    if bare is not None:
        return [bare], "parser:bare-clause", None
    obl = _obl_content(tree, w, lemma)
    if obl is not None:
        return [obl], "parser:obl", None
    takes_np = classes & {OBJECT, PREDICATE} or lemma in NP_CONTENT_LEMMAS
    if takes_np or (REPORT in classes and lemma not in NO_NP_CONTENT):
        obj = next((k for k in tree.kids(w.index, "obj") if k.index > w.index), None)
        if obj is not None:
            keep = tree.subtree(obj.index, skip=_attached_attributions(tree, obj))
            # the predicate of the object goes with it: 'called the plan "a disaster"', 'accused X of Y'
            predicate = False
            for k in tree.kids(w.index, "xcomp", "obl", "advcl", "obj"):
                if k.index > obj.index and k.index != obj.index and (
                        k.deprel.startswith(("xcomp", "obj")) or _case_of(tree, k) in ("as", "of", "for", "with")):
                    keep |= tree.subtree(k.index)
                    predicate = True
            a, b = tree.run(keep, obj.index)
            # a pronoun alone is no content, with its predicate it is: "accused him of lying"
            if b - a >= 1 and (obj.upos != "PRON" or predicate):
                return [tree.span(a, b)], "parser:obj", None
    return [], "", None


# Verbs whose noun-phrase object is the content ("predicted big wins", "mentioned freedom of
# religion"), besides the object and predicate verbs of the lexicons.
NP_CONTENT_LEMMAS = frozenset(
    "predict announce mention tweet post describe accuse urge question reveal disclose recommend "
    "propose promise pledge cite report demand charge".split()
)
# Report verbs whose object is an addressee or a bare word, never the content.
NO_NP_CONTENT = frozenset("say tell add ask inform remind assure brief advise answer quote thank".split())
# Verbs whose prepositional object is the content: "warned of the dangers", "called for a ban".
OBL_CONTENT = {
    "warn": ("of", "about", "against"), "call": ("for",), "ask": ("about", "for"), "complain": ("about",),
    "comment": ("on",), "respond": ("to",), "reply": ("to",), "argue": ("for", "against"),
    "testify": ("about",), "caution": ("against",), "speak": ("about", "of"), "talk": ("about",),
    "boast": ("about", "of"), "joke": ("about",), "write": ("about", "of"),
}


def _case_of(tree: Tree, w: Word) -> str:
    """The preposition (or subordinator) that introduces ``w``, lower case; "" if none."""
    for k in tree.kids(w.index, "case", "mark"):
        if k.index < w.index:
            return k.low
    return ""


def _interrupted_lead(tree: Tree, w: Word, heads: Sequence[Word]) -> Offsets | None:
    """ "Mrs. Clinton, analysts said, has other reasons": the part of the clause before the
    attribution, when the attribution sits between commas inside it."""
    subj = tree.kid(w.index, "nsubj")
    stop = subj.index if subj is not None and subj.index < w.index else w.index
    keep: set[int] = set()
    for c in heads:
        keep |= tree.subtree(c.index)
    before = sorted(i for i in keep if i < stop)
    if not before or tree.word(stop - 1).text != "," or before[-1] != stop - 2:
        return None
    if tree.word(before[0]).index > 1 and tree.word(before[0] - 1).text not in (",", ":", "—", "–"):
        return None
    return tree.span(before[0], before[-1])


def _inverted_trailing(ctx: Context, tree: Tree, w: Word) -> tuple[Offsets, Word] | None:
    """ "C, said Mark Kantrowitz, a student loan expert who has published ...": the verb follows a
    comma and a noun phrase after it ends the sentence; whatever the parser made of C, it is
    everything before the comma."""
    if w.index < 4 or tree.word(w.index - 1).text != "," or ctx.in_quote(w.start):
        return None
    after = [k for k in tree.kids(w.index) if k.index > w.index and k.upos in ("PROPN", "NOUN", "PRON", "DET")]
    if not after:
        return None
    head = min(after, key=lambda k: k.index)
    if any(tree.word(i).upos not in ("DET", "ADJ", "PROPN", "NOUN", "NUM", "PUNCT", "PART")
           for i in range(w.index + 1, head.index)):
        return None
    last = max(x.index for x in tree.words if x.upos != "PUNCT")
    if max(tree.subtree(head.index)) < last:
        return None
    a, b = 1, w.index - 2
    if any(tree.word(i).text in (";", ".") or (tree.word(i).upos == "VERB" and cue_of(tree, tree.word(i)) is not None
                                                and tree.word(i).deprel == "parataxis") for i in range(a, b + 1)):
        return None
    if b - a < 2:
        return None
    return tree.span(a, b), head


def _bare_clause(tree: Tree, w: Word, lemma: str, classes: frozenset[str]) -> Offsets | None:
    """ "The budget office said about half of the adjustment reflected losses": a clause without
    "that" that the parser did not see as one; the word order shows it (a finite verb follows)."""
    if BARE not in classes or lemma in ("tell", "ask", "write") or w.deprel not in ("root", "conj", "parataxis"):
        return None
    nxt = tree.word(w.index + 1) if w.index < len(tree.words) else None
    if nxt is None or (nxt.upos in ("PUNCT", "PRON") and nxt.low not in PRONOUN_SUBJECTS):
        return None
    if nxt.low in ("to", "by", "in", "on", "at", "with", "from", "for", "of", "as", "that"):
        return None
    end = _sentence_end(tree, w)
    for x in tree.words[w.index : min(end, w.index + 15)]:
        if x.text in (",", ";", ":", "\"", "“", "”", "(", "—"):
            return None
        if x.upos in ("VERB", "AUX") and x.deprel not in ("amod", "compound") and x.head != w.index:
            if end - nxt.index < 2:
                return None
            return tree.span(nxt.index, end)
    return None


PRONOUN_SUBJECTS = frozenset("he she they it we i you there this that".split())


def _right_phrase(tree: Tree, w: Word) -> Word | None:
    """The first word of a short noun phrase that ends the sentence after the verb ('..., said
    the 46-year-old.'), whatever the parser made of it."""
    rest = [x for x in tree.words[w.index :] if x.upos != "PUNCT" or x.text in ("-", "'s")]
    if not rest or len(rest) > 20 or rest[0].upos not in ("DET", "PROPN", "NOUN", "ADJ", "NUM", "PRON"):
        return None
    if any(x.upos in ("VERB", "AUX") and x.deprel not in ("amod", "compound", "acl") for x in rest):
        return None
    return rest[0]


def _obl_content(tree: Tree, w: Word, lemma: str) -> Offsets | None:
    preps = OBL_CONTENT.get(lemma)
    if not preps:
        return None
    for k in tree.kids(w.index, "obl", "obj", "advcl"):
        if k.index > w.index and _case_of(tree, k) in preps:
            keep = tree.subtree(k.index, skip=_attached_attributions(tree, k))
            case = next(c for c in tree.kids(k.index, "case", "mark") if c.index < k.index)
            keep.discard(case.index)
            a, b = tree.run(keep, k.index)
            return tree.span(a, b)
    return None


def _question_after(tree: Tree, w: Word) -> Offsets | None:
    """ "Asked if the plant would close, Smith said no", "asked its workers whether C": the question
    after the verb (and its object or agent), which the parser often hangs on another verb."""
    for x in tree.words[w.index : w.index + 10]:
        if x.text in QUESTION_STOPS or (x.upos in ("VERB", "AUX") and x.deprel not in ("amod", "compound")):
            return None
        opens = x.low in ("if", "whether") or (x.low in WH_WORDS and x.upos in ("PRON", "DET", "ADV", "SCONJ"))
        if not opens:
            continue
        clause = x
        for _ in range(3):  # from "which" in "which plan she would back" up to "back"
            if clause.upos in ("VERB", "AUX") or tree.kids(clause.index, "cop") or not clause.head:
                break
            clause = tree.word(clause.head)
        if clause.index <= x.index and clause is not x:
            return None
        keep = {i for i in tree.subtree(clause.index, skip=_attached_attributions(tree, clause)) if i >= x.index}
        a, b = tree.run(keep | {x.index}, x.index)
        if b - a < 2:
            return None
        return tree.span(a, b)
    return None


# Verbs that report a question; the words that open one; what ends the search for it.
QUESTION_LEMMAS = frozenset(["ask", "wonder", "question", "inquire"])
WH_WORDS = frozenset("what which who whom whose why how when where".split())
QUESTION_STOPS = frozenset([",", ";", ":", ".", "—", "–", "\"", "“", "”"])


def _that_after(tree: Tree, w: Word) -> Word | None:
    """A ``that`` opening a clause after the verb and its objects and adverbials ("said on Monday
    in a statement that ...", "told reporters at the White House that ...")."""
    i = w.index + 1
    n = len(tree.words)
    while i <= n and i - w.index <= 24:
        x = tree.word(i)
        if x.low == "that" and i > w.index:
            prev = tree.word(i - 1)
            clause = tree.word(x.head) if x.head else None
            if x.deprel == "det" or prev.upos in ("DET", "ADP") or prev.low in ("so", "such"):
                return None  # "about that position", "so that"
            if clause is not None and clause.deprel.startswith("acl") and not (
                    clause.deprel == "acl:relcl" and x.upos == "SCONJ" and x.deprel == "mark"):
                # "over allegations that ...": the clause belongs to a noun (but a relative clause
                # opened by a subordinator is a misread complement: "said in a statement that C")
                return None
            return x
        if (x.upos == "VERB" and x.deprel not in ("amod", "acl")) or x.text in (";", ":", "\"", "“", "”", "."):
            return None
        if x.low in ("who", "which", "because", "if"):
            return None
        i += 1
    return None


def _sentence_end(tree: Tree, start: Word) -> int:
    """The last word of the clause that runs from ``start`` to the sentence end, before a trailing
    attribution ("..., he said", "..., according to X") or a semicolon."""
    end = len(tree.words)
    for x in tree.words[start.index :]:
        if x.text == ";":
            return x.index - 1
        if x.index > start.index + 1 and tree.word(x.index - 1).text == "," and (
                x.low == "according" or (cue_of(tree, x) is not None and x.deprel.startswith("parataxis"))):
            return x.index - 2
    return end


def _nominal(w: Word) -> bool:
    """A noun phrase head (a ``ccomp`` that is really a misread object or subject)."""
    return w.upos in ("NOUN", "PROPN", "PRON", "NUM", "DET")


def _clausal(tree: Tree, w: Word) -> bool:
    """A clause: headed by a verb, or a nominal or adjectival predicate with its own subject or copula."""
    if any(k.low in ("who", "which") for k in tree.kids(w.index, "nsubj", "nsubj:pass")):
        return False  # a relative clause the parser hung on the verb
    if any(k.low in ADVERBIAL_MARKS and k.index < w.index for k in tree.kids(w.index, "mark", "case", "advmod")):
        return False  # "said Friday as he entered the talks", "said during a hearing"
    if w.upos in ("VERB", "AUX"):
        return True
    # a nominal or adjectival predicate needs its copula: "Gilbert/nsubj, its president" is no clause
    return bool(tree.kids(w.index, "cop")) and not any(
        k.low in RELATIVE_PRONOUNS for k in tree.kids(w.index, "nsubj"))


def _comma_between(tree: Tree, a: int, b: int) -> bool:
    """Is there a comma (or a closing quotation mark) between words ``a`` and ``b``?"""
    return any(tree.word(i).text in (",", "”", "\"", "’", "''") for i in range(a + 1, b))


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


def _clause(tree: Tree, heads: Sequence[Word], after: int = 0, keep_marks: bool = False) -> Offsets:
    """The span of the clause(s) headed by ``heads`` (from word ``after + 1`` on), without a
    leading ``that`` or attributions attached to it."""
    keep: set[int] = set()
    for c in heads:
        keep |= tree.subtree(c.index, skip=_attached_attributions(tree, c))
    keep = {i for i in keep if i > after}
    # from the first to the last word: a stray word of the verb's own (an adverb) may sit inside
    a, b = min(keep), max(keep)
    while a < b and ((tree.word(a).low in CLAUSE_MARKS and tree.word(a).deprel == "mark" and not keep_marks)
                     or tree.word(a).upos == "PUNCT"):
        a += 1
    return tree.span(a, b)


def _around(tree: Tree, head: int, verb: int) -> list[Offsets]:
    """The clause of ``head`` without the attribution of ``verb``: one span, or two around it."""
    inner = tree.subtree(verb)
    keep = tree.subtree(head, skip={verb} | _attached_attributions(tree, tree.word(head), coordinated=False))
    before = sorted(i for i in keep if i < min(inner))
    after = sorted(i for i in keep if i > max(inner))
    spans = []
    if before:
        # from the clause's first word: a comma that hangs elsewhere must not cut it
        spans.append(tree.span(before[0], before[-1]))
    if after:
        a, b = tree.run(set(after), after[0])
        if b - a >= 2:
            spans.append(tree.span(a, b))
    return [s for s in spans if s[1] - s[0] >= 3]


def _attached_attributions(tree: Tree, c: Word, coordinated: bool = True) -> set[int]:
    """Children of a clause that are attributions of their own ("..., according to X", "..., he said")."""
    out = set()
    for k in tree.kids(c.index):
        speech = k.deprel.startswith("parataxis") and cue_of(tree, k) is not None
        according = k.deprel.startswith("obl") and any(x.low == "according" for x in tree.kids(k.index, "case"))
        # "said C, and called him ..." (the speaker goes on), "insisted C, but D" (the writer does)
        own_subject = tree.kid(k.index, "nsubj") is not None
        contrast = any(x.low in ("but", "yet") for x in tree.kids(k.index, "cc"))
        goes_on = coordinated and k.deprel == "conj" and k.index > c.index and (
            (cue_of(tree, k) is not None and not own_subject) or (contrast and own_subject))
        if speech or according or goes_on:
            out.add(k.index)
    return out


def _source(ctx: Context, tree: Tree, w: Word, inverted: Word | None) -> tuple[Offsets | None, list[Offsets], str]:
    """The source of verb ``w``, the relays it came through, and a rule name when that decided it."""
    via: list[Offsets] = []
    rule = ""
    citing = next((k for k in tree.kids(w.index, "advcl", "xcomp", "conj", "parataxis")
                   if k.lemma in ("cite", "quote") and k.low.endswith("ing")), None)
    subjects = tree.kids(w.index, "nsubj")
    if len(subjects) > 1 and subjects[0].low in RELATIVE_LEADS and subjects[1].index < w.index:
        subjects = subjects[1:]  # "officials, who/nsubj she/nsubj said were ...": "who" is the content's
    subj = subjects[0] if subjects else None
    if len(subjects) > 1 and all(x.index < w.index for x in subjects) and _one_phrase(tree, subjects):
        # "Chelsea/nsubj Clinton/nsubj announced", "Most/nsubj of them in the hall/nsubj said": the parser
        # split one subject in two
        subj = subjects[-1]
    if subj is not None and (ctx.in_quote(subj.start) or _stranded(tree, subj, w)):
        subj = None  # a quotation or a clause read as the subject: '"Every amendment," said Cruz'
    if subj is None and inverted is not None:
        subj = inverted
    src: Offsets | None
    between = _between_subject(tree, subj, w) if subj is not None and subj.low in RELATIVE_LEADS else None
    if between is not None:
        # "which critics said was ...", read with the pronoun as the subject of "said"
        src = between
    elif subj is not None and subj.low in RELATIVE_PRONOUNS and w.deprel.startswith("acl") and w.head:
        # "officials who said ...": the antecedent is the source
        subj = tree.word(w.head)
        src = _noun_phrase(tree, subj, skip={w.index})
    elif subj is not None and subj is inverted and subj.head != w.index:
        # a phrase that ends the sentence, misparsed: take it whole
        last = max(x.index for x in tree.words if x.upos != "PUNCT" or x.text == "-")
        src = (subj.start, tree.word(last).end)
    elif subj is not None:
        src = _noun_phrase(tree, subj)
        first = subjects[0] if subjects else subj
        if src is not None and first is not subj and first.index < subj.index:
            lead = _noun_phrase(tree, first, skip={subj.index})
            src = (min(first.start, lead[0]) if lead is not None else first.start, src[1])
    else:
        src = _inherited(tree, w) or _left_neighbour(ctx, tree, w) or _linear_subject(ctx, tree, w) \
            or _opening_subject(ctx, tree, w)
    if src is None:
        return None, via, rule
    if citing is not None:
        obj = tree.kid(citing.index, "obj")
        if obj is not None:
            via.append(src)
            src = _noun_phrase(tree, obj)
            rule = "parser:citing"
    return src, via, rule


def _relative_gap(ctx: Context, tree: Tree, w: Word) -> tuple[list[Offsets], Offsets] | None:
    """ "a fee, which they said was too high", "the mayor, who he claims has misled voters": a relative
    pronoun, a short subject, the verb, and a clause without its subject.  The compact parser
    mostly tangles this; the word order is plain.  Returns the content (the clause after the
    verb; the pronoun stands for something outside what was said) and the source."""
    nxt = tree.word(w.index + 1) if w.index < len(tree.words) else None
    if nxt is not None and nxt.upos == "ADV" and nxt.index < len(tree.words):
        nxt = tree.word(nxt.index + 1)  # "which he said also ..."
    if nxt is None or nxt.upos not in ("AUX", "VERB") or nxt.low.endswith("ing") or nxt.low == "to":
        return None
    pron = next((x for x in reversed(tree.words[max(1, w.index - 9) : w.index - 1])
                 if x.text in RELATIVE_PRONOUNS), None)
    if pron is None or ctx.in_quote(pron.start):
        return None
    before = tree.word(pron.index - 1)
    if not (_nominal(before) or before.text in (",", "—", "–", "-")) or before.upos == "PRON":
        return None  # "said that they said": no relative clause
    src = _between_subject(tree, pron, w)
    if src is None:
        return None
    end = _sentence_end(tree, nxt)
    for x in tree.words[nxt.index : end]:
        after = tree.word(x.index + 1) if x.index < len(tree.words) else None
        if x.text in (";", "—", "–", "(") or (x.text == "-" and x.upos == "PUNCT") or (
                x.text == "," and after is not None and after.upos in ("AUX", "VERB") and after.head != w.index
                and before.text == ","):
            # the relative clause closes and the sentence goes on: "..., which X said was Y, is Z"
            end = x.index - 1
            break
    if end - nxt.index < 1:
        return None
    return [tree.span(nxt.index, end)], src


def _between_subject(tree: Tree, pron: Word, w: Word) -> Offsets | None:
    """The words between a relative pronoun and its verb, when they make a phrase of their own."""
    words = tree.words[pron.index : w.index - 1]
    while words and words[-1].upos in ("ADV", "AUX", "PART"):
        words = words[:-1]
    if not words or len(words) > 8 or any(x.upos == "PUNCT" or x.low in RELATIVE_LEADS for x in words):
        return None
    if words[-1].upos not in ("NOUN", "PROPN", "PRON", "VERB", "NUM"):
        return None
    return words[0].start, words[-1].end


def _one_phrase(tree: Tree, subjects: Sequence[Word]) -> bool:
    """Are the words from the first subject to the last all inside the subjects' phrases (or
    punctuation and conjunctions)?  Then the subjects are one phrase the parser split."""
    inside: set[int] = set()
    for x in subjects:
        inside |= tree.subtree(x.index)
    return all(i in inside or tree.word(i).upos in ("PUNCT", "CCONJ")
               for i in range(subjects[0].index, subjects[-1].index + 1))


def _stranded(tree: Tree, subj: Word, w: Word) -> bool:
    """A subject left of its verb with another noun phrase in between: a misparse ("An economic
    downturn, he said, ..." read with "downturn" as the subject of "said")."""
    if subj.index > w.index:
        return False
    inside = tree.subtree(subj.index)
    for k in tree.kids(w.index):
        if k.deprel == "nsubj" and k.index < subj.index:
            continue
        if subj.index < k.index < w.index and k.deprel != "nsubj":
            inside |= tree.subtree(k.index)  # "Welt am Sonntag, citing unnamed diplomats, claimed"
    i = w.index - 1
    while i > subj.index and tree.word(i).upos in ("ADV", "AUX", "PART", "PUNCT"):
        i -= 1
    last = tree.word(i)
    return i > subj.index and last.upos in ("PRON", "PROPN", "NOUN") and last.index not in inside


def _left_neighbour(ctx: Context, tree: Tree, w: Word) -> Offsets | None:
    """The noun phrase right before a verb that has no subject in the parse: '"C," Mr. Daniloff,
    now 81, said' where the parser hung the name on the quotation."""
    i = w.index - 1
    while i >= 1 and tree.word(i).upos in ("ADV", "AUX", "PART"):
        i -= 1
    if i < 1:
        return None
    x = tree.word(i)
    if x.text == "," and i > 1:
        x = tree.word(i - 1)  # the comma closing an appositive
    # climb to the head of the phrase that ends here
    for _ in range(6):
        if not x.head or x.deprel.split(":")[0] not in NP_CLIMB:
            break
        up = tree.word(x.head)
        if up.index > w.index or not _nominal(up):
            break
        x = up
    if not _nominal(x) or ctx.in_quote(x.start):
        return None
    span = _noun_phrase(tree, x)
    if span is None or span[1] > w.start:
        return None
    first = next(y for y in tree.words if y.start >= span[0])
    prev = tree.word(first.index - 1) if first.index > 1 else None
    # it must begin a clause: at the sentence start, or after a comma or a closing quotation mark
    if prev is not None and prev.text not in (",", "”", "\"", "’", "''", "—", "–", ":"):
        return None
    return span


def _linear_subject(ctx: Context, tree: Tree, w: Word) -> Offsets | None:
    """The rules' reading of the subject before the verb, when the parse offers none."""
    if w.deprel not in ("root", "parataxis") or ctx.in_quote(tree.words[0].start):
        return None
    toks = document.tokens(ctx.text, tree.words[0].start, tree.words[-1].end)
    k = next((i for i, t in enumerate(toks) if t[0] == w.start), None)
    if k is None:
        return None
    span = phrases.left_np(ctx.text, toks, k, tree.words[0].start)
    if span is None or ctx.in_quote(span[0]):
        return None
    return span


def _opening_subject(ctx: Context, tree: Tree, w: Word) -> Offsets | None:
    """Everything from the sentence start to the verb, when it reads as one long subject the
    parser broke up: "Two in five farmers in a survey last month said", "Most residents we asked
    last week said"."""
    if w.deprel not in ("root", "ccomp", "parataxis") or w.index > 22:
        return None
    words = tree.words[: w.index - 1]
    while words and (words[0].upos in ("CCONJ", "PUNCT") or words[0].low in ("still", "now", "also")):
        words = words[1:]  # "And surveys of farmers show", "Still, residents who ... say"
    while words and words[-1].upos in ("ADV", "AUX", "PART"):
        words = words[:-1]
    if len(words) < 2 or ctx.in_quote(words[0].start):
        return None
    if words[0].upos not in ("DET", "NUM", "ADJ", "NOUN", "PROPN") or words[-1].upos not in ("NOUN", "PROPN", "NUM"):
        return None
    if any(x.upos == "PUNCT" and x.text not in ("-", "'s", "’s") for x in words):
        return None
    return words[0].start, words[-1].end


NP_CLIMB = frozenset(["flat", "compound", "appos", "amod", "nmod", "nummod", "det", "conj"])


def _inherited(tree: Tree, w: Word) -> Offsets | None:
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
        if cur.deprel == "advcl" and not cur.low.endswith("ing") and head.lemma not in CHAIN_LEMMAS:
            return None
        subj = tree.kid(head.index, "nsubj")
        if subj is not None and subj.low not in RELATIVE_PRONOUNS:
            return _noun_phrase(tree, subj)
        cur = head
    return None


def _noun_phrase(tree: Tree, head: Word, skip: Iterable[int] = ()) -> Offsets | None:
    """The source mention around ``head``: modifiers, titles, appositions and flat names kept."""
    if head.upos == "PRON":
        return head.start, head.end
    keep = tree.subtree(head.index, keep=NP_RELATIONS, skip=skip)
    for i in list(keep):
        # a participle phrase stays whole: "emails released on Friday", "officials briefed on it"
        for k in tree.kids(i, "acl"):
            if k.deprel == "acl" and k.index not in skip:
                keep |= tree.subtree(k.index, skip=skip)
    a, b = tree.run(keep, head.index)
    # a coordination or apposition may trail a comma or a conjunction: trim it
    while b > a and (tree.word(b).upos in ("PUNCT", "CCONJ", "ADP", "DET") or tree.word(b).text in PUNCT_EDGE):
        b -= 1
    while a < b and (tree.word(a).upos in ("PUNCT", "CCONJ", "ADP") or tree.word(a).text in PUNCT_EDGE):
        a += 1
    if b - a > 30:
        return None
    start, end = tree.word(a).start, tree.word(b).end
    # a named entity (when the models have NER) is never cut: "Welt am Sonntag", "Caliber.Az"
    for e_start, e_end, _ in tree.ents:
        if e_start < end and start < e_end and e_start <= head.start < e_end:
            start, end = min(start, e_start), max(end, e_end)
    return start, end


def _addressee_media(tree: Tree, w: Word) -> list[Offsets]:
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


def _kind(ctx: Context, spans: list[Offsets]) -> str:
    """``direct`` when the content is one quotation, ``mixed`` when it carries one, else ``indirect``."""
    for group in ctx.groups.values():
        for p in group:
            if any(a <= p.start and p.end <= b + 1 for a, b in spans) and not scare.is_term(ctx, group):
                inside = sum(min(b, p.end) - max(a, p.start) for a, b in spans if a < p.end and p.start < b)
                total = sum(b - a for a, b in spans)
                return "direct" if inside >= 0.9 * total else "mixed"
    return "indirect"


def _para(ctx: Context, pos: int) -> int:
    starts = [p.start for p in ctx.paras]
    i = max(0, bisect.bisect_right(starts, pos) - 1)
    return ctx.paras[i].index if ctx.paras else 0
