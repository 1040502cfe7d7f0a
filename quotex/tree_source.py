"""The source a cue's verb names on a tree: its subject, or the phrase that stands for one.

The subject (``nsubj``) is widened over compounds, modifiers, appositions and flat names so titles
stay.  Where the parse offers none, or a misread one, the word order backs it up: a subject shared
with another verb ("... and said"), the noun phrase right before the verb, the rules' reading of
the words before it, a long subject the parser broke up, a relative clause "which X said was ...".
The relays the report came through ("citing", "told state media") are found on the way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from quotex import document, lexicon, phrases
from quotex.document import Context, Offsets
from quotex.tree import PUNCT_EDGE, Tree, Word, nominal
from quotex.tree_content import RELATIVE_PRONOUNS, sentence_end

# Relations that stay inside a source noun phrase: "Chinese Foreign Ministry spokesperson Guo
# Jiakun", "Mike Shields, president of the Congressional Leadership Fund", "the company's chief".
NP_RELATIONS: Final = frozenset(
    "compound amod flat flat:name flat:foreign det det:predet det:poss nmod:poss nummod case fixed appos "
    "nmod nmod:npmod nmod:unmarked conj cc punct compound:prt advmod:emph".split()
)
# Relations a phrase's head is climbed by, from the word that ends the phrase.
NP_CLIMB: Final = frozenset(["flat", "compound", "appos", "amod", "nmod", "nummod", "det", "conj"])
# Words that open a relative clause and may stand for part of what was reported.
RELATIVE_LEADS: Final = RELATIVE_PRONOUNS | lexicon.words("free_relatives")
# Verbs that hand their subject on to a report in a purpose clause: "used his speech to call for".
CHAIN_LEMMAS: Final = lexicon.words("chain_verbs")
# Heads of an addressee that make it a relay: "told state media", "told reporters", "told state
# television".  (Not lexicon.is_media: that one also takes a capitalised outlet word alone, "the
# Post", "Star", where this takes only the known outlets.)
MEDIA_HEADS: Final = lexicon.words("press_heads") | lexicon.words("broadcast_heads")


def source_of(ctx: Context, tree: Tree, w: Word, inverted: Word | None) -> tuple[Offsets | None, list[Offsets], str]:
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
    if subj is not None and (ctx.in_quote(subj.start) or stranded(tree, subj, w)):
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
        src = noun_phrase(tree, subj, skip={w.index})
    elif subj is not None and subj is inverted and subj.head != w.index:
        # a phrase that ends the sentence, misparsed: take it whole
        last = max(x.index for x in tree.words if x.upos != "PUNCT" or x.text == "-")
        src = (subj.start, tree.word(last).end)
    elif subj is not None:
        src = noun_phrase(tree, subj)
        first = subjects[0] if subjects else subj
        if src is not None and first is not subj and first.index < subj.index:
            lead = noun_phrase(tree, first, skip={subj.index})
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
            src = noun_phrase(tree, obj)
            rule = "parser:citing"
    return src, via, rule


def relative_gap(ctx: Context, tree: Tree, w: Word) -> tuple[list[Offsets], Offsets] | None:
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
    if not (nominal(before) or before.text in (",", "—", "–", "-")) or before.upos == "PRON":
        return None  # "said that they said": no relative clause
    src = _between_subject(tree, pron, w)
    if src is None:
        return None
    end = sentence_end(tree, nxt)
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


def stranded(tree: Tree, subj: Word, w: Word) -> bool:
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
        if up.index > w.index or not nominal(up):
            break
        x = up
    if not nominal(x) or ctx.in_quote(x.start):
        return None
    span = noun_phrase(tree, x)
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


def _inherited(tree: Tree, w: Word) -> Offsets | None:
    """The subject a verb shares: "... and said", "..., saying", "a statement saying"."""
    cur = w
    for _ in range(4):
        if not cur.head:
            return None
        head = tree.word(cur.head)
        if cur.deprel == "acl" and cur.low.endswith("ing") and nominal(head):
            return noun_phrase(tree, head, skip={cur.index})
        if cur.deprel not in ("conj", "advcl", "xcomp"):
            return None
        if cur.deprel == "advcl" and not cur.low.endswith("ing") and head.lemma not in CHAIN_LEMMAS:
            return None
        subj = tree.kid(head.index, "nsubj")
        if subj is not None and subj.low not in RELATIVE_PRONOUNS:
            return noun_phrase(tree, subj)
        cur = head
    return None


def noun_phrase(tree: Tree, head: Word, skip: Iterable[int] = ()) -> Offsets | None:
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


def addressee_media(tree: Tree, w: Word) -> list[Offsets]:
    """ "told state media that ...": the outlet told is a relay."""
    if w.lemma not in ("tell", "say"):
        return []
    for k in tree.kids(w.index, "obj", "iobj", "obl"):
        if k.low in MEDIA_HEADS or k.text.lower() in lexicon.words("media_outlets"):
            span = noun_phrase(tree, k)
            if span is not None:
                return [span]
    return []
