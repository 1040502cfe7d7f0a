"""Noun phrases around a cue: the source to its left or right, the subject of a clause.

Without a parser these are decided from capitalisation, small closed word classes and the
lexicons of person, group, organisation, media and document nouns.
"""

from __future__ import annotations

import functools
from typing import Final

import regex

from quotex import lexicon

Tok = tuple[int, int]

# The closed word classes, from quotex/data (other modules read them from lexicon, not from here).
DETERMINERS: Final = lexicon.determiners()  # "the", "several", "two"
NUMBER_WORDS: Final = lexicon.words("number_words")
PRONOUNS: Final = lexicon.words("pronouns")
OBJECT_PRONOUNS: Final = lexicon.words("object_pronouns")
# Words that a subject never crosses, scanning left from its verb.
STOPS: Final = lexicon.words("subject_stops")
# Between the verb and its subject: adverbs and auxiliaries ("has also firmly denied").
SKIP_LEFT: Final = lexicon.words("verb_skips")
# Inside a noun phrase, lower case.
NP_INNER: Final = lexicon.words("np_inner_words")
INTRO_WORDS: Final = lexicon.words("intro_words")


@functools.cache
def _nouns() -> frozenset[str]:
    out: set[str] = set()
    for name in ("person_nouns", "group_nouns", "org_nouns", "media_nouns", "document_nouns"):
        for entry in lexicon.words(name):
            out.update(entry.split())
    return frozenset(out)


@functools.cache
def _verb_stops() -> frozenset[str]:
    """Past and -ing forms of cue verbs: a subject never reaches back across one."""
    out: set[str] = set()
    for name in ("report_verbs", "belief_verbs", "object_verbs"):
        # past and -ing forms only: a base form is often a noun too ("State media", "a claim")
        out.update(f for f, lemma in lexicon.verb_forms(name).items() if f != lemma and not f.endswith("s")
                   and " " not in f)
    out.update(("cited", "citing", "quoted", "quoting"))  # relays: "which had cited unnamed sources"
    return frozenset(out - _nouns() - {"brief", "briefing", "post", "order", "charge", "project", "forecast"})


NOT_ADVERBS: Final = lexicon.words("not_adverbs")


def skippable(word: str) -> bool:
    """An adverb or auxiliary between a subject and its verb ("has firmly denied")."""
    low = word.lower()
    return low in SKIP_LEFT or (word.islower() and low.endswith("ly") and len(low) > 4 and low not in NOT_ADVERBS)


def _word(text: str, tok: Tok) -> str:
    return text[tok[0] : tok[1]]


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isupper() for c in word))


def is_head(word: str) -> bool:
    """Can ``word`` end a source noun phrase?"""
    low = word.lower()
    if low in NUMBER_WORDS or low.isdigit():
        return True  # "Two in three said", "59 said"
    if low in DETERMINERS or low in INTRO_WORDS:
        return False
    if low in PRONOUNS or is_capitalised(word):
        return True
    if low in _nouns():
        return True
    base = low[:-2] if low.endswith(("’s", "'s")) else low
    if base.endswith("s") and (base[:-1] in _nouns() or (base.endswith("es") and base[:-2] in _nouns())):
        return True
    if low.endswith(("man", "men", "woman", "women", "person", "people")) and len(low) > 5:
        return True  # "fisherman", "chairwoman", "spokespeople"
    return base in _nouns() or (
        len(low) > 4 and low.endswith(("er", "ers", "ist", "ists", "ian", "ians", "ant", "ants", "ent", "ents",
                                       "or", "ors")) and low not in NOT_AGENTS
    )


NOT_AGENTS: Final = lexicon.words("not_agent_nouns")


