"""Fuzz ``quotex.extract`` with generated and mutated news text; report exceptions and bad spans.

    python benchmarks/fuzz.py [--docs 100000] [--seed 1] [--jobs N] [--save DIR]

Documents are generated in the worker processes from numbered seeds, so a finding can be
replayed with ``--replay SEED``. The generators: real news paragraphs from ``corpus/`` with
random edits (quote marks and cue words sprinkled in, pieces deleted, repeated, cut off, cases
changed, control characters and odd Unicode inserted); random Unicode (lone surrogates too);
walls of quote marks and cue words; long paragraphs without breaks. Every quote returned must
satisfy the invariants of ``tests/test_properties.py``: spans inside the text and non-empty,
content spans in order, known kinds and source types, confidence in [0, 1], quotes in order.

Exit status 1 when any document raised or returned an invalid quote. Documents that take
longer than ``--budget`` seconds are reported as slow (not failures).
"""

from __future__ import annotations

import argparse
import itertools
import math
import multiprocessing
import os
import random
import re
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import quotex  # noqa: E402 - after the path is set
from quotex.alarm import time_budget  # noqa: E402
from quotex.errors import DocumentTimeout  # noqa: E402
from quotex.records import KINDS, SOURCE_TYPES, Quote  # noqa: E402

MARKS = ['"', "'", "“", "”", "‘", "’", "„", "‚", "«", "»", "‹", "›", "‟", "″", "′", "`", "``", "''"]
CUES = [" said ", " says ", " told reporters ", " according to ", ", he said.", ", she added,", " warned that ",
        " claimed ", ", citing ", " reportedly ", " denied ", " in a statement ", " Mr. ", " Sen. ", " U.S. "]
ODD = ["\x00", "\x01", "\x1c", "\x1f", "\x7f", "\u0085", "\u00a0", "\u200b", "\u200e", "\u2028", "\u2029", "\ufeff",
       "\ufffd", "\u0301", "\u0130", "\u212a", "\u017f", "\ud800", "\udfff", "🇺🇦", "\r", "\r\n", "\t", "\n\n",
       "\x0b", "\x0c", "…", "—", "–", "<p>", "&quot;", "&#8220;"]
CHUNK = 500  # documents per task


def corpus_paragraphs() -> list[str]:
    paras: list[str] = []
    for folder in ("wikinews/docs", "senate-1k/docs", "seeds"):
        for path in sorted((REPO_ROOT / "corpus" / folder).glob("*.txt"))[:300]:
            paras.extend(p for p in path.read_text(encoding="utf-8").split("\n") if p.strip())
    return paras


PARAGRAPHS: list[str] = []


def mutate(rnd: random.Random, text: str) -> str:
    """Random edits: insertions (marks, cues, odd characters, random text), cuts, repeats, case."""
    for _ in range(rnd.randint(0, 25)):
        at = rnd.randint(0, len(text))
        op = rnd.random()
        if op < 0.30:
            text = text[:at] + rnd.choice(MARKS) + text[at:]
        elif op < 0.42:
            text = text[:at] + rnd.choice(CUES) + text[at:]
        elif op < 0.52:
            text = text[:at] + rnd.choice(ODD) + text[at:]
        elif op < 0.62:
            text = text[:at] + text[at + rnd.randint(1, 40) :]
        elif op < 0.70:
            piece = text[at : at + rnd.randint(1, 60)]
            text = text[:at] + piece * rnd.randint(2, 30) + text[at:]
        elif op < 0.76:
            text = text[:at]
        elif op < 0.84:
            n = rnd.randint(1, 50)
            text = text[:at] + text[at : at + n].upper() + text[at + n :]
        elif op < 0.92:
            text = text[:at] + "".join(chr(rnd.randint(32, 0x2FFF)) for _ in range(rnd.randint(1, 8))) + text[at:]
        else:
            other = rnd.randint(0, len(text))
            text = text[:at] + text[other : other + 30] + text[at:]
    return text


def generate(seed: int) -> str:
    """One document from its seed."""
    rnd = random.Random(seed)
    kind = rnd.random()
    if kind < 0.60:  # mutated news
        start = rnd.randrange(len(PARAGRAPHS))
        joiner = rnd.choice(["\n\n", "\n", " ", "\r\n\r\n"])
        return mutate(rnd, joiner.join(PARAGRAPHS[start : start + rnd.randint(1, 8)]))
    if kind < 0.75:  # random Unicode, any code point
        return "".join(chr(rnd.randint(0, 0x10FFFF)) if rnd.random() < 0.3 else chr(rnd.randint(9, 0x7F))
                       for _ in range(rnd.randint(0, 400)))
    if kind < 0.90:  # walls of marks and cues
        return "".join(rnd.choice(MARKS + CUES + ["word", " ", "He", ".", ",", "\n"])
                       for _ in range(rnd.randint(0, 1500)))
    # a long run without paragraph breaks: many sentences, marks and cues
    return mutate(rnd, " ".join(rnd.choice(PARAGRAPHS) for _ in range(rnd.randint(5, 40))))


