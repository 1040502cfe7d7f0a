"""The JSONL and CSV writers, on hand-made results."""

from __future__ import annotations

import csv
import io
import json

import pytest

from quotex.outputs import CSV_COLUMNS, make_writer
from quotex.records import Document, Quote, Span, Via

TEXT = '"We will not sign this," Anna Berg said, citing "Not now." Officials said talks had failed.'


def span(sub: str) -> Span:
    start = TEXT.index(sub)
    return Span(start, start + len(sub))


QUOTES = (
    Quote(content=(span("We will not sign this,"), span("Not now.")), kind="direct", cue=span("said"),
          source=span("Anna Berg"), speaker="Anna Berg", source_type="named_person",
          via=(Via("Reuters", "media"),), confidence=0.9, rule="test"),
    Quote(content=(span("talks had failed"),), kind="indirect", source_type="unnamed_group", hedged=True),
)
RESULTS = [
    Document(id="d1", quotes=QUOTES),
    Document(id="empty"),
    Document(id="bad", error="[E103] not UTF-8", code="E103"),
]


def write_all(fmt: str, *, with_text: bool = False) -> str:
    stream = io.StringIO(newline="")
    writer = make_writer(fmt, stream, with_text=with_text)
    for result in RESULTS:
        writer.write(result, None if result.error else TEXT)
    return stream.getvalue()


def test_jsonl_one_line_per_document() -> None:
    lines = [json.loads(line) for line in write_all("jsonl").splitlines()]
    assert [line["id"] for line in lines] == ["d1", "empty", "bad"]
    assert lines[0]["quotes"][0]["content"] == [q.to_list() for q in QUOTES[0].content]
    assert "content_text" not in lines[0]["quotes"][0]
    assert lines[1] == {"id": "empty", "quotes": [], "sources": []}
    assert lines[2] == {"id": "bad", "quotes": [], "sources": [], "error": "[E103] not UTF-8", "code": "E103"}


def test_jsonl_with_text() -> None:
    first = json.loads(write_all("jsonl", with_text=True).splitlines()[0])
    quote = first["quotes"][0]
    assert quote["content_text"] == ["We will not sign this,", "Not now."]
    assert quote["cue_text"] == "said" and quote["source_text"] == "Anna Berg"
    assert first["quotes"][1]["cue_text"] is None


def test_csv_rows() -> None:
    reader = csv.DictReader(io.StringIO(write_all("csv"), newline=""))
    rows = list(reader)
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    # one row per quote, none for a document without quotes, one error row for a failed document
    assert [(r["doc_id"], r["quote_index"]) for r in rows] == [("d1", "0"), ("d1", "1"), ("bad", "")]
    first, second, bad = rows
    assert (int(first["content_start"]), int(first["content_end"])) == (1, TEXT.index("Not now.") + 8)
    assert json.loads(first["content"]) == [q.to_list() for q in QUOTES[0].content]
    assert first["content_text"] == "We will not sign this, … Not now."
    assert (first["cue_text"], first["source_text"], first["speaker"]) == ("said", "Anna Berg", "Anna Berg")
    assert json.loads(first["via"]) == [{"name": "Reuters", "source_type": "media", "span": None}]
    assert first["confidence"] == "0.9" and first["hedged"] == "False" and first["error"] == ""
    assert second["cue_start"] == "" and second["cue_text"] == "" and second["hedged"] == "True"
    assert bad["error"] == "[E103] not UTF-8" and bad["kind"] == ""


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="E310"):
        make_writer("xml", io.StringIO())


def test_records_check_their_kind_and_source_type() -> None:
    with pytest.raises(ValueError, match=r"\[E002\] unknown quote kind 'quoted'"):
        Quote(content=(span("Not now."),), kind="quoted")
    with pytest.raises(ValueError, match=r"\[E003\] unknown source_type 'person'"):
        Via("Reuters", "person")
