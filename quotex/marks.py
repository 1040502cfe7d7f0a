"""Find quote marks, tell them from apostrophes, and pair them into quoted pieces."""

from __future__ import annotations

import bisect
import re
from typing import Final

import regex

from quotex import lexicon
from quotex.document import Piece, Segment

# (a constant for the compiled build, as in offsets.py)
_bisect_left: Final = bisect.bisect_left

# Every character that may open or close a quotation.  "…", “…”, „…“, «…», ‘…’, '…', ‹…›
# Also '' and ``, newspaper and TeX style doubles: a mark, then the second ' or ` of a pair, or
# nothing after any mark but a lone `.  (Written as one character set first, not as a choice of
# ''|``|[...], so that the engine skips from mark to mark instead of trying at every character.)
MARK: Final = re.compile(r"[\"“”„‟«»‘’‚‛'‹›`](?:(?<=')'|(?<=`)`|(?<!`))")

DOUBLE_OPEN: Final = "“„‟«"
DOUBLE_CLOSE: Final = "”»"
SINGLE_OPEN: Final = "‘‚‛‹"
SINGLE_CLOSE: Final = "’›"

# Elisions that start with an apostrophe: ’90s, 'em, 'til, rock 'n' roll.
ELISION: Final = regex.compile(
    r"(?:\p{N}|" + "|".join(rf"{regex.escape(w)}\b" for w in lexicon.load("elisions")) + ")", regex.IGNORECASE
)


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _role(text: str, i: int, lo: int, hi: int) -> str:
    """``open``, ``close``, ``either`` or ``apostrophe`` for the mark at ``text[i]``."""
    ch = text[i]
    if ch in "’'" and lo < i < hi - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
        return "apostrophe"  # between two letters or digits (China’s, don't): half of all marks
    prev = text[i - 1] if i > lo else " "
    width = 2 if text.startswith(("''", "``"), i) else 1
    nxt = text[i + width] if i + width < hi else " "
    if width == 2:
        ch = "\""  # ''newspaper style'' and ``TeX style'' double quotes
    if ch == "“" and (_is_word(prev) or prev in ".,!?…") and (nxt.strip() == "" or nxt in ".,;:!?"):
        return "either"  # „German style“ or a misused mark: closes an open quotation
    if ch in DOUBLE_OPEN or ch in SINGLE_OPEN:
        return "open"
    if ch in "»›":
        if (prev.strip() == "" or i == lo) and _is_word(nxt):
            return "open"  # »reversed guillemets«, as German outlets print them
        return "close"
    if ch in "«‹" and (_is_word(prev) or prev in ".,!?…") and (nxt.strip() == "" or nxt in ".,;:!?"):
        return "close"
    if ch in "’'":
        if _is_word(prev) and _is_word(nxt):
            return "apostrophe"  # don't, China’s, O'Brien
        if prev.strip() == "" or prev in "([{—–-\"“:":
            if ELISION.match(text, i + 1, hi) or nxt.strip() == "":
                return "apostrophe"
            return "open" if ch == "'" else "either"
        if prev in "sS" and _is_word(nxt := text[i + 1 : i + 3].strip()[:1]) and nxt.islower():
            return "possessive"  # "the teachers' union": a close only if nothing else closes
        if _is_word(prev) or prev in ".,!?;:…)]-–—":
            return "close"
        return "apostrophe"
    # straight double quote, or a curly one used the other way round
    prev_space = prev.strip() == "" or prev in "([{—–-:/"
    next_space = nxt.strip() == "" or nxt in ".,;:!?)]}…—–"
    if ch == "”":
        return "close" if not (prev_space and not next_space) else "either"
    if prev_space and not next_space:
        return "open"
    if next_space and not prev_space:
        return "close"
    return "either"


def _may_run_on(text: str, lo: int, mark: int, hi: int, continuing: bool) -> bool:
    """Can a quotation left open at ``hi`` be the first part of a multi-paragraph quote?

    Yes when it opens the paragraph, follows a colon or comma, or runs long; a stray mark
    inside a sentence ('approve the "budget plan on Monday.') does not.
    """
    if continuing:
        return True
    before = text[lo:mark].rstrip()
    if not before or before.endswith((":", ",", ".", "!", "?", "\"", "”", "'")):
        return True
    return len(text[mark:hi].split()) >= 12


