"""The check across releases: nodes that several releases describe, validated on what all of them say.

Each release is validated with the registry and the vocabulary beside it (:mod:`migkg.build.workbench`).
A node that several releases describe — an event two releases report, a process, a person whose
posts several releases attest — may break a shape only in their union: a process two releases
say was launched at two different events, an event given two dates. So every release also keeps
what it says about such shared nodes (:func:`shared_groups`, a few dozen triples, by node), and
once all releases are built :func:`check_across` validates the nodes that more than one release
describes on the union of those statements; its results replace the per-release ones. The build
then reports what validating the whole graph at once would, without holding the whole graph.

A node is checked on its describers' groups of it and, for the shared nodes those name (an
event's process, a holding's person), on every describer's group of those. Its result is kept
(:class:`AcrossState`, cached by the build) with a signature of exactly those groups, so a
rebuild validates anew only the nodes whose signature changed.

Pure: the validation itself is asked of a :class:`SharedNodeValidator` (the build's workbench is one),
which knows the shapes, the IRIs of a release and its graph, and how to validate nodes on some triples.

What a shared node's group holds bounds what the check sees: the triples about the node, those
that point at it through a predicate some shape reads backwards (``sh:inversePath``), one hop
to the release's own nodes they name, and the groups of the shared nodes they name. Two kinds of shape would need more, and ``ontology/shapes.ttl`` has
neither: a SHACL-SPARQL constraint on a shared node that reads edges pointing at it (``?x p
$this``), and a constraint on a registry node that only release data satisfies (the registry is
validated on its own, and that result is not replaced). tests/test_across_releases.py checks the
report against pyshacl on the whole graph.
"""
from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar, cast

import pyoxigraph as ox
from rdflib import Graph, URIRef

from migkg.mapping.terms import Triple, to_ox, to_rdflib
from migkg.validation.conflicts import Conflict, Side, as_stated, is_warning, simple_path
from migkg.validation.reports import Issue, issue_of_focus, issue_order, report_of
from migkg.validation.shacl import Result

Group = TypeVar("Group")  # a release's group of a node, as the caller keeps it (triples, or N-Triples bytes)
#: a node checked anew with at least this many describers has the groups its check read kept (see :class:`KeptGroups`)
KEPT_FROM = 32
#: (release id, node) -> (the digest of that release's group of that node, the group)
GroupsOf = dict[tuple[str, str], tuple[bytes, Group]]


class KeptGroups(Protocol[Group]):
    """Where the groups a check of a much-described node read are kept until its next check (the build's cache):
    a process that 600 releases describe is checked anew whenever one of them changes what it says of it, and
    reading its describers' groups from 600 release entries was half the check. A kept group is used only where
    its digest is the one its release now has."""

    def load(self, node: str) -> GroupsOf[Group]:
        ...

    def save(self, node: str, groups: GroupsOf[Group]) -> None:
        ...


class SharedNodeValidator(Protocol):
    """What the check across releases needs of whoever validates (the build's workbench implements it)."""

    @property
    def shapes(self) -> Graph:
        """The SHACL shapes (for the issues' wording)."""
        ...

    @property
    def release_prefix(self) -> str:
        """The IRI every release's own nodes begin with (``<base>release/``): no other release describes them."""
        ...

    def release_graph(self, release_id: str) -> str:
        """The IRI of a release's graph (what an issue names as where the values are stated)."""
        ...

    def validate_shared(self, triples: list[Triple], nodes: list[ox.NamedNode]) -> list[Result]:
        """The shapes on ``nodes``, on ``triples`` with the registry and the vocabulary beside them."""
        ...

@dataclass
class AcrossReleases:
    """What :func:`check_across` found: the nodes that several releases describe, and the results of
    validating them on all those releases together (plain data: it is cached)."""

    nodes: frozenset[str] = frozenset()      # their IRIs
    focus_texts: frozenset[str] = frozenset()  # the same as Issue.focus names them
    results: list[Result] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)  # each names the graphs of the releases that state the values
    checked_anew: int = 0  # how many of the nodes were validated in this check (the others kept the last build's result)
    conflicts: list[Conflict] = field(default_factory=list)  # the Warnings among the results, with their sides

    def replaces(self, result: Result) -> bool:
        """Whether a per-release result is about a node this check has validated anew."""
        return str(result.focus) in self.nodes

    def replaces_issue(self, issue: Issue) -> bool:
        return issue.focus in self.focus_texts

    def replaces_conflict(self, conflict: Conflict) -> bool:
        return self.replaces(conflict.result)


