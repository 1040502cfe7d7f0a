"""Source mentions taken apart: the name, title, type or pronoun of "French President Emmanuel Macron"."""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Final

import regex

from quotex import lexicon
from quotex.phrases import DETERMINERS, PRONOUNS, is_head

# A word of a mention, inner dots, dashes and apostrophes kept: "U.S.", "O’Neil", "AT&T".
WORD: Final = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}’'.\-&]*")
# The name of a website: "Znak.com", "Caliber.Az", "news.sky.com".
WEB_NAME: Final = regex.compile(r"[\p{L}\p{N}\-]{2,}(?:\.[\p{L}\p{N}\-]+)*\.(?i:com|net|org|info|news|co\.uk|[a-z]{2})")
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
# Heads of news outlet names: "Tehran Times", "Saudi Press Agency", "Fox News".  (Whole words
# on both sides, so the order of the alternatives does not matter.)
OUTLET_NAME: Final = re.compile(r"\b(?:" + lexicon.trie_pattern(lexicon.load("mention_outlet_heads")) + r")\b")
# "police", "the government": descriptions that name the institution itself.
INSTITUTIONS: Final = lexicon.words("institutions")
# "bin", "de": lower-case words inside a name.  "Ali bin Salman"
PARTICLES: Final = frozenset(lexicon.load("name_particles"))
# Capitalised words that open a sentence or name a date, never a person's name.  "On Monday"
NOT_NAMES: Final = lexicon.words("not_names")


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
def gender_words() -> dict[str, str]:
    """Words that tell or suggest a person's gender ("Mrs", "Maria"), each with ``m`` or ``f``."""
    out = dict(evidence_words())
    for entry in lexicon.load("first_names"):
        word, _, gender = entry.lower().rpartition(" ")
        out.setdefault(word, gender)
    return out


@functools.cache
def evidence_words() -> dict[str, str]:
    """Honorifics and gendered nouns ("Mrs", "spokeswoman"), each with ``m`` or ``f``: what the
    article itself says of a gender, unlike a first name, which only suggests one."""
    out: dict[str, str] = {}
    for entry in lexicon.load("gender_cues"):
        word, _, gender = entry.lower().rpartition(" ")
        out.setdefault(word, gender)
    return out


@functools.cache
def _anonymity_pattern() -> regex.Pattern[str]:
    return regex.compile(r"(?<!\w)(?:\L<m>)(?!\w)", m=sorted(lexicon.words("anonymity_markers"), key=len, reverse=True))


def _anonymous(lowered: str) -> bool:
    """Does the lower-cased mention carry an anonymity marker ("unnamed", "people familiar with")?"""
    return _anonymity_pattern().search(lowered) is not None


# Object pronouns that stand as sources after a preposition: "according to him".
_OBJECT_FORMS: Final = frozenset({"him", "her", "them", "us", "me"})


def _in(word: str, name: str) -> bool:
    return word.lower() in lexicon.words(name)


def _plural_of(word: str, name: str) -> bool:
    low = word.lower()
    return low.endswith("s") and (low[:-1] in lexicon.words(name) or low[:-2] in lexicon.words(name))


def strip_det(words: list[str]) -> list[str]:
    """``words`` without their leading determiners: "the Foreign Ministry" -> "Foreign Ministry"."""
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return words


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


# (a dataclass, not attrs: the compiled build makes it a native class; see setup.py)
@dataclasses.dataclass(frozen=True)
class Mention:
    """A source mention taken apart; frozen, since equal texts share one."""

    text: str
    type: str = "unknown"
    name: str | None = None
    title: str | None = None
    pronoun: str | None = None

    @classmethod
    def parse(cls, text: str) -> Mention:
        """Take ``text`` apart; the result is shared between equal texts."""
        return _parse(text)


@functools.lru_cache(maxsize=8192)
def _parse(text: str) -> Mention:
    return _analyse(text.strip(" ,.;:\"“”'‘’"))


def _analyse(text: str) -> Mention:
    words: list[str] = WORD.findall(text)  # (typed, as in segment.tokens)
    if not words:
        return Mention(text)
    low = [w.lower() for w in words]
    if len(words) == 1 and (low[0] in PRONOUNS or low[0] in _OBJECT_FORMS):
        return Mention(text, pronoun=low[0])  # "he", and "him" of "according to him"
    if _anonymous(" ".join(low)):
        return Mention(text, "anonymous")
    if "," in text:
        head, _, tail = text.partition(",")
        found = _appositive(text, head.strip(), tail.strip(" ,"))
        if found is not None:
            return found
    issued = ISSUED_BY.search(text)
    lead = WORD.findall(text[: issued.start()]) if issued else []
    if issued and lead and (_in(lead[-1], "document_nouns") or _plural_of(lead[-1], "document_nouns")):
        # "a poll published by NBC News": the issuer; "the report by Tasnim News Agency": an outlet's
        issuer = Mention.parse(issued.group(1))
        stype = "media" if issuer.type == "media" and _in(lead[-1], "document_nouns") and lead[-1].lower() in (
            "report", "reports") else "document"
        return Mention(text, stype, issuer.name or " ".join(strip_det(WORD.findall(issued.group(1)))) or None)
    cut = TRAILING_PARTICIPLE.search(text)
    return _core(text, text[: cut.start()] if cut and cut.start() > 0 else text)


