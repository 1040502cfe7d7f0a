"""Who said it: split the source mention into title and name, resolve it across the article,
classify how the source is attributed, and build the records.
"""

from __future__ import annotations

import functools

import regex

from quotex import lexicon
from quotex.phrases import DETERMINERS, PRONOUNS
from quotex.records import Quote, Span, Via
from quotex.rules import Context, Draft
from quotex.segment import TIMEOUT

WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}’'.\-&]*")
HEDGE_BEFORE = regex.compile(r"\b(?:reportedly|allegedly|purportedly|supposedly)\b", regex.IGNORECASE)


@functools.cache
def _places() -> dict[str, str]:
    out = {}
    for entry in lexicon.load("places"):
        name, _, canon = entry.partition("=")
        out[name.strip().lower()] = (canon or name).strip()
    return out


@functools.cache
def _outlets() -> frozenset[str]:
    return frozenset(e.lower() for e in lexicon.load("media_outlets"))


@functools.cache
def _gender() -> dict[str, str]:
    return dict(e.lower().split() for e in lexicon.load("gender_cues"))


def _has(words: list[str], name: str) -> bool:
    entries = lexicon.words(name)
    joined = " ".join(words)
    return any(w in entries for w in words) or any(" " in e and e in joined for e in entries)


class Mention:
    """A source mention taken apart: title, name and type."""

    def __init__(self, text: str) -> None:
        self.text = text
        raw = WORD.findall(text)
        self.words = raw
        self.lower = [w.lower() for w in raw]
        self.title: str | None = None
        self.name: str | None = None
        self.type = "unknown"
        self.pronoun = len(raw) == 1 and self.lower[0] in PRONOUNS
        self._analyse()

    def _analyse(self) -> None:
        words, low = self.words, self.lower
        if not words or self.pronoun:
            return
        text = self.text
        # an appositive: "Maria Lopez, a nurse at the clinic"
        if "," in text:
            head, _, tail = text.partition(",")
            hw = WORD.findall(head)
            if hw and all(w[:1].isupper() for w in hw) and not _is_org(hw) and head.lower() not in _places():
                self.name = " ".join(hw)
                self.title = tail.strip(" ,") or None
                self.type = "named_person"
                return
        caps = [w for w in words if w[:1].isupper() and w.lower() not in DETERMINERS]
        joined = " ".join(low)
        bare = " ".join(w for w in low if w not in ("the",))
        if _has(low, "anonymity_markers"):
            self.type = "anonymous"
            return
        if bare in _outlets() or joined in _outlets():
            self.type = "media"
            self.name = " ".join(w for w in words if w.lower() != "the")
            return
        if bare in _places():
            self.type = "named_organization"
            self.name = _places()[bare]
            return
        head = low[-1]
        singular = head[:-1] if head.endswith("s") else head
        if head in lexicon.words("group_nouns") or (head != singular and singular in lexicon.words("person_nouns")):
            self.type = "unnamed_group"
            return
        if head in lexicon.words("document_nouns") and caps[-1:] != words[-1:]:
            self.type = "document"
            return
        if head in lexicon.words("media_nouns") and caps[-1:] != words[-1:]:
            self.type = "media"
            return
        if head in lexicon.words("person_nouns") and caps[-1:] != words[-1:]:
            self.type = "unnamed_person"
            return
        if head in lexicon.words("org_nouns") or (caps and _is_org(words) and not _titled_name(low)):
            self.type = "named_organization"
            self.name = _org_name(words)
            return
        if _is_media_name(words):
            self.type = "media"
            self.name = " ".join(caps)
            return
        # title + name: the name is the capitalised run after the last title word
        titles = lexicon.words("title_words")
        last_title = -1
        for i, w in enumerate(low):
            if w in titles or w.rstrip(".") in titles:
                last_title = i
        name_words = words[last_title + 1 :]
        if name_words and all(w[:1].isupper() for w in name_words):
            self.name = " ".join(name_words)
            self.type = "named_person"
            title_words = [w for w in words[: last_title + 1] if w.lower() not in ("the", "a", "an")]
            if title_words:
                start = text.find(title_words[0])
                end = text.find(title_words[-1], start) + len(title_words[-1])
                self.title = text[start:end]
            return
        if caps:
            self.type = "named_organization" if _is_org(words) else "named_person"
            self.name = " ".join(caps)


def _titled_name(low: list[str]) -> bool:
    """ "Foreign Ministry spokesperson Guo Jiakun": a person title before a name."""
    persons = lexicon.words("person_nouns")
    return any(w in persons for w in low[:-1])


