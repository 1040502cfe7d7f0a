"""The ``quotex`` command: ``quotex extract``, ``quotex eval``, ``quotex report`` and ``quotex show``.

Exit status: 0 when every document was processed, 1 when some documents failed (their errors
are in the output), 2 for a usage error (including unreadable or malformed gold and prediction
files given to ``eval``, and an existing output file without ``--resume`` or ``--force``),
128 + the signal number when ``extract`` was interrupted (its output stays valid; rerun with
``--resume`` to finish).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import io
import json
import os
import signal
import stat
import sys
import time
from collections.abc import Iterator, Sequence
from types import FrameType
from typing import IO, Any

from quotex import __version__, compiled, evaluate, view_commands
from quotex.batch import Tally, Task, default_jobs, run
from quotex.extractor import DEFAULT_MAX_CHARS, DEFAULT_TIMEOUT, ENGINES, Extractor
from quotex.input_doc import Keep, parse_keep
from quotex.inputs import count_documents, iter_inputs
from quotex.outputs import FORMATS, Existing, Renderer, read_existing

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + 13  # what a shell reports for a command killed by SIGPIPE


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``quotex`` command."""
    parser = argparse.ArgumentParser(
        prog="quotex",
        description="Find quotes in news text, who said them, and how the source is attributed.",
    )
    build = "compiled" if compiled() else "pure Python"
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__} ({build})")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="extract quotes from text, HTML, JSONL, CSV, TSV or Parquet files, or directories",
        description="Extract the quotes of every input document. Output: one JSONL line per document, "
        "in input order ({\"id\", \"quotes\"}, plus \"error\" for a document that failed), or with "
        "--format csv one row per quote (a failed document gets one row with its error; a document "
        "without quotes gets none).",
    )
    extract.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="a directory (every *.txt, *.html and *.htm below it, sorted; id = path relative to it), "
        "a .txt file (id = file name), an .html/.htm page (its main text, extracted by trafilatura: "
        "pip install 'quotex[html]'), a .jsonl file of {\"id\", \"text\"} lines, or a .csv, .tsv or "
        ".parquet file (pip install 'quotex[parquet]') of one document a row under a header of column "
        "names (id = the line's or row's id; without one, FILE:N). An input that cannot be read "
        "(a bad line or row, a page without text) gets an output line with its error",
    )
    extract.add_argument("-o", "--output", metavar="OUT", help="output file (default: standard output)")
    extract.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    extract.add_argument("--jobs", type=_positive_int, default=default_jobs(), metavar="N",
                         help="worker processes (default: the number of CPUs, here %(default)s)")
    _add_engine_options(extract)
    extract.add_argument("--with-text", action="store_true",
                         help="add content_text, cue_text and source_text to every JSONL quote, and to "
                         "the line of an HTML page the text extracted from it, as \"text\"")
    extract.add_argument("--keep", type=_keep, default=None, metavar="FIELDS",
                         help="copy these fields of each input record (comma-separated: outlet,date) or all "
                         "of them (all) into a \"meta\" object on its output line (a CSV column): the "
                         "other keys of a JSONL line, the other columns of a row, a page's title, date, "
                         "author, sitename, hostname, url, ...; a field a record lacks is left out")
    extract.add_argument("--id-column", default="id", metavar="NAME",
                         help="the column (or JSONL key) that holds a document's id (default: %(default)s)")
    extract.add_argument("--text-column", default="text", metavar="NAME",
                         help="the column (or JSONL key) that holds a document's text (default: %(default)s)")
    extract.add_argument("--max-chars", type=_positive_int, default=DEFAULT_MAX_CHARS, metavar="N",
                         help="report documents longer than N characters instead of processing them "
                         "(default: %(default)s)")
    extract.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                         help="report a document that takes longer than this (0: no limit; default: %(default)g)")
    existing = extract.add_mutually_exclusive_group()
    existing.add_argument("--resume", action="store_true",
                          help="OUT is the JSONL output of an earlier, interrupted run: skip the documents "
                          "already in it and append the others")
    existing.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
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
    _add_models_command(commands)
    view_commands.add_commands(commands)
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


