"""The article's people and organisations: who it names, and whom a surname, pronoun or acronym points to."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import operator
import re
from collections.abc import Iterable, Iterator
from typing import Final

import regex

from quotex import lexicon
from quotex.document import TIMEOUT, Context
from quotex.errors import Errors
from quotex.mentions import (
    Mention,
    RunReading,
    affiliation_of,
    evidence_words,
    gender_of,
    gender_words,
    read_run,
    strip_det,
)

# (a constant for the compiled build, as in rules.py)
_bisect_left: Final = bisect.bisect_left

# The particles of a name as one alternation, in the order of the data file: the order decides
# where a run ends ("de" before "der"), so no prefix tree here.  "de|van|von|..."
_PARTICLE_CHOICE: Final = "|".join(regex.escape(p) for p in lexicon.load("name_particles"))
# A run of capitalised words that may be a name: "French President Emmanuel Macron", "J. R. Smith".
NAME_RUN: Final = regex.compile(
    r"(?<![\p{L}\p{N}])(?:\p{Lu}\p{Ll}{0,3}\.|\p{Lu}[\p{L}\p{M}’'\-]+)"
    r"(?:[ \t]+(?:\p{Lu}\p{Ll}{0,3}\.|\p{Lu}[\p{L}\p{M}’'\-]+|" + _PARTICLE_CHOICE + r"))*"
)
# NAME_RUN for hard-wrapped text (segment.is_wrapped), where a single newline is a space inside a
# paragraph: "Emergencies Minister\nYevgeny Zinichev".  A blank line still ends a run.
NAME_RUN_WRAPPED: Final = regex.compile(
    r"(?<![\p{L}\p{N}])(?:\p{Lu}\p{Ll}{0,3}\.|\p{Lu}[\p{L}\p{M}’'\-]+)"
    r"(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:\p{Lu}\p{Ll}{0,3}\.|\p{Lu}[\p{L}\p{M}’'\-]+|" + _PARTICLE_CHOICE + r"))*"
)
# "Federal Security Service (FSB)": an acronym defined in the text.
ACRONYM: Final = regex.compile(r"((?:\p{Lu}[\p{L}\-’']+\s+(?:of\s+|for\s+|and\s+|the\s+)*){1,7})\((\p{Lu}{2,8})\)")
# Where ACRONYM can end: a parenthesised word of 2-8 capitals.  "(FSB)"
ACRONYM_PAREN: Final = regex.compile(r"\(\p{Lu}{2,8}\)")
# The last character that ACRONYM's name part cannot hold, searched backwards from a "(FSB)":
# the name lies after it.  "the agency; Federal Security Service (FSB)" -> ";"
ACRONYM_FENCE: Final = regex.compile(r"[^\p{L}\-’'\s]", regex.REVERSE)
# A third-person pronoun that tells a gender.  "within his own government"
PERSON_PRONOUN: Final = regex.compile(r"(?<![\p{L}’'])(?:he|him|his|himself|she|her|hers|herself)(?![\p{L}’'])",
                                      regex.IGNORECASE)
_MASCULINE: Final = frozenset({"he", "him", "his", "himself"})
# A word that may stand for an unnamed person between a name and a pronoun ("the officer"):
# then the pronoun may be that person's, and tells nothing of the name's gender.
ROLE_WORD: Final = regex.compile(r"\b\p{Ll}[\p{Ll}\-]+\b")
# The description in apposition after a name, up to its closing comma or stop:
# "Gáspár Maróth, the Hungarian Government commissioner responsible for defence,"
APPOSITION: Final = regex.compile(r",[ \t]+(?:(?:a|an|the)[ \t]+)?([^,.;:()\"“”\n]{3,80}?)(?=[,.;:)]|$)")


def _description(text: str, end: int) -> Mention | None:
    """The description in apposition after the name ending at ``end``, read as an unnamed person,
    when it holds a noun for a person's role ("the commissioner", "chief economist at Acme Bank")."""
    m = APPOSITION.match(text, end)
    if m is None:
        return None
    nouns = lexicon.words("person_nouns")
    if not any(w in nouns for w in m.group(1).split()):  # (lower case: "the commissioner", not "Commissioner Smith")
        return None
    return Mention(m.group(1), "unnamed_person")


