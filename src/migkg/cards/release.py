"""Load one release folder: its verbatim source text and its card."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from migkg.cards.facts import Occurrence, walk
from migkg.cards.models import Card
from migkg.cards.yamlfile import YamlDocument, decode_text, line_of, parse_model, read_text, read_yaml_text
from migkg.errors import InputError, Location
from migkg.inputs import check_within, read_input

SOURCE_NAME = "source.txt"
CARD_NAME = "card.yaml"
#: what ``migkg draft`` writes beside the source: a card to review, never built
DRAFT_CARD_NAME = "card.draft.yaml"


@dataclass
class LoadedRelease:
    """A card, the YAML data it came from and the source text it cites.

    ``tree`` is the card's data as read; :attr:`located_tree` is the card's YAML document, which
    :func:`migkg.cards.yamlfile.line_of` asks for the line of a field when a message needs one.
    """

    folder: Path
    card: Card
    tree: Any
    text: str
    card_text: str | None = field(default=None, init=False, repr=False, compare=False)
    document: YamlDocument | None = field(default=None, init=False, repr=False, compare=False)

    @cached_property
    def entries(self) -> list[Occurrence]:
        """Every entry of the card (:func:`migkg.cards.facts.walk`), walked once for the checks and the mapping."""
        return list(walk(self.card))

    @property
    def card_path(self) -> Path:
        return self.folder / CARD_NAME

    @property
    def source_path(self) -> Path:
        return self.folder / SOURCE_NAME

    @property
    def located_tree(self) -> YamlDocument:
        """The card's YAML document: the one it was read from, or else the card file read again."""
        if self.document is None:
            text = self.card_text if self.card_text is not None else read_text(self.card_path)
            self.document = read_yaml_text(text, self.card_path)
        return self.document


def read_source(path: Path) -> str:
    """The verbatim source text, strictly UTF-8; a BOM or CRLF is kept as is (offsets count them)."""
    try:
        data = read_input(path, "source")
    except FileNotFoundError:
        raise InputError(Location(path), "is missing.",
                         f"put the release's verbatim text in {SOURCE_NAME} beside the card.") from None
    return decode_source(path, data)


def decode_source(path: Path, data: bytes) -> str:
    """A source text's bytes as text, strictly UTF-8; an :class:`InputError` at the line of the first bad byte."""
    return decode_text(path, data, "convert the file to UTF-8 (e.g. iconv -f cp1251 -t utf-8), keeping its words "
                                   "unchanged.")


def missing_card(folder: Path) -> InputError:
    """The error for a release folder without ``card.yaml``; where a draft lies beside it, the error names the
    draft and says how to go on, since a draft is never built."""
    draft = folder / DRAFT_CARD_NAME
    if draft.is_file():
        return InputError(Location(folder / CARD_NAME), f"is missing; {draft} beside it is a draft, and a draft is "
                          "never built.", f"review the draft and rename it to {CARD_NAME} (docs/drafting.md, section "
                          f"3), or move the folder {folder.name}/ out of {folder.parent} until it is reviewed.")
    return InputError(Location(folder / CARD_NAME), "is missing.",
                      "write a card for this release (see docs/card-format.md).")


def load_release(folder: Path) -> LoadedRelease:
    card_path = folder / CARD_NAME
    if not card_path.is_file():
        raise missing_card(folder)
    return loaded_release(folder, read_text(card_path), read_source(folder / SOURCE_NAME))


def loaded_release(folder: Path, card_text: str, source_text: str) -> LoadedRelease:
    """A release from its card's text and its source text; every error names its field and line."""
    card_path = folder / CARD_NAME
    document = read_yaml_text(card_text, card_path)
    card = parse_model(Card, document)
    loaded = LoadedRelease(folder, card, document.data, source_text)
    loaded.card_text = card_text
    loaded.document = document
    if card.release.id != folder.name:
        raise InputError(Location(card_path, line_of(document, ("release", "id")), "release.id"),
                         f"is '{card.release.id}' but the folder is named '{folder.name}'.",
                         "make the folder name and release.id the same.")
    return loaded


def release_folder(releases_dir: Path, name: str) -> Path | None:
    """The release folder ``name`` as :func:`release_folders` would list it (a folder, its name not starting with a
    dot; a link to one only inside the data folder), found without listing them all; None if it would not list
    it."""
    if not name or name.startswith(".") or Path(name).name != name or "\\" in name:
        return None
    folder = releases_dir / name
    if folder.is_symlink():  # as release_folders: a linked release folder must stay inside the data folder
        check_within(folder, releases_dir.parent, "release folder")
    return folder if folder.is_dir() else None


def release_folders(releases_dir: Path) -> list[Path]:
    """Every release folder (a folder holding a card), in name order."""
    if not releases_dir.is_dir():
        raise InputError(Location(releases_dir), "is not a folder.",
                         "point --data at a folder holding releases/ and registry/.")
    names = []
    with os.scandir(releases_dir) as entries:  # scandir knows which are folders without a stat per entry
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_symlink():  # a linked release folder must stay inside the data folder
                check_within(Path(entry.path), releases_dir.parent, "release folder")
            if entry.is_dir():
                names.append(entry.name)
    return [releases_dir / name for name in sorted(names)]
