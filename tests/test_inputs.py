"""The input walker: directories, text files and JSONL files, lazily, never stopped by a bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotex.inputs import InputDoc, iter_inputs


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8", newline="")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    write(root / "b.txt", "Bee said so.")
    write(root / "a.txt", "Ay said so.")
    write(root / "sub" / "c.txt", "Sea said so.")
    write(root / "sub" / "deeper" / "d.txt", "Dee said so.")
    write(root / "notes.md", "not a document")
    write(root / "data.jsonl", '{"id": "x", "text": "not walked"}\n')
    return root


def test_directory_is_walked_recursively_in_sorted_order(tree: Path) -> None:
    docs = list(iter_inputs([tree]))
    assert [d.id for d in docs] == ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt"]
    assert docs[0] == InputDoc(id="a.txt", text="Ay said so.")
    assert all(d.ok for d in docs)


def test_text_file_id_is_its_name(tree: Path) -> None:
    (doc,) = iter_inputs([tree / "sub" / "c.txt"])
    assert doc == InputDoc(id="c.txt", text="Sea said so.")


def test_paths_are_read_in_the_order_given(tree: Path) -> None:
    ids = [d.id for d in iter_inputs([tree / "b.txt", tree / "sub", tree / "a.txt"])]
    assert ids == ["b.txt", "c.txt", "deeper/d.txt", "a.txt"]


def test_text_is_kept_as_written_except_a_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "crlf.txt", "\ufeffLine one.\r\n“Two,” he said.\r\n".encode())
    (doc,) = iter_inputs([path])
    assert doc.text == "Line one.\r\n“Two,” he said.\r\n"


def test_jsonl_lines_give_their_ids_and_other_keys_are_ignored(tmp_path: Path) -> None:
    lines = [
        {"id": "first", "text": "One.", "quotes": [], "meta": {"x": 1}},
        {"id": 7, "text": "Seven."},
    ]
    path = write(tmp_path / "docs.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    docs = list(iter_inputs([path]))
    assert docs == [InputDoc(id="first", text="One."), InputDoc(id="7", text="Seven.")]


def test_jsonl_line_without_id_gets_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "docs.jsonl", '{"id": "a", "text": "A."}\n{"text": "B."}\n')
    assert [d.id for d in iter_inputs([path])] == ["a", "docs.jsonl:2"]


def test_bad_jsonl_lines_become_errors_and_the_walk_goes_on(tmp_path: Path) -> None:
    path = write(
        tmp_path / "docs.jsonl",
        b'{"id": "ok1", "text": "Fine."}\n'
        b'{"id": "broken", "text": \n'
        b'["a", "list"]\n'
        b'{"id": "notext"}\n'
        b'{"id": "numtext", "text": 5}\n'
        b'{"id": "latin", "text": "caf\xe9"}\n'
        b'{"id": "ok2", "text": "Also fine."}\n',
    )
    docs = list(iter_inputs([path]))
    assert [d.id for d in docs] == ["ok1", "docs.jsonl:2", "docs.jsonl:3", "notext", "numtext",
                                    "latin", "ok2"]
    assert [d.ok for d in docs] == [True, False, False, False, False, True, True]
    errors = [d.error or "" for d in docs]
    assert "line 2" in errors[1] and "not valid JSON" in errors[1]
    assert "line 3" in errors[2] and "not an object" in errors[2]
    assert "line 4" in errors[3] and "no \"text\"" in errors[3]
    assert "line 5" in errors[4]
    # a line that is not UTF-8 is decoded by the same fallback policy as a file
    assert docs[5].text == "café" and docs[5].encoding == "cp1252"
    assert docs[-1].text == "Also fine." and docs[-1].encoding is None
    assert all(d.text is None for d in docs if not d.ok)


def test_non_utf8_file_is_decoded_by_the_fallback_policy(tmp_path: Path) -> None:
    write(tmp_path / "d" / "good.txt", "Good.")
    write(tmp_path / "d" / "latin1.txt", "Caf\xe9 au lait.".encode("latin-1"))
    write(tmp_path / "d" / "windows.txt", "\u201cOui,\u201d he said.".encode("cp1252"))
    write(tmp_path / "d" / "x81.txt", b"Caf\xe9 \x81")  # 0x81 is not cp1252: Latin-1 takes any byte
    docs = list(iter_inputs([tmp_path / "d"]))
    assert [(d.id, d.text, d.encoding) for d in docs] == [
        ("good.txt", "Good.", None),
        ("latin1.txt", "Caf\xe9 au lait.", "cp1252"),
        ("windows.txt", "\u201cOui,\u201d he said.", "cp1252"),
        ("x81.txt", "Caf\xe9 \x81", "latin-1"),
    ]


def test_unreadable_and_missing_inputs_become_errors(tmp_path: Path) -> None:
    write(tmp_path / "d" / "fine.txt", "Fine.")
    (tmp_path / "d" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")  # a dangling link
    docs = list(iter_inputs([tmp_path / "d", tmp_path / "missing.txt", tmp_path / "missing.jsonl"]))
    assert [d.id for d in docs] == ["fine.txt", "gone.txt", str(tmp_path / "missing.txt"),
                                    str(tmp_path / "missing.jsonl")]
    assert [d.ok for d in docs] == [True, False, False, False]
    assert "cannot read" in (docs[1].error or "")
    assert "no such file" in (docs[2].error or "")


def test_directory_named_like_a_text_file_is_not_a_document(tmp_path: Path) -> None:
    write(tmp_path / "d" / "odd.txt" / "inner.txt", "Inner.")
    assert [d.id for d in iter_inputs([tmp_path / "d"])] == ["odd.txt/inner.txt"]


def test_files_are_read_lazily(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a", "b", "c"):
        write(tmp_path / f"{name}.txt", name)
    reads: list[str] = []
    original = Path.read_bytes

    def counting(self: Path) -> bytes:
        reads.append(self.name)
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    docs = iter_inputs([tmp_path])
    assert reads == []
    assert next(docs).id == "a.txt"
    assert reads == ["a.txt"]


def test_gold_files_are_valid_input() -> None:
    from tests.conftest import CORPUS

    docs = list(iter_inputs([CORPUS / "seeds" / "gold.jsonl"]))
    assert [d.id for d in docs] == ["000_a642edc218d482ea", "002_e2de4a21e34eb90f"]
    assert docs[0].text == (CORPUS / "seeds" / "000_a642edc218d482ea.txt").read_text(encoding="utf-8")


def test_directory_listing_is_what_rglob_finds(tmp_path: Path) -> None:
    root = tmp_path / "news"
    for name in ["a.txt", "b.TXT", ".hidden.txt", ".txt", "notes.md", "sub/c.txt", "sub/deeper/d.txt",
                 "dir.txt/inside.txt", "elsewhere/e.txt"]:
        write(root / name, "x")
    (root / "link-to-dir").symlink_to(root / "elsewhere", target_is_directory=True)
    (root / "link-to-dir.txt").symlink_to(root / "sub", target_is_directory=True)
    (root / "link.txt").symlink_to(root / "a.txt")
    (root / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    expected = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.txt") if not p.is_dir())
    listed = [d.id for d in iter_inputs([root])]
    assert listed == expected
    assert "dangling.txt" in listed and "link.txt" in listed and "dir.txt/inside.txt" in listed
    assert not any(name.startswith(("link-to-dir", "b.")) for name in listed)
