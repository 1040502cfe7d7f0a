"""The rules: turn quote marks and cues into draft attributions, sentence by sentence.

Each rule names itself in ``Draft.rule`` so a user can audit why a quote was reported.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Final

from quotex import lexicon
from quotex.document import (
    BARE,
    BELIEF,
    OBJECT,
    PHRASE,
    PREDICATE,
    REPORT,
    WORD_CHARS,
    Context,
    Cue,
    Draft,
    Offsets,
    Piece,
    Segment,
    Tok,
)
from quotex.phrases import (
    DETERMINERS,
    OBJECT_PRONOUNS,
    PRONOUNS,
    clause_subject,
    is_capitalised,
    left_np,
    loose_np,
    right_np,
    skippable,
)
from quotex.scare import is_term

# bisect's functions as constants of this module: compiled, it then calls them directly instead of
# looking each up on the bisect module first
_bisect_left: Final = bisect.bisect_left
_bisect_right: Final = bisect.bisect_right


# Time and place adverbials between a cue and its clause: "said on Tuesday that", "said in a
# statement that", "told reporters at the White House that" ("a news conference": "conference",
# with the word before it).  Built from word lists, so that the words a match can open with are
# known (see ``adverbial``).
_WHEN: Final = "on last this early late earlier later".split()
_TIMES: Final = (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday yesterday today tonight week month year morning "
    "afternoon evening night January Jan February Feb March April May June July August Aug September Sept Sep "
    "October Oct November Nov December Dec recently previously earlier later again also repeatedly publicly "
    "privately separately once too"
).split()
_ON_AIR: Final = "Twitter X Facebook Instagram television TV radio air camera CNN Fox(?:\\s+News)? MSNBC".split()
_AT: Final = "in at during on via through over after".split()
_OCCASIONS: Final = (
    "statement|interview|briefing|email|e-mail|letter|tweet|post|speech|conference|call|meeting|hearing|session"
    "|address|release|video|message|report|op-ed|column|filing|memo|remarks|appearance"
)
ADVERBIAL: Final = re.compile(
    rf"\s*(?:,\s*)?(?:(?:{'|'.join(_WHEN)})\s+)?(?:{'|'.join(_TIMES)})\b(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?(?:,\s*\d{{4}})?"
    rf"|\s*(?:,\s*)?on\s+(?:{'|'.join(_ON_AIR)})\b"
    rf"|\s*(?:,\s*)?(?:{'|'.join(_AT)})\s+(?:an?|the|his|her|their|its)\s+"
    rf"(?:[{WORD_CHARS}\-’']+\s+){{0,3}}?(?:{_OCCASIONS})\b",
    re.IGNORECASE,
)
# The first word of what follows a cue: an ADVERBIAL match opens with one of ADVERBIAL_OPENERS.
_LEAD_WORD: Final = re.compile(r"\s*(?:,\s*)?([^\W\d_]*)")
ADVERBIAL_OPENERS: Final = frozenset(w.lower() for w in [*_WHEN, *_TIMES, "on", *_AT])
# "S, citing T, claimed" -> the source is T, relayed by S.
CITING: Final = re.compile(r",\s*(?:citing|quoting)\s+([^,]{2,80}?)\s*,\s*$", re.IGNORECASE)
# The agent of a passive report between commas, before the cue: ", originally reported by X, claimed"
AGENT: Final = re.compile(
    rf",\s*(?:[{WORD_CHARS}]+ly\s+)?(?:first\s+)?(?:reported|published|released|cited|quoted)\s+by\s+([^,]{{2,80}}?)\s*,\s*$"
)
# Small patterns on short slices; linear, so without timeouts (which cost more than the match).
# "... the so-called " -> "so-called".  Tried only where a word starts, and never giving back
# letters: the leftmost match starts a word, and its run of letters is always whole.
APOSTROPHE: Final = re.compile(r"[’']")  # "she’ll" -> "she"
# An appositive after a name: ", a national student loan debt expert who ..."
APPOSITIVE_AFTER: Final = re.compile(r",\s+(?:a|an|the|who|its|his|her|their)\s")
# A conjunction right before a second cue of the same subject: "..., and reaffirmed", " but said"
AND_BEFORE: Final = re.compile(rf",?\s*(?:and|but)\s+(?:(?:he|she|they|we|I)\s+)?(?:[{WORD_CHARS}]+ly\s+|also\s+)?$")
# A short aside between a cue and its "that": "said, among other things, that"
ASIDE: Final = re.compile(rf"\s*,\s*(?:[{WORD_CHARS}’'\-]+\s+){{0,5}}[{WORD_CHARS}’'\-]+\s*,\s*(?=that\b)")
# Between two quoted fragments of one list: ', an ', ' and ', ', or a '.
LIST_GAP: Final = re.compile(r"[\s,]*(?:(?:and|or|as well as)\s+)?(?:(?:a|an|the|as)\s+)?", re.IGNORECASE)
# A relay closing the sentence: ", the Baltic Times reports, citing Interfax."
TRAILING_RELAY: Final = re.compile(
    r"\s*,\s*([^,]{2,60}?)\s+(?:reports|reported|writes|wrote)(?:\s*,?\s*(?:citing|quoting)\s+([^,.;]{2,60}))?"
    r"\s*[.!?]?\s*$"
)
# An outlet named in an opening phrase: "Speaking to Radio Sahel, ...", "In an interview with CNN, ..."
INTRO_RELAY: Final = re.compile(
    rf"(?:Speaking|Talking|Writing)\s+(?:to|with|on|in)\s+([^,]{{2,60}}),|In\s+an?\s+(?:[{WORD_CHARS}]+\s+)?interview\s+"
    r"(?:with|on)\s+([^,]{2,60}),"
)
# After a relay's cue: "reports citing Russian media".
CITED_BY: Final = re.compile(r",?\s*(?:citing|quoting)\s+([^,.;]{2,60})", re.IGNORECASE)
# Words a reported clause may start with when it has no "that".
CLAUSE_START: Final = DETERMINERS | PRONOUNS | frozenset(
    "there this that these those such if whether what how why when where nobody no none everyone "
    "something nothing anyone everything".split()
)
# Auxiliaries and common irregular past forms: the sign of a finite clause.
FINITE: Final = frozenset(
    "is are was were be been has have had will would can could should may might must do does did 's 're "
    "went came made took got knew thought found saw became left began gave kept held brought felt meant "
    "led ran sat stood won lost paid sent spent built fell grew rose".split()
)
NEGATION: Final = frozenset(["not", "never", "n't", "n’t"])
NO_START: Final = frozenset("to of in on at for with about by from into as like after before up down out off".split())
PASSIVE: Final = frozenset("is was were are be been being's".split())
TELL: Final = frozenset(["tell", "inform", "assure", "remind", "brief", "advise", "warn", "promise"])
PERSON_OBJ: Final = OBJECT_PRONOUNS | frozenset(
    "reporters journalists lawmakers legislators colleagues supporters members officials the a an "
    "his her their its our allies parliament congress the press the media investors".split()
)
# A second verb phrase of the same subject ends the content: "... and has avoided ...".
COORDINATED: Final = re.compile(
    rf",?\s+(?:and|but)\s+(?:(?:has|have|had|is|was|were|are|will|would|also|then|later)\s+)+[{WORD_CHARS}]",
    re.IGNORECASE,
)


def _w(text: str, tok: Tok) -> str:
    return text[tok[0] : tok[1]]


def _after_comma(text: str, pos: int) -> bool:
    """Does a comma come right before ``pos``, closing marks aside? ('"playing dumb," arguing')"""
    return text[max(0, pos - 6) : pos].rstrip().rstrip("\"”’'").endswith(",")


def _trim(text: str, a: int, b: int) -> Offsets:
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == "."):
        b -= 1
    return a, b


# ---------------------------------------------------------------------------- direct quotes


def direct_quotes(ctx: Context, found: list[Cue]) -> tuple[list[Draft], set[int], set[int]]:
    """Attribute quoted pieces from the cue beside them.

    Returns the drafts, the cue offsets they used, and the groups left without attribution.
    """
    text = ctx.text
    drafts: list[Draft] = []
    used: set[int] = set()
    unattributed: set[int] = set()
    cue_at = {c.start: c for c in found}
    after_cues: dict[int, Draft] = {}
    for gid, group in ctx.groups.items():
        if is_term(ctx, group):
            continue
        first, last = group[0], group[-1]
        spans = [_trim(text, p.start, p.end) for p in group]
        spans = [s for s in spans if s[1] > s[0]]
        if not spans:
            continue
        draft = _attribute_after(ctx, last, cue_at, spans, first.para)
        before = _attribute_before(ctx, first, cue_at, spans, first.para)
        if before is not None and before.cue is not None and before.cue[0] in after_cues:
            # '"A," said X, "B."': one quote with two content spans
            host = after_cues[before.cue[0]]
            host.spans.extend(spans)
            continue
        if before is not None and draft is not None and draft.cue is not None and draft.source is not None:
            after_src = text[draft.source[0] : draft.source[1]]
            if lexicon.is_media(after_src) or text[draft.cue[0] : draft.cue[1]].lower() in ("reports", "reported"):
                # '"Q," Caliber.Az reports citing Russian media': relays, outermost first
                before.via.append(draft.source)
                used.add(draft.cue[0])
                sent = ctx.sentence_at(draft.cue[0])
                m = CITED_BY.match(text, draft.cue[1], sent.end)
                if m:
                    before.via.append(_trim(text, m.start(1), m.end(1)))
                draft = before
            elif before.rule.startswith("direct:colon"):
                # 'Democrats were supportive: "Q", wrote Elizabeth Warren': the named writer wins
                before = None
            else:
                draft = before
        elif before is not None:
            draft = before
        if draft is None:
            unattributed.add(gid)
            continue
        if draft.cue is not None:
            used.add(draft.cue[0])
            if before is None:
                after_cues[draft.cue[0]] = draft
        drafts.append(draft)
    return drafts, used, unattributed


def _attribute_after(ctx: Context, last: Piece, cue_at: dict[int, Cue], spans: list[Offsets],
                     para: int) -> Draft | None:
    """``"Q," he said`` / ``"Q," said Smith`` / ``"Q" — Senator X``."""
    if last.close_mark < 0:
        return None
    text = ctx.text
    sent = ctx.sentence_at(last.close_mark)
    end = sent.end
    toks = ctx.tokens(last.close_mark + 1, end)
    # a sentence that the splitter ended at the closing mark ('"... okay?" Trump said.'): the
    # next sentence attributes it when it is short and holds a cue near its start
    if not toks:
        nxt = ctx.sentence_at(end + 1) if end + 1 < len(text) else None
        if nxt is None or nxt.start <= sent.start or nxt.start - end > 3 or _para_of(ctx, nxt.start) != para:
            return None
        toks = ctx.tokens(nxt.start, nxt.end)
        ks = [i for i, t in enumerate(toks[:8]) if t[0] in cue_at]
        if not toks or not ks or len(toks) - ks[0] > 9 or any(
            _w(text, t).lower() in ("that", "\"", "“", ":") for t in toks[ks[0] :]
        ):
            return None
        sent = nxt
    i = 0
    while i < len(toks) and _w(text, toks[i]) in (",", "\"", "”", "’", "'"):
        i += 1
    if i >= len(toks):
        return None
    w = _w(text, toks[i])
    if w in ("—", "–") or (w == "-" and i + 1 < len(toks) and _w(text, toks[i + 1]) == "-"):
        j = i + 1
        while j < len(toks) and _w(text, toks[j]) in ("-", "—", "–"):
            j += 1
        src = right_np(text, toks, j, len(toks))
        if src is None or not is_capitalised(text[src[0] : src[1]]):
            return None
        return Draft(spans, "direct", toks[i], src, "direct:dash", 0.8, para)
    for k in range(i, min(len(toks), i + 30)):
        cue = cue_at.get(toks[k][0])
        if cue is not None and cue.lemma == "according to":
            return None  # '"Q," according to NBC': a relay of whatever attribution the sentence has
        if cue is None or not (cue.classes & {REPORT, BELIEF}):
            continue
        if k - i > 14 and _w(text, toks[k - 1]) != ",":
            return None  # far from the quote, only after a long appositive: '"Q," Jane Roe, ..., said
        if k == i:
            src = right_np(text, toks, k + 1, len(toks))
            if src is None:
                return None
            return Draft(spans, "direct", (cue.start, cue.end), src, "direct:quote-cue-source", 0.9, para)
        src = left_np(text, toks, k, sent.start)
        if (src is None or src[0] != toks[i][0]) and k - i >= 3 and _w(text, toks[k - 1]) == "," \
                and is_capitalised(_w(text, toks[i])) and k - i <= 30:
            # '"Q," Melanne Verveer, who served as chief of staff, told CBS News.'
            src = (toks[i][0], toks[k - 2][1])
        if src is None or src[0] != toks[i][0]:
            src = loose_np(text, toks, i, k)
        if src is None or src[0] != toks[i][0]:
            return None
        via = _addressee_relay(text, toks, k, cue)
        lead = text[ctx.sentence_at(spans[0][0]).start : spans[0][0] - 1].strip()
        if lead and not lead.endswith((",", ":")) and len(lead.split()) >= 2 and spans[0][0] > sent.start:
            # 'the plan was "a disaster," he said': the quote is a fragment of his clause
            a, _ = _trim(text, ctx.sentence_at(spans[0][0]).start, spans[0][0])
            return Draft([(a, spans[-1][1])], "mixed", (cue.start, cue.end), src, "mixed:clause-source-cue", 0.8, para)
        return Draft(spans, "direct", (cue.start, cue.end), src, "direct:quote-source-cue", 0.95, para, via=via)
    return None


def _addressee_relay(text: str, toks: list[Tok], k: int, cue: Cue) -> list[Offsets]:
    """ '"Q," fisherman Jomo Otieno told reporters': the press is a relay."""
    if cue.lemma != "tell" or k + 1 >= len(toks):
        return []
    j = k + 1
    while j < len(toks) and _w(text, toks[j]) not in (",", ".", ";", ":", "!", "?", "that", "\"", "“") and j - k <= 5:
        j += 1
    phrase = (toks[k + 1][0], toks[j - 1][1])
    return [phrase] if lexicon.is_media(text[phrase[0] : phrase[1]]) else []


def _attribute_before(ctx: Context, first: Piece, cue_at: dict[int, Cue], spans: list[Offsets],
                      para: int) -> Draft | None:
    """``He said: "Q"`` / ``stating, "Q"`` / ``According to S, "Q"`` / ``Smith: "Q"``."""
    text = ctx.text
    sent = ctx.sentence_at(first.open_mark)
    if sent.start >= first.open_mark:
        return _attribute_colon_paragraph(ctx, first, cue_at, spans, para)
    toks = ctx.tokens(sent.start, first.open_mark)
    if not toks:
        return None
    n = len(toks)
    # only the last few words can hold the cue: look no further back
    tail_words = [""] * max(0, n - 12) + [_w(text, t) for t in toks[-12:]]
    kind = "direct"
    j = n - 1
    colon = False
    if tail_words[j] in (",", ":"):
        colon = tail_words[j] == ":"
        j -= 1
    if j >= 0 and tail_words[j].lower() == "that":
        kind = "mixed"
        j -= 1
    # the cue is within a few words of the mark: "told reporters on Monday:"
    phrase_at = -1
    for k in range(j, max(-1, j - 7), -1):
        cue = cue_at.get(toks[k][0])
        if cue is None or ctx.in_quote(cue.start):
            continue
        if PHRASE in cue.classes and cue.lemma != "according to" and phrase_at < 0:
            phrase_at = k  # "said in a statement:": the verb before the phrase is the cue
            continue
        if any(w in (".", "!", "?", ";") for w in tail_words[k + 1 : j + 1]):
            return None  # the cue belongs to an earlier sentence
        if cue.lemma == "according to":
            after = next((x for x in range(k, j + 1) if toks[x][0] >= cue.end), j + 1)
            src = (toks[after][0], toks[j][1]) if after <= j else None
            return Draft(spans, kind, (cue.start, cue.end), src, "direct:according-to", 0.9, para)
        if not (cue.classes & {REPORT, BELIEF, PHRASE}):
            continue
        between = tail_words[k + 1 : j + 1]
        if between and not (colon or tail_words[-1] == "," or kind == "mixed"):
            return None
        if any(w in (".", ";", "\"", "“", "”") for w in between):
            return None
        src, via, _ = find_source(ctx, toks, k, cue, sent)
        via = via + _addressee_relay(text, toks, k, cue) + _intro_relay(ctx, sent)
        conf = 0.9 if src is not None else 0.6
        return Draft(spans, kind, (cue.start, cue.end), src, "direct:cue-quote", conf, para, via=via)
    if phrase_at >= 0:
        cue = cue_at[toks[phrase_at][0]]
        src, _, _ = find_source(ctx, toks, phrase_at, cue, sent)
        return Draft(spans, kind, (cue.start, cue.end), src, "direct:cue-quote", 0.7, para)
    if colon:
        # "Smith: "Q"" / "The statement read: "Q""
        src, _ = clause_subject(text, toks[:j + 1])
        colon_tok = toks[n - 1]
        if src is not None and src[1] == toks[j][1] and j < 6:
            return Draft(spans, kind, colon_tok, src, "direct:colon-label", 0.7, para)
        if src is not None:
            return Draft(spans, kind, colon_tok, src, "direct:colon", 0.6, para)
    return None


def _attribute_colon_paragraph(ctx: Context, first: Piece, cue_at: dict[int, Cue], spans: list[Offsets],
                               para: int) -> Draft | None:
    """A quotation that opens a paragraph after one ending in a cue and a colon."""
    text = ctx.text
    if para == 0:
        return None
    prev = ctx.paras[para - 1]
    if text[ctx.paras[para].start : first.open_mark].strip():
        return None
    if not text[prev.start : prev.end].rstrip().endswith(":"):
        return None
    sent = ctx.sentence_at(prev.end - 1)
    toks = ctx.tokens(sent.start, prev.end)
    for k in range(len(toks) - 2, max(-1, len(toks) - 9), -1):
        cue = cue_at.get(toks[k][0])
        if cue is not None and cue.classes & {REPORT, BELIEF, PHRASE}:
            src, _, _ = find_source(ctx, toks, k, cue, sent)
            return Draft(spans, "direct", (cue.start, cue.end), src, "direct:colon-paragraph", 0.8, para)
    return None


def find_source(ctx: Context, toks: list[Tok], k: int, cue: Cue, sent: Segment,
                local: list[Draft] | None = None) -> tuple[Offsets | None, list[Offsets], str]:
    """The source of the cue at ``toks[k]``, the relays it came through, and how it was found.

    Tried in turn: a ``citing`` relay ("Welt am Sonntag, citing unnamed EU diplomats, claimed");
    the main clause's subject for an -ing form after a comma; the subject just before the cue;
    the sentence's subject across a long appositive or a coordinated verb; the agent of
    "reported by"; and any plausible noun phrase that opens the sentence.
    """
    text = ctx.text
    via: list[Offsets] = []
    prev = _w(text, toks[k - 1]).lower() if k > 0 else ""
    m = CITING.search(text, max(sent.start, cue.start - 200), cue.start)
    if m:
        cited: Offsets = (m.start(1), m.end(1))
        htoks = ctx.tokens(sent.start, m.start())
        relay = left_np(text, [*htoks, (m.start(), m.start())], len(htoks), sent.start)
        if relay is not None and relay[1] <= m.start():
            via.append(relay)
        elif text[sent.start : m.start()].strip():
            via.append(_trim(text, *_last_phrase(text, sent.start, m.start())))
        return cited, via, "citing"
    if cue.participle and _after_comma(text, cue.start):
        if local:
            return local[-1].source, list(local[-1].via), "participle"
        sub, _ = clause_subject(text, toks[:k])
        return sub, via, "participle"
    src = left_np(text, toks, k, sent.start)
    if src is not None:
        if k >= 2:
            # "X, which had cited unnamed sources alleging that" -> relayed by X
            before = ctx.tokens(sent.start, src[0])
            words = [_w(text, t).lower() for t in before[-3:]]
            if words and words[-1] in ("cited", "citing", "quoted", "quoting"):
                rel = _relay_subject(ctx, before, sent)
                if rel is not None:
                    via.append(rel)
        return src, via, "source"
    agent = AGENT.search(text, max(sent.start, cue.start - 200), cue.start)
    if agent:
        # "The speculation, originally reported by German outlet Welt am Sonntag, claimed"
        return (agent.start(1), agent.end(1)), via, "agent"
    if prev in ("and", "but", ",", ")"):
        # "she praised Garland and said ...", "Donna Rawlings, 59, of Ashton, said ..."
        sub, _ = clause_subject(text, toks[:k])
        if sub is not None and (prev in ("and", "but") or sub[0] == toks[0][0] or _after_intro(text, toks, sub)):
            return sub, via, "subject"
    return loose_np(text, toks, 0, k), via, "subject"


def _after_intro(text: str, toks: list[Tok], sub: Offsets) -> bool:
    """Does ``sub`` open the main clause, right after an introductory phrase and its comma?"""
    i = next((x for x, t in enumerate(toks) if t[0] == sub[0]), -1)
    return i > 0 and _w(text, toks[i - 1]) == ","


# -------------------------------------------------------------------------- indirect speech


def indirect_quotes(ctx: Context, found: list[Cue], used: set[int], direct: list[Draft]) -> list[Draft]:
    """Reported speech: ``S said (that) C``, ``According to S, C``, ``C, S said``, and kin."""
    taken = [s for d in direct for s in d.spans]
    drafts: list[Draft] = []
    by_sent: dict[int, list[Cue]] = {}
    for cue in found:
        if cue.start in used or ctx.in_quote(cue.start):
            continue
        by_sent.setdefault(ctx.sentence_at(cue.start).index, []).append(cue)
    for s_index, sent_cues in by_sent.items():
        sent = ctx.sents[s_index]
        toks, starts = ctx.sentence_tokens(sent)
        para = _para_of(ctx, sent.start)
        local: list[Draft] = []
        covered = [s for s in taken if sent.start <= s[0] < sent.end]
        # the last cue first: a trailing attribution ("C, officials said.") owns what precedes it
        # (the cues come in text order, as find_cues returns them)
        order = sent_cues
        trailing = _trailing(ctx, toks, starts, order[-1], sent, para)
        if trailing is not None:
            local.append(trailing)
            covered.extend(trailing.spans)
            order = order[:-1]
        for cue in order:
            at = cue.start
            if any(a <= at < b for a, b in covered) or any(d.cue is not None and d.cue[0] == at for d in local):
                continue
            k = _token_at(starts, at)
            if k is None:
                continue
            if cue.lemma == "according to":
                host = _relay_host(ctx, cue, sent, local + [x for x in direct if x.cue and sent.start <= x.cue[0]])
                if host is not None:
                    # "Trump admitted to the payments, according to prosecutors": a relay
                    host.via.append(_according_source(ctx, toks, k, cue, sent))
                    continue
                d = _according_to(ctx, toks, k, cue, sent, para, covered)
            else:
                d = _verb_clause(ctx, toks, k, cue, sent, para, local)
            if d is None:
                continue
            local.append(d)
            covered.extend(d.spans)
        drafts.extend(local)
    for d in drafts:
        _set_kind(ctx, d)
    return drafts


def adverbial(text: str, pos: int, end: int) -> re.Match[str] | None:
    """``ADVERBIAL.match(text, pos, end)``, with most misses told by the first word alone."""
    lead = _LEAD_WORD.match(text, pos, end)
    if lead is None:
        return None  # (only where ``pos`` is past ``end``: no match there either)
    # an ASCII word is the same in any case only as its lower case (other letters may fold to it)
    word: str = lead.group(1)  # (typed, as in segment.tokens)
    if word.isascii() and word.lower() not in ADVERBIAL_OPENERS:
        return None
    return ADVERBIAL.match(text, pos, end)


def _past_adverbials(text: str, pos: int, end: int) -> int:
    """Where the adverbials from ``pos`` on end: "said [on Monday] [in a statement] that"."""
    m = adverbial(text, pos, end)
    while m and m.end() > pos:
        pos = m.end()
        m = adverbial(text, pos, end)
    return pos


def _may_relay(text: str, start: int, end: int) -> bool:
    """Can TRAILING_RELAY match in ``text[start:end]``?  Not without one of its verbs."""
    return text.find("report", start, end) >= 0 or text.find("wr", start, end) >= 0


def _token_at(starts: list[int], pos: int) -> int | None:
    """The index of the token that starts at ``pos``, given the tokens' start offsets."""
    i = _bisect_left(starts, pos)
    return i if i < len(starts) and starts[i] == pos else None


