"""Tables as input: CSV, TSV and Parquet files, one document a row, read as a stream.

A CSV or TSV file has a header row naming its columns and is quoted as spreadsheets and pandas
write it (a field holding the delimiter, a quote mark or a line break is in double quotes, its
quote marks doubled); a row whose quoting is broken (a field opens with a quote mark and goes on
after its close) is an error document. It is read with the ``csv`` module, a physical line at a
time, each line decoded by the policy of ``quotex.decoding`` (a file with a UTF-16 or UTF-32
byte-order mark, as Excel's "Unicode text" is, is decoded as one stream). A Parquet file
(``pip install 'quotex[parquet]'``) is read a batch of rows at a time with pyarrow, and only the
columns needed: the id, the text and the kept ones.

Rows are numbered from 1, the header not counted; a row without an id gets ``<file name>:<row>``.
A row without a text (an empty cell, a short row, a null), with a text that is not a string, or
with one over ``max_chars`` becomes an error document (with its kept fields); a file without the
text column becomes one error document under its file name.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from quotex.decoding import binary_reason, bom_codec, decode
from quotex.errors import Errors, Failure
from quotex.input_doc import Fields, InputDoc, jsonable, read_failure

#: The delimiter of each delimited-text suffix.
DELIMITERS = {".csv": ",", ".tsv": "\t"}
PARQUET_SUFFIXES = (".parquet",)
#: Every suffix read as a table.
SUFFIXES = (*DELIMITERS, *PARQUET_SUFFIXES)
#: Rows of a Parquet file converted at a time (a few MB of news text).
PARQUET_BATCH_ROWS = 256
# The csv module refuses fields over 128 KiB by default; a news article can be longer, and
# --max-chars is the limit that counts. (The limit is the module's, for the whole process.)
_FIELD_LIMIT = 2**31 - 1
# After a carriage return that no line feed follows: a line end of its own.  "a\rb\r\n" -> "a\r", "b\r\n"
_LONE_CR = re.compile(r"(?<=\r)(?!\n|$)")
# Bytes read to tell a binary file from a text one before parsing it.
_SNIFF_BYTES = 1 << 16


def iter_table(path: Path, fields: Fields, *, max_chars: int) -> Iterator[InputDoc]:
    """Yield one document per row of the CSV, TSV or Parquet file ``path``."""
    suffix = path.suffix.lower()
    if suffix in PARQUET_SUFFIXES:
        return iter_parquet(path, fields, max_chars=max_chars)
    return iter_delimited(path, fields, delimiter=DELIMITERS.get(suffix, ","), max_chars=max_chars)


@attrs.define
class _Lines:
    """Decodes a file's lines for the csv reader, noting the encoding and failure of each row's lines.

    ``whole`` is the encoding of a file decoded as one stream (UTF-16, UTF-32), which every row has.
    """

    path: Path
    whole: str | None = None
    encoding: str | None = None
    failure: Failure | None = None

    def decoded(self, handle: Iterable[bytes]) -> Iterator[str]:
        for lineno, raw in enumerate(handle, start=1):
            text, encoding, failure = decode(raw, f" on line {lineno} of {self.path}")
            if failure is not None:
                self.failure = self.failure or failure
                text = raw.decode("latin-1")  # still parsed, so the rows after it are read as they are
            self.encoding = encoding or self.encoding
            if text.find("\r", 0, len(text) - 2) < 0:
                yield text
            else:  # lines ended by a lone carriage return (old Mac "CSV"): split as a text file would be
                yield from _LONE_CR.split(text)

    def reset(self) -> None:
        """Start a row: no encoding noted but the stream's, no failure."""
        self.encoding, self.failure = self.whole, None


def iter_delimited(path: Path, fields: Fields, *, delimiter: str = ",", max_chars: int) -> Iterator[InputDoc]:
    """Yield one document per row of a CSV (or, with ``delimiter="\\t"``, TSV) file."""
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputDoc.unreadable(path.name, path, exc)
        return
    with handle:
        try:
            head = handle.read(_SNIFF_BYTES)
            handle.seek(0)
        except OSError as exc:
            yield InputDoc.unreadable(path.name, path, exc)
            return
        codec = bom_codec(head)
        binary = None if codec else binary_reason(head)
        if binary is not None:
            yield InputDoc.failed(path.name, Errors.E107(detail=binary, where=f" in {path}"))
            return
        stream: Iterable[str]
        if codec in ("utf-16", "utf-32"):
            # (their lines cannot be split as bytes: a stream decoder reads them)
            lines = _Lines(path, whole=codec)
            stream = io.TextIOWrapper(handle, encoding=codec, newline="")
        else:
            lines = _Lines(path)
            stream = lines.decoded(handle)
        # strict: a field that opens a quote and goes on past its close is an error, not a text
        # silently stripped of its quote marks ('"No," he said' unquoted reads as 'No, he said')
        reader = csv.reader(stream, delimiter=delimiter, strict=True)
        yield from _rows(reader, path, fields, lines, max_chars)


