"""Who said it: take the source mention apart (title, name, type), resolve it across the
article (full names, short forms, pronouns, acronyms), and build the quote records.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import operator
import re
from collections.abc import Iterator
from typing import Final

import regex

from quotex import lexicon
from quotex.document import TIMEOUT, Context, Draft
from quotex.phrases import DETERMINERS, PRONOUNS, is_head
from quotex.records import Quote, Span, Via

# (a constant for the compiled build, as in rules.py)
_bisect_left: Final = bisect.bisect_left

WORD: Final = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}’'.\-&]*")
HEDGE_BEFORE: Final = re.compile(r"\b(?:reportedly|allegedly|purportedly|supposedly)\b", re.IGNORECASE)
# What every word of HEDGE_BEFORE ends in, in lower case (no other letter folds to these four).
_HEDGE_END: Final = "edly"
# A run of capitalised words that may be a name: "French President Emmanuel Macron", "J. R. Smith".
NAME_RUN: Final = regex.compile(
    r"(?<![\p{L}\p{N}])(?:\p{Lu}\p{Ll}{0,3}\.|\p{Lu}[\p{L}\p{M}’'\-]+)"
    r"(?:[ \t]+(?:\p{Lu}\p{Ll}{0,3}\.|\p{Lu}[\p{L}\p{M}’'\-]+|de|van|von|der|den|bin|al|da|di|la|le|del|dos|am|ibn))*"
)
# "Federal Security Service (FSB)": an acronym defined in the text.
ACRONYM: Final = regex.compile(r"((?:\p{Lu}[\p{L}\-’']+\s+(?:of\s+|for\s+|and\s+|the\s+)*){1,7})\((\p{Lu}{2,8})\)")
# A trailing affiliation or source of a document: "Chip Taylor of the University of Kansas",
# "a poll published by NBC News".
AFFILIATION: Final = regex.compile(r"\s+(?:of|from|at|with)\s+(?:the\s+)?\p{Lu}.*$")
ISSUED_BY: Final = re.compile(
    r"\s+(?:published|released|issued|conducted|commissioned|written|filed)?\s*(?:by|from)\s+(.+?)"
    r"(?:\s+(?:last|this|on|in)\b.*)?$"
)
# "a UNICEF report published on Monday": the participle phrase says nothing of the source
TRAILING_PARTICIPLE: Final = re.compile(
    r"\s+(?:published|released|issued|posted|seen|obtained|filed|dated|made\s+public|sent|circulated)\b.*$"
)
# Heads of news outlet names: "Tehran Times", "Saudi Press Agency", "Fox News".
OUTLET_NAME: Final = re.compile(
    r"\b(?:Times|Post|News|Herald|Tribune|Journal|Gazette|Telegraph|Guardian|Chronicle|Observer|Express|"
    r"Daily|Weekly|Press|Agency|TV|Television|Radio|Broadcasting|Broadcaster|Magazine|Wire|Network)\b"
)
INSTITUTIONS: Final = frozenset(
    "police government military army navy ministry kremlin pentagon parliament congress senate court "
    "administration cabinet presidency council commission".split()
)
# A name followed by a description: "Ana Sousa, a nurse", "Tom Jones, 45,"
# Where ACRONYM can end: a parenthesised word of 2-8 capitals.  "(FSB)"
ACRONYM_PAREN: Final = regex.compile(r"\(\p{Lu}{2,8}\)")
# The last character that ACRONYM's name part cannot hold, searched backwards from a "(FSB)":
# the name lies after it.  "the agency; Federal Security Service (FSB)" -> ";"
ACRONYM_FENCE: Final = regex.compile(r"[^\p{L}\-’'\s]", regex.REVERSE)
DESCRIBED: Final = re.compile(r",\s+(?:a|an|the|who|\d)")
_position: Final = operator.itemgetter(0)  # of a (position, person) mention
PARTICLES: Final = frozenset("de van von der den bin al da di la le del dos am ibn".split())


@functools.cache
def _places() -> dict[str, str]:
    out = {}
    for entry in lexicon.load("places"):
        name, _, canon = entry.partition("=")
        out[name.strip().lower()] = (canon or name).strip()
    return out


@functools.cache
def _title_ends() -> tuple[int, frozenset[str]]:
    """How the one-word person nouns end: their last three letters (fewer if one is shorter)."""
    nouns = [w for w in lexicon.words("person_nouns") if " " not in w]
    n = min([3, *map(len, nouns)])
    return n, frozenset(w[-n:] for w in nouns)


@functools.cache
def _outlets() -> frozenset[str]:
    return frozenset(e.lower() for e in lexicon.load("media_outlets"))


@functools.cache
def _gender_words() -> dict[str, str]:
    out: dict[str, str] = {}
    for name in ("gender_cues", "first_names"):
        for entry in lexicon.load(name):
            word, _, gender = entry.lower().rpartition(" ")
            out.setdefault(word, gender)
    return out


@functools.cache
def _anonymity_pattern() -> regex.Pattern[str]:
    return regex.compile(r"(?<!\w)(?:\L<m>)(?!\w)", m=sorted(lexicon.words("anonymity_markers"), key=len, reverse=True))


def _anonymous(lowered: str) -> bool:
    """Does the lower-cased mention carry an anonymity marker ("unnamed", "people familiar with")?"""
    return _anonymity_pattern().search(lowered) is not None


def _title_before(text: str, pos: int) -> str | None:
    """The person noun just before ``pos``, spaces only between: "spokesperson Guo" -> "spokesperson"."""
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    n, ends = _title_ends()
    if text[max(0, i - n) : i].lower() not in ends:
        return None  # the word does not end as any person noun does ("...son", "...ter")
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "-’'"):
        j -= 1
    word = text[j:i]
    return word if word and word[0].islower() and _in(word, "person_nouns") else None


def _in(word: str, name: str) -> bool:
    return word.lower() in lexicon.words(name)


def _plural_of(word: str, name: str) -> bool:
    low = word.lower()
    return low.endswith("s") and (low[:-1] in lexicon.words(name) or low[:-2] in lexicon.words(name))


def _strip_det(words: list[str]) -> list[str]:
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return words


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


# (a dataclass, not attrs: the compiled build makes it a native class; see setup.py)
@dataclasses.dataclass
class Mention:
    """A source mention taken apart."""

    text: str
    type: str = "unknown"
    name: str | None = None
    title: str | None = None
    pronoun: str | None = None

    @classmethod
    def parse(cls, text: str) -> Mention:
        """Take ``text`` apart; the result is shared between equal texts and must not be changed."""
        return _parse(text)

    def _analyse(self) -> None:
        text = self.text
        words: list[str] = WORD.findall(text)  # (typed, as in segment.tokens)
        if not words:
            return
        low = [w.lower() for w in words]
        if len(words) == 1 and low[0] in PRONOUNS:
            self.pronoun = low[0]
            return
        if _anonymous(" ".join(low)):
            self.type = "anonymous"
            return
        if "," in text:
            head, _, tail = text.partition(",")
            if self._appositive(head.strip(), tail.strip(" ,")):
                return
        issued = ISSUED_BY.search(text)
        lead = WORD.findall(text[: issued.start()]) if issued else []
        if issued and lead and (_in(lead[-1], "document_nouns") or _plural_of(lead[-1], "document_nouns")):
            # "a poll published by NBC News": the issuer; "the report by Tasnim News Agency": an outlet's
            issuer = Mention.parse(issued.group(1))
            self.type = "media" if issuer.type == "media" and _in(lead[-1], "document_nouns") and lead[-1].lower() in (
                "report", "reports") else "document"
            self.name = issuer.name or " ".join(_strip_det(WORD.findall(issued.group(1)))) or None
            return
        cut = TRAILING_PARTICIPLE.search(text)
        self._core(text[: cut.start()] if cut and cut.start() > 0 else text)

    def _appositive(self, head: str, tail: str) -> bool:
        """ "Maria Lopez, a nurse at the clinic" / "The prosecutor, Elena Varga"."""
        hw, tw = WORD.findall(head), WORD.findall(tail)
        if not hw or not tw:
            return False
        first = Mention.parse(head)
        second = Mention.parse(tail)
        if second.type == "named_person" and second.name and first.type != "named_person" and not _capitalised(
                WORD.findall(head)[-1]):
            # "The head of the port authority, Hamid Rahimi"
            self.type, self.name = "named_person", second.name
            self.title = second.title or head
            return True
        if first.type == "named_person" and first.name:
            self.type, self.name = "named_person", first.name
            self.title = first.title or tail
            return True
        if second.type in ("named_person", "media", "named_organization") and second.name and first.type in (
            "unnamed_person", "media", "unknown", "named_person", "unnamed_group"
        ):
            self.type, self.name = second.type, second.name
            if second.type == "named_person":
                self.title = second.title or " ".join(_strip_det(hw)) or None
            elif first.type == "media":
                self.type = "media"
            return True
        if first.type in ("named_organization", "media", "document"):
            self.type, self.name = first.type, first.name
            return True
        return False

    def _core(self, text: str) -> None:
        words = _strip_det(WORD.findall(text))
        if not words:
            return
        low = [w.lower() for w in words]
        joined = " ".join(low)
        if joined in _outlets() or " ".join(WORD.findall(text)).lower() in _outlets():
            self.type, self.name = "media", " ".join(words)
            return
        if joined in _places():
            self.type, self.name = "named_organization", _places()[joined]
            return
        head = words[-1]
        lead = next((i for i, w in enumerate(words) if w.lower() in ("of", "for", "at", "from", "in", "with")), 0)
        if lead and not _capitalised(words[0]) and not _capitalised(words[lead - 1]):
            self._common(words)  # "researchers from the University of Washington"
            return
        if not _capitalised(head) or (len(words) == 1 and _common_noun(head)):
            self._common(words)  # "officials", and "Officials" opening a sentence
            return
        if OUTLET_NAME.search(" ".join(words)) and (
            not _org_words(words[-1:]) or (words[-1].lower() in ("agency", "network", "service")
            and any(w in ("News", "Press") for w in words))
        ):
            self.type, self.name = "media", " ".join(words)
            return
        # a person with a title: the name is the capitalised run after the last title word
        cut = AFFILIATION.search(text)
        core = WORD.findall(text[: cut.start()]) if cut else WORD.findall(text)
        core = _strip_det(core)
        if core and _capitalised(core[-1]):
            name_start = len(core)
            while name_start > 0 and (_capitalised(core[name_start - 1]) or core[name_start - 1] in PARTICLES):
                name_start -= 1
            title_words = core[:name_start]
            run = core[name_start:]
            # capitalised title words inside the run: "UK Prime Minister Keir Starmer"
            k = 0
            for i, w in enumerate(run[:-1]):
                if _in(w.rstrip("."), "title_words") or _in(w, "person_nouns") or w.lower() in _places():
                    k = i + 1
            titled = bool(title_words) and any(
                _in(w, "person_nouns") or _in(w.rstrip("."), "title_words") or _role_word(w) for w in title_words
            )
            if cut and not k and not titled and 2 <= len(run) <= 4 and not _org_words(run):
                # "George Kimbrell of the Center for Food Safety"
                self.type, self.name = "named_person", " ".join(run)
                return
            kinds = {w.lower() for w in title_words}
            if run and kinds & (lexicon.words("media_nouns") | {"outlet", "newspaper", "broadcaster", "agency"}):
                self.type, self.name = "media", " ".join(run)  # "The newspaper Le Matin"
                return
            if k or titled:
                name = run[k:]
                if name and not _org_words(name) and not OUTLET_NAME.search(" ".join(name)):
                    self.type = "named_person"
                    self.name = " ".join(name)
                    title = title_words + run[:k]
                    self.title = _as_written(text, title) if title else None
                    return
        if OUTLET_NAME.search(" ".join(words)) and not _org_words(words[-1:]):
            self.type, self.name = "media", " ".join(words)
            return
        if _org_words(words) or (len(words) == 1 and words[0].isupper() and len(words[0]) <= 6):
            self.type, self.name = "named_organization", _org_name(words)
            return
        if _in(words[-1], "document_nouns"):
            self.type, self.name = "document", None
            return
        if all(_in(w.rstrip("."), "title_words") for w in words):
            self.type = "unnamed_person"  # "a Republican", "the Senator"
            return
        if any(w.lower() in NOT_NAMES for w in words):
            return  # "November", "On Monday": a date or a function word, nobody's name
        self.type = "named_person"
        self.name = " ".join(w for w in words if not _in(w.rstrip("."), "title_words")) or " ".join(words)
        title = [w for w in words if _in(w.rstrip("."), "title_words")]
        self.title = _as_written(text, title) if title and len(title) < len(words) else None

    def _common(self, words: list[str]) -> None:
        """A mention whose head is a common noun: "officials", "the report", "a spokesperson"."""
        for i, w in enumerate(words[1:], start=1):
            # "a senior official at the finance ministry" -> "official"
            if w.lower() in ("of", "for", "at", "from", "in", "with", "on") and not _capitalised(words[i - 1]):
                words = words[:i]
                break
        head = words[-1].lower().rstrip("’'s") if words[-1].lower().endswith(("’s", "'s")) else words[-1].lower()
        caps = [w for w in words[:-1] if _capitalised(w)]
        if head in INSTITUTIONS:
            # "police", "the government": institutions by a unique description act as organisations
            self.type, self.name = "named_organization", " ".join(_strip_det(words))
        elif head == "reports":
            self.type = "media"
        elif _in(head, "group_nouns") or _plural_of(head, "person_nouns"):
            self.type = "unnamed_group"
        elif _in(head, "document_nouns") or _plural_of(head, "document_nouns"):
            self.type = "document"
            # "a NATO press release" -> issued by NATO
            issuer = [w for w in caps if not _in(w, "title_words")]
            self.name = " ".join(issuer) if issuer else None
        elif _in(head, "media_nouns") or " ".join(w.lower() for w in words[-2:]) in lexicon.words("media_nouns"):
            self.type = "media"
        elif _in(head, "org_nouns"):
            self.type, self.name = "named_organization", _org_name(words)
        elif _in(head, "person_nouns"):
            self.type = "unnamed_person"


def _role_word(word: str) -> bool:
    """A lower-case noun for a role: "fisherman", "herpetologist", "developer"."""
    return word.islower() and is_head(word) and word not in DETERMINERS


def _common_noun(word: str) -> bool:
    low = word.lower()
    return any(_in(low, n) or _plural_of(low, n) for n in ("group_nouns", "person_nouns", "document_nouns",
                                                            "media_nouns")) or low in INSTITUTIONS


@functools.lru_cache(maxsize=8192)
def _parse(text: str) -> Mention:
    m = Mention(text.strip(" ,.;:\"“”'‘’"))
    m._analyse()
    return m


def _org_words(words: list[str]) -> bool:
    low = [w.lower() for w in words]
    return any(w in lexicon.words("org_nouns") for w in low) or " ".join(low) in _places()


def _org_name(words: list[str]) -> str:
    """ "China’s Foreign Ministry" -> "Foreign Ministry of China"; a leading "the" dropped."""
    ws = _strip_det(list(words)) or list(words)
    for i, w in enumerate(ws):
        if w.endswith(("’s", "'s")) and i + 1 < len(ws) and _capitalised(w):
            return " ".join([*ws[i + 1 :], "of", w[:-2]])
    return " ".join(ws)


def _as_written(text: str, words: list[str]) -> str:
    """The stretch of ``text`` from the first to the last of ``words``, spacing kept."""
    start = text.find(words[0])
    end = text.find(words[-1], start) + len(words[-1])
    return text[start:end] if start >= 0 and end > start else " ".join(words)


# (a dataclass, not attrs: the compiled build makes it a native class; see setup.py)
@dataclasses.dataclass
class _RunReading:
    """What a run of capitalised words names, as the entity scan reads it."""

    type: str  # named_person, or named_organization or media
    name: str
    gender: str | None = None
    title: str | None = None
    sure: bool = False  # a person for certain: a title, or a known first name
    named_if_described: bool = False  # a person if a description follows: "Ana Sousa, a nurse"
    offset: int = 0  # where the name starts in the run


@functools.lru_cache(maxsize=16384)
def _read_run(lead_word: str | None, run: str) -> _RunReading | None:
    """Read a run of capitalised words, after its title word if it has one ("spokesperson Guo").

    The same runs come back across articles (names, institutions), so the readings are kept.
    """
    phrase = _drop_function_words(f"{lead_word} {run}" if lead_word is not None else run)
    if not phrase:
        return None
    men = Mention.parse(phrase)
    if men.type in ("named_organization", "media") and men.name:
        return _RunReading(men.type, men.name)
    if men.type != "named_person" or not men.name:
        return None
    parts = men.name.split()
    return _RunReading(
        "named_person", men.name, _gender_of(men), men.title,
        sure=bool(men.title) or (len(parts) >= 2 and parts[0].lower().rstrip(".") in _gender_words()),
        named_if_described=len(parts) >= 2,
        offset=run.find(parts[0]),
    )


def _runs_holding(text: str, words: frozenset[str]) -> Iterator[regex.Match[str]]:
    """NAME_RUN's runs that hold one of ``words``, read only on the lines that hold one."""
    lines: set[int] = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            lines.add(text.rfind("\n", 0, at) + 1)
            newline = text.find("\n", at)
            at = text.find(word, newline) if newline >= 0 else -1
    for line in sorted(lines):
        end = text.find("\n", line)
        for m in NAME_RUN.finditer(text, line, end if end >= 0 else len(text)):
            run = m.group()
            if any(word in run for word in words):
                yield m