def _para_of(ctx: Context, pos: int) -> int:
    i = _bisect_right(ctx.para_starts, pos) - 1
    return ctx.paras[i].index if i >= 0 else 0


def _trailing(ctx: Context, toks: list[Tok], starts: list[int], cue: Cue, sent: Segment,
              para: int) -> Draft | None:
    """``C, officials said.`` / ``C, said Smith.`` / ``C, he added``."""
    text = ctx.text
    if not cue.classes & {REPORT, BELIEF} or cue.participle:
        return None
    k = _token_at(starts, cue.start)
    if k is None or k < 3:
        return None
    rest = len(toks) - k - 1
    # nothing but a short adverbial may follow: "said on Monday.", "said in a statement."
    tail = text[_past_adverbials(text, cue.end, sent.end) : sent.end]
    tail_stripped = tail.strip(" .!?\"”’")
    inverted = False
    src: Offsets | None = None
    comma_k = -1
    if not tail_stripped:
        src = left_np(text, toks, k, sent.start)
        if src is None:
            return None
        comma_k = (_token_at(starts, src[0]) or 0) - 1
    else:
        # "C, said John Smith, a spokesman."
        if k >= 1 and _w(text, toks[k - 1]) == "," and rest <= 40:
            src = right_np(text, toks, k + 1, len(toks))
            tail_text = text[src[1] : sent.end] if src is not None else ""
            if src is not None and APPOSITIVE_AFTER.match(tail_text):
                # "C, said Mark Kantrowitz, a national student loan debt expert who has ..."
                src = _trim(text, src[0], sent.end)
                while src[1] > src[0] and text[src[1] - 1] in ".!?\"”’":
                    src = (src[0], src[1] - 1)
            elif src is None or rest > 16 or tail_text.strip(" .!?\"”’"):
                return None
            inverted = True
            comma_k = k - 1
        else:
            return None
    if comma_k < 1 or _w(text, toks[comma_k]) != ",":
        return None
    a, b = _trim(text, sent.start, toks[comma_k][0])
    if b - a < 8:
        return None
    rule = "indirect:content-cue-source" if inverted else "indirect:content-source-cue"
    return Draft([(a, b)], "indirect", (cue.start, cue.end), src, rule, 0.8, para)