def left_np(text: str, toks: list[Tok], end_index: int, sentence_start: int) -> Tok | None:
    """The subject noun phrase that ends before ``toks[end_index]`` (the verb).

    Adverbs and auxiliaries between the two are passed over; an appositive between commas
    is kept with the name it describes ("Maria Lopez, a nurse at the clinic, said").
    """
    i = end_index - 1
    while i >= 0 and skippable(_word(text, toks[i])):
        i -= 1
    # ", however," / ", meanwhile," between subject and verb
    if i >= 2 and _word(text, toks[i]) == "," and _word(text, toks[i - 2]) == "," \
            and _word(text, toks[i - 1]).lower() in SKIP_LEFT:
        i -= 3
    if i < 0:
        return None
    if i > 0 and _word(text, toks[i]) == "." and toks[i - 1][1] == toks[i][0] and "." in _word(text, toks[i - 1]):
        # "The U.S. said": the abbreviation's last dot is a token of its own
        found = left_np(text, toks, i, sentence_start)
        return (found[0], toks[i][1]) if found is not None and found[1] == toks[i - 1][1] else found
    last = i
    head = _word(text, toks[last])
    if head.lower() in PRONOUNS:
        return toks[last]
    if head.lower() in ("who", "which") and i >= 1:
        # "Jane Doe, who ... said" / "officials who said": the antecedent is the source
        k = i - 1 if _word(text, toks[i - 1]) != "," else i - 2
        if k >= 0 and is_head(_word(text, toks[k])):
            first = _scan_left(text, toks, k)
            if first is not None:
                return (toks[first][0], toks[k][1])
        return toks[last]
    rel = None
    if " who " in text[max(0, toks[i][1] - 100) : toks[i][1]]:
        rel = REL_SOURCE.search(text, max(toks[0][0], toks[i][1] - 120), toks[i][1])
    if rel is not None and rel.end() >= toks[i][1]:
        # "An official who spoke on condition of anonymity said"
        return (rel.start(1), rel.end(1))
    closing_comma = False
    if head == "," and i >= 2:
        # "Ana Sousa, a nurse at the Santa Luzia clinic, said": the whole appositive goes with the name
        k = i - 1
        while k > 0 and _word(text, toks[k]) != "," and i - k < 16 and _word(text, toks[k]).lower() not in STOPS - {
                "at", "in", "of", "for", "from", "with", "on", "who"} | {"said", "says"}:
            k -= 1
        if k > 0 and _word(text, toks[k]) == "," and _word(text, toks[k + 1]).lower() in APPOSITIVE_START \
                and is_capitalised(_word(text, toks[k - 1])):
            name_first = _scan_left(text, toks, k - 1, names_only=True)
            if name_first is not None and not _after_preposition(text, toks, name_first):
                return (toks[name_first][0], toks[i - 1][1])
    if head == "," and i >= 1:
        # "The prosecutor, Elena Varga, said" / "Kofi Asante, the coordinator, recalled"
        closing_comma = True
        last = i - 1
        head = _word(text, toks[last])
    if not is_head(head):
        return None
    first = _scan_left(text, toks, last)
    if first is None:
        return None
    # an appositive pair: "Name, a title of X," or "the title, Name,"
    if first >= 2 and _word(text, toks[first - 1]) == ",":
        inner_words = [_word(text, t) for t in toks[first : last + 1]]
        outer_end = first - 2
        outer = _word(text, toks[outer_end])
        describes = inner_words[0].lower() in APPOSITIVE_START or any(
            not is_capitalised(w) and (w.lower() in _nouns() or is_head(w)) for w in inner_words
        )
        inner_named = is_capitalised(inner_words[-1])
        taken = False
        if is_capitalised(outer) and describes and closing_comma and not _not_name(outer):
            # "Maria Lopez, a nurse at the clinic,"
            outer_first = _scan_left(text, toks, outer_end, names_only=True)
            taken = outer_first is not None and not _after_preposition(text, toks, outer_first)
        elif inner_named and is_head(outer) and closing_comma:
            # "The study's lead author, doctoral candidate Maninder Thind,"
            outer_first = _scan_left(text, toks, outer_end)
            taken = (
                outer_first is not None
                and any(_describes_person(_word(text, t)) for t in toks[outer_first : outer_end + 1])
                and not _after_preposition(text, toks, outer_first)
            )
        if taken and outer_first is not None:
            first = outer_first
        elif closing_comma and not inner_named:
            return None
    elif closing_comma:
        return None
    if first >= 2 and _word(text, toks[first - 1]).lower() in ("by", "from"):
        # "A poll by the Institute for Public Opinion suggests", "A report published by Human
        # Rights Watch said": the document and its issuer
        doc = first - 2
        if doc >= 1 and _word(text, toks[doc]).lower() in ISSUING:
            doc -= 1
        if is_head(_word(text, toks[doc])) and _doc_noun(_word(text, toks[doc])):
            doc_first = _scan_left(text, toks, doc)
            if doc_first is not None:
                first = doc_first
    return (toks[first][0], toks[last][1])


