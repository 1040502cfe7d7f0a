"""A reporting verb with its clause: ``S said (that) C``, ``S told T that C``, ``S denied X``.

Also a quoted predicate (``called it "a farce"``), and where a reported clause ends.
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from quotex import lexicon, relays
from quotex.document import BARE, BELIEF, OBJECT, PHRASE, PREDICATE, REPORT, Context, Cue, Draft, Offsets, Segment, Tok
from quotex.finite import clause_at, is_verb
from quotex.mentions import Mention
from quotex.offsets import after_comma, trim, word
from quotex.patterns import (
    AND_BEFORE,
    ASIDE,
    ASIDE_BARE,
    CLAUSE_START,
    COORDINATED,
    FINITE,
    LIST_GAP,
    NEGATION,
    NO_START,
    PASSIVE,
    TELL,
    past_adverbials,
)
from quotex.phrases import DETERMINERS, is_capitalised, is_head, left_np, skippable
from quotex.scare import is_term, quoted_fragment
from quotex.source_phrase import PASSIVE_AGENT, find_source

# "expressed concern that C": verbs whose content is the clause after a stance noun
NOUN_CLAUSE = lexicon.words("noun_clause_verbs")
# "denied reports that C", "rejected claims suggesting C": an object that carries content
CONTENT_NOUNS = lexicon.words("content_nouns")
# What follows the cue at once when its clause's subject was moved out ("they said were involved")
GAP_VERBS = frozenset({"is", "are", "was", "were", "will", "would", "could", "should", "may", "might", "must",
                       "had", "has", "have", "can"})
PRONOUN_SUBJECTS = lexicon.words("pronoun_subjects")
# A conjunction and a short subject right before a cue: ", while Jones warned", "; officials said"
CONJOINED_SUBJECT = re.compile(
    r"(?:,\s*(?:while|whereas|but|although|though|and|despite)|;|\s(?:while|whereas|although|though|despite))\s+"
    r"(?P<subject>(?:[\w’'\-.]+\s+){0,5}?[\w’'\-.]+)\s+(?:(?:also|later|then|has|have|had)\s+)?$")
CONTENT_PARTICIPLES = frozenset({"suggesting", "saying", "claiming", "alleging", "indicating", "stating"})


def verb_clause(ctx: Context, toks: list[Tok], k: int, cue: Cue, sent: Segment, para: int,
                 local: list[Draft]) -> Draft | None:
    """``S said (that) C``, ``S told T that C``, ``S denied X``, ``..., arguing that C``."""
    text = ctx.text
    n = len(toks)
    prev = word(text, toks[k - 1]).lower() if k > 0 else ""
    if prev == "to" or (prev in PASSIVE and cue.form.endswith(("ed", "said", "told", "thought", "known"))):
        if prev != "to" and cue.classes & {PREDICATE}:
            return _passive_predicate(ctx, cue, sent, para)  # 'was described by Johnson as "a mandate"'
        return None  # "declined to say", "is expected to", "was told to"
    if prev in DETERMINERS or prev.endswith(("’s", "'s")):
        return None  # "the call", "a report", "Trump's claim": nouns, not verbs
    if k + 2 < len(toks) and word(text, toks[k + 1]).lower() == "not" and word(text, toks[k + 2]).lower() == "to":
        return None  # "a diplomat who asked not to be named": a request, not a report
    back = k - 1
    while back >= 0 and skippable(word(text, toks[back])):
        if word(text, toks[back]).lower() in NEGATION or word(text, toks[back]).lower().endswith(("n't", "n’t")):
            return None  # "did not say when": a negated report is no attribution
        back -= 1
    # The source is looked for once the words after the cue could be what was said: for most
    # cue words that report nothing ("the state of", "you know") that test fails first.  An
    # addressee needs it before ("told Reuters that"): the source's relays come first.
    # Later on, ``found or find_source(...)`` finds it once, when first needed (a found tuple is
    # never empty).
    found: tuple[Offsets | None, list[Offsets], str] | None = None
    tell = cue.lemma in TELL or cue.lemma.startswith(("tell", "remind", "inform", "assure"))
    via: list[Offsets] = []
    if tell:
        found = find_source(ctx, toks, k, cue, sent, local)
        src, via, _ = found
        if src is None:
            return None
    # the content
    j = k + 1
    after = past_adverbials(text, cue.end, sent.end)
    aside = ASIDE.match(text, after, sent.end)
    if aside:
        after = aside.end()
    elif cue.classes & {BARE, REPORT} and not tell:
        aside = ASIDE_BARE.match(text, after, sent.end)
        if aside:
            at = next((x for x in range(j, n) if toks[x][0] >= aside.end()), n)
            if clause_at(text, toks, at, strong=BARE in cue.classes):
                after = aside.end()  # "alleged, by way of example, Mahan had ..."
    while j < n and toks[j][0] < after:
        j += 1
    has_that = False
    # "told reporters (on Monday) that", "warned allies that"
    if tell:
        for look in range(j, min(n, j + 10)):
            w = word(text, toks[look]).lower()
            if w == "that":
                if look > j and lexicon.is_media(text[toks[j][0] : toks[look - 1][1]]):
                    via.append((toks[j][0], toks[look - 1][1]))
                j = look
                break
            if w in (",", ";", ".", ":", "\"", "“") or (look > j and w in ("to",)):
                break
        else:
            look = j
        if j < n and word(text, toks[j]).lower() != "that":
            # "told him the deal was off", "told detectives she was at home", "told a news
            # conference the talks had failed": an addressee, then the clause
            m = _addressee_end(text, toks, j)
            if m is None:
                return None
            j = m
            if j < n and word(text, toks[j]).lower() == "to":
                return None  # "told them to leave": a directive
        addressee = (toks[k + 1][0], toks[j - 1][1]) if j - 1 > k else None
        if addressee is not None and not via and lexicon.is_media(text[addressee[0] : addressee[1]]):
            via.append(addressee)
    if cue.lemma in NOUN_CLAUSE:
        # "voiced fears that C" gives C; "voiced support for the bill", "expressed the frustration
        # of voters who ..." are nominal: a short noun phrase, then "that"
        for look in range(j, min(n, j + 5)):
            w = word(text, toks[look]).lower()
            if w == "that" and look > j:
                nxt = word(text, toks[look + 1]).lower() if look + 1 < n else ""
                if nxt in FINITE or nxt.endswith("ed"):
                    return None  # "pointed to polls that show ...": a relative clause
                j = look
                break
            if not w.isalpha() or w in NO_START or w in (
                "over", "regarding", "and", "but", "or", "who", "which", "whom"
            ):
                return None
        else:
            return None
    if j >= n:
        return None
    w = word(text, toks[j])
    low = w.lower()
    kind_hint = ""
    nominal = False
    if w == ",":
        found = found or find_source(ctx, toks, k, cue, sent, local)
        src, via, _ = found
        if src is None:
            return None
        s_index = next((i for i, t in enumerate(toks) if t[0] == src[0]), 0)
        if s_index == 1 and word(text, toks[0]).lower() == "as" and j + 1 < n and cue.classes & {REPORT, BELIEF}:
            # "As Comey noted, C": the attribution opens the sentence
            span = cut_clause(ctx, toks[j + 1][0], sent.end, toks)
            if span[1] - span[0] >= 3:
                return Draft([span], "indirect", (cue.start, cue.end), src, "indirect:as-cue-clause", 0.75, para,
                             via=via)
        if s_index >= 2 and word(text, toks[s_index - 1]) == "," and j + 1 < n:
            # "C1, she said, C2": the attribution interrupts its content
            begin = sent.start
            for d in local:
                if d.spans[-1][1] <= src[0]:
                    begin = max(begin, d.spans[-1][1] + 1)
            first_part = trim(text, begin, toks[s_index - 1][0])
            second = cut_clause(ctx, toks[j + 1][0], sent.end, toks)
            spans = [x for x in (first_part, second) if x[1] - x[0] >= 3]
            if first_part[1] - first_part[0] >= 3 and not _participle_start(text, second):
                return Draft(spans, "indirect", (cue.start, cue.end), src, "indirect:interrupted", 0.8, para,
                             via=via)
    if cue.classes & {REPORT, BELIEF} and not tell and _gapped_relative(text, toks, k, j):
        # "the failings it said were avoidable", "which NASA's chief has said may be ready": the
        # cue's clause lost its subject to the relative pronoun; the content is the rest of it
        found = found or find_source(ctx, toks, k, cue, sent, local)
        src = found[0]
        stop = next((t[0] for t in toks[j:] if word(text, t) in (",", ";", "(", "—", "–")), sent.end)
        span = trim(text, toks[j][0], stop)
        if src is None or span[1] - span[0] < 3:
            return None
        return Draft([span], "indirect", (cue.start, cue.end), src, "indirect:relative-cue-clause", 0.7, para)
    if low == "that":
        has_that = True
        j += 1
    elif w == ":":
        j += 1
    elif w in ("\"", "“", "‘", "'", "«"):
        kind_hint = "quoted"
        piece = ctx.piece_containing(toks[j][1])
        if piece is not None and cue.classes & {PREDICATE} and is_term(ctx, ctx.groups[piece.group]):
            return None  # 'a program dubbed "Zrínyi 2026" in 2017': a name, not what was said
        if piece is not None and k >= 2 and word(text, toks[k - 2]).lower() == "what":
            # 'what WalesOnline called "fury" from local tourism chiefs': the quoted word alone
            found = found or find_source(ctx, toks, k, cue, sent, local)
            span = trim(text, piece.start, piece.end)
            if found[0] is None or span[1] <= span[0]:
                return None
            return Draft([span], "direct", (cue.start, cue.end), found[0], "direct:what-cue-quote", 0.7, para)
    elif cue.classes & {PREDICATE} and (pred := _predicate(ctx, cue, sent)) is not None:
        # 'called the plan "a disaster"' (with no quoted predicate, the cue may still report)
        found = found or find_source(ctx, toks, k, cue, sent, local)
        src = found[0]
        return Draft(pred, "mixed", (cue.start, cue.end), src, "mixed:predicate", 0.75, para) if src else None
    elif cue.classes & {REPORT, BELIEF} and w[:1].isalnum() and (
            clause_at(text, toks, j, strong=BARE in cue.classes)
            or (_quantity(text, toks, j) and clause_at(text, toks, j + 2, strong=BARE in cue.classes))):
        pass  # "Police alleged the accused performed two attacks": a clause without "that"
    elif cue.classes & {OBJECT} and not cue.classes & {BARE}:
        if low in NO_START - {"to"} and cue.lemma in ("warn", "call for"):
            j += 1
        elif low in NO_START or w in ",.;":
            return None
        nominal = True
    else:
        return None
    if j >= n:
        return None
    span = cut_clause(ctx, toks[j][0], sent.end, toks, nominal=nominal)
    if span[1] - span[0] < 3 or (len(text[span[0] : span[1]].split()) < 2 and kind_hint != "quoted"):
        return None
    if nominal and not quoted_fragment(ctx, span) and not _content_object(text, toks, j):
        return None  # "denied the reports": nominal content is no quote; 'denied the "baseless" reports' is
    found = found or find_source(ctx, toks, k, cue, sent, local)
    src, via, how = found
    if src is None and (nominal or not (has_that or BARE in cue.classes) or PHRASE in cue.classes
                        or cue.form == cue.lemma or (k > 0 and is_verb(word(text, toks[k - 1]), "", cue.form))):
        return None  # (not "in a statement that", nor the nouns of "expressed hope that", "voiced fears that")
    # (a clause a reporting verb governs is reported even where its source cannot be made out:
    # "X and Y, both up for reelection in conservative territory, also said they'd be happy")
    rule = "indirect:object" if nominal else f"indirect:{how}-cue-clause"
    # "..., the Baltic Times reports, citing Interfax."
    via.extend(relays.trailing_relays(text, span[1], sent.end))
    via.extend(relays.intro_relay(ctx, sent))
    conf = 0.85 if has_that else 0.7
    if BELIEF in cue.classes and REPORT not in cue.classes:
        conf -= 0.15
        rule = rule.replace("indirect:", "indirect:belief-")
    if rule == "indirect:object":
        conf = 0.5
    if src is not None and REPORT in cue.classes and not nominal and _relays(text[src[0] : src[1]]):
        inner = nested_attribution(ctx, span, sent, para)
        if inner is not None and inner.source is not None:
            # "Znak.com reported its source said C", "The newspaper reported that officials said C":
            # the outlet passes on what its source said
            return dataclasses.replace(inner, via=[src, *via, *inner.via], rule="indirect:relayed-cue-clause")
    return Draft([span], "indirect", (cue.start, cue.end), src, rule, conf, para, via=via)


def _relays(phrase: str) -> bool:
    """Does the source ``phrase`` pass on what others said: an outlet, a document ("the report")?"""
    return relays.is_relay(phrase) or Mention.parse(phrase).type in ("media", "document")


def nested_attribution(ctx: Context, span: Offsets, sent: Segment, para: int) -> Draft | None:
    """A clause that is itself an attribution: "officials believe that C"."""
    text = ctx.text
    toks = ctx.tokens(span[0], sent.end)
    for cue in ctx.cues_in(span[0], min(sent.end, span[0] + 120)):
        if ctx.in_quote(cue.start) or not cue.classes & {REPORT, BELIEF} or cue.lemma == "according to":
            continue
        k = next((i for i, t in enumerate(toks) if t[0] == cue.start), None)
        if k is None or k > 10:
            return None
        src = left_np(text, toks, k, span[0])
        if src is None or src[0] != span[0]:
            return None
        d = verb_clause(ctx, toks, k, cue, sent, para, [])
        if d is not None and d.source == src:
            return d
        return None
    return None



def _addressee_end(text: str, toks: list[Tok], j: int) -> int | None:
    """Where the clause after a "told" and its addressee (from ``toks[j]``) starts: the first word
    within six that opens a finite clause and is no part of the addressee's name ("told The Globe
    and Mail the talks had failed").  ``None`` when there is none, or a directive ("told them
    to leave")."""
    n = len(toks)
    for m in range(j + 1, min(n, j + 7)):
        w = word(text, toks[m])
        low = w.lower()
        prev = word(text, toks[m - 1])
        if not prev[:1].isalnum() or low in ("to", "that"):
            return None  # a mark or a directive before any clause
        in_name = is_capitalised(prev) or (prev.lower() in ("and", "of", "&", "the") and m - 2 >= j
                                           and is_capitalised(word(text, toks[m - 2])))
        if is_capitalised(w) and in_name and low not in PRONOUN_SUBJECTS:
            continue
        if not (low in PRONOUN_SUBJECTS or low in DETERMINERS or is_capitalised(w) or w[:1].isdigit()
                or low in CLAUSE_START):
            continue
        if prev.lower() in DETERMINERS or prev.lower() in NO_START:
            continue  # inside the addressee ("told the press") or an adverbial ("on Monday")
        if clause_at(text, toks, m):
            return m
    return None


