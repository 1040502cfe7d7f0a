"""``quotex.dask``: the Dask adapter (``quotex.cluster.dask``) under its first public import path."""

# Kept because users import it: the README gave `from quotex.dask import ...` and docs/clusters.md
# still names it. Only this alias bears the engine's name; the code lives in quotex.cluster.dask.
from quotex.cluster.dask import (
    document_meta,
    documents_bag,
    documents_dataframe,
    quote_meta,
    quotes_bag,
    quotes_dataframe,
)

__all__ = ["document_meta", "documents_bag", "documents_dataframe", "quote_meta", "quotes_bag", "quotes_dataframe"]