def find_pieces(text: str, paras: list[Segment]) -> list[Piece]:
    """Pair the quote marks of ``text`` into pieces, paragraph by paragraph.

    Stray marks are left unpaired rather than failing the document; a quotation left open at
    a paragraph's end runs on only when the next paragraph opens with a mark of the same kind
    (news style), and is dropped otherwise.
    """
    pieces: list[Piece] = []
    group = 0
    carry = False  # a double quotation runs on from the previous paragraph
    carry_group = -1
    # Every mark of the text in one pass; each paragraph takes its own by bisection, and one
    # without marks (most of them) costs nothing more.
    # (the standard library's engine: a character or a pair of them, so no timeout is needed)
    every = [m.span() for m in MARK.finditer(text)]
    every_starts = [a for a, _ in every]
    for p_index, para in enumerate(paras):
        lo, hi = para.start, para.end
        i = _bisect_left(every_starts, lo)
        found = every[i : _bisect_left(every_starts, hi, lo=i)]
        if (i > 0 and every[i - 1][1] > lo) or (found and found[-1][1] > hi):
            # a two-character mark across the paragraph's edge: scan the paragraph on its own
            found = [m.span() for m in MARK.finditer(text, lo, hi)]
        if not found and not carry:
            continue  # nothing to pair, nothing running on: this paragraph changes nothing
        d_open = -1  # offset of the open double mark
        s_open = -1
        s_nested = False
        chain_group = -1
        width = {a: b - a for a, b in found}
        marks = [(a, _role(text, a, lo, hi)) for a, _ in found]
        if carry:
            if marks and marks[0][1] in ("open", "either") and text[marks[0][0]] in "\"“„«'`" and (
                text[lo : marks[0][0]].strip() == ""
            ):
                chain_group = carry_group
            else:
                # the previous paragraph's open quotation never closed: drop its chain
                pieces = [pc for pc in pieces if pc.group != carry_group]
        carry = False
        for pos, role in marks:
            ch = text[pos] if width[pos] == 1 else "\""
            if role == "apostrophe":
                continue
            is_double = ch in "\"“”„‟«»"
            if is_double:
                if d_open < 0:
                    if role in ("open", "either"):
                        d_open = pos
                        s_open = -1  # a single quote left open outside is a stray
                    continue
                if role == "open" and ch in DOUBLE_OPEN and not (ch == "«" and text[d_open] == "»"):
                    # a second opener: the first one was stray
                    d_open = pos
                    s_open = -1
                    continue
                g = chain_group if chain_group >= 0 and not any(
                    pc.group == chain_group and pc.para == p_index for pc in pieces
                ) else group
                if g == group:
                    group += 1
                pieces.append(Piece(d_open + width[d_open], pos, d_open, pos, True, False, g, p_index))
                chain_group = -1
                d_open = -1
                s_open = -1
                continue
            # single marks
            if s_open < 0:
                if role in ("open",) or (role == "either" and ch != "’"):
                    s_open = pos
                    s_nested = d_open >= 0
                continue
            if role == "open":
                s_open = pos
                s_nested = d_open >= 0
                continue
            if role == "possessive":
                later = [r for p2, r in marks if p2 > pos and text[p2] in "’'" and r == "close"]
                if later:
                    continue
                role = "close"
            if role in ("close", "either"):
                if s_nested == (d_open >= 0):
                    pieces.append(Piece(s_open + 1, pos, s_open, pos, False, s_nested, group, p_index))
                    group += 1
                s_open = -1
        if d_open >= 0 and not _may_run_on(text, lo, d_open, hi, chain_group >= 0):
            pieces = [pc for pc in pieces if pc.group != chain_group] if chain_group >= 0 else pieces
            d_open = -1
        if d_open >= 0:
            # open at the paragraph's end: it may run on into the next paragraph
            g = chain_group if chain_group >= 0 else group
            if g == group:
                group += 1
            pieces.append(Piece(d_open + width[d_open], hi, d_open, -1, True, False, g, p_index))
            carry = True
            carry_group = g
    if carry:
        pieces = [pc for pc in pieces if pc.group != carry_group]
    return [pc for pc in pieces if pc.end > pc.start and text[pc.start : pc.end].strip()]
