"""Paragraphs, sentences and word tokens, all as offsets into the original text."""

from __future__ import annotations

import re
from typing import Final

import regex

from quotex import lexicon
from quotex.document import Segment

# A paragraph break: a newline, with any blank lines after it.  "para one\n\npara two"
PARAGRAPH_BREAK: Final = regex.compile(r"\s*\n\s*")
# White space as PARAGRAPH_BREAK's \s sees it (the standard library's \s also takes \x1c-\x1f).
# paragraphs() finds each newline with str.find and widens it over these: the same breaks as
# PARAGRAPH_BREAK.finditer, without trying the pattern at every character.  "a \r\n\n b"
_SPACES: Final = re.compile(r"[^\S\x1c-\x1f]*")
_NOT_SPACE_HERE: Final = frozenset("\x1c\x1d\x1e\x1f")

# Hard-wrapped text (wire feeds, press releases, mail archives: "...the budget on Tuesday\nafter a
# long debate...\n\nOpponents said..."): a single newline is a space inside a paragraph, and only
# blank lines separate paragraphs.  is_wrapped() decides from the document itself, in one walk
# over its newlines: it needs a blank line, no line longer than _WRAP_MAX (real paragraphs on one
# line run longer: the walk stops at the first), at least _WRAP_MIN_LINES lines that a single
# newline continues, most of them (_WRAP_SHARE) at least _WRAP_MIN long (a wrapped line stops
# near the width; a list of short lines, a dateline or an address does not), and fewer than half
# of them ending a sentence (a text with one short paragraph a line ends every line so).
_WRAP_MAX: Final = 100
_WRAP_MIN: Final = 40
_WRAP_MIN_LINES: Final = 3
_WRAP_SHARE: Final = 0.75
_SENTENCE_CLOSERS: Final = ".!?:\"”’'"

# A sentence end: . ! or ? (and closing marks or brackets), space, then an opening mark, a
# capital or a digit; the break is group 1, the white space.  "He left. She stayed."  /
# "It's over." He left.  Starting at the punctuation (not looking back to it from every space)
# lets the engine skip to the next . ! or ?.
SENTENCE_END: Final = regex.compile(
    r"""(?:[.!?][\"”’'\)\]]{0,3}|[.!?]\s?[\"”’])(\s+)(?=[\"“‘'(\[]{0,2}[\p{Lu}\p{N}])"""
)

# Words before a dot that do not end a sentence.  "Mr. Smith", "Sen. Jones", "U.S. officials"
_ABBREVIATED: Final = lexicon.load("abbreviations")
# Matched backwards from the end, where it is anchored: tried forwards, it would be tried at
# every character of the stretch before the dot.  (The dot of "Lt.Gov" takes any character.)
ABBREVIATION: Final = regex.compile(
    r"(?:\b(?:" + "|".join(_ABBREVIATED) + r")|\b\p{Lu}|\b(?:\p{L}\.){1,4}\p{L}|a\.m|p\.m)\.$", regex.REVERSE
)
# Every ABBREVIATION match ends in a letter and a dot, and either that letter stands alone
# ("J.", "U.S.", "a.m.") or the dot closes one of the words: a cheap test before the pattern.
_ABBREVIATED_ENDS: Final = tuple(f"{word.rpartition('.')[2]}." for word in _ABBREVIATED)


def _abbreviation(before: str) -> bool:
    """Does ``before``, which ends in a dot (or a dot and a newline), end in an abbreviation?"""
    core = before[:-1] if before.endswith("\n") else before
    if not core[-2:-1].isalpha():
        return False
    if core[-3:-2].isalpha() and not core.endswith(_ABBREVIATED_ENDS):
        return False
    return ABBREVIATION.search(before) is not None


def is_wrapped(text: str) -> bool:
    """Is ``text`` hard-wrapped: paragraphs split by blank lines, lines broken near a fixed width?"""
    breaks = 0  # blank lines between two lines of text
    inner = 0  # lines of text that a single newline runs on into the next
    long_inner = 0  # ... at least _WRAP_MIN long
    closed = 0  # ... that end in a sentence's closing punctuation
    previous = -2  # the previous line's length; -1: it was blank; -2: no text yet
    previous_closes = False
    start = 0
    while True:
        newline = text.find("\n", start)
        line = text[start : newline if newline >= 0 else len(text)].rstrip()
        if len(line) > _WRAP_MAX:
            return False
        if not line or line.isspace():
            if previous >= 0:
                previous = -1
        else:
            if previous >= 0:
                inner += 1
                long_inner += previous >= _WRAP_MIN
                closed += previous_closes
            elif previous == -1:
                breaks += 1
            previous = len(line)
            previous_closes = line[-1] in _SENTENCE_CLOSERS
        if newline < 0:
            break
        start = newline + 1
    return breaks > 0 and inner >= _WRAP_MIN_LINES and long_inner >= _WRAP_SHARE * inner and 2 * closed < inner


def paragraphs(text: str, wrapped: bool | None = None) -> list[Segment]:
    """Split at newlines (only at blank lines when the text is hard-wrapped); each paragraph is trimmed.

    ``wrapped``: whether the text is hard-wrapped, when the caller knows (None: see is_wrapped).
    """
    out: list[Segment] = []
    pos = 0
    if wrapped is None:
        wrapped = is_wrapped(text)
    newline = text.find("\n")
    while newline >= 0:
        space = _SPACES.match(text, newline)
        run_end = space.end() if space is not None else newline + 1  # (the pattern always matches)
        if wrapped and run_end < len(text) and text.find("\n", newline + 1, run_end) < 0:
            # a single newline inside a wrapped paragraph: white space, not a break
            newline = text.find("\n", run_end)
            continue
        # the break runs over the white space on both sides of the newline (never back past pos,
        # where the last break ended, so the walk stays linear)
        start = newline
        while start > pos and text[start - 1].isspace() and text[start - 1] not in _NOT_SPACE_HERE:
            start -= 1
        if start > pos:
            out.append(Segment(pos, start, len(out)))
        pos = run_end
        newline = text.find("\n", pos)
    end = len(text.rstrip())
    if end > pos:
        lead = len(text[pos:end]) - len(text[pos:end].lstrip())
        out.append(Segment(pos + lead, end, len(out)))
    if out and out[0].start < len(text):
        first = out[0]
        lead = len(text[first.start : first.end]) - len(text[first.start : first.end].lstrip())
        out[0] = Segment(first.start + lead, first.end, 0)
    return [p for p in out if p.end > p.start]


def sentences(text: str, paras: list[Segment]) -> list[Segment]:
    """Split each paragraph into sentences; no sentence crosses a paragraph."""
    out: list[Segment] = []
    # No timeouts here (they cost a third of the time): SENTENCE_END is tried only at . ! and ?,
    # each time over one run of white space; ABBREVIATION only ever sees a dozen characters.
    for para in paras:
        start = para.start
        # from two characters back: a paragraph that opens with a closing mark ends the sentence
        # before it ('... he said.\n" Yes'); a break before the paragraph is none of its own
        for m in SENTENCE_END.finditer(text, max(0, para.start - 2), para.end):
            brk, end = m.span(1)
            if brk < para.start:
                continue
            before = text[max(start, brk - 12) : brk].rstrip("\"”’')]")
            # ABBREVIATION ends in "\.$" ($: the end, or before a final newline)
            if before.endswith((".", ".\n")) and _abbreviation(before):
                continue
            if brk > start:
                out.append(Segment(start, brk, len(out)))
            start = end
        if para.end > start:
            out.append(Segment(start, para.end, len(out)))
    return out