def problems(text: str, quotes: list[Quote]) -> list[str]:
    """Everything wrong with ``quotes`` as the quotes of ``text``."""
    out: list[str] = []
    if not isinstance(quotes, list):
        return [f"returned {type(quotes).__name__}, not a list"]
    for q in quotes:
        if not q.content:
            out.append("a quote without content")
        spans = [*(("content", s) for s in q.content), ("cue", q.cue), ("source", q.source),
                 *(("via", v.span) for v in q.via)]
        for label, span in spans:
            if span is not None and not 0 <= span.start < span.end <= len(text):
                out.append(f"{label} span {span} outside the text (length {len(text)}) or empty (rule {q.rule})")
        for a, b in itertools.pairwise(q.content):
            if a.end > b.start:
                out.append(f"content spans {a} and {b} overlap or are out of order")
        if q.kind not in KINDS or q.source_type not in SOURCE_TYPES:
            out.append(f"kind {q.kind!r} or source_type {q.source_type!r} unknown")
        if not (isinstance(q.confidence, float | int) and not math.isnan(q.confidence) and 0 <= q.confidence <= 1):
            out.append(f"confidence {q.confidence!r}")
    starts = [q.start for q in quotes if q.content]
    if starts != sorted(starts):
        out.append("quotes not in order of their content")
    return out


def init(paragraphs: list[str]) -> None:
    PARAGRAPHS[:] = paragraphs


def run_chunk(task: tuple[int, int, float]) -> dict[str, Any]:
    """Generate and check the documents of seeds ``first .. first + n - 1``."""
    first, n, budget = task
    found: dict[str, Any] = {"docs": 0, "chars": 0, "quotes": 0, "exceptions": [], "invalid": [], "slow": [],
                             "slowest": (0.0, -1)}
    for seed in range(first, first + n):
        text = generate(seed)
        started = time.perf_counter()
        try:
            with time_budget(budget):
                quotes = quotex.extract(text, max_chars=10**7)
        except DocumentTimeout:
            found["slow"].append(seed)
            continue
        except Exception as exc:
            found["exceptions"].append((seed, f"{type(exc).__name__}: {exc}", traceback.format_exc(limit=-3)))
            continue
        finally:
            found["docs"] += 1
            found["chars"] += len(text)
        took = time.perf_counter() - started
        found["slowest"] = max(found["slowest"], (took, seed))
        found["quotes"] += len(quotes)
        issues = problems(text, quotes)
        if issues:
            found["invalid"].append((seed, issues))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=100_000, help="documents to generate (default: 100,000)")
    parser.add_argument("--seed", type=int, default=1, help="first seed (default: 1)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes (default: CPU count)")
    parser.add_argument("--budget", type=float, default=10.0, help="seconds before a document counts as slow")
    parser.add_argument("--save", type=Path, help="write the documents that failed or were slow into DIR")
    parser.add_argument("--replay", type=int, metavar="SEED", help="print the document of one seed and its quotes")
    args = parser.parse_args(argv)
    paragraphs = corpus_paragraphs()
    init(paragraphs)
    if args.replay is not None:
        text = generate(args.replay)
        print(repr(text))
        for q in quotex.extract(text):
            print(q.to_dict(text))
        return 0

    tasks = [(s, min(CHUNK, args.seed + args.docs - s), args.budget)
             for s in range(args.seed, args.seed + args.docs, CHUNK)]
    started = time.perf_counter()
    total: Counter[str] = Counter()
    exceptions: list[Any] = []
    invalid: list[Any] = []
    slow: list[int] = []
    slowest = (0.0, -1)
    with multiprocessing.Pool(args.jobs, initializer=init, initargs=(paragraphs,)) as pool:
        for done in pool.imap_unordered(run_chunk, tasks):
            for key in ("docs", "chars", "quotes"):
                total[key] += done[key]
            exceptions += done["exceptions"]
            invalid += done["invalid"]
            slow += done["slow"]
            slowest = max(slowest, done["slowest"])
            if sys.stderr.isatty():
                print(f"\r{total['docs']:,} documents", end="", file=sys.stderr)
    elapsed = time.perf_counter() - started
    if sys.stderr.isatty():
        print(file=sys.stderr)
    rate = total["docs"] / elapsed
    print(f"{total['docs']:,} documents ({total['chars'] / 1e6:.1f} M characters, seeds {args.seed} to "
          f"{args.seed + args.docs - 1}), {args.jobs} processes, {elapsed:.1f} s ({rate:,.0f} docs/s)")
    print(f"{total['quotes']:,} quotes; {len(exceptions)} exceptions; {len(invalid)} documents with invalid quotes; "
          f"{len(slow)} over the {args.budget:g} s budget; slowest {slowest[0]:.2f} s (seed {slowest[1]})")
    for seed, message, trace in exceptions[:10]:
        print(f"  exception, seed {seed}: {message}\n{trace}")
    kinds = Counter(re.sub(r"Span\(start=\d+, end=\d+\)|\(length \d+\)", "…", issue) for _, issues in invalid
                    for issue in issues)
    for kind, n in kinds.most_common():
        print(f"  {n:,} x {kind}")
    for seed, issues in invalid[:10]:
        print(f"  invalid, seed {seed}: {'; '.join(issues)}")
    if slow:
        print(f"  slow seeds: {sorted(slow)[:20]}")
    if args.save and (exceptions or invalid or slow):
        args.save.mkdir(parents=True, exist_ok=True)
        for seed in [s for s, *_ in exceptions] + [s for s, _ in invalid] + slow:
            (args.save / f"seed-{seed}.txt").write_text(generate(seed), encoding="utf-8", errors="surrogatepass")
    return 1 if exceptions or invalid else 0


if __name__ == "__main__":
    sys.exit(main())
