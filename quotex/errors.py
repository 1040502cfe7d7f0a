"""Every error quotex reports, each with a unique code and a message that says how to fix it.

``Errors`` holds one ``Error`` per code, the code being the attribute's name, so a code is
written once and searching the code base for it finds its definition.  ``Errors.E108(...)``
fills in the message and gives a ``Failure`` (the code and the message, for a document that
failed); ``Errors.E010.format(...)`` gives the message alone, for an exception.  The exceptions
quotex raises for a document (``ExtractionError``, ``DocumentTimeout``, ...) carry the code of their
message as ``code``, so a failed document's code is read off the exception, never out of a message.
"""

from __future__ import annotations

from typing import Any

import attrs


@attrs.frozen
class Failure:
    """A failure to record on a document: the registry code and the whole message."""

    code: str
    message: str


class Error:
    """One coded message: ``reason`` (a short name for a run's summary) and a ``str.format`` template."""

    __slots__ = ("code", "reason", "template")

    def __init__(self, reason: str, template: str) -> None:
        self.code = ""
        self.reason = reason
        self.template = template

    def __set_name__(self, owner: type, name: str) -> None:
        self.code = name

    def format(self, **fields: Any) -> str:
        """The message with ``fields`` filled in: ``"[E108] ..."``."""
        return f"[{self.code}] {self.template.format(**fields)}"

    def __call__(self, **fields: Any) -> Failure:
        """The failure this error records, with ``fields`` filled into its message."""
        return Failure(self.code, self.format(**fields))

    def __str__(self) -> str:
        return f"[{self.code}] {self.template}"

    def __repr__(self) -> str:
        return f"<Error {self.code}: {self.reason}>"


class Errors:
    """The registry: one attribute per code, ``E`` and three digits, each defined here only.

    E0xx the public API and its options, E1xx reading inputs, E2xx scoring, E3xx batch runs
    and output, E4xx the parser engine and the cluster adapters.
    """

    # ---------------------------------------------------------------- the API and its options
    E001 = Error("bad span", "bad span ({start}, {end}): a span needs 0 <= start <= end")
    E002 = Error("bad record", "unknown quote kind {value!r}: choose one of {choices}")
    E003 = Error("bad record", "unknown source_type {value!r}: choose one of {choices}")
    E004 = Error("bad record", "unknown speaker_gender {value!r}: choose one of {choices}, or None")
    E010 = Error("bad option", "unknown engine {value!r}: choose one of {choices}")
    E011 = Error("not text", "the text of a document must be a string, not {kind}: pass str (decode bytes first)")
    E013 = Error("bad option", "on_error must be one of {choices}, not {value!r}")
    E014 = Error("bad option", "max_chars must be a whole number of at least 1, not {value!r}")
    E015 = Error("bad option", "timeout must be 0 (no limit) or a positive number of seconds, not {value!r}")
    E016 = Error("bad option", "batch_size must be a whole number of at least 1, not {value!r}")
    E020 = Error("internal error",
                 "a scan restricted to some names cannot answer this question: scan the whole article "
                 "for it (an error in quotex: please report it)")
    # quotex.to_dataframe
    E051 = Error("bad argument",
                 "to_dataframe takes quotex Documents (as extract_many yields them), (Document, text) pairs "
                 "or the path of a JSONL output of quotex extract, not {kind} {item}{hint}")
    E052 = Error("bad file",
                 "line {lineno} of {path} is not a record of quotex extract ({detail}): pass the JSONL "
                 "output of quotex extract, one document a line")

    # ---------------------------------------------------------------- reading inputs
    E101 = Error("missing", "no such file or directory: {path}: check the path")
    E102 = Error("unreadable", "cannot read {what}: {reason}: check its permissions and the disk")
    E103 = Error("undecodable",
                 "not valid {codec} after its byte-order mark ({detail}){where}: re-encode it, or drop the mark")
    E104 = Error("bad JSONL line", "line {lineno} of {path} is not valid JSON: {detail}: write one JSON object a line")
    E105 = Error("bad JSONL line",
                 "line {lineno} of {path} is a JSON {kind}, not an object: "
                 "write one {{\"id\", \"text\"}} object a line")
    E106 = Error("no text", "line {lineno} of {path} {problem}: give every line a string \"{key}\"")
    E107 = Error("binary", "binary file ({detail}){where}: quotex reads text; convert it to text or leave it out")
    E108 = Error("too long",
                 "{what} has {size:,} {unit}, over the limit of {limit:,} characters: raise it with "
                 "--max-chars or Extractor(max_chars=...), or split the document")
    E109 = Error("needs an extra", "{what} needs {library}, which is not installed: pip install 'quotex[{extra}]'")
    E110 = Error("no text column",
                 "{path} has no column {column!r} (its columns: {columns}): name the text column with --text-column")
    E111 = Error("no text", "row {row} of {path} {problem}: give every row a string in column {column!r}")
    E112 = Error("bad CSV row", "row {row} of {path} (line {lineno}) is not valid {kind}: {detail}: check its quoting")
    E113 = Error("bad file", "cannot read {path} as Parquet: {detail}: check that it is a whole Parquet file")
    E114 = Error("no text",
                 "no main text found in the HTML page {path}: it may be empty, a list of links, or drawn "
                 "by scripts; give its text as a .txt file instead")
    E115 = Error("bad HTML", "cannot extract the text of the HTML page {path}: {name}: {detail}")

    # ---------------------------------------------------------------- scoring
    E201 = Error("bad file", "{path}, line {lineno}: {problem}: write one JSON object a line")
    E202 = Error("bad file", "{path}, line {lineno}: {problem}")
    E203 = Error("bad file", "{where}: {value!r} is not [start, end] or a list of them: write spans as [start, end]")
    E204 = Error("bad option", "unknown slice {value!r}: choose one of {choices}")

    # ---------------------------------------------------------------- batch runs and output
    E301 = Error("bad option", "jobs must be at least 1, not {value}")
    E302 = Error("no text", "no text: give the document a text")
    E303 = Error("timeout",
                 "the document took longer than its time budget of {seconds:g} s (raise it with --timeout "
                 "or Extractor(timeout=...), 0 for no limit)")
    E304 = Error("worker died",
                 "the worker process died while processing this document (out of memory, or killed): "
                 "give the run more memory, or leave the document out")
    E305 = Error("internal error",
                 "internal error: {name}: {detail} (an error in quotex: please report it with the document)")
    E306 = Error("timeout",
                 "a pattern ran over its own time limit on this document ({detail}): the text is unusual; "
                 "please report it with the document")
    E310 = Error("bad option", "unknown output format {value!r}: choose one of {choices}")
    E311 = Error("bad file",
                 "line {lineno} of {path} is {problem}: resume only from output that quotex extract wrote, "
                 "or use --force to overwrite it")

    # ---------------------------------------------------------------- the parser engine, clusters
    E401 = Error("no models",
                 "Stanza models for the parser engine are missing in {directory}: {listed}. Get them with "
                 "`quotex models download --dir {directory}` (needs internet), point --models / models_dir= / "
                 "${env_var} at a directory that has them, or use --engine rules.")
    E402 = Error("no parser",
                 "the stanza engine needs Stanza and torch: pip install 'quotex[stanza]' (install a CPU build "
                 "of torch first to keep it small), or use --engine rules")
    E403 = Error("bad option", "select must be one of {choices}, not {value!r}")
    E404 = Error("internal error", "cannot build the rows: {name}: {detail} (an error in quotex: please report it)")
    E405 = Error("not a pair", "expected an (id, text) pair, not {kind} {item}: give the engine (id, text) pairs")
    E406 = Error("bad option",
                 "{what}={name!r} is not a column of the DataFrame; its columns are {columns}: name one of them")
    E407 = Error("bad option",
                 "text column {name!r} is {kind}, not string: cast it first, e.g. "
                 "df.withColumn({name!r}, df[{name!r}].cast('string'))")