class Interrupted(Exception):
    """The run was stopped by a signal (SIGTERM, SIGHUP)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def run_extract(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``quotex extract``: write one result per input document, in input order."""
    extractor = _make_extractor(args, parser)
    renderer = Renderer(args.format, with_text=args.with_text)
    task = Task(extractor, renderer)
    previous = _check_output(args, parser)
    skip = _skipper(previous)
    # (an HTML page's text is extracted in the workers: it costs more than finding the quotes)
    docs = iter_inputs(args.paths, max_chars=extractor.max_chars, skip=skip, keep=args.keep,
                       id_column=args.id_column, text_column=args.text_column, defer_pages=True)
    tally = Tally()
    status = EXIT_OK
    # the bar's total: the documents the inputs hold, counted only for a terminal, and not when
    # resuming (the documents already written are skipped)
    total = count_documents(args.paths) if sys.stderr.isatty() and skip is None else None
    progress = Progress(sys.stderr, total)
    try:
        with _open_output(args.output, parser, previous) as stream, _stop_on_signals():
            if previous is None or previous.valid_bytes == 0:
                stream.write(renderer.header())
            try:
                for _, outcome in run(task, docs, jobs=args.jobs):
                    # one line (or CSV rows) at a time, flushed, so a kill leaves every written line whole
                    stream.write(outcome.output or "")
                    stream.flush()
                    tally.add(outcome)
                    progress.update(tally)
            except KeyboardInterrupt:
                status = 128 + signal.SIGINT
            except Interrupted as exc:
                status = 128 + exc.signum
    except BrokenPipeError:
        raise  # the reader went away: main() stops quietly
    except OSError as exc:  # the output cannot be written (a full disk, say): stop, keep what was written
        progress.close()
        _report(tally, previous, skip, EXIT_FAILED, args.output)
        print(f"quotex extract: error: cannot write {args.output or 'standard output'}: {exc.strerror or exc}",
              file=sys.stderr)
        return EXIT_FAILED
    progress.close()
    _report(tally, previous, skip, status, args.output)
    if status != EXIT_OK:
        return status
    return EXIT_FAILED if tally.failed or (previous is not None and previous.failed) else EXIT_OK


def _report(tally: Tally, previous: Existing | None, skip: _Skipper | None, status: int, output: str | None) -> None:
    """The summary of a run, on standard error."""
    lines = [tally.summary()]
    if previous is not None:
        skipped = skip.skipped if skip is not None else 0
        lines.append(f"resumed: {skipped:,} documents already in the output were skipped "
                     f"({previous.failed:,} failed documents in the output before this run)")
    if status != EXIT_OK:
        lines.append(f"stopped; the output is valid up to its last complete line: rerun with -o {output or 'OUT'} "
                     "--resume to finish")
    elif tally.documents == 0 and not (previous is not None and skip is not None and skip.skipped):
        lines.insert(0, "no documents found")
    print("\n".join(f"quotex extract: {line}" for line in lines), file=sys.stderr)


def _check_output(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Existing | None:
    """Refuse to clobber an existing output; with ``--resume``, read what it already holds."""
    path = args.output
    if path is None or path == "-":
        if args.resume:
            parser.error("--resume needs an output file (-o OUT)")
        return None
    if args.resume and args.format != "jsonl":
        parser.error("--resume works with --format jsonl only (a CSV file has no row for a document without quotes)")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return Existing(collections.Counter(), 0, 0, 0) if args.resume else None
    except OSError as exc:
        parser.error(f"cannot write {path}: {exc.strerror or exc}")
    if not stat.S_ISREG(info.st_mode) or (info.st_size == 0 and not args.resume):
        return None  # /dev/null, a pipe, an empty file: nothing to lose
    if args.resume:
        try:
            return read_existing(path)
        except (OSError, ValueError) as exc:
            parser.error(f"cannot resume from {path}: {exc}; use --force to overwrite it")
    if not args.force:
        parser.error(f"{path} exists: add --resume to complete it (skip the documents it already has) "
                     "or --force to overwrite it")
    return None


class _Skipper:
    """Skips each document id as many times as it is in the output already (``--resume``)."""

    def __init__(self, done: collections.Counter[str]) -> None:
        self.done = done
        self.skipped = 0

    def __call__(self, doc_id: str) -> bool:
        if self.done.get(doc_id, 0) > 0:
            self.done[doc_id] -= 1
            self.skipped += 1
            return True
        return False


def _skipper(previous: Existing | None) -> _Skipper | None:
    return _Skipper(collections.Counter(previous.ids)) if previous is not None and previous.ids else None


@contextlib.contextmanager
def _stop_on_signals() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into an exception, so the run stops cleanly: output flushed, workers stopped."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise Interrupted(signum)

    wanted = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None]
    previous = {s: signal.signal(s, stop) for s in wanted}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler if handler is not None else signal.SIG_DFL)


