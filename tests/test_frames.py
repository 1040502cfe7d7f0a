"""``quotex.to_dataframe``: the CSV output's rows as a DataFrame, from Documents, (Document, text) pairs or JSONL."""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import quotex
from quotex.frames import META_PREFIX, PandasNotInstalledError
from quotex.outputs import CSV_COLUMNS, Renderer, jsonl_line
from quotex.records import Document
from tests.conftest import shared_path

MAX_CHARS = 20_000
TOO_LONG = ("too-long", "x" * (MAX_CHARS + 1))
NO_QUOTES = ("no-quotes", "The bridge reopened on Monday.")


@pytest.fixture
def pd() -> Any:
    return pytest.importorskip("pandas", reason="to_dataframe needs pandas: pip install 'quotex[pandas]'")


@functools.cache
def items() -> list[tuple[str, str]]:
    """The Wikinews gold texts, with a document too long to extract and one without quotes."""
    path = shared_path("gold", "wikinews", "gold.jsonl")
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pairs = [(record["id"], record["text"]) for record in gold]
    return [*pairs[:10], TOO_LONG, *pairs[10:], NO_QUOTES]


@functools.cache
def documents() -> tuple[Document, ...]:
    return tuple(quotex.extract_many(items(), max_chars=MAX_CHARS))


def texts() -> list[str]:
    return [text for _, text in items()]


def write_jsonl(path: Path, *, with_text: bool) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as out:
        for document, text in zip(documents(), texts()):
            out.write(jsonl_line(document, text if with_text else None))
    return path


def test_one_row_per_quote_with_the_csv_outputs_values(pd: Any) -> None:
    frame = quotex.to_dataframe(zip(documents(), texts()))
    assert list(frame.columns) == list(CSV_COLUMNS)
    assert len(frame) == sum(len(d.quotes) for d in documents()) + 1
    # the same cells as quotex extract --format csv
    renderer = Renderer("csv")
    csv_text = renderer.header() + "".join(renderer.render(d, t) for d, t in zip(documents(), texts()))
    assert frame.to_csv(index=False, lineterminator="\r\n") == csv_text
    first = documents()[0]
    row = frame.iloc[0]
    quote = first.quotes[0]
    assert (row["doc_id"], row["quote_index"], row["kind"]) == (first.id, 0, quote.kind)
    assert (row["content_start"], row["content_end"]) == (quote.start, quote.end)
    assert row["content_text"] == quote.content_text(texts()[0])
    assert str(frame.dtypes["content_start"]) == "Int64" and str(frame.dtypes["hedged"]) == "boolean"
    assert str(frame.dtypes["confidence"]) == "Float64" and str(frame.dtypes["speaker"]) == "string"
    assert not (frame == "").any().any()  # a missing value is NA, never ""


def test_documents_pairs_and_jsonl_give_the_same_rows(pd: Any, tmp_path: Path) -> None:
    with_text = quotex.to_dataframe(zip(documents(), texts()))
    without = quotex.to_dataframe(documents())
    spanned = ["content_text", "cue_text", "source_text"]
    pd.testing.assert_frame_equal(without.drop(columns=spanned), with_text.drop(columns=spanned))
    assert without[spanned].isna().all().all()
    assert quotex.to_dataframe([(d, None) for d in documents()]).equals(without)
    # a JSONL output, with and without the spanned strings, read line by line
    pd.testing.assert_frame_equal(quotex.to_dataframe(write_jsonl(tmp_path / "t.jsonl", with_text=True)), with_text)
    pd.testing.assert_frame_equal(quotex.to_dataframe(str(write_jsonl(tmp_path / "n.jsonl", with_text=False))),
                                  without)


def test_the_jsonl_quotex_extract_writes(pd: Any, tmp_path: Path, quotex_cli: Any) -> None:
    inputs = tmp_path / "in.jsonl"
    some = [*items()[:3], NO_QUOTES]
    inputs.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in some), encoding="utf-8")
    done = quotex_cli("extract", inputs, "--with-text", "-o", tmp_path / "out.jsonl")
    assert done.returncode == 0, done.stderr
    frame = quotex.to_dataframe(tmp_path / "out.jsonl")
    expected = quotex.to_dataframe(zip(quotex.extract_many(some), [t for _, t in some]))
    pd.testing.assert_frame_equal(frame[list(CSV_COLUMNS)], expected)


