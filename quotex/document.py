"""The document model: the working records every stage reads and extends.

A ``Context`` holds one document's text with its paragraphs, sentences, quoted pieces and cues; a
``Draft`` is a quote under construction, handed from stage to stage until the attribution stage
turns it into a public ``Quote``.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
import time
from typing import Final

from quotex.errors import DocumentTimeout

# bisect's functions as constants of this module: compiled, it then calls them directly instead of
# looking each up on the bisect module first
_bisect_left: Final = bisect.bisect_left
_bisect_right: Final = bisect.bisect_right

#: A stretch of the caller's text as ``(start, end)`` offsets (the public record is ``records.Span``).
Offsets = tuple[int, int]
#: A word token: the offsets of one word or punctuation mark.
Tok = tuple[int, int]

#: Seconds a pattern whose running time is not plainly linear may run before it is stopped:
#: the acronym definitions ("Federal Security Service (FSB)"), which may back off word by word.
#: The other patterns run without one: each can read what it sees only one way (quote marks,
#: runs of names, sentence ends, tokens, cues) or sees one sentence or one mention at a time,
#: and is linear in it; a timeout costs the ``regex`` engine 1-2 microseconds a call (more than
#: most of those matches take), the standard library's engine has none, and a document as a
#: whole is still bounded by the batch time budget.
TIMEOUT: Final = 5.0

# A word: letters and digits (with combining marks), with inner apostrophes, dots, hyphens and
# ampersands: "China’s", "Caliber.Az", "O'Brien", "post-war", "AT&T", "Tenants' leader"; any other
# non-space is its own token.  The standard library's engine is used here: it is several times
# faster on this simple pattern.
_MARKS: Final = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0963\u0966-\u0dff\u0e31-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
)
#: Word characters for a character class of the standard library's engine, whose ``\w`` leaves
#: out combining marks (the ``regex`` package's takes them): ``[{WORD_CHARS}\-’']``.
WORD_CHARS: Final = "\\w" + _MARKS
# A run of word characters: letters and digits, or marks, never giving back (possessive: what
# follows is optional, so the greedy run is always the match, and the engine saves the bookkeeping).
# ASCII runs are taken a run at a time, the rest a character at a time.
_W: Final = f"(?:[A-Za-z0-9]++|[^\\W_]|[{_MARKS}])++"
# Most tokens are plain ASCII words before a space or punctuation that cannot join them to more:
# the first branch takes them without the general one's bookkeeping ("said," -> "said").
_TOKEN: Final = (
    rf"[A-Za-z0-9]++(?=[\s,;:!?)\]\"”]|\.(?![\w{_MARKS}])|\Z)"
    rf"|{_W}(?:[’'.\-&]{_W})*+(?:(?<=s)[’'](?=\s+[^\W\d_A-Z]))?|[^\s\w{_MARKS}]|_"
)
# A token with the white space before it.  Every other character starts a token, so each match
# starts where the last one ended, and the engine never tries the pattern at a space.  No groups:
# findall then hands back one string a match, not a tuple of two.  " said," -> " said", ","
TOKEN: Final = re.compile(rf"\s*+(?:{_TOKEN})")



# (a dataclass, not attrs: the compiled build makes it a native class; see setup.py)
@dataclasses.dataclass
class Segment:
    """A paragraph or sentence: offsets plus its index among its kind."""

    start: int
    end: int
    index: int


# (a dataclass, not attrs: the compiled build makes it a native class; see setup.py)
@dataclasses.dataclass
class Piece:
    """One stretch of quoted text inside one paragraph.

    ``start``/``end`` bound the content, marks excluded; ``open_mark`` and ``close_mark`` are
    the offsets of the marks (``close_mark`` is -1 when the piece runs on into the next
    paragraph).  Pieces of one multi-paragraph quotation share ``group``.
    """

    start: int
    end: int
    open_mark: int
    close_mark: int
    double: bool
    nested: bool
    group: int
    para: int


# Cue classes.  A cue may be in several: "criticized" reports, takes an object and a predicate.
REPORT: Final = "report"  # communication verb: clause with "that", a quote, or a colon
BARE: Final = "bare"  # takes a clause without "that"
BELIEF: Final = "belief"  # stance rather than speech
OBJECT: Final = "object"  # noun-phrase object is the content ("denied the reports")
PREDICATE: Final = "predicate"  # quoted predicate of an object ('called it "a farce"')
PHRASE: Final = "phrase"  # multi-word cue ("according to", "in a statement")
FRAME: Final = "frame"  # frames a quotation only ("He continued, "...""), never reported speech
FRAME_ONLY: Final = frozenset([FRAME])  # the classes of a cue that only frames quotations



# (a dataclass, not attrs: the compiled build makes it a native class; see setup.py)
@dataclasses.dataclass
class Cue:
    start: int
    end: int
    lemma: str
    classes: frozenset[str]

    @property
    def participle(self) -> bool:
        """An -ing form ("saying", "arguing"): its subject is the main clause's."""
        return self.lemma != "according to" and self.form.split(" ")[0].endswith("ing")

    form: str = ""