def _intro_relay(ctx: Context, sent: Segment) -> list[Offsets]:
    """ "Speaking to Radio Sahel, ...", "In an interview with CNN, ...": the outlet is a relay."""
    m = INTRO_RELAY.match(ctx.text, sent.start, sent.end)
    group = 0 if m is None else (1 if m.group(1) else 2)
    if m and lexicon.is_media(m.group(group)):
        return [m.span(group)]
    return []


def _relay_host(ctx: Context, cue: Cue, sent: Segment, drafts: list[Draft]) -> Draft | None:
    """The attribution that a trailing "according to X" relays, if one ends right before it."""
    text = ctx.text
    before = text[sent.start : cue.start].rstrip()
    if not before.endswith(","):
        return None
    for d in reversed(drafts):
        if d.cue is None or not (sent.start <= d.cue[0] < cue.start):
            continue
        gap = text[max(d.cue[1], d.spans[-1][1]) : cue.start]
        if len(gap.split()) <= 8 and "." not in gap.strip(" ,\"”’'"):
            return d
    return None


def _according_source(ctx: Context, toks: list[Tok], k: int, cue: Cue, sent: Segment) -> Offsets:
    text = ctx.text
    j = k
    while j < len(toks) and toks[j][0] < cue.end:
        j += 1
    start = j
    while j < len(toks) and _w(text, toks[j]) not in (",", ";", ".", "!", "?", "\"", "“", "”", "(", ":"):
        j += 1
    return (toks[start][0], toks[j - 1][1]) if j > start else (cue.end, cue.end)


