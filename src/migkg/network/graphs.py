"""The networks as networkx graphs, built from the rows of the network queries.

Five networks, four defined by a query of their own and one combined from them:

- ``actor-event``: two-mode, undirected; actors and events (``bipartite`` 0 and 1), one edge per
  actor and event carrying every role (``roles``) the actor had there;
- ``co-participation``: one-mode, undirected; two actors are tied by the events they both took
  part in, in any role. :func:`networks` projects it from ``actor-event`` here (:func:`project_co_participation`):
  the projection is quadratic in the actors of an event, which a SPARQL engine pays for in joins
  (17 s on Oxigraph at 10,000 releases) and Python in a loop over the pairs (a few seconds).
  ``queries/network/co-participation.rq`` computes the same graph in SPARQL, for an endpoint user
  without Python; the tests check that both give the same graph, and both against networkx's
  ``bipartite.weighted_projected_graph``;
- ``affiliation``: directed; person → post → organisation → … → state or intergovernmental
  organisation, and delegation members and press contacts → whom they acted for;
- ``statements``: directed; speaker → topic, actor or process mentioned, actor spoken for;
- ``actors``: the combined actor network, undirected, actors only: co-participation, affiliation
  (a post held collapses to person — organisation of the post), mentions and speaking for.

Every node carries ``iri``, ``type``, ``class``, ``label_ru``, ``label_en`` and ``label`` (English,
else Russian, else the IRI's last segment); actors also carry ``side`` (the state or top
intergovernmental organisation they belong to, through the affiliation network), ``side_label`` and
``sector`` (``state`` or ``intergovernmental``). Every edge carries ``kind``, ``weight`` and
``evidence`` (fact IRIs). A pair tied in several ways gets one edge: its kinds space-separated in
alphabetical order, its weights added up, its evidence and other lists merged.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import networkx as nx

from migkg.errors import MigkgError
from migkg.network.queries import EdgeRow, edge_rows
from migkg.network.slices import Timeline, Window, fact_times, slice_rows, window, years
from migkg.stores.opening import open_build
from migkg.stores.sources import EmbeddedSource, SelectSource

#: node types of actors (the ends of co-participation and the members of the combined network)
ACTOR_TYPES = ("state", "government", "ministry", "intergovernmental-organization", "person")
#: node types that stand at the top of a side
SIDE_TYPES = {"state": "state", "intergovernmental-organization": "intergovernmental"}


@dataclass(frozen=True)
class NetworkSpec:
    """A network defined by ``queries/network/<name>.rq``: its shape, and what it is for."""

    name: str
    title: str
    directed: bool
    two_mode: bool = False


QUERY_NETWORKS = (
    NetworkSpec("actor-event", "Actor–event affiliation (two-mode)", directed=False, two_mode=True),
    NetworkSpec("co-participation", "Actor–actor co-participation (one-mode projection)", directed=False),
    NetworkSpec("affiliation", "Person → post → organisation → state or IGO", directed=True),
    NetworkSpec("statements", "Speaker → topic, actor mentioned, actor spoken for", directed=True),
)
COMBINED = NetworkSpec("actors", "Combined actor network: co-participation, affiliation, statements",
                       directed=False)
NETWORK_NAMES = (*(spec.name for spec in QUERY_NETWORKS), COMBINED.name)


def display_label(node: Mapping[str, object]) -> str:
    return str(node.get("label_en") or node.get("label_ru") or str(node["iri"]).rstrip("/").rsplit("/", 1)[-1])


def _merge_value(name: str, old: object, new: object) -> object:
    if name == "weight":
        return old + new  # type: ignore[operator]
    if isinstance(old, list):
        return sorted(set(old) | set(cast("list[str]", new)))  # a list attribute (evidence, events) is one in every row
    if old == new:
        return old
    return " ".join(sorted(set(str(old).split()) | set(str(new).split())))


def add_node(graph: nx.Graph, iri: str, info: Mapping[str, object]) -> None:
    """Add a node, or fill in the attributes it lacks (the first value seen wins)."""
    attributes = graph.nodes[iri] if iri in graph else None
    if attributes is None:
        graph.add_node(iri)
        attributes = graph.nodes[iri]
    for key, value in info.items():
        if value is not None and key not in attributes:
            attributes[key] = value
    attributes["label"] = display_label(attributes)


def add_edge(graph: nx.Graph, u: str, v: str, attributes: Mapping[str, object]) -> None:
    """Add an edge, or merge it into the edge already there (see the module's docstring)."""
    if not graph.has_edge(u, v):
        graph.add_edge(u, v, **{k: (list(x) if isinstance(x, list) else x) for k, x in attributes.items()})
        return
    data = graph.edges[u, v]
    for key, value in attributes.items():
        data[key] = _merge_value(key, data[key], value) if key in data else value


def build_graph(spec: NetworkSpec, rows: Iterable[EdgeRow]) -> nx.Graph:
    """The graph of one query network; rows are taken in sorted order, so the graph is the same every time.

    A query gives one row per edge and kind; where an endpoint repeats that edge (a node with two
    classes or two labels in one language makes two rows), the first row counts and the others only
    fill in node attributes, so that no weight is counted twice.
    """
    graph: nx.Graph = nx.DiGraph() if spec.directed else nx.Graph()
    graph.graph.update(name=spec.name, title=spec.title, query=f"queries/network/{spec.name}.rq")
    seen: set[tuple[str, str, str]] = set()
    for row in sorted(rows, key=lambda r: (r.source, r.target, str(r.attributes.get("kind", "")), repr(r))):
        add_node(graph, row.source, row.source_node)
        add_node(graph, row.target, row.target_node)
        if spec.two_mode:
            graph.nodes[row.source]["bipartite"] = 0
            graph.nodes[row.target]["bipartite"] = 1
        key = (row.source, row.target, str(row.attributes.get("kind", "")))
        if key not in seen:
            seen.add(key)
            add_edge(graph, row.source, row.target, row.attributes)
    return graph


def sides(affiliation: nx.DiGraph, graphs: Iterable[nx.Graph]) -> dict[str, str]:
    """Each actor's side: the state or top intergovernmental organisation it belongs to.

    Up the affiliation network (person → post → organisation → … ; delegate → state), the side is
    the state or intergovernmental organisation at the top (with no edge further up). A state or
    top organisation is its own side. Where an actor reaches several tops, the first IRI is taken.
    """
    node_type = {n: d.get("type") for g in graphs for n, d in g.nodes(data=True)}
    result: dict[str, str] = {}
    for node, kind in sorted(node_type.items()):
        if kind not in ACTOR_TYPES:
            continue
        reach = ({node} | nx.descendants(affiliation, node)) if node in affiliation else {node}
        tops = sorted(n for n in reach if node_type.get(n) in SIDE_TYPES
                      and (n not in affiliation or affiliation.out_degree(n) == 0))
        if tops:
            result[node] = tops[0]
    return result


def mark_sides(graphs: Iterable[nx.Graph], side_of: Mapping[str, str], labels: Mapping[str, str],
               types: Mapping[str, str]) -> None:
    for graph in graphs:
        for node, data in graph.nodes(data=True):
            if node in side_of:
                data["side"] = side_of[node]
                data["side_label"] = labels[side_of[node]]
                data["sector"] = SIDE_TYPES[types[side_of[node]]]


def _node_info(graph: nx.Graph, node: str) -> dict[str, object]:
    return dict(graph.nodes[node])


def _held_post_in(held_post: list[str], post_in: list[str]) -> list[str]:
    """The evidence of person — organisation: the facts that state both that the person held the post and that
    the post is in the organisation (a post holding states both), not those of the post's other holders, which
    would date the tie by their time. Where no fact states both, the facts of either edge."""
    both = sorted(set(held_post) & set(post_in))
    return both or sorted(set(held_post) | set(post_in))


def combine_actors(co_participation: nx.Graph, affiliation: nx.DiGraph, statements: nx.DiGraph) -> nx.Graph:
    """The combined actor network: every tie between two actors that the other networks hold."""
    graph = nx.Graph(name=COMBINED.name, title=COMBINED.title,
                     query="queries/network/co-participation.rq affiliation.rq statements.rq")

    def tie(source_graph: nx.Graph, u: str, v: str, attributes: Mapping[str, object]) -> None:
        add_node(graph, u, _node_info(source_graph, u))
        add_node(graph, v, _node_info(source_graph, v))
        first, second = sorted((u, v))
        add_edge(graph, first, second, attributes)

    is_actor = {n for g in (co_participation, affiliation, statements) for n, t in g.nodes(data="type")
                if t in ACTOR_TYPES}
    for u, v, data in sorted(co_participation.edges(data=True)):
        tie(co_participation, u, v, data)
    for u, v, data in sorted(affiliation.edges(data=True)):
        if u in is_actor and v in is_actor:
            tie(affiliation, u, v, data)
        elif "held-post" in str(data["kind"]).split():  # person → post → organisation becomes person — organisation
            for _, organisation, post_in in sorted(affiliation.out_edges(v, data=True)):
                if organisation in is_actor:
                    tie(affiliation, u, organisation,
                        {"kind": "held-post-in", "weight": data["weight"], "basis": "release",
                         "evidence": _held_post_in(data["evidence"], post_in["evidence"])})
    for u, v, data in sorted(statements.edges(data=True)):
        if u in is_actor and v in is_actor and u != v:
            tie(statements, u, v, data)
    return graph


class Networks(Mapping[str, nx.Graph]):
    """The five networks by name (see :data:`NETWORK_NAMES`), as one notebook call returns them.

    Built by :func:`networks`, they also keep the query rows and the source they came from, so that
    :meth:`slice` can cut them by time and process (the facts' times are read from the source once,
    on first use: :attr:`timeline`).
    """

    def __init__(self, graphs: dict[str, nx.Graph], rows: Mapping[str, list[EdgeRow]] | None = None,
                 source: SelectSource | None = None, timeline: Timeline | None = None,
                 sides: tuple[Mapping[str, str], Mapping[str, str], Mapping[str, str]] | None = None,
                 window: Window | None = None):
        self._graphs = graphs
        self._rows = rows
        self._source = source
        self._timeline = timeline
        self._sides = sides
        self.window = window or Window()

    def __getitem__(self, name: str) -> nx.Graph:
        if name not in self._graphs:
            raise KeyError(f"{name!r}: no such network; the networks are {', '.join(self._graphs)}")
        return self._graphs[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._graphs)

    def __len__(self) -> int:
        return len(self._graphs)

    def __repr__(self) -> str:
        return "Networks(" + ", ".join(f"{name}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges"
                                       for name, g in self._graphs.items()) + ")"

    @property
    def timeline(self) -> Timeline:
        """Every fact's time and processes (:func:`migkg.network.slices.fact_times`), read once from the source."""
        if self._timeline is None:
            if self._source is None:
                raise MigkgError("these networks were built without a source, so they have no times; "
                                 "build them with network.load() or network.networks(source).")
            self._timeline = fact_times(self._source)
        return self._timeline

    def years(self) -> list[int]:
        """The years the edges of these networks reach into, in order."""
        facts = {f for g in self._graphs.values() for _, _, e in g.edges(data="evidence", default=[]) for f in e}
        return years(self.timeline, facts)

    def slice(self, start: str | int | None = None, end: str | int | None = None, year: str | int | None = None,
              process: str | None = None) -> Networks:
        """The networks of the facts from ``start`` to ``end`` (``2016``, ``2016-10``, ``2016-10-12``: from its
        first day to the last day of ``end``), or of one ``year``, and of one ``process`` (IRI or id) if given.

        An edge is kept when at least one of its facts falls in (see :mod:`migkg.network.slices`), with only
        those facts; a node is kept when one of its edges is. Co-participation and the combined network are
        derived again from the sliced networks; each actor keeps the side it has in the whole graph.
        """
        return self.within(window(start, end, year, process, self.timeline if process is not None else None))

    def within(self, chosen: Window) -> Networks:
        """The networks of the facts in a :class:`~migkg.network.slices.Window` (see :meth:`slice`)."""
        if self._rows is None:
            raise MigkgError("these networks were built without their query rows; build them with network.load() "
                             "or network.networks(source) to slice them.")
        if chosen.process is not None and chosen.process not in self.timeline.processes:
            self.timeline.process(chosen.process)  # an InputError listing the processes
        rows = {name: slice_rows(found, self.timeline, chosen) for name, found in self._rows.items()}
        result = assemble(rows, self._source, self._sides)
        result._timeline, result.window = self.timeline, chosen
        return result


def project_co_participation(actor_event: nx.Graph) -> nx.Graph:
    """The co-participation network from the two-mode one: the graph that ``co-participation.rq`` returns.

    Two actors are tied by the events they both took part in (``events``, ``weight`` = how many);
    the evidence is every participation of either actor at those events. Nodes and edges are
    added in the order in which :func:`build_graph` adds the query's rows, so both graphs (and
    their exports) are the same.
    """
    spec = next(s for s in QUERY_NETWORKS if s.name == "co-participation")
    graph = nx.Graph(name=spec.name, title=spec.title, query=f"queries/network/{spec.name}.rq")
    ties: dict[tuple[str, str], tuple[list[str], set[str]]] = {}
    events = sorted(n for n, part in actor_event.nodes(data="bipartite") if part == 1)
    for event in events:
        members = sorted(actor_event[event])
        evidence = {actor: actor_event.edges[actor, event].get("evidence", []) for actor in members}
        for i, source in enumerate(members):
            for target in members[i + 1:]:
                shared, facts = ties.setdefault((source, target), ([], set()))
                shared.append(event)
                facts.update(evidence[source])
                facts.update(evidence[target])
    for (source, target), (shared, facts) in sorted(ties.items()):
        for actor in (source, target):
            add_node(graph, actor, {k: v for k, v in actor_event.nodes[actor].items() if k != "bipartite"})
        graph.add_edge(source, target, kind="co-participated", weight=len(shared), events=shared,
                       evidence=sorted(facts))
    return graph


def network_rows(source: SelectSource) -> dict[str, list[EdgeRow]]:
    """The rows of every query network but co-participation (which :func:`networks` projects in Python)."""
    return {spec.name: edge_rows(source, spec.name) for spec in QUERY_NETWORKS if spec.name != "co-participation"}


def assemble(rows: Mapping[str, list[EdgeRow]], source: SelectSource | None = None,
             sides_of: tuple[Mapping[str, str], Mapping[str, str], Mapping[str, str]] | None = None) -> Networks:
    """The five networks from the rows of :func:`network_rows`; ``sides_of`` (each actor's side, and the labels
    and types of the sides) as the whole graph has them, for a slice, else worked out from these rows."""
    built = {spec.name: build_graph(spec, rows[spec.name]) for spec in QUERY_NETWORKS if spec.name in rows}
    graphs = {"actor-event": built["actor-event"], "co-participation": project_co_participation(built["actor-event"]),
              **{name: g for name, g in built.items() if name != "actor-event"}}
    if sides_of is None:
        side_of = sides(graphs["affiliation"], graphs.values())
        labels = {n: d["label"] for g in graphs.values() for n, d in g.nodes(data=True)}
        types = {n: d.get("type") for g in graphs.values() for n, d in g.nodes(data=True)}
        sides_of = (side_of, labels, cast("dict[str, str]", types))
    graphs[COMBINED.name] = combine_actors(graphs["co-participation"], graphs["affiliation"], graphs["statements"])
    mark_sides(graphs.values(), *sides_of)
    return Networks(graphs, rows, source, sides=sides_of)


def networks(source: SelectSource, timeline: Timeline | None = None) -> Networks:
    """All the networks, from any SELECT source: the embedded store or a SPARQL endpoint; ``timeline``: the facts'
    times if already read from it (else read on first use)."""
    nets = assemble(network_rows(source), source)
    nets._timeline = timeline
    return nets


def open_source(where: str | Path | SelectSource = "build") -> SelectSource:
    """A SELECT source from a built folder, an endpoint URL, or a source itself."""
    if isinstance(where, str) and where.startswith(("http://", "https://")):
        from migkg.stores.endpoint import EndpointSource

        return EndpointSource(where)
    if isinstance(where, (str, Path)):
        return EmbeddedSource(open_build(where).store)  # a folder without a build: MigkgError naming it
    return where


def load(where: str | Path | SelectSource = "build") -> Networks:
    """All the networks in one call: ``load("build")``, ``load("http://host/sparql")`` or ``load(source)``.

    On the seed, built by ``migkg build --out build``::

        >>> nets = load("build")
        >>> list(nets)
        ['actor-event', 'co-participation', 'affiliation', 'statements', 'actors']
        >>> nets["co-participation"].number_of_nodes(), nets["co-participation"].number_of_edges()
        (17, 136)
        >>> nets["actors"].nodes["https://w3id.org/migkg/state/KAZ"]["label"]
        'Kazakhstan'
    """
    return networks(open_source(where))