class Progress:
    """A progress bar on ``stream``, only when it is a terminal (nothing when it is redirected).

    The bar is tqdm's: documents done (out of how many, when the inputs say so up front), the
    rate, the time left, and the quotes and failures so far.  It is redrawn at most every
    ``INTERVAL`` seconds, so a fast run pays nothing for it per document, and it is cleared at
    the end, where the summary takes its place.
    """

    INTERVAL = 0.25  # seconds between redraws

    def __init__(self, stream: IO[str], total: int | None = None) -> None:
        self.last = 0.0
        self.bar: Any = None
        if stream.isatty():
            from tqdm import tqdm  # only for a terminal: a redirected run never imports it

            self.bar = tqdm(total=total, file=stream, desc="quotex extract", unit=" documents", leave=False,
                            dynamic_ncols=True, mininterval=self.INTERVAL)

    def update(self, tally: Tally) -> None:
        if self.bar is None:
            return
        now = time.perf_counter()
        if now - self.last < self.INTERVAL:
            return
        self.last = now
        self.bar.set_postfix_str(f"{tally.quotes:,} quotes, {tally.failed:,} failed", refresh=False)
        self.bar.update(tally.documents - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


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


def args_to_extractor(args: argparse.Namespace) -> Extractor:
    """The ``Extractor`` that the command's options ask for: the one place they are mapped onto it.

    ``--engine``, ``--models``, ``--max-chars`` and ``--timeout`` (``eval`` has only the first two:
    the others keep ``Extractor``'s defaults). The command's processes own their signals, so the
    time limit is also held by a ``SIGALRM`` timer (``alarm``).

    Raises:
        ValueError, ImportError, FileNotFoundError: as ``Extractor`` does for a bad option.
    """
    return Extractor(
        engine=args.engine or "rules",
        models_dir=args.models,
        max_chars=getattr(args, "max_chars", DEFAULT_MAX_CHARS),
        timeout=getattr(args, "timeout", DEFAULT_TIMEOUT),
        alarm=True,
    )


def _make_extractor(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Extractor:
    """The ``Extractor`` the options ask for, its models loaded; a bad option is a usage error."""
    if args.models is not None and not os.path.isdir(args.models):
        parser.error(f"--models: {args.models} is not a directory")
    try:
        extractor = args_to_extractor(args)
    except (TypeError, ValueError, ImportError, FileNotFoundError) as exc:
        parser.error(str(exc))
    if extractor.engine == "auto":
        print(f"quotex: engine auto uses {extractor.resolved_engine()}", file=sys.stderr)
    try:
        extractor.warm_up()  # the models load once, before any document's time budget starts
    except Exception as exc:
        parser.error(f"cannot load the Stanza models: {type(exc).__name__}: {exc}")
    return extractor


def _add_models_command(commands: Any) -> None:
    """``quotex models download|check``: the Stanza models of the parser engine."""
    group = commands.add_parser(
        "models", help="download or check the Stanza models of the parser engine",
        description="The stanza engine loads Stanza's English models from a directory: --dir, else "
        "$QUOTEX_STANZA_DIR, else Stanza's default resources directory.",
    )
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")
    download = actions.add_parser("download", help="download the models (needs internet and the stanza extra)")
    check = actions.add_parser("check", help="say whether a directory holds every model file the engine needs")
    for sub in (download, check):
        sub.add_argument("--dir", metavar="DIR", default=None, help="models directory (default: as above)")
    download.add_argument("--ner", action="store_true", help="also download the named-entity model")
    download.set_defaults(run=run_models)
    check.set_defaults(run=run_models)


def run_models(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``quotex models download`` / ``quotex models check``."""
    from quotex import models

    if args.action == "download":
        try:
            found = models.download(args.dir, ner=args.ner)
        except ImportError as exc:
            print(f"quotex models: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        except Exception as exc:  # network and disk problems: say what happened, no traceback
            print(f"quotex models: download failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            return EXIT_FAILED
    else:
        found = models.inspect(args.dir)
    print(f"directory: {found.directory}")
    print(f"processors: {','.join(found.processors)}")
    if found.missing:
        print("missing: " + ", ".join(found.missing))
        print(f"get them with: quotex models download --dir {found.directory}")
        return EXIT_FAILED
    missing_stanza = "" if models.stanza_installed() else " (but Stanza is not installed: pip install 'quotex[stanza]')"
    print("complete" + missing_stanza)
    return EXIT_OK


@contextlib.contextmanager
def _open_output(
    path: str | None, parser: argparse.ArgumentParser, previous: Existing | None = None
) -> Iterator[IO[str]]:
    """The output file (``newline=""``, so the csv module controls line ends), or standard output.

    With ``previous`` (``--resume``), the file is opened for appending after its last complete
    line; a torn line after it is cut off first.
    """
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        if previous is None:
            stream = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
        else:
            stream = open(path, "a", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
            if previous.size > previous.valid_bytes:
                print(f"quotex extract: {path}: dropped a torn last line "
                      f"({previous.size - previous.valid_bytes:,} bytes) left by an interrupted run", file=sys.stderr)
                stream.truncate(previous.valid_bytes)
    except OSError as exc:
        parser.error(f"cannot write {path}: {exc.strerror or exc}")
    with stream:
        yield stream


def _utf8_stdout() -> None:
    """Write UTF-8 whatever the locale, so output can always be read back as UTF-8 JSON or CSV."""
    if isinstance(sys.stdout, io.TextIOWrapper) and (sys.stdout.encoding or "").lower() != "utf-8":
        sys.stdout.reconfigure(encoding="utf-8")


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not number >= 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or a positive number of seconds, not {value}")
    return number


def _keep(value: str) -> Keep:
    try:
        return parse_keep(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number
