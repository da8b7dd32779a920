"""Load the registry: the actors shared by all releases (``data/registry/*.yaml``)."""
from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from migkg.cards.models import Organisation, Post, RegistryEntry, RegistryFile, State
from migkg.cards.yamlfile import YamlDocument, decode_text, line_of, parse_model, read_yaml_text
from migkg.errors import InputError, InputErrors, Location, MigkgError

#: registry types an id may have, grouped by what a card field expects
AGENT_TYPES = frozenset({"state", "government", "ministry", "intergovernmental-organization", "news-outlet", "person",
                         "regional-consultative-process"})
ORGANISATION_TYPES = frozenset({"state", "government", "ministry", "intergovernmental-organization", "news-outlet"})
STATE_TYPES = frozenset({"state"})
OUTLET_TYPES = frozenset({"news-outlet", "intergovernmental-organization", "government", "ministry"})


@dataclass
class Registry:
    entries: dict[str, RegistryEntry] = field(default_factory=dict)
    locations: dict[str, Location] = field(default_factory=dict)

    def __contains__(self, entity_id: str) -> bool:
        return entity_id in self.entries

    def __getitem__(self, entity_id: str) -> RegistryEntry:
        return self.entries[entity_id]

    def type_of(self, entity_id: str) -> str:
        return self.entries[entity_id].type

    def ids_of_types(self, types: frozenset[str]) -> list[str]:
        return sorted(i for i, e in self.entries.items() if e.type in types)

    def unknown_id_error(self, location: Location, entity_id: str, types: frozenset[str]) -> InputError:
        """The error for an id that is missing or of the wrong type, with the closest ids as a hint."""
        if entity_id in self.entries:
            return InputError(location, f"'{entity_id}' is a {self.type_of(entity_id)}, but here a "
                              f"{' or '.join(sorted(types))} is expected.",
                              "use the id of an entry of that type from data/registry/.")
        close = difflib.get_close_matches(entity_id, self.ids_of_types(types), n=3, cutoff=0.6)
        hint = f"did you mean {', '.join(repr(c) for c in close)}? " if close else ""
        return InputError(location, f"unknown id '{entity_id}'.",
                          f"{hint}Use an id from data/registry/*.yaml, or add the actor there.")


def registry_files(folder: Path) -> dict[Path, bytes]:
    """The registry's files (``*.yaml``, in name order) and their bytes: what a build depends on."""
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise InputError(Location(folder), "holds no registry files (*.yaml).",
                         "create data/registry/ with at least one YAML file of entries.")
    return {path: path.read_bytes() for path in files}


def load_registry(folder: Path) -> Registry:
    """Read every ``*.yaml`` under the registry folder, in name order, and check it as a whole."""
    return registry_from_files(registry_files(folder))


def registry_from_files(files: dict[Path, bytes]) -> Registry:
    """The registry from its files' bytes (in the order given), checked as a whole.

    Each entry's location is kept as its file alone, as the registry is cached; the line and
    field of an entry are found only for an error, from the files read here.
    """
    registry = Registry()
    documents: dict[Path, YamlDocument] = {}
    index_in_file: dict[str, int] = {}

    def located(entity_id: str) -> Location:
        path, index = registry.locations[entity_id].file, index_in_file[entity_id]
        return Location(path, line_of(documents[path], ("entries", index, "id")), f"entries[{index}].id")

    errors: list[InputError] = []
    for path, data in files.items():
        document = documents[path] = read_yaml_text(decode_text(path, data), path)
        parsed = parse_model(RegistryFile, document)
        for index, entry in enumerate(parsed.entries):
            if entry.id in registry.entries:
                here = Location(path, line_of(document, ("entries", index, "id")), f"entries[{index}].id")
                errors.append(InputError(here, f"duplicate id '{entry.id}' (first defined at {located(entry.id)}).",
                                         "give each entry its own id."))
                continue
            registry.entries[entry.id] = entry
            registry.locations[entry.id] = Location(path)
            index_in_file[entry.id] = index
    errors += _check_links(registry, located)
    if errors:
        raise errors[0] if len(errors) == 1 else InputErrors(errors)
    return registry


def _check_links(registry: Registry, located: Callable[[str], Location]) -> list[InputError]:
    """The entries whose country code is unknown or whose organisation is missing or of the wrong type."""
    errors = []
    for entity_id, entry in registry.entries.items():
        if isinstance(entry, State) and pycountry.countries.get(alpha_3=entry.id) is None:
            errors.append(InputError(located(entity_id), f"'{entry.id}' is not an ISO 3166-1 alpha-3 country code.",
                                     "use the state's three-letter ISO code, e.g. KAZ."))
        target, types = None, ORGANISATION_TYPES
        if isinstance(entry, Organisation):
            target = entry.part_of
        elif isinstance(entry, Post):
            target, types = entry.organisation, ORGANISATION_TYPES - {"state"}
        if target is not None and (target not in registry or registry.type_of(target) not in types):
            field_name = "part_of" if isinstance(entry, Organisation) else "organisation"
            where = located(entity_id)
            errors.append(registry.unknown_id_error(Location(where.file, where.line, field_name), target, types))
    return errors


def iso_alpha2(state: State) -> str:
    """The state's two-letter ISO code (the registry's check has made sure its three-letter code is known)."""
    country = pycountry.countries.get(alpha_3=state.id)
    if country is None:
        raise MigkgError(f"'{state.id}' is not an ISO 3166-1 alpha-3 country code, yet the registry was not checked.")
    return str(country.alpha_2)
