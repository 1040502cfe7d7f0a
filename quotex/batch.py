"""Running extraction over a stream of input documents, in input order.

``extract_one`` is a module-level function of picklable arguments, so a process pool can map it
over the documents (``pool.imap(..., chunksize=...)`` keeps the input order) when ``jobs > 1``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from quotex.extractor import Extractor
from quotex.inputs import InputDoc
from quotex.records import Document


def process(
    docs: Iterable[InputDoc], extractor: Extractor, *, jobs: int = 1
) -> Iterator[tuple[InputDoc, Document]]:
    """Extract from every document, yielding each input with its result, in input order.

    Args:
        docs: the input documents; those that could not be read become failed results.
        extractor: the options to extract with.
        jobs: worker processes to use. Documents are processed in this process for now, whatever
            the number; the results and their order will not change when a pool is added.

    Yields:
        ``(input, result)`` for every input document; a failed one has ``result.error`` set.

    Raises:
        ValueError: ``jobs`` is less than 1.
    """
    if jobs < 1:
        raise ValueError(f"[E301] jobs must be at least 1, not {jobs}")
    for doc in docs:
        yield doc, extract_one(extractor, doc)


def extract_one(extractor: Extractor, doc: InputDoc) -> Document:
    """The result for one input document; a failure is recorded in it, never raised."""
    if doc.text is None:
        return Document(id=doc.id, error=doc.error or "[E302] no text")
    return next(extractor.extract_many([(doc.id, doc.text)], on_error="record"))
