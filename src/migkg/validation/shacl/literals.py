"""How the constraint components read values: strings, datatypes, languages and order.

Each function reads a value as pyshacl's component of the same name does, so that the two
engines agree (``tests/test_scale_shacl.py``). Order between literals (sh:minInclusive and the
other value-range components) is SPARQL's ``<``/``<=`` operators, as the SHACL spec defines it,
evaluated by Oxigraph rather than by hand.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache
from typing import cast

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node

from migkg.mapping.terms import Term, to_ox
from migkg.validation.shacl.terms import Unsupported, literal_of

#: the Python type rdflib gives a well-formed value of each datatype (pyshacl checks it for sh:datatype)
_ACTUAL: dict[URIRef, type | tuple[type, ...]] = {
    XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
    XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: dt.date, XSD.time: dt.time, XSD.dateTime: dt.datetime}

_XSD_STRING = ox.NamedNode(str(XSD.string))

#: an empty store: SPARQL's comparison operators on two literals, without data
_NO_DATA = ox.Store()


def same(value: Term, expected: Node) -> bool:
    """Whether a data value is the shapes graph's term ``expected`` (sh:hasValue, sh:in)."""
    if isinstance(expected, Literal):
        return isinstance(value, ox.Literal) and literal_of(value) == expected
    return isinstance(value, ox.NamedNode) and value.value == str(expected)


def string_of(v: Term) -> str:
    """The string a SHACL string constraint reads, as pyshacl's value_node_to_string has it."""
    if isinstance(v, ox.Literal):
        if v.language or v.datatype == _XSD_STRING:  # a string's value is its lexical form (rdflib's, unchanged)
            return v.value
        literal = literal_of(v)
        if literal.value is not None and literal.datatype in (None, RDF.langString, XSD.string):
            return str(literal.value)
        return str(literal)
    return v.value


@lru_cache(maxsize=1 << 16)
def comparable(v: Term) -> tuple[object, bool]:
    """(value, is_text) as pyshacl's sh:lessThan compares them (a plain int where rdflib's value is one:
    rdflib compares integer literals by value, and a Python int compares faster than a Literal)."""
    if isinstance(v, ox.BlankNode):
        raise Unsupported("sh:lessThan on a blank node")
    if isinstance(v, ox.NamedNode):
        return v.value, True
    literal = literal_of(v)
    if isinstance(literal.value, str):
        return literal.value, True
    return literal, False


@lru_cache(maxsize=1 << 16)
def plain_int(v: Term) -> int | None:
    """The int of an integer literal that rdflib reads as one, else None."""
    if not isinstance(v, ox.Literal):
        return None
    value = literal_of(v).value
    return value if type(value) is int else None


@lru_cache(maxsize=1 << 16)
def datatype_ok(rule_iri: str, v: Term) -> bool:
    """pyshacl's sh:datatype: the literal's datatype, well-formed (rdflib's ill_typed), and its value of that type.
    (Cached by the rule's IRI as a str: an rdflib URIRef in the key would compare in Python on every hit.)"""
    if not isinstance(v, ox.Literal):
        return False
    rule = URIRef(rule_iri)
    literal = literal_of(v)
    datatype, lang = literal.datatype, literal.language
    if datatype == rule:
        if getattr(literal, "ill_typed", None) is True:
            return False
    elif rule == RDFS.Literal or (rule == RDFS.Datatype and datatype):
        return True
    elif not ((datatype is None and lang is None and rule == XSD.string) or (rule == RDF.langString and lang)):
        return False
    expected = _ACTUAL.get(rule)
    return expected is None or isinstance(literal.value, expected)


def language_in(languages: frozenset[str], v: Term) -> bool:
    """sh:languageIn: a literal whose language tag matches one of ``languages`` (lower case)."""
    if not isinstance(v, ox.Literal) or not v.language:
        return False
    lang = v.language.lower()
    return "*" in languages or lang in languages or lang.split("-")[0] in languages


@lru_cache(maxsize=1 << 16)
def sparql_compares(left: ox.Literal, operator: str, right: ox.Literal) -> bool:
    """``left OPERATOR right`` as SPARQL evaluates it (false where SPARQL raises an error: incomparable types)."""
    return bool(_NO_DATA.query(f"ASK {{ FILTER({left} {operator} {right}) }}"))


def in_range(bound: Literal, operator: str, v: Term) -> bool:
    """The value-range components: whether ``v OPERATOR bound`` (``>=`` for sh:minInclusive, ...).

    Two plain integers compare as ints (what SPARQL's comparison of two integers comes to, and
    faster); a string against a non-string, as pyshacl has it, fails; the rest is SPARQL's order.
    """
    if not isinstance(v, ox.Literal):
        return False
    value = plain_int(v)
    if value is not None and type(bound.value) is int:
        return {">=": value >= bound.value, ">": value > bound.value,
                "<=": value <= bound.value, "<": value < bound.value}[operator]
    literal = literal_of(v)
    if isinstance(bound.value, str) != isinstance(literal.value, str):
        return False
    if getattr(literal, "ill_typed", None) is True:
        return False
    return sparql_compares(v, operator, cast(ox.Literal, to_ox(bound)))