# A name followed by a description: "Ana Sousa, a nurse", "Tom Jones, 45,"
DESCRIBED: Final = re.compile(r",\s+(?:a|an|the|who|\d)")
_position: Final = operator.itemgetter(0)  # of a (position, person) mention


@functools.cache
def _title_ends() -> tuple[int, frozenset[str]]:
    """How the one-word person nouns end: their last three letters (fewer if one is shorter)."""
    nouns = [w for w in lexicon.words("person_nouns") if " " not in w]
    n = min([3, *map(len, nouns)])
    return n, frozenset(w[-n:] for w in nouns)


def _title_before(text: str, pos: int, wrapped: bool = False) -> str | None:
    """The person noun just before ``pos``, spaces only between: "spokesperson Guo" -> "spokesperson".

    ``wrapped`` (hard-wrapped text): one newline may also come between.
    """
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if wrapped and i > 0 and text[i - 1] == "\n":
        i -= 1
        while i > 0 and text[i - 1] in " \t":
            i -= 1
    n, ends = _title_ends()
    if text[max(0, i - n) : i].lower() not in ends:
        return None  # the word does not end as any person noun does ("...son", "...ter")
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "-’'"):
        j -= 1
    word = text[j:i]
    return word if word and word[0].islower() and word.lower() in lexicon.words("person_nouns") else None


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
            out[m.group(2)] = " ".join(strip_det(m.group(1).split()))
            done = m.end()
    return out


