"""How the compiled SHACL engine orders literals for the value-range components (sh:minInclusive, ...).

SHACL defines them by SPARQL's comparison operators; the engine asks Oxigraph (it imported a
private pyshacl module for this before). Each case is one that a hand-written comparison tends to
get wrong: numbers of different datatypes, dates, strings against numbers, ill-formed values.
"""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from migkg.validation.shacl.literals import in_range, sparql_compares


def typed(lexical: str, datatype) -> ox.Literal:
    return ox.Literal(lexical, datatype=ox.NamedNode(str(datatype)))


@pytest.mark.parametrize("value, operator, bound, expected", [
    (typed("0", XSD.integer), ">=", Literal(0), True),
    (typed("-1", XSD.integer), ">=", Literal(0), False),
    (typed("2.5", XSD.decimal), ">", Literal(2), True),  # decimal against integer: numeric order
    (typed("2.0", XSD.decimal), ">", Literal(2), False),
    (typed("1e1", XSD.double), "<=", Literal(10), True),
    (typed("7", XSD.nonNegativeInteger), ">=", Literal(0), True),  # a derived integer type
    (typed("2013-06-05", XSD.date), ">=", Literal("2013-01-01", datatype=XSD.date), True),
    (typed("2012-12-31", XSD.date), ">=", Literal("2013-01-01", datatype=XSD.date), False),
    (ox.Literal("10"), ">=", Literal(0), False),  # a string is not in the range of a number
    (typed("ten", XSD.integer), ">=", Literal(0), False),  # ill-formed: no value to compare
    (ox.NamedNode("http://example.org/a"), ">=", Literal(0), False),  # not a literal
    (typed("2013-06-05", XSD.date), "<", Literal(5), False),  # incomparable types: SPARQL's error is a failure
])
def test_value_ranges_order_as_sparql_does(value, operator, bound, expected):
    assert in_range(bound, operator, value) is expected


def test_the_comparison_is_oxigraphs_sparql():
    assert sparql_compares(typed("1", XSD.integer), "<", typed("1.5", XSD.decimal))
    assert not sparql_compares(typed("b", XSD.string), "<", typed("1", XSD.integer))


def test_the_engine_no_longer_imports_pyshacl():
    """pyshacl is the fallback and the reference, not a part of the compiled engine (its private modules least of all)."""
    import pathlib
    import re

    import migkg.validation.shacl as engine

    for module in pathlib.Path(engine.__file__).parent.rglob("*.py"):
        assert not re.search(r"^\s*(import|from)\s+pyshacl\b", module.read_text(encoding="utf-8"), re.MULTILINE), module
