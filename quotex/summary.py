"""What a corpus says: the aggregates of ``quotex report``, counted from ``quotex extract`` output.

The output is read one line at a time and only counters are kept (per speaker, per intermediary,
per group), so memory does not grow with the number of documents. Shares are of quotes unless
said otherwise; the gender shares are of the named people quoted (distinct names), from the
``sources`` table of each document, whose gender comes from evidence in the article only.
"""

from __future__ import annotations

import collections
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

import attrs
import regex

from quotex.outputs import NOT_A_RECORD, is_record
from quotex.records import KINDS, SOURCE_TYPES

#: Speakers, intermediaries and groups listed by name in a report (the counts cover all of them).
TOP: Final = 20
#: Quotes per article are shown as counts 0 .. CAP, the last bucket being "CAP or more".
PER_ARTICLE_CAP: Final = 10
#: The label of documents without the field a report is grouped by.
NO_VALUE: Final = "(none)"
GENDER_LABELS: Final = ("female", "male", "unknown")
# A value grouped by month: an ISO date or timestamp, "2019-03-07" or "2019-03-07T10:00:00Z" -> "2019-03"
MONTH: Final = regex.compile(r"(\d{4})-(\d{2})(?:-\d{2})?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


class ReportInputError(ValueError):
    """A line of the input is not a record that ``quotex extract`` writes."""


def group_value(line: Mapping[str, Any], field: str | None) -> str:
    """The group of one output line: its ``meta`` field (or top-level field) ``field``, a date by month."""
    if field is None:
        return ""
    meta = line.get("meta")
    value = meta.get(field) if isinstance(meta, dict) and field in meta else line.get(field)
    if value is None or value == "":
        return NO_VALUE
    text = str(value).strip()
    m = MONTH.match(text)
    return f"{m.group(1)}-{m.group(2)}" if m is not None else text


@attrs.define
class _Group:
    """The running counts of one group of documents."""

    documents: int = 0
    failed: int = 0
    quotes: int = 0
    hedged: int = 0
    kinds: collections.Counter[str] = attrs.Factory(collections.Counter)
    source_types: collections.Counter[str] = attrs.Factory(collections.Counter)
    people: dict[str, str] = attrs.Factory(dict)  # name -> gender ("unknown" until evidence says)
    person_quotes: collections.Counter[str] = attrs.Factory(collections.Counter)  # gender -> quotes

    def add(self, line: Mapping[str, Any]) -> None:
        self.documents += 1
        if line.get("error") is not None:
            self.failed += 1
            return
        quotes = line.get("quotes") or []
        self.quotes += len(quotes)
        for q in quotes:
            self.kinds[str(q.get("kind"))] += 1
            self.source_types[str(q.get("source_type"))] += 1
            self.hedged += bool(q.get("hedged"))
            if q.get("source_type") == "named_person":
                self.person_quotes[q.get("speaker_gender") or "unknown"] += 1
        for source in line.get("sources") or []:
            if source.get("source_type") != "named_person" or not source.get("name"):
                continue
            gender = source.get("gender") or "unknown"
            if self.people.get(source["name"], "unknown") == "unknown":
                self.people[source["name"]] = gender

    def figures(self) -> dict[str, Any]:
        people = collections.Counter(self.people.values())
        return {
            "documents": self.documents,
            "failed": self.failed,
            "quotes": self.quotes,
            "quotes_per_article": round(self.quotes / max(1, self.documents - self.failed), 2),
            "kinds": {k: self.kinds[k] for k in KINDS},
            "source_types": {t: self.source_types[t] for t in SOURCE_TYPES},
            "anonymous_share": _share(self.source_types["anonymous"], self.quotes),
            "hedged_share": _share(self.hedged, self.quotes),
            "named_people": len(self.people),
            "people_by_gender": {g: people[g] for g in GENDER_LABELS},
            "person_quotes_by_gender": {g: self.person_quotes[g] for g in GENDER_LABELS},
        }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


@attrs.define
class Tally:
    """Counts ``quotex extract`` output lines as they come: overall, per group and per speaker."""

    by: str | None = None
    overall: _Group = attrs.Factory(_Group)
    groups: dict[str, _Group] = attrs.Factory(dict)
    speakers: collections.Counter[str] = attrs.Factory(collections.Counter)
    speaker_articles: collections.Counter[str] = attrs.Factory(collections.Counter)
    speaker_info: dict[str, tuple[str | None, str | None, str | None]] = attrs.Factory(dict)
    intermediaries: collections.Counter[str] = attrs.Factory(collections.Counter)
    per_article: collections.Counter[int] = attrs.Factory(collections.Counter)

    def add(self, line: Mapping[str, Any]) -> None:
        """Count one output line (one document)."""
        self.overall.add(line)
        if self.by is not None:
            key = group_value(line, self.by)
            group = self.groups.get(key)
            if group is None:
                group = self.groups[key] = _Group()
            group.add(line)
        if line.get("error") is not None:
            return
        quotes = line.get("quotes") or []
        self.per_article[min(len(quotes), PER_ARTICLE_CAP)] += 1
        seen: set[str] = set()
        for q in quotes:
            name = q.get("speaker")
            if q.get("source_type") == "named_person" and name:
                self.speakers[name] += 1
                if name not in seen:
                    seen.add(name)
                    self.speaker_articles[name] += 1
                title, affiliation, gender = self.speaker_info.get(name, (None, None, None))
                self.speaker_info[name] = (title or q.get("speaker_title"),
                                           affiliation or q.get("speaker_affiliation"),
                                           gender or q.get("speaker_gender"))
            for via in q.get("via") or []:
                if isinstance(via, dict) and via.get("name"):
                    self.intermediaries[str(via["name"])] += 1

    def summary(self, top: int = TOP) -> Summary:
        """The figures counted so far."""
        speakers = [
            {"speaker": name, "title": self.speaker_info[name][0], "affiliation": self.speaker_info[name][1],
             "gender": self.speaker_info[name][2], "quotes": n, "articles": self.speaker_articles[name]}
            for name, n in sorted(self.speakers.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        ]
        via = [{"intermediary": name, "quotes": n}
               for name, n in sorted(self.intermediaries.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
        per_article = {
            (f"{k}+" if k == PER_ARTICLE_CAP else str(k)): self.per_article[k] for k in range(PER_ARTICLE_CAP + 1)
        }
        groups = {key: self.groups[key].figures() for key in sorted(self.groups, key=_group_order)}
        return Summary(self.by, self.overall.figures(), groups, speakers, via, per_article)


def _group_order(key: str) -> tuple[bool, str]:
    return (key == NO_VALUE, key)  # documents without the field last


@attrs.frozen
class Summary:
    """The aggregates of a report: overall, per group (``by``), the top speakers and intermediaries."""

    by: str | None
    overall: dict[str, Any]
    groups: dict[str, dict[str, Any]]
    speakers: list[dict[str, Any]]
    intermediaries: list[dict[str, Any]]
    quotes_per_article: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {"by": self.by, "overall": self.overall, "groups": self.groups, "speakers": self.speakers,
                "intermediaries": self.intermediaries, "quotes_per_article": self.quotes_per_article}

    def rows(self) -> Iterator[dict[str, Any]]:
        """The same figures in long form, one number a row: ``table, group, key, value`` (``group``
        empty for the whole corpus)."""
        for group, figures in [("", self.overall), *self.groups.items()]:
            for name, value in figures.items():
                if isinstance(value, dict):
                    for key, number in value.items():
                        yield {"table": name, "group": group, "key": key, "value": number}
                else:
                    yield {"table": "figures", "group": group, "key": name, "value": value}
        for s in self.speakers:
            yield {"table": "speakers", "group": "", "key": s["speaker"], "value": s["quotes"]}
        for v in self.intermediaries:
            yield {"table": "intermediaries", "group": "", "key": v["intermediary"], "value": v["quotes"]}
        for k, n in self.quotes_per_article.items():
            yield {"table": "quotes_per_article", "group": "", "key": k, "value": n}


def read_lines(stream: Iterable[bytes], name: str) -> Iterator[dict[str, Any]]:
    """The records of a ``quotex extract`` JSONL output, one at a time.

    Raises:
        ReportInputError: a line is not valid JSON or not a quotex record.
    """
    for lineno, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except ValueError as exc:
            raise ReportInputError(f"line {lineno} of {name} is not valid JSON ({exc})") from None
        if not is_record(record):
            raise ReportInputError(f"line {lineno} of {name} is {NOT_A_RECORD}")
        yield record


def summarize(lines: Iterable[Mapping[str, Any]], *, by: str | None = None, top: int = TOP) -> Summary:
    """The aggregates of ``quotex extract`` output lines (dicts as ``Document.to_dict`` gives them)."""
    tally = Tally(by)
    for line in lines:
        tally.add(line)
    return tally.summary(top)


def summarize_file(path: str | os.PathLike[str], *, by: str | None = None, top: int = TOP) -> Summary:
    """The aggregates of a ``quotex extract`` JSONL output file, read as a stream."""
    with open(path, "rb") as handle:
        return summarize(read_lines(handle, os.fspath(path)), by=by, top=top)
