"""Open a build folder as one in-memory store: the one way every reader of a build gets its graphs.

``migkg query``, ``migkg serve``, ``migkg publish``, the network analysis and the tests all see the
same dataset: every named graph of the N-Quads dump parts, plus the dataset description
(``void.ttl``) in its own graph ``<base>graph/dataset``, as a published store holds it.

Which files make a build is asked of :mod:`migkg.build.dumps` here and nowhere else in this package.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from migkg.build.dumps import DESCRIPTION_FILE, dump_files
from migkg.errors import MigkgError
from migkg.mapping.iris import Iris

VOID_URI_SPACE = ox.NamedNode("http://rdfs.org/ns/void#uriSpace")


@dataclass
class Build:
    """A build on an in-memory Oxigraph store: its named graphs plus the dataset description graph.

    ``files`` are the N-Quads dump parts the store was loaded from (in publication order), for a
    tool that loads them itself (``oxigraph load``, see :mod:`migkg.stores.serve`).
    """

    folder: Path
    store: ox.Store
    base: str
    files: list[Path]

    @property
    def description_graph(self) -> str:
        """The name of the graph that holds the dataset description (``void.ttl``)."""
        return Iris(self.base).description_graph().value

    def graph_names(self) -> list[str]:
        """Every named graph of the build, the description's included, sorted."""
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def ntriples(self, graph: str) -> bytes:
        """One named graph as sorted N-Triples (the same bytes for the same graph, run after run)."""
        triples = (ox.Triple(q.subject, q.predicate, q.object)
                   for q in self.store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
        return ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES) or b""


def open_build(out_dir: Path | str) -> Build:
    """Read the N-Quads files (every dump part) and ``void.ttl`` of the build in ``out_dir``.

    Raises :class:`MigkgError` naming the folder when it holds no build or one that cannot be read.
    """
    out_dir = Path(out_dir)
    files = dump_files(out_dir, "nq")
    description = out_dir / DESCRIPTION_FILE
    try:
        store = ox.Store()
        for path in files:
            store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
        description_triples = [ox.Triple(q.subject, q.predicate, q.object)
                               for q in ox.parse(path=str(description), format=ox.RdfFormat.TURTLE)]
    except (SyntaxError, OSError) as err:
        raise MigkgError(f"{out_dir}: the build cannot be read ({err}). Fix: run `migkg build` again.") from None
    base = next((t.object.value for t in description_triples
                 if t.predicate == VOID_URI_SPACE and isinstance(t.object, ox.Literal)), None)
    if not base:
        raise MigkgError(f"{description}: no void:uriSpace, so the base IRI is unknown. Fix: run `migkg build` again.")
    build = Build(out_dir, store, base, files)
    graph = ox.NamedNode(build.description_graph)
    store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in description_triples)
    return build
