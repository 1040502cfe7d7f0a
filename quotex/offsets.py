"""Small helpers the rules share on offsets into the text: a token's word, a trimmed stretch, an overlap."""

from __future__ import annotations

import bisect
from typing import Final

from quotex.document import Context, Offsets, Tok

# bisect's functions as constants of this module: compiled, it then calls them directly instead of
# looking each up on the bisect module first
_bisect_left: Final = bisect.bisect_left
_bisect_right: Final = bisect.bisect_right


def word(text: str, tok: Tok) -> str:
    """The text of one token."""
    return text[tok[0] : tok[1]]


def after_comma(text: str, pos: int) -> bool:
    """Does a comma come right before ``pos``, closing marks aside? ('"playing dumb," arguing')"""
    return text[max(0, pos - 6) : pos].rstrip().rstrip("\"”’'").endswith(",")


def trim(text: str, a: int, b: int) -> Offsets:
    """``(a, b)`` without the white space around it and the full stops at its end."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == "."):
        b -= 1
    return a, b


def overlap(a: Offsets, b: Offsets) -> int:
    """How many characters two stretches share (negative: how far apart they are)."""
    return min(a[1], b[1]) - max(a[0], b[0])


def token_at(starts: list[int], pos: int) -> int | None:
    """The index of the token that starts at ``pos``, given the tokens' start offsets."""
    i = _bisect_left(starts, pos)
    return i if i < len(starts) and starts[i] == pos else None


def para_of(ctx: Context, pos: int) -> int:
    """The index of the paragraph that holds ``pos``."""
    i = _bisect_right(ctx.para_starts, pos) - 1
    return ctx.paras[i].index if i >= 0 else 0
