"""Where in its card a validation issue comes from: ``data/releases/<id>/card.yaml:255: claims[0]``.

The shapes are checked on the graph, but a card's author fixes the card. A release's fact IRIs
are made from the ids its card gives (:meth:`migkg.map_release.ReleaseMapper.fact`), so the
focus node of an issue found in one release leads back to the card entry that stated it:

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
:func:`located` sets :attr:`migkg.validate.Issue.where` when a release is validated (in the
worker, from the card text it validated). Only a release with issues has its card composed
again for lines, by libyaml (under 1 ms a card) rather than ruamel (about 16 ms): a
10,000-release corpus can have a thousand warnings.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import yaml

from .errors import Location
from .iris import Iris
from .release import LoadedRelease
from .validate import Issue
from .yamlfile import field_path

#: an attested field of the release, an event or a process, as the card names it
_CARD_FIELD = {"type": "kind"}
#: the card section of an attestation key's first part
_SECTION = {"event": "events", "process": "processes"}


def _index(items: Any, **wanted: str) -> int | None:
    """The index of the first mapping in ``items`` whose fields have the wanted values."""
    if not isinstance(items, Sequence) or isinstance(items, str):
        return None
    for index, item in enumerate(items):
        if isinstance(item, Mapping) and all(str(item.get(k)) == v for k, v in wanted.items()):
            return index
    return None


def _within(card: Mapping, section: str, **wanted: str) -> tuple[str, int] | None:
    index = _index(card.get(section), **wanted)
    return None if index is None else (section, index)


def _fact_entry(card: Mapping, kind: str, key: list[str]) -> tuple[int | str, ...] | None:
    """The card path of one fact of this release, from the kind and key of its IRI."""
    if kind in ("claim", "statement") and len(key) == 1:
        return _within(card, kind + "s", id=key[0])
    if kind == "participation" and len(key) == 3:
        event = _within(card, "events", id=key[0])
        if event is None:
            return None
        role = _index(card["events"][event[1]].get("roles"), role=key[1], agent=key[2])
        return None if role is None else (*event, "roles", role)
    if kind == "post-holding" and len(key) == 3:
        return _within(card, "posts_held", person=key[0], post=key[1], at_event=key[2])
    if kind == "launch" and len(key) == 1:
        process = _within(card, "processes", id=key[0])
        return None if process is None else (*process, "launched_at")
    if kind == "contact" and len(key) == 1:
        release = card.get("release")
        index = _index(release.get("contacts"), person=key[0]) if isinstance(release, Mapping) else None
        return None if index is None else ("release", "contacts", index)
    if kind == "attestation":
        return _attested_field(card, key)
    return None


def _attested_field(card: Mapping, key: list[str]) -> tuple[int | str, ...] | None:
    """``release--title`` → ``release.title``; ``event--<id>--name`` → ``events[i].name``."""
    if len(key) == 2 and key[0] == "release":
        return ("release", _CARD_FIELD.get(key[1], key[1]))
    if len(key) == 3 and key[0] in _SECTION:
        entry = _within(card, _SECTION[key[0]], id=key[1])
        return None if entry is None else (*entry, _CARD_FIELD.get(key[2], key[2]))
    return None


def card_entry(card: Any, focus: str, release_id: str, iris: Iris) -> tuple[int | str, ...] | None:
    """The path in ``card`` (a parsed card.yaml) of the entry that states ``focus``, or None."""
    if not isinstance(card, Mapping):
        return None
    release = str(iris.release(release_id))
    if focus == release:
        return ("release",)
    events = str(iris.event(""))
    if focus.startswith(events):
        return _within(card, "events", id=focus[len(events):])
    if not focus.startswith(release + "/"):
        return None
    kind, _, key = focus[len(release) + 1:].partition("/")
    return _fact_entry(card, kind, key.split("--")) if key else None


def composed(text: str) -> yaml.Node | None:
    """A card's YAML node tree, whose nodes know their lines; None where libyaml cannot read it."""
    try:
        return yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None


def line_in(node: yaml.Node, path: tuple[int | str, ...]) -> int | None:
    """The 1-based line of the entry at ``path`` (of its key, or of its ``- `` item): the deepest one found."""
    line = None
    for key in path:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
            if found is None:
                break
            line, node = found[0].start_mark.line + 1, found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line


def located(issues: list[Issue], release: LoadedRelease, iris: Iris) -> list[Issue]:
    """The release's issues, each with ``where`` set: its card, and the line and field of the entry
    that stated the focus node where there is one."""
    release_id = release.card.release.id
    entries = [card_entry(release.tree, issue.focus.strip("<>"), release_id, iris) for issue in issues]
    node = composed(release.card_text) if release.card_text is not None and any(entries) else None
    return [replace(issue, where=str(Location(release.card_path, line_in(node, entry) if node and entry else None,
                                              field_path(entry) if entry else None)))
            for issue, entry in zip(issues, entries)]