def _appositive(whole: str, head: str, tail: str) -> Mention | None:
    """ "Maria Lopez, a nurse at the clinic" / "The prosecutor, Elena Varga"."""
    hw, tw = WORD.findall(head), WORD.findall(tail)
    if not hw or not tw:
        return None
    first = Mention.parse(head)
    second = Mention.parse(tail)
    if second.type == "named_person" and second.name and first.type != "named_person" and not _capitalised(hw[-1]):
        # "The head of the port authority, Hamid Rahimi"
        return Mention(whole, "named_person", second.name, second.title or head)
    if first.type == "named_person" and first.name:
        return Mention(whole, "named_person", first.name, first.title or _described_as(tw, tail))
    if second.type in ("named_person", "media", "named_organization") and second.name and first.type in (
        "unnamed_person", "media", "unknown", "named_person", "unnamed_group"
    ):
        if second.type == "named_person":
            return Mention(whole, "named_person", second.name, second.title or " ".join(strip_det(hw)) or None)
        return Mention(whole, "media" if first.type == "media" else second.type, second.name)
    if first.type in ("named_organization", "media", "document"):
        return Mention(whole, first.type, first.name)
    return None


def _described_as(words: list[str], tail: str) -> str | None:
    """The title an apposition gives ("a nurse at the clinic"); not a relative clause ("who voted
    for the bill") or an age ("45")."""
    if _in(words[0], "relative_pronouns") or words[0].isdigit():
        return None
    return tail


def _core(whole: str, text: str) -> Mention:
    """The mention ``whole`` read from ``text``, its part without a trailing participle phrase."""
    words = strip_det(WORD.findall(text))
    if not words:
        return Mention(whole)
    low = [w.lower() for w in words]
    joined = " ".join(low)
    if joined in _outlets() or " ".join(WORD.findall(text)).lower() in _outlets() or (
            len(words) == 1 and WEB_NAME.fullmatch(words[0])):
        return Mention(whole, "media", " ".join(words))  # (a web name: "Znak.com", "Caliber.Az")
    if joined in _places() or joined + "." in _places():  # (a final dot is stripped: "U.S.")
        return Mention(whole, "named_organization", _places().get(joined) or _places()[joined + "."])
    head = words[-1]
    lead = next((i for i, w in enumerate(words) if w.lower() in ("of", "for", "at", "from", "in", "with")), 0)
    if lead and all(not _capitalised(w) or (i == 0 and _plural_noun(w)) for i, w in enumerate(words[:lead])):
        return _common(whole, words)  # "researchers from the University of Washington"
    if not _capitalised(head) or (len(words) == 1 and _common_noun(head)):
        return _common(whole, words)  # "officials", and "Officials" opening a sentence
    if OUTLET_NAME.search(" ".join(words)) and (
        not _org_words(words[-1:]) or (words[-1].lower() in ("agency", "network", "service")
        and any(w in ("News", "Press") for w in words))
    ):
        return Mention(whole, "media", " ".join(words))
    # a person with a title: the name is the capitalised run after the last title word
    cut = AFFILIATION.search(text)
    if cut:
        before = WORD.findall(text[: cut.start()])
        if before and (_in(before[-1].rstrip("."), "title_words") or _in(before[-1], "person_nouns")):
            cut = None  # "Secretary of State Mike Pompeo": part of the title, not an affiliation
    core = WORD.findall(text[: cut.start()]) if cut else WORD.findall(text)
    core = strip_det(core)
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
            return Mention(whole, "named_person", " ".join(run))
        kinds = {w.lower() for w in title_words}
        if run and kinds & lexicon.words("media_nouns"):
            return Mention(whole, "media", " ".join(run))  # "The newspaper Le Matin"
        if k or titled:
            name = run[k:]
            while len(name) > 1 and (name[0] in PARTICLES or name[0].lower() in ("of", "for")):
                name = name[1:]  # "(Secretary) of State Anne Vale": no name opens with "of"
            while len(name) > 2 and _in(name[0].rstrip("."), "title_words"):
                name = name[1:]
            if name and not _org_words(name) and not OUTLET_NAME.search(" ".join(name)):
                title = title_words + run[:k]
                return Mention(whole, "named_person", " ".join(name), _as_written(text, title) if title else None)
    if OUTLET_NAME.search(" ".join(words)) and not _org_words(words[-1:]):
        return Mention(whole, "media", " ".join(words))
    if _org_words(words) or (len(words) == 1 and words[0].isupper() and len(words[0]) <= 6):
        return Mention(whole, "named_organization", _org_name(words))
    if _in(words[-1], "document_nouns"):
        return Mention(whole, "document")
    if all(_in(w.rstrip("."), "title_words") for w in words):
        return Mention(whole, "unnamed_person")  # "a Republican", "the Senator"
    if any(w.lower() in NOT_NAMES for w in words):
        return Mention(whole)  # "November", "On Monday": a date or a function word, nobody's name
    title = [w for w in words if _in(w.rstrip("."), "title_words")]
    return Mention(
        whole, "named_person",
        " ".join(w for w in words if not _in(w.rstrip("."), "title_words")) or " ".join(words),
        _as_written(text, title) if title and len(title) < len(words) else None,
    )


