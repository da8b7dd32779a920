"""Load a card from any file name (a draft, or a reviewed card) with a registry made of several folders.

The checks are the build's own (:func:`migkg.cards.release.load_release` minus the fixed file
name): the card model, :func:`migkg.cards.references.check_references` and
:func:`migkg.cards.evidence.resolve_card`; error messages name the file that was loaded.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from migkg.cards.evidence import resolve_card
from migkg.cards.models import Card
from migkg.cards.references import check_references
from migkg.cards.registry import Registry, registry_files, registry_from_files
from migkg.cards.release import SOURCE_NAME, LoadedRelease, read_source
from migkg.cards.yamlfile import YamlDocument, parse_model, read_yaml
from migkg.schema.vocabulary import Vocabulary


@dataclass
class LoadedCardFile(LoadedRelease):
    """A loaded card whose file is not necessarily ``card.yaml``."""

    card_file: Path = Path("card.yaml")

    @property
    def card_path(self) -> Path:
        return self.card_file


def load_card_file(card_path: Path, registry: Registry, vocabulary: Vocabulary) -> LoadedCardFile:
    """Parse, check ids and resolve quotes of a card; its source is ``source.txt`` beside it."""
    document = read_yaml(card_path)
    return checked_card(card_path, document, parse_model(Card, document), registry, vocabulary)


def checked_card(card_path: Path, document: YamlDocument, card: Card, registry: Registry, vocabulary: Vocabulary) -> LoadedCardFile:
    """A parsed card with its ids checked and its quotes resolved against ``source.txt`` beside it."""
    loaded = LoadedCardFile(card_path.parent, card, document.data, read_source(card_path.parent / SOURCE_NAME), card_path)
    loaded.card_text = document.text
    loaded.document = document
    check_references(loaded, registry, vocabulary)
    resolve_card(loaded)
    return loaded


def registry_of(folders: list[Path], extra_files: Sequence[Path] = ()) -> Registry:
    """One registry from the ``*.yaml`` of several folders and files (checked as a whole, as the build does).

    The first folder (``data/registry``) must hold registry files, as for the build; the others
    and the extra files (a draft's proposals) may be missing or empty. The files are read where
    they are, so that an error names the file to fix.
    """
    first, *others = folders
    files = registry_files(first)
    for folder in others:
        files.update((path, path.read_bytes()) for path in sorted(folder.glob("*.yaml")))
    files.update((path, path.read_bytes()) for path in extra_files if path.is_file())
    return registry_from_files(files)
