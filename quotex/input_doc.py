"""One input document as the readers yield it, and which of an input record's fields it keeps.

Every reader (``quotex.inputs`` for text and JSONL files, ``quotex.tabular`` for CSV, TSV and
Parquet, ``quotex.pages`` for HTML) yields ``InputDoc`` records; ``Fields`` says which field of a
record is the id, which the text, and which of the others go into the document's ``meta``.
"""

from __future__ import annotations

import datetime
import decimal
import math
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from quotex.errors import Errors, Failure

#: Which fields of an input record a document keeps as its ``meta``: none (``None``, and the
#: output has no ``meta``), ``"all"`` (every field but the id and the text) or the ones named.
Keep = Literal["all"] | tuple[str, ...] | None


@attrs.frozen
class Page:
    """An HTML page as read from disk, its main text still to be extracted.

    The extraction is the expensive part, so ``quotex extract`` leaves it to the worker process
    that finds the document's quotes (see ``quotex.pages.ready``).
    """

    data: bytes
    path: str
    keep: Keep = None


@attrs.frozen
class InputDoc:
    """One input document: its id and either its text or the reason it could not be read.

    ``code`` is the registry code of ``error``; ``encoding`` is the encoding the text was decoded
    with, when that was not UTF-8; ``meta`` the fields kept from its record (``--keep``), ``None``
    when none were asked for or the record could not be read. ``page`` is an HTML page whose text
    is still to be extracted (``text`` is then ``None``); ``extracted`` says that ``text`` was
    extracted from one, so that ``--with-text`` writes it (the caller has only the page).
    """

    id: str
    text: str | None = None
    error: str | None = None
    encoding: str | None = None
    code: str | None = None
    # (a dict is not hashable: equality compares it, the hash leaves it out)
    meta: dict[str, Any] | None = attrs.field(default=None, hash=False)
    page: Page | None = None
    extracted: bool = False

    @classmethod
    def failed(cls, doc_id: str, failure: Failure, meta: dict[str, Any] | None = None) -> InputDoc:
        """A document that could not be read, and why."""
        return cls(id=doc_id, error=failure.message, code=failure.code, meta=meta)

    @classmethod
    def unreadable(cls, doc_id: str, what: object, exc: OSError) -> InputDoc:
        """A document whose file could not be read (error E102), with the system's reason."""
        return cls.failed(doc_id, read_failure(what, exc))

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def size(self) -> int:
        """The characters of its text, or the bytes of a page still to be extracted."""
        if self.text is not None:
            return len(self.text)
        return len(self.page.data) if self.page is not None else 0


@attrs.frozen
class Fields:
    """Which field of an input record is the id, which the text, and which others to keep.

    Args:
        id: the id's field or column (a record without one gets its place: ``<file>:<n>``).
        text: the text's field or column.
        keep: the fields that go into ``meta`` (see ``Keep``).
    """

    id: str = "id"
    text: str = "text"
    keep: Keep = None

    def meta(self, record: Mapping[str, Any]) -> dict[str, Any] | None:
        """The kept fields of ``record``; a field it lacks is left out. ``None`` when none are kept."""
        if self.keep is None:
            return None
        if self.keep == "all":
            return {key: value for key, value in record.items() if key != self.id and key != self.text}
        return {name: record[name] for name in self.keep if name in record}

    def columns(self, names: list[str]) -> list[str]:
        """Which of a table's columns ``names`` are worth reading: the id, the text and the kept ones."""
        if self.keep == "all":
            return names
        wanted = {self.id, self.text, *(self.keep or ())}
        return [name for name in names if name in wanted]


def parse_keep(value: str) -> Keep:
    """``--keep``'s value: ``"all"``, or a comma list of field names (``"outlet,date"``).

    Raises:
        ValueError: no field is named.
    """
    if value.strip() == "all":
        return "all"
    names = tuple(dict.fromkeys(name.strip() for name in value.split(",") if name.strip()))
    if not names:
        raise ValueError(f"name the fields to keep, comma-separated (outlet,date), or all, not {value!r}")
    return names


def jsonable(value: Any) -> Any:
    """``value`` (a cell of a table) as something JSON can write exactly.

    Dates and times become ISO 8601 strings, decimals and NaN ``float``s numbers or ``null``,
    bytes text (UTF-8, a bad byte replaced); lists and mappings are
    converted item by item.
    """
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal):
        return float(value) if value.is_finite() else None
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("utf-8", "replace")
    if isinstance(value, Mapping):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    return str(value)


def read_failure(what: object, exc: OSError) -> Failure:
    """Error E102: ``what`` (a file, a line or row of one) could not be read, with the system's reason."""
    return Errors.E102(what=what, reason=exc.strerror or exc)
