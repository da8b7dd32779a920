"""The check across releases: nodes that several releases describe, validated on what all of them say.

Each release is validated with the registry and the vocabulary beside it (:mod:`migkg.pipeline`).
A node that several releases describe — an event two releases report, a process, a person whose
posts several releases attest — may break a shape only in their union: a process two releases
say was launched at two different events, an event given two dates. So every release also keeps
what it says about such shared nodes (:func:`shared_groups`, a few dozen triples, by node), and
once all releases are built :func:`check_across` validates the nodes that more than one release
describes on the union of those statements; its results replace the per-release ones. The build
then reports what validating the whole graph at once would, without holding the whole graph.

Pure, apart from the scratch store of the :class:`~migkg.pipeline.Workbench` it is given.

What a shared node's group holds bounds what the check sees: the triples about the node, those
that point at it through a predicate some shape reads backwards (``sh:inversePath``), and one
hop to the nodes they name. Two kinds of shape would need more, and ``ontology/shapes.ttl`` has
neither: a SHACL-SPARQL constraint on a shared node that reads edges pointing at it (``?x p
$this``), and a constraint on a registry node that only release data satisfies (the registry is
validated on its own, and that result is not replaced). tests/test_across_releases.py checks the
report against pyshacl on the whole graph.
"""
from __future__ import annotations

import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import URIRef

from .map_registry import Triple
from .shacl import Result
from .validate import Issue, issue_of_focus, issue_order, report_of

if TYPE_CHECKING:
    from .pipeline import Workbench

@dataclass
class AcrossReleases:
    """What :func:`check_across` found: the nodes that several releases describe, and the results of
    validating them on all those releases together (plain data: it is cached)."""

    nodes: frozenset[str] = frozenset()      # their IRIs
    focus_texts: frozenset[str] = frozenset()  # the same as Issue.focus names them
    results: list[Result] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)  # each names the graphs of the releases that state the values

    def replaces(self, result: Result) -> bool:
        """Whether a per-release result is about a node this check has validated anew."""
        return str(result.focus) in self.nodes

    def replaces_issue(self, issue: Issue) -> bool:
        return issue.focus in self.focus_texts


def is_private_to(release_iri: str) -> Callable[[object], bool]:
    """Whether a term is one of a release's own nodes (``<base>release/<id>`` and below), which no other release names."""
    below = release_iri + "/"
    return lambda term: isinstance(term, ox.NamedNode) and (term.value == release_iri or term.value.startswith(below))


def shared_groups(release_iri: str, triples: list[Triple], inverse: frozenset) -> dict[str, list[Triple]]:
    """What a release says about nodes that other releases may describe too, by node IRI.

    A node's group holds the triples about it (as subject, or as the object of a predicate in
    ``inverse``, which a shape reads backwards) and every triple about the release's own nodes at
    their other end (what the shapes read of them).
    """
    private = is_private_to(release_iri)
    groups: dict[str, dict[Triple, None]] = {}
    reached: dict[object, list[str]] = {}
    for triple in triples:
        s, p, o = triple
        if not private(s):
            groups.setdefault(s.value, {})[triple] = None
            if private(o):
                reached.setdefault(o, []).append(s.value)
        elif p in inverse and isinstance(o, ox.NamedNode) and not private(o):
            groups.setdefault(o.value, {})[triple] = None
            reached.setdefault(s, []).append(o.value)
    if reached:
        for triple in triples:
            for node in reached.get(triple[0], ()):
                groups[node][triple] = None
    return {node: list(group) for node, group in groups.items()}


# --------------------------------------------------------------------------- as kept in the cache

def groups_blob(groups: dict[str, list[Triple]]) -> bytes:
    """The groups as a cache blob: (node IRI, its triples as N-Triples) pairs, so that only the
    groups of the nodes checked are ever parsed."""
    return pickle.dumps([(node, ox.serialize([ox.Triple(*t) for t in group], format=ox.RdfFormat.N_TRIPLES))
                         for node, group in groups.items()], protocol=pickle.HIGHEST_PROTOCOL)


def groups_of_blob(blob: bytes) -> dict[str, bytes]:
    return dict(pickle.loads(blob)) if blob else {}


def parse_group(data: bytes) -> list[Triple]:
    return [(t.subject, t.predicate, t.object) for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]


# --------------------------------------------------------------------------- the check

def _read_groups(groups: dict[str, object], meeting: dict, parse: Callable[[object], list[Triple]]) -> list[Triple]:
    """A release's triples about the meeting nodes, and about the nodes those point to (whose types
    ``sh:class`` reads; a value may be an event that this release alone describes)."""
    triples = [t for node, group in groups.items() if node in meeting for t in parse(group)]
    values = {o.value for _s, _p, o in triples if isinstance(o, ox.NamedNode)} - meeting.keys()
    return triples + [t for node in sorted(values & groups.keys()) for t in parse(groups[node])]


def _stated(said: list[tuple[str, list[Triple]]], meeting: dict) -> dict[tuple[str, str], list[str]]:
    """(node, predicate) -> the releases that state a value of it, in release order."""
    stated: dict[tuple[str, str], list[str]] = {}
    for release_id, triples in said:
        for s, p, _o in triples:
            if s.value in meeting:
                ids = stated.setdefault((s.value, p.value), [])
                if not ids or ids[-1] != release_id:
                    ids.append(release_id)
    return stated


def check_across(bench: "Workbench", shared: list[tuple[str, dict[str, object]]],
                 parse: Callable[[object], list[Triple]] = lambda group: group) -> AcrossReleases:
    """Validate every node that more than one release describes, on what all of them say about it.

    ``shared``: each release's groups (:func:`shared_groups`), in release order; a group may be kept
    in another form that ``parse`` turns into triples (only the groups needed are read). Each
    issue names, as its graph, the graphs of the releases that state values of its path (or, for
    a path they do not state, of every release that describes the node).
    """
    describers: dict[str, list[str]] = {}
    for release_id, groups in shared:
        for node in groups:
            describers.setdefault(node, []).append(release_id)
    meeting = {node: ids for node, ids in describers.items() if len(ids) > 1}
    if not meeting:
        return AcrossReleases()
    said = [(rid, _read_groups(groups, meeting, parse)) for rid, groups in shared]
    union = list(dict.fromkeys(t for _rid, triples in said for t in triples))
    candidates = [ox.NamedNode(node) for node in sorted(meeting)]
    shapes = bench.toolkit.shapes
    graph_name = ox.NamedNode(bench.iris.base + "graph/across-releases")
    bench.scratch.load(graph_name, bench.needed_quads(union, graph_name))
    results = bench.validate_on(union, [graph_name], candidates)
    stated = _stated(said, meeting)
    issues = []
    for result in results:
        focus = str(result.focus)
        path = str(result.path) if isinstance(result.path, URIRef) else None
        ids = stated.get((focus, path)) or meeting.get(focus, [])
        graphs = " ".join(str(bench.iris.release_graph(rid)) for rid in sorted(ids))
        issues += report_of([result], shapes, graphs).issues
    return AcrossReleases(frozenset(meeting), frozenset(issue_of_focus(shapes, n) for n in candidates),
                          results, sorted(issues, key=issue_order))
