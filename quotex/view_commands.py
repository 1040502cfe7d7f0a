"""``quotex report`` and ``quotex show``: what a corpus says, and one article with its quotes marked.

The modules that draw (``quotex.report``) are imported only when a command runs, so ``quotex
extract`` never loads a plotting library.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections.abc import Iterator
from typing import IO, Any

from quotex.summary import TOP, ReportInputError, Tally, read_lines

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
REPORT_FORMATS = ("html", "json", "csv")


def add_commands(commands: Any) -> None:
    """Register ``report`` and ``show`` on the ``quotex`` command's subparsers."""
    report = commands.add_parser(
        "report", help="summarise extract output: who is quoted, source types, anonymity, gender",
        description="Read the JSONL output of quotex extract and write the who-is-quoted report: the "
        "most-quoted speakers, the source-type mix, anonymous sources, women and men quoted, direct/"
        "indirect/mixed shares, intermediaries, hedging and quotes per article; overall and per group "
        "(--by). HTML (one self-contained file, charts inline; needs the report extra), or the same "
        "aggregates as JSON or CSV.",
    )
    report.add_argument("inputs", nargs="+", metavar="QUOTES.jsonl",
                        help="output of quotex extract ('-': standard input)")
    report.add_argument("--by", metavar="FIELD", default=None,
                        help="group by this field of each line's meta (quotex extract --keep), or of the line; "
                        "dates (2024-05-17...) are grouped by month")
    report.add_argument("-o", "--output", metavar="OUT", help="output file (default: standard output)")
    report.add_argument("--format", choices=REPORT_FORMATS, default=None,
                        help="html, json or csv (default: from the extension of OUT, else html)")
    report.add_argument("--top", type=int, default=TOP, metavar="N",
                        help="speakers and intermediaries listed (default: %(default)s)")
    report.add_argument("--title", default="Who is quoted", help="the report's title")
    report.set_defaults(run=run_report)

    show = commands.add_parser(
        "show", help="write one article as HTML with its quotes highlighted",
        description="Extract the quotes of one article and write it as an HTML page: each quote's content "
        "highlighted by kind, its cue in bold, its source underlined, with a label naming the speaker "
        "and source type.",
    )
    show.add_argument("article", metavar="ARTICLE", help="a text file, or any input quotex extract reads "
                      "(the first document, or the one --id names)")
    show.add_argument("--id", dest="doc_id", default=None, help="the document to show, in a file of many")
    show.add_argument("-o", "--output", metavar="OUT", help="output file (default: standard output)")
    from quotex.cli import _add_engine_options  # (cli imports this module: late, to keep one set of options)

    _add_engine_options(show)
    show.set_defaults(run=run_show)


def run_report(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``quotex report``: read every line once, then write the aggregates."""
    fmt = args.format or _format_of(args.output)
    if args.top < 1:
        parser.error("--top must be at least 1")
    render = None
    if fmt == "html":
        try:
            from quotex import report
        except ImportError as exc:  # pragma: no cover - the module itself needs nothing
            parser.error(str(exc))
        render = report.render_html
        try:
            report._plt()
        except ImportError as exc:
            print(f"quotex report: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
    tally = Tally(args.by)
    try:
        for name, stream, size in _inputs(args.inputs):
            with _Progress(size, name) as progress:
                for line in read_lines(progress.wrap(stream), name):
                    tally.add(line)
    except (OSError, ReportInputError) as exc:
        print(f"quotex report: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    summary = tally.summary(args.top)
    if fmt == "json":
        out = json.dumps(summary.to_dict(), ensure_ascii=False, indent=1) + "\n"
    elif fmt == "csv":
        buffer = io.StringIO(newline="")
        writer = csv.DictWriter(buffer, fieldnames=("table", "group", "key", "value"))
        writer.writeheader()
        writer.writerows(summary.rows())
        out = buffer.getvalue()
    else:
        assert render is not None
        out = render(summary, title=args.title, source=", ".join(os.path.basename(p) for p in args.inputs))
    return _write(out, args.output, "report")


def _format_of(path: str | None) -> str:
    ext = os.path.splitext(path or "")[1].lower().lstrip(".")
    return ext if ext in REPORT_FORMATS else "html"


def _inputs(paths: list[str]) -> Iterator[tuple[str, IO[bytes], int | None]]:
    """Each input as a binary stream, with its size when it is a file (for the progress bar)."""
    for path in paths:
        if path == "-":
            yield "standard input", sys.stdin.buffer, None
            continue
        with open(path, "rb") as handle:
            try:
                size: int | None = os.fstat(handle.fileno()).st_size
            except OSError:
                size = None
            yield path, handle, size


class _Progress:
    """A progress bar over the bytes read, on a terminal only (tqdm's, as ``quotex extract`` has)."""

    def __init__(self, total: int | None, name: str) -> None:
        self.bar: Any = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=f"quotex report {os.path.basename(name)}", unit="B",
                            unit_scale=True, leave=False, file=sys.stderr, mininterval=0.25)

    def wrap(self, stream: IO[bytes]) -> Iterator[bytes]:
        for raw in stream:
            if self.bar is not None:
                self.bar.update(len(raw))
            yield raw

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()


def _write(out: str, path: str | None, command: str) -> int:
    if path is None or path == "-":
        sys.stdout.write(out)
        return EXIT_OK
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(out)
    except OSError as exc:
        print(f"quotex {command}: error: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def run_show(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``quotex show``: one article, its quotes marked, as an HTML page."""
    from quotex.cli import _make_extractor
    from quotex.inputs import iter_inputs
    from quotex.show import page

    if not os.path.exists(args.article):
        parser.error(f"{args.article} does not exist")
    extractor = _make_extractor(args, parser)
    doc = None
    for candidate in iter_inputs([args.article]):
        if args.doc_id is None or candidate.id == args.doc_id:
            doc = candidate
            break
    if doc is None:
        print(f"quotex show: error: no document {args.doc_id!r} in {args.article}", file=sys.stderr)
        return EXIT_USAGE
    if doc.text is None:
        print(f"quotex show: error: {doc.error}", file=sys.stderr)
        return EXIT_FAILED
    result = next(extractor.extract_many([(doc.id, doc.text)], on_error="record"))
    if result.error is not None:
        print(f"quotex show: error: {result.error}", file=sys.stderr)
        return EXIT_FAILED
    return _write(page(doc.text, result.quotes, title=doc.id), args.output, "show")