def _common(whole: str, words: list[str]) -> Mention:
    """A mention whose head is a common noun: "officials", "the report", "a spokesperson"."""
    for i, w in enumerate(words[1:], start=1):
        # "a senior official at the finance ministry" -> "official"
        if w.lower() in ("of", "for", "at", "from", "in", "with", "on") and (
                not _capitalised(words[i - 1]) or (i == 1 and _plural_noun(words[0]))):
            words = words[:i]
            break
    head = words[-1].lower().rstrip("’'s") if words[-1].lower().endswith(("’s", "'s")) else words[-1].lower()
    if head in INSTITUTIONS:
        # "police", "the government": institutions by a unique description act as organisations
        return Mention(whole, "named_organization", " ".join(strip_det(words)))
    if head == "reports":
        return Mention(whole, "media")
    if _in(head, "group_nouns") or _plural_of(head, "person_nouns"):
        return Mention(whole, "unnamed_group")
    if _in(head, "document_nouns") or _plural_of(head, "document_nouns"):
        # "a NATO press release" -> issued by NATO
        issuer = [w for w in words[:-1] if _capitalised(w) and not _in(w, "title_words") and w.lower() not in NOT_NAMES
                  and w.lower() not in lexicon.words("time_words")]  # not "March" of "a March 14 NATO release"
        return Mention(whole, "document", " ".join(issuer) if issuer else None)
    if _in(head, "media_nouns") or " ".join(w.lower() for w in words[-2:]) in lexicon.words("media_nouns"):
        return Mention(whole, "media")
    if _in(head, "org_nouns"):
        return Mention(whole, "named_organization", _org_name(words))
    if _in(head, "person_nouns"):
        return Mention(whole, "unnamed_person")
    return Mention(whole)


def _role_word(word: str) -> bool:
    """A lower-case noun for a role: "fisherman", "herpetologist", "developer"."""
    return word.islower() and is_head(word) and word not in DETERMINERS


def _plural_noun(word: str) -> bool:
    """A noun for a group of people, capitalised at a sentence start: "Officials (in Kyiv)", "Doctors"."""
    low = word.lower()
    return _in(low, "group_nouns") or _plural_of(low, "person_nouns") or low in INSTITUTIONS


def _common_noun(word: str) -> bool:
    low = word.lower()
    return any(_in(low, n) or _plural_of(low, n) for n in ("group_nouns", "person_nouns", "document_nouns",
                                                            "media_nouns")) or low in INSTITUTIONS


def _org_words(words: list[str]) -> bool:
    low = [w.lower() for w in words]
    return any(w in lexicon.words("org_nouns") for w in low) or " ".join(low) in _places()


def _org_name(words: list[str]) -> str:
    """ "China’s Foreign Ministry" -> "Foreign Ministry of China"; a leading "the" dropped."""
    ws = strip_det(list(words)) or list(words)
    for i, w in enumerate(ws):
        if w.endswith(("’s", "'s")) and i + 1 < len(ws) and _capitalised(w):
            return " ".join([*ws[i + 1 :], "of", w[:-2]])
    return " ".join(ws)


def _as_written(text: str, words: list[str]) -> str:
    """The stretch of ``text`` from the first to the last of ``words``, spacing kept."""
    start = text.find(words[0])
    end = text.find(words[-1], start) + len(words[-1])
    return text[start:end] if start >= 0 and end > start else " ".join(words)


def _drop_function_words(phrase: str) -> str:
    """ "On Wednesday Turkish president Erdoğan" -> "Turkish president Erdoğan"."""
    words = phrase.split()
    while words and words[0].lower().rstrip(".,") in NOT_NAMES:
        words = words[1:]
    return " ".join(words)


