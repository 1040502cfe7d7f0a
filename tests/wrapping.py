"""Hard-wrap a gold document at a fixed width and map its offsets: the wrapped-text copy of a gold set.

Used by ``benchmarks/wrap_gold.py`` (which writes the copy) and ``tests/test_wrapped.py`` (which
checks that every mapped span covers the same words).  Paragraphs (split at newlines) come out
separated by one blank line, and inside a paragraph only spaces are turned into newlines, so
every offset of the original has a place in the copy.
"""

from __future__ import annotations

import re
from typing import Any

# A paragraph break of the original: a newline with any white space around it.  "a\n\nb", "a \n b"
PARAGRAPH_BREAK = re.compile(r"[ \t\r\f\v]*\n\s*")


def wrap_text(text: str, width: int = 72) -> tuple[str, list[int]]:
    """``text`` hard-wrapped at ``width`` columns, and the new offset of every old one (0..len)."""
    out: list[str] = []
    where = [0] * (len(text) + 1)
    pos = 0  # next old offset to copy
    new = 0  # its offset in the copy

    def copy_paragraph(a: int, b: int) -> None:
        nonlocal new
        para = list(text[a:b])
        line = 0  # where the current line starts, in the paragraph
        for i, ch in enumerate(para):
            if ch != " " or i <= line:
                continue
            nxt = text.find(" ", a + i + 1, b)
            word_end = (nxt if nxt >= 0 else b) - a
            if word_end - line > width:
                para[i] = "\n"  # one space for one newline: the length stays
                line = i + 1
        for i in range(a, b):
            where[i] = new + i - a
        out.append("".join(para))
        new += b - a

    for brk in PARAGRAPH_BREAK.finditer(text):
        s, e = brk.span()
        copy_paragraph(pos, s)
        sep = "" if s == 0 or e == len(text) else "\n\n"  # (at the text's edges: dropped)
        where[s] = new
        for i in range(s + 1, e):
            where[i] = new + len(sep)
        out.append(sep)
        new += len(sep)
        pos = e
    copy_paragraph(pos, len(text))
    where[len(text)] = new
    return "".join(out), where


def wrap_document(doc: dict[str, Any], width: int = 72) -> dict[str, Any]:
    """A copy of a gold document (``{"id", "text", "quotes"}``) with its text wrapped and its offsets mapped."""
    text: str = doc["text"]
    wrapped, where = wrap_text(text, width)

    def span(value: Any) -> Any:
        if value is None:
            return None
        return [where[value[0]], where[value[1]]]

    quotes = []
    for quote in doc.get("quotes") or []:
        q = dict(quote)
        for key in ("content", "cue", "source"):
            if isinstance(q.get(key), list):
                if q[key] and isinstance(q[key][0], list):
                    q[key] = [span(s) for s in q[key]]
                else:
                    q[key] = span(q[key])
                text_key = f"{key}_text"
                if isinstance(q.get(text_key), str) and q[key] and not isinstance(q[key][0], list):
                    q[text_key] = wrapped[q[key][0] : q[key][1]]
        if q.get("content_spans"):
            q["content_spans"] = [span(s) for s in q["content_spans"]]
        if q.get("via"):
            q["via"] = [
                {**v, "span": span(v["span"])} if isinstance(v, dict) and v.get("span") else v for v in q["via"]
            ]
        quotes.append(q)
    return {**doc, "text": wrapped, "quotes": quotes}
