"""The source text as the drafter sees it: tokens with lemmas, sentences, paragraphs, footnotes.

Both language front ends (:mod:`.russian`, :mod:`.english`) produce the same
:class:`Analysis`, so everything after them is language-neutral. Offsets are code points
of the source ``str`` (as the card's evidence counts them).
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from razdel import sentenize

#: combining marks that dictionaries add to show stress (pycountry's Russian «Ира́н»)
_STRESS_MARKS = dict.fromkeys(map(ord, "\u0301\u0300"), None)
FOOTNOTE_MARKS = "¹²³⁴⁵⁶⁷⁸⁹⁰"


def fold(text: str) -> str:
    """A comparison key: NFC, no stress marks, lower case, ё as е, one kind of apostrophe."""
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).translate(_STRESS_MARKS))
    return text.casefold().replace("ё", "е").replace("’", "'")


def strip_stress(text: str) -> str:
    """The text without stress marks (for labels taken from dictionaries)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).translate(_STRESS_MARKS))


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    lemma: str
    pos: str = ""
    feats: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def key(self) -> str:
        return fold(self.text)


@dataclass(frozen=True)
class NameSpan:
    """A person's name found by NER or by a pattern: where, its nominative form, its parts."""

    start: int
    end: int
    normal: str
    parts: tuple[str, ...]
    method: str


@dataclass(frozen=True)
class OrgSpan:
    """A candidate organisation name (NER or pattern) and its nominative form."""

    start: int
    end: int
    normal: str
    method: str


@dataclass
class Analysis:
    text: str
    language: str
    tokens: list[Token]
    sentences: list[tuple[int, int]]
    names: list[NameSpan] = field(default_factory=list)
    organisations: list[OrgSpan] = field(default_factory=list)

    @cached_property
    def _starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @cached_property
    def _ends(self) -> list[int]:
        return [t.end for t in self.tokens]

    def ending_by(self, position: int) -> int:
        """How many tokens end at or before ``position`` (the tokens are in order and do not overlap): a
        binary search, so that a long text costs no more per name than a short one."""
        return bisect.bisect_right(self._ends, position)

    def starting_from(self, position: int) -> int:
        """The index of the first token that starts at or after ``position`` (``len(tokens)`` if none)."""
        return bisect.bisect_left(self._starts, position)

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens lying wholly inside ``[start, end)``."""
        first = bisect.bisect_left(self._starts, start)
        found = []
        for token in self.tokens[first:]:
            if token.start >= end:
                break
            if token.end <= end:
                found.append(token)
        return found

    def sentence_of(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right([s for s, _ in self.sentences], offset) - 1
        return self.sentences[max(index, 0)] if self.sentences else (0, len(self.text))

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        return paragraphs(self.text)

    def paragraph_of(self, offset: int) -> tuple[int, int]:
        for start, end in self.paragraphs:
            if start <= offset < end:
                return start, end
        return offset, offset


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Runs of text between blank lines, without their outer whitespace."""
    found = []
    for match in re.finditer(r"\S(?:.*\S)?", text):  # one line at a time: . does not cross \n
        found.append((match.start(), match.end()))
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and not re.search(r"\n\s*\n", text[merged[-1][1]:start]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def sentences(text: str) -> list[tuple[int, int]]:
    """razdel's sentences, cut again at line breaks (a heading or a dateline ends a sentence)."""
    found = []
    for sentence in sentenize(text):
        for line in re.finditer(r"[^\n]+", sentence.text):
            chunk = line.group()
            lead = len(chunk) - len(chunk.lstrip())
            body = chunk.strip()
            if body:
                begin = sentence.start + line.start() + lead
                found.append((begin, begin + len(body)))
    return found


def mask_footnote_marks(text: str) -> str:
    """The text with footnote marks as spaces (same length, so offsets hold): «государств¹» is
    then the word «государств», which the tokeniser and lemmatiser know."""
    return text.translate(dict.fromkeys(map(ord, FOOTNOTE_MARKS), " "))


def is_footnote(text: str, start: int) -> bool:
    """Whether the paragraph starting at ``start`` is a footnote (it opens with a footnote mark)."""
    return start < len(text) and text[start] in FOOTNOTE_MARKS
