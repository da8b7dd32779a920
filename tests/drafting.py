"""What the drafter's rule tests share (tests/test_draft_round*.py): a snippet drafted as ``migkg draft`` drafts a text
whose date of issue is known, and the words a fact's evidence spans cover."""
from __future__ import annotations

import datetime as dt

from migkg.draft.drafter import draft_text
from migkg.draft.header import Supplied


def draft(text: str, language: str, context, issued: str):
    """The card drafted from ``text`` (``context``: the session's registry and vocabulary), issued on ``issued``."""
    registry, vocabulary = context
    return draft_text(text, "2026-03-02-test", language, registry, vocabulary,
                      supplied=Supplied(issued=dt.date.fromisoformat(issued)))


def card_text(text: str, spans) -> str:
    """The words of ``text`` that ``spans`` (begin, end) cover, joined by spaces."""
    return " ".join(text[s:e] for s, e in spans)
