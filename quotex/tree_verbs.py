"""Attributions read off a dependency parse: the entry point, and the rules for a speech verb.

``attributions`` walks a ``Tree`` for its cues: a speech verb (a cue of the lexicons) or
``according to`` (``tree_according``).  A verb's content is found by ``tree_content`` and its
source by ``tree_source``; here are the readings of the verb itself: an active report, a verb
that only reports when it gives its object a predicate ("called the plan unworkable"), a passive
with its agent ("was first reported by the Post"), a relative clause ("which X said was ..."),
and a quotation before its source when the parse of a long source is a tangle.  Each attribution
becomes a ``Draft`` named ``parser:<rule>``, so the same finishing stage as the rules' resolves
speakers and classifies sources.
"""

from __future__ import annotations

from typing import Final

from quotex import lexicon, scare
from quotex.document import BELIEF, OBJECT, PREDICATE, REPORT, Context, Draft, Offsets
from quotex.tree import PUNCT_EDGE, Tree, Word, case_of
from quotex.tree_according import according_to
from quotex.tree_content import (
    NP_CONTENT_LEMMAS,
    OBL_CONTENT,
    XCOMP_LEMMAS,
    around,
    attached_attributions,
    clausal,
    clause_span,
    content_of,
    kind_of,
    para_of,
)
from quotex.tree_cues import cue_of, infinitive, negated
from quotex.tree_source import (
    RELATIVE_LEADS,
    RELATIVE_PRONOUNS,
    addressee_media,
    noun_phrase,
    relative_gap,
    source_of,
    stranded,
)

# Verbs whose prepositional object is the content in the passive: "was charged with fraud".
PASSIVE_CONTENT: Final = lexicon.word_table("passive_content_verbs")


def attributions(ctx: Context, tree: Tree) -> list[Draft]:
    """Every attribution the tree shows, outermost only (a cue inside another's content is dropped)."""
    found: list[Draft] = []
    for w in tree.words:
        if ctx.in_quote(w.start):
            continue
        if w.low == "according":
            d = according_to(ctx, tree, w)
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
    if negated(tree, w) or infinitive(tree, w):
        return None  # "did not say", "declined to say": no attribution of content
    if w.deprel in ("amod", "compound", "case", "mark", "nmod", "obl"):
        return None  # "the so-called deal", "alleged": a modifier, not a report
    reports = bool(classes & {REPORT, BELIEF, OBJECT})  # else a predicate verb only ("called it X")
    if tree.kid(w.index, "aux:pass", "nsubj:pass", "expl"):
        return _passive(ctx, tree, w, lemma, classes, cue_span) if reports else None
    if not reports:
        return _predicate(ctx, tree, w, lemma, cue_span)
    relative = relative_gap(ctx, tree, w)
    if relative is not None:
        spans, speaker = relative
        return Draft(spans, kind_of(ctx, spans), cue_span, speaker, "parser:relative", 0.7, para_of(ctx, w.start))
    content, rule, source_word = content_of(ctx, tree, w, lemma, classes)
    if not content:
        return _quote_source_cue(ctx, tree, w, cue_span)
    via: list[Offsets] = []
    if rule == "parser:inverted" and source_word is not None:
        src, src_rule = noun_phrase(tree, source_word), ""
    else:
        src, via, src_rule = source_of(ctx, tree, w, source_word)
    if src is None:
        if lemma == "ask" and w.low == "asked" and tree.kid(w.index, "nsubj") is None:
            # "Asked whether C, Smith said ...": the question is reported, its asker unnamed
            return Draft(content, kind_of(ctx, content), cue_span, None, "parser:asked", 0.45, para_of(ctx, w.start))
        return None
    first = tree.kid(w.index, "nsubj")
    if rule == "parser:ccomp" and len(content) == 1 and first is not None and first.index < w.index \
            and first.low not in RELATIVE_LEADS and first.start < src[0] and stranded(tree, first, w) \
            and not ctx.in_quote(first.start):
        # "The nostalgia, he noted, may be ...": the misread subject opens the content
        lead = noun_phrase(tree, first)
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
    via.extend(addressee_media(tree, w))
    kind = kind_of(ctx, content)
    return Draft(content, kind, cue_span, src, rule, conf, para_of(ctx, w.start), via=via)