def _according_to(ctx: Context, toks: list[Tok], k: int, cue: Cue, sent: Segment, para: int,
                  covered: list[Offsets]) -> Draft | None:
    text = ctx.text
    n = len(toks)
    k0 = k
    while k + 1 < n and toks[k + 1][0] < cue.end:
        k += 1
    j = k + 1
    while j < n and _w(text, toks[j]) not in (",", ";", ".", "!", "?", "\"", "“", "”", "(", ":"):
        j += 1
    if j == k + 1:
        return None
    src: Offsets = (toks[k + 1][0], toks[j - 1][1])
    cue_span = (cue.start, cue.end)
    k = k0
    starts_clause = all(_w(text, t).lower() in ("but", "and", "yet", "so", "however", ",") for t in toks[:k])
    after = (toks[j + 1][0] if j + 1 < n else sent.end) if j < n and _w(text, toks[j]) == "," else -1
    spans: list[Offsets] = []
    if starts_clause and after >= 0:
        # "According to S, C"
        spans.append(_cut(ctx, after, sent.end, toks))
    else:
        # "C, according to S[, C2]"
        begin = sent.start
        for a, b in covered:
            if sent.start <= a < cue.start:
                begin = max(begin, b)
        left_end = toks[k - 1][0] if k > 0 and _w(text, toks[k - 1]) == "," else cue.start
        spans.append(_trim(text, begin, left_end))
        if after >= 0 and after < sent.end:
            rest = _cut(ctx, after, sent.end, toks)
            first_word = text[rest[0] : rest[1]].split(" ", 1)[0].lower()
            # "..., according to Bill McInturff, a Republican pollster who ...": an appositive
            if rest[1] - rest[0] > 10 and first_word not in ("a", "an", "the", "who", "which"):
                spans.append(rest)
    least = 3 if len(spans) > 1 else 8
    spans = [s for s in spans if s[1] - s[0] >= least and text[s[0] : s[1]].strip(" ,.;:\"“”‘’")]
    if not spans:
        return None
    nested = _nested(ctx, spans[0], sent, para) if _is_relay(text[src[0] : src[1]]) else None
    if len(spans) == 1 and nested is not None:
        # "According to the report, officials believe that C": the report relays them
        nested.via.insert(0, src)
        nested.rule = "indirect:according-to-relay"
        return nested
    return Draft(spans, "indirect", cue_span, src, "indirect:according-to", 0.85, para)


