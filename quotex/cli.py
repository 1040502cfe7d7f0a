"""The ``quotex`` command: ``quotex extract`` and ``quotex eval``.

Exit status: 0 when every document was processed, 1 when some documents failed (their errors
are in the output), 2 for a usage error (including unreadable or malformed gold and prediction
files given to ``eval``).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import IO, Any

from quotex import __version__, evaluate
from quotex.batch import process
from quotex.extractor import ENGINES, Extractor
from quotex.inputs import iter_inputs
from quotex.outputs import FORMATS, make_writer

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + 13  # what a shell reports for a command killed by SIGPIPE


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``quotex`` command."""
    parser = argparse.ArgumentParser(
        prog="quotex",
        description="Find quotes in news text, who said them, and how the source is attributed.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="extract quotes from text files, directories or JSONL files",
        description="Extract the quotes of every input document. Output: one JSONL line per document, "
        "in input order ({\"id\", \"quotes\"}, plus \"error\" for a document that failed), or with "
        "--format csv one row per quote (a failed document gets one row with its error; a document "
        "without quotes gets none).",
    )
    extract.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="a directory (every *.txt below it, sorted; id = path relative to it), a .txt file "
        "(id = file name) or a .jsonl file of {\"id\", \"text\"} lines (id = the line's id)",
    )
    extract.add_argument("-o", "--output", metavar="OUT", help="output file (default: standard output)")
    extract.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    extract.add_argument("--jobs", type=_positive_int, default=1, metavar="N",
                         help="worker processes (default: 1)")
    _add_engine_options(extract)
    extract.add_argument("--with-text", action="store_true",
                         help="add content_text, cue_text and source_text to every JSONL quote")
    extract.set_defaults(run=run_extract)

    score = commands.add_parser(
        "eval",
        help="score predictions against a gold file",
        description="Score predicted quotes against gold quotes: precision, recall and F1 at overlap "
        "0.3, 0.8 and exact, and the accuracy of speaker, source_type, kind and cue over the pairs "
        "matched at 0.3. Without PRED, quotes are first extracted from the gold texts.",
    )
    score.add_argument("gold", metavar="GOLD.jsonl",
                       help="gold documents: {\"id\", \"text\", \"quotes\"} lines")
    score.add_argument("pred", nargs="?", metavar="PRED.jsonl",
                       help="predictions as `quotex extract` writes them")
    score.add_argument("--slice", choices=evaluate.SLICES, default="all",
                       help="speech: count recall only over gold quotes with a communication cue or quote "
                       "marks (default: all)")
    _add_engine_options(score)
    score.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    score.set_defaults(run=run_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``quotex`` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _utf8_stdout()
    try:
        status: int = args.run(args, parser)
    except BrokenPipeError:
        # The reader went away (``quotex extract ... | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    return status


def run_extract(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``quotex extract``: write one result per input document."""
    extractor = _make_extractor(args, parser)
    total = failed = 0
    with _open_output(args.output, parser) as stream:
        writer = make_writer(args.format, stream, with_text=args.with_text)
        for doc, result in process(iter_inputs(args.paths), extractor, jobs=args.jobs):
            writer.write(result, doc.text)
            total += 1
            failed += not result.ok
    if total == 0:
        print("quotex extract: no documents found", file=sys.stderr)
    elif failed:
        print(f"quotex extract: {failed} of {total} documents failed; their errors are in the output",
              file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def run_eval(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``quotex eval``: print the figures of the scoring protocol."""
    extractor = None if args.pred else _make_extractor(args, parser)
    try:
        gold = evaluate.load_gold(args.gold)
        if extractor is None:
            predictions = evaluate.load_predictions(args.pred)
        else:
            predictions = evaluate.predict(gold, extractor)
        report = evaluate.evaluate(gold, predictions, slice=args.slice)
    except (OSError, evaluate.EvalInputError) as exc:
        print(f"quotex eval: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print(json.dumps(report.to_dict()))
    else:
        what = args.pred if extractor is None else f"quotex extract --engine {extractor.engine}"
        print(evaluate.format_report(report, title=f"gold: {args.gold}; predictions: {what}"))
    return EXIT_FAILED if report.docs_failed else EXIT_OK


def _add_engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--engine", choices=ENGINES, default=None,
                        help="rules (fast), stanza (rules plus the parser) or auto (stanza when its models "
                        "are available); default: rules")
    parser.add_argument("--models", metavar="DIR", default=None,
                        help="directory of the Stanza models (default: $QUOTEX_STANZA_DIR or Stanza's own)")


def _make_extractor(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Extractor:
    """The ``Extractor`` the options ask for; a bad option is a usage error."""
    if args.models is not None and not os.path.isdir(args.models):
        parser.error(f"--models: {args.models} is not a directory")
    options: dict[str, Any] = {}
    if args.engine is not None:
        options["engine"] = args.engine
    if args.models is not None:
        options["models_dir"] = args.models
    try:
        return Extractor(**options)
    except (TypeError, ValueError) as exc:
        parser.error(str(exc))


@contextlib.contextmanager
def _open_output(path: str | None, parser: argparse.ArgumentParser) -> Iterator[IO[str]]:
    """The output file (``newline=""``, so the csv module controls line ends), or standard output."""
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        stream = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as exc:
        parser.error(f"cannot write {path}: {exc.strerror or exc}")
    with stream:
        yield stream


def _utf8_stdout() -> None:
    """Write UTF-8 whatever the locale, so output can always be read back as UTF-8 JSON or CSV."""
    if isinstance(sys.stdout, io.TextIOWrapper) and (sys.stdout.encoding or "").lower() != "utf-8":
        sys.stdout.reconfigure(encoding="utf-8")


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number
