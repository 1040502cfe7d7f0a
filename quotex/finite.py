"""The open test for a reported clause without "that": a subject followed by a finite verb.

``Officials said police received the call``, ``He told detectives he was at home``, ``She said
the company, which employs 300 people, would close``: what follows the cue is a clause when a
subject is followed, within a few words, by an auxiliary, a past form, or a present form that
agrees with it.  ``maintained a neutral stance``, ``proposed a bill that would ...`` and
``felt a tap on the shoulder`` give no clause: their object is a noun phrase.
"""

from __future__ import annotations

from typing import Final

from quotex import lexicon
from quotex.document import Tok
from quotex.offsets import word
from quotex.patterns import APOSTROPHE, FINITE, NO_START
from quotex.phrases import DETERMINERS, NUMBER_WORDS

# Subject pronouns that are never objects: "said he would run"
_NOMINATIVE: Final = frozenset({"he", "she", "they", "we", "i"})
# A relative word after the first noun phrase: "proposed a bill that would ..." is a noun phrase.
_RELATIVES: Final = frozenset({"that", "which", "who", "whom", "whose"})
# Words ending in -ed that are no past forms.
_NOT_PAST: Final = frozenset({"hundred", "red", "bed", "need", "speed", "seed", "indeed", "shed", "greed",
                              "creed", "weed", "breed", "sacred", "naked", "wicked", "ragged", "kindred"})
_POSSESSIVE_ENDS: Final = ("'s", "’s", "s'", "s’")
# Within how many words of its first word a clause's verb comes ("the number of people killed
# in the attack was ..."), for a cue that takes a bare clause as a rule and for others.
LONG_REACH: Final = 24
REACH: Final = 10
# "he’s", "it’ll", "there’d": a subject and its auxiliary in one token
_CONTRACTED: Final = frozenset({"s", "re", "ll", "d", "ve", "m"})
_CONTRACTING: Final = frozenset({"it", "that", "there", "who", "you", "this"})
# Quantifiers that stand alone as a subject: "many doubted her"
_QUANTIFIERS: Final = frozenset({"many", "some", "most", "all", "both", "several", "few", "others", "each", "none"})
# Marks around an aside inside the subject
_ASIDE_MARKS: Final = frozenset({",", "–", "—", "("})
# Prepositions of an adverbial with an -ing form: "estimated the population by observing ..."
_MANNER: Final = frozenset({"by", "after", "before", "without", "through", "upon"})
_COORDINATORS: Final = frozenset({"and", "or", "but", "nor"})
# Auxiliaries and modals: a verb for sure, whatever follows
_AUXILIARIES: Final = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
                                 "can", "could", "should", "may", "might", "must", "do", "does", "did"})
_QUOTE_MARKS: Final = frozenset({'"', "“", "”", "‘", "’", "'", "«", "»"})
# Words that open a clause of their own inside a noun phrase ("frustration with what it sees")
_WH: Final = frozenset({"what", "how", "why", "where", "when", "whether", "if"})