def is_private_to(release_iri: str) -> Callable[[object], bool]:
    """Whether a term is one of a release's own nodes (``<base>release/<id>`` and below), which no other release names."""
    below = release_iri + "/"
    return lambda term: isinstance(term, ox.NamedNode) and (term.value == release_iri or term.value.startswith(below))


def shared_groups(release_iri: str, triples: list[Triple],
                  inverse: frozenset[ox.NamedNode]) -> dict[str, list[Triple]]:
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

def group_texts(groups: dict[str, list[Triple]]) -> dict[str, bytes]:
    """Each node's group as N-Triples: how the cache keeps it, and what its digest is taken of."""
    return {node: _ntriples([ox.Triple(*t) for t in group]) for node, group in groups.items()}


def _ntriples(triples: list[ox.Triple]) -> bytes:
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    assert data is not None  # serialised to bytes, not to a file
    return data


def groups_blob(groups: dict[str, list[Triple]]) -> bytes:
    """The groups as a cache blob: (node IRI, its triples as N-Triples) pairs, so that only the
    groups of the nodes checked are ever parsed."""
    return pickle.dumps(list(group_texts(groups).items()), protocol=pickle.HIGHEST_PROTOCOL)


def groups_of_blob(blob: bytes) -> dict[str, bytes]:
    return dict(pickle.loads(blob)) if blob else {}


def parse_group(data: bytes) -> list[Triple]:
    return [(t.subject, t.predicate, t.object) for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]


# --------------------------------------------------------------------------- the check

@dataclass
class NodeCheck:
    """One shared node's check, kept for the next build: ``signature`` says what it was made of."""

    signature: bytes
    values: frozenset[str]     # the shared nodes its describers' statements name (their groups were read too)
    focus_text: str
    results: list[Result]
    issues: list[Issue]
    conflicts: list[Conflict] = field(default_factory=list)


@dataclass
class AcrossState:
    """What a check across releases leaves for the next build (plain data: it is cached)."""

    releases: dict[str, tuple[str, dict[str, bytes]]] = field(default_factory=dict)  # id -> (cache key, digests)
    nodes: dict[str, NodeCheck] = field(default_factory=dict)                       # every node checked


def group_digests(groups: dict[str, bytes]) -> dict[str, bytes]:
    """node -> a digest of what a release says about it (its group as kept in the cache, N-Triples)."""
    return {node: hashlib.sha256(data).digest() for node, data in groups.items()}


def check_across(validator: SharedNodeValidator, described: list[tuple[str, dict[str, bytes]]],
                 read: Callable[[str], dict[str, Group]], parse: Callable[[Group], list[Triple]],
                 previous: AcrossState | None = None,
                 kept: KeptGroups[Group] | None = None) -> tuple[AcrossReleases, AcrossState]:
    """Validate every node that more than one release describes, on what all of them say about it.

    ``described``: (release id, :func:`group_digests` of its groups), for every release checked, in
    release order; ``read(release id)`` gives a release's groups
    (:func:`shared_groups`), in a form ``parse`` turns into triples; it is called only for the
    releases that describe a node to check. A node is checked on its describers' groups of it and
    of the shared nodes those name (by every release that describes them).

    With ``previous`` (what the last build left), a node whose describers and whose values'
    describers said the same as then keeps its result; only the others are validated anew, so a
    rebuild after one card changed validates the few nodes that card is about. With ``kept``, a node
    of :data:`KEPT_FROM` describers or more is checked on the groups kept from its last check where their
    releases say the same (by digest), and ``read`` is called only for the others. Each issue names,
    as its graph, the graphs of the releases that state values of its path (or, for a path they
    do not state, of every release that describes the node).
    """
    digests = dict(described)
    describers: dict[str, list[str]] = {}
    for release_id, nodes in described:
        for node in nodes:
            describers.setdefault(node, []).append(release_id)
    meeting = {node: ids for node, ids in describers.items() if len(ids) > 1}
    state = AcrossState()
    if not meeting:
        return AcrossReleases(), state

    said_of: dict[str, bytes] = {}

    def said(node: str) -> bytes:
        """A digest of who says what about a node (its describers and their groups of it)."""
        known = said_of.get(node)
        if known is None:  # how many describers, then the node and their ids (none holds a NUL), then their digests
            ids = describers.get(node, [])
            text = "\0".join([str(len(ids)), node, *ids]).encode()
            known = said_of[node] = hashlib.sha256(text + b"".join(digests[rid][node] for rid in ids)).digest()
        return known

    def signature(node: str, values: frozenset[str]) -> bytes:
        """What a node's check is made of: who says what about it and about every shared node it names (one
        that no release describes counts too, so that a release starting to describe it changes this)."""
        return hashlib.sha256(b"".join(said(named) for named in (node, *sorted(values)))).digest()

    previous = previous or AcrossState()
    changed = _changed_nodes(described, previous.releases)
    todo: list[str] = []
    for node in sorted(meeting):
        old = previous.nodes.get(node)
        if old is None:
            todo.append(node)
        elif changed is not None and node not in changed and changed.isdisjoint(old.values):
            state.nodes[node] = old  # no describer of it or of its values said anything else: the same signature
        elif old.signature == signature(node, old.values):
            state.nodes[node] = old
        else:
            todo.append(node)
    if todo:
        found = _check_nodes(validator, todo, describers, digests, _Reader(read, digests, kept), parse)
        for node, (values, results, issues, conflicts) in found.items():
            state.nodes[node] = NodeCheck(signature(node, values), values,
                                          issue_of_focus(validator.shapes, ox.NamedNode(node)), results, issues,
                                          conflicts)
    state.nodes = dict(sorted(state.nodes.items()))
    checks = list(state.nodes.values())
    return AcrossReleases(frozenset(meeting), frozenset(c.focus_text for c in checks),
                          [r for c in checks for r in c.results],
                          sorted((i for c in checks for i in c.issues), key=issue_order), len(todo),
                          [k for c in checks for k in c.conflicts]), state