LAST_WORD: Final = re.compile(r"(?<![^\W\d_])([^\W\d_]++(?:-[^\W\d_]++)*+)\W*+$")  # "said the new" -> "new"
WORDS: Final = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # "the new" -> ["the", "new"]


# (a dataclass, not attrs: the compiled build makes it a native class; see setup.py)
@dataclasses.dataclass
class Draft:
    """A quote under construction."""

    spans: list[Offsets]
    kind: str
    cue: Offsets | None
    source: Offsets | None
    rule: str
    confidence: float
    para: int
    via: list[Offsets] = dataclasses.field(default_factory=list)
    hedged: bool = False
    inherit: bool = False


#: The longest stretch the rules treat as one sentence.  News sentences are far shorter; a longer
#: one (a page without full stops, a list) is cut at a comma or space so work stays linear.
MAX_SENTENCE: Final = 1500


def bounded(text: str, sents: list[Segment]) -> list[Segment]:
    """``sents`` with any sentence over ``MAX_SENTENCE`` characters cut into pieces."""
    if all(s.end - s.start <= MAX_SENTENCE for s in sents):
        return sents
    out: list[Segment] = []
    for s in sents:
        start = s.start
        while s.end - start > MAX_SENTENCE:
            limit = start + MAX_SENTENCE
            cut = max(text.rfind(", ", start, limit), text.rfind("; ", start, limit))
            cut = cut + 2 if cut > start + MAX_SENTENCE // 2 else text.rfind(" ", start, limit) + 1
            if cut <= start:
                cut = limit
            out.append(Segment(start, cut, len(out)))
            start = cut
        out.append(Segment(start, s.end, len(out)))
    return out


