"""Find reporting expressions (cues): one pass over the words, looked up in the lexicons."""

from __future__ import annotations

import functools
import re
from typing import Final

from quotex import lexicon
from quotex.document import BARE, BELIEF, FRAME, OBJECT, PHRASE, PREDICATE, REPORT, Cue, Draft


@functools.cache
def table() -> dict[str, tuple[str, frozenset[str]]]:
    """Every cue form (lower case) -> (lemma, classes)."""
    bare = {e.lower() for e in lexicon.load("bare_clause_verbs")}
    classes: dict[str, set[str]] = {}
    lemmas: dict[str, str] = {}
    for name, cls in (("report_verbs", REPORT), ("belief_verbs", BELIEF), ("object_verbs", OBJECT),
                      ("predicate_verbs", PREDICATE), ("evidence_verbs", REPORT), ("frame_verbs", FRAME)):
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
def evidence_forms() -> frozenset[str]:
    """The forms of the evidence verbs (``data/evidence_verbs.txt``): cues only with a document
    as the source (see ``document_sourced``)."""
    return frozenset(lexicon.verb_forms("evidence_verbs"))


def document_sourced(text: str, found: list[Cue], drafts: list[Draft]) -> list[Draft]:
    """``drafts`` without those of an evidence verb whose source is not a document: "the poll
    found that ...", "records show ..." report; "police found the car was stolen" does not."""
    evidence = {c.start for c in found if c.form in evidence_forms() and c.form not in _other_forms()}
    if not evidence:
        return drafts
    docs = lexicon.words("document_nouns")
    out = []
    for d in drafts:
        if d.cue is not None and d.cue[0] in evidence:
            words = text[d.source[0] : d.source[1]].split() if d.source else []
            head = words[-1].lower().strip(",.;:") if words else ""
            if head not in docs and not (head.endswith("s") and head[:-1] in docs):
                continue
        out.append(d)
    return out


@functools.cache
def _other_forms() -> frozenset[str]:
    """Cue forms of the other verb lexicons: a form there is a cue with any source."""
    return frozenset(f for name in ("report_verbs", "belief_verbs", "object_verbs", "predicate_verbs")
                     for f in lexicon.verb_forms(name))


@functools.cache
def _by_first_word() -> dict[bytes, tuple[tuple[str, str], ...]]:
    """First word of a cue form (ASCII bytes, as find_cues meets it) -> (form, rest of the form
    after that word), longest first."""
    out: dict[bytes, list[tuple[str, str]]] = {}
    for form in table():
        first, _, rest = form.partition(" ")
        out.setdefault(first.encode("ascii", "replace"), []).append((form, " " + rest if rest else ""))
    return {k: tuple(sorted(v, key=lambda x: -len(x[1]))) for k, v in out.items()}


@functools.cache
def _first_words() -> re.Pattern[bytes]:
    """The first words of the cue forms, as whole words, in a text's ASCII-lowered bytes (see find_cues).

    A first word is matched only where a whole form follows it (a look-ahead over every form):
    "in" is a candidate in "in a statement" but not in "in Paris", so most of the words that
    merely start a multi-word form never reach Python.  The forms make one alternation factored
    by common prefixes (``sa(?:id|ys)``), so the engine drops out of most words after a letter
    or two.  Cue forms are ASCII letters and spaces (a form with other characters, of which there
    is none, could never be found this way, so it is left out).
    """
    forms = sorted(f for f in table() if re.fullmatch("[a-z]+(?: [a-z]+)*", f))
    # the space before the word is matched, not looked back at: a pattern that opens with one
    # character lets the engine skip from space to space without trying the pattern in between
    return re.compile(rb" (?=(?:" + lexicon.trie_pattern(forms).encode() + rb")(?![a-z]))([a-z]+)")


# Bytes to what find_cues searches: ASCII letters in lower case, everything else a space.
_LETTERS_ONLY: Final = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))


