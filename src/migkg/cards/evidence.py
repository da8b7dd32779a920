"""Resolve every quote a card cites to character offsets in the release's source text.

Offsets count Unicode code points, as Python indexes a ``str`` and as NIF and RFC 5147
count them: ``text[begin:end] == quote``. A quote must occur exactly once, unless the
card says which occurrence (``occurrence: 2``) or what it follows (``after: "..."``).
"""
from __future__ import annotations

import functools
import re
import typing
import unicodedata
from collections.abc import Iterator

from pydantic import BaseModel

from migkg.cards.models import Quote, Span, _EvidenceModel
from migkg.cards.release import LoadedRelease
from migkg.cards.yamlfile import field_path, line_of
from migkg.errors import InputError, InputErrors, Location

Path_ = tuple[int | str, ...]


def occurrences(text: str, words: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of ``words`` in ``text``."""
    starts, start = [], text.find(words)
    while start != -1:
        starts.append(start)
        start = text.find(words, start + 1)
    return starts


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _normalise(value: str) -> str:
    value = re.sub(r"[«»„“”\"]", '"', value)
    value = re.sub(r"[‐-―−-]", "-", value)
    return re.sub(r"\s+", " ", value).casefold()


#: Characters that show as nothing: zero-width spaces and joiners, direction marks and embeddings, the
#: soft hyphen, the word joiner, the byte-order mark.
_INVISIBLE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _invisible_difference(text: str, words: str) -> str | None:
    """A hint when the quote differs from the text only in what the eye cannot see: invisible characters
    (in the quote or in the text) or another Unicode normal form of the same letters."""
    in_quote = sorted({f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed')}" for c in _INVISIBLE.findall(words)})
    if in_quote and _INVISIBLE.sub("", words) in text:
        return (f"the quote holds invisible characters the text does not have there ({', '.join(in_quote)}): "
                f"delete them from the quote.")
    bare_text = _INVISIBLE.sub("", text)
    found = bare_text.find(_INVISIBLE.sub("", words))
    if found != -1:
        begin = [offset for offset, char in enumerate(text) if not _INVISIBLE.match(char)][found]
        present = sorted({f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed')}" for c in _INVISIBLE.findall(text)})
        return (f"the text holds invisible characters inside these words ({', '.join(present)}), near line "
                f"{_line(text, begin)}: quote them too, in a double-quoted YAML string as \\uXXXX escapes.")
    for form in ("NFC", "NFD"):
        if unicodedata.normalize(form, words) in unicodedata.normalize(form, text):
            return ("the quote writes some letters in another Unicode form than the text (a letter with an accent "
                    "as one character in one, as a letter plus a combining mark in the other): copy the words "
                    "from source.txt by copy and paste, not by retyping them.")
    return None


def _near_miss(text: str, words: str) -> str:
    """A hint for a quote that is not in the text: is it there with invisible characters, in another Unicode
    form, or with other spacing, case or quotes?"""
    invisible = _invisible_difference(text, words)
    if invisible:
        return invisible
    target = _normalise(words)
    flat: list[str] = []
    index: list[int] = []  # the normalised text, and where each of its characters came from
    for offset, char in enumerate(text):
        norm = _normalise(char) or " "
        if norm == " " and flat and flat[-1] == " ":
            continue
        flat.append(norm)
        index.append(offset)
    found = "".join(flat).find(target)
    if found != -1:
        begin = index[found]
        return (f"the text has it with other spacing, case or quotation marks at line {_line(text, begin)}: "
                f"copy the words exactly from source.txt.")
    return "copy the words exactly from source.txt (the source is never edited; quote it as it is)."


class Unresolved(Exception):
    """A quote that names no single span: ``problem`` says why, ``fix`` what to do."""

    def __init__(self, problem: str, fix: str):
        super().__init__(problem)
        self.problem, self.fix = problem, fix


def resolve_quote(text: str, quote: Quote) -> Span:
    """The span a quote names; :class:`Unresolved` if it names none or several."""
    starts = occurrences(text, quote.quote)
    if not starts:
        raise Unresolved(f"the quote '{_short(quote.quote)}' is not in the source text.",
                         _near_miss(text, quote.quote))
    if quote.after is not None:
        anchors = occurrences(text, quote.after)
        if not anchors:
            raise Unresolved(f"the words in after ('{_short(quote.after)}') are not in the source text.",
                             "copy them exactly from source.txt.")
        later = [s for s in starts if s >= anchors[0] + len(quote.after)]
        if not later:
            raise Unresolved(f"the quote '{_short(quote.quote)}' does not occur after '{_short(quote.after)}'.",
                             "choose words in after that come before the quote in the text.")
        start = later[0]
    elif quote.occurrence is not None:
        if quote.occurrence > len(starts):
            raise Unresolved(f"occurrence {quote.occurrence} asked for, but the quote occurs "
                             f"{len(starts)} time(s).", f"use an occurrence from 1 to {len(starts)}.")
        start = starts[quote.occurrence - 1]
    elif len(starts) > 1:
        line_numbers = sorted({_line(text, s) for s in starts})
        lines = ", ".join(str(n) for n in line_numbers[:10]) + (", …" if len(line_numbers) > 10 else "")
        raise Unresolved(f"the quote '{_short(quote.quote)}' occurs {len(starts)} times in the source "
                         f"(lines {lines}).", f"say which: add occurrence: N (1 to {len(starts)}) or "
                         "after: \"<words just before it>\".")
    else:
        start = starts[0]
    return Span(start, start + len(quote.quote), quote.quote)


def _evidence_fields(node: object, path: Path_) -> Iterator[tuple[Path_, _EvidenceModel]]:
    if isinstance(node, _EvidenceModel):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in model_fields_with_models(type(node)):
            yield from _evidence_fields(getattr(node, name), path + (name,))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _evidence_fields(item, path + (index,))


@functools.cache
def model_fields_with_models(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that can hold models (where evidence can be): the others need no visit."""
    def holds_models(annotation: object) -> bool:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return True
        return any(holds_models(arg) for arg in typing.get_args(annotation))
    return tuple(name for name, info in model.model_fields.items() if holds_models(info.annotation))


def _quote_path(path: Path_, evidence: _EvidenceModel, loaded: LoadedRelease, index: int) -> Path_:
    """The YAML path of one quote: evidence may be a string, a mapping or a list in the card."""
    node = loaded.tree
    for key in path:
        node = node[key]
    return path + (index,) if isinstance(node, list) else path


def resolve_card(loaded: LoadedRelease) -> None:
    """Fill in the spans of every evidence in the card; report every quote that does not resolve."""
    errors: list[InputError] = []
    for path, evidence in _evidence_fields(loaded.card, ()):
        spans = []
        for index, quote in enumerate(evidence.quotes):
            try:
                spans.append(resolve_quote(loaded.text, quote))
            except Unresolved as err:
                quote_path = _quote_path(path, evidence, loaded, index)
                where = Location(loaded.card_path, line_of(loaded.located_tree, quote_path), field_path(quote_path))
                errors.append(InputError(where, f"{err.problem.rstrip('.')} ({loaded.source_path}).", err.fix))
        evidence._spans = tuple(spans)
    if errors:
        raise errors[0] if len(errors) == 1 else InputErrors(errors)


def _short(words: str, limit: int = 60) -> str:
    return words if len(words) <= limit else words[: limit - 1] + "…"
