"""The build in memory: the dataset as rdflib graphs, for notebooks, tests and small corpora.

:func:`build_dataset` runs the one orchestration of the build (:mod:`migkg.build.corpus`, what
``migkg build`` runs), in this process, with a sink that keeps the graphs instead of writing files
(:class:`migkg.build.sinks.GraphSink`). So the graphs and the report are those of ``migkg build``,
byte for byte the data it writes; the in-memory build only turns them into rdflib graphs, and
raises every bad card of the corpus at once instead of reporting it in a summary.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from migkg.build.corpus import stream
from migkg.build.sinks import GraphSink
from migkg.build.toolkit import Toolkit
from migkg.cards.registry import Registry
from migkg.errors import InputErrors
from migkg.mapping.terms import to_rdflib
from migkg.validation.reports import Report

__all__ = ["BuildResult", "BuiltRelease", "Toolkit", "as_graph", "build_dataset"]


@dataclass
class BuiltRelease:
    """One release, built: its graph of facts and its graph of derived edges."""

    release_id: str
    folder: Path
    facts: Graph
    derived: Graph


@dataclass
class BuildResult:
    """Named graphs (IRI -> graph) in publication order, and the validation report."""

    graphs: dict[Node, Graph] = field(default_factory=dict)  # keyed by graph IRI (rdflib URIRef)
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


def as_graph(triples: Iterable[ox.Triple | tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]]) -> Graph:
    """pyoxigraph triples as an rdflib graph (terms as rdflib makes them: :func:`migkg.mapping.terms.to_rdflib`)."""
    graph = Graph()
    for s, p, o in triples:
        graph.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
    return graph


def build_dataset(data_dir: Path | str = "data", toolkit: Toolkit | None = None) -> BuildResult:
    """Build the whole dataset in memory from ``data_dir`` (``registry/`` and ``releases/``), as rdflib graphs.

    Every bad card of the corpus is reported (one :class:`InputErrors`), not just the first. A graph
    that violates the shapes is returned all the same, with the violations in ``result.report``.
    For large corpora use :func:`migkg.build.corpus.build_corpus`, which writes files and caches.
    """
    data_dir = Path(data_dir)
    toolkit = toolkit or Toolkit.load()
    sink = GraphSink()
    summary, registry = stream(data_dir, toolkit, lambda _cache, _keep: sink, cache_dir=None, workers=1)
    errors = [error for outcome in summary.failed for error in outcome.input_errors()]
    if errors:
        raise errors[0] if len(errors) == 1 else InputErrors(errors)
    iris = toolkit.iris
    result = BuildResult(registry=registry, toolkit=toolkit, report=summary.report)
    result.graphs[to_rdflib(iris.vocabulary_graph())] = toolkit.vocabulary.graph
    result.graphs[to_rdflib(iris.registry_graph())] = as_graph(sink.triples.get(iris.registry_graph().value, []))
    for release_id in sink.releases:
        facts_iri, derived_iri = iris.release_graph(release_id), iris.derived_graph(release_id)
        facts = as_graph(sink.triples.get(facts_iri.value, []))
        derived = as_graph(sink.triples.get(derived_iri.value, []))
        result.releases.append(BuiltRelease(release_id, data_dir / "releases" / release_id, facts, derived))
        result.graphs[to_rdflib(facts_iri)] = facts
        result.graphs[to_rdflib(derived_iri)] = derived
    conflicts = iris.conflicts_graph().value
    if conflicts in sink.triples:  # what the build warns about (migkg.validation.conflicts)
        result.graphs[to_rdflib(iris.conflicts_graph())] = as_graph(sink.triples[conflicts])
    return result
