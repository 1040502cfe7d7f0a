"""Scoring predicted quotes against hand-annotated gold quotes.

The protocol (DESIGN.md, "Gold data and how quotes are matched"):

* Both sides are flattened to content segments: a quote split by its attribution
  (``content_spans`` in gold, several ``content`` spans in predictions) gives one segment per
  part. Quote marks and surrounding whitespace are stripped from both ends of every segment.
* Within a document, gold and predicted segments are paired one-to-one, best overlap
  (intersection over union) first. A pair qualifies at threshold ``t`` when the shared characters
  are at least ``t`` of each segment; ``exact`` needs identical bounds.
* Precision counts every prediction; one paired with an optional gold quote is left out, neither
  right nor wrong. Recall counts the required gold segments (with ``slice="speech"``, only those
  whose cue contains a communication word or whose content carries quote marks).
* Over the pairs matched at 0.3, the accuracy of ``speaker`` (word sets, case-insensitive; a gold
  surname matches a predicted full name; a pronoun-only prediction is no name), ``source_type``,
  ``kind`` and ``cue`` (the predicted cue overlaps the gold cue).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import regex

from quotex import lexicon
from quotex.errors import Errors, QuotexError

if TYPE_CHECKING:
    from quotex.extractor import Extractor

#: Overlap thresholds reported, as (label, share of each side); ``None`` means identical bounds.
THRESHOLDS: tuple[tuple[str, float | None], ...] = (("0.3", 0.3), ("0.8", 0.8), ("exact", None))
#: The threshold whose pairs the attribute accuracies are measured on.
ACCURACY_AT = "0.3"
SLICES = ("all", "speech")
ATTRIBUTES = ("speaker", "source_type", "kind", "cue")

#: Characters stripped from both ends of a content segment before matching.
_MARKS = "\"“”‘’'«»„‚‹›"
#: Quote marks whose presence inside gold content puts it in the speech slice.
_DOUBLE_MARKS = "\"“”"
#: Name words: ``Jiakun``, ``O'Neill``, ``U.S.``, ``al-Masirah``.
_NAME_WORD = regex.compile(r"[\w’'.-]+")
#: Cue words: ``According`` in ``According to``.
_CUE_WORD = regex.compile(r"[a-z]+")
_NAME_FILLERS = frozenset({"the", "a", "an", "of"})
#: A prediction naming its source only by one of these has not named it.
_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "him", "her", "them"})

#: A stretch of text as (start, end) offsets (the public record is records.Span).
Offsets = tuple[int, int]


class EvalInputError(QuotexError, ValueError):
    """A gold or prediction file is not in the expected format (``[E201]``-``[E203]``)."""


@attrs.frozen
class Scored:
    """One content span of a quote, quote marks stripped, with the attributes that are scored."""

    start: int
    end: int
    speaker: str | None = None
    source_text: str = ""
    source_type: str | None = None
    kind: str | None = None
    cue: Offsets | None = None
    cue_text: str = ""
    optional: bool = False

    def overlap(self, other: Scored) -> int:
        return min(self.end, other.end) - max(self.start, other.start)

    def __len__(self) -> int:
        return self.end - self.start


@attrs.frozen
class Counts:
    """Matching counts at one threshold."""

    matched: int  # predictions paired with a required gold segment
    predicted: int  # predictions counted (those paired with optional gold left out)
    found: int  # required gold segments in the slice that were paired
    gold: int  # required gold segments in the slice

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"P": _pct(self.precision), "R": _pct(self.recall), "F1": _pct(self.f1),
                "pred": self.predicted, "gold": self.gold}


@attrs.frozen
class Accuracy:
    """How many matched pairs agree on one attribute, of those where gold annotates it."""

    correct: int
    total: int

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_list(self) -> list[Any]:
        return [None if self.value is None else _pct(self.value), self.total]


@attrs.frozen
class Report:
    """The figures of one evaluation."""

    slice: str
    counts: Mapping[str, Counts]
    accuracy: Mapping[str, Accuracy]
    docs: int
    docs_missing: int = 0
    docs_failed: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Percentages rounded to one decimal, in the shape of the reference scorer's ``--json``."""
        out: dict[str, Any] = {label: self.counts[label].to_dict() for label, _ in THRESHOLDS}
        out[f"acc@{ACCURACY_AT}"] = {name: acc.to_list() for name, acc in self.accuracy.items()}
        out.update(slice=self.slice, docs=self.docs, docs_missing_in_pred=self.docs_missing,
                   docs_failed=self.docs_failed)
        return out


