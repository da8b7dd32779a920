"""Where SELECT answers come from: the embedded store, or (see :mod:`migkg.stores.endpoint`) any
SPARQL 1.1 endpoint. Code that needs rows (the catalogue, the networks) takes a
:class:`SelectSource` and works on either.

A build folder is opened with :func:`migkg.stores.opening.open_build`; its ``store`` goes in an
:class:`EmbeddedSource`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import pyoxigraph as ox

from migkg.mapping.terms import Term


@dataclass
class SelectResult:
    """A SELECT answer: the variables in order, and each row as variable name -> term (or None)."""

    variables: list[str]
    rows: list[dict[str, Term | None]]


Answer = SelectResult | bool | list[ox.Triple]  # SELECT, ASK, or CONSTRUCT/DESCRIBE (a list of ox.Triple)


class SelectSource(Protocol):
    def select(self, query: str, bindings: dict[str, Term] | None = None) -> SelectResult:
        """Run a SELECT query with the given variables bound to RDF terms (never pasted into text)."""


class EmbeddedSource:
    """The built dataset on an in-process Oxigraph store; the default graph is the union of all graphs."""

    def __init__(self, store: ox.Store):
        self.store = store

    def select(self, query: str, bindings: dict[str, Term] | None = None) -> SelectResult:
        solutions = self.store.query(query, use_default_graph_as_union=True,
                                     substitutions={ox.Variable(k): v for k, v in (bindings or {}).items()})
        if not isinstance(solutions, ox.QuerySolutions):
            raise TypeError("select() takes a SELECT query")
        return _rows(solutions)


def as_answer(results: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> Answer:
    """pyoxigraph's results (embedded or parsed from a server), read in full into plain values."""
    if isinstance(results, ox.QuerySolutions):
        return _rows(results)
    if isinstance(results, ox.QueryBoolean):
        return bool(results)
    return [ox.Triple(t.subject, t.predicate, t.object) for t in results]


def _rows(solutions: ox.QuerySolutions) -> SelectResult:
    variables = [v.value for v in solutions.variables]
    return SelectResult(variables, [{v: s[v] for v in variables} for s in solutions])