def _changed_nodes(described: list[tuple[str, dict[str, bytes]]],
                   before: dict[str, tuple[str, dict[str, bytes]]]) -> set[str] | None:
    """The nodes about which some release says something else than in the build that left ``before`` (what each
    release checked then said, by digest): those of a release that came, went, or changed what it says, before
    and now. Only their signatures can have changed (a signature is made of what the describers of a node and of
    its values say), so a rebuild after one card changed computes a handful, not every shared node's. None when
    nothing is known of the last build."""
    if not before:
        return None
    changed: set[str] = set()
    now = dict(described)
    for release_id, digests in described:
        known = before.get(release_id)
        if known is None:
            changed.update(digests)
        elif known[1] != digests:
            changed.update(digests)
            changed.update(known[1])
    for release_id, (_key, digests) in before.items():
        if release_id not in now:
            changed.update(digests)
    return changed


Found = dict[str, tuple[frozenset[str], list[Result], list[Issue], list[Conflict]]]


def _check_nodes(validator: SharedNodeValidator, todo: list[str], describers: dict[str, list[str]],
                 digests: dict[str, dict[str, bytes]], reader: _Reader[Group], parse: Callable[[Group], list[Triple]]
                 ) -> Found:
    """Validate the ``todo`` nodes together: node -> (the shared nodes it names, its results, its issues, and
    the Warnings among them as conflicts, each side with the graphs of the releases that state it)."""
    wanted = set(todo)
    own = validator.release_prefix  # a release's own nodes: no other release describes them
    much_described = [node for node in todo if len(describers[node]) >= KEPT_FROM]
    for node in much_described:
        reader.take_kept(node)
    said: list[tuple[str, list[Triple]]] = []   # (release, its triples about the nodes to check), release order
    values: dict[str, set[str]] = {node: set() for node in todo}
    for rid in sorted({rid for node in todo for rid in describers[node]}):
        mine: list[Triple] = []
        for node in digests[rid]:  # the release's nodes in the order of its groups
            if node in wanted:
                triples = parse(reader.group(rid, node))
                mine += triples
                for s, _p, o in triples:
                    for term in (s, o):
                        if isinstance(term, ox.NamedNode) and term.value != node and not term.value.startswith(own):
                            values[node].add(term.value)  # described by some release or not (yet): the signature
        said.append((rid, mine))
    union = dict.fromkeys(t for _rid, triples in said for t in triples)
    named: set[str] = set().union(*values.values())
    for value in sorted(named - wanted):
        for rid in describers.get(value, ()):
            union.update(dict.fromkeys(parse(reader.group(rid, value))))
    for node in much_described:
        reader.keep(node, [(rid, named) for named in (node, *sorted(values[node] - wanted))
                           for rid in describers.get(named, ())])
    results = validator.validate_shared(list(union), [ox.NamedNode(node) for node in todo])
    stated = _stated(said, wanted)
    shapes = validator.shapes
    found: Found = {node: (frozenset(values[node]), [], [], []) for node in todo}
    sides: Sides | None = None
    for result in results:
        focus = str(result.focus)
        path = str(result.path) if isinstance(result.path, URIRef) else None
        ids = (stated.get((focus, path)) if path is not None else None) or describers.get(focus, [])
        graphs = " ".join(validator.release_graph(rid) for rid in sorted(ids))
        _values, node_results, node_issues, node_conflicts = found.setdefault(focus, (frozenset(), [], [], []))
        node_results.append(result)
        node_issues.extend(report_of([result], shapes, graphs).issues)
        if is_warning(result):
            sides = sides or Sides(said, wanted)
            node_conflicts.append(Conflict(result, sides.of(result, ids, validator.release_graph)))
    return found


