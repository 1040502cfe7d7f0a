"""The who-is-quoted report and the article view: their figures, their HTML, and both in a real browser.

The browser tests drive Debian's ``chromium`` headless: they take screenshots (checked not to be
blank) and read the rendered page's text. Without a browser they are skipped, saying why; CI
installs one and sets ``QUOTEX_REQUIRE_BROWSER=1``, which turns that skip into a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

import quotex
from quotex import cli
from quotex.records import Document, Quote, Span
from quotex.show import Article, highlight
from quotex.summary import NO_VALUE, group_value, summarize, summarize_file
from tests.conftest import CORPUS, run_quotex

SEEDS = CORPUS / "seeds"


@pytest.fixture(scope="module")
def seeds_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``quotex extract`` output of the seed articles."""
    out = tmp_path_factory.mktemp("seeds") / "quotes.jsonl"
    assert cli.main(["extract", str(SEEDS), "-o", str(out), "--jobs", "1"]) == 0
    return out


def test_seeds_report_names_guo_jiakun_most_quoted(seeds_output: Path) -> None:
    summary = summarize_file(seeds_output)
    top = summary.speakers[0]
    assert top["speaker"] == "Guo Jiakun"
    assert top["affiliation"] == "Chinese Foreign Ministry"
    assert top["articles"] == 2
    # his quotes: one per quote of the seeds' output attributed to him, across both articles
    lines = [json.loads(line) for line in seeds_output.read_text(encoding="utf-8").splitlines()]
    assert top["quotes"] == sum(q["speaker"] == "Guo Jiakun" for line in lines for q in line["quotes"])
    o = summary.overall
    assert o["documents"] == 2 and o["quotes"] == sum(len(line["quotes"]) for line in lines)
    assert sum(o["kinds"].values()) == o["quotes"] == sum(o["source_types"].values())
    assert o["source_types"]["anonymous"] >= 1  # "unnamed sources", "unnamed EU diplomats"


def _line(doc_id: str, meta: dict[str, object] | None, quotes: list[dict[str, object]],
          sources: list[dict[str, object]] | None = None, error: str | None = None) -> dict[str, object]:
    line: dict[str, object] = {"id": doc_id, "quotes": quotes, "sources": sources or []}
    if meta is not None:
        line["meta"] = meta
    if error is not None:
        line["error"] = error
    return line


def _q(speaker: str | None, stype: str, kind: str = "direct", gender: str | None = None,
       via: list[str] | None = None, hedged: bool = False) -> dict[str, object]:
    return {"speaker": speaker, "source_type": stype, "kind": kind, "speaker_gender": gender, "hedged": hedged,
            "via": [{"name": v, "source_type": "media", "span": None} for v in via or []]}


def test_summary_groups_by_meta_field_and_month() -> None:
    ann = {"id": 0, "name": "Ann Lee", "source_type": "named_person", "gender": "female", "quotes": 2}
    bob = {"id": 1, "name": "Bob Roy", "source_type": "named_person", "gender": None, "quotes": 1}
    lines = [
        _line("a", {"outlet": "Daily", "date": "2024-05-17"},
              [_q("Ann Lee", "named_person", gender="female"), _q("Ann Lee", "named_person", "indirect", "female"),
               _q(None, "anonymous", "indirect", via=["Reuters"], hedged=True)], [ann]),
        _line("b", {"outlet": "Weekly", "date": "2024-05-30T08:00:00Z"},
              [_q("Bob Roy", "named_person", "mixed")], [bob]),
        _line("c", {"outlet": "Daily", "date": "2024-06-02"}, [], []),
        _line("d", None, [], [], error="not text"),
    ]
    by_outlet = summarize(lines, by="outlet")
    assert list(by_outlet.groups) == ["Daily", "Weekly", NO_VALUE]
    daily = by_outlet.groups["Daily"]
    assert daily["documents"] == 2 and daily["quotes"] == 3
    assert daily["anonymous_share"] == round(1 / 3, 4) and daily["hedged_share"] == round(1 / 3, 4)
    assert daily["people_by_gender"] == {"female": 1, "male": 0, "unknown": 0}
    assert by_outlet.groups["Weekly"]["people_by_gender"] == {"female": 0, "male": 0, "unknown": 1}
    assert by_outlet.groups[NO_VALUE]["failed"] == 1
    o = by_outlet.overall
    assert o["documents"] == 4 and o["failed"] == 1 and o["quotes"] == 4
    assert o["kinds"] == {"direct": 1, "indirect": 2, "mixed": 1}
    assert o["person_quotes_by_gender"] == {"female": 2, "male": 0, "unknown": 1}
    assert by_outlet.speakers[0] == {"speaker": "Ann Lee", "title": None, "affiliation": None, "gender": "female",
                                     "quotes": 2, "articles": 1}
    assert by_outlet.intermediaries == [{"intermediary": "Reuters", "quotes": 1}]
    assert by_outlet.quotes_per_article["0"] == 1 and by_outlet.quotes_per_article["3"] == 1
    by_date = summarize(lines, by="date")
    assert list(by_date.groups) == ["2024-05", "2024-06", NO_VALUE]
    assert by_date.groups["2024-05"]["quotes"] == 4