class Context:
    """One document's text with its paragraphs, sentences, quoted pieces and cues."""

    def __init__(self, text: str, paras: list[Segment], sents: list[Segment], pieces: list[Piece],
                 budget: float = 0.0, wrapped: bool = False) -> None:
        self.text = text
        # hard-wrapped text (segment.is_wrapped): a single newline is a space inside a paragraph
        self.wrapped = wrapped
        # the time budget, checked by the stages as they go (see check_time); 0: none
        self.budget = budget
        self.deadline = time.monotonic() + budget if budget > 0 else math.inf
        self.paras = paras
        self.para_starts = [p.start for p in paras]
        self.sents = bounded(text, sents)
        self.sent_starts = [s.start for s in self.sents]
        self.pieces = pieces
        self.groups: dict[int, list[Piece]] = {}
        for p in pieces:
            if not p.nested:
                self.groups.setdefault(p.group, []).append(p)
        self.has_double = any(p.double for p in pieces if not p.nested)
        # quoted regions: cues inside them are the speaker's words, not attributions
        self.quoted = sorted((p.start, p.end) for p in pieces if not p.nested)
        self.quoted_starts = [a for a, _ in self.quoted]
        self.piece_at = {(p.start, p.end): p for p in pieces if not p.nested}
        # tokens are made per sentence, only for the sentences a rule looks at, and kept
        self._sent_toks: dict[int, tuple[list[Tok], list[int]]] = {}
        self.cues: list[Cue] = []
        self._cue_starts: list[int] = []

    def check_time(self) -> None:
        """Raise ``DocumentTimeout`` once the document is over its time budget.

        The stages call it between steps, so a budget holds in any thread (a cluster worker's
        too), where a ``SIGALRM`` timer cannot be used.
        """
        if self.deadline != math.inf and time.monotonic() > self.deadline:
            raise DocumentTimeout(self.budget)

    def time_left(self) -> float:
        """Seconds left of the budget (``math.inf``: none)."""
        return self.deadline - time.monotonic()

    def resume(self, left: float) -> None:
        """Start the clock again with ``left`` seconds (see ``time_left``): the parse a batch of
        documents shares is not counted against any one of them."""
        if self.deadline != math.inf:
            self.deadline = time.monotonic() + left

    def set_cues(self, found: list[Cue]) -> None:
        self.cues = found
        self._cue_starts = [c.start for c in found]

    def sentence_tokens(self, sent: Segment) -> tuple[list[Tok], list[int]]:
        """The tokens of ``sent`` and their start offsets, made the first time they are asked for."""
        cached = self._sent_toks.get(sent.index)
        if cached is None:
            toks = tokens(self.text, sent.start, sent.end)
            cached = self._sent_toks[sent.index] = (toks, [t[0] for t in toks])
        return cached

    def tokens(self, start: int, end: int) -> list[Tok]:
        """The tokens that lie wholly inside ``text[start:end]``."""
        sent = self.sentence_at(start)
        if not (sent.start <= start and end <= sent.end):
            return tokens(self.text, start, end)
        toks, starts = self.sentence_tokens(sent)
        i = _bisect_left(starts, start)
        j = _bisect_left(starts, end, lo=i)
        while j > i and toks[j - 1][1] > end:
            j -= 1
        return toks[i:j]

    def cues_in(self, start: int, end: int) -> list[Cue]:
        """The cues that start inside ``text[start:end]`` and end by ``end``."""
        i = _bisect_left(self._cue_starts, start)
        j = _bisect_left(self._cue_starts, end, lo=i)
        return [c for c in self.cues[i:j] if c.end <= end]

    def sentence_at(self, pos: int) -> Segment:
        i = max(0, _bisect_right(self.sent_starts, pos) - 1)
        return self.sents[i]

    def piece_containing(self, pos: int) -> Piece | None:
        """The quoted piece whose content holds ``pos``, if any."""
        i = _bisect_right(self.quoted_starts, pos) - 1
        if i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]:
            return self.piece_at[self.quoted[i]]
        return None

    def in_quote(self, pos: int) -> bool:
        i = _bisect_right(self.quoted_starts, pos) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def word_before(self, pos: int) -> str:
        m = LAST_WORD.search(self.text[max(0, pos - 30) : pos])
        if m is None:
            return ""
        word: str = m.group(1)  # (typed, as in segment.tokens)
        return word.lower()

    def determined(self, pos: int) -> bool:
        """Is there a determiner among the two words before ``pos`` ("the new ...")?"""
        words: list[str] = WORDS.findall(self.text[max(0, pos - 40) : pos])[-2:]
        return any(w.lower() in ("a", "an", "the", "its", "their", "his", "her", "this", "that") for w in words)


def tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Word and punctuation tokens of ``text[start:end]`` as offset pairs."""
    # TOKEN runs in linear time (no two of its repeats can take the same character), so it needs
    # no timeout, which the standard library's engine does not offer.  White space at the end is
    # left out: with no token after it, it would be read to its end from each of its characters.
    while end > start and text[end - 1].isspace():
        end -= 1
    # findall hands back each token with the white space before it, as one string (no match
    # object, no tuple); since each match starts where the last one ended, the offsets follow from
    # the strings' lengths and from the white space they open with (mostly one space)
    # (typed: findall's list is of Any, and the compiled build then calls str methods generically)
    pieces: list[str] = TOKEN.findall(text, start, end)
    out: list[tuple[int, int]] = []
    pos = start
    for piece in pieces:
        stop = pos + len(piece)
        if piece[0].isspace():
            lead = 1
            while piece[lead].isspace():
                lead += 1
            pos += lead
        out.append((pos, stop))
        pos = stop
    return out