def _rows(reader: Any, path: Path, fields: Fields, lines: _Lines, max_chars: int) -> Iterator[InputDoc]:
    """The documents of a csv reader's rows, the first row naming the columns."""
    kind = "TSV" if reader.dialect.delimiter == "\t" else "CSV"
    header: list[str] | None = None
    row = 0
    while True:
        lines.reset()
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # the reader goes on at the next line
            failure = Errors.E112(row=row + 1, path=path, lineno=reader.line_num, kind=kind, detail=exc)
            if header is None:
                yield InputDoc.failed(path.name, failure)
                return
            row += 1
            yield InputDoc.failed(f"{path.name}:{row}", failure)
            continue
        except (UnicodeDecodeError, OSError) as exc:  # the rest of the file cannot be read
            yield InputDoc.failed(f"{path.name}:{row + 1}" if header else path.name, _broken(exc, path, row + 1))
            return
        if header is None:
            if lines.failure is not None:
                yield InputDoc.failed(path.name, lines.failure)
                return
            header = values
            if fields.text not in header:
                columns = ", ".join(repr(name) for name in header) or "none"
                yield InputDoc.failed(path.name, Errors.E110(path=path, column=fields.text, columns=columns))
                return
        elif values:  # (not a blank line)
            row += 1
            yield row_doc(dict(zip(header, values)), row, path, fields, max_chars,
                          encoding=lines.encoding, failure=lines.failure, empty_is_missing=True)


def _broken(exc: UnicodeDecodeError | OSError, path: Path, row: int) -> Failure:
    """Why the rows of ``path`` from ``row`` on cannot be read."""
    if isinstance(exc, UnicodeDecodeError):
        return Errors.E103(codec=exc.encoding, detail=exc.reason, where=f" in row {row} of {path}")
    return read_failure(f"row {row} of {path}", exc)


def iter_parquet(path: Path, fields: Fields, *, max_chars: int) -> Iterator[InputDoc]:
    """Yield one document per row of a Parquet file, reading a batch of rows at a time."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        yield InputDoc.failed(path.name, Errors.E109(what=f"the Parquet file {path}", library="pyarrow",
                                                     extra="parquet"))
        return
    problems = (OSError, ValueError, pa.ArrowException)
    try:
        # buffered: a large column chunk is read a piece at a time, not whole
        table = pq.ParquetFile(path, buffer_size=1 << 20)
        names = list(table.schema_arrow.names)
    except problems as exc:
        yield InputDoc.failed(path.name, Errors.E113(path=path, detail=exc))
        return
    if fields.text not in names:
        columns = ", ".join(repr(name) for name in names) or "none"
        yield InputDoc.failed(path.name, Errors.E110(path=path, column=fields.text, columns=columns))
        return
    row = 0
    try:
        for batch in table.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=fields.columns(names)):
            for record in batch.to_pylist():
                row += 1
                yield row_doc(record, row, path, fields, max_chars)
    except problems as exc:
        yield InputDoc.failed(f"{path.name}:{row + 1}", Errors.E113(path=path, detail=f"at row {row + 1}: {exc}"))


def row_doc(
    record: dict[str, Any],
    row: int,
    path: Path,
    fields: Fields,
    max_chars: int,
    *,
    encoding: str | None = None,
    failure: Failure | None = None,
    empty_is_missing: bool = False,
) -> InputDoc:
    """The document of one row: ``record`` maps the column names to the row's values.

    ``failure`` is a decoding failure of the row's lines; ``empty_is_missing`` takes an empty
    text as none (a CSV cell cannot say null).
    """
    where = f"{path.name}:{row}"
    key = record.get(fields.id)
    doc_id = where if key is None or key == "" else str(key)
    meta = fields.meta(record)
    if meta is not None and not empty_is_missing:
        meta = jsonable(meta)
    if failure is not None:
        return InputDoc.failed(doc_id, failure, meta)
    text = record.get(fields.text)
    if isinstance(text, bytes):  # a Parquet BYTE_ARRAY column not marked as text
        text, encoding, failure = decode(text, f" in row {row} of {path}")
        if failure is not None:
            return InputDoc.failed(doc_id, failure, meta)
    if text is None or (empty_is_missing and text == ""):
        return InputDoc.failed(doc_id, Errors.E111(row=row, path=path, problem="has no text", column=fields.text),
                               meta)
    if not isinstance(text, str):
        problem = f"has a {type(text).__name__} text, not a string"
        return InputDoc.failed(doc_id, Errors.E111(row=row, path=path, problem=problem, column=fields.text), meta)
    if len(text) > max_chars:
        failure = Errors.E108(what=f"row {row} of {path}", size=len(text), unit="characters", limit=max_chars)
        return InputDoc.failed(doc_id, failure, meta)
    return InputDoc(id=doc_id, text=text, encoding=encoding, meta=meta)
