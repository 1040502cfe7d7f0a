"""Word lists kept as data files in ``quotex/data``: loaded once per process."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

# The files read so far, and their word sets.  Plain dictionaries rather than functools.cache:
# the engine's modules build their constants from these functions when they are imported, and a
# plain function's type is known to the compiler wherever it is used (and is a direct call once
# compiled).
_LOADED: dict[str, tuple[str, ...]] = {}
_WORDS: dict[str, frozenset[str]] = {}


def load(name: str) -> tuple[str, ...]:
    """The entries of ``data/<name>.txt``: one a line, ``#`` starts a comment, blanks skipped."""
    found = _LOADED.get(name)
    if found is None:
        raw = resources.files("quotex").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
        out = []
        for line in raw.splitlines():
            entry = line.split("#", 1)[0].strip()
            if entry:
                out.append(entry)
        found = _LOADED[name] = tuple(out)
    return found


def words(name: str) -> frozenset[str]:
    """The entries of ``data/<name>.txt`` as a lower-cased set."""
    found = _WORDS.get(name)
    if found is None:
        found = _WORDS[name] = frozenset(e.lower() for e in load(name))
    return found


def inflect(lemma: str) -> set[str]:
    """The regular forms of an English verb (``warn`` -> warns, warned, warning)."""
    forms = {lemma}
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.add(lemma + "d")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.add(lemma[:-1] + "ied")
    else:
        forms.add(lemma + "ed")
    if lemma.endswith("ie"):
        forms.add(lemma[:-2] + "ying")
    elif lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        forms.add(lemma[:-1] + "ing")
    else:
        forms.add(lemma + "ing")
    return forms


@functools.cache
def verb_forms(name: str) -> dict[str, str]:
    """Every inflected form of the verbs in ``data/<name>.txt``, mapped to its lemma.

    A line is ``lemma`` or ``lemma form form ...``: the extra forms cover irregular verbs and
    doubled consonants (``admit admitted admitting``). The first word may carry a particle
    joined by ``_`` (``point_out``): the forms are then the verb's forms plus the particle.
    An extra form written with a leading ``-`` is left out (``remark -remarks``: the plural
    noun "remarks" is far more common than the verb form).
    """
    out: dict[str, str] = {}
    for entry in load(name):
        lemma, *extra = entry.lower().split()
        verb, _, particle = lemma.partition("_")
        added = {x for x in extra if not x.startswith("-")}
        dropped = {x[1:] for x in extra if x.startswith("-")}
        forms = (inflect(verb) | added) - dropped
        for form in forms:
            out[f"{form} {particle}" if particle else form] = lemma.replace("_", " ")
    return out


@functools.cache
def _outlet_heads() -> frozenset[str]:
    return frozenset(load("outlet_heads"))


def is_outlet(phrase: str) -> bool:
    """Is ``phrase`` a news outlet: a known one, or a capitalised name with an outlet word
    ("Tehran Times", "Radio Sahel")?"""
    parts = phrase.split()
    if parts and parts[0].lower() in ("the", "a"):
        parts = parts[1:]
    if not parts:
        return False
    if " ".join(parts).lower() in words("media_outlets"):
        return True
    joiners = ("of", "the", "and", "am", "de", "la", "le")
    return all(w[:1].isupper() for w in parts if w.lower() not in joiners) and any(
        w in _outlet_heads() for w in parts
    )


def is_media(phrase: str) -> bool:
    """An outlet or the press as a source: "The Telegraph", "reporters", "state media".

    The one media decision of the engine: a known or evidently named outlet (``is_outlet``), or a
    phrase whose head is a press word (``data/press_heads.txt``).
    """
    low = phrase.lower().strip()
    bare = low[4:] if low.startswith("the ") else low
    head = bare.split()[-1:]
    return is_outlet(phrase.strip()) or (bool(head) and head[0] in words("press_heads"))


def trie_pattern(words: Iterable[str]) -> str:
    """One regex alternation for ``words``, factored by common prefixes (``sa(?:id|ys)``).

    A flat alternation of hundreds of words makes the engine try every word at every position;
    a prefix tree lets it drop out after a character or two.
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


def word_table(name: str) -> dict[str, tuple[str, ...]]:
    """The lines of ``data/<name>.txt`` as a table, lower-cased: the first word of a line maps to
    the words after it (``warn of about`` -> ``{"warn": ("of", "about")}``)."""
    out: dict[str, tuple[str, ...]] = {}
    for entry in load(name):
        key, *rest = entry.lower().split()
        out[key] = tuple(rest)
    return out


def determiners() -> frozenset[str]:
    """Words that open a noun phrase: ``data/determiners.txt`` and the number words."""
    return words("determiners") | words("number_words")