# (a dataclass, not attrs: the compiled build makes it a native class; see setup.py)
@dataclasses.dataclass
class Person:
    """A person the article names; one article's, so its name, gender and titles fill in as it is read."""

    name: str
    gender: str | None = None  # ``m``/``f`` from the article's evidence: honorifics, nouns, pronouns
    titles: list[str] = dataclasses.field(default_factory=list)
    likely: str | None = None  # what a first name suggests: for choosing antecedents, never reported
    title: str | None = None  # the first title as written ("Chinese Foreign Ministry spokesperson")
    affiliation: str | None = None


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
            raise RuntimeError(Errors.E020.format())
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
        if self.ctx.wrapped:  # runs may cross a line: the whole text, filtered
            only = self.only
            runs = NAME_RUN_WRAPPED.finditer(text)
            return runs if only is None else (m for m in runs if any(word in m.group() for word in only))
        if self.only is None:
            return NAME_RUN.finditer(text)
        return _runs_holding(text, self.only)

    def _scan(self) -> None:
        text = self.ctx.text
        found: list[tuple[int, RunReading, Mention | None]] = []
        wrapped = self.ctx.wrapped
        for m in self._runs():
            run = m.group()
            if wrapped:
                run = run.replace("\n", " ")  # (one character for one: the offsets stay)
            single = " " not in run
            at = m.start()
            # a title word ends in a letter and a space or tab comes before the run: most runs
            # (sentence openers after ". ") fail this and are never looked back from
            before = text[at - 2 : at] if at >= 2 else ""
            if wrapped:
                before = before.replace("\n", " ")
            title = None
            if before[1:] in (" ", "\t") and (before[0].isalpha() or before[0] in " \t"):
                title = _title_before(text, at, wrapped)
            if (single and title is None) or self.ctx.in_quote(at):
                continue  # a lone capitalised word is a name only after a title ("spokesperson Guo")
            read = read_run(title, run)
            if read is None:
                continue
            if read.type != "named_person":
                self.bodies.append((at, read.name, read.type))
            elif read.sure or (read.named_if_described and DESCRIBED.match(text, m.end(), m.end() + 6)):
                found.append((at + read.offset, read, _description(text, m.end())))
        for pos, read, described in found:
            person = self.add(read.name, read.gender, pos, read.title, likely=read.likely,
                              affiliation=read.affiliation)
            if described is not None:
                # "Gáspár Maróth, the Hungarian Government commissioner responsible for defence,"
                person.titles.append(described.text.lower())
                if person.title is None:
                    person.title = described.text
                if person.affiliation is None:
                    person.affiliation = affiliation_of(described)
                if person.gender is None:
                    person.gender = gender_of(described)
        if self.only is not None:
            return  # mentions are for pronouns and descriptions, which will not be asked
        # later short forms: "Guo", "Macron"; gathered, then merged in one stable sort (where two
        # claim one position, the mention already there, then the first person found, keeps it)
        extra: list[tuple[int, Person]] = []
        for person in self.people:
            parts = person.name.split()
            for part in {parts[0], parts[-1]} if len(parts) > 1 else set():
                if len(part) < 3 or (part.lower() in gender_words() and part == parts[0]):
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

    def add(
        self, name: str, gender: str | None, pos: int, title: str | None = None, *,
        likely: str | None = None, affiliation: str | None = None,
    ) -> Person:
        """Register a person (or a short form of one already known) mentioned at ``pos``.

        ``gender`` is evidence the mention gives ("Mrs", "spokeswoman"); ``likely`` what its
        first name suggests.
        """
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
        if person.likely is None:
            person.likely = likely
        if title:
            person.titles.append(title.lower())
            if person.title is None:
                person.title = title
        if person.affiliation is None:
            person.affiliation = affiliation
        self._mention(pos, person)
        return person

    def learn_genders(self, wanted: Iterable[Person] | None = None) -> None:
        """Give people the gender that the pronouns pointing to them tell ("within his own government").

        Only a pronoun outside quotes that can point to one person counts: one person named
        before it in its sentence (or, with none there, in the sentence before), with no person
        noun between ("the officer ... he") and no first name suggesting the other gender.
        ``wanted``: only these people (the ones quoted), default everyone.
        """
        self._ensure_all()
        open_ = {id(p) for p in (self.people if wanted is None else wanted) if p.gender is None}
        if not open_:
            return
        text, ctx = self.ctx.text, self.ctx
        person_nouns = lexicon.words("person_nouns")
        evidence = evidence_words().keys()
        for m in self._pronouns_near(open_):
            at = m.start()
            if ctx.in_quote(at):
                continue
            want = "m" if m.group().lower() in _MASCULINE else "f"
            sent = ctx.sentence_at(at)
            i = _bisect_left(self.mentions, at, key=_position)
            near = self.mentions[_bisect_left(self.mentions, sent.start, key=_position) : i]
            if not near and sent.index > 0:
                prev = ctx.sents[sent.index - 1]
                lo = _bisect_left(self.mentions, prev.start, key=_position)
                near = [(pos, p) for pos, p in self.mentions[lo:i] if pos < prev.end]
            people = {id(p): p for _, p in near}
            if len(people) != 1:
                continue
            pos, person = near[-1]
            if id(person) not in open_ or person.gender is not None or person.likely not in (None, want):
                continue
            between = text[pos + len(person.name.split()[-1]) : at]
            words = {w.group() for w in ROLE_WORD.finditer(between)}
            plural = any(w.endswith("s") and w[:-1] in person_nouns for w in words)
            if words & person_nouns or words & evidence or plural:
                continue
            person.gender = want
            open_.discard(id(person))
            if not open_:
                return  # every gender asked for is known: no pronoun can tell more

    def _pronouns_near(self, people: set[int]) -> Iterator[regex.Match[str]]:
        """The person pronouns that can point to one of ``people``: those in a sentence that names
        one of them, or in the sentence after (the rest of the article is not searched)."""
        ctx, sents = self.ctx, self.ctx.sents
        named = sorted({ctx.sentence_at(pos).index for pos, p in self.mentions if id(p) in people})
        spans: list[list[int]] = []
        for k in named:
            start, end = sents[k].start, sents[min(k + 1, len(sents) - 1)].end
            if spans and start <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], end)
            else:
                spans.append([start, end])
        for start, end in spans:
            yield from PERSON_PRONOUN.finditer(self.ctx.text, start, end)

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
            if len(parts) < len(fp) and (fp[-len(parts) :] == parts or (len(parts) == 1 and parts[0] in fp)):
                return person  # (one word may be any part: "Rosselló" of "Ricardo Rosselló Nevares")
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
                if want is None or (person.gender or person.likely) in (None, want):
                    if want is not None and person.gender is None:
                        person.gender = want  # later pronouns agree with this one
                    return person
            k = start
        return None
