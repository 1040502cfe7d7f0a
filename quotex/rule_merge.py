"""Merge the rules' drafts: drop the indirect drafts that restate a direct quote, keep text order."""

from __future__ import annotations

import bisect
from typing import Final

from quotex.document import Context, Draft
from quotex.offsets import overlap

# (a constant for the compiled build, as in offsets.py)
_bisect_left: Final = bisect.bisect_left


def merge(ctx: Context, direct: list[Draft], indirect: list[Draft]) -> list[Draft]:
    """Drop indirect drafts that restate a direct quote; keep the rest in text order."""
    out = list(direct)
    quoted = sorted((b, q.kind) for q in direct for b in q.spans)
    starts = [b[0] for b, _ in quoted]
    longest = max((b[1] - b[0] for b, _ in quoted), default=0)
    for d in indirect:
        dup = False
        for a in d.spans:
            # only direct spans that start before this one ends, and not too far before it
            i = _bisect_left(starts, a[1])
            lo = _bisect_left(starts, a[0] - longest, hi=i)
            for b, _ in quoted[lo:i]:
                ov = overlap(a, b)
                if ov > 0 and (ov >= 0.5 * (a[1] - a[0]) or (ov >= 0.8 * (b[1] - b[0]) and d.kind != "mixed")):
                    dup = True
        if not dup:
            out.append(d)
    out.sort(key=lambda d: d.spans[0][0])
    return out
