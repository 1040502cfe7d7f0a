"""The error registry and the options object: unique codes, coded failures, options checked at once."""

from __future__ import annotations

import ast
import pickle
import re
import subprocess
from pathlib import Path

import pytest

import quotex
from quotex.errors import (
    REASONS,
    REGISTRY,
    DocumentTimeout,
    Errors,
    ExtractionError,
    QuotexError,
    TextTypeError,
    failure_of,
)
from quotex.models import ModelsNotFoundError, ParserNotInstalledError

ROOT = Path(__file__).resolve().parent.parent
CODE = re.compile(r"E\d{3}")


def test_every_code_is_defined_once_in_the_registry() -> None:
    source = (ROOT / "quotex" / "errors.py").read_text(encoding="utf-8")
    body = next(n for n in ast.parse(source).body if isinstance(n, ast.ClassDef) and n.name == "Errors")
    names = [t.id for n in body.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)]
    assert names and all(CODE.fullmatch(name) for name in names)
    assert len(names) == len(set(names))  # a second definition would silently replace the first
    assert names == sorted(names) == list(REGISTRY)
    assert all(error.code == code for code, error in REGISTRY.items())
    assert set(REASONS) == set(REGISTRY)


def test_no_module_writes_a_code_into_a_message_of_its_own() -> None:
    # a coded message anywhere but the registry is a code defined a second time
    for path in sorted((ROOT / "quotex").rglob("*.py")):
        if path.name == "errors.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"[\"']\[E\d{3}\]", text), path
    listed = subprocess.run(["git", "grep", "-n", r"E[0-9][0-9][0-9] = Error("], cwd=ROOT, capture_output=True,
                            text=True)
    if listed.returncode == 0:  # (in a git checkout)
        defined = [CODE.search(line.split(":", 2)[2]).group() for line in listed.stdout.splitlines()]  # type: ignore[union-attr]
        assert sorted(defined) == sorted(REGISTRY)


def test_messages_carry_their_code_and_fill_in() -> None:
    assert str(Errors.E303).startswith("[E303] the document took longer")
    failure = Errors.E108(what="the document", size=2_500_000, unit="characters", limit=2_000_000)
    assert failure.code == "E108"
    assert failure.message.startswith("[E108] the document has 2,500,000 characters, over the limit of 2,000,000")
    assert "--max-chars" in failure.message
    assert Errors.E010.format(value="spacy", choices="rules, stanza, auto") == (
        "[E010] unknown engine 'spacy': choose one of rules, stanza, auto"
    )


def test_quotex_errors_carry_their_code_and_pickle() -> None:
    errors: list[QuotexError] = [
        DocumentTimeout(0.5),
        ExtractionError(Errors.E108(what="x", size=3, unit="characters", limit=2)),
        TextTypeError(Errors.E011(kind="bytes")),
        ModelsNotFoundError(Path("/nowhere"), ["resources.json"]),
        ParserNotInstalledError(),
    ]
    for exc in errors:
        assert str(exc).startswith(f"[{exc.code}] ")
        again = pickle.loads(pickle.dumps(exc))
        assert type(again) is type(exc) and str(again) == str(exc) and again.code == exc.code
    assert isinstance(errors[0], TimeoutError) and errors[0].code == "E303"
    assert isinstance(errors[3], FileNotFoundError) and isinstance(errors[4], ImportError)


def test_failures_of_other_exceptions_get_a_code() -> None:
    assert failure_of(TimeoutError("regex timed out")).code == "E306"
    internal = failure_of(RecursionError("maximum recursion depth exceeded"))
    assert internal.code == "E305" and "RecursionError: maximum recursion depth exceeded" in internal.message


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ({"engine": "spacy"}, "E010"),
        ({"select": "some"}, "E403"),
        ({"max_chars": 0}, "E014"),
        ({"max_chars": 1.5}, "E014"),
        ({"timeout": -1}, "E015"),
        ({"timeout": float("inf")}, "E015"),
        ({"batch_size": 0}, "E016"),
    ],
)
def test_extractor_options_are_checked_when_it_is_built(options: dict[str, object], code: str) -> None:
    with pytest.raises(ValueError, match=rf"^\[{code}\] "):
        quotex.Extractor(**options)  # type: ignore[arg-type]


def test_extractor_holds_every_option_and_stays_cheap() -> None:
    ex = quotex.Extractor(engine="rules", max_chars=1000, timeout=2, select="all", batch_size=8)
    assert (ex.engine, ex.models_dir, ex.max_chars, ex.timeout, ex.select, ex.batch_size, ex.alarm) == (
        "rules", None, 1000, 2, "all", 8, False,
    )
    assert pickle.loads(pickle.dumps(ex)) == ex and hash(ex) == hash(quotex.Extractor(
        engine="rules", max_chars=1000, timeout=2, select="all", batch_size=8))
    default = quotex.Extractor()
    assert (default.max_chars, default.timeout, default.select, default.batch_size) == (
        2_000_000, 30.0, "candidates", 64,
    )
    assert quotex.Extractor(models_dir=Path("/tmp")).models_dir == "/tmp"


def test_extract_takes_typed_options_and_records_codes() -> None:
    say = '"We will not sign this," Foreign Minister Anna Berg said.'
    assert quotex.extract(say, max_chars=100, timeout=5)[0].speaker == "Anna Berg"
    with pytest.raises(ExtractionError, match=r"^\[E108\] "):
        quotex.extract(say * 10, max_chars=100)
    with pytest.raises(TypeError, match=r"^\[E011\] "):
        quotex.extract(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^\[E013\] "):
        quotex.extract_many([say], on_error="ignore")  # type: ignore[arg-type]
    done = list(quotex.extract_many([("a", say), ("b", say * 10), ("c", 3)], max_chars=100))  # type: ignore[list-item]
    assert [(d.id, d.code) for d in done] == [("a", None), ("b", "E108"), ("c", "E011")]
    assert done[1].to_dict()["code"] == "E108" and "code" not in done[0].to_dict()
    assert done[1].error is not None and done[1].error.startswith("[E108] the document has 570 characters")
