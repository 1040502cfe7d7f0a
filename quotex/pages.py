"""HTML pages as input: their main text, extracted by trafilatura (``pip install 'quotex[html]'``).

A page is read where the inputs are walked (``read_page``: its bytes, checked like a text file's)
and its text extracted by ``ready``: right away, or, for ``quotex extract``
(``iter_inputs(..., defer_pages=True)``), in the worker process that finds its quotes, since the
extraction costs far more than finding them. The text is
trafilatura's plain text of the page's main content (no comments, no navigation), each block (a
paragraph, a heading, a list, a block quote) separated from the next by a blank line and a line
break inside one kept as a single newline; the quotes' offsets point into that text, which
``--with-text`` writes as the document's ``"text"``. The page's metadata (``PAGE_FIELDS``) are
the fields ``--keep`` can keep.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import Any

from quotex import alarm
from quotex.decoding import binary_reason, bom_codec
from quotex.errors import DocumentTimeout, Errors, failure_of
from quotex.input_doc import Fields, InputDoc, Keep, Page

#: Files read as HTML pages, given on the command line or found in a directory.
HTML_SUFFIXES = (".html", ".htm")
#: The metadata of a page that ``--keep`` can keep (``--keep all``: those the page has).
PAGE_FIELDS = ("title", "author", "date", "url", "hostname", "sitename", "description", "categories", "tags",
               "language", "image", "pagetype", "license")
# Markup outweighs text: a page of this many bytes a character of the limit is not even read.
_MAX_BYTES_PER_CHAR = 16


@functools.cache
def installed() -> bool:
    """Is trafilatura installed (looked up once, without importing it)?"""
    return importlib.util.find_spec("trafilatura") is not None


def read_page(path: Path, doc_id: str, *, keep: Keep = None, max_chars: int) -> InputDoc:
    """Read one HTML page, its text to be extracted later (by ``ready``)."""
    if not installed():
        return InputDoc.failed(doc_id, Errors.E109(what=f"the HTML page {path}", library="trafilatura", extra="html"))
    try:
        size = path.stat().st_size
        if size > _MAX_BYTES_PER_CHAR * max_chars:
            return InputDoc.failed(doc_id, Errors.E108(what=path, size=size, unit="bytes", limit=max_chars))
        data = path.read_bytes()
    except OSError as exc:
        return InputDoc.unreadable(doc_id, path, exc)
    # (a page in UTF-16 has NUL bytes, and a byte-order mark says so)
    binary = None if bom_codec(data) else binary_reason(data)
    if binary is not None:
        return InputDoc.failed(doc_id, Errors.E107(detail=binary, where=f" in {path}"))
    return InputDoc(id=doc_id, page=Page(data, str(path), keep))


def ready(doc: InputDoc, *, max_chars: int, seconds: float = 0.0) -> InputDoc:
    """``doc`` with its page's text extracted (and its metadata kept); any other document as it is.

    Args:
        doc: the document.
        max_chars: a longer text becomes an error (``[E108]``).
        seconds: the ``SIGALRM`` time limit of the extraction (0: none; see ``quotex.alarm``).

    Returns:
        The document with ``text`` (and ``extracted``) set, or with ``error`` set: no text
        (``[E114]``), the extraction failed (``[E115]``) or took too long (``[E303]``).
    """
    page = doc.page
    if page is None:
        return doc
    try:
        import trafilatura  # noqa: F401 - imported before the time limit starts
    except ImportError:
        return InputDoc.failed(doc.id, Errors.E109(what=f"the HTML page {page.path}", library="trafilatura",
                                                   extra="html"))
    try:
        with alarm.time_budget(seconds):
            text, metadata = extract_page(page.data, with_metadata=page.keep is not None)
    except DocumentTimeout as exc:
        return InputDoc.failed(doc.id, failure_of(exc))
    except Exception as exc:  # one bad page must never stop a batch
        return InputDoc.failed(doc.id, Errors.E115(path=page.path, name=type(exc).__name__, detail=exc))
    if not text.strip():
        return InputDoc.failed(doc.id, Errors.E114(path=page.path))
    if len(text) > max_chars:
        what = f"the text of {page.path}"
        return InputDoc.failed(doc.id, Errors.E108(what=what, size=len(text), unit="characters", limit=max_chars))
    meta = Fields(keep=page.keep).meta(metadata)
    return InputDoc(id=doc.id, text=text, meta=meta, extracted=True)


def extract_page(data: bytes | str, *, with_metadata: bool = False) -> tuple[str, dict[str, Any]]:
    """The main text of an HTML page, blocks separated by blank lines, and its metadata.

    Returns:
        ``(text, metadata)``: ``text`` is empty when trafilatura finds no main text;
        ``metadata`` holds the ``PAGE_FIELDS`` the page has (none without ``with_metadata``).
    """
    import trafilatura

    found = trafilatura.bare_extraction(data, include_comments=False, with_metadata=with_metadata)
    if found is None:
        return "", {}
    # trafilatura 1.x returns a dict, 2.x a Document
    get = found.get if isinstance(found, dict) else functools.partial(getattr, found)
    metadata = {name: value for name in PAGE_FIELDS if (value := get(name, None)) not in (None, "", [])}
    return _blocks_text(get("body", None), get("text", None) or ""), metadata


def _blocks_text(body: Any, flat: str) -> str:
    """The text of trafilatura's body, a blank line between its blocks.

    trafilatura's own plain text puts a single newline between blocks and at a line break alike,
    so paragraphs could not be told apart; each top-level block is rendered on its own instead.
    """
    if body is not None and len(body):
        try:
            from trafilatura.xml import xmltotxt

            blocks = [xmltotxt(block, False).strip() for block in body]
        except (ImportError, TypeError):  # a trafilatura without it: one block a line
            pass
        else:
            return "\n\n".join(block for block in blocks if block)
    return "\n\n".join(line.strip() for line in flat.splitlines() if line.strip())