def _nested(ctx: Context, span: Offsets, sent: Segment, para: int) -> Draft | None:
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
        d = _verb_clause(ctx, toks, k, cue, sent, para, [])
        if d is not None and d.source == src:
            return d
        return None
    return None


def _verb_clause(ctx: Context, toks: list[Tok], k: int, cue: Cue, sent: Segment, para: int,
                 local: list[Draft]) -> Draft | None:
    """``S said (that) C``, ``S told T that C``, ``S denied X``, ``..., arguing that C``."""
    text = ctx.text
    n = len(toks)
    prev = _w(text, toks[k - 1]).lower() if k > 0 else ""
    if prev == "to" or (prev in PASSIVE and cue.form.endswith(("ed", "said", "told", "thought", "known"))):
        return None  # "declined to say", "is expected to", "was told to"
    if prev in DETERMINERS or prev.endswith(("’s", "'s")):
        return None  # "the call", "a report", "Trump's claim": nouns, not verbs
    back = k - 1
    while back >= 0 and skippable(_w(text, toks[back])):
        if _w(text, toks[back]).lower() in NEGATION or _w(text, toks[back]).lower().endswith(("n't", "n’t")):
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
    after = _past_adverbials(text, cue.end, sent.end)
    aside = ASIDE.match(text, after, sent.end)
    if aside:
        after = aside.end()
    while j < n and toks[j][0] < after:
        j += 1
    has_that = False
    # "told reporters (on Monday) that", "warned allies that"
    if tell:
        for look in range(j, min(n, j + 10)):
            w = _w(text, toks[look]).lower()
            if w == "that":
                if look > j and lexicon.is_media(text[toks[j][0] : toks[look - 1][1]]):
                    via.append((toks[j][0], toks[look - 1][1]))
                j = look
                break
            if w in (",", ";", ".", ":", "\"", "“") or (look > j and w in ("to",)):
                break
        else:
            look = j
        if j < n and _w(text, toks[j]).lower() != "that":
            # "told him the deal was off": skip a short addressee
            if j < n and _w(text, toks[j]).lower() in PERSON_OBJ | OBJECT_PRONOUNS:
                j2 = j + 1
                while j2 < min(n, j + 4) and (is_capitalised(_w(text, toks[j2])) or
                                              _w(text, toks[j2]).lower() in PERSON_OBJ):
                    j2 += 1
                j = j2
            elif j < n and is_capitalised(_w(text, toks[j])):
                j2 = j + 1
                while j2 < min(n, j + 4) and is_capitalised(_w(text, toks[j2])):
                    j2 += 1
                j = j2
            else:
                return None
            if j < n and _w(text, toks[j]).lower() == "to":
                return None  # "told them to leave": a directive
        addressee = (toks[k + 1][0], toks[j - 1][1]) if j - 1 > k else None
        if addressee is not None and not via and lexicon.is_media(text[addressee[0] : addressee[1]]):
            via.append(addressee)
    if j >= n:
        return None
    w = _w(text, toks[j])
    low = w.lower()
    kind_hint = ""
    nominal = False
    if w == ",":
        found = found or find_source(ctx, toks, k, cue, sent, local)
        src, via, _ = found
        if src is None:
            return None
        s_index = next((i for i, t in enumerate(toks) if t[0] == src[0]), 0)
        if s_index >= 2 and _w(text, toks[s_index - 1]) == "," and j + 1 < n:
            # "C1, she said, C2": the attribution interrupts its content
            begin = sent.start
            for d in local:
                if d.spans[-1][1] <= src[0]:
                    begin = max(begin, d.spans[-1][1] + 1)
            first_part = _trim(text, begin, toks[s_index - 1][0])
            second = _cut(ctx, toks[j + 1][0], sent.end, toks)
            spans = [x for x in (first_part, second) if x[1] - x[0] >= 3]
            if first_part[1] - first_part[0] >= 3 and not _participle_start(text, second):
                return Draft(spans, "indirect", (cue.start, cue.end), src, "indirect:interrupted", 0.8, para,
                             via=via)
    if low == "that":
        has_that = True
        j += 1
    elif w == ":":
        j += 1
    elif w in ("\"", "“", "‘", "'", "«"):
        kind_hint = "quoted"
    elif cue.classes & {PREDICATE} and (pred := _predicate(ctx, cue, sent)) is not None:
        # 'called the plan "a disaster"' (with no quoted predicate, the cue may still report)
        found = found or find_source(ctx, toks, k, cue, sent, local)
        src = found[0]
        return Draft(pred, "mixed", (cue.start, cue.end), src, "mixed:predicate", 0.75, para) if src else None
    elif cue.classes & {REPORT, BELIEF} and (low not in NO_START or _quantity(text, toks, j)) and w[:1].isalnum() \
            and _clause_follows(text, toks, j):
        pass  # "Police alleged the accused performed two attacks": a clause without "that"
    elif cue.classes & {OBJECT} and not cue.classes & {BARE}:
        if low in NO_START - {"to"} and cue.lemma in ("warn", "call for"):
            j += 1
        elif low in NO_START or w in ",.;":
            return None
        nominal = True
    elif cue.classes & {BARE}:
        low = APOSTROPHE.split(low, maxsplit=1)[0]
        if (low in NO_START and not _quantity(text, toks, j)) or w in ",.;!?)" or not (
                low in CLAUSE_START or is_capitalised(w) or w[:1].isdigit() or _quantity(text, toks, j)):
            return None
        if low in OBJECT_PRONOUNS - {"it", "you", "her"}:
            return None
    else:
        return None
    if j >= n:
        return None
    span = _cut(ctx, toks[j][0], sent.end, toks, nominal=nominal)
    if span[1] - span[0] < 3 or (len(text[span[0] : span[1]].split()) < 2 and kind_hint != "quoted"):
        return None
    found = found or find_source(ctx, toks, k, cue, sent, local)
    src, via, how = found
    if src is None:
        return None
    rule = "indirect:object" if nominal else f"indirect:{how}-cue-clause"
    m_relay = TRAILING_RELAY.match(text, span[1], sent.end) if _may_relay(text, span[1], sent.end) else None
    if m_relay and lexicon.is_media(m_relay.group(1)):
        # "..., the Baltic Times reports, citing Interfax."
        via.extend(_trim(text, g[0], g[1]) for g in (m_relay.span(1), m_relay.span(2)) if g[0] >= 0)
    via.extend(_intro_relay(ctx, sent))
    conf = 0.85 if has_that else 0.7
    if BELIEF in cue.classes and REPORT not in cue.classes:
        conf -= 0.15
        rule = rule.replace("indirect:", "indirect:belief-")
    if rule == "indirect:object":
        conf = 0.5
    d = Draft([span], "indirect", (cue.start, cue.end), src, rule, conf, para, via=via)
    return d


