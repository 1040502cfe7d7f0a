"""Find reporting expressions (cues) with one pass of a lexicon-driven regex."""

from __future__ import annotations

import functools

import attrs
import regex

from quotex import lexicon
from quotex.segment import TIMEOUT

# Cue classes.  A cue may be in several: "criticized" reports, takes an object and a predicate.
REPORT = "report"  # communication verb: clause with "that", a quote, or a colon
BARE = "bare"  # takes a clause without "that"
BELIEF = "belief"  # stance rather than speech
OBJECT = "object"  # noun-phrase object is the content ("denied the reports")
PREDICATE = "predicate"  # quoted predicate of an object ('called it "a farce"')
PHRASE = "phrase"  # multi-word cue ("according to", "in a statement")


@attrs.frozen
class Cue:
    start: int
    end: int
    lemma: str
    classes: frozenset[str]

    @property
    def participle(self) -> bool:
        """An -ing form ("saying", "arguing"): its subject is the main clause's."""
        return self.lemma not in ("according to",) and regex.search(r"ing(?: \w+)?$", self.form) is not None

    form: str = ""


@functools.cache
def _table() -> dict[str, tuple[str, frozenset[str]]]:
    """Every cue form (lower case) -> (lemma, classes)."""
    bare = {e.lower() for e in lexicon.load("bare_clause_verbs")}
    classes: dict[str, set[str]] = {}
    lemmas: dict[str, str] = {}
    for name, cls in (("report_verbs", REPORT), ("belief_verbs", BELIEF), ("object_verbs", OBJECT),
                      ("predicate_verbs", PREDICATE)):
        for form, lemma in lexicon.verb_forms(name).items():
            classes.setdefault(form, set()).add(cls)
            if lemma.split()[0] in bare:
                classes[form].add(BARE)
            lemmas.setdefault(form, lemma)
    for phrase in lexicon.load("cue_phrases"):
        key = phrase.lower()
        classes.setdefault(key, set()).add(PHRASE)
        lemmas.setdefault(key, key)
    return {form: (lemmas[form], frozenset(cls)) for form, cls in classes.items()}


@functools.cache
def _pattern() -> regex.Pattern[str]:
    # "said", "pointed out", "According to": whole words, longest form first (named list)
    forms = sorted(_table(), key=len, reverse=True)
    return regex.compile(r"(?<![\p{L}\p{N}\-’'])(?:\L<forms>)(?![\p{L}\p{N}\-])", regex.IGNORECASE, forms=forms)


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[Cue]:
    """Cue candidates in ``text[start:end]``, in order.

    A capitalised form is a cue only at a sentence start or as a phrase ("According to"):
    mid-sentence it is part of a name ("the Washington Post", "Tell City").
    """
    table = _table()
    out: list[Cue] = []
    stop = len(text) if end is None else end
    for m in _pattern().finditer(text, start, stop, timeout=TIMEOUT):
        form = m.group().lower()
        lemma, cls = table[form]
        if m.group()[0].isupper() and PHRASE not in cls:
            before = text[max(0, m.start() - 3) : m.start()]
            if before.strip(" \"“‘'(") and not before.rstrip().endswith((".", "!", "?", "\n", ":")) \
                    and m.start() != start:
                continue
        out.append(Cue(m.start(), m.end(), lemma, cls, form))
    return out
