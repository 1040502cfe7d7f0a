"""The rules' shared patterns and word sets: adverbials after a cue, clause words, list gaps."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from quotex import lexicon
from quotex.document import WORD_CHARS
from quotex.phrases import DETERMINERS, OBJECT_PRONOUNS, PRONOUNS


def alternation(entries: Iterable[str]) -> str:
    """A regex alternation of lexicon entries, longest first (so "Fox News" wins over "Fox"); the
    words of an entry may be split by any white space."""
    return "|".join(r"\s+".join(re.escape(w) for w in e.split()) for e in sorted(entries, key=len, reverse=True))


# Time and place adverbials between a cue and its clause: "said on Tuesday that", "said in a
# statement that", "told reporters at the White House that" ("a news conference": "conference",
# with the word before it).  Built from word lists, so that the words a match can open with are
# known (see ``adverbial``).
_WHEN: Final = lexicon.load("time_modifiers")
_TIMES: Final = lexicon.load("time_words")
_AT: Final = lexicon.load("occasion_prepositions")
ADVERBIAL: Final = re.compile(
    rf"\s*(?:,\s*)?(?:(?:{alternation(_WHEN)})\s+)?(?:{alternation(_TIMES)})\b(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?"
    rf"(?:,\s*\d{{4}})?"
    rf"|\s*(?:,\s*)?on\s+(?:{alternation(lexicon.load('on_air'))})\b"
    rf"|\s*(?:,\s*)?(?:{alternation(_AT)})\s+(?:an?|the|his|her|their|its)\s+"
    rf"(?:[{WORD_CHARS}\-’']+\s+){{0,3}}?(?:{alternation(lexicon.load('occasion_nouns'))})\b",
    re.IGNORECASE,
)
# The first word of what follows a cue: an ADVERBIAL match opens with one of ADVERBIAL_OPENERS.
_LEAD_WORD: Final = re.compile(r"\s*(?:,\s*)?([^\W\d_]*)")
ADVERBIAL_OPENERS: Final = frozenset(w.lower() for w in [*_WHEN, *_TIMES, "on", *_AT])


def adverbial(text: str, pos: int, end: int) -> re.Match[str] | None:
    """``ADVERBIAL.match(text, pos, end)``, with most misses told by the first word alone."""
    lead = _LEAD_WORD.match(text, pos, end)
    if lead is None:
        return None  # (only where ``pos`` is past ``end``: no match there either)
    # an ASCII word is the same in any case only as its lower case (other letters may fold to it)
    word: str = lead.group(1)  # (typed, as in segment.tokens)
    if (word.isascii() and word.lower() not in ADVERBIAL_OPENERS) or word == "may":
        return None  # ("may" in lower case is the verb, not the month: "said may be ready")
    return ADVERBIAL.match(text, pos, end)


def past_adverbials(text: str, pos: int, end: int) -> int:
    """Where the adverbials from ``pos`` on end: "said [on Monday] [in a statement] that"."""
    m = adverbial(text, pos, end)
    while m and m.end() > pos:
        pos = m.end()
        m = adverbial(text, pos, end)
    return pos


# Small patterns on short slices; linear, so without timeouts (which cost more than the match).
APOSTROPHE: Final = re.compile(r"[’']")  # "she’ll" -> "she"
# An appositive after a name: ", a national student loan debt expert who ..."
APPOSITIVE_AFTER: Final = re.compile(r",\s+(?:a|an|the|who|its|his|her|their)\s")
# A conjunction right before a second cue of the same subject: "..., and reaffirmed", " but said"
AND_BEFORE: Final = re.compile(rf",?\s*(?:and|but)\s+(?:(?:he|she|they|we|I)\s+)?(?:[{WORD_CHARS}]+ly\s+|also\s+)?$")
# A short aside between a cue and its "that": "said, among other things, that"
ASIDE: Final = re.compile(rf"\s*,\s*(?:[{WORD_CHARS}’'\-]+\s+){{0,5}}[{WORD_CHARS}’'\-]+\s*,\s*(?=that\b)")
# A short adverbial aside between a cue and a bare clause: "alleged, by way of example, Mahan had"
ASIDE_BARE: Final = re.compile(
    rf"\s*,\s*(?:by|in|for|as|among|at|on|of)\s+(?:[{WORD_CHARS}’'\-]+\s+){{0,4}}[{WORD_CHARS}’'\-]+\s*,\s*"
)
# Between two quoted fragments of one list: ', an ', ' and ', ', or a '.
LIST_GAP: Final = re.compile(r"[\s,]*(?:(?:and|or|as well as)\s+)?(?:(?:a|an|the|as)\s+)?", re.IGNORECASE)
# A second verb phrase of the same subject ends the content: "... and has avoided ...".
COORDINATED: Final = re.compile(
    rf",?\s+(?:and|but)\s+(?:(?:has|have|had|is|was|were|are|will|would|also|then|later)\s+)+[{WORD_CHARS}]",
    re.IGNORECASE,
)

# Words a reported clause may start with when it has no "that".
CLAUSE_START: Final = DETERMINERS | PRONOUNS | lexicon.words("clause_start_words")
# Auxiliaries and common irregular past forms: the sign of a finite clause.
FINITE: Final = lexicon.words("finite_words")
NEGATION: Final = lexicon.words("negations")
NO_START: Final = lexicon.words("no_clause_start")
PASSIVE: Final = lexicon.words("passive_auxiliaries")
# Verbs with an addressee before their clause ("told reporters that"), and the addressees.
TELL: Final = lexicon.words("tell_verbs")
PERSON_OBJ: Final = OBJECT_PRONOUNS | lexicon.words("addressee_words")