def _acronyms(text: str) -> dict[str, str]:
    """The acronyms ``text`` defines: "Federal Security Service (FSB)" -> FSB: Federal Security Service.

    ACRONYM is tried only in the stretch of words before each "(FSB)": the same matches as
    running it over the whole text (a match holds no "(" before its own), without trying it at
    every capital of the article.
    """
    out: dict[str, str] = {}
    done = 0
    for paren in ACRONYM_PAREN.finditer(text):
        if paren.start() < done:
            continue
        fence = ACRONYM_FENCE.search(text, done, paren.start())
        m = ACRONYM.search(text, fence.end() if fence else done, paren.end(), timeout=TIMEOUT)
        if m is not None:
            out[m.group(2)] = " ".join(_strip_det(m.group(1).split()))
            done = m.end()
    return out


# (a dataclass, not attrs: the compiled build makes it a native class; see setup.py)
@dataclasses.dataclass
class Person:
    name: str
    gender: str | None = None
    titles: list[str] = dataclasses.field(default_factory=list)


class Entities:
    """The people and acronyms an article names, with where each person is mentioned.

    With ``only``, the article will be asked nothing but the names of people, and only of
    people whose names end in (or, for one-word names, hold) one of those words: the scan then
    reads only the runs of capitalised words that contain one, and the people it knows are the
    ones a full scan would match to those names, in the same order.
    """

    def __init__(self, ctx: Context, only: frozenset[str] | None = None) -> None:
        self.ctx = ctx
        self.only = only
        self.people: list[Person] = []
        self.by_name: dict[str, Person] = {}
        self.mentions: list[tuple[int, Person]] = []  # sorted by position
        self._acronyms: dict[str, str] | None = None
        self.bodies: list[tuple[int, str, str]] = []  # (position, name, type) of organisations and outlets
        self._scanned = False

    def _ensure(self) -> None:
        """Scan the text the first time a question needs it: many articles never ask."""
        if not self._scanned:
            self._scanned = True
            self._scan()

    def _ensure_all(self) -> None:
        """For a question on mentions or organisations, which a scan with ``only`` leaves out."""
        if self.only is not None:
            raise RuntimeError("[E020] a scan restricted to some names cannot answer this question")
        self._ensure()

    @property
    def acronyms(self) -> dict[str, str]:
        """Each acronym the article defines, with its full name."""
        if self._acronyms is None:
            self._acronyms = _acronyms(self.ctx.text)
        return self._acronyms

    def acronym(self, name: str) -> str:
        """The full name of an acronym the article defines ("FSB" -> "Federal Security Service")."""
        if not (name.isupper() and len(name) <= 8):
            return name
        return self.acronyms.get(name, name)

    def _runs(self) -> Iterator[regex.Match[str]]:
        """NAME_RUN's runs, or with ``only`` those that hold one of its words.

        No run crosses a line, so with ``only`` the lines without any of the words are skipped.
        No timeout: a run can be read only one way, so each try is linear in it.
        """
        text = self.ctx.text
        if self.only is None:
            return NAME_RUN.finditer(text)
        return _runs_holding(text, self.only)

    def _scan(self) -> None:
        text = self.ctx.text
        found: list[tuple[int, str, str | None, str | None]] = []
        for m in self._runs():
            run = m.group()
            single = " " not in run
            at = m.start()
            # a title word ends in a letter and a space or tab comes before the run: most runs
            # (sentence openers after ". ") fail this and are never looked back from
            before = text[at - 2 : at] if at >= 2 else ""
            title = None
            if before[1:] in (" ", "\t") and (before[0].isalpha() or before[0] in " \t"):
                title = _title_before(text, at)
            if (single and title is None) or self.ctx.in_quote(at):
                continue  # a lone capitalised word is a name only after a title ("spokesperson Guo")
            read = _read_run(title, run)
            if read is None:
                continue
            if read.type != "named_person":
                self.bodies.append((at, read.name, read.type))
            elif read.sure or (read.named_if_described and DESCRIBED.match(text, m.end(), m.end() + 6)):
                found.append((at + read.offset, read.name, read.gender, read.title))
        for pos, name, gender, title in found:
            self.add(name, gender, pos, title)
        if self.only is not None:
            return  # mentions are for pronouns and descriptions, which will not be asked
        # later short forms: "Guo", "Macron"; gathered, then merged in one stable sort (where two
        # claim one position, the mention already there, then the first person found, keeps it)
        extra: list[tuple[int, Person]] = []
        for person in self.people:
            parts = person.name.split()
            for part in {parts[0], parts[-1]} if len(parts) > 1 else set():
                if len(part) < 3 or (part.lower() in _gender_words() and part == parts[0]):
                    continue
                at = text.find(part)
                while at >= 0:
                    end = at + len(part)
                    whole = (at == 0 or not text[at - 1].isalpha()) and (end >= len(text) or not text[end].isalpha())
                    if whole and not self.ctx.in_quote(at):
                        extra.append((at, person))
                    at = text.find(part, end)
        if extra:
            merged = sorted(self.mentions + extra, key=_position)
            self.mentions = [m for i, m in enumerate(merged) if i == 0 or merged[i - 1][0] != m[0]]

    def _mention(self, pos: int, person: Person) -> None:
        i = _bisect_left(self.mentions, pos, key=_position)
        if i < len(self.mentions) and self.mentions[i][0] == pos:
            return
        self.mentions.insert(i, (pos, person))

    def add(self, name: str, gender: str | None, pos: int, title: str | None = None) -> Person:
        """Register a person (or a short form of one already known) mentioned at ``pos``."""
        if " " not in name:
            self._ensure()  # a short form: the full name may stand anywhere before
        person = self.find(name)
        if person is None:
            person = Person(name, gender)
            self.people.append(person)
            self.by_name[name] = person
        elif len(name.split()) > len(person.name.split()) and name.endswith(person.name):
            person.name = name
        if person.gender is None:
            person.gender = gender
        if title:
            person.titles.append(title.lower())
        self._mention(pos, person)
        return person

    def described(self, noun: str, pos: int) -> Person | None:
        """The person last mentioned before ``pos`` whose title has ``noun`` ("the minister")."""
        self._ensure_all()
        i = _bisect_left(self.mentions, pos, key=_position)
        for _, person in reversed(self.mentions[:i]):
            if any(noun in t.replace("-", " ").split() or noun in t.split() for t in person.titles):
                return person
        return None

    def body(self, noun: str, pos: int, kind: str | None = None) -> tuple[str, str] | None:
        """The organisation or outlet last named before ``pos`` that ``the <noun>`` points back to."""
        self._ensure_all()
        for at, name, stype in reversed(self.bodies):
            if at >= pos:
                continue
            if noun in name.lower().split() or (kind is not None and stype == kind):
                return name, stype
        return None

    def find(self, name: str) -> Person | None:
        """The known person that ``name`` names, in full or by a short form."""
        if name in self.by_name:
            return self.by_name[name]
        parts = name.split()
        for person in reversed(self.people):
            fp = person.name.split()
            if len(parts) < len(fp) and (fp[-len(parts) :] == parts or (len(parts) == 1 and fp[0] == parts[0])):
                return person
            if len(fp) < len(parts) and parts[-len(fp) :] == fp:
                return person
        return None

    def pronoun(self, word: str, pos: int) -> Person | None:
        """The person that ``he``/``she``/``I`` at ``pos`` refers to.

        Sentences are searched from the pronoun's own backwards; within a sentence the first
        person named (usually its subject) comes first; a person of the other gender is passed over.
        """
        self._ensure_all()
        want = {"he": "m", "she": "f"}.get(word)
        i = _bisect_left(self.mentions, pos, key=_position)
        # walk back sentence by sentence; inside one, in text order
        k = i
        while k > 0:
            index = self.ctx.sentence_at(self.mentions[k - 1][0]).index
            start = k
            while start > 0 and self.ctx.sentence_at(self.mentions[start - 1][0]).index == index:
                start -= 1
            for _, person in self.mentions[start:k]:
                if want is None or person.gender in (None, want):
                    if want is not None and person.gender is None:
                        person.gender = want  # later pronouns agree with this one
                    return person
            k = start
        return None


