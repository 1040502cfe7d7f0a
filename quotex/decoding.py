"""The decoding policy for input bytes: text files, the lines of JSONL files and of CSV/TSV files.

1. a byte-order mark decides: UTF-8 (the mark is dropped), UTF-16 or UTF-32;
2. a file with a NUL byte, or with more than ``CONTROL_RATIO`` of other control bytes, is binary
   and reported (``[E107]``), not decoded;
3. otherwise UTF-8; when that fails but the valid multi-byte UTF-8 characters outnumber the
   invalid bytes (a UTF-8 file with a few corrupt or truncated bytes), UTF-8 with each invalid
   byte replaced by U+FFFD (recorded as ``utf-8-replaced``); failing that cp1252 (Windows'
   Western European code page, which is what most "Latin-1" news files really are, and which has
   the curly quote marks at 0x91-0x94); failing that Latin-1, which decodes any byte.

The encoding used, when it was not UTF-8, is recorded on the document (``InputDoc.encoding``) and
its output line carries it as ``"encoding"``.
"""

from __future__ import annotations

import codecs

from quotex.errors import Errors, Failure

#: The encodings tried, in order, for input without a byte-order mark.
FALLBACK_ENCODINGS = ("utf-8", "utf-8-replaced", "cp1252", "latin-1")
#: Share of control bytes (other than tab, line feed, vertical tab, form feed and carriage return)
#: above which a file is taken as binary. Text has next to none; random bytes have about 12 %.
CONTROL_RATIO = 0.05
#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Every byte that is not a control byte, deleted to count the control bytes that remain.
_NOT_CONTROL = bytes([9, 10, 11, 12, 13, *range(32, 127), *range(128, 256)])


def bom_codec(data: bytes) -> str | None:
    """The codec that the byte-order mark ``data`` starts with names, or ``None`` without one."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec
    return None


def decode(data: bytes, where: str = "") -> tuple[str, str | None, Failure | None]:
    """Decode ``data`` by the policy of this module.

    Args:
        data: the bytes.
        where: where they come from, for the message of a failure (``" in x.txt"``).

    Returns:
        ``(text, encoding, failure)``: ``encoding`` is ``None`` for UTF-8 and the name of the
        encoding used otherwise; on failure ``text`` is empty and ``failure`` says why.
    """
    codec = bom_codec(data)
    if codec is not None:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            detail = f"{exc.reason} at offset {exc.start}"
            return "", None, Errors.E103(codec=codec, detail=detail, where=where)
        return text, (None if codec == "utf-8-sig" else codec), None
    binary = binary_reason(data)
    if binary is not None:
        return "", None, Errors.E107(detail=binary, where=where)
    try:
        return data.decode("utf-8"), None, None
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if non_ascii - replaced > replaced:
        return text, "utf-8-replaced", None
    try:
        return data.decode("cp1252"), "cp1252", None
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", None


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` looks binary rather than text (a NUL byte, many control bytes), or ``None``."""
    nul = data.find(0)
    if nul >= 0:
        return f"NUL byte at offset {nul}"
    if data:
        control = len(data.translate(None, _NOT_CONTROL))
        if control > CONTROL_RATIO * len(data):
            return f"{control:,} control bytes in {len(data):,}"
    return None
