"""The installed ``quotex`` command, run in a subprocess: exit codes, output lines, ids, formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from quotex.batch import Tally
from quotex.cli import Progress
from quotex.extractor import Extractor
from quotex.inputs import count_documents, iter_inputs
from quotex.outputs import CSV_COLUMNS
from tests.conftest import CORPUS, run_quotex

SAY = '“We will not sign this,” Foreign Minister Anna Berg said on Monday. Officials said talks had failed.'


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A directory of text files (one Latin-1, one binary), and a JSONL file next to it."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "b.txt").write_text(SAY, encoding="utf-8")
    (root / "a.txt").write_text("Nothing to report.", encoding="utf-8")
    (root / "sub" / "c.txt").write_text(SAY, encoding="utf-8")
    (root / "sub" / "latin1.txt").write_bytes("Caf\xe9, he said.".encode("latin-1"))
    (root / "sub" / "nul.txt").write_bytes(b"He said \x00\x00 nothing.")
    lines = [{"id": "j1", "text": SAY, "quotes": [], "meta": {}}, {"id": "j2", "text": "Quiet day."}]
    (tmp_path / "docs.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return tmp_path


def jsonl(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_version() -> None:
    done = run_quotex("--version")
    assert done.returncode == 0
    assert done.stdout.startswith("quotex ")


def test_one_line_per_document_in_input_order(inputs: Path) -> None:
    done = run_quotex("extract", inputs / "in", inputs / "docs.jsonl", inputs / "in" / "a.txt")
    records = jsonl(done.stdout)
    assert [r["id"] for r in records] == [
        "a.txt", "b.txt", "sub/c.txt", "sub/latin1.txt", "sub/nul.txt", "j1", "j2", "a.txt",
    ]
    assert all(isinstance(r["quotes"], list) for r in records)
    # the binary file failed, with its reason on its own line; the others did not
    failed = [r for r in records if "error" in r]
    assert [r["id"] for r in failed] == ["sub/nul.txt"]
    assert "binary" in failed[0]["error"]
    # the Latin-1 file was decoded by the fallback policy, which its line records
    assert [r.get("encoding") for r in records] == [None, None, None, "cp1252", None, None, None, None]
    assert done.returncode == 1
    assert "8 documents" in done.stderr and "1 failed" in done.stderr and "binary 1" in done.stderr


def test_exit_zero_when_every_document_is_processed(inputs: Path) -> None:
    done = run_quotex("extract", inputs / "in" / "a.txt", inputs / "in" / "b.txt", inputs / "docs.jsonl")
    assert done.returncode == 0, done.stderr
    assert [r["id"] for r in jsonl(done.stdout)] == ["a.txt", "b.txt", "j1", "j2"]
    assert all("error" not in r for r in jsonl(done.stdout))


def test_quotes_have_the_contract_fields(inputs: Path) -> None:
    done = run_quotex("extract", inputs / "docs.jsonl", "--with-text")
    assert done.returncode == 0, done.stderr
    text = SAY
    for record in jsonl(done.stdout):
        for quote in record["quotes"]:
            assert {"content", "kind", "cue", "source", "speaker", "speaker_title", "source_type", "via",
                    "hedged", "confidence", "rule", "content_text", "cue_text", "source_text"} <= set(quote)
            for (start, end), part in zip(quote["content"], quote["content_text"]):
                assert text[start:end] == part


def test_output_file(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "quotes.jsonl"
    done = run_quotex("extract", inputs / "docs.jsonl", "-o", out)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert [r["id"] for r in jsonl(out.read_text(encoding="utf-8"))] == ["j1", "j2"]


def test_jsonl_errors_do_not_stop_the_run(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = ['{"id": "ok", "text": "Fine."}', '{"id": "bad", ', '{"id": "no-text"}',
             '{"id": "ok2", "text": "x"}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = run_quotex("extract", path)
    assert done.returncode == 1
    records = jsonl(done.stdout)
    assert [r["id"] for r in records] == ["ok", "mixed.jsonl:2", "no-text", "ok2"]
    assert "line 2" in records[1]["error"] and "line 3" in records[2]["error"]


def test_missing_path_is_a_failed_document(tmp_path: Path) -> None:
    done = run_quotex("extract", tmp_path / "nope.txt")
    assert done.returncode == 1
    (record,) = jsonl(done.stdout)
    assert record["quotes"] == [] and "no such file" in record["error"]


def test_csv_output_parses(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "quotes.csv"
    done = run_quotex("extract", inputs / "in", "--format", "csv", "-o", out)
    assert done.returncode == 1  # the binary file
    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    errors = [row for row in rows if row["error"]]
    assert [row["doc_id"] for row in errors] == ["sub/nul.txt"]
    for row in rows:
        if not row["error"]:
            assert row["doc_id"] in {"b.txt", "sub/c.txt", "sub/latin1.txt"}  # "a.txt" has no quote, so no row
            spans = json.loads(row["content"])
            assert int(row["content_start"]) == spans[0][0] and int(row["content_end"]) == spans[-1][1]
            assert isinstance(json.loads(row["via"]), list)


def test_csv_to_standard_output(inputs: Path) -> None:
    done = run_quotex("extract", inputs / "docs.jsonl", "--format", "csv")
    assert done.returncode == 0, done.stderr
    header = next(csv.reader(io.StringIO(done.stdout)))
    assert tuple(header) == CSV_COLUMNS


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["extract"],
        ["frobnicate", "x.txt"],
        ["extract", "x.txt", "--format", "xml"],
        ["extract", "x.txt", "--engine", "magic"],
        ["extract", "x.txt", "--jobs", "0"],
        ["extract", "x.txt", "--jobs", "many"],
        ["extract", "x.txt", "--models", "/no/such/dir"],
        ["eval"],
        ["eval", "gold.jsonl", "pred.jsonl", "--slice", "beliefs"],
    ],
)
def test_usage_errors_exit_2(args: list[str], tmp_path: Path) -> None:
    done = run_quotex(*args, cwd=tmp_path)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "usage:" in done.stderr
    assert done.stdout == ""


def test_unwritable_output_is_a_usage_error(inputs: Path, tmp_path: Path) -> None:
    done = run_quotex("extract", inputs / "docs.jsonl", "-o", tmp_path / "no" / "such" / "dir" / "out.jsonl")
    assert done.returncode == 2
    assert "cannot write" in done.stderr


def test_jobs_are_accepted(inputs: Path) -> None:
    one = run_quotex("extract", inputs / "in", inputs / "docs.jsonl")
    two = run_quotex("extract", inputs / "in", inputs / "docs.jsonl", "--jobs", "2")
    assert two.returncode == one.returncode == 1
    assert two.stdout == one.stdout


def test_eval_with_predictions(tmp_path: Path) -> None:
    gold = CORPUS / "seeds" / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    lines = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        lines.append({"id": doc["id"], "quotes": doc["quotes"]})  # gold as predictions: a perfect score
    pred.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")

    done = run_quotex("eval", gold, pred, "--json")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["0.3"]["F1"] == figures["exact"]["F1"] == 100.0
    assert figures["docs"] == 2 and figures["docs_missing_in_pred"] == 0

    table = run_quotex("eval", gold, pred, "--slice", "speech")
    assert table.returncode == 0, table.stderr
    assert "exact" in table.stdout and "speaker" in table.stdout and "slice: speech" in table.stdout


def test_eval_without_predictions_extracts_first(tmp_path: Path) -> None:
    done = run_quotex("eval", CORPUS / "seeds" / "gold.jsonl", "--json")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["docs"] == 2 and figures["docs_missing_in_pred"] == 0 and figures["docs_failed"] == 0
    assert figures["0.3"]["gold"] > 0


def test_eval_reports_a_malformed_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "x", "text": "T"}\n', encoding="utf-8")
    done = run_quotex("eval", gold, gold)
    assert done.returncode == 2
    assert "E202" in done.stderr and "line 1" in done.stderr
    missing = run_quotex("eval", tmp_path / "missing.jsonl")
    assert missing.returncode == 2


def test_python_dash_m(inputs: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import REPO_ROOT

    done = subprocess.run([sys.executable, "-m", "quotex", "extract", inputs / "docs.jsonl"], cwd=REPO_ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    assert [r["id"] for r in jsonl(done.stdout)] == ["j1", "j2"]


def test_eval_reports_malformed_predictions(tmp_path: Path) -> None:
    pred = tmp_path / "pred.jsonl"
    pred.write_text('{"id": "000_a642edc218d482ea", "quotes": [{"content": "oops"}]}\n', encoding="utf-8")
    done = run_quotex("eval", CORPUS / "seeds" / "gold.jsonl", pred)
    assert done.returncode == 2
    assert "E203" in done.stderr


# ------------------------------------------------------------------------------- progress


class _Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_count_documents_is_what_the_inputs_yield(inputs: Path) -> None:
    root = inputs / "in"
    assert count_documents([root]) == len(list(iter_inputs([root]))) == 5
    assert count_documents([root / "a.txt", inputs / "missing.txt", root]) == 7
    assert count_documents([root, inputs / "docs.jsonl"]) is None  # lines are known only by reading


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Progress, "INTERVAL", 0.0)
    tally = Tally(documents=3, quotes=7, failed=1)
    redirected = io.StringIO()
    progress = Progress(redirected, total=10)
    progress.update(tally)
    progress.close()
    assert redirected.getvalue() == ""

    terminal = _Terminal()
    progress = Progress(terminal, total=10)
    progress.update(tally)
    drawn = terminal.getvalue()
    assert "quotex extract" in drawn and "3/10" in drawn and "7 quotes, 1 failed" in drawn
    progress.close()
    assert terminal.getvalue()[len(drawn) :].strip() == ""  # cleared: the summary takes its place


def test_no_progress_when_standard_error_is_redirected(inputs: Path) -> None:
    result = run_quotex("extract", inputs / "in")
    assert "\r" not in result.stderr and "documents/s" in result.stderr


def test_the_options_map_onto_one_extractor() -> None:
    from quotex.cli import args_to_extractor, build_parser

    args = build_parser().parse_args(["extract", "x.txt", "--max-chars", "1000", "--timeout", "0"])
    assert args_to_extractor(args) == Extractor(max_chars=1000, timeout=0, alarm=True)
    defaults = args_to_extractor(build_parser().parse_args(["extract", "x.txt"]))
    assert (defaults.engine, defaults.max_chars, defaults.timeout) == ("rules", 2_000_000, 30.0)
    scored = args_to_extractor(build_parser().parse_args(["eval", "gold.jsonl", "--engine", "rules"]))
    assert scored == Extractor(alarm=True)
