"""The who-is-quoted report: one self-contained HTML file, its charts inline SVG, every chart with its table.

The charts are drawn with matplotlib (the ``report`` extra): it writes SVG with no script and no
network resource, so the file opens offline, in any browser, and stays readable printed. Its text
is kept as SVG text (``svg.fonttype = "none"``), so it can be searched and copied. Every number a
chart shows is also in the table beside it.
"""

from __future__ import annotations

import functools
import html
import io
from collections.abc import Sequence
from typing import Any, Final

from quotex.records import KINDS, SOURCE_TYPES
from quotex.summary import GENDER_LABELS, Summary

#: One colour a source type, kind or gender, the same in every chart.
COLOURS: Final = {
    "named_person": "#4e79a7", "named_organization": "#f28e2b", "unnamed_person": "#76b7b2",
    "unnamed_group": "#59a14f", "anonymous": "#e15759", "media": "#edc948", "document": "#b07aa1",
    "unknown": "#bab0ac", "direct": "#4e79a7", "indirect": "#59a14f", "mixed": "#f28e2b",
    "female": "#b07aa1", "male": "#4e79a7",
}
#: Groups drawn in the per-group charts (the tables list all of them).
MAX_GROUPS: Final = 24

STYLE: Final = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto;
       max-width: 1100px; color: #222; line-height: 1.4; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2.2rem;
     border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
