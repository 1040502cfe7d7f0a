"""Run textacy's direct-quotation extractor on quotex's gold sets and corpora, for the comparison tables.

Run by hand only, in an environment of its own: it needs spaCy, textacy and a spaCy pipeline with a
tagger, lemmatizer and parser (``en_core_web_sm`` by default), none of which quotex depends on:

    python benchmarks/compare_textacy.py extract GOLD.jsonl -o PRED.jsonl [--model NAME]
    python shared/tools/score.py GOLD.jsonl PRED.jsonl
    python benchmarks/compare_textacy.py direct-recall GOLD.jsonl PRED.jsonl
    python benchmarks/compare_textacy.py speed corpus/wikinews/docs [--model NAME]

``extract`` reads ``{"id", "text"}`` lines and writes quotex's JSONL output shape, one line a
document in input order: textacy's content, cue and speaker token spans become character offsets
(content with its quote marks, as textacy gives it; the scorer strips them), ``speaker`` is the
text of the speaker span, and ``source_type`` is ``unknown``: textacy does not type its sources.

textacy finds direct quotes only, and gives up on a whole document whose count of quote-mark
tokens is odd (it raises ValueError). By default such a document gets no quotes, as a caller
that catches the error would see it; ``--on-unbalanced lines`` runs it once more on each line
of that document alone, so that one stray mark costs only its line. The counts are printed.

``direct-recall`` scores any predictions (textacy's or quotex's) the way the reference scorer
pairs them (content segments, quote marks stripped, one-to-one, best overlap first, each side
sharing at least 0.3 of its characters) and prints the recall over the gold quotes whose kind is
``direct`` (and over ``direct`` plus ``mixed``), which is what textacy can be asked to find.

``speed`` times the spaCy parse and the extraction of every ``*.txt`` below a directory in one
process, the pipeline's load excluded, and prints documents per second of wall-clock time and
the CPU time the process used (all its threads), which other work on the machine disturbs less.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

# Marks and blanks the reference scorer strips from both ends of a content segment.
QUOTE_EDGES = "\"“”‘’'«» \n"
OVERLAP = 0.3


def load_pipeline(name: str) -> Any:
    """The spaCy pipeline ``name``, or exit with a message when it, spaCy or textacy is not installed."""
    try:
        import spacy
        import textacy.extract.triples  # noqa: F401 - fail here, before any work, when textacy is missing
    except ImportError as err:
        sys.exit(f"this comparison needs spaCy and textacy (pip install spacy textacy): {err}")
    try:
        return spacy.load(name)
    except OSError as err:
        sys.exit(f"cannot load the spaCy pipeline {name!r}: {err}")


def span_of(tokens: Iterable[Any]) -> tuple[int, int]:
    """Character offsets from the first token's start to the last token's end."""
    toks = sorted(tokens, key=lambda t: t.i)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def quotes_of(doc: Any, text: str, base: int) -> list[dict[str, Any]]:
    """textacy's direct quotations of ``doc`` in quotex's shape; ``base`` is where ``doc`` starts in ``text``."""
    from textacy.extract.triples import direct_quotations

    out = []
    for speaker, cue, content in direct_quotations(doc):
        s, e = span_of(content)
        cs, ce = span_of(cue)
        ss, se = span_of(speaker)
        out.append({
            "content": [[base + s, base + e]],
            "kind": "direct",
            "cue": [base + cs, base + ce],
            "source": [base + ss, base + se],
            "speaker": text[base + ss:base + se],
            "source_type": "unknown",
        })
    return out


def lines_of(text: str) -> list[tuple[int, str]]:
    """The non-blank lines of ``text`` with their start offsets."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out


def extract_all(
    nlp: Any, texts: list[str], on_unbalanced: str, counts: dict[str, int]
) -> Iterator[list[dict[str, Any]]]:
    """The quotes of every text, in order; ``counts`` tallies the documents textacy gave up on and its own time.

    The time of the per-line retry (parse and extraction) is not split out: it counts as spaCy's.
    """
    for text, doc in zip(texts, nlp.pipe(texts)):
        counts["docs"] += 1
        t0 = time.perf_counter_ns()
        try:
            quotes, unbalanced = quotes_of(doc, text, 0), False
        except ValueError:
            quotes, unbalanced = [], True
        counts["textacy_ns"] += time.perf_counter_ns() - t0
        if unbalanced:
            counts["unbalanced"] += 1
            if on_unbalanced == "lines":
                parts = lines_of(text)
                for (base, _), line_doc in zip(parts, nlp.pipe([line for _, line in parts])):
                    try:
                        quotes.extend(quotes_of(line_doc, text, base))
                    except ValueError:
                        counts["unbalanced_lines"] += 1
        yield quotes


