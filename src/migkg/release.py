"""Load one release folder: its verbatim source text and its card."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError, Location
from .models import Card
from .yamlfile import line_of, line_of_offset, parse_model, read_yaml

SOURCE_NAME = "source.txt"
CARD_NAME = "card.yaml"


@dataclass
class LoadedRelease:
    """A card, the YAML tree it came from (for line numbers) and the source text it cites."""

    folder: Path
    card: Card
    tree: Any
    text: str

    @property
    def card_path(self) -> Path:
        return self.folder / CARD_NAME

    @property
    def source_path(self) -> Path:
        return self.folder / SOURCE_NAME


def read_source(path: Path) -> str:
    """The verbatim source text, strictly UTF-8; a BOM or CRLF is kept as is (offsets count them)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(Location(path), "is missing.",
                         f"put the release's verbatim text in {SOURCE_NAME} beside the card.") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(Location(path, line_of_offset(data, err.start)),
                         f"is not valid UTF-8 (byte 0x{data[err.start]:02x} at byte offset {err.start}).",
                         "convert the file to UTF-8 (e.g. iconv -f cp1251 -t utf-8), keeping its words "
                         "unchanged.") from None


def load_release(folder: Path) -> LoadedRelease:
    card_path = folder / CARD_NAME
    if not card_path.is_file():
        raise InputError(Location(card_path), "is missing.",
                         "write a card for this release (see docs/card-format.md).")
    tree = read_yaml(card_path)
    card = parse_model(Card, tree, card_path)
    if card.release.id != folder.name:
        raise InputError(Location(card_path, line_of(tree, ("release", "id")), "release.id"),
                         f"is '{card.release.id}' but the folder is named '{folder.name}'.",
                         "make the folder name and release.id the same.")
    return LoadedRelease(folder, card, tree, read_source(folder / SOURCE_NAME))


def release_folders(releases_dir: Path) -> list[Path]:
    """Every release folder (a folder holding a card), in name order."""
    if not releases_dir.is_dir():
        raise InputError(Location(releases_dir), "is not a folder.",
                         "point --data at a folder holding releases/ and registry/.")
    return sorted(p for p in releases_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