def _second_subject(text: str, start: int, cue_start: int) -> int:
    """Where a conjunction and a subject of their own open a second attribution before
    ``cue_start`` (", while Jones warned", "; the ministry said"), or -1."""
    m = CONJOINED_SUBJECT.search(text, max(start, cue_start - 80), cue_start)
    if m is None:
        return -1
    words = m.group("subject").split()
    first = words[0]
    if not (is_capitalised(first) or first.lower() in DETERMINERS or first.lower() in PRONOUN_SUBJECTS):
        return -1
    if any(w.lower() in FINITE or w.lower() in ("that", "which", "who") for w in words):
        return -1
    return m.start()


def _gapped_relative(text: str, toks: list[Tok], k: int, j: int) -> bool:
    """Is the cue at ``toks[k]`` inside a relative clause whose subject gap is its content's: a
    noun or relative pronoun, the cue's subject, the cue, then straight away a finite verb
    ("the countries they said were involved", "which Smith has said may be ready")?"""
    if j >= len(toks) or k < 2:
        return False
    nxt = word(text, toks[j]).lower()
    if nxt not in GAP_VERBS:
        return False
    # the cue's subject: a pronoun or a short name, after a noun or "which"/"that"/"who"
    i = k - 1
    while i > 0 and skippable(word(text, toks[i])):
        i -= 1
    subject_words = 0
    common = False  # a described subject: "which officials said", "which the state media said"
    while i > 0 and subject_words < 5:
        w = word(text, toks[i])
        if w.lower() in ("which", "that", "who", "whom"):
            break
        if w.lower() in PRONOUN_SUBJECTS:
            i -= 1  # "the failings it said were": a pronoun is the whole subject
            subject_words += 1
            break
        if not (is_capitalised(w) or w.lower() in PRONOUN_SUBJECTS or w.endswith(("’s", "'s"))):
            if not (w.isalpha() and w.islower() and (is_head(w) or w in DETERMINERS
                                                     or (subject_words > 0 and w not in NO_START))):
                break
            common = True
        i -= 1
        subject_words += 1
    if subject_words == 0:
        return False
    before = word(text, toks[i]).lower()
    if common and before not in ("which", "that", "who"):
        return False
    if before in ("which", "who") and i > 0 and word(text, toks[i - 1]) == ",":
        return True  # "the mission, which Smith has said may be ready"
    if not (before in ("which", "that", "who") or (before.isalpha() and before.islower()
                                                   and before not in DETERMINERS and before not in NO_START)):
        return False
    # "the failings it said were avoidable" after the sentence's own verb; without one ("Everything
    # he said was wrong") the verb after the cue is the sentence's
    for x in range(1, i):
        w, p = word(text, toks[x]), word(text, toks[x - 1]).lower()
        if is_verb(w, p, word(text, toks[x + 1])) or (
                w.islower() and w.endswith(("s", "ed")) and not w.endswith("ss") and p not in DETERMINERS
                and p not in NO_START and not p.endswith(("’s", "'s"))):
            return True
    return False