def evaluate(
    gold_docs: Iterable[Mapping[str, Any]],
    predictions: Mapping[str, Mapping[str, Any]],
    *,
    slice: str = "all",
) -> Report:
    """Score predictions against gold documents.

    Args:
        gold_docs: gold documents, each with ``id``, ``text`` and ``quotes``.
        predictions: predicted documents by id, each with ``quotes`` (and ``error`` if it failed),
            as ``quotex extract`` writes them. A gold document with no prediction has none.
        slice: ``"all"``, or ``"speech"`` to count recall only over communication.

    Returns:
        The report.

    Raises:
        ValueError: ``slice`` is unknown.
        EvalInputError: a quote's spans are malformed.
    """
    if slice not in SLICES:
        raise ValueError(Errors.E204.format(value=slice, choices=", ".join(SLICES)))
    tallies = {label: [0, 0, 0, 0] for label, _ in THRESHOLDS}
    scores = {name: [0, 0] for name in ATTRIBUTES}
    docs = missing = failed = 0
    for doc in gold_docs:
        docs += 1
        doc_id, text = str(doc["id"]), doc["text"]
        predicted = predictions.get(doc_id)
        if predicted is None:
            missing += 1
            predicted = {}
        elif predicted.get("error"):
            failed += 1
        golds = segments(text, doc["quotes"], gold=True, doc_id=doc_id)
        preds = segments(text, predicted.get("quotes") or [], gold=False, doc_id=doc_id)
        counted = [not g.optional and (slice == "all" or is_speech(g, text)) for g in golds]
        for label, share in THRESHOLDS:
            pairs = match(golds, preds, share)
            to_optional = sum(1 for i in pairs if golds[i].optional)
            tally = tallies[label]
            tally[0] += len(pairs) - to_optional
            tally[1] += len(preds) - to_optional
            tally[2] += sum(1 for i in pairs if counted[i])
            tally[3] += sum(counted)
            if label != ACCURACY_AT:
                continue
            for i, j in pairs.items():
                if not counted[i]:
                    continue
                for name, verdict in attribute_verdicts(golds[i], preds[j]).items():
                    if verdict is not None:
                        scores[name][0] += verdict
                        scores[name][1] += 1
    return Report(
        slice=slice,
        counts={label: Counts(*tally) for label, tally in tallies.items()},
        accuracy={name: Accuracy(*score) for name, score in scores.items()},
        docs=docs,
        docs_missing=missing,
        docs_failed=failed,
    )


def segments(
    text: str, quotes: Sequence[Mapping[str, Any]], *, gold: bool, doc_id: str = ""
) -> list[Scored]:
    """Flatten quotes to content segments, quote marks stripped.

    Gold ``content_spans`` are read before ``content``; a bare ``[start, end]`` is one span.
    Only gold quotes can be ``optional``.
    """
    out = []
    for index, quote in enumerate(quotes):
        where = f"document {doc_id!r}, quote {index}"
        content = _spans(quote.get("content_spans") or quote.get("content"), where)
        source = _spans(quote.get("source"), where)
        source_text = " ".join(text[s:e] for s, e in source) if source else quote.get("source_text") or ""
        cue = _spans(quote.get("cue"), where)
        cue_text = quote.get("cue_text") or (text[cue[0][0] : cue[0][1]] if cue else "")
        for start, end in content:
            # a span running past the text (a buggy prediction) is cut to it
            start, end = strip_marks(text, max(0, start), min(end, len(text)))
            out.append(Scored(
                start=start,
                end=end,
                speaker=quote.get("speaker"),
                source_text=source_text,
                source_type=quote.get("source_type"),
                kind=quote.get("kind") or quote.get("type"),
                cue=cue[0] if cue else None,
                cue_text=cue_text,
                optional=gold and bool(quote.get("optional")),
            ))
    return out


