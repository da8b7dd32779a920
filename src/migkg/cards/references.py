"""Check that every id a card uses exists, in the registry, the card, or the vocabulary.

Which fields name what is declared once, with each kind of fact (:data:`migkg.cards.facts.FACT_KINDS`);
this module only checks the names against the registry, the card's events and the vocabulary.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Protocol

from migkg.cards.facts import FACT_KINDS, PROCESS, Names, Occurrence, field_value, named
from migkg.cards.models import Claim, GroupRef
from migkg.cards.registry import ORGANISATION_TYPES, Registry
from migkg.cards.release import LoadedRelease
from migkg.cards.yamlfile import field_path, line_of
from migkg.errors import InputError, InputErrors, Location

Path_ = tuple[int | str, ...]


class KnownTerms(Protocol):
    """The terms a card may name, as sets of ids: what :class:`migkg.schema.vocabulary.Vocabulary` reads
    from the ontology (cards know nothing of RDF; the vocabulary is passed in)."""

    @property
    def classes(self) -> frozenset[str]: ...
    @property
    def event_classes(self) -> frozenset[str]: ...
    @property
    def event_roles(self) -> frozenset[str]: ...
    @property
    def kinds(self) -> frozenset[str]: ...
    @property
    def topics(self) -> frozenset[str]: ...
    @property
    def roles(self) -> frozenset[str]: ...
    @property
    def document_classes(self) -> frozenset[str]: ...
    @property
    def positions(self) -> frozenset[str]: ...
    @property
    def statuses(self) -> frozenset[str]: ...
    @property
    def actions(self) -> frozenset[str]: ...
    @property
    def regions(self) -> frozenset[str]: ...


def _vocabularies(vocab: KnownTerms) -> dict[str, tuple[frozenset[str], str]]:
    """Each vocabulary set a card field may name (:data:`migkg.cards.facts.Vocabulary`): its terms as card
    ids, and how an error tells the author where to look."""
    return {
        "classes": (_kind_ids(vocab.classes), "a class in ontology/migkg.ttl"),
        "event-classes": (_kind_ids(vocab.event_classes), "an event class (a subclass of schema:Event) in ontology/migkg.ttl"),
        "event-roles": (vocab.event_roles, "an event role (one with mig:shortcutProperty) in ontology/schemes.ttl"),
        "statement-kinds": (vocab.kinds, "a statement kind in ontology/schemes.ttl"),
        "topics": (vocab.topics, "a topic in ontology/schemes.ttl"),
        "roles": (vocab.roles, "a role in ontology/schemes.ttl"),
        "document-classes": (_kind_ids(vocab.document_classes),
                             "a document class (a subclass of mig:OutcomeDocument) in ontology/migkg.ttl"),
        "positions": (vocab.positions, "a position in a process (narrower than role:process-position) in ontology/schemes.ttl"),
        "statuses": (vocab.statuses, "a membership status (narrower than role:membership-status) in ontology/schemes.ttl"),
        "actions": (vocab.actions, "an action on a document (action:scheme) in ontology/schemes.ttl"),
        "regions": (vocab.regions, "a UN M49 region code of region:scheme in ontology/regions.ttl, e.g. \"143\" for Central Asia"),
    }


#: what a term of each vocabulary set is, the most specific first: an error names the set a term used in the
#: wrong field belongs to ("'chair' is a position in a process, not a membership status")
_TERM_OF = {"positions": "a position in a process", "statuses": "a membership status", "event-roles": "an event role",
            "event-classes": "an event class", "document-classes": "a document class",
            "actions": "an action on a document", "statement-kinds": "a statement kind", "topics": "a topic",
            "regions": "a UN M49 region code", "roles": "a role", "classes": "a class"}
_LISTED = 12
"""An error lists the terms a field allows where there are no more than this (the eleven event roles, not the
topics)."""
#: where a term of one set is given in a field of another, what the curator most likely meant
_MEANT: dict[tuple[str, str], str] = {("positions", "event-roles"): "a position held in the process goes under processes[].positions (with "
                                        "`at_event:` where the text attests it at this event); who chaired this one "
                                        "event is the event role 'meeting-chair'. ",
          ("statuses", "event-roles"): "a status in the process goes under processes[].memberships; who attended "
                                       "this one event as an observer is the event role 'event-observer'. "}


def _references(entries: list[Occurrence]) -> Iterator[tuple[Names, Path_, str]]:
    """Every id a field of the card names, with the declaration of that field, in card order."""
    for occurrence in entries:
        for names in occurrence.kind.names:
            for path, value in named(occurrence, names):
                yield names, path, value


@cache
def _kind_ids(classes: frozenset[str]) -> frozenset[str]:
    """Class names as card ids: ``MinisterialConference`` -> ``ministerial-conference``."""
    return frozenset(re.sub(r"(?<!^)(?=[A-Z])", "-", c).lower() for c in classes)


def check_references(loaded: LoadedRelease, registry: Registry, vocab: KnownTerms) -> None:
    """Raise one error per unknown or mistyped id, each with its line and the closest valid ids."""
    errors: list[InputError] = []

    def where(path: Path_) -> Location:
        return Location(loaded.card_path, line_of(loaded.located_tree, path), field_path(path))

    entries = loaded.entries
    for kind in FACT_KINDS:
        if kind.unique_id:
            errors += _duplicates(where, [((*o.path, "id"), str(field_value(o, "id"))) for o in entries if o.kind is kind],
                                  kind.unique_id)
    for occurrence in entries:
        supplied = getattr(occurrence.value, "supplied", None)
        if supplied is not None and not occurrence.kind.suppliable:
            errors.append(InputError(where((*occurrence.path, "supplied")),
                                     "only release metadata the text does not state may be supplied.",
                                     "quote the words of source.txt that state this fact as its evidence; `supplied:` "
                                     "is for the release's issued date, publishers and authors."))
    event_ids = [e.id for e in loaded.card.events]
    document_ids = [d.id for d in loaded.card.documents]
    for occurrence in entries:
        if isinstance(occurrence.value, GroupRef):
            errors += _group_errors(occurrence.value, (*occurrence.path, "of"), where, event_ids, registry)
    references = list(_references(entries))
    for names, path, entity_id in references:
        if names.registry is None:
            continue
        if not names.registry:  # any registry entry, or an event or document of this card
            if entity_id not in registry and entity_id not in event_ids and entity_id not in document_ids:
                everything = frozenset({e.type for e in registry.entries.values()})  # only for the message
                errors.append(registry.unknown_id_error(where(path), entity_id, everything))
        elif entity_id not in registry or registry.type_of(entity_id) not in names.registry:
            errors.append(registry.unknown_id_error(where(path), entity_id, names.registry))
    for names, path, event_id in references:
        if names.event and event_id not in event_ids:
            errors.append(InputError(where(path), f"unknown event '{event_id}'.",
                                     f"use the id of an event listed under events: ({', '.join(event_ids) or 'none'})."))
    vocabularies = _vocabularies(vocab)
    for names, path, term in references:
        if names.vocabulary is None:
            continue
        allowed, what = vocabularies[names.vocabulary]
        if term not in allowed:
            close = difflib.get_close_matches(term, sorted(allowed), n=3, cutoff=0.5)
            hint = f"did you mean {', '.join(repr(c) for c in close)}? " if close else ""
            other = next((name for name in _TERM_OF if name != names.vocabulary and term in vocabularies[name][0]), None)
            problem = f"'{term}' is {_TERM_OF[other]}, not {_TERM_OF[names.vocabulary]}." if other \
                else f"unknown term '{term}'."
            listed = f": {', '.join(repr(t) for t in sorted(allowed))}" if len(allowed) <= _LISTED else ""
            meant = _MEANT.get((other, names.vocabulary), "") if other else ""
            errors.append(InputError(where(path), problem, f"{meant or hint}Use {what}{listed}."))
    errors += _count_errors(entries, where, event_ids, registry, vocab)
    if errors:
        raise errors[0] if len(errors) == 1 else InputErrors(errors)


def _count_errors(entries: list[Occurrence], where: Callable[[Path_], Location], event_ids: list[str],
                  registry: Registry, vocab: KnownTerms) -> list[InputError]:
    """A count is of the holders of a role at an event of the card (an event role), or of a status in a process of
    the registry (a membership status): the counted role must be of the kind its subject has (else the count is
    checked against nothing, and warns of a disagreement the text does not have). A count about anything else is
    left to the shapes, which refuse it."""
    errors = []
    for occurrence in entries:
        claim = occurrence.value
        if not isinstance(claim, Claim) or claim.count is None:
            continue
        about, role = str(claim.about), str(claim.counted_role)
        if about in event_ids:
            subject, allowed, what, fix = "an event", vocab.event_roles, "an event role", "participant, delegation-member"
        elif about in registry and registry.type_of(about) in PROCESS:
            subject, allowed, what, fix = "a process", vocab.statuses, "a membership status", "member, observer"
        else:  # of something else: the shapes say so (migsh:CountClaim-event), with the card's line
            continue
        if role not in allowed and role in vocab.roles:  # an unknown role is named by the check of the vocabulary
            errors.append(InputError(where((*occurrence.path, "counted_role")),
                                     f"'{role}' is not {what}, and the count is about {subject} ('{about}').",
                                     f"use {what} (e.g. {fix}): {', '.join(repr(t) for t in sorted(allowed))}."))
    return errors


def _group_errors(group: GroupRef, path: Path_, where: Callable[[Path_], Location], event_ids: list[str],
                  registry: Registry) -> list[InputError]:
    """A group of participants or an event's own voice is of an event of the card; unnamed officials are of a
    state or organisation of the registry. (The location is found only for an error: finding a line composes the
    card's YAML again, with line numbers.)"""
    if group.group in ("participants", "meeting"):
        if group.of not in event_ids:
            return [InputError(where(path), f"a '{group.group}' group is of an event of this card, not '{group.of}'.",
                               f"set `of:` to the id of an event under events: ({', '.join(event_ids) or 'none'}); "
                               "for unnamed officials of a state or organisation use `group: officials`.")]
    elif group.of not in registry or registry.type_of(group.of) not in ORGANISATION_TYPES:
        return [registry.unknown_id_error(where(path), group.of, ORGANISATION_TYPES)]
    return []


def _duplicates(where: Callable[[Path_], Location], items: list[tuple[Path_, str]], what: str) -> list[InputError]:
    seen: dict[str, Path_] = {}
    errors: list[InputError] = []
    for path, value in items:
        if value in seen:
            first = where(seen[value])
            errors.append(InputError(where(path), f"duplicate {what} id '{value}' (first used at line {first.line}).",
                                     f"give each {what} its own id."))
        else:
            seen[value] = path
    return errors
