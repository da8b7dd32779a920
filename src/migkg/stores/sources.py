"""Where SELECT answers come from: the embedded store, or (see :mod:`migkg.stores.endpoint`) any
SPARQL 1.1 endpoint. Code that needs rows (the catalogue, the networks) takes a
:class:`SelectSource` and works on either.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

Term = ox.NamedNode | ox.Literal | ox.BlankNode


@dataclass
class SelectResult:
    """A SELECT answer: the variables in order, and each row as variable name -> term (or None)."""

    variables: list[str]
    rows: list[dict[str, Term | None]]


class SelectSource(Protocol):
    def select(self, query: str, bindings: dict[str, Term] | None = None) -> SelectResult:
        """Run a SELECT query with the given variables bound to RDF terms (never pasted into text)."""


class EmbeddedSource:
    """The built dataset on an in-process Oxigraph store; the default graph is the union of all graphs."""

    def __init__(self, store: ox.Store):
        self.store = store

    @classmethod
    def from_build(cls, out_dir: Path) -> EmbeddedSource:
        from migkg.build.dumps import dump_files
        from migkg.stores.store import store_from_files

        return cls(store_from_files(dump_files(out_dir, "nq")))

    def select(self, query: str, bindings: dict[str, Term] | None = None) -> SelectResult:
        solutions = self.store.query(query, use_default_graph_as_union=True,
                                     substitutions={ox.Variable(k): v for k, v in (bindings or {}).items()})
        if not isinstance(solutions, ox.QuerySolutions):
            raise TypeError("select() takes a SELECT query")
        variables = [v.value for v in solutions.variables]
        return SelectResult(variables, [{v: s[v] for v in variables} for s in solutions])