# Capitalised words that open a sentence or name a date, never a person's name.
NOT_NAMES: Final = frozenset(
    "the a an on in at by for from with after before during since as but and or if when while this that these "
    "those his her their its our my monday tuesday wednesday thursday friday saturday sunday january february "
    "march april may june july august september october november december speaking asked according however "
    "meanwhile".split()
)


def _drop_function_words(phrase: str) -> str:
    """ "On Wednesday Turkish president Erdoğan" -> "Turkish president Erdoğan"."""
    words = phrase.split()
    while words and words[0].lower().rstrip(".,") in NOT_NAMES:
        words = words[1:]
    return " ".join(words)


def _gender_of(m: Mention) -> str | None:
    words = ((m.title or "") + " " + (m.name or "")).lower().replace(".", "").split()
    cues = _gender_words()
    for w in words[:-1] if len(words) > 1 else words:
        if w in cues:
            return cues[w]
    return None


def finish(ctx: Context, drafts: list[Draft], *, restrict: bool = True) -> list[Quote]:
    """Resolve speakers, classify sources and build the quote records.

    With ``restrict`` (the default), an article whose sources ask nothing but the names of people
    is scanned only for those names (see ``Entities``); without it, every article is scanned in full.
    """
    text = ctx.text
    sources = [Mention.parse(text[d.source[0] : d.source[1]]) if d.source is not None else None for d in drafts]
    ents = Entities(ctx, _names_asked(sources) if restrict else None)
    out: list[Quote] = []
    prev: Quote | None = None
    last_other: tuple[str | None, str] | None = None  # the last organisation or group, for "they"
    for d, m in zip(drafts, sources):
        speaker: str | None = None
        title: str | None = None
        stype = "unknown"
        if d.source is not None and m is not None:
            if m.pronoun in ("he", "she", "i"):
                person = ents.pronoun(m.pronoun, d.source[0])
                if person is not None:
                    speaker, stype = person.name, "named_person"
            elif m.pronoun is not None:
                if last_other is not None:
                    speaker, stype = last_other
            else:
                stype = m.type
                if m.type == "named_person" and m.name:
                    person = ents.add(m.name, _gender_of(m), d.source[0], m.title)
                    speaker = person.name
                    title = m.title
                elif m.name:
                    speaker = ents.acronym(m.name)
                else:
                    speaker, stype = _point_back(ents, m, d.source[0], stype)
                if stype in ("named_organization", "unnamed_group", "media", "anonymous"):
                    last_other = (speaker, stype)
        elif d.inherit and prev is not None:
            speaker, stype = prev.speaker, prev.source_type
        via = tuple(_via(text, s) for s in d.via if text[s[0] : s[1]].strip())
        cue_text = text[d.cue[0] : d.cue[1]].lower() if d.cue else ""
        sent = ctx.sentence_at(d.cue[0] if d.cue else d.spans[0][0])
        hedged = cue_text in lexicon.words("hedge_words") or _hedge_before(
            text, max(sent.start, (d.cue[0] if d.cue else sent.end) - 120), d.cue[1] if d.cue else sent.end
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


def _hedge_before(text: str, start: int, end: int) -> bool:
    """Is there a hedge word ("reportedly") in ``text[start:end]``?"""
    return _HEDGE_END in text[start:end].lower() and HEDGE_BEFORE.search(text, start, end) is not None


def _names_asked(sources: list[Mention | None]) -> frozenset[str] | None:
    """The words a scan restricted to names must look for (see ``Entities``), or ``None`` when
    the sources ask more of the article than the names of people: a pronoun to resolve, or a
    description that points back ("the minister")."""
    words = set()
    for m in sources:
        if m is None or m.pronoun not in (None, "he", "she", "i"):
            continue  # no source, or "they": answered without the scan
        if m.pronoun is not None:
            return None
        if m.type == "named_person" and m.name:
            words.add(m.name.split()[-1])
        elif not m.name and m.type in _POINTING_BACK and _pointing_noun(m) is not None:
            return None
    return frozenset(words)


# The source types for which "the <noun>" may point back to somebody named before.
_POINTING_BACK: Final = frozenset({"unnamed_person", "media", "named_organization", "unknown"})


def _pointing_noun(m: Mention) -> str | None:
    """ "the minister" -> "minister": the noun of a short description that may point back."""
    words: list[str] = WORD.findall(m.text)
    if len(words) < 2 or words[0].lower() not in ("the", "this") or len(words) > 4:
        return None
    return words[-1].lower()


def _point_back(ents: Entities, m: Mention, pos: int, stype: str) -> tuple[str | None, str]:
    """ "The minister said" -> the minister named earlier; "the agency", "the newspaper" likewise."""
    noun = _pointing_noun(m)
    if noun is None:
        return None, stype
    if stype == "unnamed_person":
        person = ents.described(noun, pos)
        if person is not None:
            return person.name, "named_person"
    elif stype == "media":
        found = ents.body(noun, pos, kind="media")
        if found is not None:
            return found
    elif stype in ("named_organization", "unknown"):
        found = ents.body(noun, pos)
        if found is not None:
            return found[0], "named_organization" if found[1] != "media" else "media"
    return None, stype


def _via(text: str, span: tuple[int, int]) -> Via:
    m = Mention.parse(text[span[0] : span[1]])
    stype = m.type if m.type != "unknown" else "media"
    # "The newspaper Le Matin" -> "Le Matin"; unnamed relays keep their words ("Russian media")
    name = m.name if m.name and m.type in ("media", "named_organization") else text[span[0] : span[1]].strip()
    return Via(name=name, source_type=stype, span=Span(*span))
