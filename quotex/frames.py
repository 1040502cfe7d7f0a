"""Results as a pandas DataFrame (``quotex.to_dataframe``): one row per quote, the CSV output's rows.

pandas is imported only when a DataFrame is asked for; ``import quotex`` never needs it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from quotex.errors import Errors, QuotexError
from quotex.outputs import CSV_COLUMNS, csv_rows
from quotex.records import Document, Quote
from quotex.results import document_from_dict

if TYPE_CHECKING:
    import pandas as pd

#: A result ``to_dataframe`` takes: a ``Document``, or a ``Document`` with the text it was extracted from.
Result = Document | tuple[Document, str | None]
#: The prefix of the columns a document's ``meta`` fields become: ``meta.url``.
META_PREFIX = "meta."
#: The columns with a nullable type: missing values (an error row's, a quote without a cue) are NA.
INT_COLUMNS = ("quote_index", "content_start", "content_end", "cue_start", "cue_end",
               "source_start", "source_end", "source_id")
BOOL_COLUMNS = ("hedged",)
FLOAT_COLUMNS = ("confidence",)
# how quote_row joins the pieces of a content (Quote.content_text's default)
_PIECES = " … "


class PandasNotInstalledError(QuotexError, ImportError):
    """pandas is not installed, so ``to_dataframe`` cannot build a DataFrame (``[E109]``)."""

    def __init__(self) -> None:
        super().__init__(Errors.E109(what="quotex.to_dataframe", library="pandas", extra="pandas"))


def to_dataframe(results: Iterable[Result] | Document | str | os.PathLike[str]) -> pd.DataFrame:
    """The quotes of many documents as a pandas DataFrame, one row per quote.

    The columns are the CSV output's (``quotex.outputs.CSV_COLUMNS``) with the same values, except
    that a missing value is NA rather than an empty string: pandas' nullable types, ``Int64`` for
    the offsets, indexes and ``source_id``, ``boolean`` for ``hedged``, ``Float64`` for
    ``confidence`` and ``string`` for the rest. ``content``, ``via`` and ``meta`` hold JSON, as
    in the CSV, and ``df.to_csv(index=False)`` writes the cells ``quotex extract --format csv``
    writes. As there, a document that failed gives one row with its ``doc_id``, ``error`` and
    ``meta`` (the other columns NA), and a document without quotes gives none. Each field of a
    document's ``meta`` also becomes a column ``meta.<field>`` of its rows, after the CSV's, in
    the order the fields first appear.

    Args:
        results: ``Document`` results (as ``quotex.extract_many`` yields them), ``(Document,
            text)`` pairs, whose rows then carry the spanned strings (``content_text``,
            ``cue_text``, ``source_text``), or the path of a JSONL output of ``quotex extract``
            (read one line at a time; its rows carry the strings when it was written with
            ``--with-text``).

    Returns:
        The DataFrame; with no quotes and no failures, an empty one with the same columns.

    Raises:
        ImportError: pandas is not installed (``PandasNotInstalledError``, ``[E109]``).
        TypeError: an item is neither a ``Document`` nor a ``(Document, text)`` pair (``[E051]``).
        ValueError: a line of the JSONL file is not a record of ``quotex extract`` (``[E052]``).
        OSError: the JSONL file cannot be read.
    """
    try:
        import pandas as pd
    except ImportError:
        raise PandasNotInstalledError() from None
    if isinstance(results, (str, os.PathLike)):
        rows = list(_jsonl_rows(results))
    else:
        rows = list(_result_rows([results] if isinstance(results, Document) else results))
    meta = list(dict.fromkeys(name for row in rows for name in row if name.startswith(META_PREFIX)))
    columns = [*CSV_COLUMNS, *meta]
    frame = pd.DataFrame([[_missing_as_none(row.get(name)) for name in columns] for row in rows],
                         columns=columns, dtype=object)
    # nullable types throughout, the same whatever the rows hold; meta values stay as they are
    return frame.astype({name: _dtype(name) for name in CSV_COLUMNS})


def _dtype(column: str) -> str:
    if column in INT_COLUMNS:
        return "Int64"
    if column in BOOL_COLUMNS:
        return "boolean"
    if column in FLOAT_COLUMNS:
        return "Float64"
    return "string"


def _missing_as_none(value: Any) -> Any:
    # quote_row writes a missing value as "" (the CSV has no null); no spanned string is empty
    return None if isinstance(value, str) and value == "" else value


def _result_rows(results: Iterable[object]) -> Iterator[dict[str, Any]]:
    for item in results:
        document, text = _result(item)
        yield from _with_meta(csv_rows(document, text), document.meta)


def _result(item: object) -> tuple[Document, str | None]:
    """``item`` as a document and its text (``None`` when not given)."""
    if isinstance(item, Document):
        return item, None
    if (isinstance(item, (tuple, list)) and len(item) == 2 and isinstance(item[0], Document)
            and (item[1] is None or isinstance(item[1], str))):
        return item[0], item[1]
    hint = ""
    if isinstance(item, Quote):
        hint = ": quotex.extract gives one text's Quotes; give to_dataframe quotex.extract_many's Documents"
    elif isinstance(item, str):
        hint = ": extract the texts first, to_dataframe(quotex.extract_many(texts)), or pass a JSONL path alone"
    raise TypeError(Errors.E051.format(kind=type(item).__name__, item=f"{item!r:.80}", hint=hint))


def _with_meta(rows: Iterable[dict[str, Any]], meta: dict[str, Any] | None) -> Iterator[dict[str, Any]]:
    """``rows`` with the fields of a document's ``meta`` as ``meta.<field>`` columns."""
    extra = {f"{META_PREFIX}{name}": value for name, value in (meta or {}).items()}
    for row in rows:
        yield {**row, **extra}


def _jsonl_rows(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """The rows of every line of a JSONL output of ``quotex extract``."""
    with open(path, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise TypeError(f"a JSON {type(record).__name__}, not an object")
                document = document_from_dict(record)
            except (KeyError, TypeError, ValueError) as exc:
                detail = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
                raise ValueError(Errors.E052.format(lineno=lineno, path=os.fspath(path), detail=detail)) from None
            rows = list(csv_rows(document, None))
            if document.error is None:
                for row, quote in zip(rows, record["quotes"]):
                    _spanned_strings(row, quote)
            yield from _with_meta(rows, document.meta)


def _spanned_strings(row: dict[str, Any], quote: Mapping[str, Any]) -> None:
    """Fill ``row``'s spanned strings from a quote written with ``--with-text``, as ``quote_row`` does from the text."""
    if isinstance(quote.get("content_text"), list):
        row["content_text"] = _PIECES.join(quote["content_text"])
    for name in ("cue_text", "source_text"):
        if isinstance(quote.get(name), str):
            row[name] = quote[name]
