"""Put the built dataset into a triplestore, one whole named graph at a time.

Each named graph of the build (vocabulary, registry, each release's graph and derived graph)
and the dataset description (``void.ttl``, in its own graph ``<base>graph/dataset``) is sent
as N-Triples and **replaces** the graph of the same name in the store:

- through the SPARQL 1.1 Graph Store Protocol (default): ``PUT <store>?graph=<iri>``;
- or, for a store without it, through SPARQL 1.1 Update: one request per graph,
  ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }``.

Replacing whole graphs makes publishing idempotent: publishing twice leaves what publishing
once left, and running ``migkg publish`` again after a failure completes the first run.

What a failure part-way leaves (tried with the tests' stores, see docs/researchers.md): every
graph sent before the failure is wholly new, every graph after it is wholly old, and the graph
being sent is wholly old or wholly new, because

- Oxigraph 0.5 replaces a graph on PUT in one transaction: a body cut off mid-way, or one
  with a syntax error after 100,000 good triples, leaves the old graph; a multi-operation
  update is one transaction too;
- Virtuoso 7.2 reads the whole request before acting, so a body cut off mid-way changes
  nothing; but it does *not* roll back a load that fails half-way inside the server (a
  syntax error at line 100,001 left 100,000 new triples and no old ones), nor the operations
  of an update before a failing one. migkg only sends bodies that Oxigraph serialised, so
  that case needs a server fault (disk full, crash) mid-load.

Graphs go in this order: vocabulary, registry, any other graph, each release (its graph,
then its derived graph) in release order, the conflicts graph (what the build warns about,
naming release graphs), and the dataset description last, so that neither names a release
the store does not hold yet.

The store ends up holding exactly the build's graphs of this dataset. The description graph as
published lists every graph publishing put, in the SPARQL 1.1 Service Description vocabulary
(``<base>dataset sd:namedGraph <g> . <g> sd:name <g>``). Before sending the description, publish reads that
list from the store (the description of the last publish); graphs it names that the build no longer
has — the two graphs of a release dropped from the build, a conflicts graph of a build that has none —
are removed after the build's graphs are in and before the new description replaces the old list (which is
read only then, so a run stopped earlier sends nothing more than before), and a run stopped part-way leaves
them listed for the next run to remove. Nothing else is removed: a graph
that no description of this dataset (this base IRI) lists is not publish's to touch.
"""
from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import pyoxigraph as ox

from migkg.errors import MigkgError
from migkg.mapping.iris import Iris
from migkg.stores.failures import PASSWORD_VARIABLE, USER_VARIABLE, EndpointError
from migkg.stores.http import HttpClient, check_url
from migkg.stores.opening import Build

GSP_ACCEPTED = (200, 201, 204)


@dataclass(frozen=True)
class GraphToPublish:
    name: str                  # the graph IRI
    label: str                 # for people: "vocabulary", "release X (graph)"...
    release_id: str | None = None


def graphs_of(build: Build) -> list[GraphToPublish]:
    """The graphs of ``build`` in publishing order."""
    return plan(build.graph_names(), build.base)


def plan(graph_names: list[str], base: str) -> list[GraphToPublish]:
    """The graphs in publishing order (see the module docstring), each with a label for people."""
    release = re.compile(re.escape(base) + r"release/(?P<id>[^/]+)/(?P<part>graph|derived)$")
    iris = Iris(base)
    fixed = {iris.vocabulary_graph().value: "vocabulary", iris.registry_graph().value: "registry"}
    description, conflicts = iris.description_graph().value, iris.conflicts_graph().value
    first, middle, releases = [], [], []
    for name in graph_names:
        match = release.match(name)
        if name in fixed:
            first.append(GraphToPublish(name, fixed[name]))
        elif match:
            part = 0 if match.group("part") == "graph" else 1
            releases.append((match.group("id"), part, GraphToPublish(
                name, f"release {match.group('id')} ({match.group('part')})", match.group("id"))))
        elif name not in (description, conflicts):
            middle.append(GraphToPublish(name, f"graph <{name}>"))
    first.sort(key=lambda g: list(fixed.values()).index(g.label))
    ordered = first + middle + [g for _, _, g in sorted(releases, key=lambda r: (r[0], r[1]))]
    if conflicts in graph_names:
        ordered.append(GraphToPublish(conflicts, "conflicts"))
    if description in graph_names:
        ordered.append(GraphToPublish(description, "dataset description"))
    return ordered


SD = "http://www.w3.org/ns/sparql-service-description#"
SD_NAMED_GRAPH, SD_NAME = ox.NamedNode(SD + "namedGraph"), ox.NamedNode(SD + "name")


def listing(build: Build, graphs: list[GraphToPublish]) -> list[ox.Triple]:
    """The triples that say which graphs this publish puts: ``<dataset> sd:namedGraph <g>``, ``<g> sd:name <g>``
    (the description graph, which holds them, is not listed)."""
    dataset = Iris(build.base).dataset()
    triples = []
    for graph in graphs:
        if graph.name != build.description_graph:
            node = ox.NamedNode(graph.name)
            triples += [ox.Triple(dataset, SD_NAMED_GRAPH, node), ox.Triple(node, SD_NAME, node)]
    return triples