def match(golds: Sequence[Scored], preds: Sequence[Scored], share: float | None) -> dict[int, int]:
    """Pair gold and predicted segments one-to-one, best overlap first.

    Args:
        golds: the gold segments of one document.
        preds: the predicted segments of the same document.
        share: the least share of each side the overlap must cover; ``None`` for exact bounds.

    Returns:
        The index of the predicted segment paired with each paired gold segment.
    """
    candidates = []
    for i, g in enumerate(golds):
        for j, p in enumerate(preds):
            shared = g.overlap(p)
            if shared <= 0:
                continue
            if share is None:
                ok = (g.start, g.end) == (p.start, p.end)
            else:
                ok = shared >= share * len(g) and shared >= share * len(p)
            if ok:
                candidates.append((shared / (len(g) + len(p) - shared), i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in candidates:
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs


def attribute_verdicts(gold: Scored, pred: Scored) -> dict[str, bool | None]:
    """Whether a matched prediction has each attribute right; ``None`` where gold does not say."""
    return {
        "speaker": speaker_matches(gold.speaker, pred.speaker, pred.source_text),
        "source_type": gold.source_type == pred.source_type if gold.source_type else None,
        "kind": gold.kind == pred.kind if gold.kind else None,
        "cue": cue_matches(gold, pred),
    }


def speaker_matches(gold: str | None, speaker: str | None, source_text: str = "") -> bool | None:
    """Whether a predicted speaker (or, failing that, source mention) names the gold speaker.

    Names are compared as sets of lower-cased words without articles, so case and spacing do not
    matter and either side may be the shorter (``Guo`` matches ``Guo Jiakun``). A pronoun names
    nobody. Returns ``None`` when gold has no speaker name (nothing to score).
    """
    wanted = _name_words(gold)
    if not wanted:
        return None
    for candidate in (speaker, source_text):
        found = _name_words(candidate)
        if found and not found <= _PRONOUNS and (wanted <= found or found <= wanted):
            return True
    return False


def cue_matches(gold: Scored, pred: Scored) -> bool | None:
    """Whether the predicted cue is the gold cue: the spans overlap (or, with no span, the words agree)."""
    if gold.cue is None:
        return None
    if pred.cue is not None:
        return min(gold.cue[1], pred.cue[1]) > max(gold.cue[0], pred.cue[0])
    return bool(pred.cue_text) and pred.cue_text.lower().split() == gold.cue_text.lower().split()


def is_speech(gold: Scored, text: str) -> bool:
    """Whether a gold segment is communication: a communication word in its cue, or quote marks inside."""
    if any(word in speech_cues() for word in _CUE_WORD.findall(gold.cue_text.lower())):
        return True
    return any(mark in text[gold.start : gold.end] for mark in _DOUBLE_MARKS)


def speech_cues() -> frozenset[str]:
    """The communication words of ``data/speech_cues.txt``."""
    return lexicon.words("speech_cues")


def strip_marks(text: str, start: int, end: int, marks: str = _MARKS) -> Offsets:
    """Narrow ``[start, end)`` past quote marks (of ``marks``) and whitespace at either end."""
    while start < end and (text[start] in marks or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in marks or text[end - 1].isspace()):
        end -= 1
    return start, end


def _name_words(name: str | None) -> set[str]:
    return {w for w in _NAME_WORD.findall((name or "").lower()) if w not in _NAME_FILLERS}


def _spans(value: Any, where: str) -> list[Offsets]:
    """``[start, end]`` or ``[[start, end], ...]`` as a list of non-empty spans."""
    if value is None or (isinstance(value, list | tuple) and not value):
        return []
    if not isinstance(value, list | tuple):
        raise EvalInputError(Errors.E203(where=where, value=value))
    pairs = [value] if isinstance(value[0], int) else value
    out = []
    for pair in pairs:
        if not (isinstance(pair, Sequence) and len(pair) == 2 and all(isinstance(x, int) for x in pair)):
            raise EvalInputError(Errors.E203(where=where, value=value))
        if pair[1] > pair[0]:
            out.append((pair[0], pair[1]))
    return out


def _pct(share: float) -> float:
    return round(100 * share, 1)


# ---- files and extraction ------------------------------------------------------------------------


def read_jsonl(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line number, object)`` for every non-blank line of a JSONL file.

    Raises:
        OSError: the file cannot be read.
        EvalInputError: a line is not a JSON object.
    """
    with open(path, encoding="utf-8-sig") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalInputError(Errors.E201(path=path, lineno=lineno, problem=f"not valid JSON ({exc})")) from None
            if not isinstance(record, dict):
                raise EvalInputError(Errors.E201(path=path, lineno=lineno, problem="not a JSON object"))
            yield lineno, record


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a gold file: one ``{"id", "text", "quotes", ...}`` document a line.

    Raises:
        OSError: the file cannot be read.
        EvalInputError: a line is not a gold document.
    """
    docs = []
    for lineno, record in read_jsonl(path):
        if not (isinstance(record.get("text"), str) and isinstance(record.get("quotes"), list)
                and record.get("id") is not None):
            problem = 'a gold document needs "id", "text" (a string) and "quotes" (a list)'
            raise EvalInputError(Errors.E202(path=path, lineno=lineno, problem=problem))
        docs.append(record)
    return docs


def load_predictions(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read predictions as ``quotex extract`` writes them, by document id (a later line wins).

    Raises:
        OSError: the file cannot be read.
        EvalInputError: a line is not a JSON object with an ``id``.
    """
    out = {}
    for lineno, record in read_jsonl(path):
        if record.get("id") is None:
            raise EvalInputError(Errors.E202(path=path, lineno=lineno, problem='a predicted document needs an "id"'))
        out[str(record["id"])] = record
    return out


def predict(gold_docs: Iterable[Mapping[str, Any]], extractor: Extractor) -> dict[str, dict[str, Any]]:
    """Run extraction over the texts of gold documents; failed documents carry ``error``."""
    items = ((str(doc["id"]), doc["text"]) for doc in gold_docs)
    return {document.id: document.to_dict() for document in extractor.extract_many(items, on_error="record")}


def format_report(report: Report, title: str = "") -> str:
    """A readable table of a report."""
    lines = [title] if title else []
    lines.append(f"documents {report.docs}, missing in predictions {report.docs_missing}, "
                 f"failed {report.docs_failed}; slice: {report.slice}")
    lines.append("")
    lines.append(f"{'overlap':<9}{'P':>7}{'R':>7}{'F1':>7}{'pred':>8}{'gold':>8}")
    for label, _ in THRESHOLDS:
        c = report.counts[label]
        lines.append(f"{label:<9}{_pct(c.precision):>7.1f}{_pct(c.recall):>7.1f}{_pct(c.f1):>7.1f}"
                     f"{c.predicted:>8}{c.gold:>8}")
    lines.append("")
    lines.append(f"accuracy over pairs matched at {ACCURACY_AT}:")
    for name, acc in report.accuracy.items():
        value = "n/a" if acc.value is None else f"{_pct(acc.value):.1f}"
        lines.append(f"  {name:<13}{value:>6}   ({acc.correct} of {acc.total})")
    return "\n".join(lines)
