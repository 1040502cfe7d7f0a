"""Inputs as researchers hold them: kept fields (``--keep``), CSV, TSV, Parquet and HTML files, mappings in Python."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import quotex
from quotex import pages
from quotex.batch import CHUNK_DOCS, Task, process, run
from quotex.extractor import Extractor
from quotex.input_doc import Fields, InputDoc, Page, parse_keep
from quotex.inputs import count_documents, iter_inputs
from quotex.outputs import CSV_COLUMNS, Renderer
from tests.conftest import run_quotex

SAY = "“We will not sign this,” Foreign Minister Anna Berg said on Monday. Officials said talks had failed."
SAY2 = "The talks would resume in May, a spokesman for the ministry said. “Nothing is agreed,” Berg added."
PAGE = """<html><head><title>Talks fail in Geneva</title><meta name="author" content="Jane Doe">
<meta property="og:site_name" content="Daily News"><meta name="date" content="2024-03-05">
<link rel="canonical" href="https://news.example.com/talks"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav><article><h1>Talks fail in Geneva</h1>
<p>“We will not sign this,” Foreign Minister Anna Berg said on Monday. Officials said talks had failed after
three days of negotiations in the Swiss city.</p>
<p>The minister added that her government would consider its options, according to a statement released
late in the evening by the ministry.</p>
<p>“Nothing is agreed,” Berg added<br>in a second statement.</p>
</article><footer>Copyright 2024 Daily News</footer></body></html>
"""


def jsonl(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines()]


def write_csv(path: Path, rows: list[list[str]], *, delimiter: str = ",", encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def quotes_of(records: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    return [r["quotes"] for r in records]


def as_txt(tmp_path: Path, texts: list[str], *options: str) -> list[dict[str, Any]]:
    """What ``quotex extract`` finds in ``texts`` given as .txt files, in order."""
    root = tmp_path / "as-txt"
    root.mkdir()
    for i, text in enumerate(texts):
        (root / f"{i:03}.txt").write_text(text, encoding="utf-8", newline="")
    done = run_quotex("extract", root, *options)
    assert done.returncode == 0, done.stderr
    return jsonl(done.stdout)


# ------------------------------------------------------------------------------- kept fields


@pytest.fixture
def news_jsonl(tmp_path: Path) -> Path:
    lines = [
        {"id": "a", "text": SAY, "outlet": "Daily News", "date": "2024-03-05", "tags": ["eu", "talks"]},
        {"id": "b", "text": SAY2, "outlet": "Evening Post"},
        {"id": "c", "outlet": "Nowhere", "date": "2024-01-01"},  # no text: an error line that keeps its meta
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines) + "{broken\n", encoding="utf-8")
    return path


def test_without_keep_the_output_has_no_meta(news_jsonl: Path) -> None:
    records = jsonl(run_quotex("extract", news_jsonl).stdout)
    assert [r["id"] for r in records] == ["a", "b", "c", "news.jsonl:4"]
    assert not any("meta" in r for r in records)


def test_keep_a_list_of_fields(news_jsonl: Path) -> None:
    done = run_quotex("extract", news_jsonl, "--keep", "outlet,date")
    assert done.returncode == 1  # the line without text, the broken line
    records = jsonl(done.stdout)
    assert [r.get("meta") for r in records] == [
        {"outlet": "Daily News", "date": "2024-03-05"},
        {"outlet": "Evening Post"},  # a field the line lacks is left out
        {"outlet": "Nowhere", "date": "2024-01-01"},  # the error line of a document with an id keeps its fields
        None,  # a line that is not JSON has none to keep
    ]
    assert records[2]["code"] == "E106" and records[3]["code"] == "E104"
    assert records[0]["quotes"] and records[1]["quotes"]


def test_keep_all_fields(news_jsonl: Path) -> None:
    records = jsonl(run_quotex("extract", news_jsonl, "--keep", "all").stdout)
    assert records[0]["meta"] == {"outlet": "Daily News", "date": "2024-03-05", "tags": ["eu", "talks"]}
    assert records[1]["meta"] == {"outlet": "Evening Post"}


def test_kept_fields_do_not_change_the_quotes(news_jsonl: Path) -> None:
    plain = jsonl(run_quotex("extract", news_jsonl).stdout)
    kept = jsonl(run_quotex("extract", news_jsonl, "--keep", "all").stdout)
    assert [{k: v for k, v in r.items() if k != "meta"} for r in kept] == plain


def test_kept_fields_in_csv_output(news_jsonl: Path, tmp_path: Path) -> None:
    out = tmp_path / "quotes.csv"
    run_quotex("extract", news_jsonl, "--keep", "outlet", "--format", "csv", "-o", out)
    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS and CSV_COLUMNS[-1] == "meta"
    assert {json.dumps(json.loads(row["meta"])) for row in rows if row["doc_id"] == "a"} == {'{"outlet": "Daily News"}'}
    assert [json.loads(row["meta"]) for row in rows if row["doc_id"] == "c"] == [{"outlet": "Nowhere"}]
    assert [row["meta"] for row in rows if row["doc_id"] == "news.jsonl:4"] == [""]


def test_text_files_get_an_empty_meta_when_fields_are_kept(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SAY, encoding="utf-8")
    (record,) = jsonl(run_quotex("extract", tmp_path / "a.txt", "--keep", "all").stdout)
    assert record["meta"] == {}


def test_resume_with_kept_fields(news_jsonl: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    whole = run_quotex("extract", news_jsonl, "--keep", "outlet", "-o", out)
    assert whole.returncode == 1
    expected = out.read_text(encoding="utf-8")
    out.write_text(expected.splitlines(keepends=True)[0], encoding="utf-8")
    resumed = run_quotex("extract", news_jsonl, "--keep", "outlet", "-o", out, "--resume")
    assert resumed.returncode == 1 and "1 documents already in the output were skipped" in resumed.stderr
    assert out.read_text(encoding="utf-8") == expected


def test_keep_values() -> None:
    assert parse_keep("all") == "all"
    assert parse_keep(" outlet, date ,outlet,") == ("outlet", "date")
    with pytest.raises(ValueError, match="name the fields"):
        parse_keep(" , ")
    fields = Fields(keep=("b", "z"))
    assert fields.meta({"id": 1, "text": "t", "a": 1, "b": 2}) == {"b": 2}
    assert Fields(keep="all").meta({"id": 1, "text": "t", "a": 1}) == {"a": 1}
    assert Fields().meta({"a": 1}) is None


@pytest.mark.parametrize("value", [",", ""])
def test_keep_needs_a_field(value: str, tmp_path: Path) -> None:
    done = run_quotex("extract", "x.txt", "--keep", value, cwd=tmp_path)
    assert done.returncode == 2 and "--keep" in done.stderr


# ------------------------------------------------------------------------------- CSV and TSV


@pytest.fixture
def table_rows() -> list[list[str]]:
    return [
        ["id", "outlet", "text", "date"],
        ["r1", "Daily News", SAY, "2024-03-05"],
        ["", "Evening Post", SAY2, "2024-03-06"],  # no id: <file>:<row>
        ["r3", "Multi", "First line,\n“quoted” on the second, he said.", ""],
    ]


@pytest.mark.parametrize("suffix, delimiter", [(".csv", ","), (".tsv", "\t")])
def test_delimited_rows_round_trip(table_rows: list[list[str]], tmp_path: Path, suffix: str, delimiter: str) -> None:
    path = write_csv(tmp_path / f"news{suffix}", table_rows, delimiter=delimiter)
    done = run_quotex("extract", path, "--keep", "outlet,date")
    assert done.returncode == 0, done.stderr
    records = jsonl(done.stdout)
    assert [r["id"] for r in records] == ["r1", f"news{suffix}:2", "r3"]
    assert [r["meta"] for r in records] == [
        {"outlet": "Daily News", "date": "2024-03-05"},
        {"outlet": "Evening Post", "date": "2024-03-06"},
        {"outlet": "Multi", "date": ""},
    ]
    assert quotes_of(records) == quotes_of(as_txt(tmp_path, [row[2] for row in table_rows[1:]]))
    assert records[0]["quotes"] and records[1]["quotes"]


def test_keep_all_columns_of_a_row(table_rows: list[list[str]], tmp_path: Path) -> None:
    path = write_csv(tmp_path / "news.csv", table_rows)
    first = jsonl(run_quotex("extract", path, "--keep", "all").stdout)[0]
    assert first["meta"] == {"outlet": "Daily News", "date": "2024-03-05"}


def test_columns_are_named_by_options(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "news.csv", [["article_id", "body", "text"], ["x1", SAY, "not this"]])
    done = run_quotex("extract", path, "--id-column", "article_id", "--text-column", "body", "--keep", "all",
                      "--with-text")
    (record,) = jsonl(done.stdout)
    assert record["id"] == "x1" and record["meta"] == {"text": "not this"}
    assert record["quotes"][0]["content_text"] == ["We will not sign this,"]
    assert "text" not in record  # the caller has the text: only an HTML page's is written


def test_column_options_name_the_keys_of_jsonl_lines_too(tmp_path: Path) -> None:
    path = tmp_path / "other.jsonl"
    path.write_text(json.dumps({"uid": "u1", "body": SAY, "text": "a field like any other"}) + "\n"
                    + json.dumps({"uid": "u2", "text": SAY}) + "\n", encoding="utf-8")
    docs = list(iter_inputs([path], id_column="uid", text_column="body", keep="all"))
    assert [(d.id, d.text, d.meta) for d in docs[:1]] == [("u1", SAY, {"text": "a field like any other"})]
    assert docs[1].code == "E106" and 'has no "body"' in (docs[1].error or "") and docs[1].meta == {"text": SAY}


def test_a_long_field_is_read_whole(tmp_path: Path) -> None:
    long = " ".join([SAY] * 2000)  # over the csv module's own limit of 131,072 characters a field
    path = write_csv(tmp_path / "long.csv", [["id", "text"], ["big", long], ["next", SAY]])
    assert [(d.id, d.text) for d in iter_inputs([path])] == [("big", long), ("next", SAY)]


def test_bad_rows_become_errors_and_the_run_goes_on(tmp_path: Path) -> None:
    rows = [["id", "text", "outlet"], ["ok1", SAY, "A"], ["empty", "", "B"], ["short"], ["long", "x" * 500, "C"],
            ["ok2", SAY2, "D"]]
    path = write_csv(tmp_path / "rows.csv", rows)
    with path.open("a", encoding="utf-8", newline="") as handle:
        handle.write('broken,"He said," she said.,E\nok3,Fine.,F\n')  # a quote closed in the middle of a field
    no_column = write_csv(tmp_path / "notext.csv", [["id", "body"], ["n1", SAY]])
    after = tmp_path / "after.txt"
    after.write_text(SAY, encoding="utf-8")
    done = run_quotex("extract", path, no_column, after, "--max-chars", "400", "--keep", "outlet")
    assert done.returncode == 1
    records = jsonl(done.stdout)
    assert [r["id"] for r in records] == ["ok1", "empty", "short", "long", "ok2", "rows.csv:6", "ok3", "notext.csv",
                                          "after.txt"]
    codes = [r.get("code") for r in records]
    assert codes == [None, "E111", "E111", "E108", None, "E112", None, "E110", None]
    assert "row 2 of" in records[1]["error"] and "'text'" in records[1]["error"]
    assert "row 6 of" in records[5]["error"] and "line 7" in records[5]["error"]
    assert "--text-column" in records[7]["error"] and "'body'" in records[7]["error"]
    assert [r.get("meta") for r in records] == [{"outlet": "A"}, {"outlet": "B"}, {}, {"outlet": "C"}, {"outlet": "D"},
                                                None, {"outlet": "F"}, None, {}]
    assert "no text 2" in done.stderr


def test_csv_bytes_follow_the_decoding_policy(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"\xef\xbb\xbfid,text\n" + "u,“Yes” she said.\n".encode()
                     + "w,\u201cOui\u201d il a dit.\n".encode("cp1252") + b"n,nul \x00 here\nlast,Fine.\n")
    records = list(iter_inputs([path]))
    assert [(d.id, d.encoding, d.code) for d in records] == [("u", None, None), ("w", "cp1252", None),
                                                            ("n", None, "E107"), ("last", None, None)]
    assert records[0].text == "“Yes” she said." and records[1].text == "\u201cOui\u201d il a dit."
    # Excel's "Unicode text": UTF-16 with a byte-order mark, tab-separated
    excel = write_csv(tmp_path / "excel.tsv", [["id", "text"], ["e1", SAY]], delimiter="\t", encoding="utf-16")
    (doc,) = iter_inputs([excel])
    assert (doc.id, doc.text, doc.encoding) == ("e1", SAY, "utf-16")
    binary = tmp_path / "binary.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    (doc,) = iter_inputs([binary])
    assert (doc.id, doc.code) == ("binary.csv", "E107")


def test_rows_are_read_lazily(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "many.csv", [["id", "text"], *[[f"d{i}", SAY] for i in range(1000)]])
    docs = iter_inputs([path])
    assert next(docs).id == "d0"  # (a generator: nothing else is read until asked for)
    assert sum(1 for _ in docs) == 999


def test_resume_over_csv_rows(table_rows: list[list[str]], tmp_path: Path) -> None:
    path = write_csv(tmp_path / "news.csv", table_rows)
    out = tmp_path / "out.jsonl"
    run_quotex("extract", path, "-o", out)
    expected = out.read_text(encoding="utf-8")
    out.write_text(expected.splitlines(keepends=True)[0], encoding="utf-8")
    done = run_quotex("extract", path, "-o", out, "--resume")
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8") == expected


def test_tables_are_not_counted_up_front(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "news.csv", [["id", "text"], ["a", SAY]])
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "pages" / "b.txt").write_text(SAY, encoding="utf-8")
    (tmp_path / "pages" / "c.htm").write_text(PAGE, encoding="utf-8")
    assert count_documents([path]) is None and count_documents([tmp_path / "x.parquet"]) == 1  # (missing: one error)
    assert count_documents([tmp_path / "pages"]) == 3


# ------------------------------------------------------------------------------- Parquet


def test_parquet_rows_round_trip(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow", reason="Parquet input needs pyarrow (the parquet extra)")
    import datetime

    import pyarrow.parquet as pq

    table = pa.table({
        "id": ["p1", None, "p3", "p4"],
        "text": [SAY, SAY2, None, ""],
        "outlet": ["Daily News", "Evening Post", "Nowhere", "Empty"],
        "published": [datetime.datetime(2024, 3, 5, 9, 30), None, None, None],
        "words": [17, 18, 0, 0],
    })
    path = tmp_path / "news.parquet"
    pq.write_table(table, path, row_group_size=2)  # two row groups, read one batch after the other
    done = run_quotex("extract", path, "--keep", "outlet,published,words")
    assert done.returncode == 1  # the null text
    records = jsonl(done.stdout)
    assert [r["id"] for r in records] == ["p1", "news.parquet:2", "p3", "p4"]
    assert records[0]["meta"] == {"outlet": "Daily News", "published": "2024-03-05T09:30:00", "words": 17}
    assert records[1]["meta"] == {"outlet": "Evening Post", "published": None, "words": 18}
    assert records[2]["code"] == "E111" and records[2]["meta"]["outlet"] == "Nowhere"
    assert "error" not in records[3] and records[3]["quotes"] == []  # an empty string is a text
    assert quotes_of(records[:2]) == quotes_of(as_txt(tmp_path, [SAY, SAY2]))
    everything = jsonl(run_quotex("extract", path, "--keep", "all").stdout)
    assert set(everything[0]["meta"]) == {"outlet", "published", "words"}


def test_bad_parquet_files(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow", reason="Parquet input needs pyarrow (the parquet extra)")
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": ["a"], "body": [SAY]}), tmp_path / "notext.parquet")
    pq.write_table(pa.table({"id": ["n1", "n2"], "text": [3, 4]}), tmp_path / "numbers.parquet")
    (tmp_path / "fake.parquet").write_text("not parquet at all", encoding="utf-8")
    docs = list(iter_inputs([tmp_path / "notext.parquet", tmp_path / "numbers.parquet", tmp_path / "fake.parquet"]))
    assert [(d.id, d.code) for d in docs] == [("notext.parquet", "E110"), ("n1", "E111"), ("n2", "E111"),
                                             ("fake.parquet", "E113")]
    assert "int text, not a string" in (docs[1].error or "")


def test_parquet_without_pyarrow_is_an_error_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "news.parquet"
    path.write_bytes(b"PAR1")
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # an import of it now fails
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    (doc,) = iter_inputs([path])
    assert doc.code == "E109" and "pip install 'quotex[parquet]'" in (doc.error or "")


# ------------------------------------------------------------------------------- HTML


def _needs_trafilatura() -> None:
    pytest.importorskip("trafilatura", reason="HTML input needs trafilatura (the html extra)")


def test_html_page_round_trips(tmp_path: Path) -> None:
    _needs_trafilatura()
    page = tmp_path / "talks.html"
    page.write_text(PAGE, encoding="utf-8")
    done = run_quotex("extract", page, "--with-text", "--keep", "title,date,author,sitename,url")
    assert done.returncode == 0, done.stderr
    (record,) = jsonl(done.stdout)
    text = record["text"]
    assert record["id"] == "talks.html"
    assert record["meta"] == {"title": "Talks fail in Geneva", "date": "2024-03-05", "author": "Jane Doe",
                              "sitename": "Daily News", "url": "https://news.example.com/talks"}
    # the main text only, a blank line between paragraphs, a line break kept as a newline
    assert "Home" not in text and "Copyright" not in text
    assert "Officials said talks had failed" in text and "\n\nThe minister added" in text
    assert "Berg added\nin a second statement." in text
    for quote in record["quotes"]:
        for (start, end), part in zip(quote["content"], quote["content_text"]):
            assert text[start:end] == part
    (same,) = as_txt(tmp_path, [text], "--with-text")
    assert record["quotes"] == same["quotes"] and len(record["quotes"]) >= 3


def test_directory_of_pages_and_text_files(tmp_path: Path) -> None:
    _needs_trafilatura()
    root = tmp_path / "site"
    (root / "world").mkdir(parents=True)
    (root / "world" / "talks.html").write_text(PAGE, encoding="utf-8")
    (root / "b.txt").write_text(SAY, encoding="utf-8")
    (root / "empty.htm").write_text("<html><body><script>draw()</script></body></html>", encoding="utf-8")
    one = run_quotex("extract", root, "--keep", "all")
    assert one.returncode == 1
    records = jsonl(one.stdout)
    assert [r["id"] for r in records] == ["b.txt", "empty.htm", "world/talks.html"]
    assert records[0]["meta"] == {} and "text" not in records[0]
    assert records[1]["code"] == "E114" and "empty.htm" in records[1]["error"]
    assert records[2]["meta"]["title"] == "Talks fail in Geneva" and records[2]["quotes"]
    assert "no text 1" in one.stderr


def test_pages_are_extracted_in_the_workers_as_in_one_process(tmp_path: Path) -> None:
    _needs_trafilatura()
    for i in range(CHUNK_DOCS + 6):  # two chunks: two workers
        (tmp_path / f"{i:03}.html").write_text(PAGE.replace("Monday", f"day {i}"), encoding="utf-8")
    task = Task(Extractor(), Renderer("jsonl", with_text=True))
    deferred = list(iter_inputs([tmp_path], keep="all", defer_pages=True))
    assert all(d.page is not None and d.text is None for d in deferred)
    one = [o.output for _, o in run(task, deferred, jobs=1)]
    two = [o.output for _, o in run(task, deferred, jobs=2)]
    now = [o.output for _, o in run(task, iter_inputs([tmp_path], keep="all"), jobs=1)]
    assert two == one == now and len(one) == CHUNK_DOCS + 6
    assert all('"text": ' in line and '"title": "Talks fail in Geneva"' in line for line in one if line)


def test_process_yields_the_text_of_a_page(tmp_path: Path) -> None:
    _needs_trafilatura()
    page = tmp_path / "talks.html"
    page.write_text(PAGE, encoding="utf-8")
    for deferred in (True, False):
        ((doc, result),) = process(iter_inputs([page], defer_pages=deferred), Extractor())
        assert doc.extracted and doc.text is not None and doc.page is None
        assert result.quotes and all(0 <= q.start < q.end <= len(doc.text) for q in result.quotes)


def test_page_over_the_limit(tmp_path: Path) -> None:
    _needs_trafilatura()
    page = tmp_path / "talks.html"
    page.write_text(PAGE, encoding="utf-8")
    task = Task(Extractor(max_chars=150), Renderer("jsonl"))
    ((_, outcome),) = run(task, iter_inputs([page], max_chars=150))
    assert outcome.code == "E108" and "the text of" in (outcome.error or "")


def test_html_without_trafilatura_is_an_error_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "talks.html"
    page.write_text(PAGE, encoding="utf-8")
    monkeypatch.setattr(pages, "installed", lambda: False)
    (doc,) = iter_inputs([page])
    assert doc.code == "E109" and "pip install 'quotex[html]'" in (doc.error or "")
    assert Task(Extractor()).one(doc).code == "E109"
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # and where the text is extracted
    ready = pages.ready(InputDoc("p", page=Page(b"<p>x</p>", "p.html")), max_chars=100)
    assert ready.code == "E109" and "quotex[html]" in (ready.error or "")


# ------------------------------------------------------------------------------- the Python API


def test_extract_many_takes_mappings_with_meta() -> None:
    items: list[Any] = [
        {"id": "m1", "text": SAY, "outlet": "Daily News", "date": "2024-03-05"},
        ("p2", SAY2),
        SAY,
        {"text": SAY2, "outlet": "No id"},
        {"id": "long", "text": SAY * 10, "outlet": "Too long"},
        {"id": "none", "outlet": "No text"},
    ]
    docs = list(quotex.extract_many(items, max_chars=500))
    assert [d.id for d in docs] == ["m1", "p2", "2", "3", "long", "none"]
    assert [d.meta for d in docs] == [{"outlet": "Daily News", "date": "2024-03-05"}, None, None,
                                      {"outlet": "No id"}, {"outlet": "Too long"}, {"outlet": "No text"}]
    assert [d.code for d in docs] == [None, None, None, None, "E108", "E011"]
    plain = list(quotex.extract_many([SAY, SAY2]))
    assert docs[0].quotes == plain[0].quotes and docs[3].quotes == plain[1].quotes
    assert docs[0].to_dict()["meta"] == {"outlet": "Daily News", "date": "2024-03-05"}
    assert "meta" not in docs[1].to_dict()
    (alone,) = Extractor().extract_many([{"id": "x", "text": SAY}])
    assert alone.meta == {}  # a mapping's document has a meta, empty or not


def test_a_document_with_meta_is_still_hashable() -> None:
    (doc,) = quotex.extract_many([{"id": "m", "text": SAY, "tags": ["a"]}])
    assert hash(doc) == hash(quotex.Document(id="m", quotes=doc.quotes, sources=doc.sources))
    assert InputDoc("a", "t", meta={"x": [1]}) == InputDoc("a", "t", meta={"x": [1]})