def _content_object(text: str, toks: list[Tok], j: int) -> bool:
    """Is the object at ``toks[j]`` a noun of what was said with its content after it: "denied
    media reports suggesting its involvement", "rejected claims that ..."?"""
    for x in range(j, min(len(toks) - 1, j + 5)):
        w = word(text, toks[x]).lower()
        if not w[:1].isalnum():
            return False
        if w in CONTENT_NOUNS:
            nxt = word(text, toks[x + 1]).lower()
            return nxt == "that" or nxt in CONTENT_PARTICIPLES
    return False


def _participle_start(text: str, span: Offsets) -> bool:
    """ "wiping sweat off his face": a clause on the speaker's manner, not what was said."""
    first = text[span[0] : span[1]].split(" ", 1)[0].lower()
    return first.endswith("ing") and len(first) > 4


def _quantity(text: str, toks: list[Tok], j: int) -> bool:
    """ "at least 12 homes", "about 300 people", "more than half": a subject, not a preposition."""
    words = [word(text, t).lower() for t in toks[j : j + 3]]
    return bool(words) and (words[:2] in (["at", "least"], ["more", "than"], ["up", "to"], ["fewer", "than"],
                                         ["less", "than"]) or (words[0] in ("about", "around", "over", "nearly",
                                                                           "almost", "some") and len(words) > 1
                            and words[1][:1].isdigit()))


