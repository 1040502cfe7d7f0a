"""quotex: find quotes in news text, who said them, and how the source is attributed."""

from __future__ import annotations

import logging

from quotex import pipeline
from quotex.errors import DocumentTimeout, Errors, ExtractionError, QuotexError, TextTypeError
from quotex.extractor import Extractor, extract, extract_many
from quotex.frames import to_dataframe
from quotex.models import ModelsNotFoundError, ParserNotInstalledError
from quotex.records import (
    GENDERS,
    KINDS,
    SOURCE_TYPES,
    Document,
    Engine,
    Gender,
    Kind,
    Quote,
    Select,
    Source,
    SourceType,
    Span,
    Via,
)
from quotex.show import Article, view

__version__ = "0.1.0"


def compiled() -> bool:
    """Does the rules engine run as compiled code (as ``pip install`` builds it where a C compiler works)?"""
    return not (pipeline.__file__ or "").endswith(".py")


__all__ = [
    "GENDERS",
    "KINDS",
    "SOURCE_TYPES",
    "Article",
    "Document",
    "DocumentTimeout",
    "Engine",
    "Errors",
    "ExtractionError",
    "Extractor",
    "Gender",
    "Kind",
    "ModelsNotFoundError",
    "ParserNotInstalledError",
    "Quote",
    "QuotexError",
    "Select",
    "Source",
    "SourceType",
    "Span",
    "TextTypeError",
    "Via",
    "__version__",
    "compiled",
    "extract",
    "extract_many",
    "to_dataframe",
    "view",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