def test_group_value_reads_meta_then_the_line() -> None:
    assert group_value({"meta": {"outlet": "X"}, "outlet": "Y"}, "outlet") == "X"
    assert group_value({"outlet": "Y"}, "outlet") == "Y"
    assert group_value({"meta": {"date": "2019-03"}}, "date") == "2019-03"
    assert group_value({"meta": {"date": "March 2019"}}, "date") == "March 2019"  # not ISO: kept as it is
    assert group_value({"meta": {}}, "outlet") == NO_VALUE


def test_report_json_and_csv_hold_the_same_figures(seeds_output: Path, tmp_path: Path) -> None:
    as_json, as_csv = tmp_path / "r.json", tmp_path / "r.csv"
    assert cli.main(["report", str(seeds_output), "-o", str(as_json)]) == 0
    assert cli.main(["report", str(seeds_output), "--format", "csv", "-o", str(as_csv)]) == 0
    figures = json.loads(as_json.read_text(encoding="utf-8"))
    assert figures["speakers"][0]["speaker"] == "Guo Jiakun"
    rows = as_csv.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "table,group,key,value"
    assert f"figures,,quotes,{figures['overall']['quotes']}" in rows
    assert f"speakers,,Guo Jiakun,{figures['speakers'][0]['quotes']}" in rows


def test_report_rejects_a_line_that_is_no_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "quotes": []}\n{"text": "no id"}\n', encoding="utf-8")
    assert cli.main(["report", str(bad), "--format", "json"]) == 2
    assert "line 2 of" in capsys.readouterr().err


