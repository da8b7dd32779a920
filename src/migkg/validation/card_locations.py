"""Where in its card a validation issue comes from: ``data/releases/<id>/card.yaml:255: claims[0]``.

The shapes are checked on the graph, but a card's author fixes the card. A release's fact IRIs
are made from the ids its card gives (the patterns of :data:`migkg.cards.facts.FACT_KINDS`), so the
focus node of an issue found in one release leads back to the card entry that stated it (each
entry's IRI is made forwards, from the card, as the mapping makes it):

- ``release/<id>/claim/<claim>`` and ``…/statement/<statement>``: the entry with that ``id``;
- ``…/participation/<event>--<role>--<agent>``: that role entry of that event;
- ``…/post-holding/<person>--<post>--<event>``: that ``posts_held`` entry;
- ``…/launch/<process>``: that process's ``launched_at``;
- ``…/contact/<person>``: that entry of ``release.contacts``;
- ``…/attestation/…``: the attested field (``release.title``, ``events[i].name``...);
- ``release/<id>`` itself: ``release``; ``event/<event>``: that event.

A focus the card does not name by id (a registry entity, a span of the text) is located at
the card alone, without a line; an issue found across releases, at no card (the check across
releases makes those issues, naming every release). :func:`card_entry` is the pure part;
:func:`located` sets :attr:`migkg.validation.reports.Issue.where` when a release is validated (in the
worker, from the card text it validated), relative to the release folder, as the cache keeps it;
:func:`anchored` puts it under the folder of the build that reports it. Only a release with
issues has its card composed again for lines (:func:`migkg.cards.yamlfile.line_of`, about 1 ms a
card): a 10,000-release corpus can have a thousand warnings. The same holds for an issue the build
finds from what it cached, such as one event reported under two ids (:class:`EntryLocations`, which
reads again only the cards it is asked about).
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from migkg.cards.facts import walk
from migkg.cards.models import Card
from migkg.cards.release import CARD_NAME, LoadedRelease
from migkg.cards.yamlfile import FieldPath, YamlDocument, field_path, line_of, read_text
from migkg.errors import InputError, Location
from migkg.mapping.iris import Iris
from migkg.validation.reports import Issue


def card_index(card: Card, iris: Iris) -> dict[str, tuple[int | str, ...]]:
    """Node IRI → path in the card of the entry that states it: the release, its events, and every
    fact, each IRI made forwards from the card by its kind's pattern (so an id holding ``--`` matches as
    joined). Where two entries give the same node (a role listed twice), the first."""
    index: dict[str, tuple[int | str, ...]] = {}
    for entry in walk(card):
        node = iris.of(entry)
        if node is not None:
            index.setdefault(node.value, entry.path)
    return index


def card_entry(card: Card, focus: str, iris: Iris) -> tuple[int | str, ...] | None:
    """The path in ``card`` of the entry that states ``focus`` (a node IRI), or None."""
    return card_index(card, iris).get(focus)


def located(issues: list[Issue], release: LoadedRelease, iris: Iris) -> list[Issue]:
    """The release's issues, each with ``where`` set, relative to the release folder: ``card.yaml``, and the
    line and field of the entry that stated the focus node where there is one (see :func:`anchored`)."""
    index = card_index(release.card, iris) if issues else {}
    entries = [index.get(issue.focus.strip("<>")) for issue in issues]
    document = release.located_tree if release.card_text is not None and any(entries) else None
    return [replace(issue, where=str(Location(Path(CARD_NAME), line_of(document, entry) if document and entry else None,
                                              field_path(entry) if entry else None)))
            for issue, entry in zip(issues, entries, strict=True)]


def anchored(issues: list[Issue], folder: Path) -> list[Issue]:
    """The issues with ``where`` under ``folder``, the release folder of this build. Issues are cached
    relative to it, so that a cache reused from another copy of the data names the files of this one."""
    return [replace(issue, where=str(folder / issue.where)) if issue.where else issue for issue in issues]


class EntryLocations:
    """``card.yaml:LINE: field`` of entries of the cards of several releases, each card read again once when
    first asked (for an issue that the build finds from what it cached, such as two ids of one event): only
    composed for the lines of its nodes, not made into data (about half the cost of reading it)."""

    def __init__(self) -> None:
        self.documents: dict[Path, YamlDocument | None] = {}

    def line(self, folder: Path, path: FieldPath) -> int | None:
        """The line of the entry at ``path`` in the card of the release in ``folder`` (None: not found)."""
        card = folder / CARD_NAME
        if card not in self.documents:
            try:
                self.documents[card] = YamlDocument(card, read_text(card), None)
            except InputError:  # gone since it was built: the file alone
                self.documents[card] = None
        document = self.documents[card]
        if document is None:
            return None
        try:
            return line_of(document, path)
        except InputError:  # changed since it was built, and no longer YAML
            return None

    def __call__(self, folder: Path, path: FieldPath) -> str:
        return location(folder, path, self.line(folder, path))


def location(folder: Path, path: FieldPath, line: int | None) -> str:
    """``<folder>/card.yaml:LINE: field`` of the entry at ``path``."""
    return str(Location(folder / CARD_NAME, line, field_path(path)))