def _read_verbs() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The verbs of ``data/clause_verbs.txt``: base forms, -s forms, past forms."""
    base: set[str] = set()
    third: set[str] = set()
    past: set[str] = set()
    for entry in lexicon.load("clause_verbs"):
        lemma, *irregular = entry.lower().split()
        base.add(lemma)
        for form in lexicon.inflect(lemma):
            if form.endswith("s") and form != lemma:
                third.add(form)
            elif form.endswith("d") and form != lemma:
                past.add(form)
        past.update(f for f in irregular if f not in ("has",))
        third.update(f for f in irregular if f == "has")
    return frozenset(base), frozenset(third), frozenset(past)


_BASE, _THIRD, _PAST = _read_verbs()


def _contraction(low: str) -> tuple[str, str]:
    """ "he’s" -> ("he", "s"); a word without an apostrophe -> (word, "")."""
    parts = APOSTROPHE.split(low, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (low, "")


def _lower_word(w: str) -> bool:
    return w.isalpha() and w.islower()


def is_verb(w: str, prev: str, nxt: str, second: bool = False) -> bool:
    """Is ``w`` (lower case as written) a finite verb after ``prev`` and before ``nxt``?

    ``second``: ``prev`` is the first word of the clause, where a quantifier stands alone
    ("many doubted her", "some said").
    """
    low = w.lower()
    if low in FINITE or low.endswith(("n't", "n’t")):
        return True
    if not _lower_word(w):
        return False
    p = prev.lower()
    # after a determiner or a possessive a word is an adjective or a noun: "the injured man",
    # "the company's planned closure", "a need"
    if p in _CONTRACTING and low.endswith("s") and not low.endswith("ss"):
        return True  # "it underscores", "this means"
    if (p in DETERMINERS and not (second and p in _QUANTIFIERS)) or p.endswith(_POSSESSIVE_ENDS) or p in NO_START:
        return False
    base, third, past = _BASE, _THIRD, _PAST
    if low in past:
        return True
    if low.endswith("ed") and len(low) > 3 and low not in _NOT_PAST:
        # "39 injured people": after a number, a past form is an adjective unless nothing
        # noun-like follows ("said 39 died in the blast")
        if p[:1].isdigit() or p in NUMBER_WORDS:
            return not _lower_word(nxt) or nxt in NO_START
        return True
    if low in third:
        return True
    if low in base:
        # a plural subject: "questions remain", "officials plan to"
        return (p.endswith("s") and not p.endswith("ss") and len(p) > 3) or p in ("people", "police", "children")
    return False


def clause_at(text: str, toks: list[Tok], j: int, strong: bool = True) -> bool:
    """Does a finite clause start at ``toks[j]``: a subject, then its verb?

    ``strong``: the cue takes a bare clause as a rule (say, claim, believe): the subject may run
    long ("Texas Sen. Ted Cruz says President Barack Obama’s new actions to more tightly
    regulate gun sales aren’t ...").  Other cues ("proposed a plan aimed at ...") need the verb
    soon, and a past form before a preposition reads as a participle there.
    """
    n = len(toks)
    if j >= n:
        return False
    first = word(text, toks[j])
    low = first.lower()
    if not first[:1].isalnum() or low in NO_START or low in _RELATIVES - {"that"} or low in _COORDINATORS:
        return False
    if first.islower() and low.endswith("ed") and len(low) > 4 and low not in _NOT_PAST:
        return False  # "repeated failed attempts": a clause does not open with a verb form
    head, rest = _contraction(low)
    if rest in _CONTRACTED and (head in _NOMINATIVE or head in _CONTRACTING):
        return True  # "says he’s heading", "said it’ll"
    if low in _NOMINATIVE:
        # "said he would run", "said they had": anything but a preposition or a mark after it
        nxt = word(text, toks[j + 1]) if j + 1 < n else ""
        return nxt[:1].isalpha() and nxt.lower() not in NO_START
    x = j + 1
    limit = min(n, j + (LONG_REACH if strong else REACH))
    prev = first
    while x < limit:
        w = word(text, toks[x])
        lw = w.lower()
        nxt = word(text, toks[x + 1]) if x + 1 < n else ""
        if w in _QUOTE_MARKS or (w == "." and x + 1 < n):
            x += 1  # 'Hillary Clinton’s “judgment” and “honesty” are', "U.S. citizens"
            continue
        if w in _ASIDE_MARKS:
            if w == "," and prev[-1:].isdigit() and nxt[:1].isdigit():
                x += 1  # "4,000"
                continue
            # "the company, which employs 300 people, would close", "his collaborator Brian
            # Burton, AKA Danger Mouse, wrote": past a relative clause or an appositive
            closing = ")" if w == "(" else w
            close = next((y for y in range(x + 1, min(n, x + 16)) if word(text, toks[y]) == closing), -1)
            if close < 0 or not (strong or nxt.lower() in ("which", "who", "whose", "a", "an", "the")):
                return False
            x = close + 1
            limit = max(limit, min(n, x + 4))
            continue
        if not w[:1].isalnum():
            return False
        if not strong and (lw in _RELATIVES or (lw in _WH and x > j + 1)):
            # "proposed a bill that would ...", "signals frustration with what it sees as ...":
            # a noun phrase with a clause of its own
            return False
        if not strong and lw in _MANNER and nxt.islower() and nxt.endswith("ing") and len(nxt) > 4:
            return False  # "estimate the population by observing ...": an adverbial, the noun phrase ended
        if _contraction(lw)[1] in ("re", "ll", "ve", "d", "m") or is_verb(w, prev, nxt, x == j + 1):
            # not "a plan aimed at fostering dialogue", "proteins found only in slug glue"
            return strong or lw in _AUXILIARIES or lw.endswith("s") or not (
                nxt.lower() in NO_START or nxt.lower() == "only")
        prev = w
        x += 1
    return False