def _org_name(words: list[str]) -> str:
    """The canonical name of an organisation mention: "China’s Foreign Ministry" ->
    "Foreign Ministry of China"; a leading "the" dropped."""
    ws = [w for w in words if w.lower() != "the"]
    for i, w in enumerate(ws):
        if w.endswith(("’s", "'s")) and i + 1 < len(ws) and w[:1].isupper():
            return " ".join([*ws[i + 1:], "of", w[:-2]])
    return " ".join(ws)


def _is_org(words: list[str]) -> bool:
    low = [w.lower() for w in words]
    return _has(low, "org_nouns") or " ".join(low) in _places()


def _is_media_name(words: list[str]) -> bool:
    caps = " ".join(w for w in words if w[:1].isupper() and w.lower() != "the").lower()
    return bool(caps) and caps in _outlets()


class Registry:
    """The speakers an article has named so far, for short forms and pronouns."""

    def __init__(self) -> None:
        self.people: list[tuple[str, str | None]] = []  # (full name, gender)
        self.last_person: tuple[str, str | None] | None = None
        self.last_any: tuple[str | None, str] | None = None

    def add_person(self, name: str, title: str | None) -> str:
        full = self.full_name(name)
        gender = None
        for w in ((title or "") + " " + name).lower().split():
            gender = gender or _gender().get(w)
        self.people.append((full, gender))
        self.last_person = (full, gender)
        return full

    def full_name(self, name: str) -> str:
        parts = name.split()
        for full, _ in reversed(self.people):
            fp = full.split()
            if len(parts) < len(fp) and (fp[-len(parts) :] == parts or (len(parts) == 1 and fp[0] == parts[0])):
                return full
            if full == name:
                return full
        return name

    def knows(self, name: str) -> bool:
        parts = name.split()
        return any(full.split()[-len(parts) :] == parts for full, _ in self.people)

    def pronoun(self, word: str) -> tuple[str | None, str]:
        w = word.lower()
        if w in ("he", "she"):
            want = "m" if w == "he" else "f"
            for full, gender in reversed(self.people):
                if gender in (None, want):
                    return full, "named_person"
            return None, "unknown"
        if w in ("they", "it", "we") and self.last_any is not None:
            return self.last_any
        if self.last_person:
            return self.last_person[0], "named_person"
        return None, "unknown"


def finish(ctx: Context, drafts: list[Draft]) -> list[Quote]:
    """Resolve speakers, classify sources and build the quote records."""
    text = ctx.text
    reg = Registry()
    out: list[Quote] = []
    prev: Quote | None = None
    for d in drafts:
        speaker: str | None = None
        title: str | None = None
        stype = "unknown"
        if d.source is not None:
            m = Mention(text[d.source[0] : d.source[1]])
            if m.pronoun:
                speaker, stype = reg.pronoun(m.words[0])
            else:
                stype = m.type
                title = m.title if m.type == "named_person" else None
                if m.type == "named_person" and m.name:
                    speaker = reg.add_person(m.name, m.title)
                elif m.name:
                    speaker = m.name
                if stype != "named_person":
                    reg.last_any = (speaker, stype)
        elif d.inherit and prev is not None:
            speaker, stype = prev.speaker, prev.source_type
        via = tuple(_via(text, s) for s in d.via)
        cue_text = text[d.cue[0] : d.cue[1]].lower() if d.cue else ""
        sent = ctx.sentence_at(d.cue[0] if d.cue else d.spans[0][0])
        hedged = cue_text in lexicon.words("hedge_words") or bool(
            HEDGE_BEFORE.search(text, sent.start, d.cue[1] if d.cue else sent.end, timeout=TIMEOUT)
        )
        q = Quote(
            content=tuple(Span(a, b) for a, b in d.spans),
            kind=d.kind,
            cue=Span(*d.cue) if d.cue else None,
            source=Span(*d.source) if d.source else None,
            speaker=speaker,
            speaker_title=title,
            source_type=stype,
            via=via,
            hedged=hedged,
            confidence=max(0.0, min(1.0, d.confidence)),
            rule=d.rule,
        )
        out.append(q)
        prev = q
    return out


def _via(text: str, span: tuple[int, int]) -> Via:
    m = Mention(text[span[0] : span[1]])
    name = text[span[0] : span[1]]
    stype = m.type if m.type != "unknown" else "media"
    return Via(name=name, source_type=stype, span=Span(*span))