def _not_name(word: str) -> bool:
    """A capitalised word that names nobody: "Yesterday", "Monday", "However"."""
    low = word.lower()
    return low in INTRO_WORDS or low in lexicon.words("time_words") or low in lexicon.words("not_names")


def _group_noun(word: str, opens: bool = False) -> bool:
    """A lower-case noun for people or a place of them: "officials (in Kyiv)", "doctors (at the hospital)".

    ``opens``: the word opens the sentence, where it is capitalised ("Officials in Kyiv").
    """
    low = word.lower() if opens else word
    return low.islower() and is_head(low) and low not in PRONOUNS and low not in INTRO_WORDS


# The participles between a document and its issuer: "a report published by".
ISSUING: Final = frozenset({"published", "released", "issued", "conducted", "commissioned", "prepared", "written"})


def _doc_noun(word: str) -> bool:
    low = word.lower()
    docs = lexicon.words("document_nouns")
    return low in docs or (low.endswith("s") and low[:-1] in docs)


# A source with a relative clause: "An official who spoke on condition of anonymity".
REL_SOURCE: Final = regex.compile(
    r"(?:^|(?<=[,;]\s?)|(?<=\s))((?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any)\s+"
    r"(?:[\w’'\-]+\s+){0,4}?[\w’'\-]+\s+who\s+[^,;:\"“”]{3,90}?)\s*$"
)
ABBREVIATED_TITLES: Final = lexicon.words("abbreviated_titles")
APPOSITIVE_START: Final = lexicon.words("appositive_starts")


def _describes_person(word: str) -> bool:
    low = word.lower().rstrip("s")
    return word.lower() in _nouns() and (low in lexicon.words("person_nouns") or word.lower() in lexicon.words(
        "person_nouns") or low in lexicon.words("title_words"))


def _after_preposition(text: str, toks: list[Tok], i: int) -> bool:
    """Is ``toks[i]`` inside an introductory phrase ("In a statement, ...")?"""
    return i > 0 and _word(text, toks[i - 1]).lower() in INTRO_WORDS | STOPS