def gender_of(m: Mention) -> str | None:
    """The gender a mention's own words tell ("Mrs", "spokeswoman"): ``m``, ``f`` or ``None``.

    A first name is no evidence (see ``likely_gender``); for an unnamed source every word counts
    ("a spokeswoman for the ministry").
    """
    if m.name is None:
        words = m.text.lower().replace(".", "").split()
    else:
        words = ((m.title or "") + " " + m.name).lower().replace(".", "").split()
        words = words[:-1] if len(words) > 1 else words
    cues = evidence_words()
    for w in words:
        if w in cues:
            return cues[w]
    return None


def likely_gender(m: Mention) -> str | None:
    """The gender a mention's first name suggests ("Maria"): for choosing between antecedents only."""
    parts = (m.name or "").lower().replace(".", "").split()
    return first_name_gender(parts[0]) if len(parts) > 1 else None


def first_name_gender(word: str) -> str | None:
    word = word.lower().rstrip(".")
    return None if word in evidence_words() else gender_words().get(word)


# Where an affiliation starts after a role: "chief economist at Acme Bank", "a spokesperson for the ministry".
AFFILIATION_OF: Final = regex.compile(
    r"\b(?:of|at|for|from|with)\s+((?:the\s+)?[\p{L}\p{N}][\p{L}\p{N}\p{M}.&’'\-]*"
    r"(?:\s+(?:of|for|and|on|the|&|[\p{Lu}\p{N}][\p{L}\p{N}\p{M}.&’'\-]*))*)"
)


def affiliation_of(m: Mention) -> str | None:
    """The organisation a person source speaks for, from its title or apposition.

    "Chinese Foreign Ministry spokesperson Guo Jiakun" -> "Chinese Foreign Ministry";
    "Jane Roe, chief economist at Acme Bank" -> "Acme Bank"; "a spokesperson for the ministry"
    -> "the ministry".  Portfolios ("Secretary of State") and places alone are not affiliations:
    the words must hold an organisation noun.
    """
    if m.type not in ("named_person", "unnamed_person", "anonymous"):
        return None
    rest = m.text if m.name is None else m.text.replace(m.name, " ")
    for found in AFFILIATION_OF.finditer(rest):
        words: list[str] = WORD.findall(found.group(1))
        while words and words[-1].lower() in ("of", "for", "and", "on", "the", "&"):
            words.pop()
        if words and _org_words(words) and (words[-1][:1].isupper() or words[-1].lower() in INSTITUTIONS
                                             or _in(words[-1], "org_nouns")):
            return " ".join(words).strip(" ,")
    title = m.title if m.name is not None else None
    if title:
        words = WORD.findall(title)
        head = next((i for i in range(len(words) - 1, -1, -1) if _in(words[i], "person_nouns")), None)
        if head:
            lead = strip_det(words[:head])
            if lead and all(_capitalised(w) or w.lower() in ("of", "and", "for") for w in lead) and _org_words(lead):
                return " ".join(lead)
    return None


# (a dataclass, not attrs: the compiled build makes it a native class; see setup.py)
@dataclasses.dataclass(frozen=True)
class RunReading:
    """What a run of capitalised words names, as the entity scan reads it; frozen, since cached."""

    type: str  # named_person, or named_organization or media
    name: str
    gender: str | None = None  # from the run's own words: "Mrs", "spokeswoman"
    likely: str | None = None  # from a first name: for choosing between antecedents only
    title: str | None = None
    affiliation: str | None = None
    sure: bool = False  # a person for certain: a title, or a known first name
    named_if_described: bool = False  # a person if a description follows: "Ana Sousa, a nurse"
    offset: int = 0  # where the name starts in the run


@functools.lru_cache(maxsize=16384)
def read_run(lead_word: str | None, run: str) -> RunReading | None:
    """Read a run of capitalised words, after its title word if it has one ("spokesperson Guo").

    The same runs come back across articles (names, institutions), so the readings are kept.
    """
    phrase = _drop_function_words(f"{lead_word} {run}" if lead_word is not None else run)
    if not phrase:
        return None
    men = Mention.parse(phrase)
    if men.type in ("named_organization", "media") and men.name:
        return RunReading(men.type, men.name)
    if men.type != "named_person" or not men.name:
        return None
    parts = men.name.split()
    return RunReading(
        "named_person", men.name, gender_of(men), likely_gender(men), men.title, affiliation_of(men),
        sure=bool(men.title) or (len(parts) >= 2 and parts[0].lower().rstrip(".") in gender_words()),
        named_if_described=len(parts) >= 2,
        offset=run.find(parts[0]),
    )