def _is_relay(phrase: str) -> bool:
    """A document or outlet, which passes on what others said."""
    words = phrase.lower().split()
    return lexicon.is_media(phrase) or (bool(words) and (
        words[-1] in lexicon.words("document_nouns") or words[-1] in lexicon.words("media_nouns")
    ))


def _participle_start(text: str, span: Offsets) -> bool:
    """ "wiping sweat off his face": a clause on the speaker's manner, not what was said."""
    first = text[span[0] : span[1]].split(" ", 1)[0].lower()
    return first.endswith("ing") and len(first) > 4


def _quantity(text: str, toks: list[Tok], j: int) -> bool:
    """ "at least 12 homes", "about 300 people", "more than half": a subject, not a preposition."""
    words = [_w(text, t).lower() for t in toks[j : j + 3]]
    return bool(words) and (words[:2] in (["at", "least"], ["more", "than"], ["up", "to"], ["fewer", "than"],
                                         ["less", "than"]) or (words[0] in ("about", "around", "over", "nearly",
                                                                           "almost", "some") and len(words) > 1
                            and words[1][:1].isdigit()))


def _clause_follows(text: str, toks: list[Tok], j: int, reach: int = 7) -> bool:
    """Does a finite verb follow ``toks[j]`` within a few words, before any comma?"""
    for x in range(j + 1, min(len(toks), j + reach)):
        w = _w(text, toks[x]).lower()
        if w in (",", ".", ";", ":", "(", "\"", "“", "”"):
            return False
        if w in FINITE or w.endswith(("n't", "n’t")):
            return True
    return False