def _scan_left(text: str, toks: list[Tok], last: int, names_only: bool = False) -> int | None:
    """Index of the first token of the phrase ending at ``toks[last]``."""
    first = last
    lower_run = 0
    seen_name = is_capitalised(_word(text, toks[last]))
    j = last - 1
    while j >= 0 and last - j < 14:
        w = _word(text, toks[j])
        low = w.lower()
        if low in ("in", "at") and j > 0 and not names_only and not _not_name(_word(text, toks[j - 1])) and (
            (seen_name and (is_capitalised(_word(text, toks[j - 1]))
                            or _group_noun(_word(text, toks[j - 1]), j - 1 == 0)))
            or (_word(text, toks[j + 1]).lower() in NUMBER_WORDS and _word(text, toks[j - 1]).lower() in NUMBER_WORDS)
        ):
            first = j  # "the University of Guelph in Ontario", "two in three"
            j -= 1
            continue
        if low in STOPS or low in _verb_stops() or (not w[:1].isalnum() and w not in ("-", "&", ".")):
            break
        if is_capitalised(w):
            if j == 0 and low in INTRO_WORDS:
                break
            lower_run = 0
        elif low in DETERMINERS:
            first = j
            j -= 1
            # "the country's", "a group of": a determiner usually starts the phrase
            if j >= 0 and _word(text, toks[j]).lower() in ("of", "for", "from", "at", "'s", "’s"):
                continue
            # "officials in the capital": a group located by a place
            if j >= 1 and _word(text, toks[j]).lower() == "in" and _group_noun(_word(text, toks[j - 1]), j - 1 == 0):
                continue
            # "authorities in the United Kingdom and the United States": names joined by "and"
            if j >= 1 and seen_name and _word(text, toks[j]).lower() == "and" and is_capitalised(
                    _word(text, toks[j - 1])) and _word(text, toks[j - 1]).lower() not in INTRO_WORDS:
                first = j
                j -= 1
                continue
            # "people familiar with the matter", "sources close to the talks"
            if j >= 1 and _word(text, toks[j]).lower() in ("with", "to", "on", "in") and _word(
                    text, toks[j - 1]).lower() in ("familiar", "close", "knowledge", "briefed", "involved"):
                first = j - 1
                j -= 2
                continue
            break
        elif low in NP_INNER or w in ("-", "&", "."):
            pass
        elif names_only:
            break
        else:
            # a lower-case modifier or title noun: "military officials", "spokesperson Guo"
            if seen_name and not is_head(w):
                break
            if low in _nouns() or is_head(w):
                seen_name = False  # "airport director Lena Fischer": modifiers may precede the title
                lower_run = 0
            else:
                lower_run += 1
            if lower_run > 3:
                break
        first = j
        j -= 1
    while first < last and (_word(text, toks[first]) in NP_INNER or _word(text, toks[first]) in ("-", "&", ".")):
        first += 1  # a lower-case particle or joiner cannot open the phrase ("Le Soleil" can)
    if first == 0 and _word(text, toks[0]).lower() in INTRO_WORDS and first < last:
        first += 1
    return first


def right_np(text: str, toks: list[Tok], start_index: int, limit: int) -> Tok | None:
    """The noun phrase that starts at ``toks[start_index]`` ("said [John Smith, a spokesman]")."""
    if start_index >= min(len(toks), limit):
        return None
    first = start_index
    w0 = _word(text, toks[first])
    if w0.lower() in PRONOUNS:
        return toks[first]
    last = -1
    name_last = -1
    j = first
    while j < min(len(toks), limit) and j - first < 14:
        w = _word(text, toks[j])
        low = w.lower()
        if is_capitalised(w) or low in DETERMINERS or (is_head(w) and low not in STOPS):
            last = j
        elif (low in NP_INNER and j > first) or w in ("-", "&"):
            pass
        elif w == "." and j > first and _word(text, toks[j - 1]).lower() in ABBREVIATED_TITLES:
            pass  # "Dr. Halima Osei"
        elif w[:1].isalpha() and low not in STOPS and low not in _verb_stops() and j - first < 3 and any(
            _word(text, toks[x]).lower() in _nouns() or is_capitalised(_word(text, toks[x]))
            for x in range(j + 1, min(j + 3, limit, len(toks)))
        ):
            pass  # "said port manager Luca Bianchi"
        elif w == "," and last >= 0 and j + 1 < limit:
            # an appositive after the name: ", a spokesman for the agency"
            nxt = _word(text, toks[j + 1]).lower()
            if nxt in APPOSITIVE_START or nxt in _nouns() or is_capitalised(_word(text, toks[j + 1])):
                k = j + 1
                while k < limit and _word(text, toks[k]) not in (",", ".", ";", ":", "!", "?", "\"", "”") \
                        and _word(text, toks[k]).lower() not in ("said", "says", "told", "added"):
                    k += 1
                if k - j <= 15:
                    name_last = last
                    last = k - 1
                    j = k
                break
            break
        else:
            break
        j += 1
    if last < 0:
        return None
    while last > first and _word(text, toks[last]).lower() in NP_INNER | DETERMINERS:
        last -= 1
    if not is_head(_word(text, toks[name_last if name_last >= 0 else last])):
        return None
    return (toks[first][0], toks[last][1])


