"""``quotex.spark``: the Spark adapter (``quotex.cluster.spark``) under its first public import path."""

# Kept because users import it: the README gave `from quotex.spark import ...` and docs/clusters.md
# still names it. Only this alias bears the engine's name; the code lives in quotex.cluster.spark.
from quotex.cluster.spark import document_schema, documents_dataframe, quote_schema, quotes_dataframe

__all__ = ["document_schema", "documents_dataframe", "quote_schema", "quotes_dataframe"]