def listed_graphs(triples: list[ox.Triple], base: str) -> set[str]:
    """The graphs a description lists for the dataset of ``base`` (see :func:`listing`)."""
    dataset = Iris(base).dataset()
    return {t.object.value for t in triples
            if t.subject == dataset and t.predicate == SD_NAMED_GRAPH and isinstance(t.object, ox.NamedNode)}


# --------------------------------------------------------------------------- where graphs go
class GraphTarget(Protocol):
    def replace(self, graph: str, ntriples: bytes) -> None:
        """Make the store's graph ``graph`` hold exactly these triples."""

    def read(self, graph: str) -> list[ox.Triple] | None:
        """The triples of ``graph`` in the store (none when it has no such graph); None when this endpoint
        cannot be read."""

    def remove(self, graph: str) -> None:
        """Remove ``graph`` from the store (nothing when it has no such graph)."""


class GraphStoreTarget:
    """SPARQL 1.1 Graph Store Protocol, indirect graph identification: PUT ``URL?graph=IRI``."""

    def __init__(self, url: str, client: HttpClient):
        self.url = check_url(url)
        self.client = client

    def replace(self, graph: str, ntriples: bytes) -> None:
        url = self._graph_url(graph)
        # Accept */*: Virtuoso answers 406 to "Accept: text/turtle" on a write, although it wrote
        response = self.client.request("PUT", url, data=ntriples, headers={
            "Content-Type": "application/n-triples; charset=utf-8", "Accept": "*/*"})
        if response.status not in GSP_ACCEPTED:
            raise EndpointError(f"PUT {self.url}: unexpected HTTP {response.status} for graph <{graph}>. "
                                "Fix: check that the URL is a Graph Store Protocol endpoint.")

    def _graph_url(self, graph: str) -> str:
        separator = "&" if urllib.parse.urlsplit(self.url).query else "?"
        return f"{self.url}{separator}graph={urllib.parse.quote(graph, safe='')}"

    def read(self, graph: str) -> list[ox.Triple] | None:
        try:
            response = self.client.request("GET", self._graph_url(graph), headers={
                "Accept": "application/n-triples, text/turtle;q=0.9"})
        except EndpointError as err:
            if err.status == 404:  # the store has no such graph: nothing was published there
                return []
            raise
        return _triples(response.body, response.content_type)

    def remove(self, graph: str) -> None:
        try:
            self.client.request("DELETE", self._graph_url(graph), headers={"Accept": "*/*"})
        except EndpointError as err:
            if err.status != 404:  # already gone
                raise


class UpdateTarget:
    """SPARQL 1.1 Update, for stores without the Graph Store Protocol: one request per graph."""

    def __init__(self, url: str, client: HttpClient):
        self.url = check_url(url)
        self.client = client

    def replace(self, graph: str, ntriples: bytes) -> None:
        self.client.request("POST", self.url, data=replacement_update(graph, ntriples),
                            headers={"Content-Type": "application/sparql-update; charset=utf-8", "Accept": "*/*"},
                            idempotent=True)  # replacing a graph twice leaves what replacing it once leaves

    def read(self, graph: str) -> list[ox.Triple] | None:
        """Asked of the same URL as a query: a store whose one endpoint takes both (Virtuoso's /sparql) answers;
        one with an update-only URL (Oxigraph's /update) cannot be read, and None says so."""
        iri = str(ox.NamedNode(graph))
        try:
            response = self.client.request("POST", self.url, data={"query": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ "
                                                                            f"GRAPH {iri} {{ ?s ?p ?o }} }}"},
                                           headers={"Accept": "application/n-triples, text/turtle;q=0.9"})
            return _triples(response.body, response.content_type)
        except (EndpointError, SyntaxError, ValueError):
            return None

    def remove(self, graph: str) -> None:
        self.client.request("POST", self.url, data=f"DROP SILENT GRAPH {ox.NamedNode(graph)}".encode(),
                            headers={"Content-Type": "application/sparql-update; charset=utf-8", "Accept": "*/*"},
                            idempotent=True)


def _triples(body: bytes, media_type: str) -> list[ox.Triple]:
    """The triples of a graph a store sent, in the format it chose (N-Triples or Turtle)."""
    rdf_format = ox.RdfFormat.from_media_type(media_type) or ox.RdfFormat.N_TRIPLES
    return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(body, format=rdf_format)]


def replacement_update(graph: str, ntriples: bytes) -> bytes:
    """``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { N-Triples } }``: N-Triples lines are SPARQL triples."""
    iri = str(ox.NamedNode(graph))
    return (f"DROP SILENT GRAPH {iri} ;\nINSERT DATA {{ GRAPH {iri} {{\n".encode() + ntriples + b"} }\n")


# --------------------------------------------------------------------------- publishing
@dataclass
class PublishReport:
    published: list[GraphToPublish] = field(default_factory=list)
    triples: int = 0
    removed: list[GraphToPublish] = field(default_factory=list)  # graphs of the last publish the build no longer has
    unread: bool = False  # the store's previous description could not be read: nothing was removed