def test_report_html_is_self_contained(seeds_output: Path, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib", reason="the report extra is not installed (pip install '.[report]')")
    out = tmp_path / "report.html"
    assert cli.main(["report", str(seeds_output), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg") >= 5
    assert "Guo Jiakun" in page and "Chinese Foreign Ministry" in page
    # nothing to fetch: no script, stylesheet, image or font from anywhere
    for needle in ("<script", "src=", "<link", "@import", 'href="http', "url(http"):
        assert needle not in page
    assert page.count("url(") == page.count("url(#")  # (the charts' clip paths point inside the page)


def test_report_without_matplotlib_says_how_to_get_it(
    seeds_output: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if it were not installed
    assert cli.main(["report", str(seeds_output), "-o", os.devnull, "--format", "html"]) == 2
    assert "pip install 'quotex[report]'" in capsys.readouterr().err


def test_extract_loads_no_plotting_library() -> None:
    code = "import sys, quotex, quotex.cli; sys.exit('matplotlib' in sys.modules or 'spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 0


def _quote(content: list[tuple[int, int]], cue: tuple[int, int] | None, source: tuple[int, int] | None,
           kind: str = "direct", speaker: str | None = "Ann Lee") -> Quote:
    return Quote(content=tuple(Span(*c) for c in content), kind=kind,  # type: ignore[arg-type]
                 cue=Span(*cue) if cue else None, source=Span(*source) if source else None,
                 speaker=speaker, source_type="named_person")


def test_highlight_marks_content_cue_source_and_label() -> None:
    text = '"We will win," Ann Lee said. Then <she> left & came back.'
    q = _quote([(1, 13)], (23, 27), (15, 22))
    out = highlight(text, [q])
    assert '<mark class="qx-direct">We will win,</mark>' in out
    assert '<mark class="qx-cue">said</mark>' in out and '<mark class="qx-source">Ann Lee</mark>' in out
    assert '<span class="qx-label">Ann Lee · named person</span>' in out
    assert "&lt;she&gt; left &amp; came back." in out  # the text is escaped
    # what the marks hold, put back together, is the text
    import html
    import re

    plain = re.sub(r'<span class="qx-label">[^<]*</span>', "", out)
    assert html.unescape(re.sub(r"<[^>]+>", "", plain)) == text


def test_highlight_nests_overlapping_quotes() -> None:
    text = "Ann said that Bob said that it rained."
    outer = _quote([(14, 37)], (4, 8), (0, 3), kind="indirect")
    inner = _quote([(28, 37)], (18, 22), (14, 17), kind="indirect", speaker="Bob")
    out = highlight(text, [outer, inner])
    assert '<mark class="qx-indirect qx-cue">said</mark>' in out  # Bob's cue, inside Ann's content
    assert out.count("<mark") == out.count("</mark>")


def test_article_and_document_show_themselves_in_jupyter() -> None:
    text = (SEEDS / "000_a642edc218d482ea.txt").read_text(encoding="utf-8")
    article = quotex.view(text, title="seed")
    assert isinstance(article, Article) and article.quotes
    assert 'class="qx-article"' in article._repr_html_() and "Guo Jiakun" in article._repr_html_()
    assert article.html().startswith("<!DOCTYPE html>")
    doc = next(quotex.extract_many([("seed", text)]))
    table = doc._repr_html_()
    assert "Guo Jiakun" in table and table.count("<tr>") == len(doc.quotes) + 1
    failed = Document(id="x", error="bad input")
    assert "bad input" in failed._repr_html_()


def test_show_command_writes_the_article(tmp_path: Path) -> None:
    out = tmp_path / "article.html"
    article = SEEDS / "000_a642edc218d482ea.txt"
    assert cli.main(["show", str(article), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "qx-label" in page and "Keir Starmer · named person" in page


# --- in a real browser ---------------------------------------------------------------------------


def _browser() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("QUOTEX_REQUIRE_BROWSER") == "1":
        pytest.fail("QUOTEX_REQUIRE_BROWSER=1 but no chromium on the PATH")
    pytest.skip("no browser: install Debian's chromium (apt-get install chromium) to run the browser tests")


def _chromium(browser: str, page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         f"--user-data-dir={page.parent / 'profile'}", *args, page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )


def _screenshot(browser: str, page: Path, size: str) -> Path:
    png = page.with_suffix(".png")
    done = _chromium(browser, page, f"--screenshot={png}", f"--window-size={size}")
    assert png.exists(), done.stderr[-2000:]
    return png


def _page_text(browser: str, page: Path) -> str:
    done = _chromium(browser, page, "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    import re

    return re.sub(r"<[^>]+>", " ", done.stdout)


def _pixels(png: Path) -> tuple[int, int, list[bytes]]:
    """The rows of an 8-bit RGB(A) PNG, unfiltered: enough of PNG to tell a blank page."""
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    height = channels = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        line = raw[y * (stride + 1) : (y + 1) * (stride + 1)]
        filt, cur = line[0], bytearray(line[1:])
        if filt == 1:
            for i in range(channels, stride):
                cur[i] = (cur[i] + cur[i - channels]) & 0xFF
        elif filt == 2:
            for i in range(stride):
                cur[i] = (cur[i] + prev[i]) & 0xFF
        elif filt in (3, 4):
            for i in range(stride):
                a = cur[i - channels] if i >= channels else 0
                b = prev[i]
                if filt == 3:
                    cur[i] = (cur[i] + (a + b) // 2) & 0xFF
                else:
                    c = prev[i - channels] if i >= channels else 0
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    cur[i] = (cur[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(cur))
        prev = cur
    return width, channels, rows


def _inked_share(png: Path) -> tuple[float, int]:
    """The share of pixels that are not the page's background, and how many colours there are."""
    width, channels, rows = _pixels(png)
    background = rows[0][:channels]
    inked = colours = 0
    seen: set[bytes] = set()
    for row in rows[::4]:  # every fourth row is plenty to tell
        for x in range(0, width * channels, channels * 2):
            px = row[x : x + channels]
            if px != background:
                inked += 1
            if len(seen) < 64:
                seen.add(px)
    colours = len(seen)
    return inked / (len(rows[::4]) * len(range(0, width * channels, channels * 2))), colours


def test_report_in_a_browser(seeds_output: Path, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib", reason="the report extra is not installed (pip install '.[report]')")
    browser = _browser()
    page = tmp_path / "report.html"
    assert cli.main(["report", str(seeds_output), "-o", str(page)]) == 0
    share, colours = _inked_share(_screenshot(browser, page, "1200,1600"))
    assert share > 0.02 and colours > 8, (share, colours)  # text and coloured charts, not a blank page
    text = _page_text(browser, page)
    assert "Most-quoted speakers" in text and "Guo Jiakun" in text and "Dmitry Medvedev" in text
    # the most-quoted speaker is the first row of the speakers' table
    table = text[text.index("articles") :]
    assert table.split()[1:3] == ["Guo", "Jiakun"]


def test_article_view_in_a_browser(tmp_path: Path) -> None:
    browser = _browser()
    page = tmp_path / "article.html"
    result = run_quotex("show", SEEDS / "002_e2de4a21e34eb90f.txt", "-o", page)
    assert result.returncode == 0, result.stderr
    share, colours = _inked_share(_screenshot(browser, page, "1000,1400"))
    assert share > 0.02 and colours > 4, (share, colours)
    text = _page_text(browser, page)
    assert "Dmitry Medvedev · named person" in text and "Guo Jiakun · named person" in text
