"""Draft a card from a raw release: the first pass a person then reviews (``migkg draft``).

:func:`draft_release` runs the whole thing on a source text and returns the files of the
draft; :mod:`.evaluate` compares a draft with a reviewed card. See docs/drafting.md.
"""
from __future__ import annotations

from pathlib import Path

from migkg.cards.registry import load_registry
from migkg.draft.card_writer import DRAFT_NAME, META_NAME, PROPOSALS_NAME, DraftFiles, load_draft, render, self_check, write_draft
from migkg.draft.drafter import draft_text, guess_language
from migkg.draft.header import Supplied
from migkg.schema.resources import ontology_dir
from migkg.schema.vocabulary import Vocabulary, load_vocabulary


def draft_release(text: str, source: bytes, release_id: str, language: str, registry_dir: Path,
                  vocabulary: Vocabulary | None = None, source_path: Path = Path("source.txt"),
                  supplied: Supplied | None = None) -> DraftFiles:
    """The files of a draft for ``text``, checked to load once reviewed (nothing is written).

    ``vocabulary`` is the ontology's (``migkg.schema``) unless another is given. On the seed's text::

        >>> from pathlib import Path
        >>> source = Path("data/releases/2013-06-05-unhcr-iom-almaty-ministerial/source.txt")
        >>> text = source.read_text(encoding="utf-8")
        >>> guess_language(text)
        'ru'
        >>> files = draft_release(text, source.read_bytes(), "2013-06-05-unhcr-iom-almaty-ministerial", "ru",
        ...                       Path("data/registry"))
        >>> files.meta.splitlines()[0]
        'release: 2013-06-05-unhcr-iom-almaty-ministerial'
        >>> "person: zhanna-dossova" in files.card    # a press contact, found in the registry
        True

    ``supplied`` is what the curator knows from where the text was taken (``--issued``, ``--publisher``,
    ``--url``); it fills only what the text does not state. :func:`write_draft` writes the files into the release's folder (what ``migkg draft`` does).
    """
    if vocabulary is None:
        vocabulary = load_vocabulary(ontology_dir())
    registry = load_registry(registry_dir)
    card = draft_text(text, release_id, language, registry, vocabulary, source_path, supplied,
                      registry_dir.parent / "releases")
    files = render(card, text)
    self_check(files, source, release_id, registry_dir, vocabulary)
    return files


__all__ = ["DRAFT_NAME", "META_NAME", "PROPOSALS_NAME", "DraftFiles", "Supplied", "draft_release", "draft_text",
           "guess_language", "load_draft", "render", "write_draft"]
