"""The parse data: a Stanza sentence as ``Word`` records whose offsets point into the original text.

A ``Tree`` holds one parsed sentence, its words in order with their children and, when the models
have NER, its entities; the helpers here walk it.  The rules never look at a word's text as the
parser returned it (it may be ``<UNK>``): ``Word.text`` is the caller's text at the word's offsets.
The rules read off trees live in ``tree_verbs`` (the entry point), ``tree_cues``, ``tree_content``,
``tree_source`` and ``tree_according``.

``Tree.from_stanza`` reads a Stanza sentence, duck-typed: nothing here imports Stanza.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs

from quotex.document import Offsets

# Under an adjective inside a noun phrase: "people familiar with the matter".
ADJ_RELATIONS: Final = frozenset(["obl", "case", "det", "compound", "amod"])
# Punctuation trimmed off the edges of a span.
PUNCT_EDGE: Final = ",;:—–-"


@attrs.frozen
class Word:
    """One syntactic word; ``start``/``end`` are offsets into the original text."""

    index: int  # 1-based position in its sentence
    head: int  # 0 for the root
    deprel: str
    lemma: str
    upos: str
    start: int
    end: int
    text: str  # the original text at [start, end), never the parser's copy

    @property
    def low(self) -> str:
        return self.text.lower()


class Tree:
    """A parsed sentence: words in order, with their children; entities when the models have NER."""

    def __init__(self, words: Sequence[Word], ents: Iterable[tuple[int, int, str]] = ()) -> None:
        self.words = list(words)
        self.ents = list(ents)
        self.children: dict[int, list[int]] = {}
        for w in self.words:
            self.children.setdefault(w.head, []).append(w.index)

    @classmethod
    def from_stanza(cls, sentence: Any, text: str, offset: int = 0) -> Tree:
        """Read a Stanza ``Sentence`` whose character offsets are relative to ``offset`` in ``text``."""
        words = []
        for w in sentence.words:
            start, end = w.start_char, w.end_char
            if start is None or end is None:
                # a word inside a multi-word token without its own offsets: use the token's
                start, end = w.parent.start_char, w.parent.end_char
            start, end = start + offset, end + offset
            words.append(Word(
                index=int(w.id),
                head=int(w.head or 0),
                deprel=w.deprel or "dep",
                lemma=(w.lemma or "").lower(),
                upos=w.upos or "X",
                start=start,
                end=end,
                text=text[start:end],
            ))
        ents = [(e.start_char + offset, e.end_char + offset, e.type) for e in getattr(sentence, "ents", None) or ()]
        return cls(words, ents)

    def word(self, index: int) -> Word:
        return self.words[index - 1]

    def kids(self, index: int, *relations: str) -> list[Word]:
        """Children of a word, optionally only those with one of ``relations`` (subtypes included)."""
        out = [self.word(i) for i in self.children.get(index, ())]
        if relations:
            out = [w for w in out if w.deprel in relations or w.deprel.split(":")[0] in relations]
        return out

    def kid(self, index: int, *relations: str) -> Word | None:
        found = self.kids(index, *relations)
        return found[0] if found else None

    def subtree(self, index: int, keep: frozenset[str] | None = None, skip: Iterable[int] = ()) -> set[int]:
        """Indices of a word and its descendants; with ``keep``, only through those relations."""
        banned = set(skip)
        out: set[int] = set()
        stack = [index]
        while stack:
            i = stack.pop()
            if i in banned or i in out:
                continue
            out.add(i)
            for c in self.children.get(i, ()):
                w = self.word(c)
                if keep is None or w.deprel in keep or (
                    self.word(i).upos == "ADJ" and w.deprel.split(":")[0] in ADJ_RELATIONS
                ):
                    stack.append(c)
        return out

    def run(self, indices: set[int], around: int) -> tuple[int, int]:
        """The contiguous stretch of ``indices`` that holds ``around``, as first and last index."""
        a = b = around
        while a - 1 in indices:
            a -= 1
        while b + 1 in indices:
            b += 1
        return a, b

    def span(self, a: int, b: int) -> Offsets:
        """Character offsets of words ``a..b`` with punctuation and ``that`` trimmed off the edges."""
        while a < b and (self.word(a).upos == "PUNCT" or self.word(a).text in PUNCT_EDGE):
            a += 1
        while b > a and ((self.word(b).upos == "PUNCT" and self.word(b).text not in "\"”’'?!")
                         or self.word(b).text in PUNCT_EDGE or self.word(b).deprel == "cc"):
            b -= 1
        return self.word(a).start, self.word(b).end


def case_of(tree: Tree, w: Word) -> str:
    """The preposition (or subordinator) that introduces ``w``, lower case; "" if none."""
    for k in tree.kids(w.index, "case", "mark"):
        if k.index < w.index:
            return k.low
    return ""


def nominal(w: Word) -> bool:
    """A noun phrase head (a ``ccomp`` that is really a misread object or subject)."""
    return w.upos in ("NOUN", "PROPN", "PRON", "NUM", "DET")
