"""The build, step by step: load, resolve, map, derive, validate. No files are written here.

Each release is handled on its own (its card, its graph, its derived edges, its
validation), so the cost grows with the number of releases and nothing more.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from .derive import Rule, derive, load_rules
from .errors import InputError, InputErrors, Location
from .evidence import resolve_card
from .iris import DEFAULT_BASE, Iris
from .map_registry import map_registry
from .map_release import map_release
from .paths import ontology_dir, queries_dir
from .references import check_references
from .registry import Registry, load_registry
from .release import LoadedRelease, load_release, release_folders
from .validate import Report, validate_graph
from .vocabulary import Vocabulary, load_vocabulary

SHAPES_FILE = "shapes.ttl"


@dataclass
class Toolkit:
    """What every release is built with: vocabulary, shapes, rules, IRIs."""

    vocabulary: Vocabulary
    shapes: Graph
    rules: list[Rule]
    iris: Iris

    @classmethod
    def load(cls, base: str = DEFAULT_BASE, ontology: Path | None = None, queries: Path | None = None) -> "Toolkit":
        ontology = ontology or ontology_dir()
        queries = queries or queries_dir()
        shapes = Graph().parse(ontology / SHAPES_FILE, format="turtle")
        return cls(load_vocabulary(ontology), shapes, load_rules(queries / "derive"), Iris(base))


@dataclass
class BuiltRelease:
    release_id: str
    loaded: LoadedRelease
    facts: Graph
    derived: Graph


@dataclass
class BuildResult:
    """Named graphs (IRI -> graph) in publication order, and the validation report."""

    graphs: dict[URIRef, Graph] = field(default_factory=dict)
    releases: list[BuiltRelease] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    registry: Registry | None = None
    toolkit: Toolkit | None = None

    def union(self) -> Graph:
        graph = Graph()
        for part in self.graphs.values():
            for triple in part:
                graph.add(triple)
        return graph


def load_releases(data_dir: Path, registry: Registry, vocabulary: Vocabulary) -> list[LoadedRelease]:
    """Load, check and resolve every release; report the errors of all of them, not just the first."""
    loaded, errors = [], []
    folders = release_folders(data_dir / "releases")
    if not folders:
        raise InputError(Location(data_dir / "releases"), "holds no release folders.",
                         "add data/releases/<release-id>/ with source.txt and card.yaml.")
    for folder in folders:
        try:
            release = load_release(folder)
        except InputError as err:
            errors.extend(_each(err))
            continue
        found = []
        for check in (lambda: check_references(release, registry, vocabulary), lambda: resolve_card(release)):
            try:
                check()
            except InputError as err:
                found.extend(_each(err))
        errors.extend(found)
        if not found:
            loaded.append(release)
    if errors:
        raise errors[0] if len(errors) == 1 else InputErrors(errors)
    return loaded


def _each(err: InputError) -> list[InputError]:
    return list(err.errors) if isinstance(err, InputErrors) else [err]


def build_release(release: LoadedRelease, registry: Registry, registry_graph: Graph, toolkit: Toolkit) -> tuple[BuiltRelease, Report]:
    facts = map_release(release, registry, toolkit.iris)
    derived = derive(facts, toolkit.vocabulary.graph, toolkit.rules)
    data = Graph()
    for part in (facts, derived, registry_graph, toolkit.vocabulary.graph):
        for triple in part:
            data.add(triple)
    report = validate_graph(data, toolkit.shapes, str(toolkit.iris.release_graph(release.card.release.id)))
    return BuiltRelease(release.card.release.id, release, facts, derived), report


def build_dataset(data_dir: Path | str = "data", toolkit: Toolkit | None = None) -> BuildResult:
    """Build the whole dataset in memory from ``data_dir`` (``registry/`` and ``releases/``)."""
    data_dir = Path(data_dir)
    toolkit = toolkit or Toolkit.load()
    registry = load_registry(data_dir / "registry")
    releases = load_releases(data_dir, registry, toolkit.vocabulary)
    registry_graph = map_registry(registry, toolkit.iris)
    result = BuildResult(registry=registry, toolkit=toolkit)
    result.graphs[toolkit.iris.vocabulary_graph()] = toolkit.vocabulary.graph
    result.graphs[toolkit.iris.registry_graph()] = registry_graph
    for release in releases:
        built, report = build_release(release, registry, registry_graph, toolkit)
        result.releases.append(built)
        result.report.extend(report)
        result.graphs[toolkit.iris.release_graph(built.release_id)] = built.facts
        result.graphs[toolkit.iris.derived_graph(built.release_id)] = built.derived
    return result