def read_jsonl(path: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def cmd_extract(a: argparse.Namespace) -> int:
    docs = read_jsonl(a.gold)
    nlp = load_pipeline(a.model)
    counts = {"docs": 0, "unbalanced": 0, "unbalanced_lines": 0, "textacy_ns": 0}
    n_quotes = 0
    t0 = time.perf_counter()
    with open(a.output, "w", encoding="utf-8") as out:
        texts = [d["text"] for d in docs]
        for d, quotes in zip(docs, extract_all(nlp, texts, a.on_unbalanced, counts)):
            n_quotes += len(quotes)
            out.write(json.dumps({"id": d["id"], "quotes": quotes}, ensure_ascii=False) + "\n")
    secs = time.perf_counter() - t0
    print(f"{a.model} {nlp.meta.get('name')} {nlp.meta.get('version')}: {counts['docs']} documents, {n_quotes} quotes, "
          f"{counts['unbalanced']} given up on (odd quote marks, --on-unbalanced {a.on_unbalanced}"
          + (f"; {counts['unbalanced_lines']} lines still given up on" if a.on_unbalanced == "lines" else "")
          + f") in {secs:.1f} s", file=sys.stderr)
    return 0


def segments(quotes: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """One entry a content span, quote marks stripped from its ends, as the reference scorer flattens quotes."""
    out = []
    for q in quotes:
        spans = q.get("content_spans") or q.get("content") or []
        if spans and isinstance(spans[0], int):
            spans = [spans]
        for s, e in spans:
            if e <= s:
                continue
            while s < e and text[s] in QUOTE_EDGES:
                s += 1
            while e > s and text[e - 1] in QUOTE_EDGES:
                e -= 1
            out.append({"s": s, "e": e, "kind": q.get("kind") or q.get("type"), "optional": bool(q.get("optional"))})
    return out


def pair(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> set[int]:
    """Indices of the gold segments matched one-to-one, best overlap (Jaccard) first."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = min(g["e"], p["e"]) - max(g["s"], p["s"])
            lg, lp = g["e"] - g["s"], p["e"] - p["s"]
            if ov > 0 and ov >= OVERLAP * lg and ov >= OVERLAP * lp:
                cands.append((ov / (lg + lp - ov), i, j))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, i, j in sorted(cands, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    return used_g


def cmd_direct_recall(a: argparse.Namespace) -> int:
    pred = {str(d.get("id")): d.get("quotes", []) for d in read_jsonl(a.pred)}
    tally = {"direct": [0, 0], "direct+mixed": [0, 0]}
    for d in read_jsonl(a.gold):
        g = segments(d["quotes"], d["text"])
        hit = pair(g, segments(pred.get(str(d["id"]), []), d["text"]))
        for i, seg in enumerate(g):
            if seg["optional"]:
                continue  # optional gold quotes are never misses
            for name, kinds in (("direct", {"direct"}), ("direct+mixed", {"direct", "mixed"})):
                if seg["kind"] in kinds:
                    tally[name][0] += i in hit
                    tally[name][1] += 1
    res = {name: {"R": round(100 * h / n, 1) if n else None, "hit": h, "gold": n} for name, (h, n) in tally.items()}
    print(json.dumps(res))
    return 0


def cmd_speed(a: argparse.Namespace) -> int:
    paths = sorted(Path(a.corpus).rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    nlp = load_pipeline(a.model)
    if a.exclude:
        for name in a.exclude.split(","):
            nlp.disable_pipe(name)
    best = None
    for _ in range(a.rounds):
        counts = {"docs": 0, "unbalanced": 0, "unbalanced_lines": 0, "textacy_ns": 0}
        t0, c0 = time.perf_counter(), time.process_time()
        n_quotes = sum(len(q) for q in extract_all(nlp, texts, a.on_unbalanced, counts))
        secs, cpu = time.perf_counter() - t0, time.process_time() - c0
        best = secs if best is None else min(best, secs)
        print(f"{len(texts)} documents, {sum(map(len, texts))} characters, {n_quotes} quotes, "
              f"{counts['unbalanced']} given up on, in {secs:.2f} s ({counts['textacy_ns'] / 1e9:.2f} s of it in "
              f"textacy, the rest in spaCy): {len(texts) / secs:.1f} documents/s; {cpu:.2f} s of CPU, "
              f"{len(texts) / cpu:.1f} documents per CPU second "
              f"(pipeline {a.model}: {', '.join(nlp.pipe_names)})")
    if best is not None and a.rounds > 1:
        print(f"best of {a.rounds}: {len(texts) / best:.1f} documents/s")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    ex = sub.add_parser("extract", help="write textacy's quotes of a {id, text} JSONL in quotex's output shape")
    ex.add_argument("gold")
    ex.add_argument("-o", "--output", required=True)
    dr = sub.add_parser("direct-recall", help="recall over the direct gold quotes of any predictions")
    dr.add_argument("gold")
    dr.add_argument("pred")
    sp = sub.add_parser("speed", help="documents per second over the *.txt files of a directory, one process")
    sp.add_argument("corpus")
    sp.add_argument("--rounds", type=int, default=1)
    sp.add_argument("--exclude", default="", help="pipeline components to disable, comma-separated (e.g. ner)")
    for p in (ex, sp):
        p.add_argument("--model", default="en_core_web_sm", help="spaCy pipeline to load (default: en_core_web_sm)")
        p.add_argument("--on-unbalanced", choices=["skip", "lines"], default="skip",
                       help="a document with an odd count of quote marks: no quotes (skip, textacy's own "
                            "behaviour) or textacy once more on each of its lines")
    a = ap.parse_args(argv)
    return {"extract": cmd_extract, "direct-recall": cmd_direct_recall, "speed": cmd_speed}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
