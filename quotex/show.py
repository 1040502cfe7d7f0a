"""The article view: the text with each quote's content highlighted by kind, its cue in bold, its
source underlined and a label with the speaker and source type, as ``quotex show`` writes it and
Jupyter shows it (``Article._repr_html_``).

Plain HTML and CSS, no script and no library: the text is cut at every boundary of a content, cue or
source span, and each piece is wrapped in the marks that cover it, so overlapping quotes still give
well-formed HTML.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs

from quotex.records import Document, Quote

#: The background of each kind's content, and its legend.
KIND_COLOURS: Final = {"direct": "#cfe3ff", "indirect": "#d8f0d2", "mixed": "#ffe2c2"}

STYLE: Final = """
.qx-article { font-family: Georgia, "Times New Roman", serif; font-size: 1.02rem; line-height: 1.7;
              white-space: pre-wrap; max-width: 46rem; }
.qx-article mark { padding: .1rem 0; border-radius: 2px; color: inherit; background: transparent; }
.qx-article .qx-direct { background: #cfe3ff; } .qx-article .qx-indirect { background: #d8f0d2; }
.qx-article .qx-mixed { background: #ffe2c2; }
.qx-article .qx-cue { font-weight: bold; } .qx-article .qx-source { text-decoration: underline 2px; }
.qx-label { font-family: system-ui, sans-serif; font-size: .68rem; font-weight: bold; white-space: nowrap;
            background: #333; color: #fff; border-radius: 3px; padding: .05rem .3rem; margin: 0 .2rem;
            vertical-align: .1rem; }
.qx-legend { font-family: system-ui, sans-serif; font-size: .85rem; margin: .5rem 0 1rem; }
.qx-legend span { padding: .1rem .4rem; margin-right: .5rem; border-radius: 2px; }
.qx-table { border-collapse: collapse; font-family: system-ui, sans-serif; font-size: .85rem; }
.qx-table th, .qx-table td { padding: .2rem .5rem; border-bottom: 1px solid #e3e3e3; text-align: left; }
"""


def label(quote: Quote) -> str:
    """The label shown after a quote: its speaker (or source type alone) and source type."""
    kind = quote.source_type.replace("_", " ")
    return f"{quote.speaker} · {kind}" if quote.speaker else kind


def highlight(text: str, quotes: Sequence[Quote]) -> str:
    """``text`` as HTML, with the quotes' contents, cues and sources marked and a label after each quote."""
    # every place a mark opens or closes, and where each quote's label goes (after its last piece)
    cuts = {0, len(text)}
    for q in quotes:
        for span in (*q.content, q.cue, q.source):
            if span is not None:
                cuts.update((max(0, span.start), min(len(text), span.end)))
    labels: dict[int, list[str]] = {}
    for q in quotes:
        if q.content:
            labels.setdefault(min(len(text), q.end), []).append(label(q))
    points = sorted(cuts)
    out: list[str] = []
    for start, end in itertools.pairwise(points):
        piece = html.escape(text[start:end])
        classes = _classes(quotes, start, end)
        out.append(f'<mark class="{" ".join(classes)}">{piece}</mark>' if classes else piece)
        for name in labels.get(end, ()):
            out.append(f'<span class="qx-label">{html.escape(name)}</span>')
    return "".join(out)


def _classes(quotes: Iterable[Quote], start: int, end: int) -> list[str]:
    """The marks of the piece ``[start, end)``: the kind of a content that covers it, cue, source."""
    classes: list[str] = []
    for q in quotes:
        if any(s.start <= start and end <= s.end for s in q.content):
            name = f"qx-{q.kind}"
            if name not in classes:
                classes.append(name)
        if q.cue is not None and q.cue.start <= start and end <= q.cue.end and "qx-cue" not in classes:
            classes.append("qx-cue")
        if q.source is not None and q.source.start <= start and end <= q.source.end and "qx-source" not in classes:
            classes.append("qx-source")
    return classes


def legend() -> str:
    kinds = "".join(f'<span style="background:{c}">{k}</span>' for k, c in KIND_COLOURS.items())
    return f'<div class="qx-legend">{kinds}<b>cue</b> · <u>source</u></div>'


def fragment(text: str, quotes: Sequence[Quote]) -> str:
    """The view of one article as an HTML fragment with its own styles (for a notebook cell)."""
    return f'<style>{STYLE}</style>{legend()}<div class="qx-article">{highlight(text, quotes)}</div>'


def page(text: str, quotes: Sequence[Quote], *, title: str = "quotex") -> str:
    """The view of one article as a complete HTML document."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>body {{ margin: 2rem auto; max-width: 48rem; padding: 0 1rem; }}"
        f"{STYLE}</style></head><body><h1 style=\"font-family: system-ui, sans-serif; font-size: 1.3rem\">"
        f"{html.escape(title)}</h1>{legend()}<div class=\"qx-article\">{highlight(text, quotes)}</div>"
        f"<h2 style=\"font-family: system-ui, sans-serif; font-size: 1.1rem\">Quotes</h2>"
        f"{quote_table(quotes, text)}</body></html>\n"
    )


def quote_table(quotes: Sequence[Quote], text: str | None = None) -> str:
    """The quotes as an HTML table: kind, speaker, source type, cue and (with ``text``) content."""
    head = ["#", "kind", "speaker", "source type", "cue", "content" if text is not None else "content span"]
    rows = []
    for i, q in enumerate(quotes):
        cue = q.cue.text(text) if q.cue is not None and text is not None else ""
        content = q.content_text(text) if text is not None else ", ".join(f"{s.start}–{s.end}" for s in q.content)
        cells = [str(i), q.kind, q.speaker or "", q.source_type.replace("_", " "), cue, content]
        rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    th = "".join(f"<th>{h}</th>" for h in head)
    return f'<table class="qx-table"><thead><tr>{th}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def document_table(document: Document) -> str:
    """A document's result as HTML, without its text: its quotes, or its error."""
    if document.error is not None:
        return f"<p><b>{html.escape(document.id)}</b>: {html.escape(document.error)}</p>"
    title = f"<p><b>{html.escape(document.id)}</b>: {len(document.quotes)} quotes</p>" if document.id else ""
    return f"<style>{STYLE}</style>{title}{quote_table(document.quotes)}"


@attrs.frozen
class Article:
    """One text with its quotes, shown with them marked: in Jupyter (``_repr_html_``) or as a page."""

    text: str
    quotes: tuple[Quote, ...]
    title: str = "quotex"

    def _repr_html_(self) -> str:
        return fragment(self.text, self.quotes)

    def html(self) -> str:
        """The article view as a complete HTML document."""
        return page(self.text, self.quotes, title=self.title)


def view(text: str, *, title: str = "quotex", **options: Any) -> Article:
    """Extract the quotes of ``text`` (``options`` are ``Extractor``'s) and return them in its view.

    In Jupyter the result shows itself; ``.html()`` gives the page ``quotex show`` writes.
    """
    from quotex.extractor import Extractor

    return Article(text, tuple(Extractor(**options).extract(text)), title)