def _last_phrase(text: str, start: int, end: int) -> Offsets:
    seg = text[start:end]
    cut = max(seg.rfind(","), -1)
    return start + cut + 1, end


def _relay_subject(ctx: Context, before: list[Tok], sent: Segment) -> Offsets | None:
    """The outlet that cited a source: "a report by German media, which had cited ..."."""
    text = ctx.text
    words = [_w(text, t).lower() for t in before]
    for i in range(len(words) - 1, -1, -1):
        if words[i] in ("which", "who") and i >= 2 and words[i - 1] == ",":
            return left_np(text, before, i - 1, sent.start)
        if words[i] == ",":
            sub, _ = clause_subject(text, before[:i])
            return sub
    sub, _ = clause_subject(text, before)
    return sub


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
    spans = [_trim(text, pieces[0].start, pieces[0].end)]
    for prev, nxt in itertools.pairwise(pieces):
        gap = text[prev.close_mark + 1 : nxt.open_mark]
        if not LIST_GAP.fullmatch(gap):
            break
        spans.append(_trim(text, nxt.start, nxt.end))
    return spans


def _cut(ctx: Context, start: int, end: int, toks: list[Tok], nominal: bool = False) -> Offsets:
    """The reported clause from ``start``: up to the sentence end or the next attribution."""
    text = ctx.text
    stop = end
    seg_cues = ctx.cues_in(start, end)
    for cue in seg_cues:
        if ctx.in_quote(cue.start):
            continue
        if (cue.lemma == "according to" and cue.start > start) or (cue.participle and _after_comma(text, cue.start)):
            stop = min(stop, cue.start)
        elif cue.classes & {REPORT, OBJECT}:
            m = AND_BEFORE.search(text, max(start, cue.start - 20), cue.start)
            if m:
                stop = min(stop, m.start())
    if nominal:
        # "called for diplomatic solutions and has avoided ...": the second verb is the subject's own;
        # after a clause ("she became pregnant and was dismayed") it goes on with the clause
        m = COORDINATED.search(text, start, stop)
        if m:
            stop = m.start()
        comma = text.find(",", start, stop)
        if comma > 0 and not ctx.in_quote(comma):
            stop = comma
    tr = TRAILING_RELAY.search(text, start, stop) if _may_relay(text, start, stop) else None
    if tr and lexicon.is_media(tr.group(1)):
        stop = tr.start()
    semi = text.find(";", start, stop)
    if semi > 0 and not ctx.in_quote(semi):
        stop = semi
    a, b = _trim(text, start, stop)
    while b > a and text[b - 1] in ",;:—– ":
        b -= 1
    # a clause that ends inside a quotation runs on to its closing mark:
    # 'He says Obama "knows full well ... Still, he goes after the most law-abiding of citizens."'
    piece = ctx.piece_containing(b - 1)
    if piece is not None and piece.start < b < piece.end and piece.close_mark > 0:
        b = _trim(text, a, piece.end)[1]
    return a, b


def _set_kind(ctx: Context, d: Draft) -> None:
    """``mixed`` when the content carries somebody's verbatim words."""
    for a, b in d.spans:
        i = _bisect_left(ctx.quoted_starts, a)
        while i < len(ctx.quoted) and ctx.quoted[i][0] < b:
            p = ctx.piece_at[ctx.quoted[i]]
            if p.end <= b + 1 and not is_term(ctx, ctx.groups[p.group]):
                d.kind = "mixed"
                return
            i += 1
