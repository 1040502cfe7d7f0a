"""The content a cue governs on a tree: the reported clause or phrase, its bounds, and its kind.

A clausal complement (``ccomp``), the clause a ``..., he said`` hangs on (``parataxis``), an
``xcomp`` for promises, appeals and orders, ``as X reported``, the object of verbs that report a
thing ("denied the reports", "accused him of lying"), a prepositional object ("warned of the
dangers").  Where the compact parser is known to go wrong, the word order backs it up: a ``that``
after the verb's adverbials, a bare clause with a finite verb, an inverted ``..., said X`` at the
sentence end, a question after "asked".  Attributions attached to a clause ("..., according to X",
"..., he said") are left out of it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Final

from quotex import lexicon, scare
from quotex.document import BARE, OBJECT, PREDICATE, REPORT, Context, Offsets
from quotex.tree import Tree, Word, case_of, nominal
from quotex.tree_cues import cue_of

RELATIVE_PRONOUNS: Final = lexicon.words("relative_pronouns")
# Nouns of what was said, whose clause makes a nominal object a quote ("denied reports that C").
CONTENT_NOUNS: Final = lexicon.words("content_nouns")
# Verbs whose open complement is what was said: "promised to cut taxes", "urged voters to stay".
XCOMP_LEMMAS: Final = lexicon.words("xcomp_verbs")
# Words that open an adverbial clause or phrase, never a reported one.
ADVERBIAL_MARKS: Final = lexicon.words("adverbial_marks")
# Subordinators that open a reported clause and are not part of its content.
CLAUSE_MARKS: Final = lexicon.words("clause_marks")
# Verbs whose noun-phrase object is the content ("predicted big wins", "mentioned freedom of
# religion"), besides the object and predicate verbs of the lexicons.
NP_CONTENT_LEMMAS: Final = lexicon.words("np_content_verbs")
# Report verbs whose object is an addressee or a bare word, never the content.
NO_NP_CONTENT: Final = lexicon.words("no_np_content_verbs")
# Verbs whose prepositional object is the content, with its prepositions: "warned of the dangers".
OBL_CONTENT: Final = lexicon.word_table("obl_content_verbs")
# Pronouns that open a clause as its subject: "said he would run".
PRONOUN_SUBJECTS: Final = lexicon.words("pronoun_subjects")
# Verbs that report a question; the words that open one; what ends the search for it.
QUESTION_LEMMAS: Final = lexicon.words("question_verbs")
WH_WORDS: Final = lexicon.words("wh_words")
QUESTION_STOPS: Final = frozenset([",", ";", ":", ".", "—", "–", "\"", "“", "”"])


def content_of(ctx: Context, tree: Tree, w: Word, lemma: str,
             classes: frozenset[str]) -> tuple[list[Offsets], str, Word | None]:
    """The reported content of the verb ``w``, the rule that found it, and a source word found on
    the way (for inverted clauses that the parser misread: "..., said the company's chief")."""
    right = [k for k in tree.kids(w.index, "ccomp") if k.index > w.index]
    if right and any(tree.word(i).text in (";", ".") for i in range(w.index + 1, min(tree.subtree(right[0].index)))):
        right = []  # "..., analysts say; in 2012 Romney stumbled": the next clause is the writer's
    if right and _free_relative(tree, w, right[0]):
        return [], "", None
    if right and not classes & {BARE, OBJECT} and not _marked(tree, right[0]):
        right = []  # "observed eleven proteins found in ...": only a verb that takes a bare clause has one
    if any(clausal(tree, k) for k in right):
        # the parser may split one clause into several ccomps: take them together
        spans = [clause_span(tree, right, after=w.index)]
        lead = _interrupted_lead(tree, w, right)
        return ([lead] if lead else []) + spans, "parser:ccomp", None
    asked = [k for k in tree.kids(w.index, "advcl", "ccomp", "obj")
             if k.index > w.index and any(m.low in ("if", "whether") for m in tree.kids(k.index, "mark"))]
    if asked:
        # "asked the senator whether C", "questioned whether C"
        return [clause_span(tree, asked[:1], after=w.index, keep_marks=True)], "parser:ccomp", None
    question = _question_after(tree, w) if lemma in QUESTION_LEMMAS else None
    if question is not None:
        return [question], "parser:question", None
    head = tree.word(w.head) if w.head else None
    # "C, he said." / "C1, he said, C2": the clause the verb hangs on is the content
    if w.deprel == "parataxis" and head is not None and clausal(tree, head):
        return around(tree, head.index, w.index), "parser:parataxis", _right_nominal(tree, w)
    # '"The harbour will reopen," said ...': the quotation is no subject; "C-subject ... C-verb, the
    # newspaper reported": of two subjects, the one next to the verb is its own
    subjects = [k for k in tree.kids(w.index, "nsubj") if not ctx.in_quote(k.start)]
    left_subjects = [k for k in subjects if k.index < w.index]
    subj = left_subjects[-1] if left_subjects else (subjects[0] if subjects else None)
    before = subj.index if subj is not None and subj.index < w.index else w.index
    left = [k for k in tree.kids(w.index, "parataxis", "ccomp") if k.index < before and clausal(tree, k)]
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
            and not (as_mark.index > 1 and tree.word(as_mark.index - 1).low in ("even", "just")) \
            and not _as_well_as(tree, as_mark):
        # "As the Post reported, C" / "C, as Smith noted"
        spans = around(tree, head.index, w.index)
        if spans:
            return spans, "parser:as-clause", None
    that = _that_after(tree, w)
    if that is not None:
        # "said in a statement on Monday that C": the parse lost the clause, the word order keeps it
        end = sentence_end(tree, that)
        if end > that.index + 1:
            return [tree.span(that.index + 1, end)], "parser:that-clause", None
    if lemma in XCOMP_LEMMAS:
        xcomp = next((k for k in tree.kids(w.index, "xcomp", "advcl") if k.index > w.index), None)
        verbal = xcomp is not None and (xcomp.upos in ("VERB", "AUX") or bool(tree.kids(xcomp.index, "cop"))) \
            and not _hyphened(ctx, xcomp)
        if xcomp is not None and verbal and any(k.low == "to" for k in tree.kids(xcomp.index, "mark")):
            obj = tree.kid(w.index, "obj", "iobj")
            first = min(tree.subtree(obj.index)) if obj is not None and obj.index < xcomp.index else xcomp.index
            keep = tree.subtree(xcomp.index, skip=attached_attributions(tree, xcomp))
            last = max(keep)
            return [tree.span(first, last)], "parser:xcomp", None
    bare = _bare_clause(tree, w, lemma, classes)
    if bare is not None:
        return [bare], "parser:bare-clause", None
    obl = _obl_content(tree, w, lemma)
    if obl is not None and scare.quoted_fragment(ctx, obl):
        return [obl], "parser:obl", None  # "warned of the dangers" is nominal; 'warned of "dire consequences"' a quote
    takes_np = classes & {OBJECT, PREDICATE} or lemma in NP_CONTENT_LEMMAS
    if takes_np or (REPORT in classes and lemma not in NO_NP_CONTENT):
        obj = next((k for k in tree.kids(w.index, "obj") if k.index > w.index), None)
        if obj is not None:
            keep = tree.subtree(obj.index, skip=attached_attributions(tree, obj))
            # the predicate of the object goes with it: 'called the plan "a disaster"', 'accused X of Y'
            predicate = False
            for k in tree.kids(w.index, "xcomp", "obl", "advcl", "obj"):
                case = case_of(tree, k)
                if k.index > obj.index and k.index != obj.index and (
                        k.deprel.startswith(("xcomp", "obj")) or (case in ("as", "of", "for", "with") and (
                            classes & {OBJECT, PREDICATE} or lemma in NP_CONTENT_LEMMAS))):
                    # "accused him of lying", "described it as a farce"; not "maintaining its
                    # position as ...", "scolded the boys for being late"
                    keep |= tree.subtree(k.index)
                    predicate = True
            a, b = tree.run(keep, obj.index)
            # a pronoun alone is no content, with its predicate it is: "accused him of lying"
            if b - a >= 1 and (obj.upos != "PRON" or predicate):
                span = tree.span(a, b)
                # nominal content is no quote ("denied the reports", "maintained a neutral stance")
                # unless it carries quoted words, a predicate ("accused him of lying") or a clause
                # of what was said ("denied reports that ...")
                if predicate or scare.quoted_fragment(ctx, span) or _content_noun(tree, obj):
                    return [span], "parser:obj", None
    return [], "", None



def _marked(tree: Tree, clause: Word) -> bool:
    """Does the clause open with a subordinator ("that", "whether", "if") or a wh-word?"""
    marks = CLAUSE_MARKS | {"if", "whether"}
    first = tree.word(min(tree.subtree(clause.index))).low
    return first in marks or first in WH_WORDS or any(k.low in marks for k in tree.kids(clause.index, "mark"))


def _as_well_as(tree: Tree, as_mark: Word) -> bool:
    """ "records relating to X, as well as files": "as well as" joins, it reports nothing."""
    i = as_mark.index
    nxt = [tree.word(k).low for k in range(i + 1, min(i + 3, len(tree.words) + 1))]
    prev = [tree.word(k).low for k in range(max(1, i - 2), i)]
    return nxt == ["well", "as"] or prev == ["as", "well"]


def _hyphened(ctx: Context, w: Word) -> bool:
    """Is ``w`` the first part of a hyphenated word ("agreed to power-sharing")? Then it is no verb
    of its own, whatever the parser tagged it."""
    return ctx.text[w.end : w.end + 1] in ("-", "‐") and ctx.text[w.end + 1 : w.end + 2].isalpha()


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
    end = sentence_end(tree, w)
    for x in tree.words[w.index : min(end, w.index + 15)]:
        if x.text in (",", ";", ":", "\"", "“", "”", "(", "—"):
            return None
        if x.upos in ("VERB", "AUX") and x.deprel not in ("amod", "compound") and x.head != w.index:
            if end - nxt.index < 2:
                return None
            return tree.span(nxt.index, end)
    return None


def _right_phrase(tree: Tree, w: Word) -> Word | None:
    """The first word of a short noun phrase that ends the sentence after the verb ('..., said
    the 46-year-old.'), whatever the parser made of it."""
    rest = [x for x in tree.words[w.index :] if x.upos != "PUNCT" or x.text in ("-", "'s")]
    if not rest or len(rest) > 20 or rest[0].upos not in ("DET", "PROPN", "NOUN", "ADJ", "NUM", "PRON"):
        return None
    if any(x.upos in ("VERB", "AUX") and x.deprel not in ("amod", "compound", "acl") for x in rest):
        return None
    return rest[0]


def _free_relative(tree: Tree, w: Word, clause: Word) -> bool:
    """ "Everything he said was wrong": the clause's subject opens the sentence before the cue, with
    no verb and no comma before the cue, so the cue sits in a relative clause of that subject and
    the clause is the sentence's own ("The nostalgia, he noted, may be ..." has its commas)."""
    subj = next((k for k in tree.kids(clause.index, "nsubj") if k.index < w.index), None)
    if subj is None:
        return False
    before = tree.words[: subj.index - 1]
    between = tree.words[subj.index : w.index - 1]
    return not any(x.upos in ("VERB", "AUX") for x in before) and not any(x.text in (",", "—", "–") for x in between)


def _content_noun(tree: Tree, obj: Word) -> bool:
    """ "reports suggesting C", "claims that C": a noun of what was said with its content."""
    return obj.low in CONTENT_NOUNS and any(k.index > obj.index for k in tree.kids(obj.index, "acl", "ccomp"))


def _obl_content(tree: Tree, w: Word, lemma: str) -> Offsets | None:
    preps = OBL_CONTENT.get(lemma)
    if not preps:
        return None
    for k in tree.kids(w.index, "obl", "obj", "advcl"):
        if k.index > w.index and case_of(tree, k) in preps:
            keep = tree.subtree(k.index, skip=attached_attributions(tree, k))
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
        keep = {i for i in tree.subtree(clause.index, skip=attached_attributions(tree, clause)) if i >= x.index}
        a, b = tree.run(keep | {x.index}, x.index)
        if b - a < 2:
            return None
        return tree.span(a, b)
    return None


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


def sentence_end(tree: Tree, start: Word) -> int:
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


def clausal(tree: Tree, w: Word) -> bool:
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
        if k.index > w.index and nominal(k):
            sub = tree.subtree(k.index)
            last = max(sub)
            rest = [x for x in tree.words[last:] if x.upos != "PUNCT"]
            if not rest:
                return k
    return None


def clause_span(tree: Tree, heads: Sequence[Word], after: int = 0, keep_marks: bool = False) -> Offsets:
    """The span of the clause(s) headed by ``heads`` (from word ``after + 1`` on), without a
    leading ``that`` or attributions attached to it."""
    keep: set[int] = set()
    for c in heads:
        keep |= tree.subtree(c.index, skip=attached_attributions(tree, c))
    keep = {i for i in keep if i > after}
    # from the first to the last word: a stray word of the verb's own (an adverb) may sit inside
    a, b = min(keep), max(keep)
    while a < b and ((tree.word(a).low in CLAUSE_MARKS and tree.word(a).deprel == "mark" and not keep_marks)
                     or tree.word(a).upos == "PUNCT"):
        a += 1
    return tree.span(a, b)


def around(tree: Tree, head: int, verb: int) -> list[Offsets]:
    """The clause of ``head`` without the attribution of ``verb``: one span, or two around it."""
    inner = tree.subtree(verb)
    keep = tree.subtree(head, skip={verb} | attached_attributions(tree, tree.word(head), coordinated=False))
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


def attached_attributions(tree: Tree, c: Word, coordinated: bool = True) -> set[int]:
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


# ------------------------------------------------------------ what a draft of the content is


def kind_of(ctx: Context, spans: list[Offsets]) -> str:
    """``direct`` when the content is one quotation, ``mixed`` when it carries one, else ``indirect``."""
    for group in ctx.groups.values():
        for p in group:
            if any(a <= p.start and p.end <= b + 1 for a, b in spans) and not scare.is_term(ctx, group):
                inside = sum(min(b, p.end) - max(a, p.start) for a, b in spans if a < p.end and p.start < b)
                total = sum(b - a for a, b in spans)
                return "direct" if inside >= 0.9 * total else "mixed"
    return "indirect"


def para_of(ctx: Context, pos: int) -> int:
    """The index of the paragraph that holds ``pos``: a draft's ``para``."""
    starts = [p.start for p in ctx.paras]
    i = max(0, bisect.bisect_right(starts, pos) - 1)
    return ctx.paras[i].index if ctx.paras else 0
