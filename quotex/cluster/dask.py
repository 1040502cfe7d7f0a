"""Quotes from a Dask bag or DataFrame of documents, one partition at a time (``pip install 'quotex[dask]'``).

For a bag of ``(id, text)`` pairs, ``quotes_bag`` gives a bag of quote rows and ``documents_bag`` a
bag of document rows (plain dicts). For a Dask DataFrame with id and text columns,
``quotes_dataframe`` and ``documents_dataframe`` give Dask DataFrames with Arrow-backed columns and
an explicit ``meta``. The rows and columns are described in ``quotex.tables``; every value is the
one ``quotex extract --with-text`` writes. Each worker process uses one ``Extractor`` instance for
all its partitions, so heavy resources are loaded once per process. quotex must be installed where
the workers run.

Example::

    import dask.bag as db
    from dask.distributed import Client
    from quotex.cluster.dask import quotes_bag

    client = Client(n_workers=2, threads_per_worker=1)
    pairs = db.from_sequence([("a1", "Officials said the bridge would reopen.")], npartitions=1)
    print(quotes_bag(pairs).compute())
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

try:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
    import pyarrow as pa
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        f"quotex.cluster.dask needs dask[dataframe] and pyarrow ({exc}): install them with pip install 'quotex[dask]'"
    ) from exc

from quotex import tables
from quotex.errors import Errors
from quotex.extractor import Extractor

__all__ = [
    "document_meta",
    "documents_bag",
    "documents_dataframe",
    "quote_meta",
    "quotes_bag",
    "quotes_dataframe",
]


def quotes_bag(bag: db.Bag, *, extractor: Extractor | None = None) -> db.Bag:
    """The quotes of a bag of ``(id, text)`` pairs, as a bag of quote rows (dicts).

    Args:
        bag: ``(id, text)`` pairs; ids are turned into strings.
        extractor: the options to extract with (default: ``Extractor()``, as ``quotex extract``).

    Returns:
        A lazy bag of dicts with the keys of ``quotex.tables.QUOTE_COLUMNS``, one per quote, in
        input order. A document that failed (no text, a text that is not a string, an item that
        is not a pair) gives one row with ``doc_id`` and ``error`` and every other value
        ``None``; a document without quotes gives no row (``documents_bag`` gives one for every
        document).
    """
    # a function of quotex.tables, so that workers need not import pandas to run it
    quotes: db.Bag = bag.map_partitions(tables.quote_table_rows, extractor or Extractor())
    return quotes


def documents_bag(bag: db.Bag, *, extractor: Extractor | None = None) -> db.Bag:
    """One row per item of a bag of ``(id, text)`` pairs: dicts of ``doc_id``, ``quotes``, ``error``.

    Arguments as ``quotes_bag``; every input item is accounted for, and ``error`` is ``None`` for
    the documents that were processed.
    """
    documents: db.Bag = bag.map_partitions(tables.document_table_rows, extractor or Extractor())
    return documents


def quotes_dataframe(
    df: dd.DataFrame, *, id_col: str = "id", text_col: str = "text", extractor: Extractor | None = None
) -> dd.DataFrame:
    """The quotes of every document of a Dask DataFrame, one row per quote.

    Args:
        df: documents, with an id column (any type; turned into strings) and a text column.
        id_col: the name of the id column; its value becomes ``doc_id``.
        text_col: the name of the text column; a missing value fails that document only.
        extractor: the options to extract with (default: ``Extractor()``, as ``quotex extract``).

    Returns:
        A lazy Dask DataFrame whose ``meta`` is ``quote_meta()`` (Arrow-backed columns; ``content``
        and ``via`` are lists of structs): one row per quote; a failed document gets one row with
        ``doc_id`` and ``error``, a document without quotes none. The index is not meaningful:
        sort by ``doc_id`` and ``quote_index`` for a stable order.

    Raises:
        ValueError: a column is missing.
    """
    _check_columns(df.columns, id_col, text_col)
    quotes: dd.DataFrame = df.map_partitions(
        _quote_frame, id_col, text_col, extractor or Extractor(),
        meta=quote_meta(), clear_divisions=True, required_columns=[id_col, text_col],
    )
    return quotes


def documents_dataframe(
    df: dd.DataFrame, *, id_col: str = "id", text_col: str = "text", extractor: Extractor | None = None
) -> dd.DataFrame:
    """One row per document of a Dask DataFrame: ``doc_id``, ``quotes`` (a list of structs), ``error``.

    Arguments and errors as ``quotes_dataframe``; the ``meta`` is ``document_meta()``.
    """
    _check_columns(df.columns, id_col, text_col)
    documents: dd.DataFrame = df.map_partitions(
        _document_frame, id_col, text_col, extractor or Extractor(),
        meta=document_meta(), clear_divisions=True, required_columns=[id_col, text_col],
    )
    return documents


def quote_meta() -> pd.DataFrame:
    """An empty pandas DataFrame with the columns and dtypes of ``quotes_dataframe``'s result."""
    return _frame([], tables.quote_schema())


def document_meta() -> pd.DataFrame:
    """An empty pandas DataFrame with the columns and dtypes of ``documents_dataframe``'s result."""
    return _frame([], tables.document_schema())


def _frame(rows: list[dict[str, Any]], schema: pa.Schema) -> pd.DataFrame:
    return pa.Table.from_pylist(rows, schema=schema).to_pandas(types_mapper=pd.ArrowDtype)


def _check_columns(columns: Sequence[Any], id_col: str, text_col: str) -> None:
    for what, name in (("id_col", id_col), ("text_col", text_col)):
        if name not in columns:
            listed = ", ".join(map(str, columns))
            raise ValueError(Errors.E406.format(what=what, name=name, columns=listed))


def _frame_pairs(part: pd.DataFrame, id_col: str, text_col: str) -> list[tuple[str | None, object]]:
    """A partition's ``(id, text)`` pairs, with pandas' missing values (NaN, NA) as ``None``."""
    ids = [None if _missing(v) else v for v in part[id_col].tolist()]
    texts = [None if _missing(v) else v for v in part[text_col].tolist()]
    return list(zip(ids, texts))


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def _quote_frame(part: pd.DataFrame, id_col: str, text_col: str, extractor: Extractor) -> pd.DataFrame:
    return _frame(tables.quote_table_rows(_frame_pairs(part, id_col, text_col), extractor), tables.quote_schema())


def _document_frame(part: pd.DataFrame, id_col: str, text_col: str, extractor: Extractor) -> pd.DataFrame:
    rows = tables.document_table_rows(_frame_pairs(part, id_col, text_col), extractor)
    return _frame(rows, tables.document_schema())