.lead { color: #555; margin-top: 0; }
.figures { display: flex; flex-wrap: wrap; gap: .8rem; margin: 1rem 0; }
.figure { background: #f5f6f8; border-radius: 6px; padding: .5rem .9rem; min-width: 7rem; }
.figure b { display: block; font-size: 1.4rem; }
.pair { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
.pair .chart { flex: 0 1 460px; min-width: 300px; } .pair .chart svg { width: 100%; height: auto; }
.pair table { flex: 1 1 420px; }
table { border-collapse: collapse; font-size: .85rem; }
th, td { padding: .2rem .6rem; border-bottom: 1px solid #e3e3e3; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: #666; font-size: .85rem; }
"""


def _plt() -> Any:
    """matplotlib's pyplot, set up for the report's charts (once); a clear error without it."""
    try:
        import matplotlib  # (looked up every time: cheap, and it tells when it is not installed)
    except ImportError:
        raise ImportError("quotex report draws its charts with matplotlib: pip install 'quotex[report]'") from None
    return _pyplot(matplotlib)


@functools.cache
def _pyplot(matplotlib: Any) -> Any:
    matplotlib.use("Agg")  # no screen: draw to files only
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.fonttype": "none", "font.size": 9, "axes.spines.top": False,
                         "axes.spines.right": False, "svg.hashsalt": "quotex"})
    return plt


def _svg(fig: Any) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    _plt().close(fig)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]  # the XML declaration and doctype have no place inside HTML
    start, end = svg.find("<metadata>"), svg.find("</metadata>")
    if 0 <= start < end:
        svg = svg[:start] + svg[end + len("</metadata>") :]  # the drawing program's credits, per chart
    return svg


def _barh(labels: Sequence[str], values: Sequence[float], *, colour: str = "#4e79a7",
          colours: Sequence[str] | None = None, xlabel: str = "", percent: bool = False) -> str:
    """A horizontal bar chart, first label on top, each bar with its value."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(4.8, 0.26 * max(3, len(labels)) + 0.6))
    ys = range(len(labels))
    ax.barh(list(ys), list(values), color=list(colours) if colours else colour)
    ax.set_yticks(list(ys), [_short(label) for label in labels])
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    top = max(values, default=0) or 1
    for y, v in zip(ys, values):
        ax.text(v + top * 0.01, y, f"{v:.0%}" if percent else f"{v:,.0f}", va="center", fontsize=8)
    ax.set_xlim(0, top * 1.12)
    if percent:
        ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    return _svg(fig)


def _stacked(groups: Sequence[str], parts: Sequence[str], shares: Sequence[Sequence[float]], *, xlabel: str) -> str:
    """One horizontal bar per group, split into the shares of ``parts``; a legend below."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(4.8, 0.3 * max(2, len(groups)) + 1.1))
    left = [0.0] * len(groups)
    ys = list(range(len(groups)))
    for j, part in enumerate(parts):
        widths = [row[j] for row in shares]
        ax.barh(ys, widths, left=left, color=COLOURS.get(part, "#999999"), label=part.replace("_", " "))
        left = [a + b for a, b in zip(left, widths)]
    ax.set_yticks(ys, [_short(g) for g in groups])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set_xlabel(xlabel)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.5 / max(2, len(groups)) - 0.12), ncol=4,
              frameon=False, fontsize=8)
    return _svg(fig)


def _short(label: str, width: int = 38) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def _table(head: Sequence[str], rows: Sequence[Sequence[Any]], numeric: Sequence[bool] | None = None) -> str:
    numeric = numeric or [False] * len(head)
    cells = "".join(f'<th class="n">{html.escape(h)}</th>' if n else f"<th>{html.escape(h)}</th>"
                    for h, n in zip(head, numeric))
    body = []
    for row in rows:
        tds = "".join(f'<td class="n">{_cell(v)}</td>' if n else f"<td>{_cell(v)}</td>" for v, n in zip(row, numeric))
        body.append(f"<tr>{tds}</tr>")
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1%}"
    if isinstance(value, int):
        return f"{value:,}"
    return html.escape(str(value))


def _pct(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def _section(title: str, chart: str | None, table: str, note: str = "") -> str:
    note_html = f'<p class="note">{note}</p>' if note else ""
    chart_html = f'<div class="chart">{chart}</div>' if chart else ""
    return f'<section><h2>{html.escape(title)}</h2>{note_html}<div class="pair">{chart_html}{table}</div></section>'


def render_html(summary: Summary, *, title: str = "Who is quoted", source: str = "") -> str:
    """The report page of ``summary``: a complete HTML document, with no external resource."""
    o = summary.overall
    sections = [_figures(summary), _speakers(summary), _source_types(summary), _anonymity(summary),
                _gender(summary), _kinds(summary), _intermediaries(summary), _hedged(summary), _per_article(summary)]
    lead = f"{o['documents']:,} documents, {o['quotes']:,} quotes"
    if source:
        lead += f" · {html.escape(source)}"
    if summary.by:
        lead += f" · grouped by {html.escape(summary.by)}"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>"
        f'<h1>{html.escape(title)}</h1><p class="lead">{lead}</p>{"".join(sections)}'
        '<p class="note">Made by quotex report. Shares are of quotes unless said otherwise.</p></body></html>\n'
    )


def _figures(s: Summary) -> str:
    o = s.overall
    items = [
        ("documents", f"{o['documents']:,}"), ("quotes", f"{o['quotes']:,}"),
        ("quotes per article", f"{o['quotes_per_article']:.2f}"),
        ("named people quoted", f"{o['named_people']:,}"),
        ("anonymous", _cell(o["anonymous_share"])), ("hedged", _cell(o["hedged_share"])),
    ]
    if o["failed"]:
        items.append(("failed documents", f"{o['failed']:,}"))
    cards = "".join(f'<div class="figure"><b>{v or "–"}</b>{html.escape(k)}</div>' for k, v in items)
    return f'<div class="figures">{cards}</div>'


def _speakers(s: Summary) -> str:
    rows = s.speakers
    if not rows:
        return _section("Most-quoted speakers", None, "<p>No named person is quoted.</p>")
    chart = _barh([r["speaker"] for r in rows], [r["quotes"] for r in rows], xlabel="quotes")
    table = _table(["speaker", "title", "affiliation", "quotes", "articles"],
                   [[r["speaker"], r["title"], r["affiliation"], r["quotes"], r["articles"]] for r in rows],
                   [False, False, False, True, True])
    return _section("Most-quoted speakers", chart, table, "Named people, by the number of quotes attributed to them.")


def _groups(s: Summary) -> list[tuple[str, dict[str, Any]]]:
    return [("all", s.overall), *s.groups.items()]


def _source_types(s: Summary) -> str:
    o = s.overall
    chart: str | None
    if s.groups:
        shown = list(s.groups.items())[:MAX_GROUPS]
        chart = _stacked([g for g, _ in shown], SOURCE_TYPES,
                         [[_pct(f["source_types"][t], f["quotes"]) or 0.0 for t in SOURCE_TYPES] for _, f in shown],
                         xlabel="share of quotes")
    else:
        chart = _barh([t.replace("_", " ") for t in SOURCE_TYPES], [o["source_types"][t] for t in SOURCE_TYPES],
                      colours=[COLOURS[t] for t in SOURCE_TYPES], xlabel="quotes")
    head = ["group", "quotes", *(t.replace("_", " ") for t in SOURCE_TYPES)]
    rows = [[g, f["quotes"], *(_pct(f["source_types"][t], f["quotes"]) for t in SOURCE_TYPES)] for g, f in _groups(s)]
    return _section("How sources are attributed", chart, _table(head, rows, [False] + [True] * (len(head) - 1)),
                    "The source type of each quote, as a share of the quotes.")


def _anonymity(s: Summary) -> str:
    rows = [[g, f["quotes"], f["source_types"]["anonymous"], f["anonymous_share"]] for g, f in _groups(s)]
    chart = None
    if s.groups:
        shown = list(s.groups.items())[:MAX_GROUPS]
        chart = _barh([g for g, _ in shown], [f["anonymous_share"] or 0.0 for _, f in shown],
                      colour=COLOURS["anonymous"], xlabel="share of quotes from anonymous sources", percent=True)
    table = _table(["group", "quotes", "anonymous", "share"], rows, [False, True, True, True])
    return _section("Anonymous sources", chart, table,
                    "Quotes whose source is anonymous (unnamed officials, sources who asked not to be named).")


def _gender(s: Summary) -> str:
    groups = _groups(s)[: MAX_GROUPS + 1]
    people = [[f["people_by_gender"][g] for g in GENDER_LABELS] for _, f in groups]
    shares = [[n / sum(row) if sum(row) else 0.0 for n in row] for row in people]
    chart = _stacked([g for g, _ in groups], GENDER_LABELS, shares, xlabel="share of the named people quoted")
    rows = []
    for g, f in _groups(s):
        p, q = f["people_by_gender"], f["person_quotes_by_gender"]
        total_p, total_q = sum(p.values()), sum(q.values())
        rows.append([g, total_p, *(_pct(p[x], total_p) for x in GENDER_LABELS), total_q,
                     *(_pct(q[x], total_q) for x in GENDER_LABELS)])
    head = ["group", "people", "women", "men", "unknown", "their quotes", "women", "men", "unknown"]
    return _section("Women and men quoted", chart, _table(head, rows, [False] + [True] * 8),
                    "Distinct named people quoted, and the quotes attributed to them. A person's gender is known "
                    "only where the article says it (a pronoun, an honorific, a gendered noun), never from a "
                    "first name; the rest is unknown.")


def _kinds(s: Summary) -> str:
    o = s.overall
    chart = _barh(list(KINDS), [o["kinds"][k] for k in KINDS], colours=[COLOURS[k] for k in KINDS], xlabel="quotes")
    rows = [[g, f["quotes"], *(_pct(f["kinds"][k], f["quotes"]) for k in KINDS)] for g, f in _groups(s)]
    return _section("Direct, indirect and mixed quotes", chart,
                    _table(["group", "quotes", *KINDS], rows, [False, True, True, True, True]))


def _intermediaries(s: Summary) -> str:
    rows = s.intermediaries
    if not rows:
        return _section("Intermediaries", None, "<p>No quote came through an intermediary.</p>")
    chart = _barh([r["intermediary"] for r in rows], [r["quotes"] for r in rows], colour=COLOURS["media"],
                  xlabel="quotes")
    return _section("Intermediaries", chart,
                    _table(["intermediary", "quotes"], [[r["intermediary"], r["quotes"]] for r in rows], [False, True]),
                    "Outlets and others a quote was relayed through (\"Reuters reported, citing officials\").")


def _hedged(s: Summary) -> str:
    rows = [[g, f["quotes"], f["hedged_share"]] for g, f in _groups(s)]
    return _section("Hedged attributions", None, _table(["group", "quotes", "hedged"], rows, [False, True, True]),
                    "Quotes with a hedge (\"reportedly\", \"allegedly\", \"claimed\").")


def _per_article(s: Summary) -> str:
    labels = list(s.quotes_per_article)
    counts = list(s.quotes_per_article.values())
    plt = _plt()
    fig, ax = plt.subplots(figsize=(4.8, 2.2))
    ax.bar(labels, counts, color="#4e79a7")
    ax.set_xlabel("quotes in the article")
    ax.set_ylabel("articles")
    chart = _svg(fig)
    table = _table(["quotes", "articles"], list(zip(labels, counts)), [True, True])
    return _section("Quotes per article", chart, table)
