"""Quotes from a Spark DataFrame of documents, one partition at a time (``pip install 'quotex[spark]'``).

``quotes_dataframe(df)`` gives one row per quote and ``documents_dataframe(df)`` one row per input
document; their columns are described in ``quotex.tables``. Both run ``mapInArrow``: each partition
is processed by a Python worker, which uses one ``Extractor`` instance for all the tasks it runs, so
heavy resources are loaded once per worker process. quotex must be installed where the workers run.

Example::

    from pyspark.sql import SparkSession
    from quotex.cluster.spark import quotes_dataframe

    spark = SparkSession.builder.getOrCreate()
    docs = spark.read.schema("id string, text string").json("articles.jsonl")
    quotes_dataframe(docs).write.parquet("quotes.parquet")
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

try:
    import pyarrow as pa
    from pyspark.sql import DataFrame
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        f"quotex.cluster.spark needs pyspark and pyarrow ({exc}): install them with pip install 'quotex[spark]'"
    ) from exc

from quotex import tables
from quotex.errors import Errors
from quotex.extractor import Extractor

__all__ = ["document_schema", "documents_dataframe", "quote_schema", "quotes_dataframe"]

_SIMPLE = {
    "string": T.StringType(),
    "int": T.IntegerType(),
    "bool": T.BooleanType(),
    "double": T.DoubleType(),
}


def _spark_type(kind: str) -> T.DataType:
    """The Spark type of a column type named in ``quotex.tables``."""
    if kind in _SIMPLE:
        return _SIMPLE[kind]
    if kind == "strings":
        return T.ArrayType(T.StringType())
    if kind == "spans":
        return T.ArrayType(T.StructType([
            T.StructField("start", T.IntegerType()), T.StructField("end", T.IntegerType()),
        ]))
    if kind == "via":
        return T.ArrayType(T.StructType([
            T.StructField("name", T.StringType()),
            T.StructField("source_type", T.StringType()),
            T.StructField("start", T.IntegerType()),
            T.StructField("end", T.IntegerType()),
        ]))
    if kind == "quotes":
        return T.ArrayType(T.StructType([T.StructField(n, _spark_type(k)) for n, k in tables.QUOTE_STRUCT_FIELDS]))
    if kind == "sources":
        return T.ArrayType(T.StructType([T.StructField(n, _spark_type(k)) for n, k in tables.SOURCE_STRUCT_FIELDS]))
    raise ValueError(f"unknown column type {kind!r}")


def quote_schema() -> T.StructType:
    """The schema of ``quotes_dataframe``'s result: one row per quote (see ``quotex.tables``)."""
    return T.StructType([T.StructField(n, _spark_type(k)) for n, k in tables.QUOTE_COLUMNS])


def document_schema() -> T.StructType:
    """The schema of ``documents_dataframe``'s result: one row per document."""
    return T.StructType([T.StructField(n, _spark_type(k)) for n, k in tables.DOCUMENT_COLUMNS])


def quotes_dataframe(
    df: DataFrame, *, id_col: str = "id", text_col: str = "text", extractor: Extractor | None = None
) -> DataFrame:
    """The quotes of every document of ``df``, one row per quote.

    Args:
        df: documents, with an id column (any type; cast to string) and a string text column.
        id_col: the name of the id column; its value becomes ``doc_id``.
        text_col: the name of the text column.
        extractor: the options to extract with (default: ``Extractor()``, as ``quotex extract``).

    Returns:
        A lazy DataFrame with ``quote_schema()``: one row per quote, with ``quote_index`` its
        position in its document; a document that failed (a null text, a text over
        ``max_chars``) gets one row with ``doc_id`` and ``error`` and every other column null; a
        document without quotes gets no row (``documents_dataframe`` has one row for every
        document). Rows keep the input order within a partition; sort by ``doc_id`` and
        ``quote_index`` for a stable order.

    Raises:
        ValueError: a column is missing.
        TypeError: the text column is not a string column.
    """
    batches = functools.partial(_quote_batches, extractor or Extractor())
    return _inputs(df, id_col, text_col).mapInArrow(batches, quote_schema())


def documents_dataframe(
    df: DataFrame, *, id_col: str = "id", text_col: str = "text", extractor: Extractor | None = None
) -> DataFrame:
    """One row per document of ``df``: ``doc_id``, ``quotes`` (a list of structs) and ``error``.

    The JSONL output of ``quotex extract --with-text`` as a table: every input document is
    accounted for, and ``error`` is null for the documents that were processed. Arguments and
    errors as ``quotes_dataframe``.
    """
    batches = functools.partial(_document_batches, extractor or Extractor())
    return _inputs(df, id_col, text_col).mapInArrow(batches, document_schema())


def _inputs(df: DataFrame, id_col: str, text_col: str) -> DataFrame:
    """``df`` reduced to two columns: the id as a string, and the text."""
    fields = {f.name: f.dataType for f in df.schema.fields}
    for what, name in (("id_col", id_col), ("text_col", text_col)):
        if name not in fields:
            raise ValueError(Errors.E406.format(what=what, name=name, columns=", ".join(fields)))
    if not isinstance(fields[text_col], T.StringType):
        raise TypeError(Errors.E407.format(name=text_col, kind=fields[text_col].simpleString()))
    return df.select(F.col(f"`{id_col}`").cast("string").alias("id"), F.col(f"`{text_col}`").alias("text"))


def _pairs(batch: pa.RecordBatch) -> Iterator[tuple[str | None, object]]:
    return zip(batch.column(0).to_pylist(), batch.column(1).to_pylist())


def _quote_batches(extractor: Extractor, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """The quote rows of each input batch, as one output batch."""
    schema = tables.quote_schema()
    for batch in batches:
        yield pa.RecordBatch.from_pylist(tables.quote_table_rows(_pairs(batch), extractor), schema=schema)


def _document_batches(extractor: Extractor, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """The document rows of each input batch, as one output batch."""
    schema = tables.document_schema()
    for batch in batches:
        yield pa.RecordBatch.from_pylist(tables.document_table_rows(_pairs(batch), extractor), schema=schema)