def test_a_failed_document_gives_one_row_with_its_error(pd: Any) -> None:
    frame = quotex.to_dataframe(zip(documents(), texts()))
    failed = frame[frame["error"].notna()]
    assert list(failed["doc_id"]) == ["too-long"]
    assert failed["error"].iloc[0].startswith("[E108] the document has 20,001 characters")
    assert failed.drop(columns=["doc_id", "error"]).isna().all().all()
    assert "no-quotes" not in set(frame["doc_id"])  # no quotes, no row (as in the CSV)
    alone = quotex.to_dataframe(Document.failed("bad", quotex.Errors.E302()))
    assert list(alone["doc_id"]) == ["bad"] and alone["error"].iloc[0].startswith("[E302]")


def test_meta_fields_become_columns(pd: Any, tmp_path: Path) -> None:
    text = '"We will not sign this," Anna Berg said. "Nor that," she said.'
    (plain,) = quotex.extract_many([("a1", text)])
    documents = [attrs.evolve(plain, meta={"url": "https://example.org/a1", "section": "world"}),
                 Document.failed("a2", quotex.Errors.E302(), meta={"url": "https://example.org/a2"}),
                 attrs.evolve(plain, id="a3")]
    frame = quotex.to_dataframe(zip(documents, [text, None, text]))
    assert list(frame.columns) == [*CSV_COLUMNS, f"{META_PREFIX}url", f"{META_PREFIX}section"]
    assert list(frame["doc_id"]) == ["a1", "a1", "a2", "a3", "a3"]
    assert list(frame["meta.url"])[:3] == ["https://example.org/a1"] * 2 + ["https://example.org/a2"]
    assert frame["meta.url"].iloc[3:].isna().all() and frame["meta.section"].iloc[2:].isna().all()
    assert json.loads(frame["meta"].iloc[0]) == documents[0].meta and frame["meta"].iloc[3:].isna().all()
    # a JSONL line's "meta" object likewise
    path = tmp_path / "meta.jsonl"
    path.write_text("".join(jsonl_line(d, t) for d, t in zip(documents, [text, None, text])), encoding="utf-8")
    pd.testing.assert_frame_equal(quotex.to_dataframe(path), frame)


def test_no_rows_still_has_the_columns(pd: Any) -> None:
    frame = quotex.to_dataframe([])
    assert list(frame.columns) == list(CSV_COLUMNS) and len(frame) == 0
    assert str(frame.dtypes["quote_index"]) == "Int64"
    assert len(quotex.to_dataframe(quotex.extract_many(["No quote here."]))) == 0


def test_what_is_not_a_result_is_refused(pd: Any, tmp_path: Path) -> None:
    with pytest.raises(TypeError, match=r"\[E051\] .* not Quote .*extract_many"):
        quotex.to_dataframe(quotex.extract('"No," she said.'))
    with pytest.raises(TypeError, match=r"\[E051\] .* not str 'Some text'"):
        quotex.to_dataframe(["Some text"])
    with pytest.raises(TypeError, match=r"\[E051\]"):
        quotex.to_dataframe([(documents()[0], 3)])
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "quotes": []}\n\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"\[E052\] line 3 of .*bad.jsonl is not a record of quotex extract"):
        quotex.to_dataframe(path)
    path.write_text('{"id": "a", "quotes": [{"content": [[3, 1]], "kind": "direct"}]}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"\[E052\] line 1 .*\[E001\] bad span"):
        quotex.to_dataframe(path)
    path.write_text('{"id": "a"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"\[E052\] line 1 .*missing 'quotes'"):
        quotex.to_dataframe(path)


def test_without_pandas_an_import_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails, as when it is not installed
    wanted = r"\[E109\] quotex.to_dataframe needs pandas.*pip install 'quotex\[pandas\]'"
    with pytest.raises(ImportError, match=wanted) as caught:
        quotex.to_dataframe([])
    assert isinstance(caught.value, PandasNotInstalledError) and caught.value.code == "E109"