def _clause_follows(text: str, toks: list[Tok], j: int, reach: int = 7) -> bool:
    """Does a finite verb follow ``toks[j]`` within a few words, before any comma?"""
    for x in range(j + 1, min(len(toks), j + reach)):
        w = word(text, toks[x]).lower()
        if w in (",", ".", ";", ":", "(", "\"", "“", "”"):
            return False
        if w in FINITE or w.endswith(("n't", "n’t")):
            return True
    return False




def _passive_predicate(ctx: Context, cue: Cue, sent: Segment, para: int) -> Draft | None:
    """ 'The results were described by Johnson as a "historic mandate"': the quoted predicate of a
    passive predicate verb, its named agent the source."""
    text = ctx.text
    # the passive whose agent the participle phrases take too ("..., saying"), read from its auxiliary
    m = PASSIVE_AGENT.search(text, max(sent.start, cue.start - 40), sent.end)
    if m is None or not m.start() < cue.start < m.start(1) or not text.startswith(" as", m.end(1)):
        return None
    spans = _predicate(ctx, cue, sent)
    if not spans or spans[0][0] < m.end(1):
        return None
    return Draft(spans, "mixed", (cue.start, cue.end), m.span(1), "mixed:passive-predicate", 0.7, para)


def _predicate(ctx: Context, cue: Cue, sent: Segment) -> list[Offsets] | None:
    """The quoted predicate after a cue: ``called the plan "a disaster"``, ``criticizing the
    move as "political theater."``.

    Fragments listed one after another ('a "nasty guy," an "anchor baby" and "sick."') are one
    quote with a span each.
    """
    text = ctx.text
    pieces = sorted(
        (g[0] for g in ctx.groups.values() if cue.end < g[0].open_mark < sent.end and g[0].close_mark > 0),
        key=lambda p: p.open_mark,
    )
    if not pieces or pieces[0].open_mark > cue.end + 80:
        return None
    if any(ch in text[cue.end : pieces[0].open_mark] for ch in ".;\"“”"):
        return None
    spans = [trim(text, pieces[0].start, pieces[0].end)]
    for prev, nxt in itertools.pairwise(pieces):
        gap = text[prev.close_mark + 1 : nxt.open_mark]
        if not LIST_GAP.fullmatch(gap):
            break
        spans.append(trim(text, nxt.start, nxt.end))
    return spans