def find_cues(text: str, start: int = 0, end: int | None = None, wrapped: bool = False) -> list[Cue]:
    """Cue candidates in ``text[start:end]``, in order.

    A capitalised form is a cue only at a sentence start or as a phrase ("According to"):
    mid-sentence it is part of a name ("the Washington Post", "Tell City").  In hard-wrapped text
    (``wrapped``, see segment.is_wrapped) a form's words may also be split by a single newline
    ("according\nto"); elsewhere a newline between them is a paragraph break.
    """
    forms = table()
    heads = _by_first_word()
    out: list[Cue] = []
    stop = len(text) if end is None else end
    # The words that may start a cue (cue forms are ASCII letters and spaces): one regex pass
    # over the text with its ASCII letters lowered and every other character made a space, one
    # byte a character so the offsets are the text's.  A form's spaces then also stand for other
    # characters ("in\na statement"): _longest reads the form again in the text itself, so those
    # go no further.  A run that begins right at ``start`` after a letter is no candidate either
    # way: the check below on the character before it drops it.
    # (with a space in front, for the character before each word: offsets there are one more)
    lowered = b" " + text.encode("ascii", "replace").translate(_LETTERS_ONLY)
    for m in _first_words().finditer(lowered, start, stop + 1):
        a, end = m.start(1) - 1, m.end(1) - 1
        if a > 0 and (text[a - 1].isalnum() or text[a - 1] in "-’'"):
            continue
        hit = _longest(text, end, stop, heads[m.group(1)], wrapped)
        if hit is None:
            continue
        form, b = hit
        lemma, cls = forms[form]
        if text[a].isupper() and PHRASE not in cls:
            before = text[max(0, a - 3) : a]
            if before.strip(" \"“‘'(") and not before.rstrip().endswith((".", "!", "?", "\n", ":")) and a != start:
                continue
        if form in _MODIFIERS and _noun_after(text, b, form):
            continue  # "state media said", "think tank": a modifier, not the verb
        out.append(Cue(a, b, lemma, cls, form))
    return out


# form -> the nouns it modifies ("think" -> tank), or empty for any noun of the press, a group or an institution
_MODIFIER_PAIRS: Final = [[*e.split(" ", 1), ""][:2] for e in lexicon.load("modifier_cues")]
_MODIFIERS: Final = {
    head: frozenset(noun for h, noun in _MODIFIER_PAIRS if h == head and noun) for head, _ in _MODIFIER_PAIRS
}
# The word after a cue form.  " media said" -> "media"
_NEXT_WORD: Final = re.compile(r"[ \t]+([a-z][a-z\-]*)")


def _noun_after(text: str, end: int, form: str) -> bool:
    """Is the word after ``end`` a noun ``form`` modifies: one named for it in the data ("think
    tank"), or else one for the press, a group or an institution ("state media", "state officials")?"""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    w = m.group(1)
    if _MODIFIERS[form]:
        return w in _MODIFIERS[form]
    return any(w in lexicon.words(name) for name in ("media_nouns", "group_nouns", "institutions", "org_nouns")) or (
        w.endswith("s") and w[:-1] in lexicon.words("person_nouns"))


def _longest(text: str, pos: int, stop: int, options: tuple[tuple[str, str], ...],
             wrapped: bool = False) -> tuple[str, int] | None:
    """The longest form whose remaining words follow ``pos``, with its end offset.

    ``wrapped``: a single newline between the words counts as a space (hard-wrapped text).
    """
    for form, rest in options:
        b = pos + len(rest)
        if rest and (b > stop or text[pos:b].lower() != rest) and not (
            wrapped and b <= stop and text[pos:b].replace("\n", " ").lower() == rest
        ):
            continue
        if b < len(text) and (text[b].isalnum() or text[b] == "-" or (text[b] in "’'" and text[b + 1 : b + 2] == "s")):
            continue  # "well-said", "the report's authors"
        return form, b
    return None