class PublishFailed(MigkgError):
    """Publishing stopped part-way; the message says what the store now holds."""


def publish(build: Build, graphs: list[GraphToPublish], target: GraphTarget,
            on_graph: Callable[[GraphToPublish], None] = lambda graph: None) -> PublishReport:
    """Replace each of ``graphs`` (see :func:`graphs_of`) of ``build`` in the store, in order; just before the
    description, read the list of graphs the last publish put from the description still in the store, and remove
    those the build no longer has. Stop at the first failure."""
    report = PublishReport()
    description = build.description_graph
    wanted = {g.name for g in graphs}
    for graph in graphs:
        try:
            body = build.ntriples(graph.name)
            sent = body
            if graph.name == description:  # the description, with the list of the graphs put
                _remove_stale(build, graphs, target, report)
                sent = ox.serialize(sorted(set(_triples(body, "application/n-triples") + listing(build, graphs)),
                                           key=str), format=ox.RdfFormat.N_TRIPLES) or b""
            target.replace(graph.name, sent)
        except MigkgError as err:
            raise PublishFailed(failure_message(graphs, report.published, graph, err)) from None
        report.published.append(graph)
        report.triples += body.count(b"\n")  # the build's triples (the list of graphs is publish's own)
        on_graph(graph)
    if description not in wanted:
        _remove_stale(build, graphs, target, report)
    return report


def _remove_stale(build: Build, graphs: list[GraphToPublish], target: GraphTarget, report: PublishReport) -> None:
    """Remove the graphs the store's description (of the last publish) lists that ``graphs`` do not hold."""
    previous = target.read(build.description_graph)
    report.unread = previous is None
    stale = sorted(listed_graphs(previous or [], build.base) - {g.name for g in graphs} - {build.description_graph})
    _remove(stale, target, report, build.base)


def _remove(stale: list[str], target: GraphTarget, report: PublishReport, base: str) -> None:
    for graph in plan(stale, base):
        try:
            target.remove(graph.name)
        except MigkgError as err:
            raise EndpointError(f"removing {graph.label} <{graph.name}>, which the last publish put and the build "
                                f"no longer has, failed: {err}", getattr(err, "status", None)) from None
        report.removed.append(graph)


def failure_message(graphs: list[GraphToPublish], published: list[GraphToPublish], failed: GraphToPublish,
                    cause: MigkgError) -> str:
    """What the store holds after a failure: which graphs and releases are new, which are as they were.

    The graph being sent is reported apart: when the connection fails after the request went out,
    the store may have replaced it or not; either way it holds the whole old or the whole new graph.
    """
    done = {g.name for g in published}
    releases: dict[str, list[GraphToPublish]] = {}
    for graph in graphs:
        if graph.release_id:
            releases.setdefault(graph.release_id, []).append(graph)
    complete = [r for r, parts in releases.items() if all(g.name in done for g in parts)]
    untouched = [r for r, parts in releases.items()
                 if not any(g.name in done or g.name == failed.name for g in parts)]
    lines = [f"publishing stopped at {failed.label} <{failed.name}>: {cause}",
             "published (each graph replaced whole): " + _listing(
                 [g.label for g in published if not g.release_id], complete),
             f"being sent when it stopped (now wholly old or wholly new): {failed.label}",
             "not published (left as they were): " + _listing(
                 [g.label for g in graphs if not g.release_id and g.name not in done and g.name != failed.name],
                 untouched)]
    if failed.release_id:
        sent = [g.label for g in releases[failed.release_id] if g.name in done]
        if sent:
            lines.append(f"release {failed.release_id}: {', '.join(sent)} replaced, the rest not")
    lines.append(f"Fix: {_what_to_do(getattr(cause, 'status', None))} run the same `migkg publish`: graphs are "
                 "replaced whole, so a second run completes the first.")
    return "\n".join(lines)


def _what_to_do(status: int | None) -> str:
    """What must change before publishing again: waiting helps a store that is down or busy, not one that
    refuses the writes or is not a store at that URL."""
    if status in (401, 403):
        return (f"the store refuses to be written to (HTTP {status}: read-only, or not with this login). Publish to a "
                "writable endpoint (Oxigraph `serve`, not `serve-read-only`; `migkg serve --writable`), or set "
                f"{USER_VARIABLE} and {PASSWORD_VARIABLE} to a login allowed to write; then")
    if status in (404, 405):
        return (f"nothing at that URL takes graphs (HTTP {status}). Give the store's Graph Store Protocol URL "
                "(Oxigraph: /store; Virtuoso: /sparql-graph-crud), or its update URL with --protocol update; then")
    return "once the store answers again,"


def _listing(shared: list[str], releases: list[str], show: int = 20) -> str:
    parts = list(shared)
    if releases:
        shown = ", ".join(releases[:show]) + (f" and {len(releases) - show} more" if len(releases) > show else "")
        parts.append(f"{len(releases)} release(s): {shown}")
    return "; ".join(parts) if parts else "nothing"