def cut_clause(ctx: Context, start: int, end: int, toks: list[Tok], nominal: bool = False) -> Offsets:
    """The reported clause from ``start``: up to the sentence end or the next attribution."""
    text = ctx.text
    stop = end
    seg_cues = ctx.cues_in(start, end)
    for cue in seg_cues:
        if ctx.in_quote(cue.start):
            continue
        if (cue.lemma == "according to" and cue.start > start) or (cue.participle and after_comma(text, cue.start)):
            stop = min(stop, cue.start)
        elif cue.classes & {REPORT, OBJECT}:
            m = AND_BEFORE.search(text, max(start, cue.start - 20), cue.start)
            if m:
                stop = min(stop, m.start())
            else:
                # "X said A, while Y warned B": a second attribution with its own subject
                at = _second_subject(text, start, cue.start)
                if at >= 0:
                    stop = min(stop, at)
    if nominal:
        # "called for diplomatic solutions and has avoided ...": the second verb is the subject's own;
        # after a clause ("she became pregnant and was dismayed") it goes on with the clause
        m = COORDINATED.search(text, start, stop)
        if m:
            stop = m.start()
        comma = text.find(",", start, stop)
        if comma > 0 and not ctx.in_quote(comma):
            stop = comma
    relay_at = relays.trailing_relay_at(text, start, stop)
    if relay_at >= 0:
        stop = relay_at
    semi = text.find(";", start, stop)
    if semi > 0 and not ctx.in_quote(semi):
        stop = semi
    a, b = trim(text, start, stop)
    while b > a and text[b - 1] in ",;:—– ":
        b -= 1
    # a clause that ends inside a quotation runs on to its closing mark:
    # 'He says Obama "knows full well ... Still, he goes after the most law-abiding of citizens."'
    piece = ctx.piece_containing(b - 1)
    if piece is not None and piece.start < b < piece.end and piece.close_mark > 0:
        b = trim(text, a, piece.end)[1]
    return a, b

