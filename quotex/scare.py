"""Scare quotes: quoted names, titles and terms, which are nobody's words."""

from __future__ import annotations

import bisect
from typing import Final

from quotex.document import Context, Offsets, Piece

# Words before a quoted term that show it is a name for something, not speech.
TERM_LEAD: Final = frozenset(
    "a an the so-called called dubbed named titled labeled labelled known as term word phrase "
    "slogan his her their its our this that".split()
)
TITLE_INNER: Final = frozenset("of the and a an in on for to with at by from or vs.".split())
END_PUNCT: Final = ".,!?…;:"


def is_term(ctx: Context, group: list[Piece]) -> bool:
    """A scare quote, name or title rather than somebody's words."""
    content = " ".join(ctx.text[p.start : p.end] for p in group).strip()
    words = content.split()
    if not words:
        return True
    if len(words) >= 2 and content[-1] not in "!?" and all(
        w[:1].isupper() or w.lower() in TITLE_INNER for w in words
    ) and words[0][:1].isupper():
        return True  # a title or name: "Meet the Press," "This Week with George Stephanopoulos"
    if content[-1] in END_PUNCT:
        return False
    if len(words) == 1:
        return True
    if len(words) <= 6:
        lead = ctx.word_before(group[0].open_mark)
        if lead in TERM_LEAD:
            return True
        if len(words) <= 4 and ctx.determined(group[0].open_mark):
            return True  # 'the new "smart border" system': a name for a thing
        if not group[0].double and ctx.has_double:
            return True
    return False


def quoted_fragment(ctx: Context, span: Offsets) -> bool:
    """Does ``span`` hold somebody's quoted words (not a scare quote or a title)?  Nominal content
    is a quote only then: 'called the move "political theater"', not "denied the reports"."""
    i = bisect.bisect_left(ctx.quoted_starts, span[0])
    while i < len(ctx.quoted) and ctx.quoted[i][0] < span[1]:
        piece = ctx.piece_at[ctx.quoted[i]]
        if piece.end <= span[1] + 1 and not is_term(ctx, ctx.groups[piece.group]):
            return True
        i += 1
    return False