def clause_subject(text: str, toks: list[Tok]) -> tuple[Tok | None, int]:
    """The subject of a sentence's main clause, past an introductory phrase; and its end index.

    "In a briefing, Chinese Foreign Ministry spokesperson Guo Jiakun addressed the claims"
    -> "Chinese Foreign Ministry spokesperson Guo Jiakun".
    """
    i = 0
    w0 = _word(text, toks[0]) if toks else ""
    if toks and (w0.lower() in INTRO_WORDS or (w0.endswith(("ing", "ed")) and w0[:1].isupper() and w0.lower() not in
                                                  _nouns())):
        for k, tok in enumerate(toks[:25]):
            if _word(text, tok) == ",":
                i = k + 1
                break
    while i < len(toks) and not _word(text, toks[i])[:1].isalnum():
        i += 1
    if i >= len(toks):
        return None, i
    w = _word(text, toks[i])
    if w.lower() in PRONOUNS:
        return toks[i], i
    j = i
    last = -1
    while j < len(toks) and j - i < 12:
        w = _word(text, toks[j])
        low = w.lower()
        if is_capitalised(w) or low in _nouns() or (low in DETERMINERS and j == i) or (
                w.islower() and j > i and is_head(w) and not low.endswith(("’s", "'s"))):
            last = j  # (and "the then-manager of ...", "One of the study's authors")
        elif (low.endswith(("’s", "'s")) and j > i) or low in NP_INNER or w in ("-",) or low in DETERMINERS:
            pass
        else:
            break
        j += 1
    if last < 0 or not is_head(_word(text, toks[last])):
        return None, i
    # "a Republican, Mark Amodei, has ...": the name in apposition belongs to the subject
    if last + 2 < len(toks) and _word(text, toks[last + 1]) == "," and (is_capitalised(_word(text, toks[last + 2])) or (
            last + 3 < len(toks) and _word(text, toks[last + 2]).islower() and is_head(_word(text, toks[last + 2]))
            and is_capitalised(_word(text, toks[last + 3])))):
        # (also "One of the study's authors, herpetologist David Blackburn,")
        k = last + 2 if is_capitalised(_word(text, toks[last + 2])) else last + 3
        while k + 1 < len(toks) and (is_capitalised(_word(text, toks[k + 1])) or _word(text, toks[k + 1]) == "."):
            k += 1
        if k + 1 < len(toks) and _word(text, toks[k + 1]) == "," and k - last <= 5:
            last = k
    return (toks[i][0], toks[last][1]), last


def loose_np(text: str, toks: list[Tok], a: int, b: int) -> Tok | None:
    """``toks[a:b]`` as a noun phrase, when nothing in it rules that out ("the utility",
    "The 6'2" forward"): a fallback for a subject the lexicons do not know."""
    if b <= a or b - a > 8:
        return None
    while b > a and skippable(_word(text, toks[b - 1])):
        b -= 1
    if b <= a:
        return None
    first = _word(text, toks[a])
    if not (first.lower() in DETERMINERS or is_capitalised(first)) or first.lower() in INTRO_WORDS:
        return None
    for t in toks[a:b]:
        w = _word(text, t)
        low = w.lower()
        if low in STOPS or low in _verb_stops() or (not w[:1].isalnum() and w not in ("-", "'", "\"", "’")):
            return None
    return (toks[a][0], toks[b - 1][1])