#: Every error of the registry, by code.
REGISTRY: dict[str, Error] = {name: value for name, value in vars(Errors).items() if isinstance(value, Error)}
#: The short name of each code's reason, for the summary of a run: ``"E107"`` -> ``"binary"``.
REASONS: dict[str, str] = {code: error.reason for code, error in REGISTRY.items()}


class QuotexError(Exception):
    """An error quotex raises with a registry message; ``code`` is the message's code."""

    code: str

    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.message)
        self.code = failure.code

    def __reduce__(self) -> tuple[Any, ...]:
        # rebuilt from its message and attributes: the constructors of the subclasses differ
        return _rebuild, (type(self), self.args, self.__dict__)


def _rebuild(cls: type[QuotexError], args: tuple[Any, ...], state: dict[str, Any]) -> QuotexError:
    exc = cls.__new__(cls, *args)
    exc.args = args
    exc.__dict__.update(state)
    return exc


class ExtractionError(QuotexError, ValueError):
    """A document could not be processed (too long, ``[E108]``)."""


class TextTypeError(QuotexError, TypeError):
    """A document's text is not a string (``[E011]``)."""


class DocumentTimeout(QuotexError, TimeoutError):
    """A document took longer than its time budget (``[E303]``)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(Errors.E303(seconds=seconds))
        self.seconds = seconds


def failure_of(exc: BaseException) -> Failure:
    """What a document that raised ``exc`` records: the code and message of a quotex error, else
    ``[E306]`` for a pattern's own timeout (``regex``'s ``TimeoutError``) and ``[E305]`` for the rest."""
    if isinstance(exc, QuotexError):
        return Failure(exc.code, str(exc))
    if isinstance(exc, TimeoutError):
        return Errors.E306(detail=str(exc) or type(exc).__name__)
    return Errors.E305(name=type(exc).__name__, detail=exc)
