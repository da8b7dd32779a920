"""Check that every id a card uses exists, in the registry, the card, or the vocabulary."""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from migkg.cards.registry import AGENT_TYPES, ORGANISATION_TYPES, Registry
from migkg.cards.release import LoadedRelease
from migkg.cards.yamlfile import field_path, line_of
from migkg.errors import InputError, InputErrors, Location
from migkg.schema.vocabulary import Vocabulary

PLACE = frozenset({"city"})
PERSON = frozenset({"person"})
POST = frozenset({"post"})
PROCESS = frozenset({"regional-consultative-process"})
ANYTHING = None  # any registry entry or an event of the card

Path_ = tuple[int | str, ...]


def _registry_refs(loaded: LoadedRelease) -> Iterator[tuple[Path_, str, frozenset[str] | None]]:
    card = loaded.card
    r = card.release
    if r.place:
        yield ("release", "place", "place"), r.place.place, PLACE
    for i, c in enumerate(r.contacts):
        yield ("release", "contacts", i, "person"), c.person, PERSON
        yield ("release", "contacts", i, "organisation"), c.organisation, ORGANISATION_TYPES
    for i, e in enumerate(card.events):
        if e.place:
            yield ("events", i, "place", "place"), e.place.place, PLACE
        for j, role in enumerate(e.roles):
            yield ("events", i, "roles", j, "agent"), role.agent, AGENT_TYPES
            if role.on_behalf_of:
                yield ("events", i, "roles", j, "on_behalf_of"), role.on_behalf_of, ORGANISATION_TYPES
    for i, p in enumerate(card.processes):
        yield ("processes", i, "id"), p.id, PROCESS
    for i, h in enumerate(card.posts_held):
        yield ("posts_held", i, "person"), h.person, PERSON
        yield ("posts_held", i, "post"), h.post, POST
    for i, s in enumerate(card.statements):
        for j, speaker in enumerate(s.speakers):
            yield ("statements", i, "speakers", j), speaker, AGENT_TYPES
        for j, mentioned in enumerate(s.mentions):
            yield ("statements", i, "mentions", j), mentioned, ANYTHING
        if s.on_behalf_of:
            yield ("statements", i, "on_behalf_of"), s.on_behalf_of, ORGANISATION_TYPES
        if s.about:
            yield ("statements", i, "about"), s.about, ANYTHING
    for i, c in enumerate(card.claims):
        yield ("claims", i, "about"), c.about, ANYTHING
        if c.claimant:
            yield ("claims", i, "claimant"), c.claimant, AGENT_TYPES


def _event_refs(loaded: LoadedRelease) -> Iterator[tuple[Path_, str]]:
    card = loaded.card
    for i, p in enumerate(card.processes):
        if p.launched_at:
            yield ("processes", i, "launched_at", "event"), p.launched_at.event
    for i, h in enumerate(card.posts_held):
        yield ("posts_held", i, "at_event"), h.at_event
    for i, s in enumerate(card.statements):
        if s.at_event:
            yield ("statements", i, "at_event"), s.at_event


def _vocabulary_refs(loaded: LoadedRelease, vocab: Vocabulary) -> Iterator[tuple[Path_, str, frozenset[str], str]]:
    card = loaded.card
    yield ("release", "kind", "kind"), card.release.kind.kind, _kind_ids(vocab), "a class in ontology/migkg.ttl"
    for i, e in enumerate(card.events):
        yield (("events", i, "kind", "kind"), e.kind.kind, _kind_ids(vocab.event_classes),
               "an event class (a subclass of schema:Event) in ontology/migkg.ttl")
        for j, role in enumerate(e.roles):
            yield (("events", i, "roles", j, "role"), role.role, vocab.event_roles,
                   "an event role (one with mig:shortcutProperty) in ontology/schemes.ttl")
    for i, p in enumerate(card.processes):
        if p.kind:
            yield ("processes", i, "kind", "kind"), p.kind.kind, _kind_ids(vocab), "a class in ontology/migkg.ttl"
    for i, s in enumerate(card.statements):
        yield ("statements", i, "kind"), s.kind, vocab.kinds, "a statement kind in ontology/schemes.ttl"
        for j, topic in enumerate(s.topics):
            yield ("statements", i, "topics", j), topic, vocab.topics, "a topic in ontology/schemes.ttl"
        if s.proposed_role:
            yield ("statements", i, "proposed_role"), s.proposed_role, vocab.roles, "a role in ontology/schemes.ttl"
    for i, c in enumerate(card.claims):
        if c.counted:
            yield ("claims", i, "counted"), c.counted, _kind_ids(vocab), "a class in ontology/migkg.ttl"
        if c.counted_role:
            yield ("claims", i, "counted_role"), c.counted_role, vocab.roles, "a role in ontology/schemes.ttl"


def _kind_ids(classes: Vocabulary | frozenset[str]) -> frozenset[str]:
    """Class names as card ids: ``MinisterialConference`` -> ``ministerial-conference``."""
    names = classes.classes if isinstance(classes, Vocabulary) else classes
    return frozenset(re.sub(r"(?<!^)(?=[A-Z])", "-", c).lower() for c in names)


def check_references(loaded: LoadedRelease, registry: Registry, vocab: Vocabulary) -> None:
    """Raise one error per unknown or mistyped id, each with its line and the closest valid ids."""
    errors: list[InputError] = []

    def where(path: Path_) -> Location:
        return Location(loaded.card_path, line_of(loaded.located_tree, path), field_path(path))

    card = loaded.card
    event_ids = [e.id for e in card.events]
    errors += _duplicates(where, [(("events", i, "id"), e) for i, e in enumerate(event_ids)], "event")
    errors += _duplicates(where, [(("statements", i, "id"), s.id) for i, s in enumerate(card.statements)], "statement")
    errors += _duplicates(where, [(("claims", i, "id"), c.id) for i, c in enumerate(card.claims)], "claim")
    errors += _duplicates(where, [(("processes", i, "id"), p.id) for i, p in enumerate(card.processes)], "process")

    for path, entity_id, types in _registry_refs(loaded):
        if types is ANYTHING:
            if entity_id not in registry and entity_id not in event_ids:
                errors.append(registry.unknown_id_error(where(path), entity_id, frozenset(
                    {e.type for e in registry.entries.values()})))
        elif entity_id not in registry or registry.type_of(entity_id) not in types:
            errors.append(registry.unknown_id_error(where(path), entity_id, types))
    for path, event_id in _event_refs(loaded):
        if event_id not in event_ids:
            errors.append(InputError(where(path), f"unknown event '{event_id}'.",
                                     f"use the id of an event listed under events: ({', '.join(event_ids) or 'none'})."))
    for path, term, allowed, what in _vocabulary_refs(loaded, vocab):
        if term not in allowed:
            close = difflib.get_close_matches(term, sorted(allowed), n=3, cutoff=0.5)
            hint = f"did you mean {', '.join(repr(c) for c in close)}? " if close else ""
            errors.append(InputError(where(path), f"unknown term '{term}'.", f"{hint}Use {what}."))
    if errors:
        raise errors[0] if len(errors) == 1 else InputErrors(errors)


def _duplicates(where, items, what: str) -> list[InputError]:
    seen: dict[str, Path_] = {}
    errors = []
    for path, value in items:
        if value in seen:
            first = where(seen[value])
            errors.append(InputError(where(path), f"duplicate {what} id '{value}' (first used at line {first.line}).",
                                     f"give each {what} its own id."))
        else:
            seen[value] = path
    return errors