def _predicate(ctx: Context, tree: Tree, w: Word, lemma: str, cue_span: Offsets) -> Draft | None:
    """ "called the plan unworkable", "dubbed him 'the fixer'", "what she called a farce":
    a verb that only reports when it gives its object a predicate; the content is both (the
    predicate alone after a relative pronoun)."""
    objects = [k for k in tree.kids(w.index, "obj") if not ctx.in_quote(k.start) or k.index > w.index]
    obj = objects[0] if objects else None
    if obj is None:
        if lemma in XCOMP_LEMMAS or lemma in OBL_CONTENT:
            # "called for a ban", "called on Congress to act": the rules for those verbs apply
            content, rule, _ = content_of(ctx, tree, w, lemma, frozenset([REPORT]))
            if rule in ("parser:xcomp", "parser:obl"):
                src, via, _ = source_of(ctx, tree, w, None)
                if src is not None and not any(a < src[1] and src[0] < b for a, b in content):
                    return Draft(content, kind_of(ctx, content), cue_span, src, rule, 0.5, para_of(ctx, w.start),
                                 via=via)
        return None
    pred = next((k for k in tree.kids(w.index, "xcomp", "obl", "advcl")
                 if k.index > max(obj.index, w.index) and k.upos != "VERB"
                 and (k.deprel == "xcomp" or case_of(tree, k) in ("as", "of", "for"))), None)
    if pred is None:
        return None
    pred_words = tree.subtree(pred.index, skip=attached_attributions(tree, pred))
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
    src, via, _ = source_of(ctx, tree, w, None)
    if src is None or any(a < src[1] and src[0] < b for a, b in content):
        return None
    return Draft(content, kind_of(ctx, content), cue_span, src, "parser:predicate", 0.5, para_of(ctx, w.start), via=via)


def _passive(ctx: Context, tree: Tree, w: Word, lemma: str, classes: frozenset[str], cue_span: Offsets) -> Draft | None:
    """ "was first reported by the Post", "was charged with fraud", "was asked whether C": the
    agent, when there is one, is the source; the content is the clause, the prepositional object
    or the subject of the passive."""
    if tree.kid(w.index, "expl") is not None:
        return None  # "it is said that": nobody is named
    head = tree.word(w.head) if w.head else None
    agent_first = next((k for k in tree.kids(w.index, "obl") if k.deprel == "obl:agent" or case_of(tree, k) == "by"),
                       None)
    if w.deprel == "advcl" and head is not None and agent_first is not None \
            and any(m.low == "as" for m in tree.kids(w.index, "mark")):
        # "As reported by Western Journalism, C"
        spans = around(tree, head.index, w.index)
        src = noun_phrase(tree, agent_first, skip={c.index for c in tree.kids(agent_first.index, "case")})
        if spans and src is not None:
            return Draft(spans, kind_of(ctx, spans), cue_span, src, "parser:as-clause", 0.6, para_of(ctx, w.start))
    agent = next((k for k in tree.kids(w.index, "obl") if k.deprel == "obl:agent" or case_of(tree, k) == "by"), None)
    src = noun_phrase(tree, agent, skip={c.index for c in tree.kids(agent.index, "case")}) if agent else None
    content: list[Offsets] = []
    rule = "parser:passive"
    asked = [k for k in tree.kids(w.index, "ccomp", "advcl")
             if k.index > w.index and ((k.deprel == "ccomp" and clausal(tree, k))
                                       or any(m.low in ("if", "whether") for m in tree.kids(k.index, "mark")))]
    if asked:
        content = [clause_span(tree, asked[:1], after=w.index, keep_marks=True)]
    else:
        preps = PASSIVE_CONTENT.get(lemma, ())
        obl = next((k for k in tree.kids(w.index, "obl", "advcl", "xcomp") if k.index > w.index
                    and (case_of(tree, k) in preps or (k.deprel == "xcomp" and lemma in ("call", "name", "dub")))),
                   None)
        subj = tree.kid(w.index, "nsubj:pass")
        if obl is not None:
            keep = tree.subtree(obl.index, skip=attached_attributions(tree, obl))
            keep -= {c.index for c in tree.kids(obl.index, "case", "mark") if c.index < obl.index}
            a, b = tree.run(keep, obl.index)
            content = [tree.span(a, b)]
            if obl.upos not in ("VERB", "AUX") and not scare.quoted_fragment(ctx, content[0]):
                content = []  # "had been accused of crimes": nominal content is no quote
        elif subj is not None and src is not None and (classes & {OBJECT} or lemma in NP_CONTENT_LEMMAS) \
                and subj.low not in RELATIVE_PRONOUNS and subj.upos != "PRON":
            # "The compromise had been reported by the Post": the subject is what was reported
            sub = noun_phrase(tree, subj)
            content = [sub] if sub is not None and scare.quoted_fragment(ctx, sub) else []
    if not content or any(b - a < 3 for a, b in content):
        return None
    if src is not None and any(a < src[1] and src[0] < b for a, b in content):
        return None
    return Draft(content, kind_of(ctx, content), cue_span, src, rule, 0.45, para_of(ctx, w.start))


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
    return Draft(spans, "direct", cue_span, src, "parser:quote-source-cue", 0.7, para_of(ctx, w.start))