class _Reader(Generic[Group]):
    """The groups a check reads: kept ones (:class:`KeptGroups`) where their digest is the release's, else each
    release's groups read once (``read``)."""

    def __init__(self, read: Callable[[str], dict[str, Group]], digests: dict[str, dict[str, bytes]],
                 kept: KeptGroups[Group] | None):
        self.read, self.digests, self.kept = read, digests, kept
        self.groups_of: dict[str, dict[str, Group]] = {}
        self.taken: GroupsOf[Group] = {}     # every group this check has, kept or read
        self.from_kept: set[tuple[str, str]] = set()  # those kept whose releases say the same now
        self.loaded: dict[str, int] = {}     # node -> how many groups were kept for it

    def take_kept(self, node: str) -> None:
        if self.kept is None:
            return
        found = self.kept.load(node)
        self.loaded[node] = len(found)
        for (rid, named), (digest, group) in found.items():
            if self.digests.get(rid, {}).get(named) == digest:
                self.taken[(rid, named)] = (digest, group)
                self.from_kept.add((rid, named))

    def group(self, rid: str, node: str) -> Group:
        taken = self.taken.get((rid, node))
        if taken is not None:
            return taken[1]
        if rid not in self.groups_of:
            self.groups_of[rid] = self.read(rid)
        group = self.groups_of[rid][node]
        self.taken[(rid, node)] = (self.digests[rid][node], group)
        return group

    def keep(self, node: str, read: list[tuple[str, str]]) -> None:
        """Keep the groups a node's check read, unless those kept for it were exactly these."""
        if self.kept is None:
            return
        groups = {pair: self.taken[pair] for pair in read}
        if self.loaded.get(node) != len(groups) or any(pair not in self.from_kept for pair in groups):
            self.kept.save(node, groups)


class Sides:
    """Which releases state each value of a checked node's predicate: the sides of a Warning (made only when
    the check finds one)."""

    def __init__(self, said: list[tuple[str, list[Triple]]], nodes: set[str]):
        self.stating: dict[tuple[str, str], dict[ox.NamedNode | ox.Literal, list[str]]] = {}
        for release_id, triples in said:
            for s, p, o in triples:
                if s.value in nodes:
                    ids = self.stating.setdefault((s.value, p.value), {}).setdefault(o, [])
                    if not ids or ids[-1] != release_id:
                        ids.append(release_id)

    def of(self, result: Result, ids: list[str], graph_of: Callable[[str], str]) -> tuple[Side, ...]:
        """The sides of a result: its value, or (without one, as for ``sh:maxCount``) each value of its path,
        each with the graphs of the releases that state it (``ids``, those that state the path or describe the
        node, where no release states that value)."""
        path = simple_path(result)
        values = self.stating.get((str(result.focus), str(path)), {}) if path is not None else {}

        def graphs(rids: list[str]) -> tuple[str, ...]:
            return tuple(sorted(graph_of(rid) for rid in set(rids or ids)))

        if result.value is not None:
            value = as_stated(result.value, values)
            return (Side(value, graphs(values.get(cast(ox.NamedNode | ox.Literal, to_ox(value)), []))),)
        if not values:
            return (Side(None, graphs([])),)
        return tuple(Side(to_rdflib(value), graphs(rids))
                     for value, rids in sorted(values.items(), key=lambda item: str(item[0])))


def _stated(said: list[tuple[str, list[Triple]]], nodes: set[str]) -> dict[tuple[str, str], list[str]]:
    """(node, predicate) -> the releases that state a value of it, in release order."""
    stated: dict[tuple[str, str], list[str]] = {}
    for release_id, triples in said:
        for s, p, _o in triples:
            if s.value in nodes:
                ids = stated.setdefault((s.value, p.value), [])
                if not ids or ids[-1] != release_id:
                    ids.append(release_id)
    return stated


def check_groups(validator: SharedNodeValidator,
                 shared: list[tuple[str, dict[str, list[Triple]]]]) -> AcrossReleases:
    """:func:`check_across` on groups held in memory (release id, groups), in release order: every node anew."""
    kept = dict(shared)
    described = [(rid, group_digests(group_texts(groups))) for rid, groups in shared]
    return check_across(validator, described, kept.__getitem__, _as_triples)[0]


def _as_triples(group: list[Triple]) -> list[Triple]:
    return group
